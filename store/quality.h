// How far the stored graph can be trusted: evidence coverage, typed relations against
// co-occurrence, the modality mix, one-off names no rule could resolve, and the
// entities built from the most merges. Read-only queries on a Store.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "core/status.h"

namespace newsgraph::store {

class Store;

struct GraphQuality {
  int64_t relations = 0, relations_with_evidence = 0, typed = 0, cooccurs = 0;
  std::map<std::string, int64_t> modality;  // evidence rows by modality
  // Names found by cues or capitals only, one word, in one article: likely unresolved.
  int64_t unresolved_names = 0;
  std::vector<std::string> unresolved_sample;
  struct Merged {
    std::string id, label;
    int64_t names = 0, articles = 0;
  };
  std::vector<Merged> most_merged;  // entities with the most distinct names
  double syndicated_share = 0;      // share of evidence sentences copied from an earlier article
  int64_t articles = 0, undated_articles = 0;  // undated: no publication date (never the ingest day)
};

Status compute_quality(Store& store, size_t top, GraphQuality* out);

}  // namespace newsgraph::store
