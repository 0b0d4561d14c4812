#include <catch2/catch.hpp>
#include <cctype>
#include <string>
#include <utility>
#include <vector>

#include "ingest/lexicon.h"
#include "ingest/recognizer.h"
#include "ingest/tokenizer.h"
#include "ingest/word_cache.h"
#include "ingest/word_facts.h"
#include "ingest/word_filter.h"
#include "ingest/word_hash.h"
#include "ingest/word_memo.h"
#include "ingest/word_set.h"

using newsgraph::ingest::WordMemo;

TEST_CASE("a memo computes each word once and never answers for another word", "[memo]") {
  WordMemo memo(2);  // four slots: words keep landing on taken slots
  int computed = 0;
  auto has_a = [&](std::string_view w) {
    ++computed;
    return w.find('a') != std::string_view::npos;
  };
  CHECK(memo.get("bertemu", has_a) == false);
  CHECK(memo.get("bertemu", has_a) == false);
  CHECK(computed == 1);
  for (int i = 0; i < 200; ++i) {  // many words over four slots: each answer is still its own
    std::string w = (i % 2 ? "kata" : "temu") + std::to_string(i);
    CHECK(memo.get(w, has_a) == (i % 2 == 1));
    CHECK(memo.get(w, has_a) == (i % 2 == 1));
  }
  computed = 0;
  std::string long_word(40, 'a');
  CHECK(memo.get(long_word, has_a));
  CHECK(memo.get(long_word, has_a));
  CHECK(computed == 2);  // too long to keep
}

TEST_CASE("a word filter never turns away a word it holds and turns away most others", "[memo]") {
  newsgraph::ingest::WordFilter filter;
  std::vector<std::string> held, others;
  for (int i = 0; i < 300; ++i) held.push_back("kata" + std::to_string(i * 7));
  for (int i = 0; i < 3000; ++i) others.push_back("lain" + std::to_string(i));
  for (const auto& w : held) filter.add(w);
  for (const auto& w : held) CHECK(filter.may_contain(w));
  int let_through = 0;
  for (const auto& w : others) let_through += filter.may_contain(w);
  CHECK(let_through < 300);  // a filter that let everything through would fail this
}

TEST_CASE("a word filter sized for a short list stays small and still turns away most other words", "[memo]") {
  std::vector<std::string> held, others;
  for (int i = 0; i < 40; ++i) held.push_back("gelar" + std::to_string(i * 13));
  for (int i = 0; i < 3000; ++i) others.push_back("lain" + std::to_string(i));
  auto filter = newsgraph::ingest::WordFilter::for_words(held.size());
  for (const auto& w : held) filter.add(w);
  for (const auto& w : held) CHECK(filter.may_contain(w));
  int let_through = 0;
  for (const auto& w : others) let_through += filter.may_contain(w);
  CHECK(let_through < 300);
}

TEST_CASE("a word cache computes each word's value once and never gives it for another word", "[memo]") {
  newsgraph::ingest::WordCache<size_t> cache(2);  // four slots: words keep landing on taken slots
  int computed = 0;
  auto length = [&](std::string_view w, size_t* out) {
    ++computed;
    *out = w.size();
  };
  CHECK(cache.get("bertemu", length) == 7);
  CHECK(cache.get("bertemu", length) == 7);
  CHECK(computed == 1);
  for (int i = 0; i < 200; ++i) {
    std::string w = std::string(static_cast<size_t>(i % 9 + 1), 'k') + std::to_string(i);
    CHECK(cache.get(w, length) == w.size());
    CHECK(cache.get(w, length) == w.size());
  }
  computed = 0;
  std::string long_word(40, 'a');
  CHECK(cache.get(long_word, length) == 40);
  CHECK(cache.get(long_word, length) == 40);
  CHECK(computed == 2);  // too long to keep
}

