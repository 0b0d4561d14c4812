// An article as a store keeps it, read back into the Document and Extraction that wrote
// it, so that another store can be written from it without the text or the extractor:
// how `merge` combines stores (store_merge.h). Internal to store/; callers hold a read
// transaction on the store they read.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/types.h"
#include "store/sqlite_db.h"

namespace newsgraph::store {

// What the extractor said of an article's entity that its doc_entities row does not keep
// as it was: its label and type before the glued-form rule changed them, and the names
// that may follow glued words in it (Entity::glued_cores). Kept in doc_entities.extracted.
struct ExtractedEntity {
  std::string label, type;
  bool type_guessed = false;
  std::vector<std::string> glued_cores;
};
// Whether an entity needs its doc_entities.extracted: it offers glued names, or the store
// writes its row with another label or type than the extractor gave (`unglued`).
bool needs_extracted(const Entity& e, bool unglued);
// The column's text ('' when not needed); decode is false on text encode did not write.
std::string encode_extracted(const Entity& e);
bool decode_extracted(std::string_view text, ExtractedEntity* out);

// A stored article: its document (the text holds the stored sentences at their offsets,
// blanks elsewhere, and is as long as the article was), its extraction as the store wrote
// it (entities in the article's order, typed relations with their evidence, co-occurrences,
// the sentences they name), and its content hash and time of ingest.
struct ArticleCopy {
  Document doc;
  Extraction extraction;
  std::string content_hash, ingested_at;
};

// Reads the article stored under `doc_key`. Entities the user deleted before it was
// written are not in it (the store never kept them). Throws StoreError when a row cannot
// be read back (a predicate, modality or blob no newsgraph wrote). O(its rows).
ArticleCopy read_stored_article(Db& db, int64_t doc_key);

}  // namespace newsgraph::store
