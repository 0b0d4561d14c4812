// Cleaner: finds the article inside the page text. Splits the text into lines,
// drops page chrome (share buttons, reading time, comment forms, photo credits,
// "Sumber :" lines, bylines in brackets or after "Oleh", date lines), cuts the dateline off the
// first paragraph ("JAKARTA -", "Jakarta, CNN Indonesia --", "Jakarta (ANTARA) -",
// "Seoul | EGINDO.co –"), and flags title-case lines that may be
// headlines of other stories pasted mid-article (the pipeline drops those that share
// no name with the rest). Stateless and thread-safe.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsgraph::ingest {

enum class LineKind : uint8_t {
  kTitle,      // the article's own title (first non-empty line of a text file)
  kBody,       // article text
  kHeadline,   // title-case line without sentence punctuation: maybe a pasted link
  kChrome,     // page furniture, not part of the article
};

struct Line {
  uint32_t start = 0;  // byte range in the text, trimmed, dateline removed
  uint32_t end = 0;
  LineKind kind = LineKind::kBody;
};

struct CleanOptions {
  bool title_is_first_line = true;  // plain-text articles carry their title as line 1
};

// Classifies every non-empty line of `text`. O(n).
std::vector<Line> clean(std::string_view text, const CleanOptions& options);

}  // namespace newsgraph::ingest
