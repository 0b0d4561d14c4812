#include "core/dates.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>

namespace newsgraph::dates {
namespace {

struct Day {
  int year = 0, month = 0, day = 0;
};

bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

// Whether d is a day of the calendar; an article's date must also fall in 1900–2100.
bool real_day(const Day& d, int min_year = 1900, int max_year = 2100) {
  static constexpr std::array<int, 12> kDays = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (d.year < min_year || d.year > max_year || d.month < 1 || d.month > 12 || d.day < 1) return false;
  return d.day <= kDays[d.month - 1] + (d.month == 2 && is_leap(d.year) ? 1 : 0);
}

std::string iso(const Day& d) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", d.year % 10000, d.month % 100, d.day % 100);
  return buf;
}

// Whether `word` is `name` (lowercase ASCII) in any case; no copy is made, as the
// cleaner asks this of every short line.
bool same_word(std::string_view word, std::string_view name) {
  if (word.size() != name.size()) return false;
  for (size_t i = 0; i < word.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(word[i])) != name[i]) return false;
  }
  return true;
}

// The month a name or abbreviation (Indonesian or English, folded) stands for, or 0.
int month_named(std::string_view word) {
  static const std::array<std::array<const char*, 6>, 12> kNames = {{
      {"januari", "january", "jan", "", "", ""},
      {"februari", "february", "feb", "pebruari", "peb", ""},
      {"maret", "march", "mar", "", "", ""},
      {"april", "apr", "", "", "", ""},
      {"mei", "may", "", "", "", ""},
      {"juni", "june", "jun", "", "", ""},
      {"juli", "july", "jul", "", "", ""},
      {"agustus", "august", "aug", "agu", "agt", "ags"},
      {"september", "sep", "sept", "", "", ""},
      {"oktober", "october", "okt", "oct", "", ""},
      {"november", "nov", "nopember", "nop", "", ""},
      {"desember", "december", "des", "dec", "", ""},
  }};
  if (word.empty()) return 0;
  for (size_t m = 0; m < kNames.size(); ++m) {
    for (const char* name : kNames[m]) {
      if (*name && same_word(word, name)) return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

bool is_weekday(std::string_view word) {
  static const std::array<const char*, 23> kDays = {
      "senin",  "selasa", "rabu",    "kamis",    "jumat",  "jum'at", "sabtu",  "minggu",
      "ahad",   "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
      "mon",    "tue",    "wed",     "thu",      "fri",    "sat",    "sun"};
  if (word.empty()) return false;
  for (const char* d : kDays) {
    if (same_word(word, d)) return true;
  }
  return false;
}

// A left-to-right reader over the text of one date.
class Scanner {
 public:
  explicit Scanner(std::string_view s) : s_(s) {}
  bool done() const { return at_ == s_.size(); }
  size_t at() const { return at_; }
  void reset(size_t at) { at_ = at; }
  void spaces() {
    while (at_ < s_.size() && (s_[at_] == ' ' || s_[at_] == '\t')) ++at_;
  }
  bool take(char c) {
    if (at_ < s_.size() && s_[at_] == c) return ++at_, true;
    return false;
  }
  bool take_any(std::string_view chars, char* which = nullptr) {
    if (at_ < s_.size() && chars.find(s_[at_]) != std::string_view::npos) {
      if (which) *which = s_[at_];
      return ++at_, true;
    }
    return false;
  }
  // A run of min..max digits (no more digits right after), as a number, or -1.
  int number(size_t min, size_t max) {
    size_t end = at_;
    while (end < s_.size() && std::isdigit(static_cast<unsigned char>(s_[end]))) ++end;
    if (end - at_ < min || end - at_ > max) return -1;
    int v = 0;
    for (; at_ < end; ++at_) v = v * 10 + (s_[at_] - '0');
    return v;
  }
  // A run of letters (and an apostrophe inside, "Jum'at").
  std::string_view word() {
    size_t start = at_;
    while (at_ < s_.size() && (std::isalpha(static_cast<unsigned char>(s_[at_])) ||
                               (s_[at_] == '\'' && at_ > start)))
      ++at_;
    return s_.substr(start, at_ - start);
  }

 private:
  std::string_view s_;
  size_t at_ = 0;
};

// The calendar part at the scanner: year-first, day-first or with a month name.
bool read_day(Scanner& sc, Day* d) {
  const size_t start = sc.at();
  char sep = 0;
  // 2023-09-14, 2023/09/14
  if ((d->year = sc.number(4, 4)) > 0 && sc.take_any("-/", &sep) && (d->month = sc.number(1, 2)) > 0 &&
      sc.take(sep) && (d->day = sc.number(1, 2)) > 0)
    return true;
  sc.reset(start);
  // 14/9/2023, 14-09-2023, 14.09.2023
  if ((d->day = sc.number(1, 2)) > 0 && sc.take_any("/-.", &sep) && (d->month = sc.number(1, 2)) > 0 &&
      sc.take(sep) && (d->year = sc.number(4, 4)) > 0)
    return true;
  sc.reset(start);
  // 14 September 2023, 14 Sep. 2023
  if ((d->day = sc.number(1, 2)) > 0) {
    sc.spaces();
    if ((d->month = month_named(sc.word())) > 0) {
      sc.take('.');
      sc.spaces();
      if ((d->year = sc.number(4, 4)) > 0) return true;
    }
  }
  sc.reset(start);
  // September 14, 2023
  if ((d->month = month_named(sc.word())) > 0) {
    sc.take('.');
    sc.spaces();
    if ((d->day = sc.number(1, 2)) > 0) {
      sc.take(',');
      sc.spaces();
      if ((d->year = sc.number(4, 4)) > 0) return true;
    }
  }
  sc.reset(start);
  return false;
}

// Whether the rest is a time of day and zone: "10:05 WIB", "pukul 10.05", "T10:05:00Z",
// "10:05:00+07:00", or nothing.
bool rest_is_time(Scanner& sc) {
  sc.spaces();
  sc.take(',');
  sc.take('|');
  sc.spaces();
  if (sc.done()) return true;
  if (!sc.take('T')) {
    const size_t before = sc.at();
    const std::string_view w = sc.word();
    if (!same_word(w, "pukul") && !same_word(w, "jam") && !same_word(w, "at")) sc.reset(before);
    sc.spaces();
  }
  char sep = 0;
  if (sc.number(1, 2) < 0 || !sc.take_any(":.", &sep) || sc.number(2, 2) < 0) return false;
  if (sc.take(sep) && sc.number(2, 2) < 0) return false;
  if (sc.take('.') && sc.number(1, 9) < 0) return false;  // fractions of a second
  sc.spaces();
  if (sc.take('Z')) return sc.done();
  const std::string_view zone = sc.word();
  if (!zone.empty() && !same_word(zone, "wib") && !same_word(zone, "wita") && !same_word(zone, "wit") &&
      !same_word(zone, "utc") && !same_word(zone, "gmt"))
    return false;
  if (sc.take_any("+-")) {  // "+07:00", "+0700", "+7"
    const size_t offset = sc.at();
    if (sc.number(4, 4) < 0) {
      sc.reset(offset);
      if (sc.number(1, 2) < 0 || (sc.take(':') && sc.number(2, 2) < 0)) return false;
    }
  }
  sc.spaces();
  return sc.done();
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.remove_prefix(1);
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return s;
}

}  // namespace

std::optional<std::string> parse(std::string_view text) {
  Scanner sc(trim(text));
  const size_t start = sc.at();
  if (is_weekday(sc.word())) {
    sc.take(',');
    sc.spaces();
  } else {
    sc.reset(start);
  }
  Day d;
  if (!read_day(sc, &d) || !real_day(d) || !rest_is_time(sc)) return std::nullopt;
  return iso(d);
}

std::optional<std::string> find_dateline(std::string_view paragraph) {
  constexpr size_t kReach = 80;
  std::string_view head = paragraph.substr(0, kReach);
  // The dash that ends a dateline stands apart (" - ", " -- ") or is an en or em dash;
  // a hyphen inside a date ("14-09-2023") is no end.
  size_t end = std::string_view::npos;
  for (std::string_view dash : {" -", "\xE2\x80\x93", "\xE2\x80\x94"}) {
    for (size_t at = head.find(dash); at != std::string_view::npos; at = head.find(dash, at + 1)) {
      const size_t after = at + dash.size();
      if (dash != " -" || after == head.size() || head[after] == ' ' || head[after] == '-') {
        end = std::min(end, at);
        break;
      }
    }
  }
  if (end == std::string_view::npos) return std::nullopt;
  head = head.substr(0, end);
  if (size_t open = head.rfind('('); open != std::string_view::npos) {
    const size_t close = head.find(')', open);
    if (close != std::string_view::npos) {
      if (auto d = parse(head.substr(open + 1, close - open - 1))) return d;
    }
  }
  if (size_t comma = head.find(','); comma != std::string_view::npos) {
    if (auto d = parse(head.substr(comma + 1))) return d;
  }
  return std::nullopt;
}

bool is_iso_date(std::string_view text) {
  if (text.size() != 10 || text[4] != '-' || text[7] != '-') return false;
  Scanner sc(text);
  Day d;
  d.year = sc.number(4, 4);
  sc.take('-');
  d.month = sc.number(2, 2);
  sc.take('-');
  d.day = sc.number(2, 2);
  return sc.done() && real_day(d, 1, 9999);
}

}  // namespace newsgraph::dates
