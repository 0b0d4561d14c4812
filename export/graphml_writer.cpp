// GraphML 1.0: an XML declaration, separate node and edge keys (each with `for`, only
// the six standard types), directed edges by default and `directed="false"` on the
// symmetric ones (a mixed graph, as Gephi reads it); each edge's id is "r" and the
// store's relation id, and it lists its relation and article ids. Node keys label/x/y/size/r/g/b and edge keys
// label/weight/r/g/b are the ones Gephi's importer turns into its own properties.
#include <string>

#include "export/palette.h"
#include "export/text_out.h"
#include "export/writer.h"

namespace newsgraph::exporter {
namespace {

struct Key {
  const char* id;
  const char* for_what;
  const char* name;
  const char* type;
};

const Key kKeys[] = {
    {"label", "node", "label", "string"},       {"type", "node", "type", "string"},
    {"aliases", "node", "aliases", "string"},   {"mentions", "node", "mentions", "int"},
    {"articles", "node", "articles", "int"},    {"first_seen", "node", "first_seen", "string"},
    {"last_seen", "node", "last_seen", "string"}, {"pagerank", "node", "pagerank", "double"},
    {"community", "node", "community", "int"},  {"label_visible", "node", "label_visible", "boolean"},
    {"x", "node", "x", "float"},
    {"y", "node", "y", "float"},                {"size", "node", "size", "float"},
    {"r", "node", "r", "int"},                  {"g", "node", "g", "int"},
    {"b", "node", "b", "int"},
    {"e_label", "edge", "label", "string"},     {"e_predicates", "edge", "predicates", "string"},
    {"e_relation_ids", "edge", "relation_ids", "string"}, {"e_article_ids", "edge", "article_ids", "string"},
    {"e_article_urls", "edge", "article_urls", "string"},
    {"e_evidence_count", "edge", "evidence_count", "int"}, {"e_symmetric", "edge", "symmetric", "boolean"},
    {"e_quad", "edge", "quad", "string"},       {"e_modality", "edge", "modality", "string"},
    {"e_weight", "edge", "weight", "double"},   {"e_articles", "edge", "articles", "int"},
    {"e_independent", "edge", "independent_articles", "int"},
    {"e_first_seen", "edge", "first_seen", "string"}, {"e_last_seen", "edge", "last_seen", "string"},
    {"e_evidence", "edge", "evidence", "string"}, {"e_more_evidence", "edge", "more_evidence", "string"}, {"e_r", "edge", "r", "int"},
    {"e_g", "edge", "g", "int"},                {"e_b", "edge", "b", "int"},
};

void data(TextOut& o, const char* key, std::string_view value) {
  if (value.empty()) return;
  o << "<data key=\"" << key << "\">";
  o.xml(value) << "</data>";
}

void data(TextOut& o, const char* key, int64_t value) {
  o << "<data key=\"" << key << "\">" << value << "</data>";
}

void data_number(TextOut& o, const char* key, double value) {
  o << "<data key=\"" << key << "\">";
  o.number(value) << "</data>";
}

class GraphmlWriter : public GraphWriter {
 public:
  Status write(const ExportGraph& x, std::ostream& stream) const override {
    TextOut o(stream);
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
         "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\" "
         "xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\" "
         "xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
         "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    for (const Key& k : kKeys)
      o << "  <key id=\"" << k.id << "\" for=\"" << k.for_what << "\" attr.name=\"" << k.name
        << "\" attr.type=\"" << k.type << "\"/>\n";
    o << "  <graph id=\"newsgraph\" edgedefault=\"directed\">\n";
    const auto& nodes = x.graph.nodes;
    o.items(nodes.size(), [&](TextOut& o, size_t v) {
      const auto& n = nodes[v];
      const NodeVisual& vis = x.visuals[v];
      o << "    <node id=\"";
      o.xml(n.id) << "\">";
      data(o, "label", n.label);
      data(o, "type", entity_type_name(n.type));
      data(o, "aliases", joined(n.aliases, "; "));
      data(o, "mentions", n.mentions);
      data(o, "articles", n.articles);
      data(o, "first_seen", n.first_seen);
      data(o, "last_seen", n.last_seen);
      data_number(o, "pagerank", vis.pagerank);
      data(o, "community", int64_t{vis.community});
      data(o, "label_visible", vis.label_visible ? "true" : "false");
      data_number(o, "x", vis.x);
      data_number(o, "y", vis.y);
      data_number(o, "size", vis.size);
      data(o, "r", int64_t{vis.color.r});
      data(o, "g", int64_t{vis.color.g});
      data(o, "b", int64_t{vis.color.b});
      o << "</node>\n";
    });
    o.items(x.edges.size(), [&](TextOut& o, size_t i) {
      const ExportEdge& e = x.edges[i];
      o << "    <edge id=\"r" << e.relation_key << "\" source=\"";
      o.xml(nodes[e.source].id) << "\" target=\"";
      o.xml(nodes[e.target].id) << (x.undirected(e) ? "\" directed=\"false\">" : "\">");
      data(o, "e_label", e.label);
      data(o, "e_predicates", e.predicates);
      data(o, "e_relation_ids", e.relation_ids);
      data(o, "e_article_ids", joined(e.article_ids, ";"));
      data(o, "e_article_urls", joined(e.article_urls, " ", "-"));
      data(o, "e_evidence_count", e.evidence);
      data(o, "e_symmetric", e.directed ? "false" : "true");
      data(o, "e_quad", e.quad);
      data(o, "e_modality", e.modality);
      data_number(o, "e_weight", double(e.weight));
      data(o, "e_articles", e.articles);
      data(o, "e_independent", e.independent);
      data(o, "e_first_seen", e.first_seen);
      data(o, "e_last_seen", e.last_seen);
      data(o, "e_evidence", e.sample);
      data(o, "e_more_evidence", joined(e.more_samples, " | "));
      data(o, "e_r", int64_t{e.color.r});
      data(o, "e_g", int64_t{e.color.g});
      data(o, "e_b", int64_t{e.color.b});
      o << "</edge>\n";
    });
    o << "  </graph>\n</graphml>\n";
    return o.finish();
  }
};

}  // namespace

std::unique_ptr<GraphWriter> make_graphml_writer() { return std::make_unique<GraphmlWriter>(); }

}  // namespace newsgraph::exporter
