#include "graph/statistics_format.h"

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>

namespace newsgraph::graph {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void key(Writer& w, const char* k) { w.Key(k); }

void ranking(Writer& w, const char* name, const std::vector<RankedEntity>& list) {
  key(w, name);
  w.StartArray();
  for (const RankedEntity& r : list) {
    w.StartObject();
    key(w, "id");
    w.String(r.id.c_str(), static_cast<rapidjson::SizeType>(r.id.size()));
    key(w, "label");
    w.String(r.label.c_str(), static_cast<rapidjson::SizeType>(r.label.size()));
    key(w, "value");
    w.Double(r.value);
    w.EndObject();
  }
  w.EndArray();
}

template <typename Map>
void counts(Writer& w, const char* name, const Map& m) {
  key(w, name);
  w.StartObject();
  for (const auto& [k, v] : m) {
    w.Key(k.c_str());
    if constexpr (std::is_floating_point_v<std::decay_t<decltype(v)>>) w.Double(v);
    else w.Int64(static_cast<int64_t>(v));
  }
  w.EndObject();
}

void quality_json(Writer& w, const store::GraphQuality& q) {
  key(w, "quality");
  w.StartObject();
  key(w, "relations");
  w.Int64(q.relations);
  key(w, "evidence_share");
  w.Double(q.relations ? double(q.relations_with_evidence) / double(q.relations) : 0);
  key(w, "typed");
  w.Int64(q.typed);
  key(w, "cooccurs");
  w.Int64(q.cooccurs);
  counts(w, "modality", q.modality);
  key(w, "unresolved_names");
  w.Int64(q.unresolved_names);
  key(w, "unresolved_sample");
  w.StartArray();
  for (const auto& n : q.unresolved_sample) w.String(n.c_str());
  w.EndArray();
  key(w, "most_merged");
  w.StartArray();
  for (const auto& m : q.most_merged) {
    w.StartObject();
    key(w, "id");
    w.String(m.id.c_str());
    key(w, "label");
    w.String(m.label.c_str());
    key(w, "names");
    w.Int64(m.names);
    key(w, "articles");
    w.Int64(m.articles);
    w.EndObject();
  }
  w.EndArray();
  key(w, "syndicated_share");
  w.Double(q.syndicated_share);
  key(w, "articles");
  w.Int64(q.articles);
  key(w, "undated_articles");
  w.Int64(q.undated_articles);
  w.EndObject();
}

}  // namespace

std::string statistics_json(const GraphStatistics& s, const store::GraphQuality* quality) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  w.StartObject();
  key(w, "nodes");
  w.Uint64(s.nodes);
  key(w, "edges");
  w.Uint64(s.edges);
  key(w, "connected_pairs");
  w.Uint64(s.connected_pairs);
  key(w, "density");
  w.Double(s.density);
  counts(w, "nodes_by_type", s.nodes_by_type);
  counts(w, "edges_by_predicate", s.edges_by_predicate);
  key(w, "components");
  w.StartObject();
  key(w, "weak");
  w.Uint64(s.weak_components);
  key(w, "largest_weak");
  w.Uint64(s.largest_weak);
  key(w, "strong");
  w.Uint64(s.strong_components);
  key(w, "largest_strong");
  w.Uint64(s.largest_strong);
  w.EndObject();
  key(w, "degree");
  w.StartObject();
  key(w, "min");
  w.Uint64(s.degree.min);
  key(w, "max");
  w.Uint64(s.degree.max);
  key(w, "mean");
  w.Double(s.degree.mean);
  key(w, "median");
  w.Uint64(s.degree.median);
  key(w, "p90");
  w.Uint64(s.degree.p90);
  key(w, "isolated");
  w.Uint64(s.degree.isolated);
  w.EndObject();
  key(w, "top");
  w.StartObject();
  ranking(w, "degree", s.top_degree);
  ranking(w, "weighted_degree", s.top_weighted_degree);
  ranking(w, "pagerank", s.top_pagerank);
  ranking(w, "betweenness", s.top_betweenness);
  w.EndObject();
  key(w, "betweenness");
  w.StartObject();
  key(w, "exact");
  w.Bool(s.betweenness_exact);
  key(w, "sources");
  w.Uint64(s.betweenness_sources);
  key(w, "relative_error");
  w.Double(s.betweenness_error);
  w.EndObject();
  key(w, "clustering");
  w.StartObject();
  key(w, "average");
  w.Double(s.clustering.average_local);
  key(w, "global");
  w.Double(s.clustering.global);
  key(w, "triangles");
  w.Uint64(s.clustering.triangles);
  w.EndObject();
  key(w, "paths");
  w.StartObject();
  key(w, "diameter");
  w.Uint(s.paths.diameter);
  key(w, "average_length");
  w.Double(s.paths.average_length);
  key(w, "exact");
  w.Bool(s.paths.exact);
  key(w, "sources");
  w.Uint64(s.paths.sources);
  w.EndObject();
  key(w, "communities");
  w.StartObject();
  key(w, "count");
  w.Uint64(s.communities);
  key(w, "modularity");
  w.Double(s.modularity);
  key(w, "largest");
  w.StartArray();
  for (const CommunitySummary& c : s.largest_communities) {
    w.StartObject();
    key(w, "size");
    w.Uint64(c.size);
    key(w, "members");
    w.StartArray();
    for (const auto& l : c.top_labels) w.String(l.c_str());
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  counts(w, "seconds", s.seconds);
  if (quality) quality_json(w, *quality);
  if (s.canonical_order) {
    key(w, "canonical_order");
    w.Bool(*s.canonical_order);
  }
  w.EndObject();
  return buffer.GetString();
}

