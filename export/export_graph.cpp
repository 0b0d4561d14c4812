#include "export/export_graph.h"

#include <algorithm>
#include <cmath>
#include <numeric>

#include "core/joining_thread.h"
#include "export/layout.h"
#include "export/palette.h"
#include "graph/algorithms.h"
#include "graph/graph_view.h"

namespace newsgraph::exporter {
namespace {

// Typed predicates outrank co-occurrence; then more articles, then the ontology order.
bool stronger(const graph::AttributedEdge& a, const graph::AttributedEdge& b) {
  bool at = a.predicate != Predicate::kCoOccurs, bt = b.predicate != Predicate::kCoOccurs;
  if (at != bt) return at;
  if (a.weight != b.weight) return a.weight > b.weight;
  return a.predicate < b.predicate;
}

// The ids of the first kMaxArticleIds articles (by article number: the order stored),
// and their URLs, one for each id ("" where unknown; none at all when no URL is known).
void list_articles(const graph::AttributedGraph& g, const std::vector<int64_t>& keys, ExportEdge* e) {
  bool any_url = false;
  for (int64_t k : keys) {
    if (e->article_ids.size() == kMaxArticleIds) break;
    const auto at = static_cast<size_t>(k);
    if (k < 0 || at >= g.article_ids.size() || g.article_ids[at].empty()) continue;
    e->article_ids.push_back(g.article_ids[at]);
    e->article_urls.push_back(at < g.article_urls.size() ? std::string_view(g.article_urls[at]) : std::string_view());
    any_url = any_url || !e->article_urls.back().empty();
  }
  if (!any_url) e->article_urls.clear();
}

// `parts` (indices into g.edges) are put in order of strength; merged dates of several
// parts go to `merged_dates`.
ExportEdge combine(const graph::AttributedGraph& g, size_t* parts, size_t count,
                   std::deque<std::vector<std::string>>* merged_dates) {
  if (count > 1)
    std::sort(parts, parts + count, [&](size_t a, size_t b) { return stronger(g.edges[a], g.edges[b]); });
  const graph::AttributedEdge& top = g.edges[parts[0]];
  ExportEdge e;
  e.source = top.source;
  e.target = top.target;
  e.directed = !is_symmetric(top.predicate);
  e.relation_key = top.relation_key;
  e.quad = quad_name(quad_of(top.predicate));
  e.color = predicate_color(top.predicate);
  e.modality = top.modality;
  e.sample = top.sample;
  for (size_t k = 0; k < count; ++k) {
    const graph::AttributedEdge& p = g.edges[parts[k]];
    if (k > 0) {
      e.label += ", ";
      e.predicates += ';';
    }
    e.label += predicate_name(p.predicate);
    if (k > 0) e.relation_ids += ';';
    e.relation_ids += std::to_string(p.relation_key);
    e.evidence += p.evidence;
    e.predicates += predicate_name(p.predicate);
    e.predicates += ':';
    e.predicates += std::to_string(p.weight);
    e.weight += p.weight;
    e.independent = std::max(e.independent, p.independent);
    if (p.modality == "asserted") e.modality = "asserted";
    if (e.first_seen.empty() || (!p.first_seen.empty() && p.first_seen < e.first_seen)) e.first_seen = p.first_seen;
    if (p.last_seen > e.last_seen) e.last_seen = p.last_seen;
    if (e.sample.empty()) e.sample = p.sample;
  }
  // Two more sentences, from the strongest part first, none twice.
  auto offer = [&e](std::string_view s) {
    if (!s.empty() && s != e.sample && e.more_samples.size() < 2 &&
        std::find(e.more_samples.begin(), e.more_samples.end(), s) == e.more_samples.end())
      e.more_samples.push_back(s);
  };
  for (size_t k = 0; k < count; ++k) {
    offer(g.edges[parts[k]].sample);
    for (std::string_view s : g.edges[parts[k]].more_samples) offer(s);
  }
  if (count == 1) {  // one part: its articles are already distinct and sorted
    e.articles = top.article_keys.empty() ? e.weight : static_cast<int64_t>(top.article_keys.size());
    e.dates = &top.dates;
    list_articles(g, top.article_keys, &e);
    return e;
  }
  std::vector<int64_t> articles;
  std::vector<std::string>& dates = merged_dates->emplace_back();
  for (size_t k = 0; k < count; ++k) {
    const graph::AttributedEdge& p = g.edges[parts[k]];
    articles.insert(articles.end(), p.article_keys.begin(), p.article_keys.end());
    dates.insert(dates.end(), p.dates.begin(), p.dates.end());
  }
  std::sort(articles.begin(), articles.end());
  articles.erase(std::unique(articles.begin(), articles.end()), articles.end());
  e.articles = static_cast<int64_t>(articles.size());
  list_articles(g, articles, &e);
  if (articles.empty()) e.articles = e.weight;
  std::sort(dates.begin(), dates.end());
  dates.erase(std::unique(dates.begin(), dates.end()), dates.end());
  e.dates = &dates;
  return e;
}

// The labels worth drawing: the highest-ranked nodes, sqrt(V) of them but at least 20,
// so a large graph is not one blob of text. Ties go to the earlier node.
void mark_labels_to_show(std::vector<NodeVisual>* visuals) {
  const size_t n = visuals->size();
  const size_t shown = std::min(n, std::max<size_t>(20, static_cast<size_t>(std::sqrt(static_cast<double>(n)))));
  std::vector<uint32_t> order(n);
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](uint32_t a, uint32_t b) { return (*visuals)[a].pagerank > (*visuals)[b].pagerank; });
  for (size_t k = 0; k < shown; ++k) (*visuals)[order[k]].label_visible = true;
}

}  // namespace

