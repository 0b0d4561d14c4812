// libFuzzer target: users' gazetteer files, JSON and the line format.
#include <cstddef>
#include <cstdint>
#include <string>

#include "ingest/gazetteer.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  ingest::Gazetteer json;
  (void)json.add_json(bytes, "fuzz.json");
  ingest::Gazetteer lines;
  (void)lines.add_lines(bytes, "fuzz.txt");
  return 0;
}
