// Colours of the exported graph: one per entity type, one per relation's quad class
// (cooperation green, conflict red, verbal lighter than material), grey for co-occurrence.
#pragma once

#include "core/ontology.h"
#include "export/export_graph.h"

namespace newsgraph::exporter {

Rgb type_color(EntityType type);
Rgb predicate_color(Predicate predicate);
std::string hex(Rgb c);  // "#1f77b4"

}  // namespace newsgraph::exporter
