#include "tests/ingest/extraction_helpers.h"

#include <catch2/catch.hpp>

#include "ingest/document_reader.h"
#include "ingest/pipeline.h"

namespace newsgraph::testing {

Extraction extract_text(const std::string& text, const std::string& id) {
  static const ingest::Extractor extractor = [] {
    ingest::Extractor x;
    REQUIRE(ingest::Extractor::create(ingest::ExtractorOptions{}, &x).is_ok());
    return x;
  }();
  Document d;
  d.id = id;
  d.text = text;
  d.published = ingest::plain_text_date(text);  // dated as the reader dates a text file
  return extractor.extract(d, true);
}

const Entity* find_entity(const Extraction& x, const std::string& label) {
  for (const auto& e : x.entities)
    if (e.label == label) return &e;
  return nullptr;
}

}  // namespace newsgraph::testing
