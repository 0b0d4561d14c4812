#include "store/relation_codes.h"

namespace newsgraph::store {
namespace {

// Fixed for good: a new predicate or modality takes the next free code, none is reused.
struct PredicateCode {
  Predicate predicate;
  int64_t code;
};
constexpr PredicateCode kPredicateCodes[] = {
    {Predicate::kCoOccurs, kCoOccursCode},
    {Predicate::kLeads, 1},
    {Predicate::kMemberOf, 2},
    {Predicate::kMeet, 3},
    {Predicate::kVisit, 4},
    {Predicate::kCommunicate, 5},
    {Predicate::kInvite, 6},
    {Predicate::kAccept, 7},
    {Predicate::kSupport, 8},
    {Predicate::kCooperate, 9},
    {Predicate::kSupply, 10},
    {Predicate::kAccuse, 11},
    {Predicate::kReject, 12},
    {Predicate::kThreaten, 13},
    {Predicate::kSanction, 14},
    {Predicate::kAttack, 15},
    {Predicate::kRecognize, 16},
    {Predicate::kFamily, 17},
};

struct ModalityCode {
  Modality modality;
  int64_t code;
};
constexpr ModalityCode kModalityCodes[] = {
    {Modality::kAsserted, kAssertedCode},
    {Modality::kAlleged, 1},
    {Modality::kDenied, 2},
    {Modality::kNegated, 3},
    {Modality::kPlanned, 4},
    {Modality::kHypothetical, 5},
    {Modality::kQuestion, 6},
};

// CASE WHEN `column` holds a code THEN it ELSE CASE `column` WHEN 'NAME' THEN code ... ELSE
// -1 END END: the names are the ontology's, so the expression needs no table (a read-only
// store may lack them).
template <typename Codes, typename NameOf>
std::string case_of_names(const std::string& column, const Codes& codes, NameOf name_of) {
  std::string sql =
      "CASE WHEN typeof(" + column + ") = 'integer' THEN " + column + " ELSE CASE " + column;
  for (const auto& c : codes)
    sql += std::string(" WHEN '") + name_of(c) + "' THEN " + std::to_string(c.code);
  return sql + " ELSE -1 END END";
}

}  // namespace

int64_t predicate_code(Predicate predicate) {
  for (const PredicateCode& c : kPredicateCodes)
    if (c.predicate == predicate) return c.code;
  return -1;  // unreachable: every predicate has a code (relation_codes_test)
}

int64_t modality_code(Modality modality) {
  for (const ModalityCode& c : kModalityCodes)
    if (c.modality == modality) return c.code;
  return -1;
}

std::optional<Predicate> predicate_of_code(int64_t code) {
  for (const PredicateCode& c : kPredicateCodes)
    if (c.code == code) return c.predicate;
  return std::nullopt;
}

std::optional<Modality> modality_of_code(int64_t code) {
  for (const ModalityCode& c : kModalityCodes)
    if (c.code == code) return c.modality;
  return std::nullopt;
}

const char* predicate_name_of_code(int64_t code) {
  const std::optional<Predicate> p = predicate_of_code(code);
  return p ? predicate_name(*p) : "";
}

const char* modality_name_of_code(int64_t code) {
  return modality_name(modality_of_code(code).value_or(Modality::kAsserted));
}

std::string code_tables_sql() {
  std::string sql =
      "CREATE TABLE IF NOT EXISTS predicates (code INTEGER PRIMARY KEY, name TEXT NOT NULL "
      "UNIQUE);\n"
      "CREATE TABLE IF NOT EXISTS modalities (code INTEGER PRIMARY KEY, name TEXT NOT NULL "
      "UNIQUE);\n";
  for (const PredicateCode& c : kPredicateCodes)
    sql += "INSERT OR IGNORE INTO predicates VALUES (" + std::to_string(c.code) + ", '" +
           predicate_name(c.predicate) + "');\n";
  for (const ModalityCode& c : kModalityCodes)
    sql += "INSERT OR IGNORE INTO modalities VALUES (" + std::to_string(c.code) + ", '" +
           modality_name(c.modality) + "');\n";
  return sql;
}

std::string predicate_code_of_name_sql(const std::string& column) {
  return case_of_names(column, kPredicateCodes,
                       [](const PredicateCode& c) { return predicate_name(c.predicate); });
}

std::string modality_code_of_name_sql(const std::string& column) {
  return case_of_names(column, kModalityCodes,
                       [](const ModalityCode& c) { return modality_name(c.modality); });
}

std::string relations_by_code_view_sql() {
  return "CREATE TEMP VIEW IF NOT EXISTS relations AS SELECT relation_key, subject_key, " +
         predicate_code_of_name_sql("predicate") +
         " AS predicate, object_key, weight, independent, evidence_count, " +
         modality_code_of_name_sql("modality") +
         " AS modality, CAST(round(confidence * 1000) AS INTEGER) AS confidence_permille, "
         "first_seen, last_seen "
         "FROM main.relations";
}

}  // namespace newsgraph::store
