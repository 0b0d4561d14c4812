// Which spaced hyphens join the words around them ("Kim Jong - un") and which stay
// dashes between clauses ("Jakarta - Presiden ..."), and what the gazetteer then matches.
#include "ingest/spaced_hyphens.h"

#include <catch2/catch.hpp>

#include "tests/ingest/extraction_helpers.h"

using namespace newsgraph;
using namespace newsgraph::ingest;

namespace {

const Gazetteer& gazetteer() {
  static const Gazetteer g = Gazetteer::built_in();
  return g;
}

// The text's words after joining, a joined word written with a leading '-'.
std::string joined(const std::string& text) {
  TokenList list = tokenize(text, 0, static_cast<uint32_t>(text.size()));
  std::vector<Token>& tokens = list.tokens;
  join_spaced_hyphens(text, tokens, 0, gazetteer());
  std::string out;
  for (const Token& t : tokens) {
    if (!out.empty()) out += t.hyphen_before ? "" : " ";
    if (t.hyphen_before) out += "-";
    out += t.key;
  }
  return out;
}

}  // namespace

TEST_CASE("a spaced hyphen inside a word joins it; a dash between clauses stays a dash",
          "[hyphen]") {
  struct Case {
    const char* text;
    const char* words;
  };
  const Case cases[] = {
      // joined: a lowercase right part, a repeated word, a lowercase particle before a capital
      {"Moon Jae - in tiba", "moon jae-in tiba"},
      {"negara - negara itu", "negara-negara itu"},
      {"Bangsa - Bangsa", "bangsa-bangsa"},
      {"teman - temannya", "teman-temannya"},
      {"Bashar al - Assad", "bashar al-assad"},
      {"resor Mar - a - Lago", "resor mar-a-lago"},
      {"kartu e - KTP", "kartu e-ktp"},
      // kept apart: a capital after a capital with no known name, a clause word after the dash
      {"Jakarta - Presiden Joko", "jakarta - presiden joko"},
      {"Jerman - sejak lama", "jerman - sejak lama"},
      {"kata dia - yang kemudian", "kata dia - yang kemudian"},
      {"skor 2 - 1", "skor 2 - 1"},
      {"Anies-Sandi", "anies-sandi"},  // an unspaced hyphen is the tokenizer's join already
  };
  for (const Case& c : cases) {
    INFO(c.text);
    CHECK(joined(c.text) == c.words);
  }
}

TEST_CASE("a spaced hyphen between capitals joins when the gazetteer knows the joined name",
          "[hyphen]") {
  CHECK(joined("kader PDI - P itu") == "kader pdi-p itu");
  CHECK(joined("kader PDI - Jakarta") == "kader pdi - jakarta");
}

TEST_CASE("names written with spaced hyphens match their gazetteer entries whole", "[hyphen]") {
  auto x = testing::extract_text(
      "Judul\n\nPemimpin Korea Utara Kim Jong - un bertemu Presiden Korea Selatan Moon Jae - in di "
      "markas "
      "Perserikatan Bangsa - Bangsa.");
  CHECK(testing::find_entity(x, "Kim Jong Un"));
  CHECK(testing::find_entity(x, "Moon Jae-in"));
  CHECK(testing::find_entity(x, "United Nations"));
  CHECK_FALSE(testing::find_entity(x, "Kim Jong"));
  CHECK_FALSE(testing::find_entity(x, "Perserikatan Bangsa"));
}
