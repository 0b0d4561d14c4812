#include "ingest/offices.h"

#include <algorithm>

#include "core/text.h"
#include "ingest/alias_rules.h"

namespace newsgraph::ingest {
namespace {

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}

std::string key_of(std::string_view kind, std::string_view body) {
  return std::string(kind) + "@" + std::string(body);
}

}  // namespace

std::optional<Term> parse_term(std::string_view s) {
  size_t dots = s.find("..");
  if (dots == std::string_view::npos) return std::nullopt;
  Term t{parse_date(s.substr(0, dots)), parse_date(s.substr(dots + 2), true)};
  if ((t.from == 0 && dots > 0) || (t.until == 0 && dots + 2 < s.size())) return std::nullopt;
  return t;
}

Status parse_post(std::string_view text, Post* out) {
  const auto bad = [&] {
    return Status::error(StatusCode::kInvalidInput,
                         "expected office=KIND@BODY:FROM..UNTIL,FROM.. (ISO dates), not '" + std::string(text) + "'");
  };
  const size_t at = text.find('@'), colon = text.find(':');
  if (at == std::string_view::npos || colon == std::string_view::npos || colon < at) return bad();
  out->kind = std::string(trim(text.substr(0, at)));
  out->body = std::string(trim(text.substr(at + 1, colon - at - 1)));
  out->terms.clear();
  if (out->kind.empty() || out->body.empty()) return bad();
  std::string_view terms = text.substr(colon + 1);
  size_t start = 0;
  while (start <= terms.size()) {
    size_t comma = terms.find(',', start);
    auto term = parse_term(trim(terms.substr(start, comma == std::string_view::npos ? comma : comma - start)));
    if (!term) return bad();
    out->terms.push_back(*term);
    if (comma == std::string_view::npos) break;
    start = comma + 1;
  }
  return Status::ok();
}

void Offices::add_kind(std::string_view kind, std::string_view titles) {
  size_t start = 0;
  while (start <= titles.size()) {
    size_t semi = titles.find(';', start);
    std::string_view title = trim(titles.substr(start, semi == std::string_view::npos ? semi : semi - start));
    const std::string folded = text::fold_key(title);  // split_words views into it
    std::vector<std::string> words;
    for (std::string_view w : text::split_words(folded)) words.emplace_back(w);
    if (!words.empty()) {
      last_words_.insert(words.back());
      titles_.push_back(Title{std::move(words), std::string(trim(kind))});
    }
    if (semi == std::string_view::npos) break;
    start = semi + 1;
  }
  // Longest titles first: "wakil menteri luar negeri" before "menteri luar negeri".
  std::stable_sort(titles_.begin(), titles_.end(),
                   [](const Title& a, const Title& b) { return a.words.size() > b.words.size(); });
}

bool Offices::knows_kind(std::string_view kind) const {
  return std::any_of(titles_.begin(), titles_.end(), [&](const Title& t) { return t.kind == kind; });
}

bool Offices::lists(std::string_view kind, std::string_view body) const {
  return holders_.count(key_of(kind, body)) > 0;
}

Status Offices::add_holder(const Post& post, uint32_t entry) {
  if (!knows_kind(post.kind)) return Status::error(StatusCode::kInvalidInput, "unknown office '" + post.kind + "' (add an OFFICE line)");
  holders_[key_of(post.kind, post.body)].push_back(Holding{entry, post.terms});
  return Status::ok();
}

std::optional<Offices::Titled> Offices::title_before(const std::vector<Token>& tokens, uint32_t floor,
                                                     uint32_t end) const {
  if (end <= floor || !last_words_.count(std::string(tokens[end - 1].key))) return std::nullopt;
  for (const Title& t : titles_) {
    const uint32_t n = static_cast<uint32_t>(t.words.size());
    if (end < floor + n) continue;
    bool same = true;
    for (uint32_t k = 0; k < n && same; ++k) same = tokens[end - n + k].key == t.words[k];
    if (same) return Titled{t.kind, end - n};
  }
  return std::nullopt;
}

std::optional<uint32_t> Offices::holder(std::string_view kind, std::string_view body, int32_t date) const {
  auto it = holders_.find(key_of(kind, body));
  if (it == holders_.end()) return std::nullopt;
  std::optional<uint32_t> best;
  int32_t best_from = -1;
  for (const Holding& h : it->second) {
    for (const Term& t : h.terms) {
      const bool fits = date == 0 ? t.until == 0 : t.covers(date);
      if (fits && t.from >= best_from) best = h.entry, best_from = t.from;
    }
  }
  return best;
}

}  // namespace newsgraph::ingest
