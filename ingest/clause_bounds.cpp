#include "ingest/clause_bounds.h"

#include "ingest/lexicon.h"

namespace newsgraph::ingest {

bool word_follows(const std::vector<Token>& tokens, uint32_t t, uint32_t end,
                  std::string_view word) {
  if (t < end && tokens[t].word() == "\"") ++t;
  return t < end && tokens[t].word() == word;
}

bool in_subordinate_clause(const std::vector<Token>& tokens, uint32_t i) {
  for (uint32_t t = i; t-- > 0;) {
    const std::string_view w = tokens[t].word();
    if (w == "," || w == ";" || w == ":" || w == "\"" || w == "." || w == "!" || w == "?") return false;
    if (w == "setelah" || w == "sesudah" || w == "usai" || w == "seusai" || w == "sebelum" ||
        w == "ketika" || w == "sejak" || w == "selama" || w == "karena" || w == "lantaran" ||
        w == "jika" || w == "apabila" || w == "meski" || w == "meskipun" || w == "walaupun")
      return true;
  }
  return false;
}

bool clause_ends_between(const std::vector<Token>& tokens, Predicate p, uint32_t i, uint32_t j) {
  for (uint32_t t = i + 1; t < j; ++t) {
    const std::string_view w = tokens[t].word();
    // A comma closes the subordinate clause the verb stands in ("setelah X memutus
    // hubungan, Y menuduh Z"): asked once, at the first comma.
    if (w == "," && in_subordinate_clause(tokens, i)) return true;
    if (w == ";" || (w == "bahwa" && (p == Predicate::kCommunicate || p == Predicate::kRecognize)))
      return true;
    // A subordinate clause starts: "menyerang lewat tengah, karena keberadaan Alonso".
    if (w == "karena" || w == "sebab" || w == "jika" || w == "ketika" || w == "saat" ||
        w == "setelah" || w == "sebelum" || w == "sehingga" || w == "meskipun" || w == "meski" ||
        w == "walaupun" || w == "sementara" || w == "sedangkan" || w == "padahal" || w == "selama")
      return true;
    // "sanksi ... agar Korut menghentikan ...": pressure names its target in the purpose.
    if ((w == "agar" || w == "supaya") && p != Predicate::kSanction && p != Predicate::kThreaten)
      return true;
    if (t == i + 1 && (w == "," || w == ":")) return true;  // "mengakui, klub itu ...": no object
    const bool coordinator = w == "dan" || w == "serta" || w == "lalu" || w == "kemudian" ||
                             w == "tetapi" || w == "namun" || w == "sedangkan";
    if (coordinator && t + 1 < j && !tokens[t + 1].upper_initial &&
        lexicon::looks_like_verb(tokens[t + 1].word()))
      return true;
  }
  return false;
}

uint32_t agent_phrase_end(const std::vector<Token>& tokens, uint32_t i, uint32_t sentence_end) {
  for (uint32_t t = i + 1; t < sentence_end; ++t)
    if (tokens[t].word() == "," || tokens[t].word() == ";") return t;
  return sentence_end;
}

bool opens_fronted_clause(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t i) {
  uint32_t first = sentence_first;
  while (first < i && !tokens[first].is_word()) ++first;  // opening quotes
  if (first >= i || !lexicon::looks_like_verb(tokens[first].word())) return false;
  for (uint32_t t = first; t < i; ++t)
    if (tokens[t].word() == ",") return false;
  return true;
}

namespace {

bool is_adverb(std::string_view w) {
  return w == "telah" || w == "sudah" || w == "akan" || w == "terus" || w == "juga" ||
         w == "pernah" || w == "masih" || w == "sedang" || w == "kerap" || w == "sering" ||
         w == "berulang" || w == "kali";
}

bool is_credit_verb(std::string_view w) {
  return w == "diberitakan" || w == "dikutip" || w == "dilansir" || w == "melansir" ||
         w == "mengutip" || w == "menurut" || w == "dilaporkan" || w == "melaporkan" ||
         w == "seperti";
}

}  // namespace

bool is_credit(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t first) {
  uint32_t t = first;
  // "dikutip dari kantor berita Reuters": skip "dari" and the words naming the source.
  for (int steps = 0; steps < 4 && t > sentence_first; ++steps) {
    const std::string_view w = tokens[t - 1].word();
    if (is_credit_verb(w)) return true;
    if (w != "dari" && w != "kantor" && w != "berita" && w != "media" && w != "laman" &&
        w != "situs")
      return false;
    --t;
  }
  return false;
}

bool in_relative_clause(const std::vector<Token>& tokens, uint32_t after, uint32_t first,
                        uint32_t i) {
  uint32_t yang = UINT32_MAX;
  for (uint32_t t = first; t > after; --t) {
    const std::string_view w = tokens[t - 1].word();
    if (w == "," || w == ";") return false;
    if (w == "yang") {
      yang = t - 1;
      break;
    }
  }
  if (yang == UINT32_MAX || yang + 1 >= first) return false;
  // "daftar yang mencakup agar Qatar memutuskan ...": a new clause opens before the name.
  for (uint32_t t = yang + 1; t < first; ++t) {
    const std::string_view w = tokens[t].word();
    if (w == "agar" || w == "supaya" || w == "bahwa" || w == "sehingga" || w == "jika" ||
        w == "ketika")
      return false;
  }
  // A verb follows "yang", perhaps after an adverb: "yang didukung", "yang banyak dihuni".
  bool verb_follows = false;
  for (uint32_t t = yang + 1; t < first && t <= yang + 2 && !verb_follows; ++t) {
    const std::string_view verb = tokens[t].word();
    verb_follows = lexicon::looks_like_verb(verb) ||
                   (verb.size() > 4 && verb.substr(0, 2) == "di") ||
                   (t == yang + 1 && is_adverb(verb));
  }
  return verb_follows && first < i;
}

uint32_t relative_pronoun_before(const std::vector<Token>& tokens, uint32_t sentence_first,
                                 uint32_t i) {
  for (uint32_t t = i; t > sentence_first && i - t < 6; --t) {
    const std::string_view w = tokens[t - 1].word();
    if (w == "yang") return t - 1;
    if (w == "," || w == ";" || w == "\"" || w == "bahwa") return UINT32_MAX;
  }
  return UINT32_MAX;
}

bool is_reciprocal(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t i) {
  for (uint32_t t = i; t > sentence_first && i - t < 3; --t) {
    if (tokens[t - 1].word() == "saling") return true;
  }
  return false;
}

bool opens_fronted_phrase(const std::vector<Token>& tokens, uint32_t sentence_first, uint32_t i) {
  uint32_t first = sentence_first;
  while (first < i && !tokens[first].is_word()) ++first;
  if (first >= i) return false;
  const std::string_view w = tokens[first].word();
  if (w != "dalam" && w != "melalui" && w != "lewat" && w != "pada" && w != "di" && w != "saat" &&
      w != "ketika")
    return false;
  // "Saat ini Zabid menjadi ...": "now", no fronted phrase.
  const std::string_view next = first + 1 < i ? tokens[first + 1].word() : std::string_view();
  if (next == "ini" || next == "itu") return false;
  for (uint32_t t = first; t < i; ++t)
    if (tokens[t].word() == ",") return false;
  return true;
}

}  // namespace newsgraph::ingest
