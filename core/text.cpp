#include "core/text.h"

#include <algorithm>

#include "core/utf8.h"

namespace newsgraph::text {

std::string fold_key(std::string_view s) {
  std::string out;
  fold_key_into(s, out);
  return out;
}

namespace {

using detail::kAsciiFold;
using detail::kDrop;
using detail::kSpace;

bool all_ascii(std::string_view s) {
  unsigned char any = 0;
  for (char c : s) any |= static_cast<unsigned char>(c);
  return any < 0x80;
}

}  // namespace

void fold_key_into(std::string_view s, std::string& out) {
  out.clear();
  if (all_ascii(s)) {  // most keys: one table lookup a byte, into a buffer copied once
    char buffer[256];
    if (s.size() > sizeof buffer) out.resize(s.size());
    char* const begin = s.size() > sizeof buffer ? out.data() : buffer;
    char* p = begin;
    bool pending_space = false;
    for (char c : s) {
      const char f = kAsciiFold.to[static_cast<unsigned char>(c)];
      if (f == kDrop) continue;
      if (f == kSpace) {
        pending_space = p != begin;
        continue;
      }
      if (pending_space) {
        *p++ = ' ';
        pending_space = false;
      }
      *p++ = f;
    }
    if (begin == buffer) out.assign(buffer, static_cast<size_t>(p - begin));
    else out.resize(static_cast<size_t>(p - begin));
    return;
  }
  out.reserve(s.size());
  bool pending_space = false;
  for_each_folded_byte(
      s,
      [&](char c) {
        if (pending_space) out.push_back(' ');
        pending_space = false;
        out.push_back(c);
      },
      [&] { pending_space = !out.empty(); });
}

namespace detail {

Folded fold_char(char32_t cp, std::string& out) {
  if (cp == '.' || cp == '\'' || cp == 0x2019 || cp == 0x2018 || cp == ',' || cp == '"' || cp == 0x201C ||
      cp == 0x201D || cp == '(' || cp == ')')
    return Folded::kDrop;
  if (utf8::is_space(cp) || utf8::is_dash(cp) || cp == '_') return Folded::kSpace;
  out.clear();
  utf8::append(out, utf8::fold_accent(utf8::to_lower(cp)));
  return Folded::kKept;
}

}  // namespace detail

// fold_key, then every run of what is no letter or digit as one '_' (none at the ends):
// in one pass, with no folded copy.
std::string slugify(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  auto separate = [&out] {
    if (!out.empty() && out.back() != '_') out.push_back('_');
  };
  for_each_folded_byte(
      s,
      [&](char c) {
        if (is_alnum_byte(c)) out.push_back(c);
        else separate();
      },
      separate);
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

bool starts_upper(std::string_view word) {
  if (word.empty()) return false;
  char32_t cp;
  utf8::decode(word, 0, cp);
  return utf8::is_upper(cp);
}

bool is_all_upper(std::string_view word) {
  bool letters = false;
  for (size_t i = 0; i < word.size();) {
    char32_t cp;
    i += utf8::decode(word, i, cp);
    if (utf8::is_lower(cp)) return false;
    if (utf8::is_upper(cp)) letters = true;
  }
  return letters;
}

bool has_digit(std::string_view word) {
  for (char c : word) {
    if (c >= '0' && c <= '9') return true;
  }
  return false;
}

std::vector<std::string_view> split_words(std::string_view s) {
  std::vector<std::string_view> out;
  out.reserve(std::count(s.begin(), s.end(), ' ') + 1);
  split_words_into(s, out);
  return out;
}

void split_words_into(std::string_view s, std::vector<std::string_view>& out) {
  out.clear();
  size_t start = 0;
  while (start <= s.size()) {
    size_t at = s.find(' ', start);
    if (at == std::string_view::npos) at = s.size();
    if (at > start) out.push_back(s.substr(start, at - start));
    start = at + 1;
  }
}

}  // namespace newsgraph::text
