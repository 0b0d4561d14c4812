#include <catch2/catch.hpp>

#include "core/dates.h"

#include <string>
#include <utility>
#include <vector>

namespace dates = newsgraph::dates;

TEST_CASE("the date forms news writes are read as one ISO date", "[dates]") {
  const std::vector<std::pair<std::string, std::string>> accepted = {
      {"2023-09-14", "2023-09-14"},
      {"2023/9/14", "2023-09-14"},
      {"2023-09-14T10:05:00Z", "2023-09-14"},
      {"2023-09-14T10:05:00.123+07:00", "2023-09-14"},
      {"2023-09-14 10:05", "2023-09-14"},
      {"14/9/2023", "2023-09-14"},
      {"14-09-2023", "2023-09-14"},
      {"14.09.2023", "2023-09-14"},
      {"Kamis, 14/9/2023 10:05 WIB", "2023-09-14"},
      {"Kamis 14/09/2023 pukul 10.05 WITA", "2023-09-14"},
      {"14 September 2023", "2023-09-14"},
      {"14 Sep. 2023", "2023-09-14"},
      {"  14 Agustus 2016  ", "2016-08-14"},
      {"14 Agt 2016", "2016-08-14"},
      {"Jumat, 1 Desember 2017 | 08:30 WIB", "2017-12-01"},
      {"Jum'at, 1 Des 2017", "2017-12-01"},
      {"September 14, 2023", "2023-09-14"},
      {"Thursday, Sept. 14 2023 10:05 GMT+7", "2023-09-14"},
      {"29 Februari 2016", "2016-02-29"},
  };
  for (const auto& [text, iso] : accepted) {
    INFO(text);
    CHECK(dates::parse(text) == iso);
  }
}

TEST_CASE("what is no real day or holds other words is no date", "[dates]") {
  const std::vector<std::string> rejected = {
      "",           "2023-13-01",          "2023-02-29",         "31/4/2023",           "14 Septembre 2023",
      "14/9/23",    "2023",                "kemarin",            "Kamis, 14/9/2023 siang", "Berita 14/9/2023",
      "1899-12-31", "2023-09-14T25",       "14 September 2023 oleh Redaksi", "0/1/2023",
  };
  for (const auto& text : rejected) {
    INFO(text);
    CHECK_FALSE(dates::parse(text).has_value());
  }
}

TEST_CASE("a dateline's date is found before the dash that ends the dateline", "[dates]") {
  CHECK(dates::find_dateline("JAKARTA, KOMPAS.com (14/9/2023) - Presiden Joko Widodo bertemu") == "2023-09-14");
  CHECK(dates::find_dateline("Jakarta, Kamis (14/9/2023) -- Menteri Luar Negeri") == "2023-09-14");
  CHECK(dates::find_dateline("Jakarta, 14 September 2023 \xE2\x80\x94 Menteri Luar Negeri") == "2023-09-14");
  CHECK(dates::find_dateline("Jakarta, 14-09-2023 - Menteri") == "2023-09-14");
  CHECK_FALSE(dates::find_dateline("Jakarta, CNN Indonesia -- Korea Utara mengancam").has_value());
  CHECK_FALSE(dates::find_dateline("Presiden bertemu pada 14/9/2023 - katanya").has_value());
  CHECK_FALSE(dates::find_dateline("Pada 14 September 2023 presiden bertemu menteri tanpa tanda pisah").has_value());
}

TEST_CASE("flags take strict ISO dates of real days only", "[dates]") {
  CHECK(dates::is_iso_date("2019-01-01"));
  CHECK(dates::is_iso_date("2016-02-29"));
  CHECK_FALSE(dates::is_iso_date("2026-13-45"));
  CHECK_FALSE(dates::is_iso_date("2019-02-29"));
  CHECK_FALSE(dates::is_iso_date("2019-1-01"));
  CHECK_FALSE(dates::is_iso_date("14/9/2023"));
  CHECK_FALSE(dates::is_iso_date("2019-01-01x"));
}
