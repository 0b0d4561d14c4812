// Spaced hyphens: detokenised news writes "Kim Jong - un", "Bangsa - bangsa",
// "al - Assad", "Mar - a - Lago" with spaces around a word's hyphen. This step turns such
// a dash back into a join (drops the dash token, sets hyphen_before on the right word)
// and leaves a dash between clauses ("Jakarta - Presiden ...") as punctuation.
// Stateless; the gazetteer is only read, so one may serve many threads.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/gazetteer.h"
#include "ingest/tokenizer.h"

namespace newsgraph::ingest {

// Joins the spaced hyphens among tokens[begin, end) (one line's tokens, the vector's
// tail) and erases their dash tokens. A " - " between two words joins when the right
// word repeats the left ("Bangsa - bangsa", "anak - anaknya"), when the right word is
// lowercase and no clause word ("Jae - in"), when the left word is a lowercase prefix or
// particle ("al - Assad", "e - KTP"), or when the gazetteer knows the joined name
// ("Go - Jek"). `text` is the article the tokens point into. Cost: one search of the
// line's text for " - "; only a line with one is read token by token, with a gazetteer
// look-up per dash between capitals.
void join_spaced_hyphens(std::string_view text, std::vector<Token>& tokens, size_t begin,
                         const Gazetteer& gazetteer);

}  // namespace newsgraph::ingest
