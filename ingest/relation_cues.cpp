#include "ingest/relation_cues.h"

namespace newsgraph::ingest {

std::vector<std::string> candidate_roots(std::string_view key) {
  std::vector<std::string> out;
  for_each_reading(key, [&](const Reading& r) {
    out.emplace_back(r.root);
    return false;
  });
  return out;
}

}  // namespace newsgraph::ingest
