// Co-occurrence kept per pair and per article: see cooccurrences.h.
#include "store/cooccurrences.h"

#include <algorithm>
#include <map>
#include <unordered_map>

#include "store/writer_memo.h"
#include "store/relation_codes.h"
#include "store/varint.h"

namespace newsgraph::store {
namespace {

// A relation's counts, as recount_relation() keeps them for typed relations.
struct PairCounts {
  int64_t weight = 0, independent = 0, evidence = 0;
  double confidence = 0;
  std::string first_seen, last_seen;
};

// One article's co-occurrence as stored, with what it takes to count it.
struct StoredArticle {
  std::vector<ArticlePair> pairs;
  double confidence = 0;
  std::string date;                                 // '' when undated
  std::unordered_map<int64_t, int64_t> entity_of;   // article entity -> store entity
  std::set<uint32_t> syndicated;                    // sentences an earlier article has
};

bool read_article(Db& db, int64_t doc_key, StoredArticle* out) {
  {
    Statement q = db.prepare("SELECT pairs, confidence FROM cooccurrences WHERE doc_key = ?");
    q.bind(1, doc_key);
    if (!q.step() || !decode_article_pairs(q.column_blob(0), &out->pairs)) return false;
    out->confidence = q.column_double(1);
  }
  {
    Statement q = db.prepare("SELECT substr(published, 1, 10) FROM documents WHERE doc_key = ?");
    q.bind(1, doc_key);
    if (q.step()) out->date = q.column_text(0);
  }
  Statement e = db.prepare("SELECT doc_entity_key, entity_key FROM doc_entities WHERE doc_key = ?");
  e.bind(1, doc_key);
  while (e.step()) out->entity_of[e.column_int(0)] = e.column_int(1);
  Statement s = db.prepare("SELECT idx FROM sentences WHERE doc_key = ? AND syndicated = 1");
  s.bind(1, doc_key);
  while (s.step()) out->syndicated.insert(static_cast<uint32_t>(s.column_int(0)));
  return true;
}

// The store entity pair an article pair stands for; false when an end is gone (its
// entity deleted) or both ends are one entity.
bool pair_of(const StoredArticle& a, const ArticlePair& p, EntityPair* out) {
  auto x = a.entity_of.find(p.first), y = a.entity_of.find(p.second);
  if (x == a.entity_of.end() || y == a.entity_of.end() || x->second == y->second) return false;
  *out = entity_pair(x->second, y->second);
  return true;
}

// Adds what an article gives each wanted pair to `totals`.
template <typename Wanted>
void count_article(const StoredArticle& a, Wanted wanted, std::map<EntityPair, PairCounts>* totals) {
  std::map<EntityPair, std::pair<int64_t, bool>> mine;  // sentences, some not syndicated
  for (const ArticlePair& p : a.pairs) {
    EntityPair ep;
    if (!pair_of(a, p, &ep) || !wanted(ep)) continue;
    auto& m = mine[ep];
    m.first += static_cast<int64_t>(p.sentences.size());
    for (uint32_t s : p.sentences) m.second = m.second || !a.syndicated.count(s);
  }
  for (const auto& [ep, m] : mine) {
    PairCounts& c = (*totals)[ep];
    ++c.weight;
    c.evidence += m.first;
    c.independent += m.second;
    c.confidence = std::max(c.confidence, a.confidence);
    if (a.date.empty()) continue;
    if (c.first_seen.empty() || a.date < c.first_seen) c.first_seen = a.date;
    if (a.date > c.last_seen) c.last_seen = a.date;
  }
}

// Writes a pair's row from its counts; deletes it when nothing supports it.
void write_pair(Db& db, EntityPair ep, const PairCounts* c) {
  if (c == nullptr || c->evidence == 0) {
    db.prepare("DELETE FROM relations WHERE subject_key = ? AND predicate = 0 /* CO_OCCURS */ AND object_key = ?")
        .bind(1, ep.first)
        .bind(2, ep.second)
        .run();
    return;
  }
  db.prepare(R"SQL(
    INSERT INTO relations(subject_key, predicate, object_key, weight, independent, evidence_count,
                          modality, confidence_permille, first_seen, last_seen)
    VALUES (?1, 0 /* CO_OCCURS */, ?2, ?3, ?4, ?5, 0 /* asserted */, ?6, ?7, ?8)
    ON CONFLICT (subject_key, predicate, object_key) DO UPDATE SET
      weight = ?3, independent = ?4, evidence_count = ?5, modality = 0 /* asserted */, confidence_permille = ?6,
      first_seen = ?7, last_seen = ?8)SQL")
      .bind(1, ep.first)
      .bind(2, ep.second)
      .bind(3, c->weight)
      .bind(4, c->independent)
      .bind(5, c->evidence)
      .bind(6, permille_of(c->confidence))
      .bind(7, c->first_seen)
      .bind(8, c->last_seen)
      .run();
  if (WriterMemo* memo = db.memo()) memo->note_relation(0 /* CO_OCCURS */, ep.first, ep.second);
}

std::vector<int64_t> articles_naming_both(Db& db, EntityPair ep) {
  std::vector<int64_t> docs;
  Statement q = db.prepare(
      "SELECT DISTINCT x.doc_key FROM doc_entities x JOIN doc_entities y ON y.doc_key = x.doc_key "
      "WHERE x.entity_key = ? AND y.entity_key = ? ORDER BY x.doc_key");
  q.bind(1, ep.first).bind(2, ep.second);
  while (q.step()) docs.push_back(q.column_int(0));
  return docs;
}

struct PairHash {
  size_t operator()(const EntityPair& p) const {
    return std::hash<int64_t>()(p.first) * 1000003u ^ std::hash<int64_t>()(p.second);
  }
};

}  // namespace

EntityPair entity_pair(int64_t a, int64_t b) { return a < b ? EntityPair{a, b} : EntityPair{b, a}; }

std::string encode_article_pairs(const std::vector<ArticlePair>& pairs) {
  std::string out;
  int64_t base = 0;
  for (size_t i = 0; i < pairs.size(); ++i) {
    const int64_t low = std::min(pairs[i].first, pairs[i].second);
    if (i == 0 || low < base) base = low;
  }
  put_varint(pairs.size(), &out);
  put_varint(static_cast<uint64_t>(base), &out);
  for (const ArticlePair& p : pairs) {
    std::vector<uint32_t> sentences = p.sentences;
    std::sort(sentences.begin(), sentences.end());
    sentences.erase(std::unique(sentences.begin(), sentences.end()), sentences.end());
    put_varint(static_cast<uint64_t>(p.first - base), &out);
    put_varint(static_cast<uint64_t>(p.second - base), &out);
    put_varint(sentences.size(), &out);
    uint32_t previous = 0;
    for (uint32_t s : sentences) {
      put_varint(s - previous, &out);
      previous = s;
    }
  }
  return out;
}

bool decode_article_pairs(std::string_view bytes, std::vector<ArticlePair>* out) {
  out->clear();
  size_t at = 0;
  uint64_t count = 0, base = 0;
  if (!get_varint(bytes, &at, &count) || !get_varint(bytes, &at, &base) || count > bytes.size()) return false;
  out->reserve(count);
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t first = 0, second = 0, n = 0;
    if (!get_varint(bytes, &at, &first) || !get_varint(bytes, &at, &second) || !get_varint(bytes, &at, &n) ||
        n > bytes.size())
      return false;
    ArticlePair& p = out->emplace_back();
    p.first = static_cast<int64_t>(base + first);
    p.second = static_cast<int64_t>(base + second);
    uint64_t sentence = 0;
    for (uint64_t k = 0; k < n; ++k) {
      uint64_t delta = 0;
      if (!get_varint(bytes, &at, &delta)) return false;
      sentence += delta;
      if (sentence > UINT32_MAX) return false;
      p.sentences.push_back(static_cast<uint32_t>(sentence));
    }
  }
  return at == bytes.size();
}

