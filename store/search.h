// Search over the store (SQLite FTS5, schema.cpp): entities by any word of any name or
// alias, with a typo-tolerant fallback, and the sentences that support relations, with
// entity and time filters and the matched words marked. Read-only.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "store/queries.h"

namespace newsgraph::store {

class Store;

struct EntitySearch {
  // Words of a name or alias, each the whole word or its start ("Macron", "Jong", "kim
  // jo"), case- and accent-insensitive; "" lists every entity. Text with no letter or
  // digit finds nothing.
  std::string q;
  std::string type;  // "" for any
  size_t limit = 20;
  size_t offset = 0;  // ranked lists page by offset
};

struct EntityHits {
  std::vector<EntityRow> items;
  int64_t total = 0;
  // When no name holds the words as typed but holds a close spelling ("Puttin"): the
  // words searched instead ("putin"); the items are those found with them (fuzzy).
  std::string corrected;
};

// Ranked: the label equals the query, an alias equals it, the label starts with it, an
// alias starts with it, then any other name holding its words; more articles first.
Status search_entities(Store& store, const EntitySearch& search, EntityHits* out);

struct SentenceSearch {
  std::string q;                 // words, each the whole word or its start; all must occur
  int64_t entity = 0;            // an entity key the sentence must name, 0 for any
  std::string since, until;      // publication dates (YYYY-MM-DD, or its start: "2017-01"), "" for open
  size_t limit = 20;
  size_t offset = 0;
};

struct SentenceHit {
  std::string doc_id, title, source, published;
  int64_t sentence_index = 0;
  // The sentence in pieces, each with whether it is a matched word: safe to print or to
  // render without parsing markup.
  std::vector<std::pair<std::string, bool>> parts;
};

// Best matches first (FTS5's bm25 rank). kUsage when q holds no word.
Status search_sentences(Store& store, const SentenceSearch& search, std::vector<SentenceHit>* out, int64_t* total);

// The words of a query as FTS5 sees them: folded, split at anything but letters and
// digits ("Kim Jong-un!" -> kim, jong, un).
std::vector<std::string> search_words(std::string_view q);

// Edit distance with adjacent transpositions (optimal string alignment) on bytes, or
// `bound` + 1 as soon as it is sure to exceed `bound`.
size_t edit_distance(std::string_view a, std::string_view b, size_t bound);

}  // namespace newsgraph::store
