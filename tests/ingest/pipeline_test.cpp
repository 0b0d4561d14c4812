#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <set>
#include <sstream>

#include "ingest/pipeline.h"
#include "tests/ingest/extraction_helpers.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::ingest;

namespace {

Extraction run(const std::string& text) { return testing::extract_text(text); }
const Entity* find(const Extraction& x, const std::string& label) { return testing::find_entity(x, label); }

std::set<std::string> triples(const Extraction& x) {
  std::set<std::string> out;
  for (const auto& r : x.relations) {
    if (r.predicate != Predicate::kCoOccurs)
      out.insert(x.subject_of(r).label + " " + predicate_name(r.predicate) + " " + x.object_of(r).label);
  }
  return out;
}

}  // namespace

TEST_CASE("a later bare surname joins the full name, but another Kim stays another person", "[pipeline]") {
  auto x = run("Judul\nPemimpin Korea Utara Kim Jong Un tiba di Rusia. Kim disambut hangat. "
               "Putin pernah bertemu ayah Kim, Kim Jong Il.\n");
  const Entity* kju = find(x, "Kim Jong Un");
  REQUIRE(kju);
  CHECK(kju->mentions.size() == 3);
  CHECK(find(x, "Kim Jong Il"));
  CHECK_FALSE(find(x, "Kim"));
}

TEST_CASE("a name no gazetteer knows is found from its title and typed by it", "[pipeline]") {
  auto x = run("Judul\nJuru bicara Kementerian Perdagangan Laos, Somchai Phommavong, menolak tuduhan itu.\n");
  const Entity* p = find(x, "Somchai Phommavong");
  REQUIRE(p);
  CHECK(p->type == EntityType::kPerson);
  const Entity* org = find(x, "Kementerian Perdagangan Laos");
  REQUIRE(org);
  CHECK(org->type == EntityType::kOrganization);
}

TEST_CASE("capitals and seats used as actors resolve to their country", "[pipeline]") {
  auto x = run("Judul\nKremlin menuduh Washington memperburuk keadaan.\n");
  CHECK(triples(x).count("Russia ACCUSE United States"));
}

TEST_CASE("passive and reversed phrasings keep the real direction", "[pipeline]") {
  auto x = run("Judul\nKorea Utara dijatuhi sanksi oleh Dewan Keamanan PBB. "
               "Rusia membeli senjata dari Korea Utara.\n");
  auto t = triples(x);
  CHECK(t.count("UN Security Council SANCTION North Korea"));
  CHECK(t.count("North Korea SUPPLY Russia"));
  CHECK_FALSE(t.count("Russia SUPPLY North Korea"));
}

TEST_CASE("a passive's agent stands before the next comma and its patient is the clause's subject", "[pipeline]") {
  auto t = triples(run("Judul\nKorea Utara dituduh menyediakan senjata untuk Rusia, meskipun telah dijatuhi sanksi "
                       "oleh Dewan Keamanan PBB.\n"));
  CHECK(t.count("UN Security Council SANCTION North Korea"));
  CHECK_FALSE(t.count("UN Security Council SANCTION Russia"));
  CHECK_FALSE(t.count("UN Security Council ACCUSE North Korea"));
}

TEST_CASE("coordinated subjects each get the relation and 'kedua negara' refers back", "[pipeline]") {
  auto x = run("Judul\nRusia dan China mengabaikan seruan AS. Kedua negara menyalahkan Jepang.\n");
  auto t = triples(x);
  CHECK(t.count("Russia REJECT United States"));
  CHECK(t.count("China REJECT United States"));
  CHECK(t.count("Russia ACCUSE Japan"));
  CHECK(t.count("China ACCUSE Japan"));
}

TEST_CASE("a verb's object stays inside its clause", "[pipeline]") {
  // A coordinated second verb starts a new clause; after "bahwa" comes what was said,
  // not to whom; a warning's target may still follow "bahwa".
  auto t = triples(run("Judul\nJepang menerima undangan itu dengan senang hati dan menegaskan persahabatan "
                       "dengan Rusia. Menteri Luar Negeri India mengatakan kepada wartawan bahwa negaranya melihat "
                       "peluang kerja sama dengan Brasil. Amerika Serikat memperingatkan bahwa sanksi tambahan "
                       "akan berlaku terhadap Iran.\n"));
  CHECK_FALSE(t.count("Japan ACCEPT Russia"));
  CHECK_FALSE(t.count("India COMMUNICATE Brazil"));
  CHECK(t.count("United States THREATEN Iran"));
  // A comma right after the verb: what follows is what was admitted, not an object.
  auto admitted = triples(run("Judul\nJerman mengakui, kebijakan Prancis selama ini tepat.\n"));
  CHECK_FALSE(admitted.count("Germany RECOGNIZE France"));
}

TEST_CASE("a clause that opens with a verb takes its subject from after the comma, a noun phrase does not",
          "[pipeline]") {
  auto t = triples(run("Judul\nMenyampaikan dukungan penuh kepada Rusia, Korea Utara mengirim pesan kepada Jepang. "
                       "Dukungan tersebut memudar setelah Uni Soviet runtuh, tetapi Kuba mengunjungi Vietnam. "
                       "Kanada membuat janji dalam sebuah pesan kepada Meksiko, membela keputusannya menyerang "
                       "Venezuela.\n"));
  CHECK(t.count("North Korea SUPPORT Russia"));
  CHECK_FALSE(t.count("Cuba SUPPORT Soviet Union"));
  CHECK_FALSE(t.count("Venezuela COMMUNICATE Mexico"));
}

