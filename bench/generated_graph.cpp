#include "bench/generated_graph.h"

#include <chrono>
#include <cstdio>
#include <map>
#include <random>
#include <string>
#include <utility>

namespace newsgraph::bench {
namespace {

double since(std::chrono::steady_clock::time_point t) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t).count();
}

}  // namespace

// Synthetic articles of 10 relations each between entities drawn with a skewed
// (heavy-tailed) popularity, like names in news.
void ingest_generated(store::Store& store, size_t edges, size_t nodes, uint64_t seed) {
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> unit(0, 1);
  auto pick = [&] {  // half uniform, half heavily skewed towards low ids
    double u = unit(rng);
    return static_cast<size_t>(double(nodes) * (rng() % 2 ? u : u * u * u));
  };
  const Predicate predicates[] = {Predicate::kMeet, Predicate::kSupport, Predicate::kAccuse, Predicate::kSupply,
                                  Predicate::kCoOccurs, Predicate::kVisit};
  const size_t per_article = 10;
  size_t articles = edges / per_article;
  auto start = std::chrono::steady_clock::now();
  store.begin_batch();
  for (size_t a = 0; a < articles; ++a) {
    Document doc;
    doc.id = "gen-" + std::to_string(a);
    doc.text = "Synthetic article " + doc.id + ".";
    doc.title = doc.id;
    Extraction x;
    x.doc = doc.id;
    x.sentences.push_back({{0, static_cast<uint32_t>(doc.text.size())}});
    std::map<size_t, uint32_t> index_of;  // node -> index in x.entities
    for (size_t r = 0; r < per_article; ++r) {
      size_t s = pick(), o = pick();
      if (s == o) o = (o + 1) % nodes;
      for (size_t e : {s, o}) {
        if (index_of.count(e)) continue;
        index_of[e] = static_cast<uint32_t>(x.entities.size());
        Entity ent;
        ent.id = "e" + std::to_string(e);
        ent.label = "Entity " + std::to_string(e);
        ent.type = static_cast<EntityType>(e % 4);
        ent.from_gazetteer = true;
        x.entities.push_back(ent);
      }
      const Predicate predicate = predicates[rng() % 6];
      if (predicate == Predicate::kCoOccurs) {  // kept flat, the first by id first
        CoOccurrence c{index_of[s], index_of[o], 0};
        if (x.entities[c.second].id < x.entities[c.first].id) std::swap(c.first, c.second);
        x.cooccurrences.push_back(c);
        continue;
      }
      Relation rel;
      rel.subject = index_of[s];
      rel.object = index_of[o];
      rel.predicate = predicate;
      rel.confidence = 0.7;
      Evidence ev;
      ev.span = x.sentences[0].span;
      ev.rule = "bench";
      rel.evidence.push_back(ev);
      x.relations.push_back(rel);
    }
    store::IngestResult result;
    store.ingest(doc, x, &result);
    if (a % 2000 == 1999) {
      store.commit_batch();
      store.begin_batch();
    }
  }
  store.commit_batch();
  double s = since(start);
  std::printf("  ingest: %zu articles, %zu relations in %.1f s: %.0f articles/s, %.0f relations/s\n", articles,
              articles * per_article, s, articles / s, articles * per_article / s);
}

std::vector<size_t> parse_sizes(const std::string& list) {
  std::vector<size_t> sizes;
  for (size_t p = 0; p < list.size();) {
    size_t c = list.find(',', p);
    sizes.push_back(std::stoull(list.substr(p, c - p)));
    p = c == std::string::npos ? list.size() : c + 1;
  }
  return sizes;
}

}  // namespace newsgraph::bench
