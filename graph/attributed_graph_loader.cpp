#include "graph/attributed_graph_loader.h"

#include <algorithm>
#include <optional>

#include "store/cooccurrences.h"
#include "store/relation_codes.h"
#include "store/schema.h"
#include "store/sqlite_db.h"

namespace newsgraph::graph {

using store::Db;
using store::Statement;

namespace {

constexpr size_t kSampleBytes = 280;
constexpr uint8_t kSamplesPerEdge = 3;  // an edge's sample and two more


std::string truncate_utf8(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

bool in_window(const std::string& date, const GraphFilter& f) {
  return (f.since.empty() || date >= f.since) && (f.until.empty() || date <= f.until);
}

}  // namespace

void KeyIndex::set(int64_t key, uint32_t index) {
  if (key < 0) return;
  size_t k = static_cast<size_t>(key);
  if (k >= to_.size()) to_.resize(std::max(k + 1, to_.size() * 2), kNoIndex);
  to_[k] = index;
}

void AttributedGraphLoader::read_nodes() {
  Statement q = db_.prepare("SELECT entity_key, id, label, type FROM entities ORDER BY entity_key");
  while (q.step()) {
    std::optional<EntityType> type = parse_entity_type(q.column_view(3));
    if (!type || (!filter_.types.empty() && !filter_.types.count(*type))) continue;
    node_of_.set(q.column_int(0), static_cast<uint32_t>(g_.nodes.size()));
    g_.nodes.push_back({q.column_text(1), q.column_text(2), *type, {}, 0, 0, "", ""});
  }
}

void AttributedGraphLoader::read_articles(const char* origin_columns) {
  Statement d = db_.prepare(std::string("SELECT doc_key, substr(published, 1, 10), id, ") + origin_columns +
                            " FROM documents");
  while (d.step()) {
    int64_t key = d.column_int(0);
    if (key < 0) continue;
    if (static_cast<size_t>(key) >= date_of_doc_.size()) {
      date_of_doc_.resize(static_cast<size_t>(key) + 1);
      stored_.resize(static_cast<size_t>(key) + 1, 0);
      g_.article_ids.resize(static_cast<size_t>(key) + 1);
      g_.article_urls.resize(static_cast<size_t>(key) + 1);
    }
    date_of_doc_[static_cast<size_t>(key)] = d.column_text(1);
    g_.article_ids[static_cast<size_t>(key)] = d.column_text(2);
    g_.article_urls[static_cast<size_t>(key)] = d.column_text(3);
    stored_[static_cast<size_t>(key)] = 1;
  }
}

const std::string* AttributedGraphLoader::date_of(int64_t doc) const {
  if (doc < 0 || static_cast<size_t>(doc) >= stored_.size() || !stored_[static_cast<size_t>(doc)]) return nullptr;
  return &date_of_doc_[static_cast<size_t>(doc)];
}

int64_t AttributedGraphLoader::relations_stored() const {
  Statement m = db_.prepare("SELECT COALESCE(MAX(relation_key), 0) FROM relations");
  return m.step() ? std::max<int64_t>(0, m.column_int(0)) : 0;
}

void AttributedGraphLoader::read_edges() {
  const GraphFilter& f = filter_;
  Statement q = db_.prepare(
      "SELECT relation_key, subject_key, predicate, object_key, modality, weight, independent, "
      "evidence_count, confidence_permille, first_seen, last_seen FROM relations "
      "WHERE subject_key <> object_key ORDER BY relation_key");
  bool windowed = !f.since.empty() || !f.until.empty();
  if (f.center.empty()) g_.edges.reserve(static_cast<size_t>(relations_stored()));
  while (q.step()) {
    std::optional<Predicate> p = store::predicate_of_code(q.column_int(2));
    if (!p || (!f.predicates.empty() && !f.predicates.count(*p))) continue;
    if (*p == Predicate::kCoOccurs && !f.include_cooccurs) continue;
    uint32_t source = node_of_[q.column_int(1)], target = node_of_[q.column_int(3)];
    if (source == kNoIndex || target == kNoIndex) continue;
    if (!windowed && q.column_int(5) < f.min_weight) continue;
    edge_of_.set(q.column_int(0), static_cast<uint32_t>(g_.edges.size()));
    AttributedEdge& e = g_.edges.emplace_back();
    e.relation_key = q.column_int(0);
    e.source = source;
    e.target = target;
    e.predicate = *p;
    e.modality = store::modality_name_of_code(q.column_int(4));
    e.weight = q.column_int(5);
    e.independent = q.column_int(6);
    e.evidence = q.column_int(7);
    e.confidence = store::confidence_of_permille(q.column_int(8));
    e.first_seen = q.column_view(9);
    e.last_seen = q.column_view(10);
  }
}

std::vector<EvidenceLink> AttributedGraphLoader::read_evidence(Db& from) {
  std::vector<EvidenceLink> rows;
  Statement q = from.prepare(
      "SELECT relation_key, doc_key, sentence, predicate FROM evidence ORDER BY evidence_key");
  while (q.step())
    rows.push_back({q.column_int(0), q.column_int(1), static_cast<int32_t>(q.column_int(2)),
                    q.column_view(3) != predicate_name(Predicate::kCoOccurs)});
  store::each_cooccurrence_sentence(from, [&](int64_t relation, int64_t doc, uint32_t sentence) {
    rows.push_back({relation, doc, static_cast<int32_t>(sentence), false});
  });
  return rows;
}

std::vector<SentenceRef> AttributedGraphLoader::match_evidence(const std::vector<EvidenceLink>& rows,
                                                               WindowCounts* counts) {
  const bool windowed = !filter_.since.empty() || !filter_.until.empty();
  std::vector<uint64_t> edge_docs;  // edge << 32 | doc, one per evidence row kept
  std::vector<SentenceRef> sample_at;
  std::vector<uint8_t> samples(g_.edges.size(), 0);  // sentences chosen per edge, at most kSamplesPerEdge
  std::vector<std::pair<int64_t, int32_t>> last_sample(g_.edges.size());  // the last one chosen
  std::vector<int64_t>& evidence_count = counts->evidence;
  evidence_count.assign(g_.edges.size(), 0);
  edge_docs.reserve(rows.size());
  for (const EvidenceLink& row : rows) {
    uint32_t edge = edge_of_[row.relation];
    if (edge == kNoIndex) continue;
    const int64_t doc = row.doc;
    const std::string* date = date_of(doc);
    // A window leaves out undated articles: they cannot be placed in it.
    if (date == nullptr || doc > UINT32_MAX || (windowed && (date->empty() || !in_window(*date, filter_))))
      continue;
    // The sample sentences come from the articles counted, inside the window.
    if (samples[edge] < kSamplesPerEdge && g_.edges[edge].predicate != Predicate::kCoOccurs && row.typed &&
        !(samples[edge] > 0 && last_sample[edge] == std::make_pair(doc, row.sentence))) {
      ++samples[edge];
      last_sample[edge] = {doc, row.sentence};
      sample_at.push_back({doc, row.sentence, edge});
    }
    ++evidence_count[edge];
    edge_docs.push_back(uint64_t{edge} << 32 | static_cast<uint32_t>(doc));
  }
  add_articles(std::move(edge_docs), &counts->weight);
  std::sort(sample_at.begin(), sample_at.end(), [](const SentenceRef& a, const SentenceRef& b) {
    return a.doc != b.doc ? a.doc < b.doc : a.idx < b.idx;
  });
  return sample_at;
}

// Each edge's distinct articles (article_keys) and their distinct dates, sorted, from
// (edge, article) pairs; `weight` gets the number of articles of each edge.
void AttributedGraphLoader::add_articles(std::vector<uint64_t> edge_docs, std::vector<int64_t>* weight) {
  std::sort(edge_docs.begin(), edge_docs.end());
  weight->assign(g_.edges.size(), 0);
  for (size_t i = 0; i < edge_docs.size();) {
    const uint32_t edge = static_cast<uint32_t>(edge_docs[i] >> 32);
    AttributedEdge& e = g_.edges[edge];
    for (; i < edge_docs.size() && edge_docs[i] >> 32 == edge; ++i) {
      const int64_t doc = static_cast<uint32_t>(edge_docs[i]);
      if (!e.article_keys.empty() && e.article_keys.back() == doc) continue;
      e.article_keys.push_back(doc);
      if (!date_of(doc)->empty()) e.dates.push_back(*date_of(doc));  // the dated ones only
    }
    (*weight)[edge] = static_cast<int64_t>(e.article_keys.size());
    std::sort(e.dates.begin(), e.dates.end());
    e.dates.erase(std::unique(e.dates.begin(), e.dates.end()), e.dates.end());
  }
}

void AttributedGraphLoader::read_samples(const std::vector<SentenceRef>& at) {
  // `at` is sorted by sentence: a run of places naming one sentence shares its text.
  const SentenceRef* previous = nullptr;
  auto keep = [&](const SentenceRef& r, std::string_view text) {
    if (previous == nullptr || previous->doc != r.doc || previous->idx != r.idx)
      g_.sample_texts.push_back(truncate_utf8(text, kSampleBytes));
    AttributedEdge& e = g_.edges[r.edge];
    if (e.sample.empty()) {
      e.sample = g_.sample_texts.back();
    } else if (e.sample != g_.sample_texts.back()) {  // the same words in another article count once
      e.more_samples.push_back(g_.sample_texts.back());
    }
    previous = &r;
  };
  int64_t sentence_rows = 0;
  {
    Statement c = db_.prepare("SELECT COALESCE(MAX(rowid), 0) FROM sentences");
    if (c.step()) sentence_rows = c.column_int(0);
  }
  if (static_cast<int64_t>(at.size()) * 8 < sentence_rows) {
    for (const SentenceRef& r : at) {
      Statement q = db_.prepare("SELECT text FROM sentences WHERE doc_key = ? AND idx = ?");
      q.bind(1, r.doc).bind(2, r.idx);
      if (q.step()) keep(r, q.column_view(0));
    }
    return;
  }
  Statement q = db_.prepare("SELECT doc_key, idx, text FROM sentences ORDER BY doc_key, idx");
  size_t next = 0;
  while (next < at.size() && q.step()) {
    int64_t doc = q.column_int(0), idx = q.column_int(1);
    while (next < at.size() && (at[next].doc < doc || (at[next].doc == doc && at[next].idx < idx))) ++next;
    for (; next < at.size() && at[next].doc == doc && at[next].idx == idx; ++next) keep(at[next], q.column_view(2));
  }
}

void AttributedGraphLoader::read_node_details(Db& from) {
  read_aliases(from);
  // Per entity: distinct articles, first and last article date, and mentions. One pass
  // over each table and a sort in memory, instead of a grouped join that looks up an
  // article for every row.
  std::vector<Appearance> appearances = read_appearances(from);
  group_by_node(&appearances);
  summarise_appearances(appearances);
}

// Each node's other names, label left out, in alias order.
void AttributedGraphLoader::read_aliases(Db& from) {
  Statement a = from.prepare("SELECT entity_key, alias FROM aliases ORDER BY entity_key, alias");
  while (a.step()) {
    uint32_t node = node_of_[a.column_int(0)];
    if (node == kNoIndex) continue;
    AttributedNode& n = g_.nodes[node];
    std::string alias = a.column_text(1);
    if (alias != n.label) n.aliases.push_back(std::move(alias));
  }
}

// Every article entity of a node in a stored article, with its mentions, in stored order.
std::vector<AttributedGraphLoader::Appearance> AttributedGraphLoader::read_appearances(Db& from) const {
  std::vector<Appearance> appearances;
  Statement x = from.prepare(
      store::has_column(from, "doc_entities", "mention_count")
          ? "SELECT doc_key, entity_key, mention_count FROM doc_entities"
          : "SELECT doc_key, entity_key, (SELECT COUNT(*) FROM mentions m WHERE m.doc_entity_key = x.doc_entity_key) "
            "FROM doc_entities x");  // a store of schema 7 or older that could not be upgraded
  while (x.step()) {
    uint32_t node = node_of_[x.column_int(1)];
    int64_t doc = x.column_int(0);
    if (node == kNoIndex || date_of(doc) == nullptr) continue;
    appearances.push_back({node, doc, x.column_int(2)});
  }
  return appearances;
}

// By node, then by article: a counting sort by node keeps the rows' order, which is the
// order articles were stored in, so a node's rows are mostly in article order already
// and are sorted only where they are not. O(rows + V), plus the sorts.
void AttributedGraphLoader::group_by_node(std::vector<Appearance>* appearances) const {
  const std::vector<Appearance>& seen = *appearances;
  std::vector<size_t> start(g_.nodes.size() + 1, 0);
  for (const Appearance& r : seen) ++start[r.node + 1];
  for (size_t v = 1; v < start.size(); ++v) start[v] += start[v - 1];
  std::vector<Appearance> by_node(seen.size());
  std::vector<size_t> next(start.begin(), start.end() - 1);
  for (const Appearance& r : seen) by_node[next[r.node]++] = r;
  auto by_doc = [](const Appearance& a, const Appearance& b) { return a.doc < b.doc; };
  for (size_t v = 0; v + 1 < start.size(); ++v) {
    auto first = by_node.begin() + static_cast<std::ptrdiff_t>(start[v]);
    auto last = by_node.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
    if (!std::is_sorted(first, last, by_doc)) std::sort(first, last, by_doc);
  }
  appearances->swap(by_node);
}

// Articles, mentions and first and last dates of each node, from its appearances grouped
// by node and sorted by article.
void AttributedGraphLoader::summarise_appearances(const std::vector<Appearance>& seen) {
  for (size_t i = 0; i < seen.size();) {
    AttributedNode& n = g_.nodes[seen[i].node];
    n.articles = 0;
    n.mentions = 0;
    n.first_seen.clear();
    n.last_seen.clear();
    size_t j = i;
    for (; j < seen.size() && seen[j].node == seen[i].node; ++j) {
      if (j == i || seen[j].doc != seen[j - 1].doc) ++n.articles;
      n.mentions += seen[j].mentions;
      const std::string& date = *date_of(seen[j].doc);  // undated articles date nothing
      if (!date.empty() && (n.first_seen.empty() || date < n.first_seen)) n.first_seen = date;
      if (date > n.last_seen) n.last_seen = date;
    }
    i = j;
  }
}

}  // namespace newsgraph::graph
