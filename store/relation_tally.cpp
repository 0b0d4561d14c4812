// Relation counts kept in memory until flushed: see relation_tally.h.
#include "store/relation_tally.h"

#include <algorithm>

#include "store/relation_codes.h"
#include "store/sqlite_db.h"
#include "store/writer_memo.h"

namespace newsgraph::store {

size_t RelationTally::TripleHash::operator()(const Triple& t) const {
  uint64_t h = static_cast<uint64_t>(t.subject) * 0x9E3779B97F4A7C15ull;
  h ^= static_cast<uint64_t>(t.object) + 0x632BE59BD9B4E019ull + (h << 6) + (h >> 2);
  h ^= static_cast<uint64_t>(t.predicate) + (h << 6) + (h >> 2);
  return static_cast<size_t>(h ^ (h >> 29));
}

RelationTally::RelationTally(Db& db) {
  Statement q = db.prepare("SELECT COALESCE(MAX(relation_key), 0) + 1 FROM relations");
  q.step();
  next_key_ = q.column_int(0);
  none_stored_ = next_key_ == 1;
  counts_.reserve(1 << 16);
}

uint32_t RelationTally::date_index(const std::string& date) {
  auto [at, added] = date_indexes_.emplace(date, static_cast<uint32_t>(dates_.size()));
  if (added) dates_.push_back(date);
  return at->second;
}

int64_t RelationTally::add(Db& db, int64_t subject_key, int64_t predicate_code, int64_t object_key,
                           const Contribution& c, const std::string& date, bool* created) {
  auto [at, added] = counts_.try_emplace(Triple{subject_key, object_key, predicate_code});
  Counts& n = at->second;
  *created = false;
  if (added && none_stored_) {
    n.key = next_key_++;
    *created = true;
  } else if (added) {
    Statement q = db.prepare(
        "SELECT relation_key, weight, independent, evidence_count, modality, confidence_permille, first_seen, "
        "last_seen FROM relations WHERE subject_key = ? AND predicate = ? AND object_key = ?");
    q.bind(1, subject_key).bind(2, predicate_code).bind(3, object_key);
    if (q.step()) {
      n.key = q.column_int(0);
      n.weight = q.column_int(1);
      n.independent = q.column_int(2);
      n.evidence = q.column_int(3);
      n.modality = q.column_int(4);
      n.confidence_permille = q.column_int(5);
      n.first_seen = date_index(q.column_text(6));
      n.last_seen = date_index(q.column_text(7));
      n.stored = true;
    } else {
      n.key = next_key_++;
      *created = true;
    }
  }
  const uint32_t day = date_index(date);
  if (*created) {  // the row the UPSERT would have inserted
    n.modality = c.asserted ? kAssertedCode : modality_code(c.first_modality);
    n.first_seen = n.last_seen = day;
  } else {  // and the one it would have updated to (every right side reads the old row)
    if (c.asserted) n.modality = kAssertedCode;
    else if (n.evidence == 0) n.modality = modality_code(c.first_modality);
    if (!date.empty() && (n.first_seen == 0 || date < dates_[n.first_seen])) n.first_seen = day;
    if (date > dates_[n.last_seen]) n.last_seen = day;
  }
  n.weight += 1;
  n.independent += c.independent ? 1 : 0;
  n.evidence += c.evidence;
  n.confidence_permille = std::max(n.confidence_permille, permille_of(c.confidence));
  return n.key;
}

bool RelationTally::holds(int64_t predicate_code, int64_t a, int64_t b) const {
  return counts_.count(Triple{a, b, predicate_code}) || counts_.count(Triple{b, a, predicate_code});
}

void RelationTally::flush(Db& db) {
  std::vector<std::pair<const Triple*, const Counts*>> rows;
  rows.reserve(counts_.size());
  for (const auto& [triple, counts] : counts_) rows.emplace_back(&triple, &counts);
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second->key < b.second->key; });
  for (const auto& [t, n] : rows) {
    Statement s = db.prepare(
        n->stored ? "UPDATE relations SET weight = ?5, independent = ?6, evidence_count = ?7, modality = ?8, "
                    "confidence_permille = ?9, first_seen = ?10, last_seen = ?11 WHERE relation_key = ?1"
                  : "INSERT INTO relations(relation_key, subject_key, predicate, object_key, weight, independent, "
                    "evidence_count, modality, confidence_permille, first_seen, last_seen) "
                    "VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)");
    s.bind(1, n->key);
    if (!n->stored) s.bind(2, t->subject).bind(3, t->predicate).bind(4, t->object);
    s.bind(5, n->weight).bind(6, n->independent).bind(7, n->evidence).bind(8, n->modality);
    s.bind(9, n->confidence_permille).bind_kept(10, dates_[n->first_seen]).bind_kept(11, dates_[n->last_seen]);
    s.run();
    if (WriterMemo* memo = db.memo()) memo->note_relation(t->predicate, t->subject, t->object);
  }
  counts_.clear();
  none_stored_ = false;  // what it held is stored now
}

}  // namespace newsgraph::store