void store_article_pairs(Db& db, int64_t doc_key, const std::vector<ArticlePair>& pairs, double confidence) {
  if (pairs.empty()) return;
  db.prepare("INSERT INTO cooccurrences(doc_key, pairs, confidence) VALUES (?, ?, ?)")
      .bind(1, doc_key)
      .bind_blob(2, encode_article_pairs(pairs))
      .bind(3, confidence)
      .run();
}

std::vector<EntityPair> withdraw_article_pairs(Db& db, int64_t doc_key) {
  std::vector<EntityPair> recount;
  StoredArticle a;
  if (!read_article(db, doc_key, &a)) return recount;
  std::map<EntityPair, PairCounts> given;
  count_article(a, [](EntityPair) { return true; }, &given);
  for (const auto& [ep, c] : given) {
    Statement q = db.prepare(R"SQL(
      UPDATE relations SET weight = weight - ?3, independent = independent - ?4,
                           evidence_count = evidence_count - ?5
      WHERE subject_key = ?1 AND predicate = 0 /* CO_OCCURS */ AND object_key = ?2
      RETURNING evidence_count, first_seen, last_seen)SQL");
    q.bind(1, ep.first).bind(2, ep.second).bind(3, c.weight).bind(4, c.independent).bind(5, c.evidence);
    if (!q.step()) continue;
    const bool empty = q.column_int(0) <= 0;
    const bool bound = !a.date.empty() && (q.column_view(1) == a.date || q.column_view(2) == a.date);
    q.step();  // runs the statement to its end
    if (empty) write_pair(db, ep, nullptr);
    else if (bound) recount.push_back(ep);
  }
  return recount;
}