TEST_CASE("'yang terakhir' and 'yang pertama' pick one of the pair named before", "[pipeline]") {
  auto t = triples(run("Judul\nPersamaan antara Jepang dan Rusia berkembang setelah yang terakhir menginvasi "
                       "Ukraina. Hubungan Prancis dan Jerman memburuk setelah yang pertama mengecam Polandia.\n"));
  CHECK(t.count("Russia ATTACK Ukraine"));
  CHECK_FALSE(t.count("Japan ATTACK Ukraine"));
  CHECK(t.count("France ACCUSE Poland"));
  CHECK_FALSE(t.count("Germany ACCUSE Poland"));
}

TEST_CASE("a meeting or partnership of one party with another relates the two", "[pipeline]") {
  auto t = triples(run("Judul\nPertemuan Jepang dengan Korea Selatan berlangsung di Tokyo. Kerja sama Indonesia "
                       "dengan Australia semakin erat. Polisi Prancis menemukan bukti baru di Jerman.\n"));
  CHECK((t.count("Japan MEET South Korea") || t.count("South Korea MEET Japan")));
  CHECK((t.count("Indonesia COOPERATE Australia") || t.count("Australia COOPERATE Indonesia")));
  CHECK_FALSE((t.count("France MEET Germany") || t.count("Germany MEET France")));
  auto hand_in_hand = triples(run("Judul\nMalaysia bersumpah bergandengan tangan dengan Thailand. Kenya bahu-membahu "
                                  "dengan Uganda melawan wabah.\n"));
  CHECK((hand_in_hand.count("Malaysia COOPERATE Thailand") || hand_in_hand.count("Thailand COOPERATE Malaysia")));
  CHECK((hand_in_hand.count("Kenya COOPERATE Uganda") || hand_in_hand.count("Uganda COOPERATE Kenya")));
  // Without "dengan" it says nothing about a partner.
  auto alone = triples(run("Judul\nIndonesia bahu-membahu mengatur strategi bersama Malaysia.\n"));
  CHECK_FALSE((alone.count("Indonesia COOPERATE Malaysia") || alone.count("Malaysia COOPERATE Indonesia")));
}

TEST_CASE("a title followed by a person says who leads the country", "[pipeline]") {
  auto x = run("Judul\nPresiden Rusia Vladimir Putin menerima undangan Pemimpin Korea Utara Kim Jong Un.\n");
  auto t = triples(x);
  CHECK(t.count("Vladimir Putin LEADS Russia"));
  CHECK(t.count("Kim Jong Un LEADS North Korea"));
}

TEST_CASE("a deputy is a member of the body, not its leader", "[pipeline]") {
  auto t = triples(run("Judul\nWakil Presiden Amerika Serikat Mike Pence bertemu Perdana Menteri Jepang Shinzo Abe.\n"));
  CHECK(t.count("Mike Pence MEMBER_OF United States"));
  CHECK_FALSE(t.count("Mike Pence LEADS United States"));
  CHECK(t.count("Shinzo Abe LEADS Japan"));
}

TEST_CASE("modality records plans, denials and questions", "[pipeline]") {
  auto x = run("Judul\nJepang akan mengunjungi Korea Selatan. Apakah Iran menyerang Israel?\n");
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kVisit) CHECK(r.modality == Modality::kPlanned);
    if (r.predicate == Predicate::kAttack) CHECK(r.modality == Modality::kQuestion);
  }
}

TEST_CASE("a pasted headline of another story gives no entities", "[pipeline]") {
  auto x = run("Judul Kim dan Putin\nKim Jong Un bertemu Vladimir Putin di Vladivostok.\n"
               "Respon Menyentuh Melania Trump Usai Donald Trump Ditembak\n"
               "Putin menerima undangan itu.\n");
  CHECK_FALSE(find(x, "Donald Trump"));
  CHECK_FALSE(find(x, "Melania Trump"));
  CHECK(find(x, "Vladivostok"));
}

TEST_CASE("mention offsets point at the mention's text in the article", "[pipeline]") {
  std::string text = "Judul\n\xE2\x80\x9CKim\xE2\x80\x9D \xE2\x80\x93 Pyongyang\xC2\xA0menuduh AS.\n";
  auto x = run(text);
  REQUIRE_FALSE(x.entities.empty());
  for (const auto& e : x.entities) {
    for (const auto& m : e.mentions) CHECK(text.substr(m.span.start, m.span.end - m.span.start) == m.text);
  }
}

TEST_CASE("the example articles give the triples in their golden files", "[pipeline][golden]") {
  namespace fs = std::filesystem;
  for (const auto& entry : fs::directory_iterator(testing::source_dir() + "/examples")) {
    if (entry.path().extension() != ".txt") continue;
    auto golden = testing::source_dir() + "/tests/golden/" + entry.path().stem().string() + ".triples";
    INFO(golden);
    REQUIRE(fs::exists(golden));
    std::set<std::string> expected;
    std::istringstream in(testing::read_file(golden));
    for (std::string line; std::getline(in, line);) {
      if (!line.empty() && line[0] != '#') expected.insert(line);
    }
    Extraction x = testing::extract_text(testing::read_file(entry.path().string()), entry.path().stem().string());
    CHECK(triples(x) == expected);
  }
}
