// Document reader: turns command-line inputs (files, folders searched recursively in
// name order, JSON Lines, "-" for standard input) into Documents. Bad inputs (missing,
// empty, binary, invalid UTF-8, too large, malformed JSON lines) are reported with the
// file and line and skipped; reading goes on. Not thread-safe; one reader per thread.
#pragma once

#include <cstddef>
#include <functional>
#include <istream>
#include <string>
#include <string_view>

#include "core/status.h"
#include "core/types.h"

namespace newsgraph::ingest {

struct ReadOptions {
  size_t max_article_bytes = 32u << 20;  // larger articles are skipped as kTooLarge
  // ISO date given to articles that carry none of their own (--published); empty: none,
  // and such articles stay undated.
  std::string default_published;
};

struct ReadCallbacks {
  // A document was read. `title_in_text`: a plain-text article whose first line is its title.
  // The document is the callback's to keep: it may move from it (the reader drops it after).
  std::function<void(Document&, bool title_in_text)> on_document;
  // An input (or one JSON line) was skipped; the status message names file and line.
  std::function<void(const Status&)> on_skip;
  // Something was wrong but the article was kept (a "published" that is no date: the
  // article is read undated); the message names file and line.
  std::function<void(const Status&)> on_notice;
  // Standard input (a feed) has nothing more to read yet, and the reader is about to wait
  // for it, between articles or inside one: what was read so far should be finished now
  // (written, committed), not when more comes. May be empty.
  std::function<void()> on_wait;
  // Whether to read no further lines of JSON Lines (the caller cannot use them: its store
  // failed); a feed then ends without waiting for the end of its input. May be empty.
  std::function<bool()> stop;
};

// A plain-text article's own date (ISO): a date line under its title, else a dateline
// at the head of its first paragraph; empty when it has neither.
std::string plain_text_date(std::string_view text);

// Reads one line (without its '\n') from `in`, keeping at most `max` bytes of it: a longer
// line is read to its end but not kept, so memory stays bounded whatever the input.
// *length gets the line's whole length (over `max`: the line was cut). Returns false at
// the end of the input. O(line length) time, O(max) memory.
bool read_bounded_line(std::istream& in, size_t max, std::string* line, size_t* length);

class DocumentReader {
 public:
  DocumentReader(const ReadOptions& options, ReadCallbacks callbacks)
      : options_(options), callbacks_(std::move(callbacks)) {}

  // Reads one input: a file, a directory (recursively) or "-" (standard input).
  void read(const std::string& input);

  // Reads JSON Lines from a stream; `name` names it in messages and document sources.
  void read_json_lines(std::istream& in, const std::string& name);

  // Reads a whole plain-text (or .json/.jsonl) article from a string. A plain-text
  // article is a title line, then optionally a date line ("14 September 2023", "Kamis,
  // 14/9/2023 10:05 WIB", see core/dates.h), then the text; without a date line, a
  // dateline at the head of the first paragraph ("JAKARTA, KOMPAS.com (14/9/2023) -")
  // gives the date.
  void read_text(std::string data, const std::string& name);

 private:
  void read_file(const std::string& path);
  void read_stdin();
  void skip(StatusCode code, const std::string& message);
  bool check_text(const std::string& data, const std::string& where);

  ReadOptions options_;
  ReadCallbacks callbacks_;
};

}  // namespace newsgraph::ingest
