#include <catch2/catch.hpp>

#include "ingest/cue_lexicon.h"
#include "ingest/tokenizer.h"
#include "tests/ingest/extraction_helpers.h"

using namespace newsgraph;
using namespace newsgraph::ingest;
using newsgraph::testing::extract_text;
using newsgraph::testing::find_entity;

namespace {

CueLexicon built_in() {
  CueLexicon x;
  REQUIRE(x.add_lines(CueLexicon::built_in_text(), "built-in cues").is_ok());
  return x;
}

// Whether x holds `p` from the entity labelled `subject` to the one labelled `object`
// (either way round for a symmetric predicate).
bool has_relation(const Extraction& x, const std::string& subject, Predicate p, const std::string& object) {
  const Entity* s = find_entity(x, subject);
  const Entity* o = find_entity(x, object);
  if (!s || !o) return false;
  for (const Relation& r : x.relations) {
    if (r.predicate != p) continue;
    const std::string& subject_id = x.subject_of(r).id;
    const std::string& object_id = x.object_of(r).id;
    if (subject_id == s->id && object_id == o->id) return true;
    if (is_symmetric(p) && subject_id == o->id && object_id == s->id) return true;
  }
  return false;
}

}  // namespace

TEST_CASE("every built-in cue's example sentence yields its predicate between the named entities", "[cues]") {
  const CueLexicon lexicon = built_in();
  REQUIRE(lexicon.entries().size() > 50);
  for (const CueEntry& e : lexicon.entries()) {
    if (!e.predicate) continue;
    INFO(e.origin << ": " << e.cue << " " << predicate_name(*e.predicate) << ": " << e.example);
    REQUIRE_FALSE(e.example.empty());
    const Extraction x = extract_text("Berita\n" + e.example + "\n");
    CHECK(has_relation(x, e.example_subject, *e.predicate, e.example_object));
  }
}

TEST_CASE("a switched-off sense's example sentence yields no event between the named entities", "[cues]") {
  const CueLexicon lexicon = built_in();
  for (const CueEntry& e : lexicon.entries()) {
    if (e.predicate || e.example.empty()) continue;
    INFO(e.origin << ": " << e.cue << " NONE: " << e.example);
    const Extraction x = extract_text("Berita\n" + e.example + "\n");
    const Entity* s = find_entity(x, e.example_subject);
    const Entity* o = find_entity(x, e.example_object);
    REQUIRE(s);
    REQUIRE(o);
    for (const Relation& r : x.relations) {
      const std::string& subject_id = x.subject_of(r).id;
      const std::string& object_id = x.object_of(r).id;
      const bool pair = (subject_id == s->id && object_id == o->id) || (subject_id == o->id && object_id == s->id);
      CHECK_FALSE((pair && plover_type(r.predicate)[0] != '\0'));
    }
  }
}

TEST_CASE("cue file lines that follow the format are read, and those that break it are named by line", "[cues]") {
  const char* accepted[] = {
      "tuding | ACCUSE",
      "tuding | ACCUSE | forms=derived; voice=active | Rusia menuding Ukraina. | Russia > Ukraine",
      "golf bersama | MEET | noun",
      "terima | ACCEPT | follows=@invitation,tawaran",
      "ingat | THREATEN | forms=kan; needs=@harm,serbu",
      "ungkit | NONE",
      "@class goods tank",
      "@lang en",
  };
  for (const char* line : accepted) {
    INFO(line);
    CueLexicon x = built_in();
    CHECK(x.add_lines(std::string("# a comment\n") + line + "\n", "mine.txt").is_ok());
  }
  const std::pair<const char*, const char*> rejected[] = {
      {"tuding", "expected CUE | PREDICATE"},
      {"tuding | BLAME", "no event predicate"},
      {"tuding | LEADS", "no event predicate"},
      {"tuding | ACCUSE | forms=sometimes", "unknown forms"},
      {"tuding | ACCUSE | voice=middle", "voice must be"},
      {"tuding | ACCUSE | loud", "unknown option"},
      {"golf bersama | MEET | forms=derived", "forms must be exact"},
      {"tuding | ACCUSE | follows=@nothing", "no class @nothing"},
      {"tuding | ACCUSE | needs=@nothing", "no class @nothing"},
      {"tuding | ACCUSE | needs=", "needs= holds an empty word"},
      {"tuding | ACCUSE | | Rusia menuding Ukraina.", "expected pair"},
      {"tuding | ACCUSE | | Rusia menuding Ukraina. | Russia", "Subject > Object"},
      {"a | B | c | d | e > f | g", "expected CUE | PREDICATE"},
      {"@group goods tank", "expected '@lang CODE'"},
  };
  for (auto [line, why] : rejected) {
    INFO(line);
    CueLexicon x;
    Status st = x.add_lines(std::string("# a comment\n") + line + "\n", "mine.txt");
    CHECK(st.code() == StatusCode::kInvalidInput);
    CHECK_THAT(st.message(), Catch::StartsWith("mine.txt:2: ") && Catch::Contains(why));
  }
}

