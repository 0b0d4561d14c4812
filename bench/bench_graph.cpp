// Graph store and statistics benchmark: ingests generated graphs of 100k and 1M edges
// (and, with --pool, the real news pool) into a fresh store, then prints the ingest
// rate, the time to build the in-memory graph, and each statistic's time beside
// igraph's on the same graph in the same run (bench/igraph_compare.py).
// usage: bench_graph [--sizes 100000,1000000] [--pool POOL.jsonl] [--dir DIR]
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include <rapidjson/document.h>
#include <unistd.h>

#include "bench/generated_graph.h"
#include "graph/graph_view.h"
#include "graph/statistics.h"
#include "ingest/document_reader.h"
#include "ingest/pipeline.h"
#include "store/store.h"

namespace {

using namespace newsgraph;
using Clock = std::chrono::steady_clock;

double since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

std::map<std::string, double> run_igraph(const std::string& tsv, bool betweenness) {
  std::map<std::string, double> out;
  // Debian's python3-igraph belongs to the system interpreter, not to one on PATH.
  std::string python = std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
  std::string cmd = python + " " NEWSGRAPH_SOURCE_DIR "/bench/igraph_compare.py " + tsv +
                    (betweenness ? " --betweenness" : "") + " 2>/dev/null";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return out;
  std::string text;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) text.append(buf, n);
  pclose(p);
  rapidjson::Document d;
  d.Parse(text.c_str());
  if (d.HasParseError() || !d.IsObject() || d.HasMember("missing")) return out;
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it)
    if (it->value.IsNumber()) out[it->name.GetString()] = it->value.GetDouble();
  return out;
}

void write_tsv(const graph::GraphView& view, const std::string& path) {
  std::ofstream out(path);
  const graph::Csr& g = view.directed();
  for (uint32_t v = 0; v < g.node_count(); ++v)
    for (uint64_t i = g.offsets[v]; i < g.offsets[v + 1]; ++i)
      out << v << '\t' << g.targets[i] << '\t' << g.weights[i] << '\n';
}

// Loads the store's graph, times every statistic, and compares with igraph.
// The store is opened the way `newsgraph stats` opens it, after the ingest has closed it.
void measure(const std::string& db, const std::string& dir, bool exact_betweenness) {
  ::sync();  // the ingest's dirty pages are written back before timing, not during it
  std::unique_ptr<store::Store> store;
  store::StoreOptions store_options;
  store_options.create = false;
  Status opened = store::Store::open(db, store_options, &store);
  if (!opened.is_ok()) {
    std::fprintf(stderr, "%s\n", opened.message().c_str());
    std::exit(3);
  }
  // Loading is timed best of five on both sides (igraph_compare.py does the same):
  // a load takes milliseconds, so one busy moment on the machine would decide a single run.
  graph::GraphView view;
  double load = 1e300;
  for (int attempt = 0; attempt < 5; ++attempt) {
    view = graph::GraphView{};
    auto start = Clock::now();
    graph::GraphView::load(*store, {}, &view);
    load = std::min(load, since(start));
  }
  std::printf("  graph: %zu nodes, %zu relations, %zu directed arcs\n", view.node_count(), view.edges().size(),
              view.directed().edge_count());
  graph::StatisticsOptions options;
  if (exact_betweenness) options.betweenness.max_exact_work = 1e18;
  graph::GraphStatistics s = graph::compute_statistics(view, options);
  std::string tsv = dir + "/edges.tsv";
  write_tsv(view, tsv);
  auto theirs = run_igraph(tsv, exact_betweenness);
  std::printf("  %-20s %12s %12s %8s\n", "", "newsgraph s", "igraph s", "speedup");
  auto row = [&](const char* name, double ours, const char* their_key) {
    auto it = theirs.find(their_key);
    if (it == theirs.end()) {
      std::printf("  %-20s %12.3f %12s\n", name, ours, "-");
    } else {
      std::printf("  %-20s %12.3f %12.3f %7.1fx\n", name, ours, it->second, it->second / ours);
    }
  };
  row("load graph (best of 5)", load, "load_tsv");
  row("pagerank", s.seconds["pagerank"], "pagerank");
  row("weak components", s.seconds["weak_components"], "weak_components");
  row("strong components", s.seconds["strong_components"], "strong_components");
  row("clustering", s.seconds["clustering"], "clustering");
  row("communities", s.seconds["communities"], "communities");
  row(s.betweenness_exact ? "betweenness (exact)" : "betweenness (sampled)", s.seconds["betweenness"],
      exact_betweenness ? "betweenness" : "-");
  row("paths", s.seconds["paths"], "-");
  row("degree", s.seconds["degree"], "-");
  std::printf("  modularity %.4f (%zu communities), global clustering %.4f\n", s.modularity, s.communities,
              s.clustering.global);
}

