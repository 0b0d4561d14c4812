// The JSON shapes, each over the same node and edge attributes (json_fields.h):
//  - node-link (D3, networkx's node_link_graph): {"directed": true, "multigraph": bool,
//    "graph": {}, "nodes": [{"id", …}], "links": [{"id", "source", "target", …}]};
//  - Cytoscape.js elements (cy.json(), Cytoscape's .cyjs import):
//    {"elements": {"nodes": [{"data": {"id", …}, "position": {"x", "y"}}],
//                  "edges": [{"data": {"id", "source", "target", …}}]}};
//  - graphology's serialisation (graph.import(); what sigma.js and Gephi Lite load):
//    {"attributes": {}, "options": {"type": "mixed"|"directed", "multi", "allowSelfLoops"},
//     "nodes": [{"key", "attributes": {…, "x", "y"}}],
//     "edges": [{"key", "source", "target", "undirected"?, "attributes": {…}}]}.
#include "export/json_fields.h"
#include "export/text_out.h"
#include "export/writer.h"

namespace newsgraph::exporter {
namespace {

enum class Shape { kNodeLink, kCytoscape, kGraphology };

class JsonWriter : public GraphWriter {
 public:
  explicit JsonWriter(Shape shape) : shape_(shape) {}

  Status write(const ExportGraph& x, std::ostream& stream) const override {
    TextOut o(stream);
    const auto& nodes = x.graph.nodes;
    switch (shape_) {
      case Shape::kNodeLink:
        o << "{\"directed\":true,\"multigraph\":" << (x.parallel_edges ? "true" : "false")
          << ",\"graph\":{},\"nodes\":[";
        break;
      case Shape::kCytoscape: o << "{\"elements\":{\"nodes\":["; break;
      case Shape::kGraphology:
        o << "{\"attributes\":{\"name\":\"newsgraph\"},\"options\":{\"type\":\"" << (x.mixed ? "mixed" : "directed")
          << "\",\"multi\":" << (x.parallel_edges ? "true" : "false") << ",\"allowSelfLoops\":false},\"nodes\":[";
        break;
    }
    o.items(nodes.size(), [&](TextOut& o, size_t v) {
      o << (v ? ",\n" : "\n");
      switch (shape_) {
        case Shape::kNodeLink:
          o << "{\"id\":";
          o.json(nodes[v].id) << ',';
          write_node_fields(o, x, v, true);
          o << '}';
          break;
        case Shape::kCytoscape:
          o << "{\"data\":{\"id\":";
          o.json(nodes[v].id) << ',';
          write_node_fields(o, x, v, false);
          o << "},\"position\":{\"x\":";
          o.number(x.visuals[v].x) << ",\"y\":";
          o.number(-x.visuals[v].y) << "}}";  // Cytoscape's y grows downwards
          break;
        case Shape::kGraphology:
          o << "{\"key\":";
          o.json(nodes[v].id) << ",\"attributes\":{";
          write_node_fields(o, x, v, true, "entity_type");
          o << "}}";
          break;
      }
    });
    o << (shape_ == Shape::kNodeLink ? "],\"links\":[" : "],\"edges\":[");
    o.items(x.edges.size(), [&](TextOut& o, size_t i) {
      const ExportEdge& e = x.edges[i];
      o << (i ? ",\n" : "\n");
      auto ends = [&] {
        o << ",\"source\":";
        o.json(nodes[e.source].id) << ",\"target\":";
        o.json(nodes[e.target].id);
      };
      if (shape_ == Shape::kGraphology) {
        o << "{\"key\":\"r" << e.relation_key << '"';
        ends();
        if (x.undirected(e)) o << ",\"undirected\":true";
        o << ",\"attributes\":{";
        write_edge_fields(o, x, e);
        o << "}}";
        return;
      }
      const bool cytoscape = shape_ == Shape::kCytoscape;  // the same members, inside "data"
      o << (cytoscape ? "{\"data\":{\"id\":\"r" : "{\"id\":\"r") << e.relation_key << '"';
      ends();
      o << ',';
      write_edge_fields(o, x, e);
      o << (cytoscape ? "}}" : "}");
    });
    o << (shape_ == Shape::kCytoscape ? "]}}\n" : "]}\n");
    return o.finish();
  }

 private:
  Shape shape_;
};

}  // namespace

std::unique_ptr<GraphWriter> make_json_writer() { return std::make_unique<JsonWriter>(Shape::kNodeLink); }
std::unique_ptr<GraphWriter> make_cytoscape_writer() { return std::make_unique<JsonWriter>(Shape::kCytoscape); }
std::unique_ptr<GraphWriter> make_graphology_writer() { return std::make_unique<JsonWriter>(Shape::kGraphology); }

}  // namespace newsgraph::exporter
