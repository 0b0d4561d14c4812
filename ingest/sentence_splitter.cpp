#include "ingest/sentence_splitter.h"

#include <algorithm>
#include <string_view>
#include <unordered_set>

namespace newsgraph::ingest {
namespace {

bool is_abbreviation(std::string_view key) {
  static const std::unordered_set<std::string_view> kAbbreviations = {
      "dr", "drs", "dra", "prof", "ir", "h", "hj", "kh", "st", "no", "nomor", "jl", "jln",
      "kol", "letjen", "mayjen", "brigjen", "jend", "kapt", "sdr", "tn", "ny", "bpk", "dll",
      "dsb", "dst", "vs", "mr", "mrs", "ms", "jr", "sr", "inc", "ltd", "co", "gen", "lt",
      "col", "sgt", "rev", "kab", "kec", "prov", "tbk", "sh", "se", "mm", "mh", "msi", "phd",
      "ssos", "skom", "spd", "yth", "hlm", "tel", "telp", "no", "nos", "vol", "ed", "a.n", "u.p",
      "sept", "okt", "des", "jan", "feb", "agu", "ags", "apr", "jun", "jul", "nov", "mar",
      "etc", "approx", "ca", "pt", "pte", "cv", "ust", "m", "muh", "moh", "mohd", "abd",
  };
  return kAbbreviations.count(key) > 0;
}

bool is_closing(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.word() == "\"" || t.word() == ")" || t.word() == "]");
}

bool ends_sentence(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.word() == "." || t.word() == "!" || t.word() == "?");
}

}  // namespace

std::vector<std::pair<size_t, size_t>> split_sentences(std::string_view text, const std::vector<Token>& tokens,
                                                       size_t begin, size_t end_of_range) {
  std::vector<std::pair<size_t, size_t>> out;
  size_t first = begin;
  const size_t n = std::min(end_of_range, tokens.size());
  for (size_t i = begin; i < n; ++i) {
    if (!ends_sentence(tokens[i])) continue;
    if (tokens[i].word() == "." && i > begin && !tokens[i].space_before) {
      const Token& prev = tokens[i - 1];
      std::string_view surface = text.substr(prev.start, prev.end - prev.start);
      bool initial = prev.is_word() && prev.upper_initial && prev.key.size() == 1;
      bool dotted = surface.find('.') != std::string_view::npos;  // "U.S" + "."
      if (prev.is_word() && (is_abbreviation(prev.key) || initial || dotted)) continue;
    }
    size_t end = i + 1;
    while (end < n && (ends_sentence(tokens[end]) || is_closing(tokens[end]))) ++end;
    // The next sentence must start like one: a capital, a digit, a quote or a dash.
    if (end < n) {
      const Token& next = tokens[end];
      bool starts = next.upper_initial || next.kind == TokenKind::kNumber ||
                    (next.kind == TokenKind::kPunct && (next.word() == "\"" || next.word() == "-" || next.word() == "("));
      if (!starts) continue;
    }
    out.emplace_back(first, end);
    first = end;
    i = end - 1;
  }
  if (first < n) out.emplace_back(first, n);
  return out;
}

}  // namespace newsgraph::ingest
