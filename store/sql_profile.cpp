#include "store/sql_profile.h"

#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <unordered_map>
#include <vector>

namespace newsgraph::store {
namespace {

using Clock = std::chrono::steady_clock;

struct Totals {
  uint64_t nanoseconds = 0;
  uint64_t runs = 0;
};
struct Profile {
  std::unordered_map<std::string, Totals> by_sql;
  std::unordered_map<void*, Clock::time_point> started;  // statements running now
};

// SQLite's own elapsed time has the resolution of its clock (a millisecond here), so
// each run is timed from its start (SQLITE_TRACE_STMT, also sent for the trigger
// programs it runs, which are part of the run) to its end (SQLITE_TRACE_PROFILE).
int on_trace(unsigned type, void* context, void* statement, void*) {
  auto& profile = *static_cast<Profile*>(context);
  if (type == SQLITE_TRACE_STMT) {
    profile.started.emplace(statement, Clock::now());
    return 0;
  }
  auto start = profile.started.find(statement);
  if (start == profile.started.end()) return 0;
  const char* sql = sqlite3_sql(static_cast<sqlite3_stmt*>(statement));
  Totals& t = profile.by_sql[sql ? sql : "?"];
  t.nanoseconds += static_cast<uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(Clock::now() - start->second).count());
  ++t.runs;
  profile.started.erase(start);
  return 0;
}

std::string one_line(const std::string& sql) {
  std::string out;
  for (char c : sql) {
    const bool space = c == '\n' || c == ' ' || c == '\t';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  return out.size() > 110 ? out.substr(0, 107) + "..." : out;
}

}  // namespace

void* start_sql_profile(sqlite3* db) {
  if (!std::getenv("NEWSGRAPH_SQL_PROFILE")) return nullptr;
  auto* profile = new Profile();
  sqlite3_trace_v2(db, SQLITE_TRACE_STMT | SQLITE_TRACE_PROFILE, on_trace, profile);
  return profile;
}

void print_sql_profile(void* context) {
  if (!context) return;
  auto* profile = static_cast<Profile*>(context);
  std::vector<std::pair<std::string, Totals>> rows(profile->by_sql.begin(), profile->by_sql.end());
  std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) { return a.second.nanoseconds > b.second.nanoseconds; });
  uint64_t total = 0;
  for (const auto& r : rows) total += r.second.nanoseconds;
  std::fprintf(stderr, "SQL profile: %.3f s in %zu statements\n", total / 1e9, rows.size());
  std::fprintf(stderr, "%9s %9s %8s  %s\n", "seconds", "runs", "us/run", "statement");
  for (const auto& [sql, t] : rows) {
    std::fprintf(stderr, "%9.3f %9llu %8.1f  %s\n", t.nanoseconds / 1e9, static_cast<unsigned long long>(t.runs),
                 t.nanoseconds / 1e3 / static_cast<double>(t.runs), one_line(sql).c_str());
  }
  delete profile;
}

}  // namespace newsgraph::store
