// The vocabulary that crosses modules: documents, entities, mentions, relations and
// their evidence, and the result of extracting one article. Plain value types, no
// behaviour beyond trivial accessors; safe to copy between threads.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/ontology.h"

namespace newsgraph {

// One article as read from disk or a JSON line. `text` is the whole article as
// written; every offset in an Extraction is a byte offset into `text`.
struct Document {
  std::string id;         // file name without extension, or the JSON "id"
  std::string title;      // first non-empty line, or the JSON "title"
  std::string text;       // UTF-8, validated by the reader
  std::string source;     // path (with ":line" for JSON Lines) or URL
  std::string published;  // ISO date when known, else empty
  std::string url;        // where it was published, when known (JSON "url")
  std::string outlet;     // the publication (JSON "outlet"), when known
  std::string category;   // the outlet's section (JSON "category"), when known
};

// A byte range [start, end) in Document::text.
struct Span {
  uint32_t start = 0;
  uint32_t end = 0;
};

struct Mention {
  Span span;
  uint32_t sentence = 0;  // index into Extraction::sentences
  std::string text;       // the surface form, as written
};

struct Entity {
  std::string id;     // stable slug: gazetteer id, or derived from the label
  std::string label;  // canonical name
  EntityType type = EntityType::kPerson;
  std::vector<std::string> aliases;  // other surface forms seen in this article
  std::vector<Mention> mentions;
  bool from_gazetteer = false;
  // Names inside the label that may follow glued words, longest first ("Adies Kadir" in
  // "Fraksi Adies Kadir"): the entity is the stored person of that name, if any.
  std::vector<std::string> glued_cores;
  // No word in the article typed it (no title, head, cue or definition): `type` is the
  // default for a name no gazetteer knows, a guess.
  bool type_guessed = false;
};

struct Sentence {
  Span span;
};

struct Evidence {
  uint32_t sentence = 0;
  Span span;             // the sentence's byte range
  std::string text;      // the sentence text
  std::string cue;       // the word that triggered the relation (empty for CO_OCCURS)
  // Id of the rule that produced it: a literal or an interned string (core/interned.h),
  // never a view of a string that may end before the evidence does.
  std::string_view rule;
  Modality modality = Modality::kAsserted;
};

// A relation between two entities of the same Extraction, named by their index in
// Extraction::entities (Extraction::subject_of and object_of give the entities).
struct Relation {
  uint32_t subject = 0;  // index into Extraction::entities
  uint32_t object = 0;
  Predicate predicate = Predicate::kCoOccurs;
  Modality modality = Modality::kAsserted;
  double confidence = 0.0;
  std::vector<Evidence> evidence;
};

// Two entities named in one sentence with no typed relation between them there (yet):
// CO_OCCURS, asserted, with confidence kCooccurrenceConfidence and rule
// kCooccurrenceRule (core/ontology.h). Kept flat, one per pair and sentence, not as a
// Relation with evidence: it is 98% of what articles give, and needs no more than this.
struct CoOccurrence {
  uint32_t first = 0;  // indices into Extraction::entities; first's id sorts before second's
  uint32_t second = 0;
  uint32_t sentence = 0;  // index into Extraction::sentences
};

// What the extractor found in one article.
struct Extraction {
  std::string doc;  // Document::id
  std::string title;
  std::string source;
  std::string published;  // Document::published: ISO date, empty when undated
  std::vector<Sentence> sentences;
  std::vector<Entity> entities;
  // Typed, never CO_OCCURS (those are `cooccurrences`), ordered by (subject id,
  // predicate, object id).
  std::vector<Relation> relations;
  // Ordered by (first id, second id, sentence): a pair's sentences one after another.
  std::vector<CoOccurrence> cooccurrences;

  const Entity& subject_of(const Relation& r) const { return entities[r.subject]; }
  const Entity& object_of(const Relation& r) const { return entities[r.object]; }
};

}  // namespace newsgraph
