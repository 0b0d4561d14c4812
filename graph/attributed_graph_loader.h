// Reads a store's rows into an AttributedGraph for load_attributed_graph: entities into
// nodes, article dates, relations into edges, evidence into each edge's articles and
// sample, and the nodes' aliases and article counts. Internal to graph/. Each method
// reads through the connection it is given and throws store::StoreError; the caller
// holds a read snapshot so that every read sees one state. Not thread-safe, except that
// read_node_details may run on a second connection beside read_edges, match_evidence
// and read_samples: they write fields the other does not touch.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "graph/attributed_graph.h"

namespace newsgraph::store {
class Db;
}  // namespace newsgraph::store

namespace newsgraph::graph {

constexpr uint32_t kNoIndex = UINT32_MAX;

// A dense map from a table's rowids (which SQLite hands out from 1 upwards) to indices;
// kNoIndex for keys never set.
class KeyIndex {
 public:
  void set(int64_t key, uint32_t index);
  uint32_t operator[](int64_t key) const {
    return key >= 0 && static_cast<size_t>(key) < to_.size() ? to_[static_cast<size_t>(key)] : kNoIndex;
  }

 private:
  std::vector<uint32_t> to_;
};

// Where an edge's sample sentence is: sentences(doc_key, idx).
struct SentenceRef {
  int64_t doc = 0, idx = 0;
  uint32_t edge = kNoIndex;
};

// One evidence row as stored: read on the second connection while the first reads the
// relations, then matched to the edges.
struct EvidenceLink {
  int64_t relation = 0, doc = 0;
  int32_t sentence = 0;
  bool typed = false;  // the sentence states a typed relation, not a co-occurrence
};

// Per edge, counted over the articles inside the filter's date window (all articles
// when there is no window).
struct WindowCounts {
  std::vector<int64_t> weight;    // distinct articles
  std::vector<int64_t> evidence;  // evidence rows
};

class AttributedGraphLoader {
 public:
  // `db` is the connection the relations, evidence matches and samples are read on.
  AttributedGraphLoader(store::Db& db, const GraphFilter& filter) : db_(db), filter_(filter) {}

  // The entities of the selected types become nodes, in key order. O(V).
  void read_nodes();
  // The node an entity became, or kNoIndex (unknown key, or not of the selected types).
  uint32_t node_of(int64_t entity_key) const { return node_of_[entity_key]; }

  // Every article's publication date ("" for an undated article, never the day it was
  // ingested), its id and its URL; `origin_columns` selects url, outlet and category
  // (Store::Impl::origin_columns). O(articles).
  void read_articles(const char* origin_columns);

  // How many relations the store holds, about (their keys are dense rowids). O(1).
  int64_t relations_stored() const;

  // The relations between two nodes that pass the predicate filters, and the weight
  // filter when there is no window, become edges, in key order (self-loops left out). O(E).
  void read_edges();

  // The evidence rows in their order, then each co-occurrence sentence (kept per article,
  // store/cooccurrences.h) in article order; read on `from` (this loader's connection or
  // a second one). O(evidence + article entities + co-occurrences).
  static std::vector<EvidenceLink> read_evidence(store::Db& from);

  // One pass over the evidence, in its order: each edge's articles and their dates, the
  // counts inside the window, and where its sample is (its first typed sentence).
  // Needs read_edges and read_articles first. Returns the sample places, sorted by
  // sentence. O(evidence log evidence).
  std::vector<SentenceRef> match_evidence(const std::vector<EvidenceLink>& rows, WindowCounts* counts);

  // Reads the sample sentences at `at` (sorted by sentence) into the graph's
  // sample_texts: a walk over the sentences in key order beside the places when many
  // are wanted, a lookup for each when few are.
  void read_samples(const std::vector<SentenceRef>& at);

  // Aliases, articles, dates and mentions of the nodes, read on `from`; writes only the
  // nodes. Needs read_articles first. O(aliases + mentions + article entities).
  void read_node_details(store::Db& from);

  // The graph read so far; the loader is spent afterwards.
  AttributedGraph take_graph() { return std::move(g_); }

 private:
  // An entity's appearance in one article.
  struct Appearance {
    uint32_t node;
    int64_t doc;
    int64_t mentions;
  };

  // The article's date ("" when undated), or nullptr when no such article is stored.
  const std::string* date_of(int64_t doc) const;
  void read_aliases(store::Db& from);
  void add_articles(std::vector<uint64_t> edge_docs, std::vector<int64_t>* weight);
  std::vector<Appearance> read_appearances(store::Db& from) const;
  void group_by_node(std::vector<Appearance>* appearances) const;
  void summarise_appearances(const std::vector<Appearance>& appearances);

  store::Db& db_;
  const GraphFilter& filter_;
  KeyIndex node_of_;                      // entity_key -> node
  KeyIndex edge_of_;                      // relation_key -> edge
  std::vector<std::string> date_of_doc_;  // by doc_key
  std::vector<char> stored_;              // by doc_key: 1 for a stored article
  AttributedGraph g_;
};

}  // namespace newsgraph::graph
