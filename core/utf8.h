// UTF-8 decoding and the few character classes the tokenizer needs (letters, case,
// digits, dashes, quotes, spaces). Pure functions, thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace newsgraph::utf8 {

// Byte offset of the first byte that does not start a well-formed UTF-8 sequence
// (overlongs, surrogates and code points past U+10FFFF are ill-formed); nullopt when
// the whole of `text` is valid. O(n).
std::optional<size_t> first_invalid_byte(std::string_view text);

// Decodes the code point at `pos` (which must be valid UTF-8) and returns its length
// in bytes (1..4). On a malformed byte returns 1 and sets `cp` to U+FFFD.
size_t decode(std::string_view text, size_t pos, char32_t& cp);

void append(std::string& out, char32_t cp);

bool is_letter(char32_t cp);
bool is_upper(char32_t cp);
bool is_lower(char32_t cp);
bool is_digit(char32_t cp);
bool is_space(char32_t cp);         // includes NBSP and the Unicode spaces in U+2000..200B
bool is_dash(char32_t cp);          // hyphen-minus and U+2010..2015 (en, em dash, ...)
bool is_quote(char32_t cp);         // straight and curly quotes, guillemets
char32_t to_lower(char32_t cp);     // Latin scripts; identity elsewhere
char32_t fold_accent(char32_t cp);  // é -> e, ß stays; lowercase input expected

}  // namespace newsgraph::utf8
