// Short-range coreference for the relation extractor: what a pronoun ("ia", "dia",
// "beliau"), a definite role noun ("Presiden itu", "diktator tersebut", "sang
// presiden", "negara itu") or a pair word ("keduanya", "kedua negara", "kedua
// pemimpin") stands for, from the names before it. Reads the Analysis only; stateless.
#pragma once

#include <cstdint>

#include "ingest/analysis.h"

namespace newsgraph::ingest {

struct Reference {
  uint32_t length = 0;  // tokens the referring phrase covers; 0 when none starts here
  int32_t entities[2] = {-1, -1};
  uint32_t count = 0;     // 1 for a person or country, 2 for a pair
  const char* rule = "";  // "coref.pronoun", "coref.definite", "coref.pair"
};

// The referring phrase starting at token `i` of sentence `s`, if any, and what it refers
// to: a pronoun or a definite person noun takes the last person named in this or the two
// sentences before; "negara itu" the last country; a pair word the last coordinated pair
// of its kind joined by "dan" ("Rusia dan China") nearby, or nothing. Names after a locative
// preposition ("di Suriah") are places there, never antecedents of a pair or of "negara itu";
// names that are the body of a title ("Rusia" in "Presiden Rusia Putin") are not antecedents
// either. Cost: O(log mentions + mentions in the window searched).
Reference refer_back(const Analysis& a, uint32_t s, uint32_t i);

// Whom the possessive "-nya" of a noun at token i stands for ("kunjungannya ke Mongolia",
// "dukungannya kepada Suriah"): the last actor (person, country, body) named before it
// in its sentence, else the first actor of the nearest earlier sentence. Returns the
// entity, or -1. Cost: O(log mentions + mentions in the window searched).
int32_t possessor_of_nya(const Analysis& a, uint32_t s, uint32_t i);

}  // namespace newsgraph::ingest
