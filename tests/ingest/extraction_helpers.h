// Extraction of short test articles with the built-in gazetteer, and lookups in the
// result, shared by the pipeline and name-typing tests.
#pragma once

#include <string>

#include "core/types.h"

namespace newsgraph::testing {

// Extracts `text` (first line the title, a date line may follow) as article `id`, with one
// extractor built once.
Extraction extract_text(const std::string& text, const std::string& id = "t");

// The entity with this label, or nullptr.
const Entity* find_entity(const Extraction& x, const std::string& label);

}  // namespace newsgraph::testing