std::unique_ptr<store::Store> fresh_store(const std::string& path) {
  std::filesystem::remove(path);
  std::filesystem::remove(path + "-wal");
  std::filesystem::remove(path + "-shm");
  std::unique_ptr<store::Store> store;
  Status st = store::Store::open(path, {}, &store);
  if (!st.is_ok()) {
    std::fprintf(stderr, "%s\n", st.message().c_str());
    std::exit(3);
  }
  return store;
}

void ingest_pool(store::Store& store, const std::string& pool) {
  ingest::Extractor extractor;
  ingest::Extractor::create({}, &extractor);
  size_t articles = 0, relations = 0, bytes = 0;
  auto start = Clock::now();
  store.begin_batch();
  ingest::ReadCallbacks cb;
  cb.on_document = [&](const Document& doc, bool title_in_text) {
    Extraction x = extractor.extract(doc, title_in_text);
    store::IngestResult r;
    store.ingest(doc, x, &r);
    ++articles;
    relations += x.relations.size();
    bytes += doc.text.size();
    if (articles % 2000 == 0) {
      store.commit_batch();
      store.begin_batch();
    }
  };
  cb.on_skip = [](const Status&) {};
  ingest::DocumentReader(ingest::ReadOptions{}, cb).read(pool);
  store.commit_batch();
  double s = since(start);
  std::printf("  ingest (extraction included): %zu articles, %.1f MB, %zu relations in %.1f s: %.0f articles/s, "
              "%.0f relations/s\n", articles, bytes / 1e6, relations, s, articles / s, relations / s);
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);  // figures appear as they are measured
  std::vector<size_t> sizes = {100000, 1000000};
  std::string pool, dir = std::filesystem::temp_directory_path().string();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--sizes" && i + 1 < argc) {
      sizes = bench::parse_sizes(argv[++i]);
    } else if (a == "--pool" && i + 1 < argc) {
      pool = argv[++i];
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else {
      std::puts("usage: bench_graph [--sizes 100000,1000000] [--pool POOL.jsonl] [--dir DIR]");
      return a == "-h" || a == "--help" ? 0 : 2;
    }
  }
  std::printf("exact betweenness, generated graph of 10k nodes / 50k relations:\n");
  {
    std::string db = dir + "/bench_graph_betweenness.db";
    bench::ingest_generated(*fresh_store(db), 50000, 10000, 3);
    measure(db, dir, true);
  }
  for (size_t edges : sizes) {
    std::printf("\ngenerated graph, %zu relations, %zu entities:\n", edges, edges / 5);
    std::string db = dir + "/bench_graph.db";
    bench::ingest_generated(*fresh_store(db), edges, edges / 5, 1);
    measure(db, dir, false);
  }
  if (!pool.empty()) {
    std::printf("\nreal news pool %s:\n", pool.c_str());
    std::string db = dir + "/bench_graph_pool.db";
    ingest_pool(*fresh_store(db), pool);
    measure(db, dir, false);
  }
  return 0;
}
