// Alias rules: when a gazetteer name may stand for its entity. Some names are also
// part of longer names or of phrases about something else ("Barat" in "Lombok Barat",
// "Inggris" in "bahasa Inggris"), some hold only from or until a date ("Meta" from
// 2021-10-28). data/gazetteer.txt writes a rule in braces after the name. Plain data:
// built once with the gazetteer, then only read, so safe to share between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "ingest/tokenizer.h"

namespace newsgraph::ingest {

// A word the token next to a name is compared with.
struct NeighbourWord {
  std::string key;           // folded form; empty: any capitalised word ("@capitalised")
  bool capitalised = false;  // written with a capital: the text's word needs one too
};

struct AliasRule {
  std::vector<NeighbourWord> not_after;   // the name does not count right after these
  std::vector<NeighbourWord> not_before;  // nor right before these
  int32_t from = 0;   // yyyymmdd: the name holds from this day on; 0 = always did
  int32_t until = 0;  // yyyymmdd: the name held until this day; 0 = still does

  bool empty() const { return not_after.empty() && not_before.empty() && from == 0 && until == 0; }
  // Adds the other rule's words; its dates where this one has none.
  void merge(const AliasRule& other);
};

// Named word lists a rule refers to as @name (the gazetteer's WORDS lines).
using WordLists = std::unordered_map<std::string, std::vector<NeighbourWord>>;

// Parses one word of a list: "bahasa" (any case), "Barat" (needs a capital), "@name"
// (a list from `lists`, or the built-in "@capitalised"), appending to `out`. Fails with
// kInvalidInput naming an unknown list.
Status parse_neighbour_word(std::string_view word, const WordLists& lists, std::vector<NeighbourWord>& out);

// Parses the text between an alias's braces: space-separated `key=value` with keys
// not_after=WORD,WORD  not_before=WORD,WORD  from=DATE  until=DATE. Fails with
// kInvalidInput naming the bad key, word list or date; the caller adds file and line.
Status parse_alias_rule(std::string_view text, const WordLists& lists, AliasRule* out);

// Splits "Name{rule}" into the name and the rule text (empty when there is none).
void split_alias(std::string_view alias, std::string_view* name, std::string_view* rule);

// "2021-10-28", "2021-10", "2021" and ISO timestamps ("2021-10-28T09:00:00Z") to
// yyyymmdd; a bare year or month is its first day, or its last with `end`. 0 when the
// text does not start with a date.
int32_t parse_date(std::string_view text, bool end = false);

// Whether a name covering tokens[i, i + n) may stand for its entity in an article
// published on `date` (yyyymmdd, 0 = unknown: dates are not checked). A neighbour
// counts only when white space separates it from the name ("Rusia-Barat" is no
// "Rusia Barat"); the word after must lie before `end`. O(words in the rule).
bool rule_allows(const AliasRule& rule, const std::vector<Token>& tokens, size_t i, size_t n, size_t end,
                 int32_t date);

}  // namespace newsgraph::ingest
