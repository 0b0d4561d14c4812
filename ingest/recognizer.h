// Recogniser: finds entity mentions in an article's sentences. Gazetteer names first
// (longest match), then names no gazetteer knows, from capitalisation and cues:
// titles and roles announce people (Presiden, Juru bicara, analis), heads announce
// organisations and places (Universitas, Kementerian, Kota, Jalan), acronyms are
// organisations. Sentence-initial words and titles are not taken as names. The
// evidence for a new name's type is read by name_typing.
// Stateless; the gazetteer is only read, so one may serve many threads.
#pragma once

#include "ingest/analysis.h"
#include "ingest/gazetteer.h"
#include "ingest/word_facts.h"

namespace newsgraph::ingest {

// Appends to analysis.mentions, in text order. Needs analysis.tokens and .sentences.
// Cost: O(tokens × aliases sharing a first word).
void recognize(Analysis& analysis, const Gazetteer& gazetteer);

// Whether the word continues a title ("Menteri Luar Negeri", "Duta Besar").
bool is_title_continuation(std::string_view key);
// The same from the token's facts (Token::facts): a bit test.
inline bool is_title_continuation(const Token& t) {
  return t.facts & WordFacts::kTitleContinuation;
}

// The end of a run of ranks and honorifics starting at token `from`, before `end`
// ("Ajun Komisaris Besar", "Tun Dr."): a person's title first, then titles, their
// continuation words and an abbreviation's dot. `from` when no title starts there.
uint32_t rank_end(const std::vector<Token>& tokens, uint32_t from, uint32_t end);

}  // namespace newsgraph::ingest