ExportGraph build_export_graph(graph::AttributedGraph attributed, const ExportOptions& options) {
  ExportGraph out;
  out.multi = options.multi;
  out.mixed = options.mixed;
  out.graph = std::move(attributed);
  const graph::AttributedGraph& g = out.graph;
  const size_t n = g.nodes.size();

  // The exported edges are combined on a second thread while this one finds the
  // communities and lays the nodes out; neither reads what the other writes.
  JoiningThread combining([&out, &g, multi = options.multi] {
    out.edges.reserve(g.edges.size());
    std::vector<size_t> parts(g.edges.size());
    if (multi) {
      for (size_t i = 0; i < g.edges.size(); ++i) {
        parts[i] = i;
        out.edges.push_back(combine(g, &parts[i], 1, &out.merged_dates));
      }
      return;
    }
    // One edge per ordered pair for the directed predicates and one per unordered pair
    // for the symmetric ones, in order of pair, each pair's parts in input order:
    // (pair, index) keys sorted, which is a stable sort by pair.
    std::vector<std::pair<std::pair<uint64_t, bool>, size_t>> order(g.edges.size());
    for (size_t i = 0; i < g.edges.size(); ++i) {
      const graph::AttributedEdge& e = g.edges[i];
      const bool symmetric = is_symmetric(e.predicate);
      const uint32_t a = symmetric ? std::min(e.source, e.target) : e.source;
      const uint32_t b = symmetric ? std::max(e.source, e.target) : e.target;
      order[i] = {{uint64_t{a} << 32 | b, symmetric}, i};
    }
    std::sort(order.begin(), order.end());
    for (size_t i = 0; i < order.size(); ++i) parts[i] = order[i].second;
    for (size_t i = 0; i < order.size();) {
      size_t j = i;
      while (j < order.size() && order[j].first == order[i].first) ++j;
      out.edges.push_back(combine(g, &parts[i], j - i, &out.merged_dates));
      i = j;
    }
  });

  std::vector<graph::NodeInfo> nodes(n);
  for (size_t v = 0; v < n; ++v) nodes[v] = {g.nodes[v].id, g.nodes[v].label, g.nodes[v].type};
  std::vector<graph::EdgeInfo> edges;
  LayoutGraph shape;
  shape.nodes = n;
  for (const auto& e : g.edges) {
    edges.push_back({e.source, e.target, e.predicate, static_cast<uint32_t>(std::max<int64_t>(1, e.weight))});
    shape.edges.emplace_back(e.source, e.target);
    shape.weights.push_back(static_cast<double>(std::max<int64_t>(1, e.weight)));
  }
  graph::GraphView view = graph::GraphView::from_edges(std::move(nodes), std::move(edges));
  // PageRank on a third thread, on one core at a time (SIZE_MAX: never split), while
  // this one finds the communities; the layout needs both (sizes and starting regions).
  std::vector<double> rank;
  JoiningThread ranking([&rank, &view] { rank = graph::pagerank(view.directed(), 0.85, 1e-10, 100, SIZE_MAX); });
  graph::Communities communities = graph::louvain(view.undirected(), options.seed);
  ranking.join();
  const double top = rank.empty() ? 1 : *std::max_element(rank.begin(), rank.end());
  out.visuals.resize(n);
  for (size_t v = 0; v < n; ++v) {
    NodeVisual& visual = out.visuals[v];
    visual.pagerank = rank[v];
    visual.size = 4 + 36 * std::sqrt(top > 0 ? rank[v] / top : 0);
    visual.community = communities.membership[v];
    visual.color = type_color(g.nodes[v].type);
  }
  mark_labels_to_show(&out.visuals);
  shape.community = std::move(communities.membership);
  shape.sizes.resize(n);
  for (size_t v = 0; v < n; ++v) shape.sizes[v] = out.visuals[v].size;
  LayoutOptions layout;
  layout.iterations = options.layout ? options.layout_iterations : -1;
  layout.seed = options.seed;
  const auto positions = force_directed_layout(shape, layout);
  for (size_t v = 0; v < n; ++v) {
    out.visuals[v].x = positions[v].first;
    out.visuals[v].y = positions[v].second;
  }
  combining.join();
  {
    std::vector<uint64_t> pairs(out.edges.size());
    for (size_t i = 0; i < out.edges.size(); ++i) pairs[i] = uint64_t{out.edges[i].source} << 32 | out.edges[i].target;
    std::sort(pairs.begin(), pairs.end());
    out.parallel_edges = std::adjacent_find(pairs.begin(), pairs.end()) != pairs.end();
  }
  return out;
}

}  // namespace newsgraph::exporter
