#include <catch2/catch.hpp>

#include "ingest/cue_lexicon.h"

using namespace newsgraph;
using namespace newsgraph::ingest;

namespace {

const CueLexicon& built_in() {
  static const CueLexicon lexicon = [] {
    CueLexicon x;
    REQUIRE(x.add_lines(CueLexicon::built_in_text(), "built-in cues").is_ok());
    return x;
  }();
  return lexicon;
}

std::optional<Cue> find_cue(std::string_view word, std::string_view next) { return built_in().find_word(word, next); }

}  // namespace

TEST_CASE("affixed verbs and nouns find the predicate of their root", "[cues]") {
  struct Row {
    const char* word;
    const char* next;
    Predicate predicate;
    CueVoice voice;
  };
  const Row rows[] = {
      {"menyalahkan", "washington", Predicate::kAccuse, CueVoice::kActive},
      {"mengundang", "putin", Predicate::kInvite, CueVoice::kActive},
      {"dijatuhi", "sanksi", Predicate::kSanction, CueVoice::kPassive},
      {"membeli", "senjata", Predicate::kSupply, CueVoice::kReversed},
      {"menerima", "undangan", Predicate::kAccept, CueVoice::kActive},
      {"menerima", "senjata", Predicate::kSupply, CueVoice::kReversed},
      {"mengirim", "pesan", Predicate::kCommunicate, CueVoice::kActive},
      {"mengirim", "amunisi", Predicate::kSupply, CueVoice::kActive},
      {"memperingatkan", "bahwa", Predicate::kThreaten, CueVoice::kActive},
      {"menginvasi", "ukraina", Predicate::kAttack, CueVoice::kActive},
      {"mengakui", "kemerdekaan", Predicate::kRecognize, CueVoice::kActive},
      {"dukungannya", "kepada", Predicate::kSupport, CueVoice::kActive},
      {"bertemu", "dengan", Predicate::kMeet, CueVoice::kActive},
      {"menemui", "presiden", Predicate::kMeet, CueVoice::kActive},
      {"pertemuan", "antara", Predicate::kMeet, CueVoice::kActive},
      {"terancam", "sanksi", Predicate::kThreaten, CueVoice::kPassive},  // ter-: passive, no agent
      {"diakui", "oleh", Predicate::kRecognize, CueVoice::kPassive},
  };
  for (const auto& row : rows) {
    INFO(row.word << " " << row.next);
    auto cue = find_cue(row.word, row.next);
    REQUIRE(cue);
    CHECK(cue->predicate == row.predicate);
    CHECK(cue->voice == row.voice);
  }
}

TEST_CASE("words that only look like cues are not cues", "[cues]") {
  const std::pair<const char*, const char*> rows[] = {
      {"berjanji", "untuk"},      // a promise, not an agreement
      {"bicara", "dengan"},       // "juru bicara"
      {"pengunjung", "yang"},     // a visitor, not a visit
      {"undangan", "itu"},        // the invitation itself
      {"bersedia", "membantu"},   // willing, not providing
      {"memberikan", "pelajaran"},
      {"mengirim", "delegasi"},
      {"menemukan", "bukti"},     // finding, not meeting
      {"ditemukan", "oleh"},
      {"temuan", "itu"},
      {"penemuan", "baru"},
      {"mengaku", "kecewa"},      // claims, not recognises
      {"memesan", "tiket"},       // orders, not a message
      {"pesanan", "itu"},
      {"mengakui", "bahwa"},         // admits, not recognises
      {"membicarakan", "masalah"},   // talks about, not with
      {"menjamu", "tamunya"},        // hosts (in sport: a match)
      {"membela", "klubnya"},        // plays for, or a lawyer's defence
      {"surat", "dakwaan"},          // a document, not a message
      {"serangan", "jantung"},       // a heart attack
      {"perang", "modern"},          // war as a topic, no party named
  };
  for (auto [word, next] : rows) {
    INFO(word);
    CHECK_FALSE(find_cue(word, next));
  }
}
