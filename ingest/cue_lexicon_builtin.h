// The text of data/cues.txt, compiled into the binary by CMake.
#pragma once

namespace newsgraph::ingest {
extern const char* const kBuiltinCues;
}  // namespace newsgraph::ingest
