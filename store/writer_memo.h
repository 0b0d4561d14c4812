// WriterMemo: what the store's writer knows, in memory, of the keys a store holds (names,
// ids, related pairs, sentence hashes), so that writing an article asks SQL only where a
// key may be stored. Most names and sentences an article brings are new to the store, and
// each used to cost look-ups that found nothing.
//
// Two kinds of knowledge, each kept where it stays true:
// - "may be stored" sets of alias keys (with entity label keys), short-form keys, entity
//   ids, the entity pairs of each predicate and sentence hashes: a superset of what the
//   file holds. A key not in its set is in no row, so its look-up is skipped; a key in it
//   is looked up as before. Rows deleted or rolled back leave it a superset; a row another
//   connection commits does not, so every write first checks SQLite's data_version and
//   reloads when it moved.
// - "known present" facts read or written by this connection: an (entity, alias key)
//   row, a gazetteer id's entity, every entity going by a name many share. Forgotten on
//   rollback, and for an entity wherever its names are deleted.
// One per writer connection (Store::Impl owns it, the Db points at it); not thread-safe.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace newsgraph::store {

class Db;

// A set of 64-bit hashes, open addressing: 16 bytes a key at most. may_contain() may say
// yes to a key never added (two keys sharing a hash), never no to one added.
class HashFilter {
 public:
  void add(std::string_view key);
  bool may_contain(std::string_view key) const;
  void clear();
  size_t size() const { return size_; }

 private:
  void grow();
  std::vector<uint64_t> slots_;  // 0: empty
  size_t size_ = 0;
};

class WriterMemo {
 public:
  // The sets are loaded at the (n+1)th prepare(): before it, every look-up goes to SQL.
  explicit WriterMemo(size_t load_after = 0) : load_after_(load_after) {}
  // Before a write: forgets everything if another connection committed since the last
  // call, and loads the sets when they are not loaded. O(names stored) when it loads.
  // Returns whether another connection committed (what else the writer keeps is stale).
  bool prepare(Db& db);
  // Everything is forgotten: the next prepare() loads it again (after a curation, whose
  // writes bypass the memo).
  void forget_all();
  // Rows may have been rolled back: the "known present" facts are forgotten.
  void forget_present();
  // The entity's names, maybe the entity itself, are deleted: what is known of it goes.
  void forget_present(int64_t entity_key);
  bool loaded() const { return loaded_; }

  bool may_have_alias_key(std::string_view key) const {
    return !loaded_ || names_.may_contain(key);
  }
  bool may_have_short_key(std::string_view key) const {
    return !loaded_ || short_keys_.may_contain(key);
  }
  bool may_have_id(std::string_view id) const { return !loaded_ || ids_.may_contain(id); }
  void note_name_key(std::string_view key) { names_.add(key); }
  void note_short_key(std::string_view key) { short_keys_.add(key); }
  void note_id(std::string_view id) { ids_.add(id); }
  // Whether a relation of `predicate_code` may join the two entities, either way round.
  // A store of more than kMaxMemoRelations relations keeps none in memory (SQL answers).
  bool may_relate(int64_t predicate_code, int64_t a, int64_t b) const;
  void note_relation(int64_t predicate_code, int64_t a, int64_t b);
  // Whether some stored sentence may have this hash (sentence_hash()). A store of more
  // than kMaxMemoSentences sentences keeps none in memory.
  bool may_have_sentence(int64_t hash) const;
  void note_sentence(int64_t hash);
  static constexpr int64_t kMaxMemoRelations = 4'000'000;  // 128 MB of memo at most
  static constexpr int64_t kMaxMemoSentences = 4'000'000;  // the same

  // Whether the row (entity_key, alias_key) is known to be in `aliases`. note_ it only
  // where alias_present() said no.
  bool alias_present(int64_t entity_key, std::string_view alias_key) const;
  void note_alias_present(int64_t entity_key, std::string_view alias_key);
  // The gazetteer entity stored under `id`, when known (0: not known, ask SQL).
  int64_t gazetteer_entity(const std::string& id) const;
  void note_gazetteer_entity(const std::string& id, int64_t entity_key);
  // Every entity that goes by an alias key, kept for each key the writer has asked about
  // ("ahmad" with its dozens, "joko widodo" with its one), which each article naming it
  // would otherwise read again.
  struct Namesake {
    int64_t entity_key;
    bool from_gazetteer;
    std::string type;
  };
  // The key's pile, nullptr when it is not kept.
  const std::vector<Namesake>* namesakes(const std::string& alias_key) const;
  // Whether piles may be kept: not while some entity's type is the user's (a pile would
  // have to know which), nor before the memo is loaded.
  bool may_keep_namesakes() const { return loaded_ && !type_overrides_; }
  void keep_namesakes(const std::string& alias_key, std::vector<Namesake> pile);
  // The entity now has an alias of this key: the key's pile, if kept, gains it.
  void note_namesake(Db& db, int64_t entity_key, const std::string& alias_key);
  // The entity's type changed: the piles it is in say so. O(its piles).
  void retype_namesake(int64_t entity_key, const std::string& type);

 private:
  size_t load_after_, prepared_ = 0;
  bool loaded_ = false;
  int64_t data_version_ = -1;
  HashFilter names_, short_keys_, ids_, relations_, sentences_;
  bool relations_loaded_ = false, sentences_loaded_ = false;
  std::unordered_map<int64_t, std::vector<std::string>> present_aliases_;  // by entity
  size_t present_count_ = 0;
  std::unordered_map<std::string, int64_t> gazetteer_entities_;
  std::unordered_map<std::string, std::vector<Namesake>> namesakes_;
  std::unordered_map<int64_t, std::vector<std::string>> piles_of_;  // entity -> keys of the piles it is in
  size_t kept_namesakes_ = 0;  // entries over all piles
  bool type_overrides_ = false;
  void forget_namesakes();
};

// Whether some stored entity may go by a name of this folded key, have this id, or be a
// full name with this short form, on a connection that may have no memo: false only when
// its memo knows none does, and the look-up can be skipped.
bool may_be_named(Db& db, std::string_view key);
bool may_have_id(Db& db, std::string_view id);
bool may_be_short_form(Db& db, std::string_view key);

}  // namespace newsgraph::store
