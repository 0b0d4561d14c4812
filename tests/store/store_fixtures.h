// Hand-built extractions for store tests, so each test states exactly which entities
// and relations an "article" brings, and a snapshot of the stored graph to compare.
#pragma once

#include <memory>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "core/types.h"
#include "store/store.h"

namespace newsgraph::testing {

struct Article {
  Document doc;
  Extraction x;
};

// An article whose text is `text`, one sentence.
Article article(const std::string& id, const std::string& text);
// Adds an entity; `gazetteer_id` non-empty makes it a gazetteer entity with that id.
void add_entity(Article& a, const std::string& label, EntityType type, const std::string& gazetteer_id = "");
// Adds a relation between two labels already added, with evidence in sentence 0 (CO_OCCURS:
// a co-occurrence in sentence 0).
void add_relation(Article& a, const std::string& subject, Predicate p, const std::string& object);
// An article in which two people meet ("<host> bertemu <guest> di kota itu."): two persons
// and a MEET relation.
Article two_people_meet(const std::string& id, const std::string& host, const std::string& guest);

std::unique_ptr<store::Store> open_store(const std::string& path);
void ingest(store::Store& store, const Article& a, store::IngestResult* result = nullptr);

// (subject label, predicate, object label, weight) of every relation, and the labels.
struct Snapshot {
  std::set<std::tuple<std::string, std::string, std::string, uint32_t>> relations;
  std::set<std::string> labels;
  size_t nodes = 0;
  bool operator==(const Snapshot& o) const {
    return relations == o.relations && labels == o.labels && nodes == o.nodes;
  }
};
Snapshot snapshot(store::Store& store);

// The first column of the first row of `sql` on the store file `db` (opened read-only
// beside any open Store), -1 when there is no row.
int64_t scalar(const std::string& db, const std::string& sql);
// Runs `sql` on the store file `db` on a connection of its own; SQLite's result code.
int run_sql(const std::string& db, const std::string& sql);

}  // namespace newsgraph::testing
