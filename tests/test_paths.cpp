#include "tests/test_paths.h"

#include <system_error>
#include <vector>

#include <sys/wait.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace newsgraph::testing {
namespace fs = std::filesystem;

std::string source_dir() { return NEWSGRAPH_SOURCE_DIR; }
std::string binary() { return NEWSGRAPH_BINARY; }

std::string ng() { return shell_quote(binary()); }

std::string shared_dir() {
  fs::path p = fs::path(source_dir()).parent_path() / "shared";
  return fs::exists(p / "eval" / "score.py") ? p.string() : "";
}

std::vector<std::string> pool_pieces(size_t lines, size_t bytes) {
  std::vector<std::string> pieces;
  if (shared_dir().empty()) return pieces;
  std::ifstream in(shared_dir() + "/corpus/news/news_pool.jsonl");
  std::string line;
  for (size_t n = 0; n < lines && std::getline(in, line); ++n) {
    for (size_t at = 0, end = 0; at < line.size(); at = end) {
      end = std::min(line.size(), at + bytes);
      while (end < line.size() && (static_cast<unsigned char>(line[end]) & 0xC0) == 0x80) ++end;
      pieces.push_back(line.substr(at, end - at));
    }
  }
  return pieces;
}

namespace {

// Removes the test's temporary directories when the test process ends.
struct TempDirs {
  std::vector<fs::path> paths;
  ~TempDirs() {
    std::error_code ec;
    for (const auto& p : paths) fs::remove_all(p, ec);
  }
};

}  // namespace

std::string temp_dir() {
  static TempDirs dirs;
  static int counter = 0;
  fs::path p = fs::temp_directory_path() /
               ("newsgraph-test-" + std::to_string(::getpid()) + "-" + std::to_string(counter++));
  fs::remove_all(p);
  fs::create_directories(p);
  dirs.paths.push_back(p);
  return p.string();
}

CommandResult run(const std::string& command, const std::string& err_file) {
  std::string full = command + " 2>" + (err_file.empty() ? "/dev/null" : err_file);
  CommandResult r;
  FILE* pipe = ::popen(full.c_str(), "r");
  if (!pipe) return r;
  char buffer[65536];
  size_t n;
  while ((n = std::fread(buffer, 1, sizeof buffer, pipe)) > 0) r.out.append(buffer, n);
  int status = ::pclose(pipe);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  return r;
}

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

void write_file(const std::string& path, const std::string& data) {
  std::ofstream out(path, std::ios::binary);
  out << data;
}

std::string shell_quote(const std::string& s) {
  std::string out = "'";
  for (char c : s) {
    if (c == '\'') out += "'\\''";
    else out.push_back(c);
  }
  return out + "'";
}

}  // namespace newsgraph::testing
