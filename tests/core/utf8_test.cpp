#include <catch2/catch.hpp>

#include "core/utf8.h"

using newsgraph::utf8::first_invalid_byte;

TEST_CASE("well-formed UTF-8 is accepted, ill-formed is rejected at its first bad byte", "[utf8]") {
  struct Row {
    std::string text;
    std::optional<size_t> bad;
  };
  const Row rows[] = {
      {"", std::nullopt},
      {"Kim Jong Un", std::nullopt},
      {"Putin\xE2\x80\x94yang", std::nullopt},          // em dash
      {"\xE2\x80\x9Ckata\xE2\x80\x9D", std::nullopt},   // curly quotes
      {"Moskow\xC2\xA0menyerukan", std::nullopt},        // NBSP
      {"abc\xFF", 3},                                    // stray byte
      {"ab\xC3", 2},                                     // truncated sequence
      {"\xC0\xAF", 0},                                   // overlong slash
      {"x\xED\xA0\x80", 1},                              // UTF-16 surrogate
      {"ok\xF4\x90\x80\x80", 2},                         // past U+10FFFF
  };
  for (const auto& row : rows) {
    INFO(row.text);
    CHECK(first_invalid_byte(row.text) == row.bad);
  }
}

TEST_CASE("a bad byte is found wherever it sits in a long ASCII run, and a good one is passed",
          "[utf8]") {
  // ASCII is read eight bytes a step: every offset in and after those steps.
  const std::string ascii(41, 'k');
  for (size_t at = 0; at < ascii.size(); ++at) {
    std::string bad = ascii;
    bad[at] = '\xFF';
    INFO(at);
    CHECK(first_invalid_byte(bad) == at);
    std::string good = ascii.substr(0, at) + "\xE2\x80\x94" + ascii.substr(at);  // an em dash there
    CHECK_FALSE(first_invalid_byte(good).has_value());
    CHECK(first_invalid_byte(good + "\xC3") == good.size());  // cut short at the end
  }
}
