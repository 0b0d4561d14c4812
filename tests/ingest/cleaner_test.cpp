#include <catch2/catch.hpp>

#include "ingest/cleaner.h"
#include "tests/ingest/extraction_helpers.h"

using namespace newsgraph::ingest;

namespace {
std::string line_text(const std::string& text, const Line& l) { return text.substr(l.start, l.end - l.start); }
}  // namespace

TEST_CASE("page chrome lines are marked and the article lines kept", "[cleaner]") {
  std::string text =
      "Judul Berita\nBagikan:\nwaktu baca 2 menit\nJAKARTA - Presiden tiba di Bali.\n"
      "Sumber : Antara\n(***)\nTinggalkan Balasan\nIa bertemu menteri.\n";
  auto lines = clean(text, CleanOptions{});
  std::vector<std::string> body;
  for (const auto& l : lines) {
    if (l.kind == LineKind::kBody) body.push_back(line_text(text, l));
  }
  CHECK(body == std::vector<std::string>{"Presiden tiba di Bali.", "Ia bertemu menteri."});
  CHECK(lines.front().kind == LineKind::kTitle);
}

TEST_CASE("datelines are cut from the first paragraph in their common shapes", "[cleaner]") {
  const std::pair<const char*, const char*> rows[] = {
      {"T\nJAKARTA - Kim tiba.", "Kim tiba."},
      {"T\nSeoul | EGINDO.co \xE2\x80\x93 Putin tiba.", "Putin tiba."},
      {"T\nMOSKOW-KEMPALAN: Putin tiba.", "Putin tiba."},
      {"T\nPresiden Korea Utara tiba di Rusia.", "Presiden Korea Utara tiba di Rusia."},
      {"T\nJakarta, CNN Indonesia -- Presiden tiba.", "Presiden tiba."},
      {"T\nJakarta, CNN Indonesia - - Presiden tiba.", "Presiden tiba."},
      {"T\nJakarta (ANTARA) - Presiden tiba.", "Presiden tiba."},
      {"T\nSamarinda, Kalimantan Timur (ANTARA News) - Gubernur tiba.", "Gubernur tiba."},
      {"T\nJAKARTA, KOMPAS.com - Presiden tiba.", "Presiden tiba."},
      {"T\nSuara.com - Menteri tiba.", "Menteri tiba."},
      {"T\nMenteri Luar Negeri Rusia, Sergei Lavrov: kami siap.", "Menteri Luar Negeri Rusia, Sergei Lavrov: kami siap."},
      {"T\nJakarta, ibu kota negara, diguyur hujan.", "Jakarta, ibu kota negara, diguyur hujan."},
      {"T\nJakarta, CNN Indonesia - - Presiden Taiwan Tsai Ing - wen tiba.", "Presiden Taiwan Tsai Ing - wen tiba."},
      {"T\nPresiden Taiwan Tsai Ing - wen tiba.", "Presiden Taiwan Tsai Ing - wen tiba."},
  };
  for (auto [input, expected] : rows) {
    std::string text = input;
    auto lines = clean(text, CleanOptions{});
    REQUIRE(lines.size() == 2);
    CHECK(line_text(text, lines[1]) == expected);
  }
}

TEST_CASE("a date line is page chrome and a dated dateline is cut like any other", "[cleaner][dates]") {
  std::string text = "T\nKamis, 14/9/2023 10:05 WIB\nJAKARTA, KOMPAS.com (14/9/2023) - Presiden tiba.";
  auto lines = clean(text, CleanOptions{});
  REQUIRE(lines.size() == 3);
  CHECK(lines[1].kind == LineKind::kChrome);
  CHECK(line_text(text, lines[2]) == "Presiden tiba.");
  std::string prose = "T\nPresiden tiba pada 14 September 2023 di Jakarta dan langsung bertemu menteri.";
  auto kept = clean(prose, CleanOptions{});
  REQUIRE(kept.size() == 2);
  CHECK(kept[1].kind == LineKind::kBody);  // a sentence holding a date is no date line
}

TEST_CASE("a title-case line without sentence punctuation is flagged as a possible pasted headline",
          "[cleaner]") {
  std::string text =
      "Judul\nKim tiba di Rusia pada hari Rabu.\nBegini Tampang Panik Panglima Tentara Saat Diserang\n"
      "Hubungan kedua negara yang tidak mungkin\n";
  auto lines = clean(text, CleanOptions{});
  REQUIRE(lines.size() == 4);
  CHECK(lines[2].kind == LineKind::kHeadline);
  CHECK(lines[3].kind == LineKind::kBody);
}

TEST_CASE("a byline after 'Oleh' is chrome, a sentence opening with 'Oleh karena itu' is not", "[cleaner]") {
  std::string text = "Judul\nOleh: Budi Santoso\nOLEH Siti Aminah\nOleh karena itu, dia menolak.\n";
  auto lines = clean(text, CleanOptions{});
  REQUIRE(lines.size() == 4);
  CHECK(lines[1].kind == LineKind::kChrome);
  CHECK(lines[2].kind == LineKind::kChrome);
  CHECK(lines[3].kind == LineKind::kBody);
}

TEST_CASE("an outlet's dateline leaves no outlet entity and keeps the sentence's content", "[cleaner]") {
  auto x = newsgraph::testing::extract_text("Judul\nJakarta, CNN Indonesia -- Presiden Rusia Vladimir Putin tiba di Seoul.");
  CHECK_FALSE(newsgraph::testing::find_entity(x, "CNN Indonesia"));
  CHECK(newsgraph::testing::find_entity(x, "Vladimir Putin"));
}