std::set<EntityPair> article_entity_pairs(Db& db, int64_t doc_key) {
  std::set<EntityPair> out;
  StoredArticle a;
  if (!read_article(db, doc_key, &a)) return out;
  for (const ArticlePair& p : a.pairs) {
    EntityPair ep;
    if (pair_of(a, p, &ep)) out.insert(ep);
  }
  return out;
}

std::set<EntityPair> entity_pairs_in_sentences(Db& db, int64_t sentence_hash) {
  std::map<int64_t, std::set<uint32_t>> sentences_of;
  {
    Statement q = db.prepare("SELECT doc_key, idx FROM sentences WHERE hash = ?");
    q.bind(1, sentence_hash);
    while (q.step()) sentences_of[q.column_int(0)].insert(static_cast<uint32_t>(q.column_int(1)));
  }
  std::set<EntityPair> out;
  for (const auto& [doc, sentences] : sentences_of) {
    StoredArticle a;
    if (!read_article(db, doc, &a)) continue;
    for (const ArticlePair& p : a.pairs) {
      EntityPair ep;
      if (!pair_of(a, p, &ep)) continue;
      for (uint32_t s : p.sentences)
        if (sentences.count(s)) out.insert(ep);
    }
  }
  return out;
}

void recount_cooccurrence(Db& db, EntityPair pair) {
  std::map<EntityPair, PairCounts> totals;
  for (int64_t doc : articles_naming_both(db, pair)) {
    StoredArticle a;
    if (read_article(db, doc, &a)) count_article(a, [&](EntityPair ep) { return ep == pair; }, &totals);
  }
  auto found = totals.find(pair);
  write_pair(db, pair, found == totals.end() ? nullptr : &found->second);
}

void rebuild_cooccurrences(Db& db, const std::set<int64_t>& entities) {
  std::set<int64_t> docs;
  std::set<EntityPair> stored;
  for (int64_t e : entities) {
    Statement d = db.prepare("SELECT DISTINCT doc_key FROM doc_entities WHERE entity_key = ?");
    d.bind(1, e);
    while (d.step()) docs.insert(d.column_int(0));
    Statement r = db.prepare(
        "SELECT subject_key, object_key FROM relations WHERE predicate = 0 /* CO_OCCURS */ AND "
        "(subject_key = ?1 OR object_key = ?1)");
    r.bind(1, e);
    while (r.step()) stored.insert({r.column_int(0), r.column_int(1)});
  }
  std::map<EntityPair, PairCounts> totals;
  auto touches = [&](EntityPair ep) { return entities.count(ep.first) || entities.count(ep.second); };
  for (int64_t doc : docs) {
    StoredArticle a;
    if (read_article(db, doc, &a)) count_article(a, touches, &totals);
  }
  for (const EntityPair& ep : stored)
    if (!totals.count(ep)) write_pair(db, ep, nullptr);
  for (const auto& [ep, c] : totals) write_pair(db, ep, &c);
}

