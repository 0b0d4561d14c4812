#include "core/relation_order.h"

#include <catch2/catch.hpp>
#include <string>
#include <vector>

#include "core/extraction_format.h"
#include "core/interned.h"

using namespace newsgraph;

namespace {

// Entities with ids "b", "a", "c" (not in id order), three sentences, a typed MEET from b
// to c, and co-occurrences of a with b (sentences 0 and 2), a with c (1) and b with c (2).
Extraction mixed() {
  Extraction x;
  x.doc = "d";
  for (const char* id : {"b", "a", "c"}) {
    Entity e;
    e.id = id;
    e.label = std::string("Label ") + id;
    x.entities.push_back(e);
  }
  x.sentences = {{{0, 10}}, {{11, 20}}, {{21, 30}}};
  Relation meet;
  meet.subject = 0;
  meet.object = 2;
  meet.predicate = Predicate::kMeet;
  meet.confidence = 0.8;
  Evidence ev;
  ev.sentence = 2;
  ev.span = x.sentences[2].span;
  ev.rule = "test.meet";
  meet.evidence.push_back(ev);
  x.relations.push_back(meet);
  x.cooccurrences = {{1, 0, 0}, {1, 0, 2}, {1, 2, 1}, {0, 2, 2}};
  return x;
}

}  // namespace

TEST_CASE(
    "typed relations and co-occurrence pairs are walked in one order of subject id, co-occurrence "
    "last",
    "[core]") {
  const Extraction x = mixed();
  std::vector<std::string> seen;
  for_each_relation(
      x,
      [&](const Relation& r) { seen.push_back(x.subject_of(r).id + " MEET " + x.object_of(r).id); },
      [&](size_t begin, size_t end) {
        const CoOccurrence& c = x.cooccurrences[begin];
        seen.push_back(x.entities[c.first].id + " CO " + x.entities[c.second].id + " x" +
                       std::to_string(end - begin));
      });
  CHECK(seen == std::vector<std::string>{"a CO b x2", "a CO c x1", "b MEET c", "b CO c x1"});
}

TEST_CASE(
    "a pair's co-occurrences print as one CO_OCCURS relation with a piece of evidence per sentence",
    "[core]") {
  std::string json;
  append_extraction_json(mixed(), json);
  const size_t ab = json.find(R"("subject":"Label a","predicate":"CO_OCCURS","object":"Label b")");
  const size_t ac = json.find(R"("subject":"Label a","predicate":"CO_OCCURS","object":"Label c")");
  const size_t meet = json.find(R"("subject":"Label b","predicate":"MEET","object":"Label c")");
  const size_t bc = json.find(R"("subject":"Label b","predicate":"CO_OCCURS","object":"Label c")");
  REQUIRE(ab != std::string::npos);
  REQUIRE(bc != std::string::npos);
  CHECK(ab < ac);
  CHECK(ac < meet);
  CHECK(meet < bc);
  const std::string first = json.substr(ab, ac - ab);
  CHECK(first.find(R"("confidence":0.3,"cue":"","rule":"sentence.cooccurs")") != std::string::npos);
  CHECK(
      first.find(
          R"({"sentence":0,"start":0,"end":10,"cue":"","rule":"sentence.cooccurs","modality":"asserted"})") !=
      std::string::npos);
  CHECK(first.find(R"({"sentence":2,"start":21,"end":30,)") != std::string::npos);
  CHECK(first.find(R"("sentence":1)") == std::string::npos);
}

TEST_CASE("an interned string outlives the text it was made from, and equal texts share it",
          "[core]") {
  std::string rule = "rule.x+coref";
  const std::string_view kept = intern(rule);
  rule.assign("something else entirely, long enough to move");
  CHECK(kept == "rule.x+coref");
  CHECK(intern(std::string("rule.x") + "+coref").data() == kept.data());
  CHECK(intern("rule.y").data() != kept.data());
}
