#include "core/ontology.h"

#include <array>
#include <cctype>
#include <cstdint>

namespace newsgraph {
namespace {

struct PredicateInfo {
  Predicate predicate;
  const char* name;
  const char* plover;
  Quad quad;
  bool symmetric;
};

constexpr std::array<PredicateInfo, 18> kPredicates = {{
    {Predicate::kLeads, "LEADS", "", Quad::kNone, false},
    {Predicate::kMemberOf, "MEMBER_OF", "", Quad::kNone, false},
    {Predicate::kMeet, "MEET", "CONSULT", Quad::kVerbalCooperation, true},
    {Predicate::kVisit, "VISIT", "CONSULT", Quad::kVerbalCooperation, false},
    {Predicate::kCommunicate, "COMMUNICATE", "CONSULT", Quad::kVerbalCooperation, false},
    {Predicate::kInvite, "INVITE", "CONSULT", Quad::kVerbalCooperation, false},
    {Predicate::kAccept, "ACCEPT", "AGREE", Quad::kVerbalCooperation, false},
    {Predicate::kSupport, "SUPPORT", "SUPPORT", Quad::kVerbalCooperation, false},
    {Predicate::kCooperate, "COOPERATE", "COOPERATE", Quad::kMaterialCooperation, true},
    {Predicate::kSupply, "SUPPLY", "AID", Quad::kMaterialCooperation, false},
    {Predicate::kAccuse, "ACCUSE", "ACCUSE", Quad::kVerbalConflict, false},
    {Predicate::kReject, "REJECT", "REJECT", Quad::kVerbalConflict, false},
    {Predicate::kThreaten, "THREATEN", "THREATEN", Quad::kVerbalConflict, false},
    {Predicate::kSanction, "SANCTION", "SANCTION", Quad::kMaterialConflict, false},
    {Predicate::kAttack, "ATTACK", "ASSAULT", Quad::kMaterialConflict, false},
    {Predicate::kRecognize, "RECOGNIZE", "SUPPORT", Quad::kVerbalCooperation, false},
    {Predicate::kFamily, "FAMILY", "", Quad::kNone, true},
    {Predicate::kCoOccurs, "CO_OCCURS", "", Quad::kNone, true},
}};

const PredicateInfo& info(Predicate p) { return kPredicates[static_cast<size_t>(p)]; }

// Names are ASCII: fold a-z only (no locale lookups; this runs once per stored row).
bool equals_ignoring_case(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    char x = a[i], y = b[i];
    if (x >= 'a' && x <= 'z') x = static_cast<char>(x - 'a' + 'A');
    if (y >= 'a' && y <= 'z') y = static_cast<char>(y - 'a' + 'A');
    if (x != y) return false;
  }
  return true;
}

constexpr std::array<const char*, 6> kTypeNames = {"PERSON",   "COUNTRY", "ORGANIZATION",
                                                   "LOCATION", "EVENT",   "TOPIC"};
constexpr std::array<const char*, 7> kModalityNames = {
    "asserted", "alleged", "denied", "negated", "planned", "hypothetical", "question"};

}  // namespace

const char* entity_type_name(EntityType type) { return kTypeNames[static_cast<size_t>(type)]; }

std::optional<EntityType> parse_entity_type(std::string_view name) {
  for (size_t i = 0; i < kTypeNames.size(); ++i) {
    if (equals_ignoring_case(name, kTypeNames[i])) return static_cast<EntityType>(i);
  }
  if (equals_ignoring_case(name, "ORGANISATION") || equals_ignoring_case(name, "ORG"))
    return EntityType::kOrganization;
  if (equals_ignoring_case(name, "PER")) return EntityType::kPerson;
  if (equals_ignoring_case(name, "LOC")) return EntityType::kLocation;
  return std::nullopt;
}

const char* predicate_name(Predicate p) { return info(p).name; }

std::optional<Predicate> parse_predicate(std::string_view name) {
  // Stored names are canonical: a slot from the length and the two end letters picks the
  // one name to compare with; names that share a slot are found by the loop below.
  auto slot_of = [](std::string_view n) { return (n.size() * 7 + static_cast<unsigned char>(n.front()) * 3 +
                                                  static_cast<unsigned char>(n.back())) & 255; };
  static const auto slots = [&] {
    std::array<int8_t, 256> out;
    out.fill(-1);
    for (size_t i = 0; i < kPredicates.size(); ++i) {
      int8_t& slot = out[slot_of(kPredicates[i].name)];
      slot = slot == -1 ? static_cast<int8_t>(i) : -2;  // -2: shared, compare in full below
    }
    return out;
  }();
  if (!name.empty()) {
    int8_t i = slots[slot_of(name)];
    if (i >= 0 && name == kPredicates[static_cast<size_t>(i)].name) return kPredicates[static_cast<size_t>(i)].predicate;
  }
  for (const PredicateInfo& p : kPredicates)
    if (equals_ignoring_case(name, p.name)) return p.predicate;
  return std::nullopt;
}

const char* plover_type(Predicate p) { return info(p).plover; }
Quad quad_of(Predicate p) { return info(p).quad; }
bool is_symmetric(Predicate p) { return info(p).symmetric; }

const char* quad_name(Quad quad) {
  switch (quad) {
    case Quad::kNone: return "";
    case Quad::kVerbalCooperation: return "verbal-cooperation";
    case Quad::kMaterialCooperation: return "material-cooperation";
    case Quad::kVerbalConflict: return "verbal-conflict";
    case Quad::kMaterialConflict: return "material-conflict";
  }
  return "";
}

const char* modality_name(Modality m) { return kModalityNames[static_cast<size_t>(m)]; }

std::optional<Modality> parse_modality(std::string_view name) {
  for (size_t i = 0; i < kModalityNames.size(); ++i)
    if (name == kModalityNames[i]) return static_cast<Modality>(i);
  return std::nullopt;
}

bool is_actor(EntityType type) {
  return type == EntityType::kPerson || type == EntityType::kCountry ||
         type == EntityType::kOrganization;
}

}  // namespace newsgraph
