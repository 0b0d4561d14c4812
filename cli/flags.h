// A small reader for subcommand flags ("--db PATH", "--top 10", positional inputs),
// so every command parses and reports mistakes the same way. Not thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace newsgraph::cli {

class FlagReader {
 public:
  // `command` names the subcommand in messages ("newsgraph ingest: ...").
  FlagReader(std::string command, const std::vector<std::string>& args)
      : command_(std::move(command)), args_(args) {}

  bool next();  // moves to the next argument; false when none is left
  const std::string& arg() const { return args_[index_]; }
  bool is(const char* name) const { return arg() == name; }
  bool is_help() const { return is("-h") || is("--help"); }
  bool is_option() const { return arg().size() > 1 && arg()[0] == '-'; }

  // Takes the argument after the current flag as its value. False (with a message on
  // stderr) when it is missing.
  bool value(std::string* out);
  // The same, for a non-negative integer no larger than `max`.
  bool number(size_t* out, size_t max = static_cast<size_t>(-1));

  // The same, for an ISO date of a real day ("2019-01-01").
  bool date(std::string* out);

  // The same, for a number of threads: 1 to 256.
  bool jobs(size_t* out);

  // Prints "newsgraph <command>: <message>" and returns the usage exit code.
  int usage_error(const std::string& message) const;
  int unknown_option(const char* help) const;

 private:
  std::string command_;
  const std::vector<std::string>& args_;
  size_t index_ = static_cast<size_t>(-1);
};

// The threads `--jobs` defaults to: the machine's cores (1 when unknown).
size_t default_jobs();

// Sum of the sizes of the regular files under these inputs ("-" counts 0), for ETAs.
size_t total_input_bytes(const std::vector<std::string>& inputs);

}  // namespace newsgraph::cli
