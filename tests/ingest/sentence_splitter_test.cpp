#include <catch2/catch.hpp>

#include "ingest/sentence_splitter.h"

using namespace newsgraph::ingest;

namespace {
size_t count_sentences(const std::string& s) {
  auto t = tokenize(s, 0, static_cast<uint32_t>(s.size()));
  return split_sentences(s, t).size();
}
}  // namespace

TEST_CASE("sentences split at final punctuation followed by a capital", "[splitter]") {
  const std::pair<const char*, size_t> rows[] = {
      {"Kim tiba di Rusia. Putin menyambutnya.", 2},
      {"Dr. Budi datang. Ia bicara.", 2},                       // title abbreviation
      {"Rapat di Jl. Sudirman berlangsung lama.", 1},           // street abbreviation
      {"M. Hendra ditangkap polisi.", 1},                       // an initial
      {"Harga naik 2.5 persen. Pasar tenang.", 2},              // a decimal
      {"\"Kami menang.\" Kata itu diulang.", 2},                // closing quote stays
      {"Apakah ia datang? Tidak ada yang tahu!", 2},
      {"Nilainya naik dll. karena permintaan.", 1},             // lowercase after dot
  };
  for (auto [text, n] : rows) {
    INFO(text);
    CHECK(count_sentences(text) == n);
  }
}
