#include <catch2/catch.hpp>

#include "ingest/tokenizer.h"

using namespace newsgraph::ingest;

namespace {
std::vector<Token> tok(const std::string& s) { return tokenize(s, 0, static_cast<uint32_t>(s.size())); }
}  // namespace

TEST_CASE("a hyphen inside a word joins its parts and is remembered", "[tokenizer]") {
  std::string s = "Foster-Carter dan negara-negara";
  auto t = tok(s);
  REQUIRE(t.size() == 5);
  CHECK(t[0].key == "foster");
  CHECK(t[1].key == "carter");
  CHECK(t[1].hyphen_before);
  CHECK(t[4].hyphen_before);
  CHECK(s.substr(t[1].start, t[1].end - t[1].start) == "Carter");
}

TEST_CASE("en and em dashes glued to words are punctuation, not joins", "[tokenizer]") {
  auto t = tok("Putin\xE2\x80\x94yang \xE2\x80\x93Pemimpin");
  REQUIRE(t.size() == 5);
  CHECK(t[1].key == "-");
  CHECK_FALSE(t[2].hyphen_before);
  CHECK(t[3].key == "-");
  CHECK(t[4].key == "pemimpin");
  CHECK(t[4].upper_initial);
}

TEST_CASE("curly quotes become one quote token and words keep byte offsets", "[tokenizer]") {
  std::string s = "\xE2\x80\x9CKeadilan\xE2\x80\x9D";
  auto t = tok(s);
  REQUIRE(t.size() == 3);
  CHECK(t[0].key == "\"");
  CHECK(t[1].start == 3);
  CHECK(t[1].end == 11);
}

TEST_CASE("abbreviations with inner dots stay one word", "[tokenizer]") {
  auto t = tok("U.S. dan Siap.Viva.co.id");
  CHECK(t[0].key == "us");
  CHECK(t[0].all_upper);
  CHECK(t[1].key == ".");
}

TEST_CASE("lines tokenized into one vector match lines tokenized alone, hyphens not joined across lines",
          "[tokenizer]") {
  const std::string text = "Kim Jong-un tiba\n-Pemimpin negara-negara itu";
  std::vector<Token> all;
  tokenize(text, 0, 16, all);
  tokenize(text, 17, static_cast<uint32_t>(text.size()), all);
  std::vector<Token> first = tokenize(text, 0, 16), second = tokenize(text, 17, static_cast<uint32_t>(text.size()));
  REQUIRE(all.size() == first.size() + second.size());
  for (size_t i = 0; i < all.size(); ++i) {
    const Token& alone = i < first.size() ? first[i] : second[i - first.size()];
    CHECK(all[i].key == alone.key);
    CHECK(all[i].start == alone.start);
    CHECK(all[i].hyphen_before == alone.hyphen_before);
  }
  CHECK(all[first.size()].kind == TokenKind::kPunct);  // "-" opening line two stays a dash
}
