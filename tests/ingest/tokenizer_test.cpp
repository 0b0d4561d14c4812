#include <catch2/catch.hpp>

#include "ingest/tokenizer.h"

using namespace newsgraph::ingest;

namespace {
TokenList tok(const std::string& s) { return tokenize(s, 0, static_cast<uint32_t>(s.size())); }
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
  TokenKeys keys;
  tokenize(text, 0, 16, all, keys);
  tokenize(text, 17, static_cast<uint32_t>(text.size()), all, keys);
  const TokenList first = tokenize(text, 0, 16), second = tokenize(text, 17, static_cast<uint32_t>(text.size()));
  REQUIRE(all.size() == first.size() + second.size());
  for (size_t i = 0; i < all.size(); ++i) {
    const Token& alone = i < first.size() ? first[i] : second[i - first.size()];
    CHECK(all[i].key == alone.key);
    CHECK(all[i].start == alone.start);
    CHECK(all[i].hyphen_before == alone.hyphen_before);
  }
  CHECK(all[first.size()].kind == TokenKind::kPunct);  // "-" opening line two stays a dash
}

TEST_CASE("ASCII words and words with other letters get the same key and case flags", "[tokenizer]") {
  auto ascii = tok("Jakarta JAKARTA jakarta 2024 U.S. Qur'an");
  auto mixed = tok("J\xC3\xA1karta J\xC3\x81KARTA j\xC3\xA1karta");
  REQUIRE(ascii.size() == 7);  // "U.S." is the word "U.S" and a full stop
  REQUIRE(mixed.size() == 3);
  for (int i = 0; i < 3; ++i) {
    CHECK(ascii[i].key == mixed[i].key);
    CHECK(ascii[i].upper_initial == mixed[i].upper_initial);
    CHECK(ascii[i].all_upper == mixed[i].all_upper);
  }
  CHECK(ascii[0].upper_initial);
  CHECK(ascii[1].all_upper);
  CHECK_FALSE(ascii[2].upper_initial);
  CHECK(ascii[3].kind == TokenKind::kNumber);
  CHECK(ascii[4].key == "us");
  CHECK(ascii[4].all_upper);
  CHECK(ascii[5].kind == TokenKind::kPunct);
  CHECK(ascii[6].key == "quran");
  auto punct = tok("a - b ' c \" d");
  REQUIRE(punct.size() == 7);
  CHECK(punct[1].key == "-");
  CHECK(punct[3].key == "\"");
  CHECK(punct[5].key == "\"");
}

TEST_CASE("a long all-ASCII word and a number with a dot get the keys any other word would", "[tokenizer]") {
  const std::string long_word(70, 'A');
  auto ascii = tok(long_word + " 1.000 2024 x1");
  auto mixed = tok(long_word + "\xC3\x81");  // the same letters and one more, not ASCII
  REQUIRE(ascii.size() == 4);
  CHECK(ascii[0].key == std::string(70, 'a'));
  CHECK(ascii[0].all_upper);
  CHECK(mixed[0].key.substr(0, 70) == ascii[0].key);
  CHECK(ascii[1].key == "1000");
  CHECK(ascii[1].kind == TokenKind::kWord);  // a mark inside makes it no bare number
  CHECK(ascii[2].kind == TokenKind::kNumber);
  CHECK(ascii[3].kind == TokenKind::kWord);
  CHECK_FALSE(ascii[3].upper_initial);
}

TEST_CASE("a token list keeps its keys when the text it was read from is gone", "[tokenizer]") {
  auto read = [](std::string text) { return tokenize(text, 6, static_cast<uint32_t>(text.size())); };
  const TokenList list = read("Kata: Menteri Luar Negeri \xC3\x89mile berkata");
  REQUIRE(list.size() == 5);
  CHECK(list[0].key == "menteri");
  CHECK(list[0].start == 6);  // offsets still count from the start of the text
  CHECK(list[3].key == "emile");
  CHECK(list[4].key == "berkata");
}

TEST_CASE("keys past a block of key storage stay whole, and the store is reusable after clear",
          "[tokenizer]") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "Kata" + std::to_string(i) + " ";
  text += std::string(9000, 'Q');
  std::vector<Token> tokens;
  TokenKeys keys;
  for (int round = 0; round < 2; ++round) {
    tokens.clear();
    keys.clear();
    tokenize(text, 0, static_cast<uint32_t>(text.size()), tokens, keys);
    REQUIRE(tokens.size() == 2001);
    CHECK(tokens[0].key == "kata0");
    CHECK(tokens[1999].key == "kata1999");
    CHECK(tokens[2000].key == std::string(9000, 'q'));
  }
}
