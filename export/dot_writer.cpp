// Graphviz DOT: a digraph with labels, colours (fill by type, edge by quad), widths by
// weight and the layout's positions (`pos`, for neato -n).
#include "export/palette.h"
#include "export/text_out.h"
#include "export/writer.h"

namespace newsgraph::exporter {
namespace {

class DotWriter : public GraphWriter {
 public:
  Status write(const ExportGraph& x, std::ostream& stream) const override {
    TextOut o(stream);
    o << "digraph newsgraph {\n  node [shape=ellipse, style=filled, fontname=\"Helvetica\"];\n";
    const auto& nodes = x.graph.nodes;
    for (size_t v = 0; v < nodes.size(); ++v) {
      const NodeVisual& vis = x.visuals[v];
      o << "  ";
      o.dot(nodes[v].id) << " [label=";
      o.dot(nodes[v].label) << ", type=" << entity_type_name(nodes[v].type) << ", fillcolor=\"" << hex(vis.color)
                            << "\", pos=\"";
      o.number(vis.x) << ',';
      o.number(vis.y) << "\"];\n";
    }
    for (const ExportEdge& e : x.edges) {
      o << "  ";
      o.dot(nodes[e.source].id) << " -> ";
      o.dot(nodes[e.target].id) << " [label=";
      o.dot(e.label) << ", weight=" << e.weight << ", color=\"" << hex(e.color) << "\"];\n";
    }
    o << "}\n";
    return o.finish();
  }
};

}  // namespace

std::unique_ptr<GraphWriter> make_dot_writer() { return std::make_unique<DotWriter>(); }

}  // namespace newsgraph::exporter
