// The graph as an export shows it: the attributed graph plus what makes it readable at
// once in Gephi (colour by type, size by PageRank, a force-directed position, a
// community, edge colour by cooperation/conflict), and its edges either one per
// predicate or merged per ordered pair. Built once, then written by any GraphWriter.
#pragma once

#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "graph/attributed_graph.h"

namespace newsgraph::exporter {

struct Rgb {
  uint8_t r = 0, g = 0, b = 0;
};

struct NodeVisual {
  double x = 0, y = 0;
  double size = 1;
  double pagerank = 0;
  uint32_t community = 0;
  bool label_visible = false;  // among the top-ranked nodes whose labels a picture shows
  Rgb color;
};

// One exported edge: a single relation (--multi), or the directed predicates of an
// ordered pair, or the symmetric predicates (MEET, COOPERATE, FAMILY, CO_OCCURS) of an
// unordered pair, which make an undirected edge. The text it shares with the relations
// is not copied: the views and `dates` point into the ExportGraph that holds the edge.
struct ExportEdge {
  uint32_t source = 0, target = 0;
  bool directed = true;        // false: symmetric predicates only
  int64_t relation_key = 0;    // the strongest part's relation id: the edge's id "r<key>"
  std::string relation_ids;    // every part's relation id, strongest first: "12;57"
  std::vector<std::string_view> article_ids;  // the first kMaxArticleIds of its distinct
                                              // articles' ids, in the graph's article_ids
  std::vector<std::string_view> article_urls; // their URLs, one for each id ("" where
                                              // unknown), or none when none is known
  int64_t evidence = 0;        // supporting sentences, all parts
  std::string label;           // "MEET" or "MEET, SUPPORT"
  std::string predicates;      // "MEET:2;SUPPORT:1" (articles per predicate)
  std::string_view quad;       // of the strongest typed predicate; "" for static/co-occurrence
  std::string_view modality;   // "asserted" when any part is
  int64_t weight = 0;          // articles per predicate, summed
  int64_t articles = 0;        // distinct articles
  int64_t independent = 0;     // the most independent articles of any part
  std::string_view first_seen, last_seen;
  std::string_view sample;     // the strongest part's sentence
  std::vector<std::string_view> more_samples;  // up to two more sentences, other than `sample`
  const std::vector<std::string>* dates = nullptr;  // distinct article dates, sorted
  Rgb color;
};

// How many article ids an edge lists; the rest are found through its relation ids
// (/api/v1/relations/{id}/evidence).
constexpr size_t kMaxArticleIds = 10;

struct ExportOptions {
  bool multi = false;           // one edge per predicate instead of one per ordered pair
  bool layout = true;           // compute positions (ForceAtlas2, layout.h)
  bool mixed = true;            // symmetric edges undirected in a directed graph (Gephi);
                                // false: every edge directed, for readers that refuse
                                // mixed graphs (networkx)
  int layout_iterations = 0;    // 0: chosen from the graph's size
  uint64_t seed = 1;
};

// Move-only: the edges point into `graph` and `merged_dates`.
struct ExportGraph {
  ExportGraph() = default;
  ExportGraph(ExportGraph&&) = default;
  ExportGraph& operator=(ExportGraph&&) = default;
  ExportGraph(const ExportGraph&) = delete;
  ExportGraph& operator=(const ExportGraph&) = delete;

  graph::AttributedGraph graph;
  std::vector<NodeVisual> visuals;  // aligned with graph.nodes
  std::vector<ExportEdge> edges;
  std::deque<std::vector<std::string>> merged_dates;  // of the edges with several parts
  bool multi = false;
  bool mixed = true;  // ExportOptions::mixed
  // Two edges join the same ordered pair (a directed and a symmetric one, or --multi):
  // formats that must say so (node-link "multigraph", graphology "multi") do.
  bool parallel_edges = false;

  // Whether a writer marks edge `e` undirected.
  bool undirected(const ExportEdge& e) const { return mixed && !e.directed; }
};

// A list as one string attribute, for the formats whose attributes are strings: items
// joined by `separator`, `for_empty` standing for an empty item. Ids take ";", aliases
// "; ", sentences " | ", URLs " " (which a URL cannot hold; it may hold ';') with "-" for
// an unknown one.
template <class Items>
std::string joined(const Items& items, std::string_view separator, std::string_view for_empty = {}) {
  std::string out;
  bool first = true;
  for (std::string_view item : items) {
    if (!first) out += separator;
    out += item.empty() ? for_empty : item;
    first = false;
  }
  return out;
}

// Takes the attributed graph and computes PageRank, Louvain communities, the layout
// and colours. O(E) plus the layout (layout.h: ForceAtlas2, O(iterations * (V log V + E))).
ExportGraph build_export_graph(graph::AttributedGraph graph, const ExportOptions& options);

}  // namespace newsgraph::exporter
