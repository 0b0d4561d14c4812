#include "ingest/word_facts.h"

#include "ingest/lexicon.h"

namespace newsgraph::ingest {
namespace {

// The facts of one word, asked of the lexicon's own tests: the table can only agree.
uint16_t facts_by_tests(std::string_view w) {
  uint16_t facts = 0;
  auto set = [&facts](bool test, uint16_t bit) {
    if (test) facts |= bit;
  };
  set(lexicon::is_function_word(w), WordFacts::kFunctionWord);
  set(lexicon::is_common_capitalized(w), WordFacts::kCommonCapitalized);
  set(lexicon::is_person_title(w), WordFacts::kPersonTitle);
  set(lexicon::is_leader_title(w), WordFacts::kLeaderTitle);
  set(lexicon::is_title_continuation(w), WordFacts::kTitleContinuation);
  set(lexicon::is_role_noun(w), WordFacts::kRoleNoun);
  set(lexicon::is_not_current(w), WordFacts::kNotCurrent);
  set(lexicon::is_org_head(w), WordFacts::kOrgHead);
  set(lexicon::is_org_tail(w), WordFacts::kOrgTail);
  set(lexicon::is_location_head(w), WordFacts::kLocationHead);
  set(lexicon::is_event_head(w), WordFacts::kEventHead);
  set(lexicon::is_generic_noun(w), WordFacts::kGenericNoun);
  set(lexicon::is_common_noun(w), WordFacts::kCommonNoun);
  set(lexicon::is_kin_word(w), WordFacts::kKinWord);
  set(lexicon::is_reporting_verb(w), WordFacts::kReportingVerb);
  set(lexicon::refers_back(w), WordFacts::kRefersBack);
  return facts;
}

}  // namespace

const WordFactTable& WordFactTable::instance() {
  static const WordFactTable table;
  return table;
}

// A word in no list has no facts, so only listed words need a slot; the table is kept at
// most half full, so that a probe mostly ends at the first or second slot.
WordFactTable::WordFactTable() {
  const std::vector<std::string_view> words = lexicon::listed_words();
  size_t size = 16;
  while (size < words.size() * 2) size *= 2;
  slots_.assign(size, Slot());
  mask_ = size - 1;
  for (std::string_view w : words) {
    if (w.empty() || w.size() > UINT16_MAX) continue;  // no list holds a word that long
    const uint64_t h = hash(w);
    filter_[filter_bit(h) / 64] |= uint64_t{1} << (filter_bit(h) % 64);
    size_t i = h & mask_;
    while (slots_[i].size != 0 &&
           std::string_view(words_.data() + slots_[i].at, slots_[i].size) != w)
      i = (i + 1) & mask_;
    if (slots_[i].size != 0) continue;
    slots_[i] = Slot{static_cast<uint32_t>(words_.size()), facts_by_tests(w),
                     static_cast<uint16_t>(w.size())};
    words_.append(w);
  }
}

}  // namespace newsgraph::ingest
