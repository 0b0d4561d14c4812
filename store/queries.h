// Read queries behind the REST API: entity lookup, relations by triple
// pattern, evidence, documents. Lists are keyset-paginated: `after` is the last key of
// the previous page, so a cursor stays valid while ingest adds rows. Read-only.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace newsgraph::store {

class Store;

struct EntityRow {
  int64_t key = 0;
  std::string id, label, type;
  bool from_gazetteer = false;
  std::vector<std::string> aliases;
  int64_t articles = 0, degree = 0;
  std::string first_seen, last_seen;
  std::string matched;        // the name that matched a search (search.h)
  bool matched_alias = false;  // an alias matched, not the label
  bool fuzzy = false;          // found by a corrected spelling of the query
};

// An id, or a label or alias ("Putin", "Korea Utara"): none, one, or several candidates.
Status resolve_entity(Store& store, const std::string& name, std::vector<EntityRow>* candidates);

// Fills aliases, articles, degree and first/last seen of one entity.
Status entity_details(Store& store, EntityRow* entity);

struct RelationRow {
  int64_t key = 0;
  std::string subject_id, subject_label, predicate, object_id, object_label, modality;
  int64_t weight = 0, independent = 0, evidence = 0;
  double confidence = 0;
  std::string first_seen, last_seen;
  int64_t subject_key = 0, object_key = 0;
};

struct RelationQuery {
  // Entity keys, 0 for any. A symmetric relation (MEET, COOPERATE, FAMILY, CO_OCCURS) is
  // found whichever way it is stored; with `both_ways`, every relation is.
  int64_t subject = 0, object = 0;
  bool both_ways = false;
  int64_t either = 0;               // an entity at either end (with direction)
  std::string direction = "both";   // out, in, both: for `either`
  std::string predicate, quad_class, modality;  // "" for any; quad_class uses predicates_in_quad
  std::vector<std::string> predicates_in_quad;
  std::string since, until;         // overlap with [first_seen, last_seen]
  int64_t min_weight = 1;
  bool typed_only = false;          // leave CO_OCCURS out
  int64_t after = 0;                // keyset cursor (order by key)
  size_t limit = 50;
  // "key" (pages by `after`), "weight" (heaviest first) or "date" (latest evidence first);
  // the last two page by `offset`.
  std::string order = "key";
  size_t offset = 0;
};

Status find_relations(Store& store, const RelationQuery& query, std::vector<RelationRow>* out, int64_t* total);
Status get_relation(Store& store, int64_t key, RelationRow* out, bool* found);

// What the explorer filters relations by: first and last seen (publication dates, ""
// when undated) and modality, for the relations with these keys; keys no relation has
// any more are left out.
struct RelationFacts {
  std::string first_seen, last_seen, modality;
};
using RelationFactsByKey = std::map<int64_t, RelationFacts>;
Status relation_facts(Store& store, const std::vector<int64_t>& keys, RelationFactsByKey* out);

struct EvidenceRow {
  int64_t key = 0;
  std::string doc_id, title, source, published, sentence, cue, rule, modality;
  int64_t sentence_index = 0, start = 0, end = 0;
  double confidence = 0;
  bool syndicated = false;
};
Status relation_evidence(Store& store, int64_t relation_key, int64_t after, size_t limit,
                         std::vector<EvidenceRow>* out, int64_t* total);

struct DocumentRow {
  int64_t key = 0;
  std::string id, title, source, published, ingested_at, content_hash;
  int64_t bytes = 0, entities = 0, relations = 0;
  std::string url, outlet, category;  // '' when not known
};
Status list_documents(Store& store, int64_t after, size_t limit, std::vector<DocumentRow>* out, int64_t* total);
Status get_document(Store& store, const std::string& id, DocumentRow* out, bool* found);

struct MergeLogRow {
  std::string at, doc_id, name, rule, detail;
};
Status merge_log(Store& store, int64_t entity_key, size_t limit, std::vector<MergeLogRow>* out);

// A number that goes up with every write to the store (for ETags). O(1).
Status data_version(Store& store, int64_t* version);

// What writes changed, for a reader that keeps answers (the server): the entities whose
// rows, names, articles or relations they touched, or `everything` when that cannot be
// said (a removal, a curation, a write not recorded).
struct StoreChanges {
  bool everything = false;
  std::vector<int64_t> entities;    // sorted, distinct
  std::vector<int64_t> relabelled;  // of those, the ones whose label changed (sorted, distinct)
};
// What the writes after version `after` up to version `upto` changed. Every write keeps
// its record for the next 4,096 versions; an older `after` gives `everything`. O(records).
Status changes_between(Store& store, int64_t after, int64_t upto, StoreChanges* out);

}  // namespace newsgraph::store
