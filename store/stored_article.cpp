// Reads an article back from a store's rows: see stored_article.h.
#include "store/stored_article.h"

#include <rapidjson/document.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <map>
#include <tuple>

#include "core/interned.h"
#include "core/ontology.h"
#include "store/article_mentions.h"
#include "store/cooccurrences.h"
#include "store/store_internal.h"

namespace newsgraph::store {

bool needs_extracted(const Entity& e, bool unglued) { return unglued || !e.glued_cores.empty(); }

// ["label", "TYPE", guessed (0 or 1), ["glued core", ...]]
std::string encode_extracted(const Entity& e) {
  rapidjson::StringBuffer buffer;
  rapidjson::Writer<rapidjson::StringBuffer> w(buffer);
  w.StartArray();
  w.String(e.label.data(), static_cast<rapidjson::SizeType>(e.label.size()));
  w.String(entity_type_name(e.type));
  w.Int(e.type_guessed ? 1 : 0);
  w.StartArray();
  for (const std::string& core : e.glued_cores) w.String(core.data(), static_cast<rapidjson::SizeType>(core.size()));
  w.EndArray();
  w.EndArray();
  return std::string(buffer.GetString(), buffer.GetSize());
}

bool decode_extracted(std::string_view text, ExtractedEntity* out) {
  rapidjson::Document d;
  d.Parse(text.data(), text.size());
  if (d.HasParseError() || !d.IsArray() || d.Size() != 4 || !d[0].IsString() || !d[1].IsString() || !d[2].IsInt() ||
      !d[3].IsArray())
    return false;
  *out = ExtractedEntity{};
  out->label.assign(d[0].GetString(), d[0].GetStringLength());
  out->type.assign(d[1].GetString(), d[1].GetStringLength());
  out->type_guessed = d[2].GetInt() != 0;
  for (const auto& core : d[3].GetArray()) {
    if (!core.IsString()) return false;
    out->glued_cores.emplace_back(core.GetString(), core.GetStringLength());
  }
  return true;
}

namespace {

[[noreturn]] void unreadable(int64_t doc_key, const std::string& what) {
  throw StoreError{"article " + std::to_string(doc_key) + ": " + what + " cannot be read back"};
}

void read_document(Db& db, int64_t doc_key, ArticleCopy* a) {
  Statement q = db.prepare(
      "SELECT id, title, source, published, url, outlet, category, content_hash, ingested_at, bytes "
      "FROM documents WHERE doc_key = ?");
  q.bind(1, doc_key);
  if (!q.step()) unreadable(doc_key, "its document row");
  Document& doc = a->doc;
  doc.id = q.column_text(0);
  doc.title = q.column_text(1);
  doc.source = q.column_text(2);
  doc.published = q.column_text(3);
  doc.url = q.column_text(4);
  doc.outlet = q.column_text(5);
  doc.category = q.column_text(6);
  a->content_hash = q.column_text(7);
  a->ingested_at = q.column_text(8);
  const int64_t bytes = q.column_int(9);
  if (bytes < 0 || bytes > UINT32_MAX) unreadable(doc_key, "its length");  // offsets are 32-bit
  doc.text.assign(static_cast<size_t>(bytes), ' ');
  Extraction& x = a->extraction;
  x.doc = doc.id;
  x.title = doc.title;
  x.source = doc.source;
  x.published = doc.published;
}

// The stored sentences, placed in the text at their offsets.
void read_sentences(Db& db, int64_t doc_key, ArticleCopy* a) {
  Statement q = db.prepare("SELECT idx, start, end, text FROM sentences WHERE doc_key = ? ORDER BY idx");
  q.bind(1, doc_key);
  std::vector<Sentence>& sentences = a->extraction.sentences;
  while (q.step()) {
    const int64_t idx = q.column_int(0), start = q.column_int(1), end = q.column_int(2);
    const std::string_view text = q.column_view(3);
    if (idx < 0 || idx > UINT32_MAX || start < 0 || end != start + static_cast<int64_t>(text.size()) ||
        static_cast<size_t>(end) > a->doc.text.size())
      unreadable(doc_key, "sentence " + std::to_string(idx));
    a->doc.text.replace(static_cast<size_t>(start), text.size(), text);
    if (sentences.size() <= static_cast<size_t>(idx)) sentences.resize(static_cast<size_t>(idx) + 1);
    sentences[static_cast<size_t>(idx)].span = {static_cast<uint32_t>(start), static_cast<uint32_t>(end)};
  }
}

// The article's entities in its order; `index_of` maps their doc_entity_key to it.
void read_entities(Db& db, int64_t doc_key, ArticleCopy* a, std::map<int64_t, uint32_t>* index_of) {
  Statement q = db.prepare(
      "SELECT doc_entity_key, local_id, label, aliases, type, from_gazetteer, type_guessed, mentions, extracted "
      "FROM doc_entities WHERE doc_key = ? ORDER BY doc_entity_key");
  q.bind(1, doc_key);
  std::vector<Entity>& entities = a->extraction.entities;
  while (q.step()) {
    Entity& e = entities.emplace_back();
    e.id = q.column_text(1);
    e.label = q.column_text(2);
    e.aliases = split_aliases(q.column_view(3));
    const std::optional<EntityType> type = parse_entity_type(q.column_view(4));
    if (!type) unreadable(doc_key, "the type of entity " + e.id);
    e.type = *type;
    e.from_gazetteer = q.column_int(5) != 0;
    e.type_guessed = q.column_int(6) != 0;
    if (!decode_mentions(q.column_blob(7), &e.mentions)) unreadable(doc_key, "the mentions of entity " + e.id);
    if (const std::string_view extracted = q.column_view(8); !extracted.empty()) {
      ExtractedEntity said;
      const std::optional<EntityType> said_type =
          decode_extracted(extracted, &said) ? parse_entity_type(said.type) : std::nullopt;
      if (!said_type) unreadable(doc_key, "what the extractor said of entity " + e.id);
      e.label = said.label;
      e.type = *said_type;
      e.type_guessed = said.type_guessed;
      e.glued_cores = std::move(said.glued_cores);
    }
    (*index_of)[q.column_int(0)] = static_cast<uint32_t>(entities.size() - 1);
  }
}

uint32_t index_in(const std::map<int64_t, uint32_t>& index_of, int64_t doc_entity_key, int64_t doc_key) {
  const auto it = index_of.find(doc_entity_key);
  if (it == index_of.end()) unreadable(doc_key, "evidence naming article entity " + std::to_string(doc_entity_key));
  return it->second;
}

// Typed relations from the evidence rows, in the extractor's order: (subject id,
// predicate, object id).
void read_relations(Db& db, int64_t doc_key, const std::map<int64_t, uint32_t>& index_of, ArticleCopy* a) {
  Extraction& x = a->extraction;
  Statement q = db.prepare(
      "SELECT subject_doc_entity, object_doc_entity, predicate, cue, rule, modality, confidence, sentence "
      "FROM evidence WHERE doc_key = ? ORDER BY evidence_key");
  q.bind(1, doc_key);
  std::map<std::tuple<uint32_t, Predicate, uint32_t>, size_t> relation_of;
  while (q.step()) {
    const uint32_t subject = index_in(index_of, q.column_int(0), doc_key);
    const uint32_t object = index_in(index_of, q.column_int(1), doc_key);
    const std::optional<Predicate> predicate = parse_predicate(q.column_view(2));
    const std::optional<Modality> modality = parse_modality(q.column_view(5));
    const int64_t sentence = q.column_int(7);
    if (!predicate || !modality || sentence < 0 || static_cast<size_t>(sentence) >= x.sentences.size())
      unreadable(doc_key, "an evidence row");
    auto [at, added] = relation_of.emplace(std::make_tuple(subject, *predicate, object), x.relations.size());
    if (added) {
      Relation& r = x.relations.emplace_back();
      r.subject = subject;
      r.object = object;
      r.predicate = *predicate;
      r.modality = *modality;
      r.confidence = q.column_double(6);
    }
    Evidence& ev = x.relations[at->second].evidence.emplace_back();
    ev.sentence = static_cast<uint32_t>(sentence);
    ev.span = x.sentences[ev.sentence].span;
    ev.text = a->doc.text.substr(ev.span.start, ev.span.end - ev.span.start);
    ev.cue = q.column_text(3);
    ev.rule = intern(q.column_view(4));
    ev.modality = *modality;
  }
  std::stable_sort(x.relations.begin(), x.relations.end(), [&x](const Relation& p, const Relation& r) {
    return std::forward_as_tuple(x.entities[p.subject].id, p.predicate, x.entities[p.object].id) <
           std::forward_as_tuple(x.entities[r.subject].id, r.predicate, x.entities[r.object].id);
  });
}

// Co-occurrences from the article's pairs blob, in the extractor's order: (first id,
// second id, sentence).
void read_cooccurrences(Db& db, int64_t doc_key, const std::map<int64_t, uint32_t>& index_of, ArticleCopy* a) {
  Extraction& x = a->extraction;
  Statement q = db.prepare("SELECT pairs FROM cooccurrences WHERE doc_key = ?");
  q.bind(1, doc_key);
  if (!q.step()) return;
  std::vector<ArticlePair> pairs;
  if (!decode_article_pairs(q.column_blob(0), &pairs)) unreadable(doc_key, "its co-occurrences");
  for (const ArticlePair& p : pairs) {
    const uint32_t first = index_in(index_of, p.first, doc_key), second = index_in(index_of, p.second, doc_key);
    for (uint32_t s : p.sentences) {
      if (s >= x.sentences.size()) unreadable(doc_key, "a co-occurrence's sentence");
      x.cooccurrences.push_back({first, second, s});
    }
  }
  std::stable_sort(x.cooccurrences.begin(), x.cooccurrences.end(), [&x](const CoOccurrence& c, const CoOccurrence& d) {
    return std::forward_as_tuple(x.entities[c.first].id, c.first, x.entities[c.second].id, c.second, c.sentence) <
           std::forward_as_tuple(x.entities[d.first].id, d.first, x.entities[d.second].id, d.second, d.sentence);
  });
}

}  // namespace

ArticleCopy read_stored_article(Db& db, int64_t doc_key) {
  ArticleCopy a;
  std::map<int64_t, uint32_t> index_of;
  read_document(db, doc_key, &a);
  read_sentences(db, doc_key, &a);
  read_entities(db, doc_key, &a, &index_of);
  read_relations(db, doc_key, index_of, &a);
  read_cooccurrences(db, doc_key, index_of, &a);
  return a;
}

}  // namespace newsgraph::store
