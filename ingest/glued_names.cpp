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
      const std::string_view word = a_.tokens[before].key;
      if (lexicon::is_org_head(word) || lexicon::is_location_head(word)) return;
      if (!holds_non_name_word(m.first, first)) return;  // "Nguyen Phu Trong": a longer name
      m.first = first;
      m.type = EntityType::kPerson;
      return;
    }
    before = first;
  }
}

std::optional<NameMention> GluedNames::body_before(const NameMention& m, uint32_t first) const {
  uint32_t last = m.first;
  while (last > first && !a_.tokens[last - 1].is_word()) --last;
  if (last <= first || !a_.tokens[first].is_word()) return std::nullopt;
  const Token& head = a_.tokens[first];
  NameMention body;
  if (lexicon::is_org_head(head) || (head.all_upper && head.key.size() >= 2))
    body.type = EntityType::kOrganization;
  else if (lexicon::is_location_head(head))
    body.type = EntityType::kLocation;
  else
    return std::nullopt;  // "Kontrak Borja Valero": a common word, no body
  body.first = first;
  body.last = last;
  body.sentence = m.sentence;
  return body;
}

std::vector<uint32_t> GluedNames::core_starts(const NameMention& m) const {
  std::vector<uint32_t> starts;
  if (m.last - m.first < 3 || word_count(m.first, m.last) < 3) return starts;
  // Each word asked once: the name must come after the last word no name is made of, and
  // the glued words before it must hold one (a function word does not count there).
  uint32_t after_non_name = m.first;  // the name cannot start before this token
  uint32_t words_left = 0;            // words from `first` to the end
  for (uint32_t k = m.first; k < m.last; ++k) {
    const Token& t = a_.tokens[k];
    if (!t.is_word()) continue;
    ++words_left;
    if (is_non_name_word(t)) after_non_name = k + 1;
  }
  bool prefix_holds_non_name = false;  // over the words before `first`
  uint32_t before = UINT32_MAX;        // the last word token before `first`
  for (uint32_t first = m.first; first < m.last; ++first) {
    const Token& t = a_.tokens[first];
    if (!t.is_word()) continue;
    if (before != UINT32_MAX && first >= after_non_name && t.upper_initial && words_left >= 2) {
      const std::string_view word = a_.tokens[before].key;
      // "Istri Ahmad Dhani" is his wife: a relative is another person. A body's acronym
      // right before the name, the whole no person's ("RSPAD Gatot Subroto"), names a
      // body after him.
      const bool body_acronym = a_.tokens[before].all_upper && m.type != EntityType::kPerson;
      const bool named_after = lexicon::is_org_head(word) || lexicon::is_location_head(word) ||
                               lexicon::is_kin_word(word) || body_acronym ||
                               (lexicon::is_person_title(word) && before > m.first && heads_only(m, before));
      if (!named_after && (prefix_holds_non_name || holds_word_used_apart(m, m.first, first, first)))
        starts.push_back(first);
    }
    if (!prefix_holds_non_name && !lexicon::is_function_word(t) && is_non_name_word(t))
      prefix_holds_non_name = true;
    --words_left;
    before = first;
  }
  return starts;
}

bool GluedNames::is_non_name_word(const Token& t) const {
  return lexicon::is_function_word(t) || lexicon::is_common_capitalized(t) ||
         lexicon::is_common_noun(t) || lexicon::looks_inflected(t.key) || lexicon::is_person_title(t) ||
         lexicon::is_org_head(t) || lexicon::is_location_head(t) || lexicon::is_kin_word(t) ||
         lexicon::is_role_noun(t) || (t.all_upper && t.key.size() >= 2);
}

bool GluedNames::holds_non_name_word(uint32_t first, uint32_t end) const {
  for (uint32_t k = first; k < end; ++k) {
    const Token& t = a_.tokens[k];
    if (t.is_word() && !lexicon::is_function_word(t) && is_non_name_word(t)) return true;
  }
  return false;
}

bool GluedNames::holds_word_used_apart(const NameMention& m, uint32_t first, uint32_t end, uint32_t name) const {
  const std::string_view name_word = a_.tokens[name].key;
  for (uint32_t k = first; k < end; ++k) {
    if (!a_.tokens[k].is_word()) continue;
    const std::string_view word = a_.tokens[k].word();
    for (uint32_t p = 0; p < a_.tokens.size(); ++p) {  // a linear scan: cheaper than an index
      if (p == m.first) p = m.last;                     // of every word, asked this rarely
      if (p >= a_.tokens.size() || a_.tokens[p].word() != word) continue;
      if (!a_.tokens[p].upper_initial) return true;  // a common word written as one
      const NameMention* other = mention_at(p);
      if (!other) continue;
      bool with_name = false;
      for (uint32_t q = other->first; q < other->last && !with_name; ++q) with_name = a_.tokens[q].key == name_word;
      if (with_name) continue;
      if (other->type != EntityType::kPerson) return true;  // a body's or a place's name
    }
  }
  return false;
}

const NameMention* GluedNames::mention_at(uint32_t token) const {
  const auto& ms = a_.mentions;
  auto it = std::upper_bound(ms.begin(), ms.end(), token,
                             [](uint32_t t, const NameMention& m) { return t < m.first; });
  if (it == ms.begin()) return nullptr;
  --it;
  return token < it->last ? &*it : nullptr;
}

bool GluedNames::heads_only(const NameMention& m, uint32_t end) const {
  // An acronym names a body ("RSUD Dr. Soetomo") unless titles typed the name a person's
  // ("KSAD Jenderal Andika Perkasa": a post).
  const bool acronyms_are_heads = m.type != EntityType::kPerson;
  for (uint32_t k = m.first; k < end; ++k) {
    const Token& t = a_.tokens[k];
    if (t.is_word() && !lexicon::is_org_head(t) && !lexicon::is_location_head(t) &&
        !(acronyms_are_heads && t.all_upper && t.key.size() >= 2))
      return false;
  }
  return true;
}

}  // namespace newsgraph::ingest
