#include "ingest/gazetteer.h"

#include <algorithm>

#include "core/fnv.h"
#include "core/text.h"
#include "ingest/alias_rules.h"
#include "ingest/flat_index.h"
#include "ingest/gazetteer_builtin.h"
#include "ingest/word_filter.h"
#include "ingest/word_hash.h"

namespace newsgraph::ingest {
namespace {

enum class CaseRule : uint8_t { kAny, kInitialUpper, kAllUpper };

// A FlatIndex key for a pattern's first word (which must not be UINT64_MAX).
uint64_t first_key_hash(std::string_view key) { return fnv1a(key) & ~uint64_t{1}; }

struct PatternToken {
  std::string key;
  CaseRule rule;
};

struct Pattern {
  std::vector<PatternToken> tokens;
  uint32_t entry;
  bool metonym;
  uint32_t rule;  // index into Impl::rules; 0 is the empty rule
};

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> parts;
  size_t start = 0;
  while (true) {
    size_t pos = s.find(sep, start);
    parts.push_back(s.substr(start, pos == std::string_view::npos ? pos : pos - start));
    if (pos == std::string_view::npos) break;
    start = pos + 1;
  }
  return parts;
}


std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

}  // namespace

struct Gazetteer::Impl {
  std::vector<GazetteerEntry> entries;
  std::unordered_map<std::string, uint32_t> by_id;
  std::unordered_map<std::string, std::vector<uint32_t>> leaders_by_body;  // in listed order
  Offices offices;                                                           // OFFICE lines, office= posts
  std::vector<Pattern> patterns;
  std::vector<AliasRule> rules{AliasRule{}};
  WordLists word_lists;                 // WORDS lines, for rules' @name
  std::vector<AliasRule> type_defaults; // DEFAULT lines, by EntityType
  // Patterns by the fnv1a hash of their first key: an index into first_key_lists, whose
  // lists hold pattern indices, longest first. One probe of one array a lookup; a list
  // may hold patterns of two first keys that share a hash, which matching tells apart.
  FlatIndex by_first_key;
  std::vector<std::vector<uint32_t>> first_key_lists;
  WordFilter first_keys;            // in front of by_first_key
  WordFilter any_case_first_keys;   // the same, for patterns whose first word may be lowercase

  void add_pattern(std::string_view alias, uint32_t entry, bool metonym, uint32_t rule) {
    std::string text(alias);
    const TokenList toks = tokenize(text, 0, static_cast<uint32_t>(text.size()));
    if (toks.empty()) return;
    Pattern p{{}, entry, metonym, rule};
    for (const Token& t : toks) {
      CaseRule rule = CaseRule::kAny;
      if (t.all_upper && t.end - t.start >= 2) {
        rule = CaseRule::kAllUpper;
      } else if (t.upper_initial) {
        rule = CaseRule::kInitialUpper;
      }
      p.tokens.push_back({std::string(t.key), rule});
    }
    first_keys.add(p.tokens.front().key);
    if (p.tokens.front().rule == CaseRule::kAny) any_case_first_keys.add(p.tokens.front().key);
    const uint32_t list_index = by_first_key.insert(first_key_hash(p.tokens.front().key),
                                                    static_cast<uint32_t>(first_key_lists.size()));
    if (list_index == first_key_lists.size()) first_key_lists.emplace_back();
    auto& list = first_key_lists[list_index];
    for (uint32_t existing : list) {
      const Pattern& q = patterns[existing];
      if (q.entry == entry && q.rule == rule && q.tokens.size() == p.tokens.size() &&
          std::equal(q.tokens.begin(), q.tokens.end(), p.tokens.begin(),
                     [](const PatternToken& a, const PatternToken& b) {
                       return a.key == b.key && a.rule == b.rule;
                     }))
        return;
    }
    patterns.push_back(std::move(p));
    list.push_back(static_cast<uint32_t>(patterns.size() - 1));
    std::stable_sort(list.begin(), list.end(), [this](uint32_t a, uint32_t b) {
      return patterns[a].tokens.size() > patterns[b].tokens.size();
    });
  }