void write_statistics_table(const GraphStatistics& s, const store::GraphQuality* q, std::ostream& out) {
  char line[512];
  auto print = [&](const char* fmt, auto... args) {
    std::snprintf(line, sizeof line, fmt, args...);
    out << line;
  };
  if (s.canonical_order == false)
    out << "note: articles were written out of canonical order (date, then id); some cross-article\n"
           "merges may differ from an ordered ingest's until `newsgraph reorder` rewrites the store\n\n";
  print("nodes %zu   edges %zu   connected pairs %zu   density %.5f\n", s.nodes, s.edges,
        s.connected_pairs, s.density);
  out << "nodes by type:";
  for (const auto& [t, n] : s.nodes_by_type) print("  %s %zu", t.c_str(), n);
  out << "\nedges by predicate:";
  for (const auto& [p, n] : s.edges_by_predicate) print("  %s %zu", p.c_str(), n);
  print("\ncomponents: %zu weak (largest %zu), %zu strong (largest %zu)\n", s.weak_components,
        s.largest_weak, s.strong_components, s.largest_strong);
  print("degree: min %llu  median %llu  mean %.2f  p90 %llu  max %llu  isolated %zu\n",
        (unsigned long long)s.degree.min, (unsigned long long)s.degree.median, s.degree.mean,
        (unsigned long long)s.degree.p90, (unsigned long long)s.degree.max, s.degree.isolated);
  print("clustering: average %.4f  global %.4f  (%llu triangles)\n", s.clustering.average_local,
        s.clustering.global, (unsigned long long)s.clustering.triangles);
  print("paths: diameter %s%u  average length %.3f%s\n", s.paths.exact ? "" : ">= ", s.paths.diameter,
        s.paths.average_length, s.paths.exact ? "" : " (sampled)");
  print("communities: %zu  modularity %.4f\n", s.communities, s.modularity);
  for (size_t i = 0; i < s.largest_communities.size(); ++i) {
    print("  #%zu (%zu):", i + 1, s.largest_communities[i].size);
    for (const auto& l : s.largest_communities[i].top_labels) out << ' ' << l << ';';
    out << '\n';
  }
  const std::pair<const char*, const std::vector<RankedEntity>*> rankings[] = {
      {"degree", &s.top_degree}, {"weighted degree", &s.top_weighted_degree},
      {"pagerank", &s.top_pagerank}, {"betweenness", &s.top_betweenness}};
  for (const auto& [name, list] : rankings) {
    print("\ntop by %s", name);
    if (list == &s.top_betweenness && !s.betweenness_exact)
      print(" (sampled from %zu sources, relative error about %.0f%%)", s.betweenness_sources,
            100 * s.betweenness_error);
    out << ":\n";
    for (size_t i = 0; i < list->size(); ++i)
      print("  %2zu. %-36s %-28s %.6g\n", i + 1, (*list)[i].label.c_str(), (*list)[i].id.c_str(), (*list)[i].value);
  }
  if (!q) return;
  print("\nquality:\n  relations with evidence: %lld of %lld\n  typed %lld, co-occurrence %lld\n",
        (long long)q->relations_with_evidence, (long long)q->relations, (long long)q->typed,
        (long long)q->cooccurs);
  out << "  evidence by modality:";
  for (const auto& [m, n] : q->modality) print(" %s %lld", m.c_str(), (long long)n);
  print("\n  one-word names seen in one article only: %lld", (long long)q->unresolved_names);
  for (size_t i = 0; i < q->unresolved_sample.size(); ++i)
    out << (i ? ", " : " (") << q->unresolved_sample[i] << (i + 1 == q->unresolved_sample.size() ? ")" : "");
  print("\n  syndicated evidence sentences: %.1f%%\n", 100 * q->syndicated_share);
  print("  undated articles: %lld of %lld (first/last seen and time windows use dated ones only)\n",
        (long long)q->undated_articles, (long long)q->articles);
  out << "  entities with most names:\n";
  for (const auto& m : q->most_merged)
    print("    %-36s %lld names, %lld articles\n", m.label.c_str(), (long long)m.names, (long long)m.articles);
}

}  // namespace newsgraph::graph
