// The text of data/gazetteer.txt, compiled into the binary by CMake.
#pragma once

namespace newsgraph::ingest {
extern const char* const kBuiltinGazetteer;
}  // namespace newsgraph::ingest
