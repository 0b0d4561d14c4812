// Relation extractor: typed relations between the entities of an article, from
// Indonesian verb and noun cues (the cue lexicon, cue_lexicon.h) and title patterns, with their
// real direction (passive "dijatuhi sanksi oleh", reversed "membeli … dari"), coordinated arguments
// ("Rusia dan China"), "kedua negara/pemimpin", modality and evidence. Pairs that share a sentence
// with no typed relation get CO_OCCURS. Thread-compatible: one call per article.
#pragma once

#include <vector>

#include "core/types.h"
#include "ingest/analysis.h"
#include "ingest/cue_lexicon.h"

namespace newsgraph::ingest {

// Needs resolved mentions (resolve()). Cost: O(sentences × cues × mentions per sentence).
// `cues` says which words and phrases signal which predicate. Sets `typed` and
// `cooccurrences` in the orders Extraction gives them.
void extract_relations(const Analysis& analysis, const CueLexicon& cues, std::vector<Relation>* typed,
                       std::vector<CoOccurrence>* cooccurrences);

// The modality of a cue at token `cue` in `sentence`, from the words before it.
// `noun_cue`: the cue is a noun ("dialog", "kerja sama"), so what its clause says after
// it ("... harus dibuka", "... yang dilaporkan terjadi") counts too.
Modality modality_at(const Analysis& analysis, const SentenceInfo& sentence, uint32_t cue,
                     bool noun_cue = false);

}  // namespace newsgraph::ingest
