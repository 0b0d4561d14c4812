// Text normalisation shared by the gazetteer, the recogniser and the resolver:
// case- and accent-folded lookup keys, slugs for stable ids, and word shape tests.
// Pure functions, thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace newsgraph::text {

// Lowercase, accents folded, dashes and underscores to spaces, dots and apostrophes
// dropped, runs of space collapsed, trimmed: "Kim Jong-un" -> "kim jong un",
// "U.S." -> "us". O(n).
std::string fold_key(std::string_view s);
// The same into `out` (cleared first), so a caller folding many strings reuses one buffer.
void fold_key_into(std::string_view s, std::string& out);
// Whether fold_key leaves a character out of a key or makes it (part of) a space:
// punctuation, quotes, spaces, dashes.
bool folds_away(char32_t cp);

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
