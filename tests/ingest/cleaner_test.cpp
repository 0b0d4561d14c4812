#include <catch2/catch.hpp>

#include "ingest/cleaner.h"

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
  };
  for (auto [input, expected] : rows) {
    std::string text = input;
    auto lines = clean(text, CleanOptions{});
    REQUIRE(lines.size() == 2);
    CHECK(line_text(text, lines[1]) == expected);
  }
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
