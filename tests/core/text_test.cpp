#include <catch2/catch.hpp>

#include "core/text.h"

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
