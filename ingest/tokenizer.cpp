#include "ingest/tokenizer.h"

#include "core/utf8.h"

namespace newsgraph::ingest {
namespace {

// ASCII fast paths: most bytes of Indonesian and English news are ASCII.
inline bool is_ascii_letter(unsigned char b) { return static_cast<unsigned char>((b | 0x20) - 'a') < 26; }
inline bool is_ascii_digit(unsigned char b) { return static_cast<unsigned char>(b - '0') < 10; }

inline bool is_word_char(char32_t cp) {
  if (cp < 0x80) return is_ascii_letter(static_cast<unsigned char>(cp)) || is_ascii_digit(static_cast<unsigned char>(cp));
  return utf8::is_letter(cp) || utf8::is_digit(cp);
}
inline bool is_space_char(char32_t cp) { return cp < 0x80 ? cp == ' ' || (cp >= '\t' && cp <= '\r') : utf8::is_space(cp); }

bool is_joining_hyphen(char32_t cp) { return cp == '-' || cp == 0x2010 || cp == 0x2011; }

char32_t peek(std::string_view text, size_t pos, size_t end) {
  if (pos >= end) return 0;
  char32_t cp;
  utf8::decode(text, pos, cp);
  return cp;
}

// The key and case flags of a word being read, while it is all ASCII.
struct AsciiWord {
  char key[64];
  size_t size = 0;
  bool only_ascii = true, any_letter = false, any_lower = false, any_upper = false, digits_only = true;
  bool first_upper = false;

  void add(unsigned char b, bool first) {
    if (is_ascii_letter(b)) {
      any_letter = true;
      digits_only = false;
      if (b >= 'a') {
        any_lower = true;
      } else {
        any_upper = true;
        first_upper = first_upper || first;
      }
      b |= 0x20;
    }
    if (size < sizeof key) key[size] = static_cast<char>(b);
    ++size;
  }
  // Sets the token's key and flags; false when the word was not all ASCII or too long.
  bool finish(Token& t) const {
    if (!only_ascii || size > sizeof key) return false;
    t.key.append(key, size);  // the key is empty: a fresh token
    t.kind = digits_only ? TokenKind::kNumber : TokenKind::kWord;
    t.upper_initial = first_upper;
    t.all_upper = any_letter && any_upper && !any_lower;
    return true;
  }
};

// The key and case flags of any word AsciiWord could not take (one with other letters).
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
      // An all-ASCII word (most of them) gets its key and case flags in the same pass
      // that finds its end; any other word is read again by finish_word.
      AsciiWord ascii;
      size_t j = i;
      while (j < end) {
        const auto c0 = static_cast<unsigned char>(text[j]);
        if (is_ascii_letter(c0) || is_ascii_digit(c0)) {
          ascii.add(c0, j == i);
          ++j;
          continue;
        }
        char32_t c;
        size_t l = c0 < 0x80 ? (c = c0, 1) : utf8::decode(text, j, c);
        if (c0 >= 0x80 && is_word_char(c)) {
          ascii.only_ascii = false;
          j += l;
          continue;
        }
        // Keep "U.S", "co.id", "1.000" and "Qur'an" whole: a dot or apostrophe inside a word.
        if ((c == '.' || c == '\'' || c == 0x2019) && is_word_char(peek(text, j + l, end))) {
          ascii.only_ascii = ascii.only_ascii && c0 < 0x80;
          ascii.digits_only = false;  // the mark stays out of the key: "U.S." -> "us"
          j += l;
          continue;
        }
        break;
      }
      t.end = static_cast<uint32_t>(j);
      if (!ascii.finish(t)) finish_word(text, t);
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
