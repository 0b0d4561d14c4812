#include <catch2/catch.hpp>
#include <cstdio>

#include "ingest/gazetteer.h"
#include "ingest/pipeline.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::ingest;

namespace {
std::optional<GazetteerMatch> match(const Gazetteer& g, const std::string& s, size_t at = 0) {
  auto t = tokenize(s, 0, static_cast<uint32_t>(s.size()));
  return g.longest_match(t, at, t.size());
}

// The id matched at token `at` of `s`, or "" when none.
std::string id_at(const Gazetteer& g, const std::string& s, size_t at = 0) {
  auto m = match(g, s, at);
  return m ? g.entry(m->entry).id : "";
}

// The ids of the entities extracted from one article (title, then body).
std::vector<std::string> entity_ids(const std::string& body, const std::string& published = "") {
  static const Extractor extractor = [] {
    Extractor x;
    REQUIRE(Extractor::create(ExtractorOptions{}, &x).is_ok());
    return x;
  }();
  Document d;
  d.id = "t";
  d.text = "Judul\n" + body;
  d.published = published;
  std::vector<std::string> ids;
  for (const auto& e : extractor.extract(d, true).entities) ids.push_back(e.id);
  return ids;
}

bool has(const std::vector<std::string>& ids, const std::string& id) {
  return std::find(ids.begin(), ids.end(), id) != ids.end();
}
}  // namespace

TEST_CASE("the built-in gazetteer resolves countries by Indonesian, English and capital names", "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  for (const char* name : {"Korea Utara", "North Korea", "DPRK", "Pyongyang"}) {
    auto m = match(g, name);
    REQUIRE(m);
    CHECK(g.entry(m->entry).id == "north_korea");
  }
  auto kremlin = match(g, "Kremlin");
  REQUIRE(kremlin);
  CHECK(kremlin->metonym);
  CHECK(g.entry(kremlin->entry).type == EntityType::kCountry);
}

TEST_CASE("the longest alias wins", "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  auto m = match(g, "Dewan Keamanan PBB menyatakan");
  REQUIRE(m);
  CHECK(g.entry(m->entry).id == "un_security_council");
  CHECK(m->tokens == 3);
}

TEST_CASE("an all-capital alias matches only capitals", "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  CHECK(match(g, "AS menuduh"));
  CHECK_FALSE(match(g, "as menuduh"));
  CHECK_FALSE(match(g, "barat daya"));  // "Barat" (the West) needs its capital
}

TEST_CASE("every country in the built-in gazetteer has an Indonesian or English name besides its label",
          "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  size_t countries = 0;
  for (size_t i = 0; i < g.size(); ++i) {
    if (g.entry(static_cast<uint32_t>(i)).type == EntityType::kCountry) ++countries;
  }
  CHECK(countries >= 195);
  CHECK(g.leader_of("russia"));
}

TEST_CASE("users add entities and aliases from a JSON file", "[gazetteer]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/mine.json",
                      R"({"entities": [{"label": "Hiroshi Tanaka", "type": "PERSON", "aliases": ["Tanaka-san"]},
                                        {"id": "russia", "label": "Russia", "type": "COUNTRY", "aliases": ["Rossiya"]}]})");
  Gazetteer g = Gazetteer::built_in();
  REQUIRE(g.add_json_file(dir + "/mine.json").is_ok());
  auto m = match(g, "Tanaka-san");
  REQUIRE(m);
  CHECK(g.entry(m->entry).id == "hiroshi_tanaka");
  auto r = match(g, "Rossiya");
  REQUIRE(r);
  CHECK(g.entry(r->entry).id == "russia");
}

TEST_CASE("a JSON gazetteer's offices give the holder of a post on a day", "[gazetteer][dates]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/posts.json",
                      R"({"entities": [{"label": "Ana Bara", "type": "PERSON",
                                        "offices": ["foreign_minister@indonesia:2001-01-01..2004-12-31"]}]})");
  Gazetteer g = Gazetteer::built_in();
  REQUIRE(g.add_json_file(dir + "/posts.json").is_ok());
  auto holder = g.as_of("2003-05-01").office_holder("foreign_minister", "indonesia");
  REQUIRE(holder);
  CHECK(g.entry(*holder).id == "ana_bara");
  testing::write_file(dir + "/badpost.json", R"([{"label": "X", "type": "PERSON", "offices": ["menlu"]}])");
  CHECK(g.add_json_file(dir + "/badpost.json").code() == StatusCode::kInvalidInput);
}

