// Resolver: turns an article's name mentions into entities. Gazetteer names resolve
// by id (capitals and seats to their country); later short forms ("Kim", "Kirby",
// "Foster-Carter") join the fuller name of the same person while distinct people
// stay apart (Kim Jong Il is not Kim Jong Un); role phrases ("Presiden Rusia") stand
// for the leader the article names. Thread-compatible: one Analysis per thread.
#pragma once

#include "ingest/analysis.h"
#include "ingest/gazetteer.h"

namespace newsgraph::ingest {

// Fills analysis.entities and sets NameMention::entity. Needs recognize() first.
// Cost: O(mentions × person entities).
void resolve(Analysis& analysis, const Gazetteer& gazetteer);

// Drops mentions in headline lines whose entities the rest of the article never names
// (links to other stories pasted mid-article), then entities left with no mention.
void drop_pasted_headlines(Analysis& analysis);

// Fills Entity::mentions and aliases from the mentions that point at each entity.
void collect_mentions(Analysis& analysis);

}  // namespace newsgraph::ingest
