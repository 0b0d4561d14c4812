// The one order of an extraction's relations, typed and co-occurrence alike, in which
// output lists them and the store writes them: (subject id, predicate, object id), with
// CO_OCCURS last of the predicates. Extraction keeps the two kinds apart (core/types.h);
// this walks them as one sequence.
#pragma once

#include <cstddef>
#include <vector>

#include "core/types.h"

namespace newsgraph {

// The end of the pair of co-occurrences that starts at cs[c]: the index after its last
// sentence.
inline size_t pair_end(const std::vector<CoOccurrence>& cs, size_t c) {
  size_t e = c + 1;
  while (e < cs.size() && cs[e].first == cs[c].first && cs[e].second == cs[c].second) ++e;
  return e;
}

// How many pairs x.cooccurrences holds (each with one or more sentences).
inline size_t pair_count(const std::vector<CoOccurrence>& cs) {
  size_t pairs = 0;
  for (size_t c = 0; c < cs.size(); c = pair_end(cs, c)) ++pairs;
  return pairs;
}

// Calls typed(relation) for each typed relation and pair(begin, end) for each pair's
// co-occurrences x.cooccurrences[begin, end), in the order above when both lists are in
// Extraction's orders (each is visited once in any case). O(relations + co-occurrences).
template <class Typed, class Pair>
void for_each_relation(const Extraction& x, Typed&& typed, Pair&& pair) {
  const std::vector<CoOccurrence>& cs = x.cooccurrences;
  size_t c = 0;
  auto next_pair = [&] {
    const size_t e = pair_end(cs, c);
    pair(c, e);
    c = e;
  };
  for (const Relation& r : x.relations) {
    while (c < cs.size() && x.entities[cs[c].first].id < x.subject_of(r).id) next_pair();
    typed(r);
  }
  while (c < cs.size()) next_pair();
}

}  // namespace newsgraph