TEST_CASE("a malformed gazetteer file is rejected with its name and position", "[gazetteer]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/bad.json", R"({"entities": [{"label": "X", )");
  testing::write_file(dir + "/badtype.json", R"([{"label": "X", "type": "PLANET"}])");
  Gazetteer g;
  Status st = g.add_json_file(dir + "/bad.json");
  CHECK(st.code() == StatusCode::kInvalidInput);
  CHECK_THAT(st.message(), Catch::Contains("bad.json") && Catch::Contains("byte"));
  CHECK(g.add_json_file(dir + "/badtype.json").code() == StatusCode::kInvalidInput);
  CHECK(g.add_json_file(dir + "/missing.json").code() == StatusCode::kNotFound);
}

TEST_CASE("news outlets are marked as the press, in the built-in lines and in users' JSON", "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  for (const char* outlet : {"Reuters", "BBC", "Kompas"}) {
    auto m = match(g, outlet);
    REQUIRE(m);
    CHECK(g.entry(m->entry).press);
  }
  auto country = match(g, "Rusia");
  REQUIRE(country);
  CHECK_FALSE(g.entry(country->entry).press);

  auto dir = testing::temp_dir();
  testing::write_file(dir + "/press.json", R"([{"label": "Harian Zorba", "type": "ORGANIZATION", "press": true}])");
  testing::write_file(dir + "/badpress.json", R"([{"label": "Harian Zorba", "type": "ORGANIZATION", "press": "yes"}])");
  REQUIRE(g.add_json_file(dir + "/press.json").is_ok());
  auto mine = match(g, "Harian Zorba");
  REQUIRE(mine);
  CHECK(g.entry(mine->entry).press);
  Status st = g.add_json_file(dir + "/badpress.json");
  CHECK(st.code() == StatusCode::kInvalidInput);
  CHECK_THAT(st.message(), Catch::Contains("press"));
}

TEST_CASE("a product or brand is an entity of its own, part of its owner, not a name of the owner",
          "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  for (const char* product : {"Instagram", "WhatsApp", "Facebook"}) {
    auto m = match(g, product);
    REQUIRE(m);
    CHECK(g.entry(m->entry).id != "meta_platforms");
    CHECK(g.entry(m->entry).part_of == "meta_platforms");
  }
  auto ids = entity_ids("Donald Trump mengunggah foto di Instagram dan Facebook.", "2018-03-01");
  CHECK(has(ids, "instagram"));
  CHECK_FALSE(has(ids, "meta_platforms"));
}

TEST_CASE("a company name valid from its renaming is not matched in articles dated before it",
          "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  CHECK(id_at(g.as_of("2018-06-01"), "Meta mengumumkan") == "");
  CHECK(id_at(g.as_of("2022-06-01"), "Meta mengumumkan") == "meta_platforms");
  CHECK(id_at(g, "Meta mengumumkan") == "meta_platforms");  // undated: kept
  CHECK_FALSE(has(entity_ids("Meta mengumumkan fitur baru.", "2017-01-05"), "meta_platforms"));
  CHECK(has(entity_ids("Meta mengumumkan fitur baru.", "2023-01-05"), "meta_platforms"));
}

TEST_CASE("a direction after a place's name names another place, not the place nor the West",
          "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  CHECK(id_at(g, "Jawa Barat") == "jawa_barat");
  CHECK(id_at(g, "Amerika Selatan") == "south_america");
  CHECK(id_at(g, "Lombok Barat") == "");
  CHECK(id_at(g, "Lombok Barat", 1) == "");
  CHECK(id_at(g, "Jerman Timur") == "east_germany");
  CHECK(id_at(g, "Suriah utara") == "syria");  // lowercase: a part of Syria
  CHECK(id_at(g, "Rusia dan Barat", 2) == "the_west");
  CHECK(id_at(g, "hubungan Rusia-Barat", 2) == "the_west");
  for (const char* text : {"Gubernur Jawa Barat meresmikan jembatan baru.",
                           "Gempa mengguncang Lombok Barat dan Nusa Tenggara Barat.",
                           "Wabah menyebar di Afrika Barat.", "Kapal itu berlayar ke arah barat daya.",
                           "Rumahnya di sebelah Barat pasar."}) {
    INFO(text);
    CHECK_FALSE(has(entity_ids(text), "the_west"));
  }
  CHECK(has(entity_ids("Rusia menuduh Barat ikut campur."), "the_west"));
}

TEST_CASE("a country named for its language or league is not the country", "[gazetteer]") {
  for (const char* text : {"Dia fasih berbahasa Inggris.", "Buku itu ditulis dalam bahasa Inggris.",
                           "Klub itu bermain di Liga Inggris.", "Dia pindah ke Premier League Inggris."}) {
    INFO(text);
    CHECK_FALSE(has(entity_ids(text), "united_kingdom"));
  }
  CHECK(has(entity_ids("Dia fasih berbahasa Inggris."), "lang_english"));
  CHECK(has(entity_ids("Inggris menjatuhkan sanksi kepada Rusia."), "united_kingdom"));
}

