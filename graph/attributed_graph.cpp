#include "graph/attributed_graph.h"

#include <algorithm>
#include <functional>
#include <future>
#include <memory>

#include "core/joining_thread.h"
#include "core/text.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace newsgraph::graph {

using store::Db;
using store::ReadSnapshot;
using store::Statement;
using store::Store;
using store::StoreError;

namespace {

constexpr size_t kSampleBytes = 280;

// An article's date: published when known, else the day it was ingested.
#define NEWSGRAPH_ARTICLE_DATE \
  "(CASE WHEN d.published <> '' THEN substr(d.published, 1, 10) ELSE substr(d.ingested_at, 1, 10) END)"

std::string truncate_utf8(std::string_view s, size_t max) {
  if (s.size() <= max) return std::string(s);
  size_t cut = max;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

bool in_window(const std::string& date, const GraphFilter& f) {
  return (f.since.empty() || date >= f.since) && (f.until.empty() || date <= f.until);
}

constexpr uint32_t kAbsent = UINT32_MAX;

// A dense map from a table's rowids (which SQLite hands out from 1 upwards) to indices.
class KeyIndex {
 public:
  void set(int64_t key, uint32_t index) {
    if (key < 0) return;
    size_t k = static_cast<size_t>(key);
    if (k >= to_.size()) to_.resize(std::max(k + 1, to_.size() * 2), kAbsent);
    to_[k] = index;
  }
  uint32_t operator[](int64_t key) const {
    return key >= 0 && static_cast<size_t>(key) < to_.size() ? to_[static_cast<size_t>(key)] : kAbsent;
  }

 private:
  std::vector<uint32_t> to_;
};

// Where an edge's sample sentence is: sentences(doc_key, idx).
struct SentenceRef {
  int64_t doc = 0, idx = 0;
  uint32_t edge = kAbsent;
};

// One evidence row as stored: read on the second connection while the first reads the
// relations, then matched to the edges.
struct EvidenceLink {
  int64_t relation = 0, doc = 0;
  int32_t sentence = 0;
  bool typed = false;  // the sentence states a typed relation, not a co-occurrence
};

struct Loader {
  Db& db;
  const GraphFilter& f;
  KeyIndex node_of;                     // entity_key -> node
  KeyIndex edge_of;                     // relation_key -> edge
  std::vector<std::string> date_of_doc;  // by doc_key; empty for no article
  AttributedGraph g;

  void nodes() {
    Statement q = db.prepare("SELECT entity_key, id, label, type FROM entities ORDER BY entity_key");
    while (q.step()) {
      std::optional<EntityType> type = parse_entity_type(q.column_view(3));
      if (!type || (!f.types.empty() && !f.types.count(*type))) continue;
      node_of.set(q.column_int(0), static_cast<uint32_t>(g.nodes.size()));
      g.nodes.push_back({q.column_text(1), q.column_text(2), *type, {}, 0, 0, "", ""});
    }
  }

  void edges() {
    Statement q = db.prepare(
        "SELECT relation_key, subject_key, predicate, object_key, modality, weight, independent, "
        "evidence_count, confidence, first_seen, last_seen FROM relations "
        "WHERE subject_key <> object_key ORDER BY relation_key");
    bool windowed = !f.since.empty() || !f.until.empty();
    if (f.center.empty()) g.edges.reserve(static_cast<size_t>(relations_stored()));
    while (q.step()) {
      std::optional<Predicate> p = parse_predicate(q.column_view(2));
      if (!p || (!f.predicates.empty() && !f.predicates.count(*p))) continue;
      if (*p == Predicate::kCoOccurs && !f.include_cooccurs) continue;
      uint32_t source = node_of[q.column_int(1)], target = node_of[q.column_int(3)];
      if (source == kAbsent || target == kAbsent) continue;
      if (!windowed && q.column_int(5) < f.min_weight) continue;
      edge_of.set(q.column_int(0), static_cast<uint32_t>(g.edges.size()));
      AttributedEdge& e = g.edges.emplace_back();
      e.source = source;
      e.target = target;
      e.predicate = *p;
      e.modality = q.column_view(4);
      e.weight = q.column_int(5);
      e.independent = q.column_int(6);
      e.evidence = q.column_int(7);
      e.confidence = q.column_double(8);
      e.first_seen = q.column_view(9);
      e.last_seen = q.column_view(10);
    }
  }

  // How many relations the store holds, about (their keys are dense rowids).
  int64_t relations_stored() const {
    Statement m = db.prepare("SELECT COALESCE(MAX(relation_key), 0) FROM relations");
    return m.step() ? std::max<int64_t>(0, m.column_int(0)) : 0;
  }

  // Every article's date: published when known, else the day it was ingested.
  void documents() {
    Statement d = db.prepare("SELECT d.doc_key, " NEWSGRAPH_ARTICLE_DATE " FROM documents d");
    while (d.step()) {
      int64_t key = d.column_int(0);
      if (key < 0) continue;
      if (static_cast<size_t>(key) >= date_of_doc.size()) date_of_doc.resize(static_cast<size_t>(key) + 1);
      date_of_doc[static_cast<size_t>(key)] = d.column_text(1);
    }
  }
  const std::string* date_of(int64_t doc) const {
    if (doc < 0 || static_cast<size_t>(doc) >= date_of_doc.size()) return nullptr;
    const std::string& date = date_of_doc[static_cast<size_t>(doc)];
    return date.empty() ? nullptr : &date;
  }

  // The evidence rows in their order.
  static std::vector<EvidenceLink> read_evidence(Db& from) {
    std::vector<EvidenceLink> rows;
    Statement q = from.prepare(
        "SELECT relation_key, doc_key, sentence, predicate FROM evidence ORDER BY evidence_key");
    while (q.step())
      rows.push_back({q.column_int(0), q.column_int(1), static_cast<int32_t>(q.column_int(2)),
                      q.column_view(3) != predicate_name(Predicate::kCoOccurs)});
    return rows;
  }

  // One pass over the evidence, in its order: each edge's articles, their dates and the
  // evidence count (inside the window, if there is one), and where its sample is, the
  // first typed sentence. Returns the sample places, sorted by sentence.
  std::vector<SentenceRef> evidence(const std::vector<EvidenceLink>& rows, std::vector<int64_t>* weight_in_window,
                                    std::vector<int64_t>* evidence_in_window) {
    const bool windowed = !f.since.empty() || !f.until.empty();
    std::vector<uint64_t> edge_docs;  // edge << 32 | doc, one per evidence row kept
    std::vector<SentenceRef> sample_at;
    std::vector<char> has_sample(g.edges.size(), 0);
    std::vector<int64_t>& evidence_count = *evidence_in_window;
    evidence_count.assign(g.edges.size(), 0);
    edge_docs.reserve(rows.size());
    for (const EvidenceLink& row : rows) {
      uint32_t edge = edge_of[row.relation];
      if (edge == kAbsent) continue;
      const int64_t doc = row.doc;
      if (!has_sample[edge] && g.edges[edge].predicate != Predicate::kCoOccurs && row.typed) {
        has_sample[edge] = 1;
        sample_at.push_back({doc, row.sentence, edge});
      }
      const std::string* date = date_of(doc);
      if (date == nullptr || doc > UINT32_MAX || (windowed && !in_window(*date, f))) continue;
      ++evidence_count[edge];
      edge_docs.push_back(uint64_t{edge} << 32 | static_cast<uint32_t>(doc));
    }
    std::sort(edge_docs.begin(), edge_docs.end());
    std::vector<int64_t>& weight = *weight_in_window;
    weight.assign(g.edges.size(), 0);
    for (size_t i = 0; i < edge_docs.size();) {
      const uint32_t edge = static_cast<uint32_t>(edge_docs[i] >> 32);
      AttributedEdge& e = g.edges[edge];
      for (; i < edge_docs.size() && edge_docs[i] >> 32 == edge; ++i) {
        const int64_t doc = static_cast<uint32_t>(edge_docs[i]);
        if (!e.article_keys.empty() && e.article_keys.back() == doc) continue;
        e.article_keys.push_back(doc);
        e.dates.push_back(*date_of(doc));
      }
      weight[edge] = static_cast<int64_t>(e.article_keys.size());
      std::sort(e.dates.begin(), e.dates.end());
      e.dates.erase(std::unique(e.dates.begin(), e.dates.end()), e.dates.end());
    }
    std::sort(sample_at.begin(), sample_at.end(), [](const SentenceRef& a, const SentenceRef& b) {
      return a.doc != b.doc ? a.doc < b.doc : a.idx < b.idx;
    });
    return sample_at;
  }

  // Reads the sample sentences: a walk over the sentences in key order beside the
  // sorted places when many are wanted, a lookup for each when few are.
  void samples(const std::vector<SentenceRef>& at) {
    // `at` is sorted by sentence: a run of places naming one sentence shares its text.
    const SentenceRef* previous = nullptr;
    auto keep = [&](const SentenceRef& r, std::string_view text) {
      if (previous == nullptr || previous->doc != r.doc || previous->idx != r.idx)
        g.sample_texts.push_back(truncate_utf8(text, kSampleBytes));
      g.edges[r.edge].sample = g.sample_texts.back();
      previous = &r;
    };
    int64_t sentence_rows = 0;
    {
      Statement c = db.prepare("SELECT COALESCE(MAX(rowid), 0) FROM sentences");
      if (c.step()) sentence_rows = c.column_int(0);
    }
    if (static_cast<int64_t>(at.size()) * 8 < sentence_rows) {
      for (const SentenceRef& r : at) {
        Statement q = db.prepare("SELECT text FROM sentences WHERE doc_key = ? AND idx = ?");
        q.bind(1, r.doc).bind(2, r.idx);
        if (q.step()) keep(r, q.column_view(0));
      }
      return;
    }
    Statement q = db.prepare("SELECT doc_key, idx, text FROM sentences ORDER BY doc_key, idx");
    size_t next = 0;
    while (next < at.size() && q.step()) {
      int64_t doc = q.column_int(0), idx = q.column_int(1);
      while (next < at.size() && (at[next].doc < doc || (at[next].doc == doc && at[next].idx < idx))) ++next;
      for (; next < at.size() && at[next].doc == doc && at[next].idx == idx; ++next) keep(at[next], q.column_view(2));
    }
  }

  // Aliases, articles, dates and mentions of the nodes; writes only g.nodes. Reads
  // date_of_doc, which must be loaded first.
  void node_details(Db& from) {
    Statement a = from.prepare("SELECT entity_key, alias FROM aliases ORDER BY entity_key, alias");
    while (a.step()) {
      uint32_t node = node_of[a.column_int(0)];
      if (node == kAbsent) continue;
      AttributedNode& n = g.nodes[node];
      std::string alias = a.column_text(1);
      if (alias != n.label) n.aliases.push_back(std::move(alias));
    }
    article_details(from);
  }

  // Per entity: distinct articles, first and last article date, and mentions. One pass
  // over each table and a sort in memory, instead of a grouped join that looks up an
  // article for every row.
  void article_details(Db& from) {
    std::vector<int64_t> mentions_of;  // by doc_entity_key
    Statement m = from.prepare("SELECT doc_entity_key, COUNT(*) FROM mentions GROUP BY doc_entity_key");
    while (m.step()) {
      int64_t key = m.column_int(0);
      if (key < 0) continue;
      if (static_cast<size_t>(key) >= mentions_of.size())
        mentions_of.resize(std::max(static_cast<size_t>(key) + 1, mentions_of.size() * 2), 0);
      mentions_of[static_cast<size_t>(key)] = m.column_int(1);
    }
    struct Seen {
      uint32_t node;
      int64_t doc;
      int64_t mentions;
    };
    std::vector<Seen> seen;
    Statement x = from.prepare("SELECT doc_entity_key, doc_key, entity_key FROM doc_entities");
    while (x.step()) {
      uint32_t node = node_of[x.column_int(2)];
      int64_t doc = x.column_int(1), key = x.column_int(0);
      if (node == kAbsent || date_of(doc) == nullptr) continue;
      int64_t mentions = key >= 0 && static_cast<size_t>(key) < mentions_of.size() ? mentions_of[key] : 0;
      seen.push_back({node, doc, mentions});
    }
    // By node, then by article: a counting sort by node keeps the rows' order, which is
    // the order articles were stored in, so a node's rows are mostly in article order
    // already and are sorted only where they are not.
    {
      std::vector<size_t> start(g.nodes.size() + 1, 0);
      for (const Seen& r : seen) ++start[r.node + 1];
      for (size_t v = 1; v < start.size(); ++v) start[v] += start[v - 1];
      std::vector<Seen> by_node(seen.size());
      std::vector<size_t> next(start.begin(), start.end() - 1);
      for (const Seen& r : seen) by_node[next[r.node]++] = r;
      auto by_doc = [](const Seen& a, const Seen& b) { return a.doc < b.doc; };
      for (size_t v = 0; v + 1 < start.size(); ++v) {
        auto first = by_node.begin() + static_cast<std::ptrdiff_t>(start[v]);
        auto last = by_node.begin() + static_cast<std::ptrdiff_t>(start[v + 1]);
        if (!std::is_sorted(first, last, by_doc)) std::sort(first, last, by_doc);
      }
      seen.swap(by_node);
    }
    for (size_t i = 0; i < seen.size();) {
      AttributedNode& n = g.nodes[seen[i].node];
      n.articles = 0;
      n.mentions = 0;
      n.first_seen = n.last_seen = *date_of(seen[i].doc);
      size_t j = i;
      for (; j < seen.size() && seen[j].node == seen[i].node; ++j) {
        if (j == i || seen[j].doc != seen[j - 1].doc) ++n.articles;
        n.mentions += seen[j].mentions;
        const std::string& date = *date_of(seen[j].doc);
        if (date < n.first_seen) n.first_seen = date;
        if (date > n.last_seen) n.last_seen = date;
      }
      i = j;
    }
  }

  // With a window, keeps the edges with articles inside it, their counts redone.
  void apply_window(const std::vector<int64_t>& weight, const std::vector<int64_t>& evidence) {
    if (f.since.empty() && f.until.empty()) return;
    std::vector<AttributedEdge> kept;
    for (size_t i = 0; i < g.edges.size(); ++i) {
      AttributedEdge& e = g.edges[i];
      if (weight[i] < f.min_weight || weight[i] == 0) continue;
      e.weight = weight[i];
      e.independent = std::min(e.independent, weight[i]);
      e.evidence = evidence[i];
      e.first_seen = e.dates.front();
      e.last_seen = e.dates.back();
      kept.push_back(std::move(e));
    }
    g.edges = std::move(kept);
  }
};

// Keeps the nodes within `depth` hops of `center` (ignoring direction) and, when edges
// were filtered, drops nodes left without any; renumbers the rest.
void prune(AttributedGraph& g, int64_t center, uint32_t depth, bool drop_isolated) {
  size_t n = g.nodes.size();
  std::vector<char> keep(n, center < 0 ? 1 : 0);
  if (center >= 0) {
    std::vector<std::vector<uint32_t>> adjacent(n);
    for (const AttributedEdge& e : g.edges) {
      adjacent[e.source].push_back(e.target);
      adjacent[e.target].push_back(e.source);
    }
    std::vector<uint32_t> frontier{static_cast<uint32_t>(center)};
    keep[center] = 1;
    for (uint32_t hop = 0; hop < depth && !frontier.empty(); ++hop) {
      std::vector<uint32_t> next;
      for (uint32_t v : frontier)
        for (uint32_t w : adjacent[v])
          if (!keep[w]) {
            keep[w] = 1;
            next.push_back(w);
          }
      frontier.swap(next);
    }
  }
  if (drop_isolated) {
    std::vector<char> touched(n, 0);
    for (const AttributedEdge& e : g.edges)
      if (keep[e.source] && keep[e.target]) touched[e.source] = touched[e.target] = 1;
    for (size_t v = 0; v < n; ++v) keep[v] = keep[v] && (touched[v] || int64_t(v) == center);
  }
  std::vector<uint32_t> renumber(n, UINT32_MAX);
  std::vector<AttributedNode> nodes;
  for (size_t v = 0; v < n; ++v)
    if (keep[v]) {
      renumber[v] = static_cast<uint32_t>(nodes.size());
      nodes.push_back(std::move(g.nodes[v]));
    }
  std::vector<AttributedEdge> edges;
  for (AttributedEdge& e : g.edges) {
    if (renumber[e.source] == UINT32_MAX || renumber[e.target] == UINT32_MAX) continue;
    e.source = renumber[e.source];
    e.target = renumber[e.target];
    edges.push_back(std::move(e));
  }
  g.nodes = std::move(nodes);
  g.edges = std::move(edges);
}

}  // namespace

Status load_attributed_graph(Store& store, const GraphFilter& filter, AttributedGraph* out) {
  Db& db = store.impl().db;
  ReadSnapshot snapshot(store);  // every query on this connection reads one state
  try {
    Loader loader{db, filter, {}, {}, {}, {}};
    loader.nodes();
    int64_t center = -1;
    if (!filter.center.empty()) {
      int64_t key = store::find_entity_named(db, filter.center);
      if (key == 0) return Status::error(StatusCode::kNotFound, "no entity is named '" + filter.center + "'");
      uint32_t node = loader.node_of[key];
      if (node == kAbsent)
        return Status::error(StatusCode::kNotFound, "'" + filter.center + "' is not of the selected types");
      center = node;
    }
    loader.documents();
    // On a large store a second read-only connection reads the evidence rows and then
    // the node details while this one reads the relations, matches the evidence to them
    // and reads the samples (each part writes fields the other does not touch). Both
    // read one state; when that cannot be had, this connection reads it all.
    std::unique_ptr<Store> second =
        loader.relations_stored() > filter.parallel_above ? store::open_second_reader(store) : nullptr;
    std::vector<EvidenceLink> evidence_rows;
    std::string rows_error, details_error;  // each written before its part is handed over
    auto read_rows = [&evidence_rows, &rows_error](Db& from) {
      try {
        evidence_rows = Loader::read_evidence(from);
      } catch (const StoreError& e) {
        rows_error = e.message;
      }
    };
    auto read_details = [&loader, &details_error](Db& from) {
      try {
        loader.node_details(from);
      } catch (const StoreError& e) {
        details_error = e.message;
      }
    };
    std::promise<void> rows_read;
    std::future<void> rows_ready = rows_read.get_future();
    JoiningThread helper;
    if (second) {
      helper = JoiningThread([&] {
        read_rows(second->impl().db);
        rows_read.set_value();
        if (rows_error.empty()) read_details(second->impl().db);
      });
    } else {
      read_rows(db);
      rows_read.set_value();
      if (rows_error.empty()) read_details(db);
    }
    loader.edges();
    rows_ready.wait();
    if (!rows_error.empty()) throw StoreError{rows_error};  // the helper reads nothing more
    std::vector<int64_t> weight, evidence;
    std::vector<SentenceRef> sample_at = loader.evidence(evidence_rows, &weight, &evidence);
    std::vector<EvidenceLink>().swap(evidence_rows);
    loader.samples(sample_at);
    if (helper.running()) helper.join();
    if (!details_error.empty()) throw StoreError{details_error};
    loader.apply_window(weight, evidence);
    bool edges_filtered = filter.min_weight > 1 || !filter.predicates.empty() || !filter.since.empty() ||
                          !filter.until.empty() || !filter.include_cooccurs || !filter.types.empty();
    *out = std::move(loader.g);
    if (center >= 0 || edges_filtered) prune(*out, center, filter.depth, edges_filtered);
  } catch (const StoreError& e) {
    return Status::error(StatusCode::kIoError, store.path() + ": " + e.message);
  }
  return Status::ok();
}

}  // namespace newsgraph::graph