  // The rule for a name of an entity of `type` written "Name{rule}": its own words and
  // dates and its type's defaults. Sets `name` to the name alone.
  Status rule_for(std::string_view written, EntityType type, std::string* name, uint32_t* index) {
    std::string_view bare, text;
    split_alias(written, &bare, &text);
    *name = std::string(bare);
    AliasRule rule;
    if (!text.empty()) {
      Status st = parse_alias_rule(text, word_lists, &rule);
      if (!st.is_ok()) return Status::error(st.code(), "'" + std::string(written) + "': " + st.message());
    }
    size_t t = static_cast<size_t>(type);
    if (t < type_defaults.size()) rule.merge(type_defaults[t]);
    *index = 0;
    if (rule.empty()) return Status::ok();
    rules.push_back(std::move(rule));
    *index = static_cast<uint32_t>(rules.size() - 1);
    return Status::ok();
  }

  // Adds or extends an entry and indexes its names, which may carry rules in braces.
  // Fails with kInvalidInput on a rule it cannot read.
  Status add(GazetteerEntry e) {
    struct Name {
      std::string text;
      uint32_t rule;
      bool metonym;
    };
    for (const Post& post : e.posts) {  // checked first: a failed add changes nothing
      if (!offices.knows_kind(post.kind))
        return Status::error(StatusCode::kInvalidInput, "unknown office '" + post.kind + "' (add an OFFICE line)");
    }
    std::vector<Name> names;
    auto take = [&](std::string& written, bool metonym) {
      Name n{"", 0, metonym};
      Status st = rule_for(written, e.type, &n.text, &n.rule);
      if (!st.is_ok()) return st;
      written = n.text;
      names.push_back(std::move(n));
      return Status::ok();
    };
    if (Status st = take(e.label, false); !st.is_ok()) return st;
    for (auto& a : e.aliases) {
      if (Status st = take(a, false); !st.is_ok()) return st;
    }
    if (!e.home) {
      for (auto& c : e.capitals) {
        if (Status st = take(c, true); !st.is_ok()) return st;
      }
    }
    uint32_t index;
    auto it = by_id.find(e.id);
    if (it == by_id.end()) {
      index = static_cast<uint32_t>(entries.size());
      by_id.emplace(e.id, index);
      entries.push_back(e);
    } else {
      index = it->second;
      GazetteerEntry& old = entries[index];
      for (auto& a : e.aliases) old.aliases.push_back(a);
      for (auto& c : e.capitals) old.capitals.push_back(c);
      if (!e.leads.empty()) {
        old.leads = e.leads;
        old.terms = e.terms;
      }
      if (!e.part_of.empty()) old.part_of = e.part_of;
      old.press = old.press || e.press;
      for (const Post& post : e.posts) old.posts.push_back(post);
    }
    for (const Name& n : names) add_pattern(n.text, index, n.metonym, n.rule);
    for (const Post& post : e.posts) {
      if (Status st = offices.add_holder(post, index); !st.is_ok()) return st;
    }
    if (!e.leads.empty()) {
      auto& holders = leaders_by_body[e.leads];
      if (std::find(holders.begin(), holders.end(), index) == holders.end()) holders.push_back(index);
    }
    return Status::ok();
  }

  // "WORDS|name|word;word": a list rules name as @name.
  Status add_word_list(std::string_view name, std::string_view words) {
    std::vector<NeighbourWord> list;
    for (auto w : split(words, ';')) {
      if (Status st = parse_neighbour_word(trim(w), word_lists, list); !st.is_ok()) return st;
    }
    word_lists[std::string(name)] = std::move(list);
    return Status::ok();
  }

  // "DEFAULT|TYPE,TYPE|rule": a rule every name of those types gets, added after it.
  Status add_default(std::string_view types, std::string_view text) {
    AliasRule rule;
    if (Status st = parse_alias_rule(text, word_lists, &rule); !st.is_ok()) return st;
    for (auto name : split(types, ',')) {
      auto type = parse_entity_type(trim(name));
      if (!type) return Status::error(StatusCode::kInvalidInput, "unknown type '" + std::string(trim(name)) + "'");
      size_t t = static_cast<size_t>(*type);
      if (type_defaults.size() <= t) type_defaults.resize(t + 1);
      type_defaults[t].merge(rule);
    }
    return Status::ok();
  }
};

