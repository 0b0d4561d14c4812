#include "store/queries.h"

#include <algorithm>
#include <set>
#include <tuple>

#include "store/cooccurrences.h"
#include "store/query_rows.h"
#include "store/relation_codes.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace newsgraph::store {
namespace {

const char kRelationColumns[] =
    "SELECT r.relation_key, s.id, s.label, r.predicate, o.id, o.label, r.modality, r.weight, r.independent, "
    "r.evidence_count, r.confidence_permille, r.first_seen, r.last_seen, r.subject_key, r.object_key FROM relations r "
    "JOIN entities s ON s.entity_key = r.subject_key JOIN entities o ON o.entity_key = r.object_key ";

RelationRow relation_row(Statement& q) {
  return {q.column_int(0),
          q.column_text(1),
          q.column_text(2),
          predicate_name_of_code(q.column_int(3)),
          q.column_text(4),
          q.column_text(5),
          modality_name_of_code(q.column_int(6)),
          q.column_int(7),
          q.column_int(8),
          q.column_int(9),
          confidence_of_permille(q.column_int(10)),
          q.column_text(11),
          q.column_text(12),
          q.column_int(13),
          q.column_int(14)};
}

// The codes of these predicate names, as an SQL list: "(-1,3,9)"; -1 matches nothing.
std::string code_list(const std::vector<std::string>& names) {
  std::string list = "(-1";
  for (const std::string& n : names)
    if (std::optional<Predicate> p = parse_predicate(n)) list += "," + std::to_string(predicate_code(*p));
  return list + ")";
}

}  // namespace

