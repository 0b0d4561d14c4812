// Node-link JSON, the shape D3, Cytoscape.js (data.source/target) and sigma.js read:
// {"directed": true, "multigraph": bool, "nodes": [{"id", "label", ...}],
//  "links": [{"source", "target", "label", ...}]}. networkx's node_link_graph reads it.
#include "export/palette.h"
#include "export/text_out.h"
#include "export/writer.h"

namespace newsgraph::exporter {
namespace {

class JsonWriter : public GraphWriter {
 public:
  Status write(const ExportGraph& x, std::ostream& stream) const override {
    TextOut o(stream);
    o << "{\"directed\":true,\"multigraph\":" << (x.multi ? "true" : "false") << ",\"graph\":{},\"nodes\":[";
    const auto& nodes = x.graph.nodes;
    o.items(nodes.size(), [&](TextOut& o, size_t v) {
      const auto& n = nodes[v];
      const NodeVisual& vis = x.visuals[v];
      o << (v ? ",\n" : "\n") << "{\"id\":";
      o.json(n.id) << ",\"label\":";
      o.json(n.label) << ",\"type\":";
      o.json(entity_type_name(n.type)) << ",\"aliases\":[";
      for (size_t i = 0; i < n.aliases.size(); ++i) {
        if (i) o << ',';
        o.json(n.aliases[i]);
      }
      o << "],\"mentions\":" << n.mentions << ",\"articles\":" << n.articles << ",\"first_seen\":";
      o.json(n.first_seen) << ",\"last_seen\":";
      o.json(n.last_seen) << ",\"pagerank\":";
      o.number(vis.pagerank) << ",\"community\":" << int64_t{vis.community} << ",\"x\":";
      o.number(vis.x) << ",\"y\":";
      o.number(vis.y) << ",\"size\":";
      o.number(vis.size) << ",\"label_visible\":" << (vis.label_visible ? "true" : "false") << ",\"color\":";
      o.json(hex(vis.color)) << '}';
    });
    o << "],\"links\":[";
    o.items(x.edges.size(), [&](TextOut& o, size_t i) {
      const ExportEdge& e = x.edges[i];
      o << (i ? ",\n" : "\n") << "{\"id\":\"r" << e.relation_key << "\",\"source\":";
      o.json(nodes[e.source].id) << ",\"target\":";
      o.json(nodes[e.target].id) << ",\"label\":";
      o.json(e.label) << ",\"directed\":" << (x.undirected(e) ? "false" : "true") << ",\"symmetric\":" << (e.directed ? "false" : "true") << ",\"relation_ids\":[";
      for (char c : e.relation_ids) o << (c == ';' ? ',' : c);  // "12;57" as [12,57]
      o << "],\"article_ids\":[";
      for (size_t k = 0; k < e.article_ids.size(); ++k) {
        if (k) o << ',';
        o.json(e.article_ids[k]);
      }
      o << "],\"evidence_count\":" << e.evidence << ",\"predicates\":";
      o.json(e.predicates) << ",\"quad\":";
      o.json(e.quad) << ",\"modality\":";
      o.json(e.modality) << ",\"weight\":" << e.weight << ",\"articles\":" << e.articles
                         << ",\"independent_articles\":" << e.independent << ",\"first_seen\":";
      o.json(e.first_seen) << ",\"last_seen\":";
      o.json(e.last_seen) << ",\"evidence\":";
      o.json(e.sample) << ",\"color\":";
      o.json(hex(e.color)) << '}';
    });
    o << "]}\n";
    return o.finish();
  }
};

}  // namespace

std::unique_ptr<GraphWriter> make_json_writer() { return std::make_unique<JsonWriter>(); }

}  // namespace newsgraph::exporter
