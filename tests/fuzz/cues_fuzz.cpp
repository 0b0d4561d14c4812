// libFuzzer target: users' relation cue files.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "ingest/cue_file.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  ingest::CueFile file;
  (void)ingest::parse_cue_file(std::string_view(reinterpret_cast<const char*>(data), size), "fuzz.txt", &file);
  return 0;
}
