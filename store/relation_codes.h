// The integer codes a relation's predicate and modality are stored as (schema 9): one
// byte a row where the name took ten, in the table and in its unique index; and its
// confidence, stored in thousandths (two bytes where a float takes eight). The codes
// are fixed: a store keeps them for good, and the tables `predicates` and `modalities`
// name them for anyone reading the file in the sqlite3 shell. Stateless; thread-safe.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/ontology.h"

namespace newsgraph::store {

// SQL spells the two most common codes as numbers with the name beside them:
// `predicate = 0 /* CO_OCCURS */`, `modality = 0 /* asserted */`.
constexpr int64_t kCoOccursCode = 0;
constexpr int64_t kAssertedCode = 0;

int64_t predicate_code(Predicate predicate);
int64_t modality_code(Modality modality);
// nullopt for a code no newsgraph wrote.
std::optional<Predicate> predicate_of_code(int64_t code);
std::optional<Modality> modality_of_code(int64_t code);
// Names by code: "" for a predicate code no newsgraph wrote, "asserted" for such a modality.
const char* predicate_name_of_code(int64_t code);
const char* modality_name_of_code(int64_t code);

// relations.confidence_permille: a confidence (0 to 1) in thousandths, and back.
inline int64_t permille_of(double confidence) {
  return static_cast<int64_t>(confidence * 1000 + 0.5);
}
inline double confidence_of_permille(int64_t permille) {
  return static_cast<double>(permille) / 1000.0;
}

// Creates `predicates(code, name)` and `modalities(code, name)` and fills them with every
// code (INSERT OR IGNORE: safe to run again).
std::string code_tables_sql();

// An SQL expression giving the code of the predicate (or modality) named in `column`: -1
// for a name the ontology lacks, the value itself where it is a code already. For the
// migration, and for reading a store whose relations still hold names.
std::string predicate_code_of_name_sql(const std::string& column);
std::string modality_code_of_name_sql(const std::string& column);

// A temporary view `relations` over the table of a store an older newsgraph wrote (schema
// 8 or older, names instead of codes) that could not be upgraded, a read-only file: it
// shadows the table for this connection and gives the codes, so readers need one SQL.
std::string relations_by_code_view_sql();

}  // namespace newsgraph::store
