#include <catch2/catch.hpp>

#include <cstdio>
#include <string>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include "tests/test_paths.h"

using namespace newsgraph::testing;

TEST_CASE("extract prints one JSON line per example article and exits 0", "[cli]") {
  auto r = run(binary() + " extract " + source_dir() + "/examples");
  CHECK(r.exit_code == 0);
  size_t lines = std::count(r.out.begin(), r.out.end(), '\n');
  CHECK(lines == 3);
  CHECK_THAT(r.out, Catch::Contains("\"predicate\":\"SANCTION\""));
}

TEST_CASE("extract says an article's publication date, and only when it has one", "[cli][dates]") {
  auto r = run(binary() + " extract " + source_dir() + "/examples/01_menlu_bertemu.txt " + source_dir() +
               "/examples/02_bantuan_pangan.txt");
  REQUIRE(r.exit_code == 0);
  const std::string first = r.out.substr(0, r.out.find('\n')), second = r.out.substr(r.out.find('\n') + 1);
  CHECK_THAT(first, Catch::Contains("\"published\":\"2023-03-14\""));
  CHECK_THAT(second, !Catch::Contains("\"published\""));
}

TEST_CASE("the same input gives byte-identical output", "[cli]") {
  auto a = run(binary() + " extract " + source_dir() + "/examples");
  auto b = run(binary() + " extract --format jsonl " + source_dir() + "/examples");
  CHECK(a.out == b.out);
}

TEST_CASE("extract on several threads prints what one thread prints, in input order, skips included",
          "[cli]") {
  auto dir = temp_dir();
  write_file(dir + "/b_bad.txt", "Judul\n\xFE\xFF rusak\n");
  std::string inputs = dir + " " + source_dir() + "/examples";
  const auto shared = shared_dir();
  if (shared.empty()) WARN("../shared absent: the examples only");
  else inputs += " " + shared + "/corpus/dev " + shared + "/corpus/seeds";
  for (const char* format : {"jsonl", "text"}) {
    auto one = run(binary() + " extract --jobs 1 --format " + format + " " + inputs, temp_dir() + "/err1");
    auto four = run(binary() + " extract --jobs 4 --format " + format + " " + inputs, temp_dir() + "/err4");
    CHECK(one.exit_code == 1);  // the bad file, named and skipped on both
    CHECK(four.exit_code == 1);
    CHECK(one.out.size() > 1000);
    CHECK(four.out == one.out);
  }
  CHECK(run(binary() + " extract --jobs 0 " + inputs).exit_code == 2);
  CHECK(run(binary() + " extract --jobs lots " + inputs).exit_code == 2);
}

TEST_CASE("a bad input is named on stderr, the others are processed, and the exit code is 1", "[cli]") {
  auto dir = temp_dir();
  write_file(dir + "/bad.txt", "Judul\n\xFE\xFF rusak\n");
  write_file(dir + "/lines.jsonl", "{\"id\": \"ok\", \"text\": \"Rusia menuduh AS.\"}\n{oops\n");
  auto err_dir = temp_dir();
  auto r = run(binary() + " extract " + dir + " " + source_dir() + "/examples/01_menlu_bertemu.txt", err_dir + "/err");
  CHECK(r.exit_code == 1);
  CHECK(std::count(r.out.begin(), r.out.end(), '\n') == 2);
  auto err = read_file(err_dir + "/err");
  CHECK_THAT(err, Catch::Contains("bad.txt") && Catch::Contains("invalid UTF-8"));
  CHECK_THAT(err, Catch::Contains("lines.jsonl:2") && Catch::Contains("malformed JSON"));
}

TEST_CASE("usage errors exit 2 and --help exits 0", "[cli]") {
  CHECK(run(binary() + " extract --format xml x").exit_code == 2);
  CHECK(run(binary() + " frobnicate").exit_code == 2);
  CHECK(run(binary() + " extract --help").exit_code == 0);
  CHECK(run(binary() + " --help").exit_code == 0);
}

TEST_CASE("an unreadable user gazetteer stops extract with exit code 3", "[cli]") {
  auto dir = temp_dir();
  write_file(dir + "/g.json", "[{\"label\": ");
  CHECK(run(binary() + " extract --gazetteer " + dir + "/g.json " + source_dir() + "/examples").exit_code == 3);
}

