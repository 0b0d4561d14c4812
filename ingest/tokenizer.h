// Tokenizer: splits a range of an article's text into word, number and punctuation
// tokens with byte offsets. Hyphens inside words are split off and remembered
// (Foster-Carter, Kim Jong-un, negara-negara), so later stages decide what a hyphen
// joins. Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::ingest {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

struct Token {
  uint32_t start = 0;  // byte offsets into the article text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool upper_initial = false;  // first letter uppercase ("Rusia", "AS")
  bool all_upper = false;      // no lowercase letter, at least one letter ("PBB")
  bool hyphen_before = false;  // joined to the previous token by a hyphen ("Jong-un")
  bool space_before = false;   // white space separates it from the previous token
  std::string key;             // lowercase, accent-folded form for lookups

  bool is_word() const { return kind == TokenKind::kWord; }
  // The key as a view: compared with a literal it checks the length first, which the
  // std::string comparison does not.
  std::string_view word() const { return key; }
  bool is_punct(char c) const { return kind == TokenKind::kPunct && key.size() == 1 && key[0] == c; }
};

// Tokenizes text[begin, end). Dashes: an ASCII hyphen or U+2010 between two word
// characters joins (hyphen_before on the right token); en and em dashes and spaced
// hyphens are punctuation tokens with key "-". Quotes of every kind have key "\"".
// Cost: O(end - begin).
std::vector<Token> tokenize(std::string_view text, uint32_t begin, uint32_t end);
// The same, appended to `out` (a whole article's lines into one vector, no copies).
void tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>& out);

}  // namespace newsgraph::ingest
