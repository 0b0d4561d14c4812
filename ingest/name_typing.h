// Name typing: the evidence that says what kind of thing a name no gazetteer knows
// names, read from the tokens around it (cue nouns, titles, verbs, definitions, the
// name's own head and ending), and the word shapes that are never names (numerals,
// codes, amounts). Stateless functions over one article's tokens; thread-safe.
#pragma once

#include <cstdint>
#include <optional>

#include "ingest/analysis.h"
#include "ingest/gazetteer.h"

namespace newsgraph::ingest {

// "II", "XI", "IV": a roman numeral written in capitals.
bool is_roman_numeral(const Token& t);
// "F68", "W510": letters and digits together, a model or a code.
bool is_code(const Token& t);
// Words that can open a capitalised run but are no names: function words, days and
// months, chrome, amounts ("Rp100").
bool is_not_name(const Token& t);

// The type a definition right after the name ending at `last` gives it: "X adalah
// sebuah kelompok pemberontak" (a body), "X, seorang peneliti" (a person), "X
// merupakan kota ..." (a place); none when no definition follows. O(1).
std::optional<EntityType> type_from_definition(const Analysis& a, const SentenceInfo& info,
                                               uint32_t last);

// Whether the one word at k, opening a sentence, is a name by the verb after it:
// "Perlman mengatakan", "Idrus juga yakin", "Tsvangirai, mantan ...". Common,
// possessive and verb-like words never are. O(1).
bool is_subject_of_verb(const Analysis& a, uint32_t k, uint32_t end);

// The type of the name tokens[first, last) from its head word, its ending and its
// context: cue nouns before it ("kelompok", "kota"), titles, kin words and reporting
// verbs near it, a patronymic inside it, a list of places after it. With no evidence
// it answers kPerson and sets *guessed. O(last - first + 8).
EntityType type_from_context(const Analysis& a, const Gazetteer& g, const SentenceInfo& info,
                             uint32_t first, uint32_t last, bool* guessed);

}  // namespace newsgraph::ingest
