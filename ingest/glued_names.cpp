#include "ingest/glued_names.h"

#include <algorithm>

#include "core/fnv.h"
#include "ingest/lexicon.h"

namespace newsgraph::ingest {

GluedNames::GluedNames(const Analysis& a) : a_(a) {
  for (const NameMention& m : a_.mentions) {
    if (m.type == EntityType::kPerson && word_count(m.first, m.last) >= 2)
      person_names_.push_back(words_hash(m.first, m.last));
  }
  std::sort(person_names_.begin(), person_names_.end());
}

uint32_t GluedNames::word_count(uint32_t first, uint32_t last) const {
  uint32_t n = 0;
  for (uint32_t k = first; k < last; ++k) n += a_.tokens[k].is_word() ? 1 : 0;
  return n;
}

uint64_t GluedNames::words_hash(uint32_t first, uint32_t last) const {
  uint64_t h = kFnvOffset;
  for (uint32_t k = first; k < last; ++k) {
    if (a_.tokens[k].is_word()) h = fnv1a(" ", fnv1a(a_.tokens[k].key, h));
  }
  return h;
}

void GluedNames::drop_from(NameMention& m) const {
  if (person_names_.empty() || word_count(m.first, m.last) < 3) return;
  uint32_t before = UINT32_MAX;  // the last word token before `first`
  for (uint32_t first = m.first; first < m.last; ++first) {  // the longest name first
    if (!a_.tokens[first].is_word()) continue;
    if (before != UINT32_MAX && word_count(first, m.last) >= 2 &&
        std::binary_search(person_names_.begin(), person_names_.end(), words_hash(first, m.last))) {
      const std::string& word = a_.tokens[before].key;
      if (lexicon::is_org_head(word) || lexicon::is_location_head(word)) return;
      if (!holds_non_name_word(m.first, first)) return;  // "Nguyen Phu Trong": a longer name
      m.first = first;
      m.type = EntityType::kPerson;
      return;
    }
    before = first;
  }
}

bool GluedNames::holds_non_name_word(uint32_t first, uint32_t end) const {
  for (uint32_t k = first; k < end; ++k) {
    const Token& t = a_.tokens[k];
    if (!t.is_word()) continue;
    if (lexicon::is_common_capitalized(t.key) || lexicon::is_common_noun(t.key) || lexicon::looks_inflected(t.key) ||
        lexicon::is_person_title(t.key) || lexicon::is_org_head(t.key) || lexicon::is_location_head(t.key) ||
        (t.all_upper && t.key.size() >= 2))
      return true;
  }
  return false;
}

}  // namespace newsgraph::ingest
