// An article entity's mentions as one blob: see article_mentions.h.
#include "store/article_mentions.h"

#include <sqlite3.h>

#include <algorithm>

#include "store/varint.h"

namespace newsgraph::store {
namespace {

// Walks a blob, handing each mention's sentence, span and text index (or the new text's
// bytes) to `visit`; false on bytes encode_mentions did not write. `visit` returns false
// to stop early.
template <class Visit>
bool walk(std::string_view bytes, Visit&& visit) {
  if (bytes.empty()) return true;  // the column's default: no mentions
  size_t at = 0;
  uint64_t count = 0;
  if (!get_varint(bytes, &at, &count) || count > bytes.size()) return false;
  int64_t sentence = 0, end = 0;
  uint64_t texts = 0;
  for (uint64_t i = 0; i < count; ++i) {
    uint64_t d_sentence, d_start, length, text;
    if (!get_varint(bytes, &at, &d_sentence) || !get_varint(bytes, &at, &d_start) ||
        !get_varint(bytes, &at, &length) || !get_varint(bytes, &at, &text))
      return false;
    // Every value encode writes is within 32 bits, and so every difference within 33:
    // checked before adding, nothing can overflow.
    constexpr uint64_t kLargestDifference = uint64_t{1} << 33;
    if (d_sentence > kLargestDifference || d_start > kLargestDifference || length > UINT32_MAX || text > texts)
      return false;
    sentence += unzigzag(d_sentence);
    const int64_t start = end + unzigzag(d_start);
    end = start + static_cast<int64_t>(length);
    if (sentence < 0 || sentence > UINT32_MAX || start < 0 || end > UINT32_MAX) return false;
    std::string_view fresh;
    if (text == 0) {
      uint64_t size;
      if (!get_varint(bytes, &at, &size) || size > bytes.size() - at) return false;
      fresh = bytes.substr(at, size);
      at += size;
      ++texts;
    }
    if (!visit(static_cast<uint32_t>(sentence), static_cast<uint32_t>(start), static_cast<uint32_t>(end), text,
               fresh))
      return true;
  }
  return at == bytes.size();
}

void mentioned_in(sqlite3_context* context, int, sqlite3_value** args) {
  const auto* blob = static_cast<const char*>(sqlite3_value_blob(args[0]));
  const int size = sqlite3_value_bytes(args[0]);
  const sqlite3_int64 sentence = sqlite3_value_int64(args[1]);
  const bool found = blob && sentence >= 0 && sentence <= UINT32_MAX &&
                     mentions_sentence(std::string_view(blob, static_cast<size_t>(size)),
                                       static_cast<uint32_t>(sentence));
  sqlite3_result_int(context, found ? 1 : 0);
}

}  // namespace

std::string encode_mentions(const std::vector<Mention>& mentions) {
  std::string out;
  put_varint(mentions.size(), &out);
  std::vector<std::string_view> texts;
  int64_t sentence = 0, end = 0;
  for (const Mention& m : mentions) {
    const int64_t start = m.span.start, stop = std::max(m.span.start, m.span.end);
    put_varint(zigzag(static_cast<int64_t>(m.sentence) - sentence), &out);
    put_varint(zigzag(start - end), &out);
    put_varint(static_cast<uint64_t>(stop - start), &out);
    sentence = m.sentence;
    end = stop;
    size_t seen = 0;
    while (seen < texts.size() && texts[seen] != m.text) ++seen;
    if (seen < texts.size()) {
      put_varint(seen + 1, &out);
    } else {
      put_varint(0, &out);
      put_varint(m.text.size(), &out);
      out += m.text;
      texts.push_back(m.text);
    }
  }
  return out;
}

bool decode_mentions(std::string_view bytes, std::vector<Mention>* out) {
  std::vector<std::string_view> texts;
  return walk(bytes, [&](uint32_t sentence, uint32_t start, uint32_t end, uint64_t text, std::string_view fresh) {
    if (text == 0) texts.push_back(fresh);
    Mention m;
    m.sentence = sentence;
    m.span = {start, end};
    m.text = std::string(text == 0 ? fresh : texts[text - 1]);
    out->push_back(std::move(m));
    return true;
  });
}

bool mentions_sentence(std::string_view bytes, uint32_t sentence) {
  bool found = false;
  walk(bytes, [&](uint32_t s, uint32_t, uint32_t, uint64_t, std::string_view) {
    found = s == sentence;
    return !found;
  });
  return found;
}

void define_mention_functions(Db& db) {
  db.define_function("mentioned_in", 2, &mentioned_in);
}

void replace_mentions(Db& db, int64_t doc_entity_key, const std::vector<Mention>& mentions) {
  db.prepare("UPDATE doc_entities SET mention_count = ?, mentions = ? WHERE doc_entity_key = ?")
      .bind(1, static_cast<int64_t>(mentions.size()))
      .bind_blob(2, encode_mentions(mentions))
      .bind(3, doc_entity_key)
      .run();
}

void fold_mention_rows(Db& db) {
  if (!db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'mentions'").step()) return;
  Statement rows =
      db.prepare("SELECT doc_entity_key, sentence, start, end, text FROM mentions ORDER BY doc_entity_key, rowid");
  std::vector<Mention> mentions;
  int64_t current = 0;
  auto flush = [&] {
    if (mentions.empty()) return;
    replace_mentions(db, current, mentions);
    mentions.clear();
  };
  while (rows.step()) {
    if (rows.column_int(0) != current) {
      flush();
      current = rows.column_int(0);
    }
    Mention m;
    m.sentence = static_cast<uint32_t>(rows.column_int(1));
    m.span = {static_cast<uint32_t>(rows.column_int(2)), static_cast<uint32_t>(rows.column_int(3))};
    m.text = rows.column_text(4);
    mentions.push_back(std::move(m));
  }
  flush();
  db.exec("DROP TABLE mentions");
}

}  // namespace newsgraph::store
