// Modality of a cue, read from the words of its own clause: a question mark or "apakah"
// makes a question only of the clause it closes or opens, a condition ("jika X, ...")
// covers its clause and the one it governs, a negation must stand just before the cue
// ("bukan hanya ... namun juga" negates nothing; "mencabut dukungan" does), and modal words
// ("dapat", "ingin", "dikabarkan") right before the cue mark it hypothetical, planned or alleged.
#include <initializer_list>
#include <string_view>

#include "ingest/lexicon.h"
#include "ingest/relation_extractor.h"

namespace newsgraph::ingest {
namespace {

bool any_of(std::string_view key, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (key == w) return true;
  }
  return false;
}

// Words and marks that end one clause and start another.
bool is_clause_break(std::string_view key) {
  return any_of(key, {",",        ";",         ":",         "bahwa",  "namun",    "tetapi",
                      "tapi",     "sedangkan", "sementara", "karena", "sehingga", "padahal",
                      "meskipun", "meski",     "walaupun",  "agar",   "supaya",   "ketika",
                      "saat",     "setelah",   "sebelum",   "sejak",  "lantaran", "sebab",
                      "selama",   "sesudah",   "usai",      "seusai"});
}

bool is_condition(std::string_view key) {
  return any_of(key, {"jika", "jikalau", "kalau", "apabila", "seandainya", "andaikan", "bila", "if",
                      "unless"});
}

// The clause of token `cue`: [first, last) within the sentence.
struct Clause {
  uint32_t first;
  uint32_t last;
};

Clause clause_of(const Analysis& a, const SentenceInfo& s, uint32_t cue) {
  Clause c{s.first, s.last};
  for (uint32_t i = cue; i > s.first; --i) {
    if (is_clause_break(a.tokens[i - 1].key)) {
      c.first = i;
      break;
    }
  }
  for (uint32_t i = cue + 1; i < s.last; ++i) {
    const std::string_view key = a.tokens[i].key;
    if (is_clause_break(key) || key == "?") {
      c.last = key == "?" ? i + 1 : i;
      break;
    }
  }
  return c;
}

// Whether "kalau" at token i introduces a condition: not after a verb, where it means
// "that" ("menandakan kalau hubungan ..."), and not a topic marker before a bare noun
// phrase ("Kalau soal itu, ...", "Kalau Trump, dia ...").
bool is_real_condition(const Analysis& a, const SentenceInfo& s, uint32_t i) {
  const std::string_view key = a.tokens[i].key;
  if (key != "kalau") return true;
  if (i > s.first && lexicon::looks_like_verb(a.tokens[i - 1].key)) return false;
  for (uint32_t j = i + 1; j < s.last && a.tokens[j].key != ","; ++j) {
    const std::string_view w = a.tokens[j].key;
    if (lexicon::looks_like_verb(w) || lexicon::looks_inflected(w) ||
        any_of(w, {"akan", "tidak", "tak", "sudah"}))
      return true;
  }
  return false;
}

// Whether a condition governs the clause [first, last): it stands in that clause, or
// it opens the sentence and the clause is the one right after the conditional clause.
bool under_condition(const Analysis& a, const SentenceInfo& s, const Clause& c, uint32_t cue) {
  for (uint32_t i = c.first; i < cue; ++i) {
    if (is_condition(a.tokens[i].key) && is_real_condition(a, s, i)) return true;
  }
  uint32_t first = s.first;
  while (first < c.first && !a.tokens[first].is_word()) ++first;
  if (first >= c.first || !is_condition(a.tokens[first].key) || !is_real_condition(a, s, first))
    return false;
  for (uint32_t i = first; i + 1 < c.first; ++i) {
    if (a.tokens[i].key == ",") return false;  // the conditional clause ended earlier
  }
  return true;
}

bool is_capitalised(const Analysis& a, uint32_t i) {
  return a.tokens[i].upper_initial || a.tokens[i].all_upper;
}

// A verb: "menolak", "memberi" (not "menteri", "mereka"), "berjanji", "dikritik".
bool starts_verb(std::string_view key) {
  if (lexicon::looks_like_verb(key)) return true;
  auto starts = [&](std::string_view p) {
    return key.size() > p.size() + 3 && key.substr(0, p.size()) == p;
  };
  return (starts("ber") || starts("di")) && !lexicon::is_function_word(key);
}

}  // namespace

