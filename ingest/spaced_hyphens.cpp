#include "ingest/spaced_hyphens.h"

#include <algorithm>

#include "ingest/lexicon.h"

namespace newsgraph::ingest {
namespace {

// Short English words that, after a spaced hyphen, are a word's part ("Jae - in",
// "Mar - a - Lago", "add - on") though they are function words elsewhere.
bool is_short_english_part(std::string_view key) {
  return key == "in" || key == "a" || key == "an" || key == "on" || key == "to" || key == "of" ||
         key == "up";
}

// Indonesian words that open a clause or a phrase after a dash used as punctuation.
bool opens_clause(const Token& t) {
  return lexicon::is_function_word(t) && !is_short_english_part(t.key);
}

bool is_plain_dash(const Token& t) {
  return t.kind == TokenKind::kPunct && t.end - t.start == 1 && t.word() == "-";
}

// "Bangsa - bangsa", "anak - anaknya", "Undang - Undang": the right word repeats the left.
bool repeats(const Token& left, const Token& right) {
  return left.key.size() >= 2 && right.key.compare(0, left.key.size(), left.key) == 0;
}

// Whether a gazetteer name runs across the dash at tokens[dash]: the words around it
// are copied with the dash left out and the right word joined, and each start up to
// three words back is tried.
bool gazetteer_joins(const std::vector<Token>& tokens, size_t begin, size_t dash,
                     const Gazetteer& g) {
  const size_t from = dash >= begin + 3 ? dash - 3 : begin;
  const size_t to = std::min(tokens.size(), dash + 4);
  std::vector<Token> window;
  window.reserve(to - from);
  for (size_t k = from; k < to; ++k) {
    if (k == dash) continue;
    window.push_back(tokens[k]);
    if (k == dash + 1) window.back().hyphen_before = true;
  }
  const size_t right = dash - from;  // the right word's index in the window
  for (size_t s = 0; s < right; ++s) {
    if (!window[s].is_word()) continue;
    auto m = g.longest_match(window, s, window.size());
    if (m && s + m->tokens > right) return true;
  }
  return false;
}

bool joins(const std::vector<Token>& tokens, size_t begin, size_t dash, const Gazetteer& g) {
  const Token& d = tokens[dash];
  if (dash == begin || dash + 1 >= tokens.size() || !is_plain_dash(d)) return false;
  const Token& left = tokens[dash - 1];
  const Token& right = tokens[dash + 1];
  if (!left.is_word() || !right.is_word() || !d.space_before || !right.space_before) return false;
  if (repeats(left, right)) return true;
  const bool right_lower = !right.upper_initial && !right.all_upper;
  const bool left_lower = !left.upper_initial && !left.all_upper;
  if (right_lower) return !opens_clause(right);
  if (left_lower) return !opens_clause(left);
  return gazetteer_joins(tokens, begin, dash, g);
}

// Whether " - " occurs in the line: hyphens are rare, so look for them (memchr) and
// then at their neighbours, rather than for the frequent space.
bool has_spaced_hyphen(std::string_view line) {
  for (size_t p = line.find('-', 1); p != std::string_view::npos && p + 1 < line.size();
       p = line.find('-', p + 1)) {
    if (line[p - 1] == ' ' && line[p + 1] == ' ') return true;
  }
  return false;
}

}  // namespace

void join_spaced_hyphens(std::string_view text, std::vector<Token>& tokens, size_t begin,
                         const Gazetteer& gazetteer) {
  if (begin >= tokens.size()) return;
  if (!has_spaced_hyphen(text.substr(tokens[begin].start, tokens.back().end - tokens[begin].start)))
    return;
  // Decide first, on the tokens as they are, then compact: most lines have no dash.
  size_t first_join = tokens.size();
  for (size_t i = begin; i < tokens.size(); ++i) {
    if (tokens[i].kind != TokenKind::kPunct || !joins(tokens, begin, i, gazetteer)) continue;
    if (first_join == tokens.size()) first_join = i;
    tokens[i].key = {};  // marks the dash for removal; no later test reads it
    tokens[i + 1].hyphen_before = true;
    tokens[i + 1].space_before = false;
  }
  if (first_join == tokens.size()) return;
  size_t out = first_join;
  for (size_t i = first_join; i < tokens.size(); ++i) {
    if (tokens[i].kind == TokenKind::kPunct && tokens[i].key.empty()) continue;
    if (out != i) tokens[out] = std::move(tokens[i]);
    ++out;
  }
  tokens.resize(out);
}

}  // namespace newsgraph::ingest
