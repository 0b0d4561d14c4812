// Gazetteer: known entities (countries with their capitals as metonyms, bodies,
// leaders, places, events, topics) and the aliases they are written under, matched
// against token sequences. Built once, then read-only: safe to share between threads.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "core/status.h"
#include "core/types.h"
#include "ingest/tokenizer.h"

namespace newsgraph::ingest {

struct GazetteerEntry {
  std::string id;
  std::string label;
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;   // names, in Indonesian and English
  std::vector<std::string> capitals;  // seats used as metonyms for a country
  std::string leads;                  // id of the country or body this person heads
  std::string part_of;                // id of the body or country it belongs to
  bool home = false;                  // the readers' own country: its capital is a place
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

  // Adds entries in the line format of data/gazetteer.txt. An id already present gets
  // the new aliases added. Fails with kInvalidInput naming `origin` and the line.
  Status add_lines(std::string_view data, std::string_view origin);

  // Adds entries from a JSON file: {"entities": [{"id", "label", "type", "aliases",
  // "capitals", "leads", "part_of"}]} or a bare array of such objects. Only "label" and
  // "type" are required; a missing id is derived from the label. Fails with kNotFound,
  // kIoError or kInvalidInput (naming the file and the entry).
  Status add_json_file(const std::string& path);

  // The longest alias matching tokens[i..end). Capitalised alias words need
  // capitalised text, all-capital ones (AS, PBB) need all capitals. O(aliases sharing
  // the first word).
  std::optional<GazetteerMatch> longest_match(const std::vector<Token>& tokens, size_t i,
                                              size_t end) const;

  const GazetteerEntry& entry(uint32_t index) const;
  std::optional<uint32_t> find(std::string_view id) const;
  // The person whose `leads` names this id, if the gazetteer has one.
  std::optional<uint32_t> leader_of(std::string_view id) const;
  size_t size() const;

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace newsgraph::ingest