TEST_CASE("a user gazetteer adds a name the built-in one lacks", "[cli]") {
  auto dir = temp_dir();
  write_file(dir + "/g.json", R"([{"label": "Zorbania", "type": "COUNTRY", "aliases": ["Zorbenia"]}])");
  write_file(dir + "/a.txt", "Judul\nrusia menuduh Zorbenia.\n");
  auto r = run(binary() + " extract --gazetteer " + dir + "/g.json " + dir + "/a.txt");
  CHECK(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::Contains("\"label\":\"Zorbania\""));
}

TEST_CASE("a user's cue file adds a relation cue the built-in lexicon lacks", "[cli][cues]") {
  auto dir = temp_dir();
  write_file(dir + "/mine.txt", "# my cues\nplonk | ATTACK | forms=derived\n");
  write_file(dir + "/a.txt", "Judul\nRusia memplonk Ukraina.\n");
  auto without = run(binary() + " extract " + dir + "/a.txt");
  CHECK_THAT(without.out, !Catch::Contains("\"predicate\":\"ATTACK\""));
  auto with = run(binary() + " extract --cues " + dir + "/mine.txt " + dir + "/a.txt");
  CHECK(with.exit_code == 0);
  CHECK_THAT(with.out, Catch::Contains("\"predicate\":\"ATTACK\"") && Catch::Contains("\"cue\":\"memplonk\""));
}

TEST_CASE("a malformed or missing cue file stops extract, ingest and serve with exit code 3, naming the file and line", "[cli][cues]") {
  auto dir = temp_dir();
  write_file(dir + "/mine.txt", "plonk | ATTACK\nplunk | SMASH\n");
  write_file(dir + "/a.txt", "Judul\nRusia memplonk Ukraina.\n");
  auto err_dir = temp_dir();
  auto r = run(binary() + " extract --cues " + dir + "/mine.txt " + dir + "/a.txt", err_dir + "/err");
  CHECK(r.exit_code == 3);
  CHECK(r.out.empty());
  CHECK_THAT(read_file(err_dir + "/err"), Catch::Contains("mine.txt:2:") && Catch::Contains("SMASH"));
  CHECK(run(binary() + " extract --cues " + dir + "/none.txt " + dir + "/a.txt").exit_code == 3);
  CHECK(run(binary() + " ingest --db " + dir + "/g.db --cues " + dir + "/mine.txt " + dir + "/a.txt").exit_code == 3);
  CHECK(run(binary() + " serve --port 0 --db " + dir + "/s.db --cues " + dir + "/mine.txt").exit_code == 3);
}

namespace {

// How RapidJSON's Writer, which extract once wrote with, renders `text` as a JSON string.
std::string rapidjson_quoted(const std::string& text) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> writer(buffer);
  writer.String(text.data(), static_cast<rapidjson::SizeType>(text.size()));
  return std::string(buffer.GetString(), buffer.GetSize());
}

}  // namespace

TEST_CASE("extract escapes control bytes, quotes and backslashes as RapidJSON's Writer does",
          "[cli]") {
  std::string title;
  for (char c = 1; c < 0x20; ++c) title.push_back(c);
  title +=
      "\"quoted\" back\\slash /slash \x7F del, Bahasa Indonesia: \xC3\xA9\xE2\x82\xAC long enough";
  std::string escaped_title;  // the title as a JSON Lines input gives it
  for (unsigned char c : title) {
    char code[8];
    std::snprintf(code, sizeof code, "\\u%04x", c);
    escaped_title += c < 0x20 || c == '"' || c == '\\' ? std::string(code) : std::string(1, c);
  }
  const auto dir = temp_dir();
  write_file(dir + "/a.jsonl",
             "{\"id\":\"tab\\there\",\"title\":\"" + escaped_title +
                 "\",\"text\":\"Presiden Joko Widodo bertemu Retno Marsudi.\"}\n");
  auto r = run(binary() + " extract " + dir + "/a.jsonl");
  REQUIRE(r.exit_code == 0);
  CHECK_THAT(r.out, Catch::StartsWith("{\"doc\":" + rapidjson_quoted("tab\there") +
                                      ",\"title\":" + rapidjson_quoted(title) + ","));
}
