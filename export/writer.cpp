#include "export/writer.h"

namespace newsgraph::exporter {

// Each defined in its format's file.
std::unique_ptr<GraphWriter> make_graphml_writer();
std::unique_ptr<GraphWriter> make_gexf_writer(bool draft_1_2);
std::unique_ptr<GraphWriter> make_json_writer();
std::unique_ptr<GraphWriter> make_cytoscape_writer();
std::unique_ptr<GraphWriter> make_graphology_writer();
std::unique_ptr<GraphWriter> make_csv_writer(Format format);
std::unique_ptr<GraphWriter> make_dot_writer();

std::unique_ptr<GraphWriter> make_writer(Format format) {
  switch (format) {
    case Format::kGraphml: return make_graphml_writer();
    case Format::kGexf: return make_gexf_writer(false);
    case Format::kGexf12: return make_gexf_writer(true);
    case Format::kJson: return make_json_writer();
    case Format::kCytoscape: return make_cytoscape_writer();
    case Format::kGraphology: return make_graphology_writer();
    case Format::kDot: return make_dot_writer();
    case Format::kCsvNodes:
    case Format::kCsvEdges:
    case Format::kNeo4jNodes:
    case Format::kNeo4jRelationships: return make_csv_writer(format);
  }
  return make_graphml_writer();
}

}  // namespace newsgraph::exporter
