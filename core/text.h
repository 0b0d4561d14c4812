// Text normalisation shared by the gazetteer, the recogniser and the resolver:
// case- and accent-folded lookup keys, slugs for stable ids, and word shape tests.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/utf8.h"

namespace newsgraph::text {

namespace detail {
// What fold_key makes of each ASCII byte: kDrop, kSpace, or the byte lowercased.
inline constexpr char kDrop = 0, kSpace = 1;
struct AsciiFold {
  char to[128];
  constexpr AsciiFold() : to() {
    for (int b = 0; b < 128; ++b) {
      if (b == '.' || b == '\'' || b == ',' || b == '"' || b == '(' || b == ')') to[b] = kDrop;
      else if (b == ' ' || (b >= '\t' && b <= '\r') || b == '-' || b == '_') to[b] = kSpace;
      else to[b] = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
    }
  }
};
inline constexpr AsciiFold kAsciiFold;
// Which bytes of a folded key are letters or digits (text::is_alnum_byte).
struct AlnumByte {
  bool of[256];
  constexpr AlnumByte() : of() {
    for (int b = 0; b < 256; ++b) of[b] = (b >= 'a' && b <= 'z') || (b >= '0' && b <= '9') || b >= 0x80;
  }
};
inline constexpr AlnumByte kAlnumByte;
// The same for a character outside ASCII: left out (punctuation, quotes), a space
// (spaces, dashes), or else folded into `out` (cleared first).
enum class Folded { kDrop, kSpace, kKept };
Folded fold_char(char32_t cp, std::string& out);
}  // namespace detail

// `s` as fold_key reads it, in order: byte(c) for each byte of the key it makes, and
// gap() wherever it puts a space (runs of them, and at the ends, which it trims);
// characters it leaves out call neither. fold_key, slugify and the store's sentence
// hashes are this one walk with callbacks of their own. O(n).
template <class Byte, class Gap>
void for_each_folded_byte(std::string_view s, Byte&& byte, Gap&& gap) {
  std::string folded;  // one character outside ASCII, folded (short: no allocation)
  for (size_t i = 0; i < s.size();) {
    const auto b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      const char f = detail::kAsciiFold.to[b];
      if (f == detail::kSpace) gap();
      else if (f != detail::kDrop) byte(f);
      continue;
    }
    char32_t cp;
    i += utf8::decode(s, i, cp);
    switch (detail::fold_char(cp, folded)) {
      case detail::Folded::kDrop: break;
      case detail::Folded::kSpace: gap(); break;
      case detail::Folded::kKept:
        for (char c : folded) byte(c);
        break;
    }
  }
}

// Lowercase, accents folded, dashes and underscores to spaces, dots and apostrophes
// dropped, runs of space collapsed, trimmed: "Kim Jong-un" -> "kim jong un",
// "U.S." -> "us". O(n).
std::string fold_key(std::string_view s);
// The same into `out` (cleared first), so a caller folding many strings reuses one buffer.
void fold_key_into(std::string_view s, std::string& out);

// Whether a byte of a folded key is a letter or digit (a byte of a character outside
// ASCII counts as one): what slugs and sentence hashes keep.
inline bool is_alnum_byte(char c) { return detail::kAlnumByte.of[static_cast<unsigned char>(c)]; }

// A stable id: fold_key with every run of non-alphanumerics as one '_':
// "Aidan Foster-Carter" -> "aidan_foster_carter".
std::string slugify(std::string_view s);

// The words of `s` split at single spaces, empty ones skipped: views into `s`. O(n).
std::vector<std::string_view> split_words(std::string_view s);
// The same into `out` (cleared first), so a caller splitting many strings reuses one buffer.
void split_words_into(std::string_view s, std::vector<std::string_view>& out);

bool starts_upper(std::string_view word);  // first code point is an uppercase letter
bool is_all_upper(std::string_view word);  // has letters, and none is lowercase
bool has_digit(std::string_view word);

}  // namespace newsgraph::text