TEST_CASE("a user's entry for a cue is tried before the built-in one, and NONE switches a cue off", "[cues]") {
  CueLexicon x = built_in();
  REQUIRE(x.find_word("menuduh", "ukraina")->predicate == Predicate::kAccuse);
  REQUIRE(x.add_lines("tuduh | THREATEN\nkecam | NONE\n", "mine.txt").is_ok());
  CHECK(x.find_word("menuduh", "ukraina")->predicate == Predicate::kThreaten);
  CHECK_FALSE(x.find_word("mengecam", "ukraina"));
  CHECK(x.find_word("mengkritik", "ukraina")->predicate == Predicate::kAccuse);
}

TEST_CASE("a failed file leaves the lexicon as it was", "[cues]") {
  CueLexicon x = built_in();
  REQUIRE_FALSE(x.add_lines("tuduh | NONE\ntuding | BLAME\n", "mine.txt").is_ok());
  CHECK(x.find_word("menuduh", "ukraina"));
}

TEST_CASE("words added to a class by a later file widen the cues that name it", "[cues]") {
  CueLexicon x = built_in();
  CHECK_FALSE(x.find_word("mengirim", "tank"));
  REQUIRE(x.add_lines("@class goods tank\n", "mine.txt").is_ok());
  CHECK(x.find_word("mengirim", "tank")->predicate == Predicate::kSupply);
}

TEST_CASE("cues in another language match only the word as written", "[cues]") {
  CueLexicon x;
  REQUIRE(x.add_lines("@lang en\nmeets | MEET\nshook hands | MEET\n", "mine.txt").is_ok());
  auto first_word = [&x](const std::string& text) {
    const TokenList tokens = tokenize(text, 0, static_cast<uint32_t>(text.size()));
    return x.find(tokens, 0, static_cast<uint32_t>(tokens.size()));
  };
  CHECK(first_word("meets Putin")->predicate == Predicate::kMeet);
  CHECK(first_word("shook hands with Putin")->predicate == Predicate::kMeet);
  CHECK_FALSE(first_word("bermeets Putin"));
  CHECK_FALSE(first_word("meetsnya Putin"));
  CHECK_FALSE(first_word("shook Putin"));
}

TEST_CASE("an entry with needs= holds only where one of its words comes later in the sentence", "[cues]") {
  CueLexicon x;
  REQUIRE(x.add_lines("@class harm perang sanksi\n"
                      "tegur | THREATEN | forms=derived; needs=@harm,serbuan\n"
                      "tegur | COMMUNICATE | forms=derived\n",
                      "mine.txt")
              .is_ok());
  auto cue_in = [&x](const std::string& sentence) {
    const TokenList tokens = tokenize(sentence, 0, static_cast<uint32_t>(sentence.size()));
    for (uint32_t i = 0; i < tokens.size(); ++i) {
      if (tokens[i].word() == "menegur") return x.find(tokens, i, static_cast<uint32_t>(tokens.size()));
    }
    return std::optional<Cue>();
  };
  CHECK(cue_in("Rusia menegur Ukraina soal perang itu.")->predicate == Predicate::kThreaten);
  CHECK(cue_in("Rusia menegur Ukraina dengan ancaman serbuan.")->predicate == Predicate::kThreaten);
  CHECK(cue_in("Rusia menegur Ukraina soal jadwal itu.")->predicate == Predicate::kCommunicate);
  // A word before the cue, or after a ';', is not later in its clause.
  CHECK(cue_in("Di tengah perang, Rusia menegur Ukraina.")->predicate == Predicate::kCommunicate);
  CHECK(cue_in("Rusia menegur Ukraina; perang berlanjut.")->predicate == Predicate::kCommunicate);
}
