// Publication dates: reading the ways news writes a date ("2023-09-14", "14 September
// 2023", "Kamis, 14/9/2023 10:05 WIB", "Sept. 14, 2023") into one ISO form, and
// checking the strict ISO dates that flags and query parameters take. Only real
// calendar days are dates, and an article's only between 1900 and 2100. Pure
// functions; thread-safe.
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace newsgraph::dates {

// The ISO date ("YYYY-MM-DD") that `text` writes, or nullopt when it is not a date
// (or names no real day). Accepted, with or without a weekday before them ("Kamis,",
// "Thursday,") and a time and zone after them ("10:05 WIB", "10.05", "T10:05:00Z"):
//   2023-09-14, 2023/09/14, 2023-09-14T10:05:00+07:00  (year first)
//   14/9/2023, 14-09-2023, 14.09.2023                    (day first, as Indonesian news writes)
//   14 September 2023, 14 Sep 2023, 14 Agt 2023          (Indonesian or English month names)
//   September 14, 2023, Sept. 14 2023                    (English order)
// Anything else in the text (words before or after the date) makes it no date: this
// reads a date field or a date line, it does not search prose (see find_dateline).
std::optional<std::string> parse(std::string_view text);

// A dateline's date at the head of an article's first paragraph: "JAKARTA, KOMPAS.com
// (14/9/2023) - ...", "Jakarta, Kamis (14/9/2023) -", "Jakarta, 14 September 2023 -".
// Only the text before the first dash (at most 80 bytes) is read, and the date must be
// whole there (in parentheses or after a comma). Nullopt when there is none.
std::optional<std::string> find_dateline(std::string_view paragraph);

// Whether `text` is exactly an ISO date "YYYY-MM-DD" of a real day (any year from 1 to
// 9999): what --since, --until and --published take.
bool is_iso_date(std::string_view text);

}  // namespace newsgraph::dates
