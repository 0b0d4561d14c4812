// libFuzzer target: extraction (and its JSON output) on any text the reader would pass:
// valid UTF-8 without NUL bytes.
#include <cstddef>
#include <cstdint>
#include <string>

#include "core/extraction_format.h"
#include "core/utf8.h"
#include "ingest/pipeline.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  static const ingest::Extractor* extractor = [] {
    auto* e = new ingest::Extractor();  // lives as long as the process
    if (!ingest::Extractor::create(ingest::ExtractorOptions{}, e).is_ok()) __builtin_trap();
    return e;
  }();
  Document doc;
  doc.id = "fuzz";
  doc.text.assign(reinterpret_cast<const char*>(data), size);
  if (utf8::first_invalid_byte(doc.text) || doc.text.find('\0') != std::string::npos) return 0;
  for (bool title_in_text : {true, false}) {
    Extraction x;
    if (!extractor->try_extract(doc, title_in_text, &x).is_ok()) __builtin_trap();  // a bug, not bad input
    std::string json;
    append_extraction_json(x, json);
    if (utf8::first_invalid_byte(json)) __builtin_trap();
  }
  return 0;
}
