#include "store/writer_memo.h"

#include <algorithm>
#include <functional>
#include <iterator>

#include "store/sqlite_db.h"

namespace newsgraph::store {
namespace {

// A relation's key in the filter: its predicate and its two entities, lower key first.
struct RelationKey {
  int64_t predicate, low, high;
  RelationKey(int64_t p, int64_t a, int64_t b)
      : predicate(p), low(std::min(a, b)), high(std::max(a, b)) {}
  std::string_view bytes() const { return {reinterpret_cast<const char*>(this), sizeof *this}; }
};

uint64_t hash_of(std::string_view key) {
  const uint64_t h = std::hash<std::string_view>()(key);
  return h == 0 ? 1 : h;  // 0 marks an empty slot
}

// The "known present" facts stop growing here and start again: a run over millions of
// articles keeps what its recent articles met, not every name.
constexpr size_t kMaxPresentAliases = 2'000'000;
// The same for the piles of namesakes kept, counted in entries.
constexpr size_t kMaxKeptNamesakes = 2'000'000;

}  // namespace

void HashFilter::add(std::string_view key) {
  if ((size_ + 1) * 2 > slots_.size()) grow();
  const uint64_t h = hash_of(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i] == h) return;
    if (slots_[i] == 0) {
      slots_[i] = h;
      ++size_;
      return;
    }
  }
}

bool HashFilter::may_contain(std::string_view key) const {
  if (slots_.empty()) return false;
  const uint64_t h = hash_of(key);
  const size_t mask = slots_.size() - 1;
  for (size_t i = h & mask;; i = (i + 1) & mask) {
    if (slots_[i] == h) return true;
    if (slots_[i] == 0) return false;
  }
}

void HashFilter::clear() {
  slots_.clear();
  size_ = 0;
}

void HashFilter::grow() {
  std::vector<uint64_t> old = std::move(slots_);
  slots_.assign(old.empty() ? 1024 : old.size() * 2, 0);
  const size_t mask = slots_.size() - 1;
  for (uint64_t h : old) {
    if (h == 0) continue;
    size_t i = h & mask;
    while (slots_[i] != 0) i = (i + 1) & mask;
    slots_[i] = h;
  }
}

bool WriterMemo::prepare(Db& db) {
  bool others_wrote = false;
  {
    Statement q = db.prepare("PRAGMA data_version");
    q.step();
    const int64_t version = q.column_int(0);
    others_wrote = version != data_version_;
    if (others_wrote) forget_all();  // another connection committed
    data_version_ = version;
  }
  if (loaded_ || prepared_++ < load_after_) return others_wrote;
  auto load = [&db](const char* sql, HashFilter& into) {
    Statement q = db.prepare(sql);
    while (q.step()) into.add(q.column_view(0));
  };
  load("SELECT alias_key FROM aliases", names_);
  load("SELECT label_key FROM entities", names_);  // a label a curation set without an alias
  load("SELECT short_key FROM short_forms", short_keys_);
  load("SELECT id FROM entities", ids_);
  Statement largest =
      db.prepare("SELECT COALESCE(MAX(relation_key), 0) FROM relations");  // O(log n)
  largest.step();
  relations_loaded_ = largest.column_int(0) <= kMaxMemoRelations;
  if (relations_loaded_) {
    Statement q = db.prepare("SELECT predicate, subject_key, object_key FROM relations");
    while (q.step()) note_relation(q.column_int(0), q.column_int(1), q.column_int(2));
  }
  Statement retyped = db.prepare("SELECT EXISTS (SELECT 1 FROM overrides WHERE kind = 'type')");
  retyped.step();
  type_overrides_ = retyped.column_int(0) != 0;
  Statement last_sentence = db.prepare("SELECT COALESCE(MAX(rowid), 0) FROM sentences");
  last_sentence.step();
  sentences_loaded_ = last_sentence.column_int(0) <= kMaxMemoSentences;
  if (sentences_loaded_) {
    Statement q =
        db.prepare("SELECT hash FROM sentences WHERE hash IS NOT NULL");  // by its partial index
    while (q.step()) note_sentence(q.column_int(0));
  }
  loaded_ = true;
  return others_wrote;
}

void WriterMemo::forget_all() {
  loaded_ = false;
  names_.clear();
  short_keys_.clear();
  ids_.clear();
  relations_.clear();
  sentences_.clear();
  relations_loaded_ = sentences_loaded_ = false;
  forget_present();
}

void WriterMemo::forget_present() {
  present_aliases_.clear();
  present_count_ = 0;
  gazetteer_entities_.clear();
  forget_namesakes();
}

void WriterMemo::forget_namesakes() {
  namesakes_.clear();
  piles_of_.clear();
  kept_namesakes_ = 0;
}

