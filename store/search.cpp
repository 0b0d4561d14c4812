#include "store/search.h"

#include <algorithm>

#include "core/text.h"
#include "core/utf8.h"
#include "store/query_rows.h"
#include "store/store_internal.h"

namespace newsgraph::store {
namespace {

// An FTS5 query that every word must match, each as a whole word or a word's start.
// Quoted, so no word is read as FTS5 syntax (AND, NEAR, a column filter).
std::string all_words_query(const std::vector<std::string>& words) {
  std::string q;
  for (const std::string& w : words) {
    if (!q.empty()) q += " AND ";
    q += '"' + w + "\"*";  // words hold letters and digits only: no quote to double
  }
  return q;
}

// Entities whose names match `fts` (an FTS5 query on name_search), ranked; `key` is the
// folded query for the exact and prefix ranks.
void ranked_entities(Db& db, const std::string& fts, const std::string& key, const EntitySearch& search,
                     EntityHits* out) {
  // rank 0: the label equals the query, 1: an alias equals it, 2: the label starts with
  // it, 3: an alias starts with it, 4: a name holds its words. `a.alias` is the name of
  // the row that gave MIN(rank) (SQLite's rule for a bare column beside MIN).
  const std::string from =
      "FROM name_search JOIN aliases a ON a.rowid = name_search.rowid JOIN entities e ON e.entity_key = "
      "a.entity_key WHERE name_search MATCH ?1 AND (?2 = '' OR e.type = ?2) ";
  Statement q = db.prepare(
      "SELECT e.entity_key, e.id, e.label, e.type, e.from_gazetteer, MIN(CASE WHEN a.alias_key = ?5 AND "
      "e.label_key = ?5 THEN 0 WHEN a.alias_key = ?5 THEN 1 WHEN e.label_key >= ?5 AND e.label_key < ?5 || x'ff' "
      "THEN 2 WHEN a.alias_key >= ?5 AND a.alias_key < ?5 || x'ff' THEN 3 ELSE 4 END) AS rank, a.alias, "
      "(SELECT COUNT(DISTINCT doc_key) FROM doc_entities d WHERE d.entity_key = e.entity_key) AS articles " +
      from + "GROUP BY e.entity_key ORDER BY rank, articles DESC, e.label LIMIT ?3 OFFSET ?4");
  q.bind(1, fts).bind(2, search.type).bind(3, static_cast<int64_t>(search.limit));
  q.bind(4, static_cast<int64_t>(search.offset)).bind(5, key);
  while (q.step()) {
    EntityRow r = entity_row(q);
    const int64_t rank = q.column_int(5);
    r.matched_alias = rank == 1 || rank == 3 || (rank == 4 && q.column_view(6) != r.label);
    r.matched = q.column_text(6);
    r.articles = q.column_int(7);
    out->items.push_back(std::move(r));
  }
  Statement c = db.prepare("SELECT COUNT(DISTINCT e.entity_key) " + from);
  c.bind(1, fts).bind(2, search.type);
  out->total = count(std::move(c));
}

void all_entities(Db& db, const EntitySearch& search, EntityHits* out) {
  Statement q = db.prepare(
      "SELECT e.entity_key, e.id, e.label, e.type, e.from_gazetteer, "
      "(SELECT COUNT(DISTINCT doc_key) FROM doc_entities d WHERE d.entity_key = e.entity_key) AS articles "
      "FROM entities e WHERE ?1 = '' OR e.type = ?1 ORDER BY articles DESC, e.label LIMIT ?2 OFFSET ?3");
  q.bind(1, search.type).bind(2, static_cast<int64_t>(search.limit)).bind(3, static_cast<int64_t>(search.offset));
  while (q.step()) {
    EntityRow r = entity_row(q);
    r.matched = r.label;
    r.articles = q.column_int(5);
    out->items.push_back(std::move(r));
  }
  Statement c = db.prepare("SELECT COUNT(*) FROM entities WHERE ?1 = '' OR type = ?1");
  c.bind(1, search.type);
  out->total = count(std::move(c));
}

// How far a typed word may be from a name's word: one edit for short words, two from
// eight letters. Words under four letters are not corrected (too many neighbours).
size_t allowed_edits(size_t length) { return length < 4 ? 0 : length < 8 ? 1 : 2; }

// The word of some name closest to `word` within its allowed edits (fewest edits, then the
// most names), or "" when there is none. Only words with the same first letter are
// tried: a typo there is rare, and the range is read from the index in order.
std::string closest_name_word(Db& db, const std::string& word) {
  const size_t bound = allowed_edits(word.size());
  if (bound == 0) return "";
  Statement q = db.prepare("SELECT term, doc FROM name_words WHERE term >= ?1 AND term < ?1 || x'ff'");
  q.bind(1, word.substr(0, 1));
  std::string best;
  size_t best_edits = bound + 1;
  int64_t best_names = 0;
  while (q.step()) {
    const std::string_view term = q.column_view(0);
    if (term.size() + bound < word.size() || term.size() > word.size() + bound) continue;
    const size_t edits = edit_distance(word, term, bound);
    const int64_t names = q.column_int(1);
    if (edits < best_edits || (edits == best_edits && names > best_names)) {
      best.assign(term);
      best_edits = edits;
      best_names = names;
    }
  }
  return best_edits <= bound ? best : "";
}

// The sentence highlight() marked with \x02 before and \x03 after each matched word, in
// pieces.
std::vector<std::pair<std::string, bool>> marked_parts(std::string_view marked) {
  std::vector<std::pair<std::string, bool>> parts;
  bool hit = false;
  std::string piece;
  for (char c : marked) {
    if (c == '\x02' || c == '\x03') {
      if (!piece.empty()) parts.emplace_back(std::move(piece), hit);
      piece.clear();
      hit = c == '\x02';
    } else {
      piece += c;
    }
  }
  if (!piece.empty()) parts.emplace_back(std::move(piece), hit);
  return parts;
}

}  // namespace

std::vector<std::string> search_words(std::string_view q) {
  std::vector<std::string> words;
  std::string word;
  for (size_t i = 0; i < q.size();) {
    char32_t cp;
    i += utf8::decode(q, i, cp);
    if (utf8::is_letter(cp) || utf8::is_digit(cp)) {
      utf8::append(word, utf8::fold_accent(utf8::to_lower(cp)));
    } else if (!word.empty()) {
      words.push_back(std::move(word));
      word.clear();
    }
  }
  if (!word.empty()) words.push_back(std::move(word));
  return words;
}

size_t edit_distance(std::string_view a, std::string_view b, size_t bound) {
  const size_t n = a.size(), m = b.size();
  if ((n > m ? n - m : m - n) > bound) return bound + 1;
  // Three rows of the dynamic programme: two back (for transpositions), one back, this one.
  std::vector<size_t> before(m + 1), previous(m + 1), row(m + 1);
  for (size_t j = 0; j <= m; ++j) previous[j] = j;
  for (size_t i = 1; i <= n; ++i) {
    row[0] = i;
    size_t smallest = row[0];
    for (size_t j = 1; j <= m; ++j) {
      const size_t substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      row[j] = std::min({previous[j] + 1, row[j - 1] + 1, substitution});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) row[j] = std::min(row[j], before[j - 2] + 1);
      smallest = std::min(smallest, row[j]);
    }
    if (smallest > bound) return bound + 1;
    std::swap(before, previous);
    std::swap(previous, row);
  }
  return std::min(previous[m], bound + 1);
}

