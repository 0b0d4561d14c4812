#include <catch2/catch.hpp>
#include <sstream>

#include "ingest/document_reader.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::ingest;

namespace {
struct Collected {
  std::vector<Document> docs;
  std::vector<Status> skips;
};

Collected read_all(const std::vector<std::string>& inputs, ReadOptions options = {}) {
  Collected c;
  ReadCallbacks cb;
  cb.on_document = [&](const Document& d, bool) { c.docs.push_back(d); };
  cb.on_skip = [&](const Status& s) { c.skips.push_back(s); };
  DocumentReader reader(options, cb);
  for (const auto& i : inputs) reader.read(i);
  return c;
}
}  // namespace

TEST_CASE("bad inputs are skipped with a message naming them and the good ones still read", "[reader]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/a_good.txt", "Judul\nKim tiba di Rusia.\n");
  testing::write_file(dir + "/b_bad_utf8.txt", "Judul\nKim \xFF tiba.\n");
  testing::write_file(dir + "/c_binary.txt", std::string("GIF89a\0\0\x01", 9));
  testing::write_file(dir + "/d_empty.txt", "  \n\n");
  testing::write_file(dir + "/e_big.txt", std::string(5000, 'a'));
  testing::write_file(dir + "/f_lines.jsonl",
                      "{\"id\": \"x1\", \"title\": \"T\", \"text\": \"Putin tiba.\"}\n"
                      "{\"id\": \"x2\", \"text\": \"unterminated\n"
                      "{\"id\": \"x3\", \"text\": \"Kim pergi.\", \"published\": \"2023-09-13\"}\n"
                      "{\"id\": \"x4\", \"text\": \"Putin \\uDFFF tiba.\"}\n" +
                          std::string(3000, '[') + "\n");
  ReadOptions options;
  options.max_article_bytes = 4096;
  auto c = read_all({dir, dir + "/missing.txt"}, options);

  std::vector<std::string> ids;
  for (const auto& d : c.docs) ids.push_back(d.id);
  CHECK(ids == std::vector<std::string>{"a_good", "x1", "x3"});
  CHECK(c.docs[2].published == "2023-09-13");

  REQUIRE(c.skips.size() == 8);
  auto message = [&](const char* needle) {
    for (const auto& s : c.skips) {
      if (s.message().find(needle) != std::string::npos) return s;
    }
    return Status::ok();
  };
  CHECK(message("b_bad_utf8.txt").code() == StatusCode::kInvalidInput);
  CHECK_THAT(message("b_bad_utf8.txt").message(), Catch::Contains("byte 10"));
  CHECK(message("c_binary.txt").code() == StatusCode::kInvalidInput);
  CHECK(message("d_empty.txt").code() == StatusCode::kEmpty);
  CHECK(message("e_big.txt").code() == StatusCode::kTooLarge);
  CHECK(message("f_lines.jsonl:2").code() == StatusCode::kInvalidInput);
  CHECK_THAT(message("f_lines.jsonl:4").message(), Catch::Contains("lone surrogate"));
  CHECK_THAT(message("f_lines.jsonl:5").message(), Catch::Contains("deeper than"));
  CHECK(message("missing.txt").code() == StatusCode::kNotFound);
}

TEST_CASE("a plain-text article takes its first non-empty line as title and its file name as id",
          "[reader]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/artikel-1.txt", "\n\n  Putin Tiba di Pyongyang \nIsi berita.\n");
  auto c = read_all({dir + "/artikel-1.txt"});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].id == "artikel-1");
  CHECK(c.docs[0].title == "Putin Tiba di Pyongyang");
}

