// The working state of one article as it moves through the ingest stages: its tokens,
// sentences and entity mentions (token ranges tied to entities). Owned by the
// pipeline for the length of one article; not shared between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "ingest/tokenizer.h"

namespace newsgraph::ingest {

class Gazetteer;

struct SentenceInfo {
  uint32_t first = 0;  // token range [first, last)
  uint32_t last = 0;
  Span span;           // byte range
  bool headline = false;  // from a title-case line that may be a pasted link
  bool title = false;     // from the article's title line
  bool dropped = false;   // a pasted link after all: not part of the article
};

// A recognised name in the text.
struct NameMention {
  uint32_t first = 0;  // token range [first, last) of the name itself
  uint32_t last = 0;
  uint32_t sentence = 0;
  EntityType type = EntityType::kPerson;
  int32_t gazetteer = -1;   // gazetteer entry, or -1 for a name found from cues
  bool guessed = false;     // no cue typed it: `type` is only a default (a name no
                            // gazetteer knows, with no title, head or context word)
  bool defined = false;     // typed by a definition ("X adalah sebuah kelompok ..."),
                            // which outweighs a context word in the article's vote
  bool metonym = false;     // a capital or seat standing for its country
  bool role = false;        // a role phrase ("Presiden Rusia") standing for a person
  bool modifier = false;    // the body inside a title ("Rusia" in "Presiden Rusia ..."), or a
                            // short form restating the name before it ("(ISIS)"): named, but
                            // not an actor of its own in that sentence
  int32_t entity = -1;      // index into Analysis::entities once resolved
};

struct Analysis {
  std::string_view text;
  std::vector<Token> tokens;
  TokenKeys keys;  // where the tokens' keys live that are not in `text`
  std::vector<SentenceInfo> sentences;
  std::vector<NameMention> mentions;  // in text order
  std::vector<Entity> entities;
  const Gazetteer* gazetteer = nullptr;  // the one NameMention::gazetteer indexes, once recognised

  std::string_view surface(uint32_t first, uint32_t last) const {
    return text.substr(tokens[first].start, tokens[last - 1].end - tokens[first].start);
  }
};

}  // namespace newsgraph::ingest
