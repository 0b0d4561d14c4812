// Extraction throughput: reads a JSON Lines pool (default
// ../shared/corpus/news/news_pool.jsonl) into memory, then, round after round, times
// extraction of every article on one thread and on --jobs threads, and the naive Python
// regex baseline (../shared/bench/baseline_regex_extract.py) on the same file, one after
// the other; prints each round and the min and median of each, side by side.
// usage: bench_extract [POOL.jsonl] [--rounds N] [--jobs N] [--baseline PATH|none]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <thread>
#include <vector>

#include "core/relation_order.h"
#include "ingest/document_reader.h"
#include "ingest/pipeline.h"

namespace {

using namespace newsgraph;

struct Found {
  size_t entities = 0, typed = 0, cooccurs = 0;
};

// Seconds to extract every document on `threads` threads (each takes the next article).
double extract_all(const ingest::Extractor& extractor, const std::vector<Document>& docs, size_t threads,
                   Found* found) {
  std::atomic<size_t> next{0};
  std::vector<Found> per_thread(threads);
  auto work = [&](size_t t) {
    for (size_t i = next++; i < docs.size(); i = next++) {
      Extraction x = extractor.extract(docs[i], false);
      per_thread[t].entities += x.entities.size();
      per_thread[t].typed += x.relations.size();
      per_thread[t].cooccurs += pair_count(x.cooccurrences);
    }
  };
  auto start = std::chrono::steady_clock::now();
  if (threads == 1) {
    work(0);
  } else {
    std::vector<std::thread> pool;
    for (size_t t = 0; t < threads; ++t) pool.emplace_back(work, t);
    for (auto& th : pool) th.join();
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  *found = {};
  for (const Found& f : per_thread) {
    found->entities += f.entities;
    found->typed += f.typed;
    found->cooccurs += f.cooccurs;
  }
  return seconds;
}

// Seconds the baseline script takes for one pass over the pool (its own timing), or -1.
double baseline_seconds(const std::string& script, const std::string& pool) {
  std::string cmd = "python3 '" + script + "' '" + pool + "' --repeat 1";
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return -1;
  char buf[512];
  std::string out;
  while (fgets(buf, sizeof buf, p)) out += buf;
  if (pclose(p) != 0) return -1;
  const size_t at = out.find("median ");
  return at == std::string::npos ? -1 : std::atof(out.c_str() + at + 7);
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  return v.empty() ? 0 : (v.size() % 2 ? v[v.size() / 2] : (v[v.size() / 2 - 1] + v[v.size() / 2]) / 2);
}

}  // namespace

int main(int argc, char** argv) {
  std::string pool = "../shared/corpus/news/news_pool.jsonl";
  std::string baseline = "../shared/bench/baseline_regex_extract.py";
  int rounds = 3;
  size_t jobs = 2;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if ((a == "--rounds" || a == "--repeat") && i + 1 < argc) {
      rounds = std::max(1, std::atoi(argv[++i]));
    } else if (a == "--jobs" && i + 1 < argc) {
      jobs = static_cast<size_t>(std::max(1, std::atoi(argv[++i])));
    } else if (a == "--baseline" && i + 1 < argc) {
      baseline = argv[++i];
    } else if (a == "-h" || a == "--help") {
      std::puts("usage: bench_extract [POOL.jsonl] [--rounds N] [--jobs N] [--baseline PATH|none]");
      return 0;
    } else {
      pool = a;
    }
  }
  if (!std::filesystem::exists(pool)) {
    std::fprintf(stderr, "bench_extract: %s not found (pass the pool's path)\n", pool.c_str());
    return 2;
  }
  if (baseline != "none" && !std::filesystem::exists(baseline)) {
    std::fprintf(stderr, "bench_extract: baseline %s not found (--baseline none to skip it)\n", baseline.c_str());
    baseline = "none";
  }
  std::vector<Document> docs;
  size_t skipped = 0;
  ingest::ReadCallbacks cb;
  cb.on_document = [&](const Document& d, bool) { docs.push_back(d); };
  cb.on_skip = [&](const Status&) { ++skipped; };
  ingest::DocumentReader reader(ingest::ReadOptions{}, cb);
  reader.read(pool);
  size_t bytes = 0;
  for (const auto& d : docs) bytes += d.text.size();
  const double mb = static_cast<double>(bytes) / 1e6;
  const double file_mb = static_cast<double>(std::filesystem::file_size(pool)) / 1e6;

  ingest::Extractor extractor;
  if (!ingest::Extractor::create(ingest::ExtractorOptions{}, &extractor).is_ok()) return 3;
  std::printf("pool: %s (%zu articles, %.1f MB of text in a %.1f MB file, %zu lines skipped)\n", pool.c_str(),
              docs.size(), mb, file_mb, skipped);
  std::vector<double> one, many, base;
  Found found;
  for (int r = 1; r <= rounds; ++r) {
    one.push_back(extract_all(extractor, docs, 1, &found));
    many.push_back(extract_all(extractor, docs, jobs, &found));
    if (baseline != "none") base.push_back(baseline_seconds(baseline, pool));
    std::printf("round %d: 1 thread %.2f s, %zu threads %.2f s", r, one.back(), jobs, many.back());
    if (!base.empty()) std::printf(", baseline %.2f s", base.back());
    std::printf("\n");
  }
  auto line = [&](const char* what, const std::vector<double>& s) {
    const double lo = *std::min_element(s.begin(), s.end()), mid = median(s);
    std::printf("%-28s min %.2f s, median %.2f s -> %.1f MB/s of text (median), %.0f articles/s\n", what, lo, mid,
                mb / mid, docs.size() / mid);
  };
  line("extraction, 1 thread:", one);
  const std::string threads = "extraction, " + std::to_string(jobs) + " threads:";
  line(threads.c_str(), many);
  if (!base.empty() && base.front() > 0) {
    line("regex baseline (Python):", base);
    std::printf("newsgraph, 1 thread, is %.2fx the baseline's speed on the same pool (median)\n",
                median(base) / median(one));
  }
  std::printf("found per pass: %zu entities, %zu typed relations, %zu co-occurrences\n", found.entities,
              found.typed, found.cooccurs);
  return 0;
}