TEST_CASE("a plain-text article is dated by the date line under its title, else by its dateline", "[reader][dates]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/a.txt", "Jokowi bertemu Putin\n\nKamis, 14/9/2023 10:05 WIB\n\nPresiden bertemu.\n");
  testing::write_file(dir + "/b.txt", "Jokowi bertemu Putin\n\nJAKARTA, KOMPAS.com (2/1/2017) - Presiden bertemu.\n");
  testing::write_file(dir + "/c.txt", "Jokowi bertemu Putin\n\nPresiden bertemu pada 14 September 2023.\n");
  testing::write_file(dir + "/d.txt", "14 September 2023\n");  // a title alone: no date line under it
  auto c = read_all({dir});
  REQUIRE(c.docs.size() == 4);
  CHECK(c.docs[0].published == "2023-09-14");
  CHECK(c.docs[1].published == "2017-01-02");
  CHECK(c.docs[2].published.empty());  // a date in the prose is no publication date
  CHECK(c.docs[3].published.empty());
}

TEST_CASE("a run's --published dates only the articles that carry no date of their own", "[reader][dates]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/a.txt", "Judul\n14 Agustus 2016\n\nIsi.\n");
  testing::write_file(dir + "/b.txt", "Judul\n\nIsi tanpa tanggal.\n");
  testing::write_file(dir + "/c.jsonl",
                      "{\"id\": \"j1\", \"text\": \"Isi.\", \"published\": \"Senin, 5 Desember 2016 08:00 WIB\"}\n"
                      "{\"id\": \"j2\", \"text\": \"Isi.\"}\n");
  ReadOptions options;
  options.default_published = "2020-05-01";
  auto c = read_all({dir}, options);
  REQUIRE(c.docs.size() == 4);
  CHECK(c.docs[0].published == "2016-08-14");
  CHECK(c.docs[1].published == "2020-05-01");
  CHECK(c.docs[2].published == "2016-12-05");  // normalised to ISO
  CHECK(c.docs[3].published == "2020-05-01");
}

TEST_CASE("a JSON line whose published is no date is kept undated and noted, not given another day",
          "[reader][dates]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/x.jsonl",
                      "{\"id\": \"j1\", \"text\": \"Isi.\", \"published\": \"2019-02-30\"}\n"
                      "{\"id\": \"j2\", \"text\": \"Isi.\", \"published\": \"kemarin sore\"}\n");
  std::vector<Document> docs;
  std::vector<Status> notes, skips;
  ReadCallbacks cb;
  cb.on_document = [&](const Document& d, bool) { docs.push_back(d); };
  cb.on_skip = [&](const Status& s) { skips.push_back(s); };
  cb.on_notice = [&](const Status& s) { notes.push_back(s); };
  DocumentReader(ReadOptions{}, cb).read(dir + "/x.jsonl");
  REQUIRE(docs.size() == 2);
  CHECK(docs[0].published.empty());
  CHECK(docs[1].published.empty());
  CHECK(skips.empty());
  REQUIRE(notes.size() == 2);
  CHECK_THAT(notes[0].message(), Catch::Contains("x.jsonl:1") && Catch::Contains("2019-02-30"));
}

TEST_CASE("a line is read whole but kept only up to the limit, so a huge line costs no memory", "[reader]") {
  const std::string huge(3'000'000, 'x');  // longer than the reader's 64 KB buffer many times
  std::istringstream in("short\n" + huge + "\n\n{\"text\": \"after\"}\nlast without newline");
  std::string line;
  size_t length = 0;
  std::vector<std::pair<std::string, size_t>> lines;
  while (read_bounded_line(in, 1000, &line, &length)) {
    CHECK(line.size() <= 1000);
    lines.emplace_back(line.size() <= 40 ? line : line.substr(0, 5), length);
  }
  const std::vector<std::pair<std::string, size_t>> expected = {
      {"short", 5}, {"", 3'000'000}, {"", 0}, {"{\"text\": \"after\"}", 17}, {"last without newline", 20}};
  CHECK(lines == expected);
  // A line of exactly the buffer's size, and of the limit, are whole.
  for (size_t n : {size_t{65535}, size_t{65536}, size_t{1000}}) {
    std::istringstream exact(std::string(n, 'y') + "\nz");
    REQUIRE(read_bounded_line(exact, 70000, &line, &length));
    CHECK(length == n);
    CHECK(line.size() == n);
    REQUIRE(read_bounded_line(exact, 70000, &line, &length));
    CHECK(line == "z");
    CHECK_FALSE(read_bounded_line(exact, 70000, &line, &length));
  }
}