Status search_entities(Store& store, const EntitySearch& search, EntityHits* out) {
  Db& db = store.impl().db;
  *out = EntityHits();
  try {
    if (search.q.empty()) {
      all_entities(db, search, out);
      return Status::ok();
    }
    const std::vector<std::string> words = search_words(search.q);
    if (words.empty()) return Status::ok();  // punctuation names nothing
    const std::string key = text::fold_key(search.q);
    ranked_entities(db, all_words_query(words), key, search, out);
    if (out->total > 0) return Status::ok();
    // Nothing as typed: each word that no name holds is replaced by the closest word of
    // a name, if one is near enough.
    std::vector<std::string> corrected = words;
    bool changed = false;
    for (std::string& w : corrected) {
      Statement known = db.prepare("SELECT 1 FROM name_words WHERE term >= ?1 AND term < ?1 || x'ff' LIMIT 1");
      known.bind(1, w);
      if (known.step()) continue;  // some name has a word starting so
      std::string close = closest_name_word(db, w);
      if (close.empty()) return Status::ok();  // a word no name comes near: nothing to offer
      w = close;
      changed = true;
    }
    if (!changed) return Status::ok();
    std::string joined;
    for (const std::string& w : corrected) joined += (joined.empty() ? "" : " ") + w;
    ranked_entities(db, all_words_query(corrected), text::fold_key(joined), search, out);
    for (EntityRow& r : out->items) r.fuzzy = true;
    if (out->total > 0) out->corrected = joined;
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

Status search_sentences(Store& store, const SentenceSearch& search, std::vector<SentenceHit>* out, int64_t* total) {
  const std::vector<std::string> words = search_words(search.q);
  if (words.empty()) return Status::error(StatusCode::kUsage, "the search holds no word");
  Db& db = store.impl().db;
  // An older store that could not be upgraded keeps a row per mention.
  const bool rows = store.impl().mention_rows;
  const std::string named_in_sentence = rows ? "JOIN mentions m ON m.doc_entity_key = de.doc_entity_key" : "";
  const std::string mentioned = rows ? "m.sentence = s.idx" : "mentioned_in(de.mentions, s.idx)";
  const std::string from =
      "FROM sentence_search JOIN sentences s ON s.rowid = sentence_search.rowid JOIN documents d ON d.doc_key = "
      "s.doc_key WHERE sentence_search MATCH ?1 AND (?2 = 0 OR EXISTS (SELECT 1 FROM doc_entities de " +
      named_in_sentence + " WHERE de.doc_key = s.doc_key AND de.entity_key = ?2 AND " + mentioned +
      ")) AND (?3 = '' OR substr(d.published, 1, length(?3)) >= ?3) AND (?4 = '' OR "
      "(d.published <> '' AND substr(d.published, 1, length(?4)) <= ?4)) ";
  const std::string fts = all_words_query(words);
  try {
    Statement q = db.prepare(
        "SELECT d.id, d.title, d.source, d.published, s.idx, highlight(sentence_search, 0, char(2), char(3)) " +
        from + "ORDER BY rank LIMIT ?5 OFFSET ?6");
    q.bind(1, fts).bind(2, search.entity).bind(3, search.since).bind(4, search.until);
    q.bind(5, static_cast<int64_t>(search.limit)).bind(6, static_cast<int64_t>(search.offset));
    while (q.step()) {
      SentenceHit h;
      h.doc_id = q.column_text(0);
      h.title = q.column_text(1);
      h.source = q.column_text(2);
      h.published = q.column_text(3);
      h.sentence_index = q.column_int(4);
      h.parts = marked_parts(q.column_view(5));
      out->push_back(std::move(h));
    }
    if (total) {
      Statement c = db.prepare("SELECT COUNT(*) " + from);
      c.bind(1, fts).bind(2, search.entity).bind(3, search.since).bind(4, search.until);
      *total = count(std::move(c));
    }
  } catch (const StoreError& e) {
    return failed(store, e);
  }
  return Status::ok();
}

}  // namespace newsgraph::store
