#include <initializer_list>
#include <string_view>

#include "ingest/relation_extractor.h"

namespace newsgraph::ingest {
namespace {

bool any_of(std::string_view key, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (key == w) return true;
  }
  return false;
}

}  // namespace

Modality modality_at(const Analysis& a, const SentenceInfo& s, uint32_t cue) {
  bool question = false, negated = false, denied = false, hypothetical = false;
  bool alleged = false, planned = false;
  for (uint32_t i = s.first; i < s.last; ++i) {
    const auto& key = a.tokens[i].key;
    if (key == "?" || key == "apakah") question = true;
    if (i >= cue) continue;
    const uint32_t distance = cue - i;
    if (distance <= 3 && any_of(key, {"tidak", "tak", "bukan", "belum", "enggan", "never", "not"})) negated = true;
    if (any_of(key, {"membantah", "menyangkal", "bantah", "membantahnya", "dibantah", "denied"})) denied = true;
    if (any_of(key, {"jika", "kalau", "apabila", "seandainya", "bila", "mungkin", "kemungkinan",
                     "berpotensi", "if", "could", "might"}))
      hypothetical = true;
    if (any_of(key, {"menuduh", "dituduh", "diduga", "mengklaim", "klaim", "dilaporkan", "disebut",
                     "kabarnya", "tuduhan", "bukti", "reportedly", "allegedly"}))
      alleged = true;
    if (any_of(key, {"akan", "berencana", "rencana", "dijadwalkan", "berjanji", "bersumpah", "hendak",
                     "berniat", "bakal", "will"}) ||
        (distance == 1 && key == "untuk"))
      planned = true;
  }
  if (question) return Modality::kQuestion;
  if (negated) return Modality::kNegated;
  if (denied) return Modality::kDenied;
  if (hypothetical) return Modality::kHypothetical;
  if (alleged) return Modality::kAlleged;
  if (planned) return Modality::kPlanned;
  return Modality::kAsserted;
}

}  // namespace newsgraph::ingest
