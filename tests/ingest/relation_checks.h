// Checks on the relations of short test articles, shared by the relation rule tests:
// find a typed relation by labels, require names before checking an absence, and keep
// each extraction alive for the checks after it.
#pragma once

#include <initializer_list>
#include <string>

#include "core/types.h"

namespace newsgraph::testing {

// The label of x.entities[entity].
std::string label_of(const Extraction& x, uint32_t entity);

// The typed relation "Subject PREDICATE Object" (entity labels), or nullptr.
const Relation* find_relation(const Extraction& x, const std::string& subject, Predicate p,
                              const std::string& object);

// The relation p between a and b whichever way round it is stored (a symmetric
// predicate is stored in id order), or nullptr.
const Relation* find_either(const Extraction& x, const std::string& a, Predicate p, const std::string& b);

// The modality of "a p b" (either way round for a symmetric p); fails the test when x
// holds no such relation.
Modality modality_between(const Extraction& x, const std::string& a, Predicate p, const std::string& b);

// Whether any evidence of r came from `rule`.
bool has_rule(const Relation* r, const std::string& rule);

// The extraction of one short article (a title line is added). Results are kept for the
// whole run, so a relation found in `run(...)` inline stays valid for the checks after it.
const Extraction& run(const std::string& body);

// Every label names an entity of x: a test that checks a relation is absent must first
// know its names were found, or it could pass on an empty extraction.
void require_named(const Extraction& x, std::initializer_list<const char*> labels);

}  // namespace newsgraph::testing
