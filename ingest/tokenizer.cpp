#include "ingest/tokenizer.h"

#include <algorithm>

#include "core/utf8.h"
#include "ingest/word_facts.h"

namespace newsgraph::ingest {
namespace {

inline bool is_space_char(char32_t cp) { return cp < 0x80 ? cp == ' ' || (cp >= '\t' && cp <= '\r') : utf8::is_space(cp); }

bool is_joining_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

char32_t peek(std::string_view text, size_t pos, size_t end) {
  if (pos >= end) return 0;
  char32_t cp;
  utf8::decode(text, pos, cp);
  return cp;
}

// What an ASCII byte is inside a word: a lowercase letter, an uppercase letter, a digit,
// or nothing (0). One table lookup a byte, in the loop that reads most of the text.
enum : uint8_t { kLower = 1, kUpper = 2, kDigit = 4 };
struct AsciiClasses {
  uint8_t of[256] = {};
  constexpr AsciiClasses() {
    for (int c = 'a'; c <= 'z'; ++c) of[c] = kLower;
    for (int c = 'A'; c <= 'Z'; ++c) of[c] = kUpper;
    for (int c = '0'; c <= '9'; ++c) of[c] = kDigit;
  }
};
constexpr AsciiClasses kAscii;

inline bool is_word_char(char32_t cp) {
  if (cp < 0x80) return kAscii.of[cp] != 0;
  return utf8::is_letter(cp) || utf8::is_digit(cp);
}

// The key and case flags of an all-ASCII word (most of them), whose byte classes were
// gathered while finding its end. `mark`: it holds a dot or apostrophe, which stays out
// of the key ("U.S." -> "us") and makes it no number. A key with nothing to lowercase or
// leave out is the text itself.
void finish_ascii_word(std::string_view text, Token& t, uint8_t classes, bool mark, TokenKeys& keys) {
  const char* from = text.data() + t.start;
  const size_t size = t.end - t.start;
  if (!(classes & kUpper) && !mark) {
    t.key = std::string_view(from, size);
  } else {
    char* to = keys.room(size);
    size_t used = 0;
    for (size_t k = 0; k < size; ++k) {
      const char c = from[k];
      if (mark && (c == '.' || c == '\'')) continue;
      to[used++] = static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
    }
    t.key = keys.keep(used);
  }
  const bool any_letter = classes & (kLower | kUpper);
  t.kind = !any_letter && !mark ? TokenKind::kNumber : TokenKind::kWord;
  t.upper_initial = kAscii.of[static_cast<unsigned char>(text[t.start])] == kUpper;
  t.all_upper = (classes & kUpper) && !(classes & kLower);
}

// The key and case flags of any word finish_ascii_word could not take (one with other letters).
void finish_word(std::string_view text, Token& t, TokenKeys& keys) {
  bool any_letter = false, any_lower = false, any_upper = false, first_upper = false;
  bool first = true, digits_only = true;
  thread_local std::string key;
  key.clear();
  for (size_t i = t.start; i < t.end;) {
    char32_t cp;
    i += utf8::decode(text, i, cp);
    if (utf8::is_letter(cp)) {
      any_letter = true;
      digits_only = false;
      if (utf8::is_lower(cp)) any_lower = true;
      if (utf8::is_upper(cp)) {
        any_upper = true;
        if (first) first_upper = true;
      }
    } else if (!utf8::is_digit(cp)) {
      digits_only = false;
    }
    first = false;
    if (cp == '.' || cp == '\'' || cp == 0x2019) continue;  // "U.S." -> "us", "Qur'an" -> "quran"
    utf8::append(key, utf8::fold_accent(utf8::to_lower(cp)));
  }
  t.key = keys.keep(key);
  t.kind = digits_only ? TokenKind::kNumber : TokenKind::kWord;
  t.upper_initial = first_upper;
  t.all_upper = any_letter && any_upper && !any_lower;
}

// The key of a punctuation token: ASCII marks are themselves (but '\'' is a quote), dashes
// "-", quotes "\"", an ellipsis ".", anything else its own character.
std::string_view punct_key(std::string_view text, size_t at, size_t len, char32_t cp) {
  if (cp == '\'') return "\"";
  if (cp < 0x80) return text.substr(at, 1);
  if (utf8::is_dash(cp)) return "-";
  if (utf8::is_quote(cp)) return "\"";
  if (cp == 0x2026) return ".";
  if (cp == 0xFFFD) return "\xEF\xBF\xBD";  // as decoded: also for a byte that is no UTF-8
  return text.substr(at, len);
}

}  // namespace

void TokenKeys::new_block(size_t at_least) {
  const size_t size = std::max<size_t>(at_least, blocks_.empty() ? first_block_size_ : 4096);
  blocks_.push_back(std::unique_ptr<char[]>(new char[size]));  // left uninitialised: written before read
  next_ = blocks_.back().get();
  left_ = size;
  if (blocks_.size() == 1) first_block_size_ = size;
}

void TokenKeys::clear() {
  if (blocks_.empty()) return;
  blocks_.resize(1);
  next_ = blocks_.front().get();
  left_ = first_block_size_;
}

TokenList tokenize(std::string_view text, uint32_t begin, uint32_t end) {
  const std::string_view range = text.substr(begin, end - begin);
  TokenList list(2 * range.size() + 16);  // room for the copy and for most keys
  const std::string_view copy = list.keys.keep(range);
  list.tokens.reserve((end - begin) / 5 + 4);
  tokenize(copy, 0, static_cast<uint32_t>(copy.size()), list.tokens, list.keys);
  for (Token& t : list.tokens) {
    t.start += begin;
    t.end += begin;
  }
  return list;
}

void tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>& tokens, TokenKeys& keys) {
  const WordFactTable& facts = WordFactTable::instance();
  const size_t first_token = tokens.size();
  bool space_before = true;
  bool hyphen_pending = false;
  size_t i = begin;
  while (i < end) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b == ' ' || b == '\t' || b == '\r') {
      space_before = true;
      hyphen_pending = false;
      ++i;
      continue;
    }
    char32_t cp;
    size_t len = b < 0x80 ? (cp = b, 1) : utf8::decode(text, i, cp);
    if (is_space_char(cp)) {
      space_before = true;
      hyphen_pending = false;
      i += len;
      continue;
    }
    if (is_word_char(cp)) {
      Token& t = tokens.emplace_back();
      t.start = static_cast<uint32_t>(i);
      t.space_before = space_before;
      t.hyphen_before = hyphen_pending;
      // The pass that finds the word's end gathers the classes of its bytes; an all-ASCII
      // word (most of them) then has its key copied and lowercased in one go, and any
      // other word is read again by finish_word.
      uint8_t classes = 0;
      bool only_ascii = true, mark = false;
      size_t j = i;
      while (j < end) {
        const auto c0 = static_cast<unsigned char>(text[j]);
        if (const uint8_t cls = kAscii.of[c0]) {
          classes |= cls;
          ++j;
          continue;
        }
        char32_t c;
        size_t l = c0 < 0x80 ? (c = c0, 1) : utf8::decode(text, j, c);
        if (c0 >= 0x80 && is_word_char(c)) {
          only_ascii = false;
          j += l;
          continue;
        }
        // Keep "U.S", "co.id", "1.000" and "Qur'an" whole: a dot or apostrophe inside a word.
        if ((c == '.' || c == '\'' || c == 0x2019) && is_word_char(peek(text, j + l, end))) {
          only_ascii = only_ascii && c0 < 0x80;
          mark = true;
          j += l;
          continue;
        }
        break;
      }
      t.end = static_cast<uint32_t>(j);
      if (only_ascii) {
        finish_ascii_word(text, t, classes, mark, keys);
      } else {
        finish_word(text, t, keys);
      }
      t.facts = facts.of(t.key);
      space_before = false;
      hyphen_pending = false;
      i = j;
      continue;
    }
    if (is_joining_hyphen(cp) && !space_before && tokens.size() > first_token && tokens.back().kind != TokenKind::kPunct &&
        is_word_char(peek(text, i + len, end))) {
      hyphen_pending = true;
      i += len;
      continue;
    }
    Token t;
    t.start = static_cast<uint32_t>(i);
    t.end = static_cast<uint32_t>(i + len);
    t.kind = TokenKind::kPunct;
    t.space_before = space_before;
    t.key = punct_key(text, i, len, cp);
    t.facts = facts.of(t.key);
    tokens.push_back(t);
    space_before = false;
    hyphen_pending = false;
    i += len;
  }
}

}  // namespace newsgraph::ingest
