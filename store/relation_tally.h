// RelationTally: a writer's relation counts kept in memory while it writes many articles
// into a store nobody reads until it is done (a merge's output, a store rewritten in
// canonical order), and written to `relations` once a relation, in key order, at flush().
// Writing an article's relations one UPSERT each (half a million for 25k pool articles,
// one in three meeting a row already there) was the largest SQL cost of such a write.
//
// The rows it writes are those the UPSERTs would have written, keys included: a new
// relation takes the key SQLite would have given it (one past the largest, in order of
// creation), and a stored one is read once and updated. While it holds relations the
// table lacks them: every reader of relations on that connection asks holds() first
// (shares_a_tie), and nothing else writes relations until flush().
#pragma once

#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/types.h"

namespace newsgraph::store {

class Db;

// What one article adds to one relation's counts.
struct Contribution {
  int64_t evidence = 0;
  bool independent = false;  // some evidence sentence is not syndicated
  bool asserted = false;
  Modality first_modality = Modality::kAsserted;
  double confidence = 0;
};

class RelationTally {
 public:
  // Tallies into the relations of `db`, whose largest key it reads now.
  explicit RelationTally(Db& db);

  // Adds `c` (from an article dated `date`, '' when undated) to the relation, as one
  // UPSERT would have; returns its key and says whether it is new. O(1), and one look-up
  // the first time a stored relation is met.
  int64_t add(Db& db, int64_t subject_key, int64_t predicate_code, int64_t object_key, const Contribution& c,
              const std::string& date, bool* created);
  // Whether it holds a relation of the predicate joining the two entities, either way
  // round; and whether the table holds none (then only what it holds exists).
  bool holds(int64_t predicate_code, int64_t a, int64_t b) const;
  bool none_stored() const { return none_stored_; }
  // Writes every tallied relation, tells the writer's memo of them (which may have been
  // loaded from the table without them), and forgets them. O(tallied log tallied).
  void flush(Db& db);
  size_t size() const { return counts_.size(); }

 private:
  struct Triple {
    int64_t subject, object;
    int64_t predicate;
    bool operator==(const Triple& o) const {
      return subject == o.subject && object == o.object && predicate == o.predicate;
    }
  };
  struct TripleHash {
    size_t operator()(const Triple& t) const;
  };
  // A relation's row as it stands, dates by their index in dates_.
  struct Counts {
    int64_t key = 0;
    int64_t weight = 0, independent = 0, evidence = 0, confidence_permille = 0;
    int64_t modality = 0;
    uint32_t first_seen = 0, last_seen = 0;
    bool stored = false;  // the row was in the table before: flush() updates it
  };
  uint32_t date_index(const std::string& date);
  std::unordered_map<Triple, Counts, TripleHash> counts_;
  std::vector<std::string> dates_{std::string()};  // 0 is '' (undated)
  std::unordered_map<std::string, uint32_t> date_indexes_{{std::string(), 0}};
  int64_t next_key_ = 1;
  bool none_stored_ = false;  // the table was empty and nothing is flushed: no look-ups
};

}  // namespace newsgraph::store
