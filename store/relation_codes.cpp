#include "store/relation_codes.h"

#include <iterator>

namespace newsgraph::store {
namespace {

// A code is its place here. Fixed for good: a new predicate or modality goes at the end,
// none moves or is taken out.
constexpr Predicate kPredicateOfCode[] = {
    Predicate::kCoOccurs,  Predicate::kLeads,       Predicate::kMemberOf, Predicate::kMeet,
    Predicate::kVisit,     Predicate::kCommunicate, Predicate::kInvite,   Predicate::kAccept,
    Predicate::kSupport,   Predicate::kCooperate,   Predicate::kSupply,   Predicate::kAccuse,
    Predicate::kReject,    Predicate::kThreaten,    Predicate::kSanction, Predicate::kAttack,
    Predicate::kRecognize, Predicate::kFamily,
};
constexpr Modality kModalityOfCode[] = {
    Modality::kAsserted, Modality::kAlleged,      Modality::kDenied,   Modality::kNegated,
    Modality::kPlanned,  Modality::kHypothetical, Modality::kQuestion,
};
static_assert(std::size(kPredicateOfCode) == static_cast<size_t>(Predicate::kCoOccurs) + 1,
              "every predicate has a code");
static_assert(std::size(kModalityOfCode) == static_cast<size_t>(Modality::kQuestion) + 1,
              "every modality has a code");
static_assert(kPredicateOfCode[kCoOccursCode] == Predicate::kCoOccurs &&
              kModalityOfCode[kAssertedCode] == Modality::kAsserted);

template <typename T, size_t N>
int64_t code_in(const T (&of_code)[N], T value) {
  for (size_t code = 0; code < N; ++code)
    if (of_code[code] == value) return static_cast<int64_t>(code);
  return -1;  // unreachable: the static_asserts above
}

template <typename T, size_t N>
std::optional<T> value_of(const T (&of_code)[N], int64_t code) {
  if (code < 0 || code >= static_cast<int64_t>(N)) return std::nullopt;
  return of_code[code];
}

// CASE WHEN `column` holds a code THEN it ELSE CASE `column` WHEN 'NAME' THEN code ... ELSE
// -1 END END: the names are the ontology's, so the expression needs no table (a read-only
// store may lack them).
template <typename T, size_t N, typename NameOf>
std::string case_of_names(const std::string& column, const T (&of_code)[N], NameOf name_of) {
  std::string sql =
      "CASE WHEN typeof(" + column + ") = 'integer' THEN " + column + " ELSE CASE " + column;
  for (size_t code = 0; code < N; ++code)
    sql += std::string(" WHEN '") + name_of(of_code[code]) + "' THEN " + std::to_string(code);
  return sql + " ELSE -1 END END";
}

// INSERT OR IGNORE INTO `table` VALUES (code, 'NAME'), one statement a code.
template <typename T, size_t N, typename NameOf>
std::string code_rows(const char* table, const T (&of_code)[N], NameOf name_of) {
  std::string sql;
  for (size_t code = 0; code < N; ++code)
    sql += std::string("INSERT OR IGNORE INTO ") + table + " VALUES (" + std::to_string(code) +
           ", '" + name_of(of_code[code]) + "');\n";
  return sql;
}

}  // namespace

int64_t predicate_code(Predicate predicate) { return code_in(kPredicateOfCode, predicate); }
int64_t modality_code(Modality modality) { return code_in(kModalityOfCode, modality); }

std::optional<Predicate> predicate_of_code(int64_t code) {
  return value_of(kPredicateOfCode, code);
}
std::optional<Modality> modality_of_code(int64_t code) { return value_of(kModalityOfCode, code); }

const char* predicate_name_of_code(int64_t code) {
  const std::optional<Predicate> p = predicate_of_code(code);
  return p ? predicate_name(*p) : "";
}

const char* modality_name_of_code(int64_t code) {
  return modality_name(modality_of_code(code).value_or(Modality::kAsserted));
}

std::string code_tables_sql() {
  return "CREATE TABLE IF NOT EXISTS predicates (code INTEGER PRIMARY KEY, name TEXT NOT NULL "
         "UNIQUE);\n"
         "CREATE TABLE IF NOT EXISTS modalities (code INTEGER PRIMARY KEY, name TEXT NOT NULL "
         "UNIQUE);\n" +
         code_rows("predicates", kPredicateOfCode, predicate_name) +
         code_rows("modalities", kModalityOfCode, modality_name);
}

std::string predicate_code_of_name_sql(const std::string& column) {
  return case_of_names(column, kPredicateOfCode, predicate_name);
}

std::string modality_code_of_name_sql(const std::string& column) {
  return case_of_names(column, kModalityOfCode, modality_name);
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
