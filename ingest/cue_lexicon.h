// The relation cue lexicon: which Indonesian roots, words and phrases signal each
// predicate, in which voice, in which affixed forms, and before which words. It is
// data: data/cues.txt (compiled in, format documented at its top) and users' files in
// the same format, parsed into an immutable index. Copies share that index; a lexicon
// is read-only once built, so one lexicon may serve many threads.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/relation_cues.h"
#include "ingest/tokenizer.h"

namespace newsgraph::ingest {

// Which affixed forms of a root count (the `forms=` option).
enum class CueForms : uint8_t {
  kAny,      // any:      the root and every affixed form
  kDerived,  // derived:  not the bare root ("bertemu", not "temu")
  kBare,     // bare:     the bare root only ("pesan", not "memesan", "pesanan")
  kKan,      // kan:      only the -kan verb ("memperingatkan", "menyalahkan")
  kIOrAn,    // i-an:     with -i or -an ("mengakui", "pengakuan"; not "mengaku")
  kNominal,  // an:       only the -an noun ("perjanjian", not "berjanji")
  kVerb,     // verb:     affixed verb forms, no -an and no peN- ("mengundang", not "undangan")
  kMeeting,  // meeting:  derived, no -kan, -an only with per- ("pertemuan", not "temuan")
  kExact,    // exact:    the word or phrase exactly as written, no affixes
};

// One entry of a cue file: a root or phrase with one sense.
struct CueEntry {
  std::string cue;                      // root, word or phrase (words split by one space)
  std::optional<Predicate> predicate;   // none ("NONE"): the entry makes the word no cue
  CueVoice voice = CueVoice::kActive;
  CueForms forms = CueForms::kAny;
  bool noun = false;                    // the bare root (or the phrase) is a nominal cue
  std::vector<std::string> follows;     // the next word must be one of these; "@class" names a class
  std::vector<std::string> needs;       // one of these must come later in the sentence
  std::string name;                     // name in evidence (default: the cue)
  std::string lang = "id";              // "id": Indonesian affixes apply; other: exact words
  std::string example;                  // a sentence that must yield the predicate
  std::string example_subject;          // entity labels expected in that sentence
  std::string example_object;
  std::string origin;                   // "FILE:LINE", for messages
};

class CueLexicon {
 public:
  // An empty lexicon: no word is a cue.
  CueLexicon();

  // Adds the lines of a cue file. A later file's entries for a cue are tried before an
  // earlier file's, so users add senses and override (or, with NONE, switch off) the
  // built-in ones; `@class` lines add words to a class. kInvalidInput names
  // "origin:line" and what is wrong; on failure the lexicon is unchanged.
  Status add_lines(std::string_view text, std::string_view origin);
  // The same for a file; kNotFound if it cannot be read.
  Status add_file(const std::string& path);
  // data/cues.txt as compiled in.
  static std::string_view built_in_text();

  // The cue at token i of a sentence ending at `end`: a phrase or exact word starting
  // there, else a root the word derives from. Memoised per thread: words that are no
  // cue cost one hash lookup after the first time. O(readings × senses) otherwise.
  std::optional<Cue> find(const std::vector<Token>& tokens, uint32_t i, uint32_t end) const;
  // The root lookup alone, for one folded word and the word after it.
  std::optional<Cue> find_word(std::string_view key, std::string_view next_key) const;

  // Every entry, in file order (tests run each entry's example).
  const std::vector<CueEntry>& entries() const;
  // The words of a class, or empty.
  std::vector<std::string> class_words(std::string_view name) const;
  // The bit of class `name` for in_class(), or 0 when there is no such class (then
  // in_class() is false for every word). O(1) expected.
  uint64_t class_mask(std::string_view name) const;
  // Tells lexicons apart: two lexicons (or one after add_lines) never share a serial,
  // so per-thread caches keyed by it stay right.
  uint64_t serial() const;
  // Whether `word` is in a class of `mask` (masks of several classes may be or-ed).
  // A bitmap check, then one hash lookup for the few words that pass it.
  bool in_class(uint64_t mask, std::string_view word) const;
  // The classes of `word`, bit k for class k (0 for most words); test with class_mask().
  uint64_t classes_of(std::string_view word) const;

 private:
  struct Index;
  struct WordReadings;
  bool may_be_cue(std::string_view key) const;
  // find() for a word that may be a cue.
  std::optional<Cue> cue_at(const std::vector<Token>& tokens, uint32_t i, uint32_t end) const;
  const WordReadings& readings_of(std::string_view key) const;
  // The sense of a root's reading; `rest` .. `rest_end`: the sentence after the word, for
  // entries with needs= (none given: their needs count as met).
  std::optional<Cue> root_cue(std::string_view key, const WordReadings& readings, std::string_view next_key,
                              const Token* rest, const Token* rest_end) const;
  std::shared_ptr<const Index> index_;
};

}  // namespace newsgraph::ingest
