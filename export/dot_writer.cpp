// Graphviz DOT: a digraph drawn as the export lays it out, for `neato -n2`: each node a
// filled circle at its position (`pos`, in points) whose diameter is its size
// (fixedsize), so nodes do not overlap; the top-ranked nodes' names beside them (xlabel);
// edges labelled with their predicates, coloured by quad, as wide as the log of their
// articles, without an arrowhead where the predicates are symmetric; ids r<relation id>.
//   newsgraph export --format dot -o g.dot && neato -n2 -Tpng g.dot -o g.png
#include <cmath>

#include "export/palette.h"
#include "export/text_out.h"
#include "export/writer.h"

namespace newsgraph::exporter {
namespace {

class DotWriter : public GraphWriter {
 public:
  Status write(const ExportGraph& x, std::ostream& stream) const override {
    TextOut o(stream);
    o << "digraph newsgraph {\n"
         "  outputorder=edgesfirst;\n"
         "  node [shape=circle, style=filled, fixedsize=true, label=\"\", fontname=\"Helvetica\", fontsize=9, "
         "penwidth=0];\n"
         "  edge [fontname=\"Helvetica\", fontsize=7, arrowsize=0.4];\n";
    const auto& nodes = x.graph.nodes;
    for (size_t v = 0; v < nodes.size(); ++v) {
      const NodeVisual& vis = x.visuals[v];
      o << "  ";
      o.dot(nodes[v].id) << " [tooltip=";
      o.dot(nodes[v].label) << ", type=" << entity_type_name(nodes[v].type) << ", fillcolor=\"" << hex(vis.color)
                            << "\", width=";
      o.number(vis.size / 72) << ", pos=\"";  // inches: the diameter in points is the size
      o.number(vis.x) << ',';
      o.number(vis.y) << '"';
      if (vis.label_visible) {
        o << ", xlabel=";
        o.dot(nodes[v].label);
      }
      o << "];\n";
    }
    for (const ExportEdge& e : x.edges) {
      o << "  ";
      o.dot(nodes[e.source].id) << " -> ";
      o.dot(nodes[e.target].id) << " [id=\"r" << e.relation_key << "\", label=";
      o.dot(e.label) << ", weight=" << e.weight << ", penwidth=";
      o.number(0.5 + std::log1p(static_cast<double>(std::max<int64_t>(1, e.weight)))) << ", color=\"" << hex(e.color)
                                                                                      << '"';
      if (x.undirected(e)) o << ", dir=none";
      o << "];\n";
    }
    o << "}\n";
    return o.finish();
  }
};

}  // namespace

std::unique_ptr<GraphWriter> make_dot_writer() { return std::make_unique<DotWriter>(); }

}  // namespace newsgraph::exporter
