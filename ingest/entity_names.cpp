#include "ingest/entity_names.h"

#include <algorithm>

namespace newsgraph::ingest {

bool is_short_form(Words part, Words whole) {
  if (part.size == 0 || part.size >= whole.size) return false;
  const bool prefix = std::equal(part.begin(), part.end(), whole.begin());
  const bool suffix = std::equal(part.begin(), part.end(), whole.end() - part.size);
  return prefix || suffix;
}

void EntityNames::add(int32_t e, Words words) {
  Name name;
  name.begin = static_cast<uint32_t>(words_.size());
  name.size = static_cast<uint32_t>(words.size);
  words_.insert(words_.end(), words.begin(), words.end());
  const auto n = static_cast<int32_t>(names_.size());
  names_.push_back(name);
  if (last_[e] >= 0) {
    names_[last_[e]].next = n;
  } else {
    first_[e] = n;
  }
  last_[e] = n;
}

}  // namespace newsgraph::ingest
