// The built-in list of common words (data/common_words.txt), embedded at build time.
#pragma once

namespace newsgraph::ingest {

extern const char* const kBuiltinCommonWords;

}  // namespace newsgraph::ingest
