#include "ingest/cue_lexicon.h"

#include <algorithm>
#include <atomic>
#include <cstdint>
#include <fstream>
#include <sstream>
#include <unordered_map>

#include "core/text.h"
#include "ingest/cue_file.h"
#include "ingest/cue_lexicon_builtin.h"
#include "ingest/word_cache.h"
#include "ingest/word_filter.h"
#include "ingest/word_memo.h"

namespace newsgraph::ingest {

// The entries and classes of every file added, and lookup tables into them. Built
// whole and never changed, so the views into its strings stay valid.
struct CueLexicon::Index {
  // Every class word with its classes (bit k for class k), a filter in front: most
  // words are in no class.
  struct WordClasses {
    std::unordered_map<std::string_view, uint64_t> bits;
    WordFilter filter;

    uint64_t of(std::string_view w) const {
      if (!filter.may_contain(w)) return 0;
      auto it = bits.find(w);
      return it == bits.end() ? 0 : it->second;
    }
  };
  // Words an entry names in follows= or needs=: listed words and classes.
  struct Words {
    uint64_t classes = 0;  // bit k: a word of class k
    std::vector<std::string_view> words;

    bool empty() const { return classes == 0 && words.empty(); }
    bool has(std::string_view w, const WordClasses& word_classes) const {
      for (std::string_view listed : words) {
        if (w == listed) return true;
      }
      return (word_classes.of(w) & classes) != 0;
    }
  };
  struct Sense {
    const CueEntry* entry = nullptr;
    std::vector<std::string_view> words;  // the cue's words (one for a root)
    Words follows;                        // the next word must be one of these
    Words needs;                          // one of these must come later in the sentence

    // Whether `next` may follow the cue (any word, when the entry names none).
    bool allows_next(std::string_view next, const WordClasses& word_classes) const {
      return follows.empty() || follows.has(next, word_classes);
    }
    // Whether a word the entry needs stands in [rest, rest_end), up to a ';' (met, when
    // the entry needs none or no sentence is given).
    bool needs_met(const Token* rest, const Token* rest_end, const WordClasses& word_classes) const {
      if (needs.empty() || rest == nullptr) return true;
      for (const Token* t = rest; t < rest_end && t->word() != ";"; ++t) {
        if (needs.has(t->word(), word_classes)) return true;
      }
      return false;
    }
  };
  std::vector<CueEntry> entries;
  std::vector<int> generation;               // per entry: which add_lines call
  std::vector<CueClass> classes;             // in file order; a repeated name adds words
  std::vector<Sense> senses;                 // per entry
  struct Root {
    std::string_view name;
    std::vector<uint32_t> senses;  // tried in order
  };
  std::vector<Root> root_list;
  std::unordered_map<std::string_view, uint32_t> roots;               // root -> index in root_list
  std::unordered_map<std::string_view, std::vector<uint32_t>> exact;  // first word -> senses
  // Every root and every exact cue's first word, in front of `roots` and `exact`: most of
  // the readings tried on a word have a root that is none, turned away without hashing it.
  WordFilter cue_words;
  WordClasses word_classes;
  std::unordered_map<std::string, uint64_t> class_masks;            // class name -> its bit
  uint64_t serial = 0;                       // tells the per-thread memos apart
  size_t shortest_word = SIZE_MAX;           // no shorter word is or derives from a cue

