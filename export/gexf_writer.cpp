// GEXF 1.3 (namespace http://gexf.net/1.3): attributes declared per class, viz colour,
// size and position on nodes, colour and thickness on edges, typed parallel edges as
// `kind` (with --multi), and spells from the articles' dates for Gephi's timeline.
// The 1.2draft variant differs in its namespaces and has no `kind`.
#include "export/palette.h"
#include "export/text_out.h"
#include "export/writer.h"

namespace newsgraph::exporter {
namespace {

void attvalue(TextOut& o, const char* id, std::string_view value) {
  if (value.empty()) return;
  o << "<attvalue for=\"" << id << "\" value=\"";
  o.xml(value) << "\"/>";
}

void attvalue(TextOut& o, const char* id, int64_t value) {
  o << "<attvalue for=\"" << id << "\" value=\"" << value << "\"/>";
}

void spells(TextOut& o, const std::vector<std::string>& dates) {
  if (dates.empty()) return;
  o << "<spells>";
  for (const auto& d : dates) o << "<spell start=\"" << d << "\" end=\"" << d << "\"/>";
  o << "</spells>";
}

void spell_range(TextOut& o, const std::string& first, const std::string& last) {
  if (first.empty()) return;
  o << "<spells><spell start=\"" << first << "\" end=\"" << (last.empty() ? first : last) << "\"/></spells>";
}

class GexfWriter : public GraphWriter {
 public:
  explicit GexfWriter(bool draft_1_2) : draft_1_2_(draft_1_2) {}

