// The stored graph with everything a user sees on a node or an edge (aliases, mention
// and article counts, first/last seen, evidence sample, the article dates), selected by
// the filters exports and the API share. Read-only queries on a Store.
#pragma once

#include <deque>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "core/ontology.h"
#include "core/status.h"

namespace newsgraph::store {
class Store;
}  // namespace newsgraph::store

namespace newsgraph::graph {

struct GraphFilter {
  uint32_t min_weight = 1;              // relations supported by at least this many articles
  std::set<Predicate> predicates;       // empty: all
  std::set<EntityType> types;           // empty: all; edges need both ends kept
  std::string since, until;             // ISO dates, inclusive; weights count the window only
  std::string center;                   // id or name: keep its ego network only
  uint32_t depth = 1;                   // hops around `center`
  bool include_cooccurs = true;
  // Loading, not selecting: above this many stored relations a second connection reads
  // the node details while the first reads the relations, their evidence and samples.
  int64_t parallel_above = 20000;
};

struct AttributedNode {
  std::string id, label;
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;     // other names, label excluded
  int64_t mentions = 0, articles = 0;
  std::string first_seen, last_seen;    // ISO dates
};

struct AttributedEdge {
  int64_t relation_key = 0;             // the store's relation id (/api/v1/relations/{id})
  uint32_t source = 0, target = 0;      // indices into nodes
  Predicate predicate = Predicate::kCoOccurs;
  std::string modality;                 // asserted when any evidence is
  int64_t weight = 0;                   // distinct articles
  int64_t independent = 0;              // articles whose sentence is not a syndicated copy
  int64_t evidence = 0;
  double confidence = 0;
  std::string first_seen, last_seen;
  std::vector<std::string> dates;       // distinct article dates, sorted
  std::vector<int64_t> article_keys;    // store-internal article numbers, sorted, to count
                                        // distinct articles over several edges
  std::string_view sample;              // one supporting sentence (typed relations), in
                                        // the graph's sample_texts
  std::vector<std::string_view> more_samples;  // up to two more, other sentences
};

// Move-only: the edges' samples point into sample_texts, which holds each sentence once
// however many relations it supports.
struct AttributedGraph {
  AttributedGraph() = default;
  AttributedGraph(AttributedGraph&&) = default;
  AttributedGraph& operator=(AttributedGraph&&) = default;
  AttributedGraph(const AttributedGraph&) = delete;
  AttributedGraph& operator=(const AttributedGraph&) = delete;

  std::vector<AttributedNode> nodes;
  std::vector<AttributedEdge> edges;    // self-loops left out
  std::vector<std::string> article_ids; // each stored article's id, by its article number
                                        // (AttributedEdge::article_keys); "" for none
  std::vector<std::string> article_urls;  // its URL, by the same number; "" when not known
  std::deque<std::string> sample_texts;
};

// Loads what the filter selects. Fails with kNotFound when `center` names no entity,
// kIoError on store errors. O(V + E) queries plus the ego-network walk.
Status load_attributed_graph(store::Store& store, const GraphFilter& filter, AttributedGraph* out);

}  // namespace newsgraph::graph