  // Fills the tables from entries and classes. kInvalidInput names an entry that
  // refers to no class, or a 65th class.
  Status build();
};

namespace {

std::atomic<uint64_t> next_serial{1};

bool forms_allow(CueForms forms, const Reading& r) {
  const bool derived = !r.prefix.empty() || !r.suffix.empty();
  switch (forms) {
    case CueForms::kAny: return true;
    case CueForms::kDerived: return derived;
    case CueForms::kBare: return !derived;
    case CueForms::kIOrAn: return r.suffix == "i" || r.suffix == "an";
    case CueForms::kMeeting: return derived && r.suffix != "kan" && !(r.suffix == "an" && r.prefix != "per");
    case CueForms::kVerb: return derived && r.suffix != "an" && r.prefix.rfind("pe", 0) != 0;
    case CueForms::kNominal: return r.suffix == "an";
    case CueForms::kKan: return r.suffix == "kan";
    case CueForms::kExact: return false;
  }
  return false;
}

}  // namespace

Status CueLexicon::Index::build() {
  std::unordered_map<std::string_view, int> class_bit;
  for (const CueClass& c : classes) {
    if (class_bit.count(c.name)) continue;
    if (class_bit.size() == 64) return Status::error(StatusCode::kInvalidInput, c.origin + ": more than 64 word classes");
    class_bit.emplace(c.name, static_cast<int>(class_bit.size()));
  }
  for (const CueClass& c : classes) {
    for (const std::string& w : c.words) {
      word_classes.bits[w] |= uint64_t{1} << class_bit[c.name];
      word_classes.filter.add(w);
    }
    class_masks[c.name] = uint64_t{1} << class_bit[c.name];
  }
  senses.resize(entries.size());
  for (uint32_t k = 0; k < entries.size(); ++k) {
    const CueEntry& e = entries[k];
    Sense& s = senses[k];
    s.entry = &e;
    s.words = text::split_words(e.cue);
    for (auto [words, out] : {std::pair{&e.follows, &s.follows}, std::pair{&e.needs, &s.needs}}) {
      for (const std::string& f : *words) {
        if (f.front() != '@') {
          out->words.push_back(f);
          continue;
        }
        auto it = class_bit.find(std::string_view(f).substr(1));
        if (it == class_bit.end()) return Status::error(StatusCode::kInvalidInput, e.origin + ": no class " + f);
        out->classes |= uint64_t{1} << it->second;
      }
    }
    shortest_word = std::min(shortest_word, s.words.front().size());  // affixes only lengthen a root
    if (e.forms == CueForms::kExact) {
      exact[s.words.front()].push_back(k);
      continue;
    }
    auto [it, added] = roots.emplace(s.words.front(), static_cast<uint32_t>(root_list.size()));
    if (added) root_list.push_back(Root{s.words.front(), {}});
    root_list[it->second].senses.push_back(k);
  }
  cue_words = WordFilter::for_words(root_list.size() + exact.size());
  for (const Root& root : root_list) cue_words.add(root.name);
  for (const auto& [word, list] : exact) cue_words.add(word);
  // A later file's senses first; within a file, file order.
  auto later_first = [&](std::vector<uint32_t>& list) {
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) { return generation[a] > generation[b]; });
  };
  for (auto& root : root_list) later_first(root.senses);
  // Among exact cues opening with one word, the longest phrase is tried first ("berada di
  // belakang" before "berada"), then a later file's, then file order.
  for (auto& [key, list] : exact) {
    later_first(list);
    std::stable_sort(list.begin(), list.end(), [&](uint32_t a, uint32_t b) {
      return senses[a].words.size() > senses[b].words.size();
    });
  }
  serial = next_serial.fetch_add(1);
  return Status::ok();
}

CueLexicon::CueLexicon() : index_(std::make_shared<Index>()) {}

Status CueLexicon::add_lines(std::string_view text, std::string_view origin) {
  CueFile file;
  if (Status st = parse_cue_file(text, origin, &file); !st.is_ok()) return st;
  auto next = std::make_shared<Index>();
  next->entries = index_->entries;
  next->generation = index_->generation;
  next->classes = index_->classes;
  const int generation = next->generation.empty() ? 0 : next->generation.back() + 1;
  for (auto& e : file.entries) {
    next->entries.push_back(std::move(e));
    next->generation.push_back(generation);
  }
  for (auto& c : file.classes) next->classes.push_back(std::move(c));
  if (Status st = next->build(); !st.is_ok()) return st;
  index_ = std::move(next);
  return Status::ok();
}

Status CueLexicon::add_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(StatusCode::kNotFound, path + ": cannot open cue file");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::error(StatusCode::kIoError, path + ": cannot read cue file");
  return add_lines(text.str(), path);
}

std::string_view CueLexicon::built_in_text() { return kBuiltinCues; }

const std::vector<CueEntry>& CueLexicon::entries() const { return index_->entries; }

