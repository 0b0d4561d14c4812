// Where tests find the repository, the built binary and ../shared, and small helpers
// for temporary files and running commands.
#pragma once

#include <string>
#include <vector>

namespace newsgraph::testing {

std::string source_dir();     // the repository
std::string binary();         // the built newsgraph executable
std::string ng();             // the same as a shell word, to start a command line with
std::string shared_dir();     // ../shared beside the repository, "" when absent
std::string temp_dir();       // a fresh directory, removed at exit

struct CommandResult {
  int exit_code = -1;
  std::string out;  // standard output
};
// Runs a shell command, capturing standard output (standard error goes to `err_file`
// when given, else /dev/null).
CommandResult run(const std::string& command, const std::string& err_file = "");

// A shell word that stands for `s` exactly: 'it'\''s'.
std::string shell_quote(const std::string& s);

// The first `lines` lines of ../shared's news pool cut into pieces of about `bytes` bytes,
// each of whole UTF-8 characters: real text with quotes, dashes, escapes and accents for
// tests that compare two ways of computing one thing. Empty when ../shared is absent.
std::vector<std::string> pool_pieces(size_t lines, size_t bytes);

std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& data);

}  // namespace newsgraph::testing