Status resolve_entity(Store& store, const std::string& name, std::vector<EntityRow>* candidates) {
  Db& db = store.impl().db;
  constexpr size_t kMostCandidates = 20;
  try {
    for (int64_t key : entities_named(db, name)) {  // the rule curate and ingest use
      if (candidates->size() == kMostCandidates) break;
      Statement q = db.prepare("SELECT entity_key, id, label, type, from_gazetteer FROM entities WHERE entity_key = ?");
      q.bind(1, key);
      if (q.step()) candidates->push_back(entity_row(q));
    }
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

Status entity_details(Store& store, EntityRow* r) {
  Db& db = store.impl().db;
  try {
    Statement a = db.prepare("SELECT alias FROM aliases WHERE entity_key = ? ORDER BY alias");
    a.bind(1, r->key);
    r->aliases.clear();
    while (a.step())
      if (a.column_view(0) != r->label) r->aliases.push_back(a.column_text(0));
    Statement d = db.prepare(
        "SELECT COUNT(DISTINCT x.doc_key), "  // undated articles count, but date nothing
        "COALESCE(MIN(CASE WHEN d.published <> '' THEN substr(d.published, 1, 10) END), ''), "
        "COALESCE(MAX(CASE WHEN d.published <> '' THEN substr(d.published, 1, 10) END), '') "
        "FROM doc_entities x JOIN documents d ON d.doc_key = x.doc_key WHERE x.entity_key = ?");
    d.bind(1, r->key);
    d.step();
    r->articles = d.column_int(0);
    r->first_seen = d.column_text(1);
    r->last_seen = d.column_text(2);
    Statement g = db.prepare(
        "SELECT COUNT(*) FROM (SELECT object_key FROM relations WHERE subject_key = ?1 AND object_key <> ?1 "
        "UNION SELECT subject_key FROM relations WHERE object_key = ?1 AND subject_key <> ?1)");
    g.bind(1, r->key);
    r->degree = count(std::move(g));
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

Status find_relations(Store& store, const RelationQuery& q, std::vector<RelationRow>* out, int64_t* total) {
  Db& db = store.impl().db;
  std::string where = "WHERE r.subject_key <> r.object_key AND r.weight >= ?1";
  // The predicates found whichever way round.
  static const std::string either_way = [] {
    std::vector<std::string> names;
    for (int i = 0; i <= static_cast<int>(Predicate::kCoOccurs); ++i)
      if (is_symmetric(static_cast<Predicate>(i))) names.push_back(predicate_name(static_cast<Predicate>(i)));
    return code_list(names);
  }();
  const std::string turned = q.both_ways ? "" : " AND r.predicate IN " + either_way;
  if (q.subject && q.object) {
    where += " AND ((r.subject_key = ?2 AND r.object_key = ?3) OR (r.subject_key = ?3 AND r.object_key = ?2" + turned + "))";
  } else if (q.subject) {
    where += " AND (r.subject_key = ?2 OR (r.object_key = ?2" + turned + "))";
  } else if (q.object) {
    where += " AND (r.object_key = ?3 OR (r.subject_key = ?3" + turned + "))";
  }
  if (q.either) {
    if (q.direction == "out") where += " AND r.subject_key = ?4";
    else if (q.direction == "in") where += " AND r.object_key = ?4";
    else where += " AND (r.subject_key = ?4 OR r.object_key = ?4)";
  }
  if (!q.predicate.empty()) where += " AND r.predicate = ?5";
  if (!q.quad_class.empty()) where += " AND r.predicate IN " + code_list(q.predicates_in_quad);
  // A query that can only find typed relations says so as the partial index on their
  // predicates is written, so that SQLite looks them up there and not in every relation.
  const std::string cooccurs = predicate_name(Predicate::kCoOccurs);
  const bool typed = q.typed_only || (!q.predicate.empty() && q.predicate != cooccurs) ||
                     (!q.quad_class.empty() && std::find(q.predicates_in_quad.begin(), q.predicates_in_quad.end(),
                                                         cooccurs) == q.predicates_in_quad.end());
  if (typed) where += " AND r.predicate <> 0 /* CO_OCCURS */";
  if (!q.modality.empty())  // evidence names its modality; a co-occurrence has no evidence rows
    where += " AND (EXISTS (SELECT 1 FROM evidence v WHERE v.relation_key = r.relation_key AND v.modality = ?6) "
             "OR (r.predicate = 0 /* CO_OCCURS */ AND r.modality = ?12))";
  // A window leaves out relations with no dated evidence (first and last seen '').
  if (!q.since.empty()) where += " AND r.last_seen >= ?7";
  if (!q.until.empty()) where += " AND r.first_seen <> '' AND r.first_seen <= ?8";
  auto bind = [&](Statement& s) {
    s.bind(1, q.min_weight);
    if (q.subject) s.bind(2, q.subject);
    if (q.object) s.bind(3, q.object);
    if (q.either) s.bind(4, q.either);
    if (!q.predicate.empty()) {
      const std::optional<Predicate> p = parse_predicate(q.predicate);
      s.bind(5, p ? predicate_code(*p) : int64_t{-1});
    }
    if (!q.modality.empty()) {
      s.bind(6, q.modality);
      const std::optional<Modality> m = parse_modality(q.modality);
      s.bind(12, m ? modality_code(*m) : int64_t{-1});
    }
    if (!q.since.empty()) s.bind(7, q.since);
    if (!q.until.empty()) s.bind(8, q.until);
  };
  try {
    const bool keyset = q.order != "weight" && q.order != "date";
    std::string page = keyset ? " AND r.relation_key > ?9 ORDER BY r.relation_key LIMIT ?10"
                       : q.order == "weight"
                           ? " ORDER BY r.weight DESC, r.relation_key LIMIT ?10 OFFSET ?11"
                           : " ORDER BY r.last_seen DESC, r.weight DESC, r.relation_key LIMIT ?10 OFFSET ?11";
    Statement s = db.prepare(std::string(kRelationColumns) + where + page);
    bind(s);
    if (keyset) s.bind(9, q.after);
    else s.bind(11, static_cast<int64_t>(q.offset));
    s.bind(10, static_cast<int64_t>(q.limit));
    while (s.step()) out->push_back(relation_row(s));
    if (total) {
      Statement c = db.prepare("SELECT COUNT(*) FROM relations r " + where);
      bind(c);
      *total = count(std::move(c));
    }
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

Status relation_facts(Store& store, const std::vector<int64_t>& keys, RelationFactsByKey* out) {
  std::string array = "[";
  for (int64_t k : keys) array += (array.size() > 1 ? "," : "") + std::to_string(k);
  array += "]";
  try {
    Statement q = store.impl().db.prepare(
        "SELECT relation_key, first_seen, last_seen, modality FROM relations "
        "WHERE relation_key IN (SELECT value FROM json_each(?))");
    q.bind(1, array);
    while (q.step())
      (*out)[q.column_int(0)] = {q.column_text(1), q.column_text(2), modality_name_of_code(q.column_int(3))};
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

Status get_relation(Store& store, int64_t key, RelationRow* out, bool* found) {
  try {
    Statement s = store.impl().db.prepare(std::string(kRelationColumns) + "WHERE r.relation_key = ?");
    s.bind(1, key);
    *found = s.step();
    if (*found) *out = relation_row(s);
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

namespace {

// Co-occurrence sentences have no evidence row (cooccurrences.h): their key, for paging,
// is the article's key and the sentence index, in that order.
constexpr int kSentenceBits = 24;

bool cooccurrence_ends(Db& db, int64_t relation_key, EntityPair* pair) {
  Statement q = db.prepare(
      "SELECT subject_key, object_key FROM relations WHERE relation_key = ? AND predicate = 0 /* CO_OCCURS */");
  q.bind(1, relation_key);
  if (!q.step()) return false;
  *pair = entity_pair(q.column_int(0), q.column_int(1));
  return true;
}

void cooccurrence_evidence(Db& db, EntityPair pair, int64_t after, size_t limit, std::vector<EvidenceRow>* out,
                           int64_t* total) {
  const std::vector<PairSentence> all = pair_sentences(db, pair);
  *total = static_cast<int64_t>(all.size());
  for (const PairSentence& p : all) {
    const int64_t key = p.doc_key << kSentenceBits | std::min<int64_t>(p.sentence, (1 << kSentenceBits) - 1);
    if (key <= after) continue;
    if (out->size() >= limit) break;
    Statement q = db.prepare(R"SQL(
      SELECT d.id, d.title, d.source, d.published, COALESCE(s.text, ''), COALESCE(s.start, 0),
             COALESCE(s.end, 0), COALESCE(s.syndicated, 0)
      FROM documents d LEFT JOIN sentences s ON s.doc_key = d.doc_key AND s.idx = ?2
      WHERE d.doc_key = ?1)SQL");
    q.bind(1, p.doc_key).bind(2, int64_t{p.sentence});
    if (!q.step()) continue;
    out->push_back({key, q.column_text(0), q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4), "",
                    kCooccurrenceRule, "asserted", int64_t{p.sentence}, q.column_int(5), q.column_int(6), p.confidence,
                    q.column_int(7) != 0});
  }
}

}  // namespace

Status relation_evidence(Store& store, int64_t relation_key, int64_t after, size_t limit,
                         std::vector<EvidenceRow>* out, int64_t* total) {
  Db& db = store.impl().db;
  try {
    EntityPair pair;
    if (cooccurrence_ends(db, relation_key, &pair)) {
      cooccurrence_evidence(db, pair, after, limit, out, total);
      return Status::ok();
    }
    Statement q = db.prepare(R"SQL(
      SELECT v.evidence_key, d.id, d.title, d.source, d.published, COALESCE(s.text, ''), v.cue, v.rule,
             v.modality, v.sentence, COALESCE(s.start, 0), COALESCE(s.end, 0), v.confidence,
             COALESCE(s.syndicated, 0)
      FROM evidence v JOIN documents d ON d.doc_key = v.doc_key
      LEFT JOIN sentences s ON s.doc_key = v.doc_key AND s.idx = v.sentence
      WHERE v.relation_key = ?1 AND v.evidence_key > ?2 ORDER BY v.evidence_key LIMIT ?3)SQL");
    q.bind(1, relation_key).bind(2, after).bind(3, static_cast<int64_t>(limit));
    while (q.step())
      out->push_back({q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4),
                      q.column_text(5), q.column_text(6), q.column_text(7), q.column_text(8), q.column_int(9),
                      q.column_int(10), q.column_int(11), q.column_double(12), q.column_int(13) != 0});
    Statement c = db.prepare("SELECT COUNT(*) FROM evidence WHERE relation_key = ?");
    c.bind(1, relation_key);
    *total = count(std::move(c));
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

Status list_documents(Store& store, int64_t after, size_t limit, std::vector<DocumentRow>* out, int64_t* total) {
  Db& db = store.impl().db;
  try {
    Statement q = db.prepare(std::string("SELECT doc_key, id, title, source, published, ingested_at, content_hash, bytes, ") +
                             store.impl().origin_columns + " FROM documents WHERE doc_key > ? ORDER BY doc_key LIMIT ?");
    q.bind(1, after).bind(2, static_cast<int64_t>(limit));
    while (q.step())
      out->push_back({q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4),
                      q.column_text(5), q.column_text(6), q.column_int(7), 0, 0, q.column_text(8),
                      q.column_text(9), q.column_text(10)});
    *total = count(db.prepare("SELECT COUNT(*) FROM documents"));
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

Status get_document(Store& store, const std::string& id, DocumentRow* out, bool* found) {
  Db& db = store.impl().db;
  try {
    Statement q = db.prepare(std::string("SELECT doc_key, id, title, source, published, ingested_at, content_hash, bytes, "
                                         "(SELECT COUNT(*) FROM doc_entities x WHERE x.doc_key = d.doc_key), "
                                         "(SELECT COUNT(DISTINCT relation_key) FROM evidence v WHERE v.doc_key = d.doc_key), ") +
                             store.impl().origin_columns + " FROM documents d WHERE id = ?");
    q.bind(1, id);
    *found = q.step();
    if (*found) {
      *out = {q.column_int(0), q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4),
              q.column_text(5), q.column_text(6), q.column_int(7), q.column_int(8), q.column_int(9),
              q.column_text(10), q.column_text(11), q.column_text(12)};
      out->relations += static_cast<int64_t>(article_entity_pairs(db, out->key).size());
    }
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

Status merge_log(Store& store, int64_t entity_key, size_t limit, std::vector<MergeLogRow>* out) {
  Db& db = store.impl().db;
  // The logged decisions, and one for each article entity none is logged for: it made
  // the entity ("new"; the first one, or one a curation merged in later) or carried a
  // gazetteer id met before ("gazetteer-id"). In the order they were made.
  struct Dated {
    MergeLogRow row;
    int64_t doc_key, order;
  };
  std::vector<Dated> rows;
  try {
    std::set<int64_t> logged;
    Statement q = db.prepare(
        "SELECT CASE m.at WHEN '' THEN COALESCE(d.ingested_at, '') ELSE m.at END, COALESCE(d.id, ''), m.name, "
        "m.rule, CASE WHEN m.detail = '' AND m.doc_key IS NOT NULL THEN m.name ELSE m.detail END, "
        "COALESCE(m.doc_key, ?2), m.doc_entity_key, m.log_key FROM merge_log m "
        "LEFT JOIN documents d ON d.doc_key = m.doc_key WHERE m.entity_key = ?1 "
        "ORDER BY m.log_key");
    q.bind(1, entity_key).bind(2, INT64_MAX);  // a curation comes after the articles of its second
    while (q.step()) {
      rows.push_back({{q.column_text(0), q.column_text(1), q.column_text(2), q.column_text(3), q.column_text(4)},
                      q.column_int(5), q.column_int(7)});
      logged.insert(q.column_int(6));
    }
    Statement s = db.prepare(
        "SELECT d.ingested_at, d.id, de.label, de.from_gazetteer, e.id, de.doc_key, de.doc_entity_key "
        "FROM doc_entities de JOIN documents d ON d.doc_key = de.doc_key JOIN entities e ON e.entity_key = de.entity_key "
        "WHERE de.entity_key = ? ORDER BY de.doc_entity_key");
    s.bind(1, entity_key);
    for (bool first = true; s.step(); first = false) {
      if (logged.count(s.column_int(6))) continue;
      const char* rule = !first && s.column_int(3) != 0 ? kGazetteerIdRule : kNewEntityRule;
      rows.push_back({{s.column_text(0), s.column_text(1), s.column_text(2), rule, s.column_text(4)},
                      s.column_int(5), -1});
    }
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  std::stable_sort(rows.begin(), rows.end(), [](const Dated& a, const Dated& b) {
    return std::tie(a.row.at, a.doc_key, a.order) < std::tie(b.row.at, b.doc_key, b.order);
  });
  for (size_t i = 0; i < rows.size() && out->size() < limit; ++i) out->push_back(std::move(rows[i].row));
  return Status::ok();
}

Status data_version(Store& store, int64_t* version) {
  try {
    Statement q = store.impl().db.prepare("SELECT value FROM meta WHERE key = 'version'");
    *version = q.step() ? q.column_int(0) : 0;
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

}  // namespace newsgraph::store
