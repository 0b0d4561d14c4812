// Where an article names one of its entities: kept as one blob in the entity's
// doc_entities row (column `mentions`, with `mention_count`), not as a row per mention.
// A mention row cost about 41 bytes with its index; the blob costs about 5 bytes a
// mention, with each distinct surface text once. Internal to store/ (and graph/'s loaders).
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "store/sqlite_db.h"

namespace newsgraph::store {

// Varints: the count, then per mention its sentence and start as differences from the
// previous mention's sentence and end, its length, and its text (0 then the bytes for a
// text not seen yet in this blob, k ≥ 1 for the k-th text seen). Any order encodes; a
// span whose end is before its start is kept as empty at its start.
std::string encode_mentions(const std::vector<Mention>& mentions);

// The mentions encode_mentions wrote, in their order; false (and *out partly filled) on
// bytes it did not write.
bool decode_mentions(std::string_view bytes, std::vector<Mention>* out);

// Whether any mention in the blob is in sentence `sentence`, without building texts.
bool mentions_sentence(std::string_view bytes, uint32_t sentence);

// Makes `mentions` the mentions of article entity `doc_entity_key` (count and blob).
void replace_mentions(Db& db, int64_t doc_entity_key, const std::vector<Mention>& mentions);

// Defines the SQL function mentioned_in(mentions, sentence) on `db` (1 when the blob has a
// mention in that sentence, else 0), for queries that filter article entities by sentence.
void define_mention_functions(Db& db);

// Schema 8: moves the rows of the old `mentions` table into their doc_entities blobs and
// drops the table. Inside the caller's transaction; O(mentions).
void fold_mention_rows(Db& db);

}  // namespace newsgraph::store
