#include "ingest/clause_bounds.h"

#include "ingest/lexicon.h"

namespace newsgraph::ingest {

bool word_follows(const std::vector<Token>& tokens, uint32_t t, uint32_t end, std::string_view word) {
  if (t < end && tokens[t].word() == "\"") ++t;
  return t < end && tokens[t].word() == word;
}

bool clause_ends_between(const std::vector<Token>& tokens, Predicate p, uint32_t i, uint32_t j) {
  for (uint32_t t = i + 1; t < j; ++t) {
    const std::string_view w = tokens[t].word();
    if (w == ";" || (w == "bahwa" && (p == Predicate::kCommunicate || p == Predicate::kRecognize))) return true;
    if (t == i + 1 && (w == "," || w == ":")) return true;  // "mengakui, klub itu ...": no object
    const bool coordinator = w == "dan" || w == "serta" || w == "lalu" || w == "kemudian" || w == "tetapi" ||
                             w == "namun" || w == "sedangkan";
    if (coordinator && t + 1 < j && !tokens[t + 1].upper_initial && lexicon::looks_like_verb(tokens[t + 1].word()))
      return true;
  }
  return false;
}

uint32_t agent_phrase_end(const std::vector<Token>& tokens, uint32_t i, uint32_t sentence_end) {
  for (uint32_t t = i + 1; t < sentence_end; ++t)
    if (tokens[t].word() == "," || tokens[t].word() == ";") return t;
  return sentence_end;
}

bool opens_fronted_clause(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t i) {
  uint32_t first = sentence_first;
  while (first < i && !tokens[first].is_word()) ++first;  // opening quotes
  if (first >= i || !lexicon::looks_like_verb(tokens[first].word())) return false;
  for (uint32_t t = first; t < i; ++t)
    if (tokens[t].word() == ",") return false;
  return true;
}

}  // namespace newsgraph::ingest
