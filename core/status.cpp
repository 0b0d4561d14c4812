#include "core/status.h"

namespace newsgraph {

const char* status_code_name(StatusCode code) {
  switch (code) {
    case StatusCode::kOk: return "ok";
    case StatusCode::kNotFound: return "not-found";
    case StatusCode::kIoError: return "io-error";
    case StatusCode::kInvalidInput: return "invalid-input";
    case StatusCode::kEmpty: return "empty";
    case StatusCode::kTooLarge: return "too-large";
    case StatusCode::kUsage: return "usage";
    case StatusCode::kInternal: return "internal";
    case StatusCode::kBusy: return "busy";
  }
  return "unknown";
}

}  // namespace newsgraph