TEST_CASE("a JSON line holding a raw NUL byte is skipped as malformed, also after a whole object, and the next line read",
          "[reader]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/nul.jsonl", std::string("{\"id\": \"n1\", \"text\": \"Putin\0 tiba.\"}\n", 37) +
                                              std::string("{\"id\": \"n2\", \"text\": \"Kim tiba.\"}\0{}\n", 37) +
                                              "{\"id\": \"n3\", \"text\": \"Kim \\u0000 pergi.\"}\n"
                                              "{\"id\": \"n4\", \"text\": \"Kim pergi.\"}\n");
  auto c = read_all({dir + "/nul.jsonl"});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].id == "n4");
  REQUIRE(c.skips.size() == 3);
  CHECK_THAT(c.skips[0].message(), Catch::Contains("nul.jsonl:1") && Catch::Contains("NUL byte"));
  CHECK_THAT(c.skips[1].message(), Catch::Contains("nul.jsonl:2") && Catch::Contains("column 34"));
  CHECK_THAT(c.skips[2].message(), Catch::Contains("nul.jsonl:3") && Catch::Contains("NUL character"));
}

TEST_CASE(
    "JSON lines with bytes that are no UTF-8 are skipped naming the column, valid UTF-8 is read",
    "[reader]") {
  struct Line {
    std::string text;  // the value of "text", raw bytes
    const char* skip;  // the message's tail, or nullptr: the line is read
  };
  const std::vector<Line> lines = {
      {"Jokowi \xC3\xA9 Jakarta \xE2\x82\xAC \xF0\x9F\x98\x80", nullptr},
      {"overlong \xC0\xAF slash", "column 19: Invalid encoding in string."},
      {"surrogate \xED\xA0\x80 bytes", "column 20: Invalid encoding in string."},
      {"past U+10FFFF \xF4\x90\x80\x80", "column 24: Invalid encoding in string."},
      {"cut short \xE2\x82", "column 20: Invalid encoding in string."},
      {"a lone continuation \x80 byte, after eight ASCII bytes",
       "column 30: Invalid encoding in string."},
  };
  auto dir = testing::temp_dir();
  std::string data;
  for (const auto& l : lines) data += "{\"text\":\"" + l.text + "\"}\n";
  testing::write_file(dir + "/u.jsonl", data);
  auto c = read_all({dir + "/u.jsonl"});
  REQUIRE(c.docs.size() == 1);
  CHECK(c.docs[0].text == lines[0].text);
  REQUIRE(c.skips.size() == lines.size() - 1);
  for (size_t i = 1; i < lines.size(); ++i) {
    CAPTURE(i);
    CHECK_THAT(c.skips[i - 1].message(), Catch::EndsWith(":" + std::to_string(i + 1) +
                                                         ": malformed JSON at " + lines[i].skip));
  }
}

TEST_CASE("a reader told to stop reads no further lines of JSON Lines", "[reader]") {
  auto dir = testing::temp_dir();
  testing::write_file(dir + "/three.jsonl", "{\"id\": \"a\", \"text\": \"Kim tiba di Rusia.\"}\n"
                                            "{\"id\": \"b\", \"text\": \"Putin menyambut Kim.\"}\n"
                                            "{\"id\": \"c\", \"text\": \"Rusia memuji Korea Utara.\"}\n");
  std::vector<std::string> ids;
  ReadCallbacks cb;
  cb.on_document = [&](const Document& d, bool) { ids.push_back(d.id); };
  cb.stop = [&] { return ids.size() == 2; };  // as a store that failed after the second
  DocumentReader reader({}, cb);
  reader.read(dir + "/three.jsonl");
  CHECK(ids == std::vector<std::string>{"a", "b"});
}
