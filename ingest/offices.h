// Offices people hold in a body for a time (a country's head of state, its foreign
// minister, the UN's secretary-general), the titles that name each kind of office, and
// who held which post when: what "Menteri Luar Negeri Rusia" stands for in an article
// of a given day. Filled from gazetteer lines (OFFICE|kind|titles, and office= on a
// PERSON line), then read-only: safe to share between threads.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "core/status.h"
#include "ingest/tokenizer.h"

namespace newsgraph::ingest {

// Days in office, yyyymmdd; 0 at either end: open that way.
struct Term {
  int32_t from = 0;
  int32_t until = 0;
  bool covers(int32_t date) const { return (from == 0 || date >= from) && (until == 0 || date <= until); }
};

// "2017-05-10..2022-05-09", "2025-06-04..": a term in office; nullopt if malformed.
std::optional<Term> parse_term(std::string_view text);

// One person's post: "foreign_minister@russia:2004-03-09.." (kind@body:terms, the terms
// comma-separated as in term=).
struct Post {
  std::string kind;
  std::string body;
  std::vector<Term> terms;
};
// kInvalidInput saying what is expected when `text` is no post.
Status parse_post(std::string_view text, Post* out);

class Offices {
 public:
  // An OFFICE line: `kind` and its titles, ';'-separated ("menteri luar negeri;menlu").
  // Titles match folded words, any case. Adding a kind again adds titles to it.
  void add_kind(std::string_view kind, std::string_view titles);
  // Person `entry` (a gazetteer index) held `post`. kInvalidInput for an unknown kind.
  Status add_holder(const Post& post, uint32_t entry);

  // The office whose title ends right before token `end` and starts no earlier than
  // `floor` (the longest such title): its kind and the token where the title starts.
  struct Titled {
    std::string_view kind;
    uint32_t first = 0;
  };
  std::optional<Titled> title_before(const std::vector<Token>& tokens, uint32_t floor, uint32_t end) const;

  bool knows_kind(std::string_view kind) const;
  // Whether anyone is listed for kind@body: if not, a title of that office there is left
  // to the body's leader (leads=), when it is a leader's title.
  bool lists(std::string_view kind, std::string_view body) const;
  // Who held kind@body on `date` (yyyymmdd; the latest term covering it), or with no
  // date (0) the holder whose term is still open. nullopt when the gazetteer has no one.
  std::optional<uint32_t> holder(std::string_view kind, std::string_view body, int32_t date) const;

 private:
  struct Title {
    std::vector<std::string> words;  // folded
    std::string kind;
  };
  struct Holding {
    uint32_t entry;
    std::vector<Term> terms;
  };
  std::vector<Title> titles_;
  std::unordered_set<std::string> last_words_;  // of every title: most words end none
  std::unordered_map<std::string, std::vector<Holding>> holders_;  // "kind@body"
};

}  // namespace newsgraph::ingest
