// libFuzzer target: the document reader on arbitrary bytes, as JSON Lines and as a
// plain-text article. Built by -DNEWSGRAPH_FUZZ=ON (clang); see tests/fuzz/README.md.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "ingest/document_reader.h"

using namespace newsgraph;

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::string bytes(reinterpret_cast<const char*>(data), size);
  ingest::ReadOptions options;
  options.max_article_bytes = 1 << 16;
  size_t documents = 0;
  ingest::ReadCallbacks callbacks;
  callbacks.on_document = [&](const Document& doc, bool) {
    documents += doc.text.empty() ? 0 : 1;
  };
  ingest::DocumentReader reader(options, callbacks);
  std::istringstream lines(bytes);
  reader.read_json_lines(lines, "fuzz.jsonl");
  reader.read_text(bytes, "fuzz.txt");
  return 0;
}
