// The extraction pipeline for one article: clean → tokenize → split sentences →
// recognise → resolve → relate. An Extractor holds the gazetteer and is read-only
// once built, so one Extractor may serve many threads.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "ingest/gazetteer.h"

namespace newsgraph::ingest {

struct ExtractorOptions {
  // JSON gazetteer files added to the built-in one, in order.
  std::vector<std::string> gazetteer_files;
  // Leave out the built-in gazetteer (tests and users with their own world).
  bool skip_builtin_gazetteer = false;
};

class Extractor {
 public:
  // Loads the gazetteers. Fails with the gazetteer loader's status.
  static Status create(const ExtractorOptions& options, Extractor* out);

  Extractor() = default;

  // Extracts entities and relations from one document. `title_in_text`: the text
  // starts with its own title line (plain-text articles). Never fails: text that holds
  // nothing recognisable gives an empty extraction.
  Extraction extract(const Document& doc, bool title_in_text) const;
  // The same, for callers that go on with other documents: anything thrown while
  // extracting this one (a bug, memory running out) becomes kInternal naming it.
  Status try_extract(const Document& doc, bool title_in_text, Extraction* out) const;

  const Gazetteer& gazetteer() const { return gazetteer_; }

 private:
  Gazetteer gazetteer_;
};

}  // namespace newsgraph::ingest