TEST_CASE("the leader of a country is the one in office on the article's date", "[gazetteer]") {
  Gazetteer g = Gazetteer::built_in();
  auto leader = [&](const Gazetteer& view, const char* body) {
    auto l = view.leader_of(body);
    return l ? view.entry(*l).id : std::string();
  };
  CHECK(leader(g.as_of("2018-04-27"), "south_korea") == "moon_jae_in");
  CHECK(leader(g.as_of("2016-06-01"), "south_korea") == "park_geun_hye");
  CHECK(leader(g.as_of("2018-04-27"), "united_states") == "donald_trump");
  CHECK(leader(g.as_of("2015-04-27"), "united_states") == "barack_obama");
  CHECK(leader(g.as_of("2018-04-27"), "united_kingdom") == "theresa_may");
  CHECK(leader(g, "south_korea") == "lee_jae_myung");  // undated: the one in office now
}

TEST_CASE("a dated article's bare leader title is the one in office that day, an undated one's no one",
          "[gazetteer][dates]") {
  const std::string body = "\nPresiden AS mengkritik Rusia.";
  CHECK(has(entity_ids(body, "2018-06-12"), "donald_trump"));
  CHECK_FALSE(has(entity_ids(body, "2018-06-12"), "joe_biden"));
  CHECK(has(entity_ids(body, "2022-03-01"), "joe_biden"));
  CHECK_FALSE(has(entity_ids(body, "2022-03-01"), "donald_trump"));
  CHECK(has(entity_ids("\nPerdana Menteri Inggris menelepon Presiden Prancis.", "2018-04-27"), "theresa_may"));
  const auto undated = entity_ids(body);
  CHECK_FALSE(has(undated, "donald_trump"));  // no date: the gazetteer's today may not be the article's
  CHECK(has(undated, "united_states"));
  CHECK_FALSE(has(entity_ids("\nMantan Presiden AS mengkritik Rusia.", "2022-03-01"), "joe_biden"));
}

TEST_CASE("a post's title stands for whoever held that post on the article's day, never the body's leader",
          "[gazetteer][dates]") {
  const std::string body = "\nMenteri Luar Negeri AS mengkritik Rusia. Perdana Menteri Prancis menelepon Presiden India.";
  const auto y2018 = entity_ids(body, "2018-06-12");
  for (const char* id : {"mike_pompeo", "edouard_philippe", "ram_nath_kovind"}) CHECK(has(y2018, id));
  const auto y2022 = entity_ids(body, "2022-09-01");
  for (const char* id : {"antony_blinken", "elisabeth_borne", "droupadi_murmu"}) CHECK(has(y2022, id));
  for (const char* id : {"emmanuel_macron", "narendra_modi", "donald_trump", "joe_biden"}) {
    CHECK_FALSE(has(y2018, id));
    CHECK_FALSE(has(y2022, id));
  }
  // a holder the article names with the title is the one its bare title means later
  const auto named = entity_ids("\nMenteri Luar Negeri Rusia Sergei Lavrov tiba. Menlu Rusia mengkritik NATO.");
  CHECK(has(named, "sergei_lavrov"));
  CHECK(has(entity_ids("\nSekjen PBB mengecam serangan itu.", "2015-05-01"), "ban_ki_moon"));
}

TEST_CASE("the built-in posts name a head of state, a head of government and a foreign minister of every "
          "G20 and ASEAN member on nearly every day since 2014",
          "[gazetteer][dates]") {
  Gazetteer g = Gazetteer::built_in();
  const char* bodies[] = {"argentina", "australia", "brazil", "canada", "china", "france", "germany", "india",
                          "indonesia", "italy", "japan", "mexico", "russia", "saudi_arabia", "south_africa",
                          "south_korea", "turkey", "united_kingdom", "united_states", "european_union",
                          "brunei", "cambodia", "laos", "malaysia", "myanmar", "philippines", "singapore",
                          "thailand", "vietnam"};
  // What a title before the body resolves to: a listed post's holder, else for a leader's
  // title the body's leader.
  auto holder = [&](const Gazetteer& day, const char* kind, const char* body) -> std::optional<uint32_t> {
    if (day.lists_office(kind, body)) return day.office_holder(kind, body);
    if (std::string(kind) == "foreign_minister") return std::nullopt;
    return day.leader_on_date(body);
  };
  for (const char* kind : {"head_of_state", "head_of_government", "foreign_minister"}) {
    for (const char* body : bodies) {
      int days = 0, held = 0;
      for (int year = 2014; year <= 2026; ++year) {
        for (int month = 1; month <= 12; ++month) {
          char date[11];
          std::snprintf(date, sizeof date, "%04d-%02d-15", year, month);
          ++days;
          held += holder(g.as_of(date), kind, body).has_value() ? 1 : 0;
        }
      }
      INFO(kind << " of " << body << ": " << held << " of " << days << " months");
      CHECK(held * 100 >= days * 97);  // a few weeks without a minister happen (caretakers)
    }
  }
  CHECK(g.entry(*holder(g.as_of("2019-05-01"), "head_of_state", "vietnam")).id == "nguyen_phu_trong");
  CHECK(g.entry(*holder(g.as_of("2014-02-01"), "head_of_state", "turkey")).id == "abdullah_gul");
  CHECK(g.entry(*holder(g.as_of("2017-04-01"), "head_of_state", "italy")).id == "sergio_mattarella");
}

