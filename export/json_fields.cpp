#include "export/json_fields.h"

#include "export/palette.h"

namespace newsgraph::exporter {

void write_node_fields(TextOut& o, const ExportGraph& x, size_t v, bool with_position, const char* type_name) {
  const auto& n = x.graph.nodes[v];
  const NodeVisual& vis = x.visuals[v];
  o << "\"label\":";
  o.json(n.label) << ",\"" << type_name << "\":";
  o.json(entity_type_name(n.type)) << ",\"aliases\":[";
  for (size_t i = 0; i < n.aliases.size(); ++i) {
    if (i) o << ',';
    o.json(n.aliases[i]);
  }
  o << "],\"mentions\":" << n.mentions << ",\"articles\":" << n.articles << ",\"first_seen\":";
  o.json(n.first_seen) << ",\"last_seen\":";
  o.json(n.last_seen) << ",\"pagerank\":";
  o.number(vis.pagerank) << ",\"community\":" << int64_t{vis.community};
  if (with_position) {
    o << ",\"x\":";
    o.number(vis.x) << ",\"y\":";
    o.number(vis.y);
  }
  o << ",\"size\":";
  o.number(vis.size) << ",\"label_visible\":" << (vis.label_visible ? "true" : "false") << ",\"color\":";
  o.json(hex(vis.color));
}

void write_edge_fields(TextOut& o, const ExportGraph& x, const ExportEdge& e) {
  o << "\"label\":";
  o.json(e.label) << ",\"directed\":" << (x.undirected(e) ? "false" : "true")
                  << ",\"symmetric\":" << (e.directed ? "false" : "true") << ",\"relation_ids\":[";
  for (char c : e.relation_ids) o << (c == ';' ? ',' : c);  // "12;57" as [12,57]
  o << "],\"article_ids\":[";
  for (size_t k = 0; k < e.article_ids.size(); ++k) {
    if (k) o << ',';
    o.json(e.article_ids[k]);
  }
  o << "],\"article_urls\":[";
  for (size_t k = 0; k < e.article_urls.size(); ++k) {
    if (k) o << ',';
    o.json(e.article_urls[k]);
  }
  o << "],\"evidence_count\":" << e.evidence << ",\"predicates\":";
  o.json(e.predicates) << ",\"quad\":";
  o.json(e.quad) << ",\"modality\":";
  o.json(e.modality) << ",\"weight\":" << e.weight << ",\"articles\":" << e.articles
                     << ",\"independent_articles\":" << e.independent << ",\"first_seen\":";
  o.json(e.first_seen) << ",\"last_seen\":";
  o.json(e.last_seen) << ",\"evidence\":";
  o.json(e.sample) << ",\"more_evidence\":[";
  for (size_t k = 0; k < e.more_samples.size(); ++k) {
    if (k) o << ',';
    o.json(e.more_samples[k]);
  }
  o << "],\"color\":";
  o.json(hex(e.color));
}

}  // namespace newsgraph::exporter
