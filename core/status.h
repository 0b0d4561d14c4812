// Status: the result of an operation that can fail at a module boundary.
// A closed set of codes plus a message that names the file, line or byte at fault.
// Value type; no exceptions cross module boundaries.
#pragma once

#include <string>
#include <utility>

namespace newsgraph {

enum class StatusCode {
  kOk = 0,
  kNotFound,      // a file or directory does not exist
  kIoError,       // reading or writing failed
  kInvalidInput,  // the input is not what it claims to be (bad UTF-8, binary, bad JSON)
  kEmpty,         // the input holds no text
  kTooLarge,      // the input exceeds a configured limit
  kUsage,         // a caller passed arguments that make no sense
  kInternal,      // a fault of ours (a bug, or memory ran out) while handling one input
  kBusy,          // another writer held the store longer than this one would wait for it
};

class Status {
 public:
  Status() = default;
  static Status ok() { return Status(); }
  static Status error(StatusCode code, std::string message) {
    return Status(code, std::move(message));
  }

  bool is_ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }

 private:
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// Short lowercase name of a code, e.g. "invalid-input", for messages and JSON.
const char* status_code_name(StatusCode code);

}  // namespace newsgraph
