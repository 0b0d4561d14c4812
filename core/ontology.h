// The graph's vocabulary (../shared/spec/ontology.md): entity types, relation
// predicates with their PLOVER type and quad class, and modalities. Names here are
// part of the product's interface; change them only on purpose.
#pragma once

#include <optional>
#include <string_view>

namespace newsgraph {

enum class EntityType { kPerson, kCountry, kOrganization, kLocation, kEvent, kTopic };

enum class Predicate {
  kLeads, kMemberOf, kMeet, kVisit, kCommunicate, kInvite, kAccept, kSupport,
  kCooperate, kSupply, kAccuse, kReject, kThreaten, kSanction, kAttack, kRecognize,
  kFamily, kCoOccurs,
};

enum class Modality { kAsserted, kAlleged, kDenied, kNegated, kPlanned, kHypothetical, kQuestion };

enum class Quad { kNone, kVerbalCooperation, kMaterialCooperation, kVerbalConflict, kMaterialConflict };

const char* entity_type_name(EntityType type);        // "PERSON", ...
std::optional<EntityType> parse_entity_type(std::string_view name);  // case-insensitive

const char* predicate_name(Predicate predicate);      // "MEET", ...
std::optional<Predicate> parse_predicate(std::string_view name);
const char* plover_type(Predicate predicate);         // "CONSULT", ... or "" when static
Quad quad_of(Predicate predicate);
const char* quad_name(Quad quad);                     // "verbal-cooperation", ... or ""
bool is_symmetric(Predicate predicate);               // MEET, COOPERATE, FAMILY, CO_OCCURS

const char* modality_name(Modality modality);         // "asserted", ...
std::optional<Modality> parse_modality(std::string_view name);  // exact name

// The rule id of CO_OCCURS evidence (two entities named in one sentence), as the
// extractor, the API and exports show it.
inline constexpr const char* kCooccurrenceRule = "sentence.cooccurs";
// The confidence of a co-occurrence: being named together says little.
inline constexpr double kCooccurrenceConfidence = 0.3;

// Whether an entity of this type can act (be the subject of an event predicate).
bool is_actor(EntityType type);

}  // namespace newsgraph