TEST_CASE("a word set holds exactly its words, whatever their number", "[memo]") {
  using newsgraph::ingest::WordSet;
  const WordSet small({"presiden", "raja"});
  CHECK(small.count("presiden") == 1);
  CHECK(small.count("raja") == 1);
  CHECK(small.count("ratu") == 0);
  CHECK(small.count("presidennya") == 0);
  CHECK(small.count("") == 0);
  // More words than the first table holds: every one is still found, and none else.
  std::vector<std::string> words;
  for (int i = 0; i < 200; ++i) words.push_back("kata" + std::to_string(i));
  const WordSet large(words.begin(), words.end());
  for (const auto& w : words) CHECK(large.count(w) == 1);
  CHECK(large.count("kata200") == 0);
  CHECK(large.count("kata") == 0);
}

TEST_CASE("two words are the same only when every byte is, at every length", "[memo]") {
  using newsgraph::ingest::same_word;
  for (size_t n = 0; n <= 40; ++n) {
    const std::string a(n, 'k');
    CHECK(same_word(a, std::string(n, 'k')));
    CHECK_FALSE(same_word(a, std::string(n + 1, 'k')));
    for (size_t at = 0; at < n; ++at) {  // one byte differs: the loads must cover each one
      std::string b = a;
      b[at] = 'x';
      CHECK_FALSE(same_word(a, b));
    }
  }
  CHECK(same_word("menteri", std::string_view("menteri luar", 7)));
}

namespace {

// The facts a word has by asking each of the lexicon's tests.
uint16_t facts_by_tests(std::string_view w) {
  namespace lexicon = newsgraph::ingest::lexicon;
  using newsgraph::ingest::WordFacts;
  const std::pair<bool, uint16_t> tests[] = {
      {lexicon::is_function_word(w), WordFacts::kFunctionWord},
      {lexicon::is_common_capitalized(w), WordFacts::kCommonCapitalized},
      {lexicon::is_person_title(w), WordFacts::kPersonTitle},
      {lexicon::is_leader_title(w), WordFacts::kLeaderTitle},
      {newsgraph::ingest::is_title_continuation(w), WordFacts::kTitleContinuation},
      {lexicon::is_role_noun(w), WordFacts::kRoleNoun},
      {lexicon::is_not_current(w), WordFacts::kNotCurrent},
      {lexicon::is_org_head(w), WordFacts::kOrgHead},
      {lexicon::is_org_tail(w), WordFacts::kOrgTail},
      {lexicon::is_location_head(w), WordFacts::kLocationHead},
      {lexicon::is_event_head(w), WordFacts::kEventHead},
      {lexicon::is_generic_noun(w), WordFacts::kGenericNoun},
      {lexicon::is_common_noun(w), WordFacts::kCommonNoun},
      {lexicon::is_kin_word(w), WordFacts::kKinWord},
      {lexicon::is_reporting_verb(w), WordFacts::kReportingVerb},
      {lexicon::refers_back(w), WordFacts::kRefersBack},
  };
  uint16_t facts = 0;
  for (const auto& [test, bit] : tests) facts |= test ? bit : 0;
  return facts;
}

}  // namespace

TEST_CASE("a token's word facts say exactly which lexicon lists hold its key", "[memo]") {
  using newsgraph::ingest::word_facts;
  std::vector<std::string> words;
  for (std::string_view w : newsgraph::ingest::lexicon::listed_words()) words.emplace_back(w);
  REQUIRE(words.size() > 2000);
  // Words in no list, near misses of listed ones, punctuation, numbers, the empty key.
  for (const char* w : {"rusia", "putin", "menterinya", "presidenan", "yan", "dengann", ",", "-",
                        "\"", ".", "2024", "", "a", "x", "kementerian-kementerian",
                        "ketidakpercayaan"})
    words.emplace_back(w);
  for (const std::string& w : words) {
    INFO(w);
    CHECK(word_facts(w) == facts_by_tests(w));
    std::string capitalised = w;
    if (!capitalised.empty()) capitalised[0] = static_cast<char>(std::toupper(capitalised[0]));
    const auto tokens =
        newsgraph::ingest::tokenize(capitalised, 0, static_cast<uint32_t>(capitalised.size()));
    for (const auto& t : tokens) CHECK(t.facts == facts_by_tests(t.key));
  }
  CHECK(word_facts("presiden") & newsgraph::ingest::WordFacts::kLeaderTitle);
  CHECK(word_facts("rusia") == 0);
}
