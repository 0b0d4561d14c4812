#include "ingest/alias_rules.h"

#include <cctype>

#include "core/text.h"

namespace newsgraph::ingest {
namespace {

bool has_capital(std::string_view word) { return !word.empty() && std::isupper(static_cast<unsigned char>(word[0])); }

bool word_matches(const NeighbourWord& w, const Token& t) {
  if (w.key.empty()) return t.upper_initial || t.all_upper;
  if (t.key != w.key) return false;
  return !w.capitalised || t.upper_initial || t.all_upper;
}

bool any_matches(const std::vector<NeighbourWord>& words, const Token& t) {
  for (const auto& w : words) {
    if (word_matches(w, t)) return true;
  }
  return false;
}

}  // namespace

void AliasRule::merge(const AliasRule& other) {
  not_after.insert(not_after.end(), other.not_after.begin(), other.not_after.end());
  not_before.insert(not_before.end(), other.not_before.begin(), other.not_before.end());
  if (from == 0) from = other.from;
  if (until == 0) until = other.until;
}

Status parse_neighbour_word(std::string_view word, const WordLists& lists, std::vector<NeighbourWord>& out) {
  if (word.empty()) return Status::ok();
  if (word.front() == '@') {
    std::string name(word.substr(1));
    if (name == "capitalised") {
      out.push_back(NeighbourWord{"", true});
      return Status::ok();
    }
    auto it = lists.find(name);
    if (it == lists.end()) return Status::error(StatusCode::kInvalidInput, "unknown word list '@" + name + "'");
    out.insert(out.end(), it->second.begin(), it->second.end());
    return Status::ok();
  }
  out.push_back(NeighbourWord{text::fold_key(word), has_capital(word)});
  return Status::ok();
}

Status parse_alias_rule(std::string_view text, const WordLists& lists, AliasRule* out) {
  AliasRule rule;
  size_t pos = 0;
  while (pos < text.size()) {
    size_t stop = text.find(' ', pos);
    if (stop == std::string_view::npos) stop = text.size();
    std::string_view item = text.substr(pos, stop - pos);
    pos = stop + 1;
    if (item.empty()) continue;
    size_t eq = item.find('=');
    std::string_view key = item.substr(0, eq);
    std::string_view value = eq == std::string_view::npos ? std::string_view() : item.substr(eq + 1);
    if (key == "not_after" || key == "not_before") {
      auto& words = key == "not_after" ? rule.not_after : rule.not_before;
      size_t start = 0;
      while (start <= value.size()) {
        size_t comma = value.find(',', start);
        if (comma == std::string_view::npos) comma = value.size();
        Status st = parse_neighbour_word(value.substr(start, comma - start), lists, words);
        if (!st.is_ok()) return st;
        start = comma + 1;
      }
    } else if (key == "from" || key == "until") {
      int32_t date = parse_date(value, key == "until");
      if (date == 0) return Status::error(StatusCode::kInvalidInput, "'" + std::string(item) + "' is no date");
      (key == "from" ? rule.from : rule.until) = date;
    } else {
      return Status::error(StatusCode::kInvalidInput, "unknown alias rule '" + std::string(key) + "'");
    }
  }
  *out = std::move(rule);
  return Status::ok();
}

void split_alias(std::string_view alias, std::string_view* name, std::string_view* rule) {
  size_t open = alias.find('{');
  if (open == std::string_view::npos || alias.back() != '}') {
    *name = alias;
    *rule = {};
    return;
  }
  *name = alias.substr(0, open);
  while (!name->empty() && name->back() == ' ') name->remove_suffix(1);
  *rule = alias.substr(open + 1, alias.size() - open - 2);
}

int32_t parse_date(std::string_view text, bool end) {
  auto number = [&](size_t at, size_t len) -> int {
    if (text.size() < at + len) return -1;
    int v = 0;
    for (size_t k = at; k < at + len; ++k) {
      if (!std::isdigit(static_cast<unsigned char>(text[k]))) return -1;
      v = v * 10 + (text[k] - '0');
    }
    return v;
  };
  int year = number(0, 4);
  if (year <= 0) return 0;
  int month = text.size() >= 7 && text[4] == '-' ? number(5, 2) : -1;
  int day = month > 0 && text.size() >= 10 && text[7] == '-' ? number(8, 2) : -1;
  if (month < 1 || month > 12) month = end ? 12 : 1, day = -1;
  if (day < 1 || day > 31) day = end ? 31 : 1;
  return year * 10000 + month * 100 + day;
}

bool rule_allows(const AliasRule& rule, const std::vector<Token>& tokens, size_t i, size_t n, size_t end,
                 int32_t date) {
  if (date != 0) {
    if (rule.from != 0 && date < rule.from) return false;
    if (rule.until != 0 && date > rule.until) return false;
  }
  // A word must stand apart from the name; a mark listed in a rule must touch it
  // ("US$": a currency, not the country).
  if (!rule.not_after.empty() && i > 0) {
    const Token& before = tokens[i - 1];
    const bool apart = before.is_word() == tokens[i].space_before;
    if (apart && any_matches(rule.not_after, before)) return false;
  }
  if (!rule.not_before.empty() && i + n < end) {
    const Token& after = tokens[i + n];
    const bool apart = after.is_word() == after.space_before;
    if (apart && any_matches(rule.not_before, after)) return false;
  }
  return true;
}

}  // namespace newsgraph::ingest
