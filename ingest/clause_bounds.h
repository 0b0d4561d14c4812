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
bool word_follows(const std::vector<Token>& tokens, uint32_t t, uint32_t end,
                  std::string_view word);

// Whether the clause of a verb of predicate p at token i ends before token j: at a
// semicolon, at a subordinator ("karena", "jika", "setelah", ...), at a comma or colon
// right after the verb (what follows is what was said
// or admitted), at a coordinator before another verb ("Putin menerima undangan itu ...
// dan mengonfirmasi ... persahabatan Rusia-DPRK"), and for what is said or admitted at
// "bahwa", after which comes its content, not to whom ("mengatakan kepada wartawan
// bahwa ... Korea Utara"; a warning's target does follow it: "memperingatkan bahwa ...
// sanksi terhadap X").
bool clause_ends_between(const std::vector<Token>& tokens, Predicate p, uint32_t i, uint32_t j);

// Whether the word at i stands in a subordinate clause opened before it, in its sentence
// and after the last comma ("setelah Kepulauan Solomon memutus hubungan, ..."): the next
// comma ends that clause, and neither its actor nor its object takes part in the main one.
bool in_subordinate_clause(const std::vector<Token>& tokens, uint32_t i);

// Where a passive's "oleh X" may stand: up to the first comma or semicolon after the
// verb at i ("dituduh menyediakan senjata untuk Rusia, ... dijatuhi sanksi oleh DK PBB":
// that agent is the second verb's).
uint32_t agent_phrase_end(const std::vector<Token>& tokens, uint32_t i, uint32_t sentence_end);

// Whether token i lies in a clause that opens the sentence (at `sentence_first`) with a
// verb and ends at a comma, whose subject is then the one after the comma ("Menyampaikan
// dukungan ... dengan Moskow, Kim mengirim ..."); not a noun phrase ("Dukungan tersebut
// memudar ..., tetapi Putin ...") nor a cue later in the sentence.
bool opens_fronted_clause(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t i);

// Whether the name starting at token `first` is a news credit, not an actor: "diberitakan
// AFP", "dikutip dari Reuters", "seperti dilansir Yonhap", "menurut Xinhua".
bool is_credit(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t first);

// Whether the name at [first, last) stands inside a relative clause that closes before
// token i: "yang" opens it after the previous name (`after`), a verb follows "yang", and
// the name is that verb's argument ("Serdadu Suriah yang didukung tentara Rusia,
// melancarkan serangan": Rusia is no subject of "melancarkan").
bool in_relative_clause(const std::vector<Token>& tokens, uint32_t after, uint32_t first,
                        uint32_t i);

// The "yang" that opens the relative clause holding the verb at i ("Korea Utara, yang
// kemudian menyerang ...", "republik yang memisahkan diri dan didukung Rusia"): at most
// six tokens back, with no comma or semicolon between. Returns its index, or UINT32_MAX.
// The caller checks that no name stands between it and the verb.
uint32_t relative_pronoun_before(const std::vector<Token>& tokens, uint32_t sentence_first,
                                 uint32_t i);

// Whether "saling" ("each other") stands just before the verb at i.
bool is_reciprocal(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t i);

// Whether the sentence opens with a prepositional phrase that holds token i and ends at a
// comma ("Dalam suratnya kepada Guterres, Ja menulis ..."), so the subject of a noun cue
// inside it comes after the comma.
bool opens_fronted_phrase(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t i);

}  // namespace newsgraph::ingest