Gazetteer::Gazetteer() : impl_(std::make_shared<Impl>()) {}
Gazetteer::~Gazetteer() = default;
Gazetteer::Gazetteer(Gazetteer&&) noexcept = default;
Gazetteer& Gazetteer::operator=(Gazetteer&&) noexcept = default;

Gazetteer::Impl& Gazetteer::mutable_impl() {
  if (impl_.use_count() > 1) impl_ = std::make_shared<Impl>(*impl_);
  return *impl_;
}

Gazetteer::Gazetteer(std::shared_ptr<Impl> impl, int32_t date) : impl_(std::move(impl)), date_(date) {}

Gazetteer Gazetteer::as_of(std::string_view published) const { return Gazetteer(impl_, parse_date(published)); }

Gazetteer Gazetteer::built_in() {
  Gazetteer g;
  g.add_lines(kBuiltinGazetteer, "built-in gazetteer");
  return g;
}

Status Gazetteer::add_lines(std::string_view data, std::string_view origin) {
  size_t line_no = 0;
  for (std::string_view line : split(data, '\n')) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    auto fields = split(line, '|');
    auto where = [&] { return std::string(origin) + ":" + std::to_string(line_no); };
    auto located = [&](const Status& st) { return Status::error(st.code(), where() + ": " + st.message()); };
    if (fields.size() >= 3 && trim(fields[0]) == "OFFICE") {
      mutable_impl().offices.add_kind(trim(fields[1]), fields[2]);
      continue;
    }
    if (fields.size() >= 3 && (trim(fields[0]) == "WORDS" || trim(fields[0]) == "DEFAULT")) {
      Status st = trim(fields[0]) == "WORDS" ? mutable_impl().add_word_list(trim(fields[1]), fields[2])
                                             : mutable_impl().add_default(trim(fields[1]), trim(fields[2]));
      if (!st.is_ok()) return located(st);
      continue;
    }
    if (fields.size() < 3) {
      return Status::error(StatusCode::kInvalidInput, where() + ": expected TYPE|id|Label|aliases|attributes");
    }
    auto type = parse_entity_type(trim(fields[0]));
    if (!type) {
      return Status::error(StatusCode::kInvalidInput, where() + ": unknown type '" + std::string(fields[0]) + "'");
    }
    GazetteerEntry e;
    e.type = *type;
    e.id = std::string(trim(fields[1]));
    e.label = std::string(trim(fields[2]));
    if (e.id.empty()) e.id = text::slugify(e.label);
    if (fields.size() > 3) {
      for (auto a : split(fields[3], ';')) {
        if (!trim(a).empty()) e.aliases.emplace_back(trim(a));
      }
    }
    if (fields.size() > 4) {
      for (auto kv : split(fields[4], ';')) {
        kv = trim(kv);
        size_t eq = kv.find('=');
        std::string_view key = eq == std::string_view::npos ? kv : kv.substr(0, eq);
        std::string_view value = eq == std::string_view::npos ? "" : trim(kv.substr(eq + 1));
        if (key == "capital") {
          if (!value.empty()) e.capitals.emplace_back(value);
        } else if (key == "leads") {
          e.leads = std::string(value);
        } else if (key == "term") {
          for (auto t : split(value, ',')) {
            auto term = parse_term(trim(t));
            if (!term) return Status::error(StatusCode::kInvalidInput, where() + ": expected term=FROM..UNTIL,FROM.. (ISO dates)");
            e.terms.push_back(*term);
          }
        } else if (key == "office") {
          Post post;
          if (Status st = parse_post(value, &post); !st.is_ok()) return located(st);
          e.posts.push_back(std::move(post));
        } else if (key == "part_of") {
          e.part_of = std::string(value);
        } else if (key == "home") {
          e.home = true;
        } else if (key == "press") {
          e.press = true;
        } else if (!key.empty() && e.capitals.size() > 0 && eq == std::string_view::npos) {
          e.capitals.emplace_back(key);  // "capital=A;B": B continues the list
        }
      }
    }
    if (Status st = mutable_impl().add(std::move(e)); !st.is_ok()) return located(st);
  }
  return Status::ok();
}

Status Gazetteer::add_entry(GazetteerEntry entry) { return mutable_impl().add(std::move(entry)); }


