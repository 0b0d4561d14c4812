// The attributes of an exported node and edge as JSON members ("label":"…","type":…),
// written the same way by every JSON shape (node-link, Cytoscape.js elements, graphology)
// so the three carry the same facts. No braces: each shape wraps them its own way.
#pragma once

#include "export/export_graph.h"
#include "export/text_out.h"

namespace newsgraph::exporter {

// label, type, aliases, mentions, articles, first_seen, last_seen, pagerank, community,
// size, label_visible, color; and x, y when `with_position`. The entity type goes under
// `type_name` (graphology's shape says "entity_type": sigma.js reads a node's "type" as
// the name of the program that draws it, and fails on "PERSON").
void write_node_fields(TextOut& o, const ExportGraph& x, size_t v, bool with_position, const char* type_name = "type");
// label, directed, symmetric, relation_ids, article_ids, evidence_count, predicates,
// quad, modality, weight, articles, independent_articles, first_seen, last_seen,
// evidence, color.
void write_edge_fields(TextOut& o, const ExportGraph& x, const ExportEdge& e);

}  // namespace newsgraph::exporter