void WriterMemo::forget_present(int64_t entity_key) {
  if (auto it = present_aliases_.find(entity_key); it != present_aliases_.end()) {
    present_count_ -= it->second.size();
    present_aliases_.erase(it);
  }
  for (auto it = gazetteer_entities_.begin();
       it != gazetteer_entities_.end();) {  // a gazetteer's few thousand
    it = it->second == entity_key ? gazetteer_entities_.erase(it) : std::next(it);
  }
  // Its aliases are deleted, and those it keeps added again.
  if (auto in = piles_of_.find(entity_key); in != piles_of_.end()) {
    for (const std::string& key : in->second) {
      auto it = namesakes_.find(key);
      if (it == namesakes_.end()) continue;
      std::vector<Namesake>& pile = it->second;
      const size_t before = pile.size();
      pile.erase(std::remove_if(pile.begin(), pile.end(), [&](const Namesake& n) { return n.entity_key == entity_key; }),
                 pile.end());
      kept_namesakes_ -= before - pile.size();
    }
    piles_of_.erase(in);
  }
}

void WriterMemo::retype_namesake(int64_t entity_key, const std::string& type) {
  auto in = piles_of_.find(entity_key);
  if (in == piles_of_.end()) return;
  for (const std::string& key : in->second) {
    auto it = namesakes_.find(key);
    if (it == namesakes_.end()) continue;
    for (Namesake& n : it->second)
      if (n.entity_key == entity_key) n.type = type;
  }
}

bool WriterMemo::alias_present(int64_t entity_key, std::string_view alias_key) const {
  if (!loaded_) return false;
  auto it = present_aliases_.find(entity_key);
  if (it == present_aliases_.end()) return false;
  return std::find(it->second.begin(), it->second.end(), alias_key) !=
         it->second.end();  // a few names each
}

void WriterMemo::note_alias_present(int64_t entity_key, std::string_view alias_key) {
  if (!loaded_) return;
  if (present_count_ >= kMaxPresentAliases) forget_present();
  present_aliases_[entity_key].emplace_back(alias_key);
  ++present_count_;
}

bool WriterMemo::may_relate(int64_t predicate_code, int64_t a, int64_t b) const {
  return !loaded_ || !relations_loaded_ ||
         relations_.may_contain(RelationKey(predicate_code, a, b).bytes());
}

void WriterMemo::note_relation(int64_t predicate_code, int64_t a, int64_t b) {
  if (relations_loaded_) relations_.add(RelationKey(predicate_code, a, b).bytes());
}

const std::vector<WriterMemo::Namesake>* WriterMemo::namesakes(const std::string& alias_key) const {
  auto it = namesakes_.find(alias_key);
  return it == namesakes_.end() ? nullptr : &it->second;
}

void WriterMemo::keep_namesakes(const std::string& alias_key, std::vector<Namesake> pile) {
  if (!may_keep_namesakes() || namesakes_.count(alias_key)) return;
  if (kept_namesakes_ + pile.size() > kMaxKeptNamesakes) forget_namesakes();
  for (const Namesake& n : pile) piles_of_[n.entity_key].push_back(alias_key);
  kept_namesakes_ += pile.size();
  namesakes_.emplace(alias_key, std::move(pile));
}

void WriterMemo::note_namesake(Db& db, int64_t entity_key, const std::string& alias_key) {
  auto it = namesakes_.find(alias_key);
  if (it == namesakes_.end()) return;
  std::vector<Namesake>& pile = it->second;
  for (const Namesake& n : pile)
    if (n.entity_key == entity_key) return;
  Statement q = db.prepare("SELECT type, from_gazetteer FROM entities WHERE entity_key = ?");
  q.bind(1, entity_key);
  if (!q.step()) {  // no such entity (cannot happen): the pile is no longer known whole
    kept_namesakes_ -= pile.size();
    namesakes_.erase(it);
    return;
  }
  pile.push_back({entity_key, q.column_int(1) != 0, q.column_text(0)});
  piles_of_[entity_key].push_back(alias_key);
  ++kept_namesakes_;
}

bool WriterMemo::may_have_sentence(int64_t hash) const {
  return !loaded_ || !sentences_loaded_ ||
         sentences_.may_contain({reinterpret_cast<const char*>(&hash), sizeof hash});
}

void WriterMemo::note_sentence(int64_t hash) {
  if (sentences_loaded_) sentences_.add({reinterpret_cast<const char*>(&hash), sizeof hash});
}

int64_t WriterMemo::gazetteer_entity(const std::string& id) const {
  if (!loaded_) return 0;
  auto it = gazetteer_entities_.find(id);
  return it == gazetteer_entities_.end() ? 0 : it->second;
}

void WriterMemo::note_gazetteer_entity(const std::string& id, int64_t entity_key) {
  if (loaded_) gazetteer_entities_[id] = entity_key;
}

bool may_be_named(Db& db, std::string_view key) {
  const WriterMemo* memo = db.memo();
  return !memo || memo->may_have_alias_key(key);
}

bool may_have_id(Db& db, std::string_view id) {
  const WriterMemo* memo = db.memo();
  return !memo || memo->may_have_id(id);
}

bool may_be_short_form(Db& db, std::string_view key) {
  const WriterMemo* memo = db.memo();
  return !memo || memo->may_have_short_key(key);
}

}  // namespace newsgraph::store
