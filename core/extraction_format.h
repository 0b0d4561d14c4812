// Renders an Extraction for the outside world: one JSON object (a line of JSON Lines,
// the shape ../shared/eval/README.md describes plus ids, mentions, evidence, modality,
// rules and confidence) or a text report for a person. Deterministic: the same
// extraction gives byte-identical output. Thread-safe; the JSON writer keeps a scratch
// buffer of up to 1 MiB per thread that has used it.
#pragma once

#include <ostream>
#include <string>

#include "core/types.h"

namespace newsgraph {

// Appends one JSON object, no trailing newline.
void append_extraction_json(const Extraction& extraction, std::string& out);

// Writes a readable report: entities with their mentions, relations with evidence.
void write_extraction_text(const Extraction& extraction, std::ostream& out);

}  // namespace newsgraph
