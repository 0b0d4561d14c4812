// Clause bounds from tokens alone: where a verb's object may stand, where a passive's
// agent may, and which clauses open a sentence with a verb.
#include "ingest/clause_bounds.h"

#include <catch2/catch.hpp>
#include <string>

using namespace newsgraph;
using namespace newsgraph::ingest;

namespace {

TokenList tokens_of(const std::string& text) {
  return tokenize(text, 0, static_cast<uint32_t>(text.size()));
}

// The index of the first token whose key is `word`.
uint32_t at(const std::vector<Token>& tokens, std::string_view word) {
  for (uint32_t i = 0; i < tokens.size(); ++i)
    if (tokens[i].word() == word) return i;
  FAIL("no token " << word);
  return 0;
}

}  // namespace

TEST_CASE("a verb's clause ends at a coordinator before another verb, not before a noun", "[clause]") {
  auto t = tokens_of("Jepang menerima undangan itu dan menegaskan persahabatan dengan Rusia");
  CHECK(clause_ends_between(t, Predicate::kAccept, at(t, "menerima"), at(t, "rusia")));
  auto u = tokens_of("Jepang menerima undangan Korea dan Rusia");
  CHECK_FALSE(clause_ends_between(u, Predicate::kAccept, at(u, "menerima"), at(u, "rusia")));
  auto menteri = tokens_of("Jepang mengecam Iran dan menteri Rusia");  // "menteri" is a noun
  CHECK_FALSE(clause_ends_between(menteri, Predicate::kAccuse, at(menteri, "mengecam"), at(menteri, "rusia")));
}

TEST_CASE("'bahwa' ends what is said or admitted, not a warning, and a comma after the verb ends it", "[clause]") {
  auto t = tokens_of("India mengatakan bahwa Brasil siap");
  CHECK(clause_ends_between(t, Predicate::kCommunicate, at(t, "mengatakan"), at(t, "brasil")));
  CHECK(clause_ends_between(t, Predicate::kRecognize, at(t, "mengatakan"), at(t, "brasil")));
  CHECK_FALSE(clause_ends_between(t, Predicate::kThreaten, at(t, "mengatakan"), at(t, "brasil")));
  auto comma = tokens_of("Jerman mengakui, Prancis benar");
  CHECK(clause_ends_between(comma, Predicate::kRecognize, at(comma, "mengakui"), at(comma, "prancis")));
}

TEST_CASE("a passive's agent stands before the next comma", "[clause]") {
  auto t = tokens_of("Iran dituduh menyerang Irak, meskipun dijatuhi sanksi oleh PBB");
  const auto end = static_cast<uint32_t>(t.size());
  CHECK(agent_phrase_end(t, at(t, "dituduh"), end) == at(t, ","));
  CHECK(agent_phrase_end(t, at(t, "dijatuhi"), end) == end);
}

TEST_CASE("a fronted clause opens the sentence with a verb and holds the cue before its comma", "[clause]") {
  auto t = tokens_of("\"Menyampaikan dukungan kepada Rusia, Korea Utara mengirim pesan");
  CHECK(opens_fronted_clause(t, 0, at(t, "dukungan")));
  CHECK_FALSE(opens_fronted_clause(t, 0, at(t, "pesan")));  // after the comma
  auto noun = tokens_of("Dukungan tersebut memudar, tetapi Kuba datang");
  CHECK_FALSE(opens_fronted_clause(noun, 0, at(noun, "dukungan") + 1));
}

TEST_CASE("a word follows directly or after a closing quote", "[clause]") {
  auto t = tokens_of("bergandengan tangan\" dengan Rusia");
  const auto end = static_cast<uint32_t>(t.size());
  CHECK(word_follows(t, at(t, "tangan") + 1, end, "dengan"));
  CHECK_FALSE(word_follows(t, at(t, "dengan") + 1, end, "dengan"));
}