std::optional<GazetteerMatch> Gazetteer::longest_match(const std::vector<Token>& tokens, size_t i,
                                                       size_t end) const {
  if (i >= end) return std::nullopt;
  // Most words of a text are lowercase, and most aliases need a capital to start.
  const bool capital = tokens[i].upper_initial || tokens[i].all_upper;
  if (!(capital ? impl_->first_keys : impl_->any_case_first_keys).may_contain(tokens[i].key)) return std::nullopt;
  return match_at(tokens, i, end);
}

// Kept out of longest_match, which every word of a text passes through and most leave at
// its filter: that path then needs no stack frame and saves no registers.
[[gnu::noinline]] std::optional<GazetteerMatch> Gazetteer::match_at(
    const std::vector<Token>& tokens, size_t i, size_t end) const {
  const uint32_t list_index = impl_->by_first_key.find(first_key_hash(tokens[i].key));
  if (list_index == FlatIndex::kNone) return std::nullopt;
  for (uint32_t pi : impl_->first_key_lists[list_index]) {
    const Pattern& p = impl_->patterns[pi];
    if (i + p.tokens.size() > end) continue;
    bool ok = true;
    for (size_t k = 0; k < p.tokens.size() && ok; ++k) {
      const Token& t = tokens[i + k];
      const PatternToken& pt = p.tokens[k];
      if (!same_word(t.key, pt.key)) ok = false;
      else if (pt.rule == CaseRule::kAllUpper && !t.all_upper) ok = false;
      else if (pt.rule == CaseRule::kInitialUpper && !t.upper_initial) ok = false;
    }
    if (ok && p.rule != 0 && !rule_allows(impl_->rules[p.rule], tokens, i, p.tokens.size(), end, date_)) ok = false;
    if (ok) return GazetteerMatch{p.entry, static_cast<uint32_t>(p.tokens.size()), p.metonym};
  }
  return std::nullopt;
}

const GazetteerEntry& Gazetteer::entry(uint32_t index) const { return impl_->entries[index]; }

std::optional<uint32_t> Gazetteer::find(std::string_view id) const {
  auto it = impl_->by_id.find(std::string(id));
  if (it == impl_->by_id.end()) return std::nullopt;
  return it->second;
}

std::optional<uint32_t> Gazetteer::leader_of(std::string_view id) const {
  auto it = impl_->leaders_by_body.find(std::string(id));
  if (it == impl_->leaders_by_body.end() || it->second.empty()) return std::nullopt;
  const std::vector<uint32_t>& holders = it->second;
  std::optional<uint32_t> best;
  int32_t best_from = -1;
  for (uint32_t h : holders) {
    const std::vector<Term>& terms = impl_->entries[h].terms;
    if (terms.empty()) {  // in office, as far as the gazetteer knows
      if (best_from < 0) best = h;
      continue;
    }
    for (const Term& t : terms) {
      // Without a date, the one still in office; with one, the latest term covering it.
      bool fits = date_ == 0 ? t.until == 0 : t.covers(date_);
      if (fits && t.from >= best_from) best = h, best_from = t.from;
    }
  }
  if (date_ == 0 && !best) best = holders.back();
  return best;
}

std::optional<uint32_t> Gazetteer::leader_on_date(std::string_view id) const {
  if (date_ == 0) return std::nullopt;
  auto leader = leader_of(id);
  if (!leader) return std::nullopt;
  for (const Term& t : impl_->entries[*leader].terms) {
    if (t.covers(date_)) return leader;
  }
  return std::nullopt;
}

std::optional<Offices::Titled> Gazetteer::office_title_before(const std::vector<Token>& tokens, uint32_t floor,
                                                              uint32_t end) const {
  return impl_->offices.title_before(tokens, floor, end);
}

std::optional<uint32_t> Gazetteer::office_holder(std::string_view kind, std::string_view body) const {
  return impl_->offices.holder(kind, body, date_);
}

bool Gazetteer::lists_office(std::string_view kind, std::string_view body) const {
  return impl_->offices.lists(kind, body);
}

size_t Gazetteer::size() const { return impl_->entries.size(); }

}  // namespace newsgraph::ingest
