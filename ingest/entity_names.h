// EntityNames: the word lists each entity of one article goes by ("kim jong un", "kim"),
// for the resolver's same-name and short-form tests. Words are views (into the article's
// text or key store, which must outlive the lists); names sit in flat vectors that keep
// their capacity from article to article, so resolving allocates nothing once warm.
// Not thread-safe; keep one per thread.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

namespace newsgraph::ingest {

// A run of words: a name, or part of one.
struct Words {
  const std::string_view* data = nullptr;
  size_t size = 0;

  const std::string_view* begin() const { return data; }
  const std::string_view* end() const { return data + size; }
};

// Whether `part` is a proper prefix or suffix of `whole` ("kim" of "kim jong un",
// "foster carter" of "aidan foster carter").
bool is_short_form(Words part, Words whole);

class EntityNames {
 public:
  // Forgets every entity and name; keeps the memory.
  void clear() {
    words_.clear();
    names_.clear();
    first_.clear();
    last_.clear();
  }
  // A new entity with no name yet; returns its index (0, 1, ...).
  int32_t add_entity() {
    first_.push_back(-1);
    last_.push_back(-1);
    return static_cast<int32_t>(first_.size() - 1);
  }
  // Entity e goes by `words` too (copied as views; the text they view must stay).
  void add(int32_t e, Words words);

  // Calls f(Words) on each name of e, in the order they were added, until f returns true;
  // returns whether one did.
  template <class F>
  bool any_of(int32_t e, F&& f) const {
    for (int32_t n = first_[e]; n >= 0; n = names_[n].next) {
      if (f(Words{words_.data() + names_[n].begin, names_[n].size})) return true;
    }
    return false;
  }
  // How many words the first name of e has (0 when it has none).
  size_t first_name_size(int32_t e) const { return first_[e] < 0 ? 0 : names_[first_[e]].size; }

 private:
  struct Name {
    uint32_t begin = 0;  // into words_
    uint32_t size = 0;
    int32_t next = -1;   // the entity's next name, or -1
  };
  std::vector<std::string_view> words_;
  std::vector<Name> names_;
  std::vector<int32_t> first_, last_;  // per entity: its first and last name, or -1
};

}  // namespace newsgraph::ingest