Modality modality_at(const Analysis& a, const SentenceInfo& s, uint32_t cue, bool noun_cue) {
  const Clause c = clause_of(a, s, cue);
  bool question = c.last > c.first && a.tokens[c.last - 1].key == "?";
  bool negated = false, denied = false, alleged = false, planned = false;
  bool hypothetical = under_condition(a, s, c, cue);
  // A purpose clause: "... agar Korut menghentikan ...".
  if (c.first > s.first && any_of(a.tokens[c.first - 1].key, {"agar", "supaya"})) planned = true;
  // A noun cue is often the subject of what is said of it: "pintu dialog dengan Korut
  // masih harus dibuka", "kerja sama ... yang dilaporkan terjadi".
  for (uint32_t i = cue + 1; noun_cue && i < c.last; ++i) {
    const std::string_view key = a.tokens[i].key;
    if (any_of(key, {"harus", "perlu", "mesti", "bisa", "dapat", "mungkin"})) hypothetical = true;
    if (any_of(key, {"dilaporkan", "diduga", "dikabarkan", "disebut", "diyakini"})) alleged = true;
    if (any_of(key, {"akan", "direncanakan", "dijadwalkan", "rencananya"})) planned = true;
  }
  for (uint32_t i = c.first; i < cue; ++i) {
    const std::string_view key = a.tokens[i].key;
    const uint32_t distance = cue - i;
    if (key == "apakah") question = true;
    const std::string_view next =
        i + 1 < s.last ? std::string_view(a.tokens[i + 1].key) : std::string_view();
    // ("tidak perlu ragu bekerja sama" urges it: "tidak perlu", "tak usah" negate no act.)
    if (distance <= 3 &&
        any_of(key, {"tidak", "tak", "bukan", "belum", "enggan", "never", "not", "menolak"}) &&
        !any_of(next,
                {"hanya", "saja", "sekadar", "cuma", "sekedar", "perlu", "usah", "ragu", "segan"}))
      negated = true;
    // "mencabut dukungannya", "mengakhiri kerja sama": what is withdrawn no longer holds.
    // "membatalkan rencananya untuk bertemu": called off. (Stalled talks, "macetnya
    // dialog", were talks: judges read them neither as asserted nor as negated.)
    if (distance <= 3 && any_of(key, {"membatalkan", "pembatalan"})) negated = true;
    if (distance <= 2 &&
        any_of(key, {"mencabut", "menarik", "menghentikan", "mengakhiri", "memotong", "pemotongan",
                     "pencabutan", "penghentian", "memangkas", "pemangkasan", "menangguhkan",
                     "penangguhan", "membekukan", "pembekuan"}))
      negated = true;
    // What can, may or should happen, anywhere before the cue in its clause: "bisa membantu
    // posisi Jepang dalam menegosiasi kesepakatan", "mesti diputuskan melalui perundingan".
    if (any_of(key, {"dapat", "bisa", "mampu", "mungkin", "kemungkinan", "berpotensi", "mesti",
                     "harus", "seharusnya", "sebaiknya", "semestinya", "perlu", "could", "might",
                     "can", "may", "should", "must"}))
      hypothetical = true;
    // "berharap bisa bertemu" hopes to do it (planned); "berharap pemerintah Tiongkok
    // mengimpor" hopes another will (below, hypothetical).
    if (distance <= 3 && any_of(key, {"ingin", "berharap", "diharapkan", "hendak", "berniat", "mau",
                                      "mencoba", "want", "wants"})) {
      bool another = false;
      for (uint32_t k = i + 1; k < cue && !another; ++k) another = is_capitalised(a, k);
      (another ? hypothetical : planned) = true;
    }
    // Ready or willing to do something is no plan to: "Trump siap bertemu pejabat Iran".
    if (distance <= 3 && any_of(key, {"siap", "bersedia"})) hypothetical = true;
    // "menjelang pertemuan dengan X": ahead of an act, it has not happened yet.
    if (any_of(key, {"akan", "berencana", "rencana", "dijadwalkan", "berjanji", "bersumpah",
                     "bakal", "will", "plans"}) ||
        (distance <= 2 && any_of(key, {"menjelang", "jelang"})) ||
        (distance == 1 && (key == "untuk" || key == "guna")))
      planned = true;
    if (any_of(key, {"dikabarkan", "dilaporkan", "disebut", "disebutkan", "diduga", "diyakini",
                     "kabarnya", "konon", "reportedly", "allegedly"}))
      alleged = true;
    // What someone urges, asks for or wants another to do has not happened: "mendesak DK PBB
    // menjatuhkan sanksi", "AS ingin Dewan Keamanan menerapkan embargo".
    // ("meminta uang muka untuk membantu X" asks for a thing: only "meminta" a named party.)
    const bool asks_someone = key == "meminta" && i + 1 < cue && is_capitalised(a, i + 1);
    if (asks_someone || lexicon::is_urging_verb(key) ||
        any_of(key, {"mendesakkan", "menginginkan", "mengharapkan", "urged", "urges"}) ||
        (distance > 3 && any_of(key, {"ingin", "berharap", "agar", "supaya"})))
      hypothetical = true;
    // Aid asked for or offered has not been given: "meminta bantuan Rusia", "menawarkan
    // bantuan kepada Indonesia".
    if (distance == 1 && noun_cue &&
        any_of(key, {"meminta", "memohon", "minta", "menawarkan", "tawarkan", "ditawarkan"}))
      hypothetical = true;
    // An effort toward an act is not the act: "upaya Korsel untuk memulai kembali dialog".
    if (distance <= 6 && any_of(key, {"upaya", "upayanya", "usaha", "berupaya", "berusaha"}))
      planned = true;
    // A noun cue named as reported or claimed: "laporan serangan gas", "klaim serangan".
    if (distance <= 2 && noun_cue &&
        any_of(key, {"laporan", "kabar", "klaim", "tuduhan", "dugaan"}))
      alleged = true;
  }
  // A denial or accusation earlier in the sentence covers what it is about. One whose
  // object is a noun ends at "dan" and a verb ("Qatar membantah tudingan itu dan menolak
  // tuntutan Saudi" rejects the demand outright); one whose object is verbs ("dituduh
  // membeli dan menyelundupkan") covers them all.
  bool alleged_by_claim = false, noun_object = false;
  for (uint32_t i = s.first; i < cue; ++i) {
    const std::string_view key = a.tokens[i].key;
    if (noun_object && any_of(key, {"dan", "serta"}) && starts_verb(a.tokens[i + 1].key))
      denied = alleged_by_claim = false;
    const bool denial = any_of(
        key, {"membantah", "menyangkal", "bantah", "membantahnya", "dibantah", "denied", "denies"});
    const bool claim = any_of(key, {"menuduh", "dituduh", "menuding", "dituding", "mengklaim",
                                    "klaim", "tuduhan", "tudingan", "diduga", "dugaan", "accused"});
    if (denial) denied = true;
    if (claim) alleged_by_claim = true;
    if ((denial || claim) && i + 1 < cue) noun_object = !starts_verb(a.tokens[i + 1].key);
  }
  alleged = alleged || alleged_by_claim;
  if (question) return Modality::kQuestion;
  if (negated) return Modality::kNegated;
  if (denied) return Modality::kDenied;
  if (hypothetical) return Modality::kHypothetical;
  if (alleged) return Modality::kAlleged;
  if (planned) return Modality::kPlanned;
  return Modality::kAsserted;
}

}  // namespace newsgraph::ingest
