#include "tests/store/store_fixtures.h"

#include <algorithm>
#include <catch2/catch.hpp>
#include <sqlite3.h>

#include "core/text.h"
#include "graph/graph_view.h"

namespace newsgraph::testing {

Article article(const std::string& id, const std::string& text) {
  Article a;
  a.doc.id = id;
  a.doc.title = "Title of " + id;
  a.doc.text = text;
  a.doc.source = id + ".txt";
  a.doc.published = "2024-06-19";
  a.x.doc = id;
  a.x.sentences.push_back({{0, static_cast<uint32_t>(text.size())}});
  return a;
}

void add_entity(Article& a, const std::string& label, EntityType type, const std::string& gazetteer_id) {
  Entity e;
  e.label = label;
  e.type = type;
  e.from_gazetteer = !gazetteer_id.empty();
  e.id = e.from_gazetteer ? gazetteer_id : text::slugify(label);
  size_t at = a.doc.text.find(label);
  Mention m;
  m.span = {static_cast<uint32_t>(at == std::string::npos ? 0 : at),
            static_cast<uint32_t>(at == std::string::npos ? 0 : at + label.size())};
  m.text = label;
  e.mentions.push_back(m);
  a.x.entities.push_back(e);
}

// The index in a.x.entities of the entity labelled `label`.
static uint32_t entity_named(const Article& a, const std::string& label) {
  for (size_t i = 0; i < a.x.entities.size(); ++i)
    if (a.x.entities[i].label == label) return static_cast<uint32_t>(i);
  FAIL("no entity " << label);
  return 0;
}

void add_relation(Article& a, const std::string& subject, Predicate p, const std::string& object) {
  if (p == Predicate::kCoOccurs) {  // kept flat, in the order Extraction gives: by ids, then sentence
    CoOccurrence c{entity_named(a, subject), entity_named(a, object), 0};
    if (a.x.entities[c.second].id < a.x.entities[c.first].id) std::swap(c.first, c.second);
    auto by_ids = [&a](const CoOccurrence& x, const CoOccurrence& y) {
      const auto& e = a.x.entities;
      return std::make_pair(e[x.first].id, e[x.second].id) < std::make_pair(e[y.first].id, e[y.second].id);
    };
    auto& cs = a.x.cooccurrences;
    cs.insert(std::upper_bound(cs.begin(), cs.end(), c, by_ids), c);
    return;
  }
  Relation r;
  r.subject = entity_named(a, subject);
  r.object = entity_named(a, object);
  r.predicate = p;
  r.confidence = 0.8;
  Evidence ev;
  ev.sentence = 0;
  ev.span = a.x.sentences[0].span;
  ev.text = a.doc.text;
  ev.cue = "cue";
  ev.rule = "test.rule";
  r.evidence.push_back(ev);
  a.x.relations.push_back(r);
}

Article two_people_meet(const std::string& id, const std::string& host, const std::string& guest) {
  Article a = article(id, host + " bertemu " + guest + " di kota itu.");
  add_entity(a, host, EntityType::kPerson);
  add_entity(a, guest, EntityType::kPerson);
  add_relation(a, host, Predicate::kMeet, guest);
  return a;
}

std::unique_ptr<store::Store> open_store(const std::string& path) {
  std::unique_ptr<store::Store> store;
  store::StoreOptions options;
  options.memo_after_articles = 0;  // every test's writes go through the writer's memo
  Status st = store::Store::open(path, options, &store);
  REQUIRE(st.is_ok());
  return store;
}

void ingest(store::Store& store, const Article& a, store::IngestResult* result) {
  store::IngestResult ignored;
  Status st = store.ingest(a.doc, a.x, result ? result : &ignored);
  REQUIRE(st.message() == "");
  REQUIRE(st.is_ok());
}

Snapshot snapshot(store::Store& store) {
  graph::GraphView view;
  REQUIRE(graph::GraphView::load(store, {}, &view).is_ok());
  Snapshot s;
  s.nodes = view.node_count();
  for (const auto& n : view.nodes()) s.labels.insert(n.label);
  for (const auto& e : view.edges())
    s.relations.emplace(view.nodes()[e.source].label, predicate_name(e.predicate),
                        view.nodes()[e.target].label, e.weight);
  return s;
}

int64_t scalar(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open_v2(db.c_str(), &h, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK);
  sqlite3_stmt* s = nullptr;
  REQUIRE(sqlite3_prepare_v2(h, sql.c_str(), -1, &s, nullptr) == SQLITE_OK);
  int64_t v = sqlite3_step(s) == SQLITE_ROW ? sqlite3_column_int64(s, 0) : -1;
  sqlite3_finalize(s);
  sqlite3_close(h);
  return v;
}

int run_sql(const std::string& db, const std::string& sql) {
  sqlite3* h = nullptr;
  REQUIRE(sqlite3_open(db.c_str(), &h) == SQLITE_OK);
  const int rc = sqlite3_exec(h, sql.c_str(), nullptr, nullptr, nullptr);
  sqlite3_close(h);
  return rc;
}

}  // namespace newsgraph::testing
