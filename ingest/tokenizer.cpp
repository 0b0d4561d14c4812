#include "ingest/tokenizer.h"

#include <algorithm>

#include "core/utf8.h"

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
// of the key ("U.S." -> "us") and makes it no number.
void finish_ascii_word(std::string_view text, Token& t, uint8_t classes, bool mark) {
  t.key.append(text.data() + t.start, t.end - t.start);  // the key is empty: a fresh token
  if (classes & kUpper) {
    for (char& c : t.key) c = static_cast<char>(c | (static_cast<unsigned char>(c - 'A') < 26 ? 0x20 : 0));
  }
  if (mark) t.key.erase(std::remove_if(t.key.begin(), t.key.end(), [](char c) { return c == '.' || c == '\''; }), t.key.end());
  const bool any_letter = classes & (kLower | kUpper);
  t.kind = !any_letter && !mark ? TokenKind::kNumber : TokenKind::kWord;
  t.upper_initial = kAscii.of[static_cast<unsigned char>(text[t.start])] == kUpper;
  t.all_upper = (classes & kUpper) && !(classes & kLower);
}

// The key and case flags of any word finish_ascii_word could not take (one with other letters).
void finish_word(std::string_view text, Token& t) {
  bool any_letter = false, any_lower = false, any_upper = false, first_upper = false;
  bool first = true, digits_only = true;
  t.key.clear();
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
    utf8::append(t.key, utf8::fold_accent(utf8::to_lower(cp)));
  }
  t.kind = digits_only ? TokenKind::kNumber : TokenKind::kWord;
  t.upper_initial = first_upper;
  t.all_upper = any_letter && any_upper && !any_lower;
}

}  // namespace

std::vector<Token> tokenize(std::string_view text, uint32_t begin, uint32_t end) {
  std::vector<Token> tokens;
  tokens.reserve((end - begin) / 5 + 4);
  tokenize(text, begin, end, tokens);
  return tokens;
}

void tokenize(std::string_view text, uint32_t begin, uint32_t end, std::vector<Token>& tokens) {
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
        finish_ascii_word(text, t, classes, mark);
      } else {
        finish_word(text, t);
      }
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
    if (cp < 0x80) {  // of ASCII, only '-' is a dash and only '"' and '\'' are quotes
      t.key.push_back(cp == '\'' ? '"' : static_cast<char>(cp));  // the key is empty: a fresh token
    } else if (utf8::is_dash(cp)) {
      t.key = "-";
    } else if (utf8::is_quote(cp)) {
      t.key = "\"";
    } else if (cp == 0x2026) {
      t.key = ".";
    } else {
      utf8::append(t.key, cp);
    }
    tokens.push_back(std::move(t));
    space_before = false;
    hyphen_pending = false;
    i += len;
  }
}

}  // namespace newsgraph::ingest
