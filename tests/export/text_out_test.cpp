// TextOut: the escapes each format needs, and records formatted on two threads coming
// out exactly as one thread writes them.
#include "export/text_out.h"

#include <catch2/catch.hpp>
#include <cstdio>
#include <sstream>
#include <string>

using namespace newsgraph::exporter;

namespace {

std::string record(size_t i) { return "<r n=\"" + std::to_string(i) + "\">" + std::string(i % 7, 'x') + "</r>\n"; }

std::string written_by_items(size_t count) {
  std::ostringstream s;
  TextOut o(s);
  o << "begin\n";
  o.items(count, [](TextOut& out, size_t i) { out << record(i); });
  o << "end\n";
  REQUIRE(o.finish().is_ok());
  return s.str();
}

std::string written_in_a_loop(size_t count) {
  std::string expected = "begin\n";
  for (size_t i = 0; i < count; ++i) expected += record(i);
  return expected + "end\n";
}

}  // namespace

TEST_CASE("records formatted on two threads come out in order, as one loop writes them", "[export][text_out]") {
  // 0, one record, one and two chunks exactly, and many chunks with a part chunk at the end.
  for (size_t count : {0, 1, 2048, 4096, 4097, 20000, 100001}) {
    INFO("records: " << count);
    CHECK(written_by_items(count) == written_in_a_loop(count));
  }
}

TEST_CASE("xml escapes the five markup characters and drops control characters", "[export][text_out]") {
  std::ostringstream s;
  TextOut o(s);
  o.xml("Kim & \"Putin\" <di> Moskow's\x01 pagi\tini\n");
  REQUIRE(o.finish().is_ok());
  CHECK(s.str() == "Kim &amp; &quot;Putin&quot; &lt;di&gt; Moskow&apos;s pagi\tini\n");
}

TEST_CASE("xml escapes alike wherever the character falls in a long text", "[export][text_out]") {
  // Texts long enough for the wide scan, each special character, UTF-8 bytes and a
  // forbidden control character put at every position from 0 to 40.
  const std::string plain = "Presiden Prabowo bertemu PM Modi di Jakarta \xC3\xA9t\xC3\xA9 ";
  for (char special : {'&', '<', '>', '"', '\'', '\t', '\n', '\r', '\x01', '\x1F', 'x'}) {
    for (size_t at = 0; at <= 40; ++at) {
      std::string text = plain;
      text.insert(at, 1, special);
      std::string expected;
      for (char c : text) {
        switch (c) {
          case '&': expected += "&amp;"; break;
          case '<': expected += "&lt;"; break;
          case '>': expected += "&gt;"; break;
          case '"': expected += "&quot;"; break;
          case '\'': expected += "&apos;"; break;
          default:
            if (static_cast<unsigned char>(c) >= 0x20 || c == '\t' || c == '\n' || c == '\r') expected += c;
        }
      }
      std::ostringstream s;
      TextOut o(s);
      o.xml(text);
      REQUIRE(o.finish().is_ok());
      INFO("character " << int(special) << " at " << at);
      CHECK(s.str() == expected);
    }
  }
}

TEST_CASE("numbers read the same as %.10g writes them, whole ones as plain digits", "[export][text_out]") {
  for (double v : {0.0, -0.0, 3.0, -42.0, 9999999999.0, 1e10, 123456789012.0, 0.15, 2.5e-5, 1.0 / 3}) {
    std::ostringstream s;
    TextOut o(s);
    o.number(v);
    REQUIRE(o.finish().is_ok());
    char expected[32];
    std::snprintf(expected, sizeof expected, "%.10g", v);
    CHECK(s.str() == expected);
  }
}