std::vector<std::string> CueLexicon::class_words(std::string_view name) const {
  std::vector<std::string> out;
  for (const CueClass& c : index_->classes) {
    if (c.name == name) out.insert(out.end(), c.words.begin(), c.words.end());
  }
  return out;
}

uint64_t CueLexicon::serial() const { return index_->serial; }

uint64_t CueLexicon::class_mask(std::string_view name) const {
  auto it = index_->class_masks.find(std::string(name));
  return it == index_->class_masks.end() ? 0 : it->second;
}

bool CueLexicon::in_class(uint64_t mask, std::string_view word) const {
  return mask != 0 && (classes_of(word) & mask) != 0;
}

uint64_t CueLexicon::classes_of(std::string_view word) const { return index_->word_classes.of(word); }

// What a word can be read as: the readings whose root has an entry that allows that
// form, in reading order, with what each reading says about voice and noun-ness.
struct CueLexicon::WordReadings {
  struct Match {
    uint32_t root = 0;     // index in root_list
    uint32_t allowed = 0;  // bit j: the root's sense j allows this form
    bool passive = false;  // di-, diper-, ter-
    bool derived = false;  // any affix
    bool an_noun = false;  // an -an noun ("dukungan", "pertemuan")
  };
  static constexpr size_t kMax = 6;
  Match match[kMax];
  uint8_t count = 0;
  bool overflow = false;  // more readings than kept: compute them again when asked
  bool exact = false;     // the word starts an exact cue (a word or phrase)
};

namespace {

// Calls visit(match) for every reading of `word` whose root has an entry allowing that
// form, in reading order; stops when visit returns true.
template <class Index, class Match, class Visit>
void for_each_match(const Index& index, std::string_view word, Visit&& visit) {
  if (word.size() < 3) return;
  for_each_reading(word, [&](const Reading& r) {
    // peN- without -an names a person ("pengunjung", "pendukung"), not an event.
    if (r.prefix.rfind("pe", 0) == 0 && r.suffix != "an") return false;
    if (!index.cue_words.may_contain(r.root)) return false;
    auto it = index.roots.find(r.root);
    if (it == index.roots.end()) return false;
    Match m;
    m.root = it->second;
    const auto& senses = index.root_list[m.root].senses;
    for (size_t j = 0; j < senses.size() && j < 32; ++j) {
      if (forms_allow(index.senses[senses[j]].entry->forms, r)) m.allowed |= uint32_t{1} << j;
    }
    if (m.allowed == 0) return false;
    m.derived = !r.prefix.empty() || !r.suffix.empty();
    // di- and diper- are the passive; ter- too, with no agent ("terancam", "terserang").
    m.passive = r.prefix == "di" || r.prefix == "diper" || r.prefix == "ter";
    const bool nominal_prefix = r.prefix == "pe" || r.prefix == "per" || r.prefix.rfind("pen", 0) == 0 ||
                                r.prefix == "pem" || r.prefix == "peng" || r.prefix == "peny" || r.prefix == "ke";
    m.an_noun = r.suffix == "an" && (!m.passive || nominal_prefix);
    return visit(m);
  });
}

}  // namespace

// Whether `key` starts an exact cue or is a form of a cue root that one of its entries
// allows (what follows is left to find_word), memoised per thread: most words are no
// cue, and generating a word's readings is the costly part. The memo is kept for one
// lexicon at a time and starts afresh for another.
bool CueLexicon::may_be_cue(std::string_view key) const {
  struct Memo {
    uint64_t serial = 0;
    WordMemo words;
  };
  thread_local Memo memo;
  const Index& index = *index_;
  if (key.size() < index.shortest_word) return false;
  if (memo.serial != index.serial) {
    memo.words = WordMemo();
    memo.serial = index.serial;
  }
  return memo.words.get(key, [&index](std::string_view word) {
    if (index.cue_words.may_contain(word) && index.exact.count(word)) return true;
    bool any = false;
    for_each_match<Index, WordReadings::Match>(index, word, [&any](const WordReadings::Match&) { return any = true; });
    return any;
  });
}

