// Tokenizer: splits a range of an article's text into word, number and punctuation
// tokens with byte offsets. Hyphens inside words are split off and remembered
// (Foster-Carter, Kim Jong-un, negara-negara), so later stages decide what a hyphen
// joins. Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <cstring>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::ingest {

enum class TokenKind : uint8_t { kWord, kNumber, kPunct };

// Where the keys of tokens that differ from their text are kept ("Rusia" -> "rusia",
// "Perancis" -> "perancis"): blocks that never move, so a key stays valid while the
// TokenKeys lives. A key equal to its text ("rusia") points into the text instead.
// Not thread-safe; keep one per token list (Analysis has one).
class TokenKeys {
 public:
  // `first_block`: the bytes of the first block, taken when the first key comes (later
  // blocks take 4 KB, or a key's size when larger).
  explicit TokenKeys(size_t first_block = 4096) : first_block_size_(first_block) {}

  // Room for `size` bytes that stay put; fill them, then call keep(size) with the bytes
  // used (no more than asked for).
  char* room(size_t size) {
    if (size > left_) new_block(size);
    return next_;
  }
  std::string_view keep(size_t used) {
    std::string_view kept(next_, used);
    next_ += used;
    left_ -= used;
    return kept;
  }
  std::string_view keep(std::string_view key) {
    char* to = room(key.size());
    if (!key.empty()) std::memcpy(to, key.data(), key.size());
    return keep(key.size());
  }
  // Forgets every key, keeping the first block for the next list.
  void clear();

 private:
  void new_block(size_t at_least);
  std::vector<std::unique_ptr<char[]>> blocks_;
  char* next_ = nullptr;
  size_t left_ = 0;
  size_t first_block_size_ = 0;
};

struct Token {
  uint32_t start = 0;  // byte offsets into the article text
  uint32_t end = 0;
  TokenKind kind = TokenKind::kWord;
  bool upper_initial = false;  // first letter uppercase ("Rusia", "AS")
  bool all_upper = false;      // no lowercase letter, at least one letter ("PBB")
  bool hyphen_before = false;  // joined to the previous token by a hyphen ("Jong-un")
  bool space_before = false;   // white space separates it from the previous token
  uint16_t facts = 0;          // WordFacts bits of `key` (ingest/word_facts.h)
  // Lowercase, accent-folded form for lookups: a view into the text or into the
  // TokenKeys the token was made with, valid while both live.
  std::string_view key;

  bool is_word() const { return kind == TokenKind::kWord; }
  std::string_view word() const { return key; }
  bool is_punct(char c) const { return kind == TokenKind::kPunct && key.size() == 1 && key[0] == c; }
};

// Tokenizes text[begin, end), appended to `out` (a whole article's lines into one
// vector); keys that differ from the text go into `keys`. Dashes: an ASCII hyphen or
// U+2010 between two word characters joins (hyphen_before on the right token); en and
// em dashes and spaced hyphens are punctuation tokens with key "-". Quotes of every kind
// have key "\"". The tokens refer to `text` and `keys`, which must outlive them.
// Cost: O(end - begin).
void tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>& out, TokenKeys& keys);

// A range of text as tokens that keep their own copy of it and their keys, so they
// outlive the text they were read from: for short lists (a name, a headline). Offsets
// still count from the start of the original text.
struct TokenList {
  explicit TokenList(size_t key_bytes = 4096) : keys(key_bytes) {}
  TokenKeys keys;
  std::vector<Token> tokens;

  size_t size() const { return tokens.size(); }
  bool empty() const { return tokens.empty(); }
  const Token& operator[](size_t i) const { return tokens[i]; }
  const Token& back() const { return tokens.back(); }
  std::vector<Token>::const_iterator begin() const { return tokens.begin(); }
  std::vector<Token>::const_iterator end() const { return tokens.end(); }
  // The tokens, for what takes a vector; never of a temporary list, whose keys die with it.
  operator const std::vector<Token>&() const& { return tokens; }
  operator const std::vector<Token>&() const&& = delete;
};
// text[begin, end) tokenized into a list of its own.
TokenList tokenize(std::string_view text, uint32_t begin, uint32_t end);

}  // namespace newsgraph::ingest
