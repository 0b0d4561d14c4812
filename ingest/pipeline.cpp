#include "ingest/pipeline.h"

#include <optional>

#include "ingest/analysis.h"
#include "ingest/cleaner.h"
#include "ingest/recognizer.h"
#include "ingest/relation_extractor.h"
#include "ingest/resolver.h"
#include "ingest/sentence_splitter.h"
#include "ingest/spaced_hyphens.h"

namespace newsgraph::ingest {

Status Extractor::create(const ExtractorOptions& options, Extractor* out) {
  Extractor e;
  if (!options.skip_builtin_gazetteer) e.gazetteer_ = Gazetteer::built_in();
  for (const auto& path : options.gazetteer_files) {
    Status st = e.gazetteer_.add_json_file(path);
    if (!st.is_ok()) return st;
  }
  if (Status st = e.cues_.add_lines(CueLexicon::built_in_text(), "built-in cues"); !st.is_ok()) return st;
  for (const auto& path : options.cue_files) {
    if (Status st = e.cues_.add_file(path); !st.is_ok()) return st;
  }
  *out = std::move(e);
  return Status::ok();
}

Extraction Extractor::extract(const Document& doc, bool title_in_text) const {
  // One working state per thread, cleared for each article: its buffers keep their
  // capacity, so a long article does not map and unmap fresh memory every time.
  thread_local Analysis a;
  a.text = doc.text;
  a.tokens.clear();
  a.keys.clear();
  a.sentences.clear();
  a.mentions.clear();
  a.entities.clear();
  CleanOptions clean_options;
  clean_options.title_is_first_line = title_in_text;
  a.tokens.reserve(doc.text.size() / 5 + 16);
  for (const Line& line : clean(doc.text, clean_options)) {
    if (line.kind == LineKind::kChrome) continue;
    const size_t base = a.tokens.size();
    tokenize(doc.text, line.start, line.end, a.tokens, a.keys);
    join_spaced_hyphens(doc.text, a.tokens, base, gazetteer_);
    for (auto [first, last] : split_sentences(doc.text, a.tokens, base, a.tokens.size())) {
      SentenceInfo s;
      s.first = static_cast<uint32_t>(first);
      s.last = static_cast<uint32_t>(last);
      s.span = {a.tokens[first].start, a.tokens[last - 1].end};
      s.headline = line.kind == LineKind::kHeadline;
      s.title = line.kind == LineKind::kTitle;
      a.sentences.push_back(s);
    }
  }
  // Names and leaders as of the article's date, when it has one.
  std::optional<Gazetteer> dated;
  if (!doc.published.empty()) dated = gazetteer_.as_of(doc.published);
  const Gazetteer& g = dated ? *dated : gazetteer_;
  a.gazetteer = &g;
  recognize(a, g);
  resolve(a, g);
  drop_pasted_headlines(a);
  collect_mentions(a);

  Extraction out;
  out.doc = doc.id;
  out.title = doc.title;
  out.source = doc.source;
  out.published = doc.published;
  out.sentences.reserve(a.sentences.size());
  for (const auto& s : a.sentences) out.sentences.push_back(Sentence{s.span});
  extract_relations(a, cues_, &out.relations, &out.cooccurrences);
  a.gazetteer = nullptr;  // `dated` ends here
  out.entities = std::move(a.entities);
  return out;
}

Status Extractor::try_extract(const Document& doc, bool title_in_text, Extraction* out) const {
  try {
    *out = extract(doc, title_in_text);
    return Status::ok();
  } catch (const std::exception& e) {
    return Status::error(StatusCode::kInternal, doc.source + " (" + doc.id + "): extraction failed: " + e.what());
  }
}

}  // namespace newsgraph::ingest
