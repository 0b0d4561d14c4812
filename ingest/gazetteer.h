// Gazetteer: known entities (countries with their capitals as metonyms, bodies,
// leaders, places, events, topics) and the aliases they are written under, matched
// against token sequences, with the rules saying when an alias may stand for its entity
// (ingest/alias_rules.h). Built once, then read-only: safe to share between threads.
// as_of() gives a cheap view for one article's date that shares the built data.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "ingest/offices.h"
#include "ingest/tokenizer.h"

namespace newsgraph::ingest {

struct GazetteerEntry {
  std::string id;
  std::string label;
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;   // names, in Indonesian and English
  std::vector<std::string> capitals;  // seats used as metonyms for a country
  std::string leads;                  // id of the country or body this person heads
  std::vector<Term> terms;            // when it headed `leads`; none: as far as we know, now
  std::vector<Post> posts;            // offices held, with their terms (office=)
  std::string part_of;                // id of the body or country it belongs to
  bool home = false;                  // the readers' own country: its capital is a place
  bool press = false;                 // a news outlet: meeting or telling it is an interview
};

struct GazetteerMatch {
  uint32_t entry = 0;   // index for Gazetteer::entry()
  uint32_t tokens = 0;  // how many tokens the alias covers
  bool metonym = false; // matched a capital or seat, not a name of the entity itself
};

class Gazetteer {
 public:
  Gazetteer();
  ~Gazetteer();
  Gazetteer(Gazetteer&&) noexcept;
  Gazetteer& operator=(Gazetteer&&) noexcept;

  // The gazetteer compiled into the binary (data/gazetteer.txt).
  static Gazetteer built_in();

  // A view for an article published on `published` (ISO date; empty: unknown) that
  // shares this gazetteer's data: matching leaves out aliases not valid on that date
  // and leader_of() names the leader of that day. O(1); adding entries to either
  // afterwards copies the data first.
  Gazetteer as_of(std::string_view published) const;

  // Adds entries in the line format of data/gazetteer.txt (WORDS and DEFAULT lines
  // included). An id already present gets the new aliases added. Fails with
  // kInvalidInput naming `origin` and the line.
  Status add_lines(std::string_view data, std::string_view origin);

  // Adds entries from a JSON file: {"entities": [{"id", "label", "type", "aliases",
  // "capitals", "leads", "terms", "offices", "part_of"}]} or a bare array of such objects
  // ("offices": ["foreign_minister@russia:2004-03-09.."], kinds from OFFICE lines); names may
  // carry rules in braces as in data/gazetteer.txt. Only "label" and "type" are required; a missing id is derived from the label. Fails with kNotFound,
  // kIoError or kInvalidInput (naming the file and the entry).
  Status add_json_file(const std::string& path);
  // The same from JSON text, naming it `path` in messages.
  Status add_json(const std::string& data, const std::string& path);

  // The longest alias matching tokens[i..end) whose rule allows it there (the words
  // around it, the view's date). Capitalised alias words need capitalised text,
  // all-capital ones (AS, PBB) need all capitals. O(aliases sharing the first word).
  std::optional<GazetteerMatch> longest_match(const std::vector<Token>& tokens, size_t i,
                                              size_t end) const;

  const GazetteerEntry& entry(uint32_t index) const;
  std::optional<uint32_t> find(std::string_view id) const;
  // The person whose `leads` names this id: on the view's date the one whose term
  // covers it, without a date the one still in office (else the last one listed).
  std::optional<uint32_t> leader_of(std::string_view id) const;
  // The office whose title ends right before token `end` (from no earlier than
  // `floor`): "Menteri Luar Negeri" before "Rusia" in "Menteri Luar Negeri Rusia".
  std::optional<Offices::Titled> office_title_before(const std::vector<Token>& tokens, uint32_t floor,
                                                     uint32_t end) const;
  // Who held office `kind` in `body` on the view's date; without a date, the holder
  // whose term is still open. nullopt when the gazetteer lists no one.
  std::optional<uint32_t> office_holder(std::string_view kind, std::string_view body) const;
  bool lists_office(std::string_view kind, std::string_view body) const;
  bool dated() const { return date_ != 0; }
  // The same only when the view has a date and one of the leader's terms covers it:
  // who a dated article's bare "Presiden AS" is, named in it or not.
  std::optional<uint32_t> leader_on_date(std::string_view id) const;
  size_t size() const;

 private:
  struct Impl;
  Gazetteer(std::shared_ptr<Impl> impl, int32_t date);
  // longest_match past its filter: the aliases whose first word is tokens[i]'s.
  std::optional<GazetteerMatch> match_at(const std::vector<Token>& tokens, size_t i,
                                         size_t end) const;
  // Adds or extends one entry (names may carry rules). kInvalidInput on a bad rule.
  Status add_entry(GazetteerEntry entry);
  Impl& mutable_impl();  // copies data shared with a view before it changes

  std::shared_ptr<Impl> impl_;
  int32_t date_ = 0;  // yyyymmdd of the view's article, 0 = unknown
};

}  // namespace newsgraph::ingest