TEST_CASE("OFFICE lines and office= posts are read, a post of an unknown office is rejected by line",
          "[gazetteer]") {
  Gazetteer g;
  REQUIRE(g.add_lines("COUNTRY|wakanda|Wakanda||\n"
                      "OFFICE|foreign_minister|menteri luar negeri;menlu\n"
                      "PERSON|a|Ana Bara||office=foreign_minister@wakanda:2001-01-01..2004-12-31\n"
                      "PERSON|b|Bima Cakra||office=foreign_minister@wakanda:2005-01-01..\n",
                      "mine")
              .is_ok());
  auto holder = [&](const Gazetteer& view) {
    auto h = view.office_holder("foreign_minister", "wakanda");
    return h ? view.entry(*h).id : std::string();
  };
  CHECK(holder(g.as_of("2003-02-01")) == "a");
  CHECK(holder(g.as_of("2010-02-01")) == "b");
  CHECK(holder(g.as_of("1999-02-01")).empty());
  CHECK(holder(g) == "b");  // undated: the post still held
  Gazetteer bad;
  Status st = bad.add_lines("PERSON|c|Citra Dewi||office=minister_of_magic@wakanda:2001..\n", "mine");
  CHECK(st.code() == StatusCode::kInvalidInput);
  CHECK_THAT(st.message(), Catch::Contains("mine:1") && Catch::Contains("minister_of_magic"));
  CHECK_FALSE(bad.find("c").has_value());
  CHECK(bad.add_lines("OFFICE|x|menlu\nPERSON|d|Dewi Sri||office=x@wakanda\n", "mine").code() ==
        StatusCode::kInvalidInput);
}

TEST_CASE("gazetteer lines with rules, word lists and defaults are read, bad ones rejected by line",
          "[gazetteer]") {
  Gazetteer g;
  REQUIRE(g.add_lines("WORDS|dir|Utara;Selatan\n"
                      "DEFAULT|LOCATION|not_before=@dir\n"
                      "LOCATION|kutub|Kutub|Tanah Kutub{not_after=es}|\n"
                      "PERSON|p|Pak Ali||leads=x;term=2001..2004,2010..\n",
                      "mine")
              .is_ok());
  CHECK(id_at(g, "Kutub Utara") == "");
  CHECK(id_at(g, "Kutub") == "kutub");
  CHECK(id_at(g, "es Tanah Kutub", 1) == "");
  CHECK(g.entry(*g.find("p")).terms.size() == 2);
  CHECK_FALSE(g.as_of("2006-01-01").leader_of("x"));
  CHECK(g.as_of("2012-01-01").leader_of("x"));
  Status st = g.add_lines("\nLOCATION|y|Y|Why{not_after=@nowhere}|", "mine");
  CHECK(st.code() == StatusCode::kInvalidInput);
  CHECK_THAT(st.message(), Catch::Contains("mine:2") && Catch::Contains("@nowhere"));
}

TEST_CASE("users' JSON entities carry name rules and terms in office like the built-in ones", "[gazetteer]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/terms.json",
                      R"([{"id": "zorbania", "label": "Zorbania", "type": "COUNTRY", "aliases": ["Zorba{not_before=Raya}"]},
                          {"label": "Ada Lim", "type": "PERSON", "leads": "zorbania", "terms": ["2016-01-01..2019-12-31"]},
                          {"label": "Bo Tan", "type": "PERSON", "leads": "zorbania", "terms": ["2020-01-01.."]}])");
  Gazetteer g;
  REQUIRE(g.add_json_file(dir + "/terms.json").is_ok());
  CHECK(id_at(g, "Zorba menolak") == "zorbania");
  CHECK(id_at(g, "Zorba Raya") == "");
  auto leader = [&](const Gazetteer& view) { return view.entry(*view.leader_of("zorbania")).label; };
  CHECK(leader(g.as_of("2018-05-01")) == "Ada Lim");
  CHECK(leader(g) == "Bo Tan");
  testing::write_file(dir + "/badterm.json", R"([{"label": "C", "type": "PERSON", "terms": ["sometime"]}])");
  CHECK(g.add_json_file(dir + "/badterm.json").code() == StatusCode::kInvalidInput);
}
