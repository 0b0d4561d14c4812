// Sentence splitter: cuts a line's tokens into sentences at . ! ? (and the closing
// quotes that follow them), but not after Indonesian and English abbreviations
// (Dr., Prof., H., Jl., dll., U.S.), initials (M. Hendra) or inside numbers.
// Stateless and thread-safe.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

#include "ingest/tokenizer.h"

namespace newsgraph::ingest {

// Half-open token index ranges [first, last) of the sentences in tokens[begin, end)
// (all of them by default), in order, covering every token. O(tokens).
std::vector<std::pair<size_t, size_t>> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                                       size_t begin = 0, size_t end = SIZE_MAX);

}  // namespace newsgraph::ingest
