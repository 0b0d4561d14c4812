// Where a verb's arguments may stand in an Indonesian sentence, read from its tokens
// alone: where the verb's clause ends, where a passive's agent may stand, whether a
// clause opens the sentence with a verb. The relation extractor asks these before it
// joins a cue to the names around it.
#pragma once

#include <cstdint>
#include <string_view>
#include <vector>

#include "core/ontology.h"
#include "ingest/tokenizer.h"

namespace newsgraph::ingest {

// Whether token t, or the one after a closing quote there, is `word` (before `end`).
bool word_follows(const std::vector<Token>& tokens, uint32_t t, uint32_t end, std::string_view word);

// Whether the clause of a verb of predicate p at token i ends before token j: at a
// semicolon, at a comma or colon right after the verb (what follows is what was said
// or admitted), at a coordinator before another verb ("Putin menerima undangan itu ...
// dan mengonfirmasi ... persahabatan Rusia-DPRK"), and for what is said or admitted at
// "bahwa", after which comes its content, not to whom ("mengatakan kepada wartawan
// bahwa ... Korea Utara"; a warning's target does follow it: "memperingatkan bahwa ...
// sanksi terhadap X").
bool clause_ends_between(const std::vector<Token>& tokens, Predicate p, uint32_t i, uint32_t j);

// Where a passive's "oleh X" may stand: up to the first comma or semicolon after the
// verb at i ("dituduh menyediakan senjata untuk Rusia, ... dijatuhi sanksi oleh DK PBB":
// that agent is the second verb's).
uint32_t agent_phrase_end(const std::vector<Token>& tokens, uint32_t i, uint32_t sentence_end);

// Whether token i lies in a clause that opens the sentence (at `sentence_first`) with a
// verb and ends at a comma, whose subject is then the one after the comma ("Menyampaikan
// dukungan ... dengan Moskow, Kim mengirim ..."); not a noun phrase ("Dukungan tersebut
// memudar ..., tetapi Putin ...") nor a cue later in the sentence.
bool opens_fronted_clause(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t i);

}  // namespace newsgraph::ingest
