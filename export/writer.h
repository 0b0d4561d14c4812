// One interface for every output format: a GraphWriter renders an ExportGraph to a
// stream, piece by piece (no document is built in memory). One class per format, each
// in its own file. Writers are stateless and thread-safe.
#pragma once

#include <memory>
#include <optional>
#include <ostream>
#include <string_view>

#include "core/status.h"
#include "export/export_graph.h"

namespace newsgraph::exporter {

enum class Format {
  kGraphml,             // GraphML for Gephi, networkx, igraph, Cytoscape
  kGexf,                // GEXF 1.3 with viz and spells (Gephi's timeline)
  kGexf12,              // GEXF 1.2draft, for readers that know no 1.3 (networkx)
  kJson,                // node-link JSON (D3, networkx)
  kCytoscape,           // Cytoscape.js elements JSON (data, position)
  kGraphology,          // graphology's serialised JSON (sigma.js, Gephi Lite)
  kCsvNodes,            // Gephi spreadsheet import: nodes.csv
  kCsvEdges,            //                           edges.csv
  kDot,                 // Graphviz
  kNeo4jNodes,          // neo4j-admin import: nodes.csv
  kNeo4jRelationships,  //                     relationships.csv
};

class GraphWriter {
 public:
  virtual ~GraphWriter() = default;
  // Writes the graph; fails with kIoError when the stream does.
  virtual Status write(const ExportGraph& graph, std::ostream& out) const = 0;
};

std::unique_ptr<GraphWriter> make_writer(Format format);

}  // namespace newsgraph::exporter
