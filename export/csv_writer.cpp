// CSV in the columns Gephi's spreadsheet import expects (nodes: Id, Label, ...; edges:
// Source, Target, Type, Id, Label, Weight, ...), and the layout of Neo4j's bulk
// importer (nodes: id:ID, :LABEL, ...; relationships: :START_ID, :END_ID, :TYPE, ...).
#include "export/palette.h"
#include "export/text_out.h"
#include "export/writer.h"

namespace newsgraph::exporter {
namespace {

// Neo4j labels: "Person", "Country", ... from the ontology's type names.
std::string neo4j_label(EntityType type) {
  std::string name = entity_type_name(type);
  for (size_t i = 1; i < name.size(); ++i) name[i] = static_cast<char>(std::tolower(name[i]));
  return name;
}

class CsvWriter : public GraphWriter {
 public:
  explicit CsvWriter(Format format) : format_(format) {}

  Status write(const ExportGraph& x, std::ostream& stream) const override {
    TextOut o(stream);
    switch (format_) {
      case Format::kCsvNodes: gephi_nodes(x, o); break;
      case Format::kCsvEdges: gephi_edges(x, o); break;
      case Format::kNeo4jNodes: neo4j_nodes(x, o); break;
      default: neo4j_relationships(x, o); break;
    }
    return o.finish();
  }

 private:
  static void gephi_nodes(const ExportGraph& x, TextOut& o) {
    o << "Id,Label,type,aliases,mentions,articles,first_seen,last_seen,pagerank,community,x,y,size,color\n";
    o.items(x.graph.nodes.size(), [&](TextOut& o, size_t v) {
      const auto& n = x.graph.nodes[v];
      const NodeVisual& vis = x.visuals[v];
      o.csv(n.id) << ',';
      o.csv(n.label) << ',' << entity_type_name(n.type) << ',';
      o.csv(joined(n.aliases, "; ")) << ',' << n.mentions << ',' << n.articles << ',' << n.first_seen << ','
                                     << n.last_seen << ',';
      o.number(vis.pagerank) << ',' << int64_t{vis.community} << ',';
      o.number(vis.x) << ',';
      o.number(vis.y) << ',';
      o.number(vis.size) << ',' << hex(vis.color) << '\n';
    });
  }

  static void gephi_edges(const ExportGraph& x, TextOut& o) {
    o << "Source,Target,Type,Id,Label,Weight,predicates,relation_ids,article_ids,article_urls,evidence_count,quad,modality,"
         "articles,independent_articles,first_seen,last_seen,evidence,more_evidence\n";
    o.items(x.edges.size(), [&](TextOut& o, size_t i) {
      const ExportEdge& e = x.edges[i];
      o.csv(x.graph.nodes[e.source].id) << ',';
      o.csv(x.graph.nodes[e.target].id) << (x.undirected(e) ? ",Undirected,r" : ",Directed,r") << e.relation_key << ',';
      o.csv(e.label) << ',' << e.weight << ',';
      o.csv(e.predicates) << ',' << e.relation_ids << ',';
      o.csv(joined(e.article_ids, ";")) << ',';
      o.csv(joined(e.article_urls, " ", "-")) << ',' << e.evidence << ',' << e.quad << ',' << e.modality << ',' << e.articles << ',' << e.independent
                          << ',' << e.first_seen << ',' << e.last_seen << ',';
      o.csv(e.sample) << ',';
      o.csv(joined(e.more_samples, " | ")) << '\n';
    });
  }

  static void neo4j_nodes(const ExportGraph& x, TextOut& o) {
    o << "id:ID,name,:LABEL,aliases:string[],mentions:int,articles:int,first_seen,last_seen,pagerank:double,"
         "community:int\n";
    o.items(x.graph.nodes.size(), [&](TextOut& o, size_t v) {
      const auto& n = x.graph.nodes[v];
      o.csv(n.id) << ',';
      o.csv(n.label) << ",Entity;" << neo4j_label(n.type) << ',';
      o.csv(joined(n.aliases, ";")) << ',' << n.mentions << ',' << n.articles << ',' << n.first_seen << ','
                                    << n.last_seen << ',';
      o.number(x.visuals[v].pagerank) << ',' << int64_t{x.visuals[v].community} << '\n';
    });
  }

  // One relationship per predicate, whatever --multi says: Neo4j keeps types apart.
  static void neo4j_relationships(const ExportGraph& x, TextOut& o) {
    o << ":START_ID,:END_ID,:TYPE,relation_id:long,weight:int,independent_articles:int,modality,confidence:double,"
         "first_seen,last_seen,evidence\n";
    o.items(x.graph.edges.size(), [&](TextOut& o, size_t i) {
      const auto& e = x.graph.edges[i];
      o.csv(x.graph.nodes[e.source].id) << ',';
      o.csv(x.graph.nodes[e.target].id) << ',' << predicate_name(e.predicate) << ',' << e.relation_key << ','
                                        << e.weight << ',' << e.independent << ',' << e.modality << ',';
      o.number(e.confidence) << ',' << e.first_seen << ',' << e.last_seen << ',';
      o.csv(e.sample) << '\n';
    });
  }

  Format format_;
};

}  // namespace

std::unique_ptr<GraphWriter> make_csv_writer(Format format) { return std::make_unique<CsvWriter>(format); }

}  // namespace newsgraph::exporter
