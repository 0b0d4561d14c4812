// Extraction throughput on one thread: reads a JSON Lines pool (default
// ../shared/corpus/news/news_pool.jsonl) into memory, then times extraction of every
// article and prints MB/s, articles/s and what was found.
// usage: bench_extract [POOL.jsonl] [--repeat N]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "ingest/document_reader.h"
#include "ingest/pipeline.h"

int main(int argc, char** argv) {
  using namespace newsgraph;
  std::string pool = "../shared/corpus/news/news_pool.jsonl";
  int repeat = 1;
  for (int i = 1; i < argc; ++i) {
    std::string a = argv[i];
    if (a == "--repeat" && i + 1 < argc) {
      repeat = std::atoi(argv[++i]);
    } else if (a == "-h" || a == "--help") {
      std::puts("usage: bench_extract [POOL.jsonl] [--repeat N]");
      return 0;
    } else {
      pool = a;
    }
  }
  if (!std::filesystem::exists(pool)) {
    std::fprintf(stderr, "bench_extract: %s not found (pass the pool's path)\n", pool.c_str());
    return 2;
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

  ingest::Extractor extractor;
  if (!ingest::Extractor::create(ingest::ExtractorOptions{}, &extractor).is_ok()) return 3;
  size_t entities = 0, typed = 0, cooccurs = 0;
  auto start = std::chrono::steady_clock::now();
  for (int r = 0; r < repeat; ++r) {
    for (const auto& d : docs) {
      Extraction x = extractor.extract(d, false);
      entities += x.entities.size();
      for (const auto& rel : x.relations) (rel.predicate == Predicate::kCoOccurs ? cooccurs : typed)++;
    }
  }
  double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  double mb = static_cast<double>(bytes) * repeat / 1e6;
  std::printf("pool: %s (%zu articles, %.1f MB of text, %zu lines skipped)\n", pool.c_str(), docs.size(),
              bytes / 1e6, skipped);
  std::printf("extraction, 1 thread: %.2f s for %.1f MB -> %.1f MB/s, %.0f articles/s\n", seconds, mb,
              mb / seconds, docs.size() * repeat / seconds);
  std::printf("found per pass: %zu entities, %zu typed relations, %zu co-occurrences\n", entities / repeat,
              typed / repeat, cooccurs / repeat);
  return 0;
}