  Status write(const ExportGraph& x, std::ostream& stream) const override {
    TextOut o(stream);
    o << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    if (draft_1_2_) {
      o << "<gexf xmlns=\"http://www.gexf.net/1.2draft\" xmlns:viz=\"http://www.gexf.net/1.2draft/viz\" "
           "version=\"1.2\">\n";
    } else {
      o << "<gexf xmlns=\"http://gexf.net/1.3\" xmlns:viz=\"http://gexf.net/1.3/viz\" version=\"1.3\">\n";
    }
    o << "  <meta><creator>newsgraph</creator><description>who did what to whom, from news articles"
         "</description></meta>\n"
         "  <graph defaultedgetype=\"directed\" mode=\"dynamic\" timeformat=\"date\">\n"
         "    <attributes class=\"node\">\n"
         "      <attribute id=\"type\" title=\"type\" type=\"string\"/>\n"
         "      <attribute id=\"aliases\" title=\"aliases\" type=\"string\"/>\n"
         "      <attribute id=\"mentions\" title=\"mentions\" type=\"integer\"/>\n"
         "      <attribute id=\"articles\" title=\"articles\" type=\"integer\"/>\n"
         "      <attribute id=\"pagerank\" title=\"pagerank\" type=\"double\"/>\n"
         "      <attribute id=\"community\" title=\"community\" type=\"integer\"/>\n"
         "      <attribute id=\"label_visible\" title=\"label_visible\" type=\"boolean\"/>\n"
         "    </attributes>\n"
         "    <attributes class=\"edge\">\n"
         "      <attribute id=\"predicates\" title=\"predicates\" type=\"string\"/>\n"
         "      <attribute id=\"relation_ids\" title=\"relation_ids\" type=\"string\"/>\n"
         "      <attribute id=\"article_ids\" title=\"article_ids\" type=\"string\"/>\n"
         "      <attribute id=\"article_urls\" title=\"article_urls\" type=\"string\"/>\n"
         "      <attribute id=\"evidence_count\" title=\"evidence_count\" type=\"integer\"/>\n"
         "      <attribute id=\"symmetric\" title=\"symmetric\" type=\"boolean\"/>\n"
         "      <attribute id=\"quad\" title=\"quad\" type=\"string\"/>\n"
         "      <attribute id=\"modality\" title=\"modality\" type=\"string\"/>\n"
         "      <attribute id=\"articles\" title=\"articles\" type=\"integer\"/>\n"
         "      <attribute id=\"independent_articles\" title=\"independent_articles\" type=\"integer\"/>\n"
         "      <attribute id=\"evidence\" title=\"evidence\" type=\"string\"/>\n"
         "      <attribute id=\"more_evidence\" title=\"more_evidence\" type=\"string\"/>\n"
         "    </attributes>\n";
    const auto& nodes = x.graph.nodes;
    o << "    <nodes count=\"" << int64_t(nodes.size()) << "\">\n";
    o.items(nodes.size(), [&](TextOut& o, size_t v) {
      const auto& n = nodes[v];
      const NodeVisual& vis = x.visuals[v];
      o << "      <node id=\"";
      o.xml(n.id) << "\" label=\"";
      o.xml(n.label) << "\"><attvalues>";
      attvalue(o, "type", entity_type_name(n.type));
      attvalue(o, "aliases", joined(n.aliases, "; "));
      attvalue(o, "mentions", n.mentions);
      attvalue(o, "articles", n.articles);
      o << "<attvalue for=\"pagerank\" value=\"";
      o.number(vis.pagerank) << "\"/>";
      attvalue(o, "community", int64_t{vis.community});
      attvalue(o, "label_visible", vis.label_visible ? "true" : "false");
      o << "</attvalues>";
      spell_range(o, n.first_seen, n.last_seen);
      o << "<viz:color r=\"" << int64_t{vis.color.r} << "\" g=\"" << int64_t{vis.color.g} << "\" b=\""
        << int64_t{vis.color.b} << "\"/><viz:size value=\"";
      o.number(vis.size) << "\"/><viz:position x=\"";
      o.number(vis.x) << "\" y=\"";
      o.number(vis.y) << "\" z=\"0\"/></node>\n";
    });
    o << "    </nodes>\n    <edges count=\"" << int64_t(x.edges.size()) << "\">\n";
    o.items(x.edges.size(), [&](TextOut& o, size_t i) {
      const ExportEdge& e = x.edges[i];
      o << "      <edge id=\"r" << e.relation_key << "\" source=\"";
      o.xml(nodes[e.source].id) << "\" target=\"";
      o.xml(nodes[e.target].id) << "\" label=\"";
      o.xml(e.label) << "\" weight=\"" << e.weight << "\"";
      if (x.undirected(e)) o << " type=\"undirected\"";
      if (x.multi && !draft_1_2_) o << " kind=\"" << e.label << "\"";
      o << "><attvalues>";
      attvalue(o, "predicates", e.predicates);
      attvalue(o, "relation_ids", e.relation_ids);
      attvalue(o, "article_ids", joined(e.article_ids, ";"));
      attvalue(o, "article_urls", joined(e.article_urls, " ", "-"));
      attvalue(o, "evidence_count", e.evidence);
      attvalue(o, "symmetric", e.directed ? "false" : "true");
      attvalue(o, "quad", e.quad);
      attvalue(o, "modality", e.modality);
      attvalue(o, "articles", e.articles);
      attvalue(o, "independent_articles", e.independent);
      attvalue(o, "evidence", e.sample);
      attvalue(o, "more_evidence", joined(e.more_samples, " | "));
      o << "</attvalues>";
      spells(o, *e.dates);
      o << "<viz:color r=\"" << int64_t{e.color.r} << "\" g=\"" << int64_t{e.color.g} << "\" b=\""
        << int64_t{e.color.b} << "\"/><viz:thickness value=\"" << std::max<int64_t>(1, e.weight) << "\"/></edge>\n";
    });
    o << "    </edges>\n  </graph>\n</gexf>\n";
    return o.finish();
  }

 private:
  bool draft_1_2_;
};

}  // namespace

std::unique_ptr<GraphWriter> make_gexf_writer(bool draft_1_2) { return std::make_unique<GexfWriter>(draft_1_2); }

}  // namespace newsgraph::exporter
