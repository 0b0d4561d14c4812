#include "ingest/relation_cues.h"

#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "ingest/word_memo.h"

namespace newsgraph::ingest {
namespace {

// How a root's meaning depends on the word after it.
enum class Needs : uint8_t {
  kNothing,
  kMessage,     // kirim + pesan/surat: COMMUNICATE; + goods: SUPPLY
  kGoods,       // beri + senjata: SUPPLY
  kInvitation,  // terima + undangan: ACCEPT; + goods: SUPPLY reversed
  kSanction,    // jatuh/laku/kena + sanksi: SANCTION
  kKan,         // only the -kan verb: memperingatkan, menyalahkan
  kDerived,     // not the bare root: "bertemu" but not "temu"
  kMeeting,     // "bertemu", "menemui", "pertemuan"; not the finding words "menemukan",
                // "ditemukan", "temuan", "penemuan"
  kBareNoun,    // the noun alone: "pesan" (message), not "memesan" (to order), "pesanan"
  kSuffixI,     // with -i or -an: "mengakui", "pengakuan"; not "mengaku" (to claim)
  kNominal,     // only the -an noun: "perjanjian" but not "berjanji"
  kVerb,        // only verb forms: "mengundang" but not "undangan"
};

struct RootInfo {
  Predicate predicate;
  CueVoice voice;
  Needs needs;
  bool bare_is_noun;  // "invasi", "solidaritas": the root itself is a nominal cue
};

const std::unordered_map<std::string_view, RootInfo>& roots() {
  using P = Predicate;
  using V = CueVoice;
  static const std::unordered_map<std::string_view, RootInfo> table = {
      {"temu", {P::kMeet, V::kActive, Needs::kMeeting, false}},
      {"bicara", {P::kMeet, V::kActive, Needs::kDerived, false}},
      {"runding", {P::kMeet, V::kActive, Needs::kDerived, false}},
      {"sulang", {P::kMeet, V::kActive, Needs::kDerived, false}},
      {"jamu", {P::kMeet, V::kActive, Needs::kDerived, false}},
      {"ktt", {P::kMeet, V::kActive, Needs::kNothing, true}},
      {"kunjung", {P::kVisit, V::kActive, Needs::kDerived, false}},
      {"lawat", {P::kVisit, V::kActive, Needs::kDerived, false}},
      {"kirim", {P::kCommunicate, V::kActive, Needs::kMessage, false}},
      {"pesan", {P::kCommunicate, V::kActive, Needs::kBareNoun, true}},
      {"surat", {P::kCommunicate, V::kActive, Needs::kNothing, true}},
      {"telepon", {P::kCommunicate, V::kActive, Needs::kDerived, false}},
      {"undang", {P::kInvite, V::kActive, Needs::kVerb, false}},
      {"terima", {P::kAccept, V::kActive, Needs::kInvitation, false}},
      {"dukung", {P::kSupport, V::kActive, Needs::kDerived, false}},
      {"puji", {P::kSupport, V::kActive, Needs::kDerived, false}},
      {"solidaritas", {P::kSupport, V::kActive, Needs::kNothing, true}},
      {"bela", {P::kSupport, V::kActive, Needs::kDerived, false}},
      {"bantu", {P::kSupport, V::kActive, Needs::kDerived, false}},
      {"kerjasama", {P::kCooperate, V::kActive, Needs::kNothing, true}},
      {"aliansi", {P::kCooperate, V::kActive, Needs::kNothing, true}},
      {"sekutu", {P::kCooperate, V::kActive, Needs::kDerived, false}},
      {"mitra", {P::kCooperate, V::kActive, Needs::kDerived, false}},
      {"sahabat", {P::kCooperate, V::kActive, Needs::kDerived, false}},
      {"janji", {P::kCooperate, V::kActive, Needs::kNominal, false}},
      {"sepakat", {P::kCooperate, V::kActive, Needs::kNominal, false}},
      {"erat", {P::kCooperate, V::kActive, Needs::kDerived, false}},
      {"pasok", {P::kSupply, V::kActive, Needs::kNothing, false}},
      {"sedia", {P::kSupply, V::kActive, Needs::kKan, false}},
      {"beri", {P::kSupply, V::kActive, Needs::kGoods, false}},
      {"jual", {P::kSupply, V::kActive, Needs::kDerived, false}},
      {"tawar", {P::kSupply, V::kActive, Needs::kKan, false}},
      {"ekspor", {P::kSupply, V::kActive, Needs::kDerived, false}},
      {"beli", {P::kSupply, V::kReversed, Needs::kDerived, false}},
      {"impor", {P::kSupply, V::kReversed, Needs::kDerived, false}},
      {"tuduh", {P::kAccuse, V::kActive, Needs::kNothing, false}},
      {"salah", {P::kAccuse, V::kActive, Needs::kKan, false}},
      {"kecam", {P::kAccuse, V::kActive, Needs::kNothing, false}},
      {"kutuk", {P::kAccuse, V::kActive, Needs::kDerived, false}},
      {"kritik", {P::kAccuse, V::kActive, Needs::kDerived, false}},
      {"tolak", {P::kReject, V::kActive, Needs::kDerived, false}},
      {"abai", {P::kReject, V::kActive, Needs::kKan, false}},
      {"bantah", {P::kReject, V::kActive, Needs::kDerived, false}},
      {"ancam", {P::kThreaten, V::kActive, Needs::kDerived, false}},
      {"ingat", {P::kThreaten, V::kActive, Needs::kKan, false}},
      {"jatuh", {P::kSanction, V::kActive, Needs::kSanction, false}},
      {"laku", {P::kSanction, V::kActive, Needs::kSanction, false}},
      {"kena", {P::kSanction, V::kActive, Needs::kSanction, false}},
      {"terap", {P::kSanction, V::kActive, Needs::kSanction, false}},
      {"embargo", {P::kSanction, V::kActive, Needs::kDerived, false}},
      {"invasi", {P::kAttack, V::kActive, Needs::kNothing, true}},
      {"serang", {P::kAttack, V::kActive, Needs::kDerived, false}},
      {"gempur", {P::kAttack, V::kActive, Needs::kDerived, false}},
      {"musuh", {P::kAttack, V::kActive, Needs::kDerived, false}},
      {"perang", {P::kAttack, V::kActive, Needs::kNothing, true}},
      {"aku", {P::kRecognize, V::kActive, Needs::kSuffixI, false}},
  };
  return table;
}

bool in(std::string_view key, std::initializer_list<std::string_view> words) {
  for (auto w : words) {
    if (key == w) return true;
  }
  return false;
}

bool is_goods(std::string_view key) {
  return in(key, {"senjata", "amunisi", "makanan", "bantuan", "pasukan", "tentara", "minyak",
                  "rudal", "peluru", "pangan", "obat", "uang", "dana", "gas", "tenaga",
                  "persenjataan", "drone", "artileri", "teknologi", "beras", "vaksin", "ammu"});
}

bool starts(std::string_view s, std::string_view p) { return s.size() > p.size() + 1 && s.substr(0, p.size()) == p; }
bool ends(std::string_view s, std::string_view p) { return s.size() > p.size() + 1 && s.substr(s.size() - p.size()) == p; }

// One way to read a word as affixes around a root. The views are valid only while the
// visit that received it runs.
struct Candidate {
  std::string_view root;
  std::string_view prefix;
  std::string_view suffix;
};

// Calls visit(candidate) for every reading of `key`, most specific first, without
// allocating; stops early when visit returns true, and then returns true.
template <class Visit>
bool for_each_candidate(std::string_view key, Visit&& visit) {
  std::string_view bases[4];
  size_t base_count = 0;
  bases[base_count++] = key;
  for (std::string_view particle : {"nya", "lah", "kah"}) {
    if (ends(key, particle)) bases[base_count++] = key.substr(0, key.size() - particle.size());
  }
  struct Stem {
    std::string_view stem, suffix;
  };
  Stem stems[16];
  size_t stem_count = 0;
  for (size_t b = 0; b < base_count; ++b) {
    stems[stem_count++] = {bases[b], ""};
    for (std::string_view suffix : {"kan", "an", "i"}) {
      if (ends(bases[b], suffix)) stems[stem_count++] = {bases[b].substr(0, bases[b].size() - suffix.size()), suffix};
    }
  }
  struct Prefix {
    std::string_view p;
    std::string_view restore;  // letter the nasal replaced
  };
  static const Prefix kPrefixes[] = {
      {"memper", ""}, {"diper", ""}, {"meng", ""}, {"meng", "k"}, {"meny", "s"}, {"mem", ""},
      {"mem", "p"}, {"men", ""}, {"men", "t"}, {"me", ""}, {"ber", ""}, {"be", ""}, {"ter", ""},
      {"di", ""}, {"ke", ""}, {"peng", ""}, {"peng", "k"}, {"peny", "s"}, {"pem", ""},
      {"pem", "p"}, {"pen", ""}, {"pen", "t"}, {"per", ""}, {"pe", ""}, {"se", ""}};
  std::string restored;  // restore letter + rest of the stem; keeps its buffer between uses
  for (size_t k = 0; k < stem_count; ++k) {
    const auto [stem, suffix] = stems[k];
    if (visit(Candidate{stem, "", suffix})) return true;
    for (const auto& pre : kPrefixes) {
      if (!starts(stem, pre.p)) continue;
      std::string_view rest = stem.substr(pre.p.size());
      std::string_view root = rest;
      if (!pre.restore.empty()) {
        restored.assign(pre.restore).append(rest);
        root = restored;
      }
      if (visit(Candidate{root, pre.p, suffix})) return true;
    }
  }
  return false;
}

}  // namespace

std::vector<std::string> candidate_roots(std::string_view key) {
  std::vector<std::string> out;
  for_each_candidate(key, [&](const Candidate& c) {
    out.emplace_back(c.root);
    return false;
  });
  return out;
}

// Whether any root of `key` is in the table, memoised per thread: most words are not
// cues, and generating a word's readings is the costly part.
bool may_be_cue(std::string_view key) {
  thread_local WordMemo memo;
  return memo.get(key, [](std::string_view word) {
    return for_each_candidate(word, [](const Candidate& c) { return roots().count(c.root) > 0; });
  });
}

std::optional<Cue> find_cue(std::string_view key, std::string_view next_key) {
  if (key.size() < 3 || !may_be_cue(key)) return std::nullopt;
  const auto& table = roots();
  std::optional<Cue> found;
  for_each_candidate(key, [&](const Candidate& c) {
    auto it = table.find(c.root);
    if (it == table.end()) return false;
    const RootInfo& info = it->second;
    const bool derived = !c.prefix.empty() || !c.suffix.empty();
    // di- and diper- are the passive; ter- too, with no agent ("terancam", "terserang").
    const bool passive = c.prefix == "di" || c.prefix == "diper" || c.prefix == "ter";
    const bool noun = (c.suffix == "an" && !passive) || (!derived && info.bare_is_noun) ||
                      ((c.prefix == "pe" || c.prefix == "per" || c.prefix.rfind("pen", 0) == 0 ||
                        c.prefix == "pem" || c.prefix == "peng" || c.prefix == "peny" || c.prefix == "ke") &&
                       c.suffix == "an");
    // peN- without -an names a person ("pengunjung", "pendukung"), not an event.
    if (c.prefix.rfind("pe", 0) == 0 && c.suffix != "an") return false;
    Cue cue{info.predicate, passive ? CueVoice::kPassive : info.voice, noun, std::string(c.root)};
    switch (info.needs) {
      case Needs::kNothing:
        break;
      case Needs::kDerived:
        if (!derived) return false;
        break;
      case Needs::kBareNoun:
        if (derived) return false;
        break;
      case Needs::kSuffixI:
        if (c.suffix != "i" && c.suffix != "an") return false;
        break;
      case Needs::kMeeting:
        if (!derived || c.suffix == "kan" || (c.suffix == "an" && c.prefix != "per")) return false;
        break;
      case Needs::kVerb:
        if (!derived || c.suffix == "an" || c.prefix.rfind("pe", 0) == 0) return false;
        break;
      case Needs::kNominal:
        if (c.suffix != "an") return false;
        break;
      case Needs::kKan:
        if (c.suffix != "kan") return false;
        break;
      case Needs::kMessage:
        if (in(next_key, {"pesan", "surat", "ucapan", "salam", "telegram", "kabar", "balasan", "pesannya", "suratnya"})) break;
        if (is_goods(next_key)) {
          cue.predicate = Predicate::kSupply;
          break;
        }
        return false;
      case Needs::kGoods:
        if (!is_goods(next_key)) return false;
        break;
      case Needs::kInvitation:
        if (in(next_key, {"undangan", "tawaran", "permintaan", "ajakan", "usulan"})) break;
        if (is_goods(next_key) || in(next_key, {"lebih", "berbagai", "sejumlah", "pasokan", "kiriman"})) {
          cue.predicate = Predicate::kSupply;
          cue.voice = CueVoice::kReversed;
          break;
        }
        return false;
      case Needs::kSanction:
        if (!in(next_key, {"sanksi", "embargo", "hukuman"})) return false;
        break;
    }
    found = std::move(cue);
    return true;
  });
  return found;
}

}  // namespace newsgraph::ingest
