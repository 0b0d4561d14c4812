// The export's choices as text, spelt the same by the CLI's flags and the REST API's
// query parameters ("min-weight" or "min_weight", "predicates", "center", "multi"...),
// parsed in one place so both front ends accept exactly the same things.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "export/export_graph.h"
#include "graph/attributed_graph.h"

namespace newsgraph::exporter {

// The filter an export starts from: every relation except co-occurrence. 97% of stored
// relations are "named in the same sentence"; left in, they make every picture a
// hairball that hides who did what to whom. "cooccurs" (true) brings them back.
graph::GraphFilter default_export_filter();

// Names apply_export_option knows, for help texts and parameter checks.
const std::vector<std::string>& export_option_names();  // with underscores: "min_weight"

// Applies one option. Flags without a value take "true"/"false" ("multi", "layout",
// "cooccurs"). kNotFound when `name` is not an export option; kUsage with a message
// naming the option when the value is bad.
Status apply_export_option(std::string_view name, const std::string& value, graph::GraphFilter* filter,
                           ExportOptions* options);

}  // namespace newsgraph::exporter
