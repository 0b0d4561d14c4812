// Co-occurrence (CO_OCCURS: two entities named in one sentence) is 98% of what articles
// give the store. It is kept as one `relations` row per entity pair (weight, counts,
// dates) and, per article, one `cooccurrences` row whose blob lists the pairs of that
// article's entities with their sentences. There is no evidence row per sentence: the
// sentences of a pair are read from the articles' blobs on demand (API, exports), and a
// pair's counts are recomputed from them when articles leave or entities are curated.
// Internal to store/ (and graph/'s loaders); callers hold a transaction when writing.
#pragma once

#include <cstdint>
#include <functional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/ontology.h"
#include "store/sqlite_db.h"

namespace newsgraph::store {

// The rule name the API and exports show for co-occurrence evidence.
using newsgraph::kCooccurrenceRule;

// Two article entities (doc_entity_key) named together, and the sentences (indices in
// the article) where.
struct ArticlePair {
  int64_t first = 0, second = 0;
  std::vector<uint32_t> sentences;
};

// A compact byte form of an article's pairs (varints, sentences delta-coded): about 5
// bytes a pair. decode returns false on bytes encode did not write.
std::string encode_article_pairs(const std::vector<ArticlePair>& pairs);
bool decode_article_pairs(std::string_view bytes, std::vector<ArticlePair>* out);

// Two store entities, the lower key first (the order `relations` keeps symmetric pairs in).
using EntityPair = std::pair<int64_t, int64_t>;
EntityPair entity_pair(int64_t a, int64_t b);

// Records an article's pairs (the article's rows in doc_entities must exist). Its
// relations' counts are the caller's: ingest adds them as it goes.
void store_article_pairs(Db& db, int64_t doc_key, const std::vector<ArticlePair>& pairs, double confidence);

// Takes an article's co-occurrences out of its pairs' relation rows (before its rows are
// deleted): counts go down by what it gave, and a row with nothing left goes. Returns the
// pairs whose first or last date was the article's, for recount_cooccurrence once the
// article's rows are gone (a pair's confidence is left: co-occurrence has one, the
// extractor's). O(its pairs).
std::vector<EntityPair> withdraw_article_pairs(Db& db, int64_t doc_key);

// The entity pairs an article names together (ends that are one entity left out).
std::set<EntityPair> article_entity_pairs(Db& db, int64_t doc_key);

// The entity pairs named together in the stored sentences with this hash.
std::set<EntityPair> entity_pairs_in_sentences(Db& db, int64_t sentence_hash);

// Recomputes a pair's CO_OCCURS row from every article naming both: creates, updates or
// deletes it. O(articles naming both).
void recount_cooccurrence(Db& db, EntityPair pair);

// Recomputes every CO_OCCURS row with an end in `entities`, after their articles'
// entities moved between them (curation). O(articles naming any of them).
void rebuild_cooccurrences(Db& db, const std::set<int64_t>& entities);

// Where a pair is named together: article and sentence (with the article's co-occurrence
// confidence), in article then sentence order.
struct PairSentence {
  int64_t doc_key = 0;
  uint32_t sentence = 0;
  double confidence = 0;
};
std::vector<PairSentence> pair_sentences(Db& db, EntityPair pair);

// Calls `f` with every stored co-occurrence sentence: its CO_OCCURS relation, article and
// sentence index, in article order. For loaders that read the whole graph: O(articles +
// article entities + co-occurrence rows) time, memory O(article entities + pairs).
void each_cooccurrence_sentence(Db& db, const std::function<void(int64_t relation_key, int64_t doc_key,
                                                                uint32_t sentence)>& f);

// Version 4's migration: moves stored CO_OCCURS evidence rows into `cooccurrences`.
void migrate_cooccurrence_evidence(Db& db);

}  // namespace newsgraph::store
