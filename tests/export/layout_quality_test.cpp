// The layout of a real store's export, as a user opens it: a few thousand pool articles
// ingested, exported by the CLI (the default: typed relations), and the drawing measured
// from the file's own x, y and size. Prints the figures beside the bounds they must meet.
// Skipped, saying so, where ../shared is absent.
#include <rapidjson/document.h>

#include <algorithm>
#include <catch2/catch.hpp>
#include <cmath>
#include <cstdio>
#include <fstream>
#include <map>
#include <numeric>
#include <random>
#include <string>
#include <vector>

#include "tests/test_paths.h"

using namespace newsgraph::testing;

namespace {

struct Drawn {
  std::vector<double> x, y, size;
  std::vector<std::pair<size_t, size_t>> edges;
};

Drawn read_drawing(const std::string& json) {
  rapidjson::Document d;
  d.Parse(json.c_str());
  REQUIRE_FALSE(d.HasParseError());
  Drawn g;
  std::map<std::string, size_t> index;
  for (const auto& n : d["nodes"].GetArray()) {
    index[n["id"].GetString()] = g.x.size();
    g.x.push_back(n["x"].GetDouble());
    g.y.push_back(n["y"].GetDouble());
    g.size.push_back(n["size"].GetDouble());
  }
  for (const auto& l : d["links"].GetArray()) g.edges.emplace_back(index.at(l["source"].GetString()), index.at(l["target"].GetString()));
  return g;
}

}  // namespace

TEST_CASE("a real store's export reads: linked nodes near, the largest component big, no node hidden under another",
          "[export][layout]") {
  if (shared_dir().empty()) {
    WARN("../shared is absent: the layout of a real store is not measured");
    return;
  }
  const std::string dir = temp_dir();
  {  // every 8th pool article: about 3,200
    std::ifstream pool(shared_dir() + "/corpus/news/news_pool.jsonl");
    std::ofstream sample(dir + "/sample.jsonl");
    std::string line;
    for (size_t k = 0; std::getline(pool, line); ++k)
      if (k % 8 == 0) sample << line << '\n';
  }
  REQUIRE(run(binary() + " ingest --quiet --db " + dir + "/s.db " + dir + "/sample.jsonl").exit_code == 0);
  auto r = run(binary() + " export --format json --db " + dir + "/s.db");
  REQUIRE(r.exit_code == 0);
  const Drawn g = read_drawing(r.out);
  const size_t n = g.x.size();
  REQUIRE(n > 500);

  auto distance = [&](size_t a, size_t b) { return std::hypot(g.x[a] - g.x[b], g.y[a] - g.y[b]); };
  // Components, by joining ends.
  std::vector<size_t> parent(n);
  std::iota(parent.begin(), parent.end(), 0);
  auto root = [&](size_t v) {
    while (parent[v] != v) v = parent[v] = parent[parent[v]];
    return v;
  };
  for (const auto& [a, b] : g.edges) parent[root(a)] = root(b);
  std::map<size_t, size_t> members;
  for (size_t v = 0; v < n; ++v) ++members[root(v)];
  const size_t giant = std::max_element(members.begin(), members.end(), [](auto& a, auto& b) { return a.second < b.second; })->first;

  double linked = 0;
  for (const auto& [a, b] : g.edges) linked += distance(a, b);
  linked /= static_cast<double>(g.edges.size());
  std::mt19937 rng(1);
  double pairs = 0;
  for (int s = 0; s < 20000; ++s) pairs += distance(rng() % n, rng() % n);
  pairs /= 20000;

  struct Box {
    double x0 = HUGE_VAL, x1 = -HUGE_VAL, y0 = HUGE_VAL, y1 = -HUGE_VAL;
    void add(double x, double y, double r) {
      x0 = std::min(x0, x - r), x1 = std::max(x1, x + r), y0 = std::min(y0, y - r), y1 = std::max(y1, y + r);
    }
    double area() const { return (x1 - x0) * (y1 - y0); }
  } all, big;
  for (size_t v = 0; v < n; ++v) {
    all.add(g.x[v], g.y[v], g.size[v] / 2);
    if (root(v) == giant) big.add(g.x[v], g.y[v], g.size[v] / 2);
  }

  std::vector<size_t> by_x(n);
  std::iota(by_x.begin(), by_x.end(), 0);
  std::sort(by_x.begin(), by_x.end(), [&](size_t a, size_t b) { return g.x[a] < g.x[b]; });
  const double largest = *std::max_element(g.size.begin(), g.size.end());
  std::vector<char> hidden(n, 0);
  for (size_t i = 0; i < n; ++i)
    for (size_t j = i + 1; j < n && g.x[by_x[j]] - g.x[by_x[i]] < largest; ++j)
      if (distance(by_x[i], by_x[j]) < (g.size[by_x[i]] + g.size[by_x[j]]) / 2 * 0.999) hidden[by_x[i]] = hidden[by_x[j]] = 1;
  const double overlap = static_cast<double>(std::count(hidden.begin(), hidden.end(), 1)) / static_cast<double>(n);

  std::printf("real store layout: %zu nodes, %zu edges, giant component %zu nodes\n", n, g.edges.size(), members[giant]);
  std::printf("  edge length / random pair distance %.3f (bound < 0.35; random positions give 1.0)\n", linked / pairs);
  // Each component drawn at the same density: the largest takes about its share of the
  // nodes (before, 15% of the canvas for most of the nodes).
  const double node_share = static_cast<double>(members[giant]) / static_cast<double>(n);
  std::printf("  giant component's share of the picture %.3f (bound > 0.8 x its share of the nodes, %.3f)\n",
              big.area() / all.area(), node_share);
  std::printf("  nodes overlapping another %.4f (bound < 0.01)\n", overlap);
  CHECK(linked / pairs < 0.35);
  CHECK(big.area() / all.area() > 0.8 * node_share);
  CHECK(overlap < 0.01);
}
