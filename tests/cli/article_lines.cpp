// JSON Lines of articles for the merge and order tests: see article_lines.h.
#include "tests/cli/article_lines.h"

#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <fstream>
#include <random>

#include "store/canonical_order.h"
#include "tests/test_paths.h"

namespace newsgraph::testing {

std::pair<std::string, std::string> canonical_key(const std::string& line) {
  rapidjson::Document d;
  d.Parse(line.c_str());
  REQUIRE(d.IsObject());
  auto field = [&d](const char* name) {
    return d.HasMember(name) && d[name].IsString() ? std::string(d[name].GetString()) : std::string();
  };
  return {field("published"), field("id")};
}

std::vector<std::string> in_canonical_order(std::vector<std::string> lines) {
  std::vector<std::pair<std::pair<std::string, std::string>, std::string>> keyed;  // each line parsed once
  for (std::string& line : lines) keyed.emplace_back(canonical_key(line), std::move(line));
  std::stable_sort(keyed.begin(), keyed.end(), [](const auto& a, const auto& b) {
    return store::sorts_before(a.first.first, a.first.second, b.first.first, b.first.second);
  });
  for (size_t i = 0; i < keyed.size(); ++i) lines[i] = std::move(keyed[i].second);
  return lines;
}

std::string joined(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += l + "\n";
  return out;
}

std::vector<std::string> pool_lines(size_t count) {
  std::vector<std::string> out;
  if (shared_dir().empty()) return out;
  std::ifstream in(shared_dir() + "/corpus/news/news_pool.jsonl");  // read as far as needed
  std::string line;
  size_t n = 0;
  while (out.size() < count && std::getline(in, line))
    if (n++ % 7 == 0) out.push_back(line);  // spread over the pool
  return out;
}

std::vector<std::string> example_lines(size_t copies) {
  const char* examples[] = {"01_menlu_bertemu.txt", "02_bantuan_pangan.txt", "03_sanksi.txt"};
  std::vector<std::string> out;
  for (size_t i = 0; i < copies; ++i) {
    std::string text = read_file(source_dir() + "/examples/" + examples[i % 3]);
    std::string escaped;
    for (char c : text + "\nEdisi " + std::to_string(i) + ".") {
      if (c == '"' || c == '\\') escaped += '\\';
      if (c == '\n') escaped += "\\n";
      else if (static_cast<unsigned char>(c) >= 0x20) escaped += c;
    }
    const std::string date = "2023-0" + std::to_string(3 + i % 2) + "-1" + std::to_string(i % 10);
    const std::string id = "ex-" + std::to_string(i);
    out.push_back("{\"id\":\"" + id + "\",\"source\":\"https://example.org/" + id + "\",\"published\":\"" + date +
                  "\",\"text\":\"" + escaped + "\"}");
  }
  std::mt19937 shuffle_seed(11);
  std::shuffle(out.begin(), out.end(), shuffle_seed);
  return out;
}

CommandResult ingest_file(const std::string& db, const std::string& jsonl, const std::string& flags) {
  return run(ng() + " ingest --quiet " + flags + " --db " + shell_quote(db) + " " + shell_quote(jsonl));
}

}  // namespace newsgraph::testing
