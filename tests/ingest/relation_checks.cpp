#include "tests/ingest/relation_checks.h"

#include <catch2/catch.hpp>
#include <deque>

#include "tests/ingest/extraction_helpers.h"

namespace newsgraph::testing {

std::string label_of(const Extraction& x, uint32_t entity) { return x.entities.at(entity).label; }

const Relation* find_relation(const Extraction& x, const std::string& subject, Predicate p,
                              const std::string& object) {
  for (const auto& r : x.relations) {
    if (r.predicate == p && label_of(x, r.subject) == subject && label_of(x, r.object) == object)
      return &r;
  }
  return nullptr;
}

const Relation* find_either(const Extraction& x, const std::string& a, Predicate p, const std::string& b) {
  const Relation* r = find_relation(x, a, p, b);
  return r ? r : find_relation(x, b, p, a);
}

Modality modality_between(const Extraction& x, const std::string& a, Predicate p, const std::string& b) {
  const Relation* r = is_symmetric(p) ? find_either(x, a, p, b) : find_relation(x, a, p, b);
  INFO(a << " " << predicate_name(p) << " " << b);
  REQUIRE(r);
  return r->modality;
}

bool has_rule(const Relation* r, const std::string& rule) {
  if (!r) return false;
  for (const auto& ev : r->evidence) {
    if (ev.rule == rule) return true;
  }
  return false;
}

const Extraction& run(const std::string& body) {
  static std::deque<Extraction> kept;
  return kept.emplace_back(extract_text("Judul\n" + body + "\n"));
}

void require_named(const Extraction& x, std::initializer_list<const char*> labels) {
  for (const char* label : labels) {
    INFO(label);
    REQUIRE(find_entity(x, label));
  }
}

}  // namespace newsgraph::testing
