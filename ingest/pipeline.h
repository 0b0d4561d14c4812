// The extraction pipeline for one article: clean → tokenize → split sentences →
// recognise → resolve → relate. An Extractor holds the gazetteer and the relation cue
// lexicon and is read-only
// once built, so one Extractor may serve many threads.
#pragma once

#include <string>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "ingest/cue_lexicon.h"
#include "ingest/gazetteer.h"

namespace newsgraph::ingest {

struct ExtractorOptions {
  // JSON gazetteer files added to the built-in one, in order.
  std::vector<std::string> gazetteer_files;
  // Leave out the built-in gazetteer (tests and users with their own world).
  bool skip_builtin_gazetteer = false;
  // Relation cue files (data/cues.txt format) added to the built-in lexicon, in order;
  // a later file's entries for a cue are tried first.
  std::vector<std::string> cue_files;
};

class Extractor {
 public:
  // Loads the gazetteers and the cue lexicons. Fails with the gazetteer loader's or the
  // cue file reader's status (kNotFound, kInvalidInput naming the file and line).
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
  const CueLexicon& cues() const { return cues_; }

 private:
  Gazetteer gazetteer_;
  CueLexicon cues_;
};

}  // namespace newsgraph::ingest
