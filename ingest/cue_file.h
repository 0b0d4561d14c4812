// The line format of cue files (data/cues.txt and users' --cues files), read into
// entries and word classes; the format itself is documented at the top of
// data/cues.txt. Internal to the cue lexicon. Pure functions; thread-safe.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "core/status.h"
#include "ingest/cue_lexicon.h"

namespace newsgraph::ingest {

// A word class ("@class goods senjata amunisi ...") as read from a file.
struct CueClass {
  std::string name;
  std::vector<std::string> words;
  std::string origin;  // "FILE:LINE"
};

struct CueFile {
  std::vector<CueEntry> entries;
  std::vector<CueClass> classes;
};

// Parses `text`, naming it `origin` in messages. kInvalidInput "origin:line: what"
// for a line that breaks the format. Whether the classes an entry names exist is left
// to the caller (they may come from another file). O(size of text).
Status parse_cue_file(std::string_view text, std::string_view origin, CueFile* out);

}  // namespace newsgraph::ingest
