#include "cli/flags.h"

#include <cstdio>
#include <filesystem>
#include <system_error>
#include <thread>

#include "cli/exit_codes.h"
#include "core/dates.h"

namespace newsgraph::cli {

bool FlagReader::next() {
  ++index_;
  return index_ < args_.size();
}

bool FlagReader::value(std::string* out) {
  if (index_ + 1 >= args_.size()) {
    usage_error(arg() + " needs a value");
    return false;
  }
  *out = args_[++index_];
  return true;
}

bool FlagReader::number(size_t* out, size_t max) {
  std::string flag = arg(), v;
  if (!value(&v)) return false;
  size_t parsed = 0;
  bool ok = !v.empty() && v.size() <= 19;
  for (char c : v) {
    if (c < '0' || c > '9') ok = false;
    else parsed = parsed * 10 + static_cast<size_t>(c - '0');
  }
  if (!ok || parsed > max) {
    usage_error(flag + " takes a whole number up to " + std::to_string(max) + ", not '" + v + "'");
    return false;
  }
  *out = parsed;
  return true;
}

bool FlagReader::jobs(size_t* out) {
  std::string flag = arg();
  size_t n = 0;
  if (!number(&n, 256)) return false;
  if (n == 0) {
    usage_error(flag + " takes 1 to 256 threads, not 0");
    return false;
  }
  *out = n;
  return true;
}

size_t default_jobs() {
  const unsigned cores = std::thread::hardware_concurrency();
  return cores == 0 ? 1 : cores;
}

bool FlagReader::date(std::string* out) {
  std::string flag = arg(), v;
  if (!value(&v)) return false;
  if (!dates::is_iso_date(v)) {
    usage_error(flag + " takes a real day as YYYY-MM-DD, not '" + v + "'");
    return false;
  }
  *out = v;
  return true;
}

int FlagReader::usage_error(const std::string& message) const {
  std::fprintf(stderr, "newsgraph %s: %s\n", command_.c_str(), message.c_str());
  return kExitUsage;
}

int FlagReader::unknown_option(const char* help) const {
  std::fprintf(stderr, "newsgraph %s: unknown option '%s'\n\n%s", command_.c_str(), arg().c_str(), help);
  return kExitUsage;
}

size_t total_input_bytes(const std::vector<std::string>& inputs) {
  namespace fs = std::filesystem;
  size_t total = 0;
  std::error_code ec;
  for (const std::string& input : inputs) {
    if (input == "-") continue;
    if (fs::is_regular_file(input, ec)) {
      total += static_cast<size_t>(fs::file_size(input, ec));
    } else if (fs::is_directory(input, ec)) {
      for (fs::recursive_directory_iterator it(input, ec), end; !ec && it != end; it.increment(ec))
        if (it->is_regular_file(ec)) total += static_cast<size_t>(it->file_size(ec));
    }
  }
  return total;
}

}  // namespace newsgraph::cli
