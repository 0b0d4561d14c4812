// Interned strings: one lasting copy of each distinct short string a program names again
// and again (rule ids of evidence), so a value can hold a string_view to it instead of
// owning a copy. The copies live until the process ends; thread-safe.
#pragma once

#include <string_view>

namespace newsgraph {

// A view of the one lasting copy of `text`, valid for the life of the process: equal
// texts give the same view. Meant for a bounded set of texts (ids, names of rules), not
// for text read from input. O(length) expected, under a lock.
std::string_view intern(std::string_view text);

}  // namespace newsgraph
