// libFuzzer target: curate's overrides JSON (files and POST /curate bodies).
#include <cstddef>
#include <cstdint>
#include <string>

#include "store/store.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  store::Overrides overrides;
  (void)store::parse_overrides(std::string(reinterpret_cast<const char*>(data), size), "fuzz.json", &overrides);
  return 0;
}