// The readings of a word that may be a cue, cached per thread like may_be_cue.
const CueLexicon::WordReadings& CueLexicon::readings_of(std::string_view key) const {
  struct Cache {
    uint64_t serial = 0;
    WordCache<WordReadings> words;
  };
  thread_local Cache cache;
  const Index& index = *index_;
  if (cache.serial != index.serial) {
    cache.words = WordCache<WordReadings>();
    cache.serial = index.serial;
  }
  return cache.words.get(key, [&index](std::string_view word, WordReadings* out) {
    out->exact = index.cue_words.may_contain(word) && index.exact.count(word) > 0;
    for_each_match<Index, WordReadings::Match>(index, word, [out](const WordReadings::Match& m) {
      if (out->count == WordReadings::kMax) return out->overflow = true;
      out->match[out->count++] = m;
      return false;
    });
  });
}

std::optional<Cue> CueLexicon::find(const std::vector<Token>& tokens, uint32_t i, uint32_t end) const {
  if (!may_be_cue(tokens[i].word())) return std::nullopt;
  return cue_at(tokens, i, end);
}

// Kept out of find, which most words leave at may_be_cue: that path then needs no stack
// frame of the size this one takes.
[[gnu::noinline]] std::optional<Cue> CueLexicon::cue_at(const std::vector<Token>& tokens,
                                                        uint32_t i, uint32_t end) const {
  const std::string_view key = tokens[i].word();
  const Index& index = *index_;
  auto next_word = [&](uint32_t p) {  // the word at p, or after a closing quote there
    if (p < end && tokens[p].word() == "\"") ++p;
    return p < end ? tokens[p].word() : std::string_view();
  };
  const WordReadings& readings = readings_of(key);
  if (readings.exact) {
    for (uint32_t k : index.exact.find(key)->second) {
      const Index::Sense& s = index.senses[k];
      bool match = i + s.words.size() <= end;
      for (size_t w = 1; match && w < s.words.size(); ++w) match = tokens[i + w].word() == s.words[w];
      if (!match || !s.allows_next(next_word(i + static_cast<uint32_t>(s.words.size())), index.word_classes) ||
          !s.needs_met(&tokens[i] + s.words.size(), tokens.data() + end, index.word_classes))
        continue;
      const CueEntry& e = *s.entry;
      if (!e.predicate) return std::nullopt;
      return Cue{*e.predicate, e.voice, e.noun, e.name.empty() ? e.cue : e.name};
    }
  }
  return root_cue(key, readings, next_word(i + 1), &tokens[i] + 1, tokens.data() + end);
}

std::optional<Cue> CueLexicon::find_word(std::string_view key, std::string_view next_key) const {
  if (!may_be_cue(key)) return std::nullopt;
  return root_cue(key, readings_of(key), next_key, nullptr, nullptr);
}

std::optional<Cue> CueLexicon::root_cue(std::string_view key, const WordReadings& readings, std::string_view next_key,
                                        const Token* rest, const Token* rest_end) const {
  const Index& index = *index_;
  std::optional<Cue> found;
  bool done = false;
  auto try_match = [&](const WordReadings::Match& m) {
    const Index::Root& root = index.root_list[m.root];
    for (size_t j = 0; j < root.senses.size() && j < 32; ++j) {
      if (!(m.allowed >> j & 1)) continue;
      const Index::Sense& s = index.senses[root.senses[j]];
      if (!s.allows_next(next_key, index.word_classes) || !s.needs_met(rest, rest_end, index.word_classes)) continue;
      const CueEntry& e = *s.entry;
      done = true;
      if (!e.predicate) return true;  // switched off
      const bool noun = m.an_noun || (!m.derived && e.noun);
      found = Cue{*e.predicate, m.passive ? CueVoice::kPassive : e.voice, noun,
                  e.name.empty() ? std::string(root.name) : e.name};
      return true;
    }
    return false;
  };
  if (readings.overflow) {
    for_each_match<Index, WordReadings::Match>(index, key, try_match);
  } else {
    for (uint8_t k = 0; k < readings.count && !done; ++k) try_match(readings.match[k]);
  }
  return found;
}

}  // namespace newsgraph::ingest
