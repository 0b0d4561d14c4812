// Export benchmark: builds stores of 100k and 1M generated relations, then times
// `newsgraph export --format graphml` (a child process, so its peak memory is its own)
// and each of its phases in this process (load, layout, write), beside igraph's and
// networkx's GraphML writers in the same run (bench/graphml_writers.py): on the bare
// structure (ids, a label, the weight), and on the very graph newsgraph wrote, every
// attribute included, read back by each library and written again.
// usage: bench_export [--sizes 100000,1000000] [--dir DIR]
#include <sys/resource.h>
#include <sys/wait.h>

#include <rapidjson/document.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include "bench/generated_graph.h"
#include "export/export_graph.h"
#include "export/writer.h"
#include "graph/attributed_graph.h"
#include "graph/graph_view.h"
#include "store/store.h"

namespace {

using namespace newsgraph;

std::string python() { return std::filesystem::exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3"; }

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

// The export's phases timed one by one in this process.
void phases(const std::string& db, const std::string& out) {
  std::unique_ptr<store::Store> store;
  const store::StoreOptions options = store::StoreOptions::for_reading();
  if (!store::Store::open(db, options, &store).is_ok()) return;
  auto t = std::chrono::steady_clock::now();
  graph::AttributedGraph attributed;
  graph::load_attributed_graph(*store, {}, &attributed);
  double load = since(t);
  t = std::chrono::steady_clock::now();
  exporter::ExportGraph g = exporter::build_export_graph(std::move(attributed), exporter::ExportOptions{});
  double layout = since(t);
  t = std::chrono::steady_clock::now();
  {
    std::ofstream file(out, std::ios::binary);
    exporter::make_writer(exporter::Format::kGraphml)->write(g, file);
  }
  double write = since(t);
  double mb = double(std::filesystem::file_size(out)) / 1e6;
  std::printf("  %-34s load %.2f s, layout and attributes %.2f s, write %.2f s (%.1f MB/s)\n",
              "newsgraph phases, in process", load, layout, write, mb / write);
}

std::string run(const std::string& cmd) {
  std::string text;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return text;
  char buf[4096];
  while (size_t n = fread(buf, 1, sizeof buf, p)) text.append(buf, n);
  pclose(p);
  return text;
}

constexpr int kRuns = 3;

void one_size(size_t edges, const std::string& dir) {
  std::string db = dir + "/bench_export.db";
  for (const char* suffix : {"", "-wal", "-shm"}) std::filesystem::remove(db + suffix);
  std::printf("\n%zu relations among %zu entities:\n", edges, edges / 5);
  {
    std::unique_ptr<store::Store> store;
    std::filesystem::create_directories(dir);
    Status opened = store::Store::open(db, {}, &store);
    if (!opened.is_ok()) {
      std::fprintf(stderr, "bench_export: %s\n", opened.message().c_str());
      std::exit(3);
    }
    bench::ingest_generated(*store, edges, edges / 5, 1);
    graph::GraphView view;
    graph::GraphView::load(*store, {}, &view);
    std::ofstream tsv(dir + "/bench_export.tsv");
    for (const auto& e : view.edges()) tsv << e.source << '\t' << e.target << '\t' << e.weight << '\n';
  }
  // Best of three runs, as igraph's writes are timed; the peak is the largest of them.
  std::string out = dir + "/bench_export.graphml";
  double seconds = 1e300;
  int status = 0;
  for (int run = 0; run < kRuns; ++run) {
    auto start = std::chrono::steady_clock::now();
    status |= std::system((std::string(NEWSGRAPH_BINARY) + " export --db " + db + " -o " + out + " 2>/dev/null").c_str());
    seconds = std::min(seconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  struct rusage after {};
  getrusage(RUSAGE_CHILDREN, &after);
  double bytes = double(std::filesystem::file_size(out));
  std::printf("  %-34s %8s %10s %10s %10s\n", "best of 3 runs", "seconds", "MB", "MB/s", "peak MB");
  std::printf("  %-34s %8.2f %10.1f %10.1f %10.0f%s\n", "newsgraph export (load+layout+write)", seconds, bytes / 1e6,
              bytes / 1e6 / seconds, after.ru_maxrss / 1024.0, WEXITSTATUS(status) ? "  (failed)" : "");
  std::string no_layout =
      std::string(NEWSGRAPH_BINARY) + " export --no-layout --db " + db + " -o " + dir + "/bench_export_plain.graphml";
  seconds = 1e300;
  for (int run = 0; run < kRuns; ++run) {
    auto start = std::chrono::steady_clock::now();
    std::system((no_layout + " 2>/dev/null").c_str());
    seconds = std::min(seconds, std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  }
  std::printf("  %-34s %8.2f %10.1f %10.1f\n", "newsgraph export --no-layout", seconds, bytes / 1e6,
              bytes / 1e6 / seconds);
  phases(db, dir + "/bench_export_phases.graphml");
  std::filesystem::remove(dir + "/bench_export_phases.graphml");
  rapidjson::Document d;
  std::filesystem::remove(dir + "/bench_export_plain.graphml");
  std::string json = run(python() + " " NEWSGRAPH_SOURCE_DIR "/bench/graphml_writers.py " + dir +
                         "/bench_export.tsv " + dir + " " + out);
  std::filesystem::remove(out);
  d.Parse(json.c_str());
  if (d.HasParseError() || !d.IsObject()) return;
  const std::pair<const char*, const char*> rows[] = {
      {"igraph", "igraph write_graphml, bare"},
      {"networkx", "networkx write_graphml, bare"},
      {"igraph_same", "igraph write_graphml, same graph"},
      {"networkx_same", "networkx write_graphml, same graph"}};
  for (const auto& [key, name] : rows) {
    if (!d.HasMember(key)) {
      std::printf("  %-34s (not installed, or the file is too large for it)\n", name);
      continue;
    }
    const auto& r = d[key];
    double s = r["seconds"].GetDouble(), mb = r["bytes"].GetDouble() / 1e6;
    std::printf("  %-34s %8.2f %10.1f %10.1f %10.0f\n", name, s, mb, mb / s, r["peak_mb"].GetDouble());
  }
}

}  // namespace

int main(int argc, char** argv) {
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  std::vector<size_t> sizes = {100000, 1000000};
  std::string dir = std::filesystem::temp_directory_path().string();
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--sizes" && i + 1 < argc) {
      sizes = bench::parse_sizes(argv[++i]);
    } else if (a == "--dir" && i + 1 < argc) {
      dir = argv[++i];
    } else {
      std::puts("usage: bench_export [--sizes 100000,1000000] [--dir DIR]");
      return a == "-h" || a == "--help" ? 0 : 2;
    }
  }
  for (size_t edges : sizes) one_size(edges, dir);
  return 0;
}
