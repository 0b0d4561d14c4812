// Reads a store's content for comparison: see store_rows.h.
#include "tests/cli/store_rows.h"

#include <sqlite3.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <iterator>

#include "store/cooccurrences.h"
#include "tests/test_paths.h"

namespace newsgraph::testing {
namespace {

// Every row of every table a merge writes, with keys replaced by what they stand for
// (entity ids, article ids, an article entity's local id): the store's content, whatever
// numbers its rows were given; but for relations' keys, which exports show as edge ids.
// The time of ingest is left out (a merge keeps the inputs').
const std::pair<const char*, const char*> kNaturalRows[] = {
    {"documents", "SELECT id, content_hash, title, source, published, bytes, url, outlet, category FROM documents"},
    {"entities", "SELECT id, label, type, from_gazetteer, label_key, attributes FROM entities"},
    {"short_forms", "SELECT s.short_key, e.id FROM short_forms s JOIN entities e USING (entity_key)"},
    {"aliases", "SELECT e.id, a.alias, a.alias_key FROM aliases a JOIN entities e USING (entity_key)"},
    {"doc_entities",
     "SELECT d.id, x.local_id, x.label, x.aliases, x.type, x.from_gazetteer, e.id, x.type_guessed, "
     "x.mention_count, hex(x.mentions), x.extracted FROM doc_entities x JOIN documents d USING (doc_key) "
     "JOIN entities e ON e.entity_key = x.entity_key"},
    {"relations",
     "SELECT s.id, r.predicate, o.id, r.weight, r.independent, r.evidence_count, r.modality, "
     "r.confidence_permille, r.first_seen, r.last_seen FROM relations r JOIN entities s ON s.entity_key = "
     "r.subject_key JOIN entities o ON o.entity_key = r.object_key"},
    {"sentences", "SELECT d.id, s.idx, s.start, s.end, s.text, s.hash, s.syndicated FROM sentences s "
                  "JOIN documents d USING (doc_key)"},
    {"evidence",
     "SELECT s.id, r.predicate, o.id, d.id, v.sentence, sx.local_id, ox.local_id, v.predicate, v.cue, v.rule, "
     "v.modality, v.confidence FROM evidence v JOIN relations r USING (relation_key) JOIN entities s ON "
     "s.entity_key = r.subject_key JOIN entities o ON o.entity_key = r.object_key JOIN documents d ON d.doc_key = "
     "v.doc_key JOIN doc_entities sx ON sx.doc_entity_key = v.subject_doc_entity JOIN doc_entities ox ON "
     "ox.doc_entity_key = v.object_doc_entity"},
    {"merge_log",
     "SELECT m.at, d.id, m.name, e.id, m.rule, m.detail, x.local_id FROM merge_log m LEFT JOIN documents d USING "
     "(doc_key) JOIN entities e ON e.entity_key = m.entity_key LEFT JOIN doc_entities x ON x.doc_entity_key = "
     "m.doc_entity_key"},
    // The one number users see: exports name an edge "r" and its relation's key.
    {"edge ids",
     "SELECT r.relation_key, s.id, r.predicate, o.id FROM relations r JOIN entities s ON s.entity_key = "
     "r.subject_key JOIN entities o ON o.entity_key = r.object_key"},
    {"overrides", "SELECT kind, name_a, name_b FROM overrides"},
    {"glued_forms", "SELECT g.core_key, d.id, x.local_id FROM glued_forms g JOIN doc_entities x USING "
                    "(doc_entity_key) JOIN documents d USING (doc_key)"},
};


}  // namespace

Rows natural_rows(const std::string& path) {
  sqlite3* db = nullptr;
  REQUIRE(sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  Rows out;
  auto each_row = [db](const std::string& sql, auto&& f) {
    sqlite3_stmt* s = nullptr;
    INFO(sql);
    REQUIRE(sqlite3_prepare_v2(db, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
    while (sqlite3_step(s) == SQLITE_ROW) f(s);
    sqlite3_finalize(s);
  };
  auto text = [](sqlite3_stmt* s, int i) {
    const auto* t = sqlite3_column_text(s, i);
    return t ? std::string(reinterpret_cast<const char*>(t)) : std::string("NULL");
  };
  for (const auto& [table, sql] : kNaturalRows) {
    std::vector<std::string>& rows = out[table];
    each_row(sql, [&](sqlite3_stmt* s) {
      std::string row;
      for (int i = 0; i < sqlite3_column_count(s); ++i) row += text(s, i) + "\x1f";
      rows.push_back(row);
    });
  }
  // Co-occurrences: each article's pairs by the local ids of their entities.
  std::map<int64_t, std::string> local;
  each_row("SELECT doc_entity_key, local_id FROM doc_entities",
           [&](sqlite3_stmt* s) { local[sqlite3_column_int64(s, 0)] = text(s, 1); });
  std::vector<std::string>& cooccurrences = out["cooccurrences"];  // a table, though it be empty
  each_row("SELECT d.id, c.pairs, c.confidence FROM cooccurrences c JOIN documents d USING (doc_key)",
           [&](sqlite3_stmt* s) {
             std::vector<store::ArticlePair> pairs;
             const std::string_view blob(static_cast<const char*>(sqlite3_column_blob(s, 1)),
                                         static_cast<size_t>(sqlite3_column_bytes(s, 1)));
             REQUIRE(store::decode_article_pairs(blob, &pairs));
             for (const store::ArticlePair& p : pairs) {
               std::string row = text(s, 0) + "|" + local[p.first] + "|" + local[p.second] + "|" + text(s, 2);
               for (uint32_t k : p.sentences) row += " " + std::to_string(k);
               cooccurrences.push_back(row);
             }
           });
  sqlite3_close(db);
  for (auto& [table, rows] : out) std::sort(rows.begin(), rows.end());
  return out;
}

// The tables that differ, with a row of each side that the other lacks.
std::string differences(const Rows& a, const Rows& b) {
  std::string out;
  for (const auto& [table, rows] : a) {
    const std::vector<std::string>& other = b.at(table);
    if (rows == other) continue;
    std::vector<std::string> only_a, only_b;
    std::set_difference(rows.begin(), rows.end(), other.begin(), other.end(), std::back_inserter(only_a));
    std::set_difference(other.begin(), other.end(), rows.begin(), rows.end(), std::back_inserter(only_b));
    out += table + ": " + std::to_string(rows.size()) + " rows against " + std::to_string(other.size()) + "\n";
    if (!only_a.empty()) out += "  first only:  " + only_a.front() + "\n";
    if (!only_b.empty()) out += "  second only: " + only_b.front() + "\n";
  }
  return out;
}

std::string sql(const std::string& db, const std::string& query) {
  return run("sqlite3 " + shell_quote(db) + " " + shell_quote(query)).out;
}

std::string order_mark(const std::string& db) { return sql(db, "SELECT value FROM meta WHERE key = 'out_of_order'"); }

}  // namespace newsgraph::testing
