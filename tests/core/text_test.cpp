#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/text.h"
#include "tests/test_paths.h"

using namespace newsgraph::text;

TEST_CASE("lookup keys fold case, accents, hyphens and dots", "[text]") {
  CHECK(fold_key("Kim Jong-un") == "kim jong un");
  CHECK(fold_key("U.S.") == "us");
  CHECK(fold_key("  Côte d'Ivoire ") == "cote divoire");
  CHECK(fold_key("Putin\xE2\x80\x94Kim") == "putin kim");
}

TEST_CASE("slugs are stable ids made of lowercase words and underscores", "[text]") {
  CHECK(slugify("Aidan Foster-Carter") == "aidan_foster_carter");
  CHECK(slugify("RIAU24.COM") == "riau24com");
  CHECK(slugify("Kementerian Luar Negeri (Jepang)") == "kementerian_luar_negeri_jepang");
}

TEST_CASE("word shapes tell capitalised and all-capital words apart", "[text]") {
  CHECK(starts_upper("Rusia"));
  CHECK_FALSE(starts_upper("rusia"));
  CHECK(starts_upper("\xC3\x89mile"));  // É
  CHECK(is_all_upper("PBB"));
  CHECK_FALSE(is_all_upper("Pbb"));
  CHECK_FALSE(is_all_upper("2024"));
}

TEST_CASE("ASCII and other letters fold by the same rules in one key", "[text]") {
  // Each ASCII rule beside its Unicode counterpart: tab and no-break space, hyphen and
  // en dash, straight and curly apostrophe, capital A and capital É.
  CHECK(fold_key("Ali\tBaba") == fold_key("Ali\xC2\xA0" "Baba"));
  CHECK(fold_key("Ali-Baba") == fold_key("Ali\xE2\x80\x93" "Baba"));
  CHECK(fold_key("O'Neil") == fold_key("O\xE2\x80\x99Neil"));
  CHECK(fold_key("(ABC), \"d\" e_f\r\ng") == "abc d e f g");
  CHECK(fold_key("\xC3\x89LYS\xC3\x89" "E Cafe") == "elysee cafe");
}

namespace {

// A slug by its definition: fold_key, then each run of what is no letter or digit (or
// byte outside ASCII) as one '_', none at the ends.
std::string slug_by_definition(std::string_view s) {
  std::string out;
  for (char c : fold_key(s)) {
    if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || static_cast<unsigned char>(c) >= 0x80) out.push_back(c);
    else if (!out.empty() && out.back() != '_') out.push_back('_');
  }
  while (!out.empty() && out.back() == '_') out.pop_back();
  return out;
}

}  // namespace

TEST_CASE("the one-pass slug equals its definition, on written names and on the pool's text", "[text]") {
  for (const char* name : {"Aidan Foster-Carter", "U.S. Army", " (Jepang) ", "Côte d'Ivoire", "Putin\xE2\x80\x94Kim",
                           "\xE2\x80\x9C" "Al-Qaeda\xE2\x80\x9D & ISIS!", "S\xC3\xA3o Tom\xC3\xA9_dan__Pr\xC3\xADncipe",
                           "STRA\xC3\x9F" "E \xD0\x9C\xD0\xBE\xD1\x81\xD0\xBA\xD0\xB2\xD0\xB0", "...", "", "a\xC2\xA0" "b"}) {
    INFO(name);
    CHECK(slugify(name) == slug_by_definition(name));
  }
  const std::vector<std::string> pieces = newsgraph::testing::pool_pieces(200, 40);  // name-sized
  if (pieces.empty()) {
    WARN("../shared is absent: the pool's text is not checked");
    return;
  }
  size_t checked = 0;
  for (const std::string& piece : pieces) {
    if (slugify(piece) != slug_by_definition(piece)) FAIL_CHECK(piece);
    ++checked;
  }
  CHECK(checked > 10000);
}