std::vector<PairSentence> pair_sentences(Db& db, EntityPair pair) {
  std::vector<PairSentence> out;
  for (int64_t doc : articles_naming_both(db, pair)) {
    StoredArticle a;
    if (!read_article(db, doc, &a)) continue;
    const size_t from = out.size();
    for (const ArticlePair& p : a.pairs) {
      EntityPair ep;
      if (!pair_of(a, p, &ep) || ep != pair) continue;
      for (uint32_t s : p.sentences) out.push_back({doc, s, a.confidence});
    }
    std::sort(out.begin() + static_cast<std::ptrdiff_t>(from), out.end(),
              [](const PairSentence& x, const PairSentence& y) { return x.sentence < y.sentence; });
  }
  return out;
}

void each_cooccurrence_sentence(Db& db, const std::function<void(int64_t relation_key, int64_t doc_key,
                                                                uint32_t sentence)>& f) {
  std::unordered_map<EntityPair, int64_t, PairHash> relation_of;
  {
    Statement q = db.prepare("SELECT relation_key, subject_key, object_key FROM relations WHERE predicate = 0 /* CO_OCCURS */");
    while (q.step()) relation_of[{q.column_int(1), q.column_int(2)}] = q.column_int(0);
  }
  std::vector<int64_t> entity_of;  // by doc_entity_key; -1 where none
  {
    Statement q = db.prepare("SELECT doc_entity_key, entity_key FROM doc_entities");
    while (q.step()) {
      const int64_t key = q.column_int(0);
      if (key < 0) continue;
      if (static_cast<size_t>(key) >= entity_of.size())
        entity_of.resize(std::max(static_cast<size_t>(key) + 1, entity_of.size() * 2), -1);
      entity_of[static_cast<size_t>(key)] = q.column_int(1);
    }
  }
  auto entity = [&](int64_t de) {
    return de >= 0 && static_cast<size_t>(de) < entity_of.size() ? entity_of[static_cast<size_t>(de)] : -1;
  };
  std::vector<ArticlePair> pairs;
  Statement q = db.prepare("SELECT doc_key, pairs FROM cooccurrences ORDER BY doc_key");
  while (q.step()) {
    if (!decode_article_pairs(q.column_blob(1), &pairs)) continue;
    const int64_t doc = q.column_int(0);
    for (const ArticlePair& p : pairs) {
      const int64_t a = entity(p.first), b = entity(p.second);
      if (a < 0 || b < 0 || a == b) continue;
      auto r = relation_of.find(entity_pair(a, b));
      if (r == relation_of.end()) continue;
      for (uint32_t s : p.sentences) f(r->second, doc, s);
    }
  }
}

void migrate_cooccurrence_evidence(Db& db) {
  struct Article {
    std::map<std::pair<int64_t, int64_t>, size_t> index;
    std::vector<ArticlePair> pairs;
    double confidence = 0;
  };
  std::map<int64_t, Article> articles;
  {
    Statement q = db.prepare(
        "SELECT doc_key, subject_doc_entity, object_doc_entity, sentence, confidence FROM evidence "
        "WHERE predicate = 'CO_OCCURS' ORDER BY doc_key, evidence_key");
    while (q.step()) {
      Article& a = articles[q.column_int(0)];
      const std::pair<int64_t, int64_t> ends{q.column_int(1), q.column_int(2)};
      auto [at, added] = a.index.emplace(ends, a.pairs.size());
      if (added) a.pairs.push_back({ends.first, ends.second, {}});
      a.pairs[at->second].sentences.push_back(static_cast<uint32_t>(q.column_int(3)));
      a.confidence = std::max(a.confidence, q.column_double(4));
    }
  }
  for (const auto& [doc, a] : articles) store_article_pairs(db, doc, a.pairs, a.confidence);
  // Version 4's relations, which held predicates by name (version 9 made them codes).
  db.exec("DELETE FROM evidence WHERE predicate = 'CO_OCCURS'");
  db.exec("DELETE FROM relations WHERE predicate = 'CO_OCCURS' AND subject_key = object_key");
}

}  // namespace newsgraph::store
