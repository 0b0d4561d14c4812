// The relation extractor's named rules, one behaviour a test: who "ia" and "negara itu"
// are, which names a relative clause or a news credit hides, coordination, reciprocal
// "saling", noun-phrase relations, and the modality of a cue's own clause.
#include <catch2/catch.hpp>
#include <deque>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

#include "ingest/pipeline.h"
#include "tests/ingest/extraction_helpers.h"

using namespace newsgraph;

namespace {

std::string label_of(const Extraction& x, const std::string& id) {
  for (const auto& e : x.entities) {
    if (e.id == id) return e.label;
  }
  return id;
}

// The typed relation "Subject PREDICATE Object" (entity labels), or nullptr.
const Relation* find_relation(const Extraction& x, const std::string& subject, Predicate p,
                              const std::string& object) {
  for (const auto& r : x.relations) {
    if (r.predicate == p && label_of(x, r.subject) == subject && label_of(x, r.object) == object)
      return &r;
  }
  return nullptr;
}

bool has_rule(const Relation* r, const std::string& rule) {
  if (!r) return false;
  for (const auto& ev : r->evidence) {
    if (ev.rule == rule) return true;
  }
  return false;
}

// The extraction of one short article. Results are kept for the whole run, so a relation
// found in `run(...)` inline stays valid for the checks after it.
const Extraction& run(const std::string& body) {
  static std::deque<Extraction> kept;
  return kept.emplace_back(testing::extract_text("Judul\n" + body + "\n"));
}

// Every label names an entity of x: a test that checks a relation is absent must first
// know its names were found, or it could pass on an empty extraction.
void require_named(const Extraction& x, std::initializer_list<const char*> labels) {
  for (const char* label : labels) {
    INFO(label);
    REQUIRE(testing::find_entity(x, label));
  }
}

}  // namespace

TEST_CASE("a pronoun takes the person named last in its sentence, else the subject before",
          "[relations][coref]") {
  auto x =
      run("Presiden Rusia Vladimir Putin tiba di Beijing pada Senin. Ia kemudian menuduh Jepang "
          "memperburuk keadaan.");
  const Relation* r = find_relation(x, "Vladimir Putin", Predicate::kAccuse, "Japan");
  REQUIRE(r);
  CHECK(has_rule(r, "cue.active+coref.pronoun"));

  auto none = run("Ia menuduh Jepang memperburuk keadaan.");
  for (const auto& rel : none.relations) CHECK(rel.predicate == Predicate::kCoOccurs);
}

TEST_CASE("'negara itu' refers to the last country named that is not a place",
          "[relations][coref]") {
  auto x =
      run("Korea Utara kembali meluncurkan rudal. AS lalu menjatuhkan sanksi terhadap negara itu.");
  const Relation* r = find_relation(x, "United States", Predicate::kSanction, "North Korea");
  REQUIRE(r);
  CHECK(has_rule(r, "cue.active+coref.definite"));
}

TEST_CASE("'kedua negara' never takes a country named as a place", "[relations][coref]") {
  auto x =
      run("Pejabat Jepang dan Korea Selatan bertemu di Rusia. "
          "Kedua negara sepakat memperkuat kerja sama.");
  CHECK(find_relation(x, "Japan", Predicate::kCooperate, "South Korea"));
  CHECK_FALSE(find_relation(x, "Russia", Predicate::kCooperate, "South Korea"));
  CHECK_FALSE(find_relation(x, "Japan", Predicate::kCooperate, "Russia"));
}

TEST_CASE(
    "a country and a body coordinated act together; a comma list ending in 'dan' is one subject",
    "[relations]") {
  auto x = run("AS dan PBB menjatuhkan sanksi terhadap Korea Utara.");
  CHECK(find_relation(x, "United States", Predicate::kSanction, "North Korea"));
  CHECK(find_relation(x, "United Nations", Predicate::kSanction, "North Korea"));

  auto list = run("Arab Saudi, Mesir, Uni Emirat Arab dan Bahrain mengecam Qatar.");
  for (const char* country : {"Saudi Arabia", "Egypt", "United Arab Emirates", "Bahrain"}) {
    INFO(country);
    CHECK(find_relation(list, country, Predicate::kAccuse, "Qatar"));
  }
}

TEST_CASE("'saling' makes a coordinated subject act on each other", "[relations]") {
  auto x = run("Kim Jong Un dan Donald Trump saling melontarkan ancaman.");
  CHECK(has_rule(find_relation(x, "Kim Jong Un", Predicate::kThreaten, "Donald Trump"),
                 "cue.reciprocal"));
  CHECK(has_rule(find_relation(x, "Donald Trump", Predicate::kThreaten, "Kim Jong Un"),
                 "cue.reciprocal"));
}

TEST_CASE("a name inside a relative clause or a news credit is never a later verb's subject",
          "[relations]") {
  auto rel = run("Serdadu Suriah yang didukung tentara Rusia, melancarkan serangan terhadap ISIS.");
  CHECK(find_relation(rel, "Syria", Predicate::kAttack, "Islamic State"));
  CHECK_FALSE(find_relation(rel, "Russia", Predicate::kAttack, "Islamic State"));

  auto credit =
      run("Menteri itu, diberitakan Reuters, dijadwalkan bertemu dengan Presiden Prancis Emmanuel "
          "Macron.");
  for (const auto& r : credit.relations) {
    if (r.predicate == Predicate::kMeet) CHECK(label_of(credit, r.subject) != "Reuters");
  }
}

TEST_CASE("a verb after 'yang' takes the name before 'yang', or no subject at all", "[relations]") {
  auto none = run("AS menyiapkan bom untuk melawan pihak yang menyerang Tokyo.");
  CHECK_FALSE(find_relation(none, "United States", Predicate::kAttack, "Japan"));

  auto named = run("Korea Utara, yang kemudian menyerang Korea Selatan, membantah tuduhan itu.");
  CHECK(find_relation(named, "North Korea", Predicate::kAttack, "South Korea"));
}

TEST_CASE("a passive's agent may follow the verb without 'oleh'", "[relations]") {
  auto x = run("Israel dikecam Turki atas serangan itu.");
  CHECK(
      has_rule(find_relation(x, "Turkey", Predicate::kAccuse, "Israel"), "cue.passive.bare_agent"));
}

TEST_CASE("a noun cue received by the subject comes from the one after 'dari'", "[relations]") {
  auto x = run("Israel menuai kecaman dari Turki.");
  CHECK(has_rule(find_relation(x, "Turkey", Predicate::kAccuse, "Israel"), "cue.noun.received"));
  // A receiving verb that is a cue itself keeps the relation to itself.
  auto aid = run("Myanmar menerima bantuan beras dari Thailand.");
  CHECK(find_relation(aid, "Thailand", Predicate::kSupply, "Myanmar"));
  CHECK_FALSE(find_relation(aid, "Thailand", Predicate::kSupport, "Myanmar"));
}

TEST_CASE("a fronted phrase's noun cue takes the subject of the clause after it", "[relations]") {
  auto x = run(
      "Dalam suratnya kepada Presiden Rusia Vladimir Putin, Kim Jong Un menulis bahwa ia senang.");
  CHECK(has_rule(find_relation(x, "Kim Jong Un", Predicate::kCommunicate, "Vladimir Putin"),
                 "cue.fronted_phrase"));
}

TEST_CASE("an apposition names the body a person speaks for or leads", "[relations]") {
  auto member = run("Rahmat Hidayat, juru bicara Partai Amanat Rakyat, mengecam keputusan itu.");
  CHECK(has_rule(
      find_relation(member, "Rahmat Hidayat", Predicate::kMemberOf, "Partai Amanat Rakyat"),
      "apposition.member"));
  auto leader = run("\"Kami menolak,\" kata Hendra Wijaya, ketua Partai Amanat Rakyat.");
  CHECK(has_rule(find_relation(leader, "Hendra Wijaya", Predicate::kLeads, "Partai Amanat Rakyat"),
                 "apposition.leads"));
  auto former = run("Hendra Wijaya, mantan ketua Partai Amanat Rakyat, mengecam keputusan itu.");
  CHECK_FALSE(find_relation(former, "Hendra Wijaya", Predicate::kLeads, "Partai Amanat Rakyat"));
  CHECK_FALSE(find_relation(former, "Hendra Wijaya", Predicate::kMemberOf, "Partai Amanat Rakyat"));
}

TEST_CASE("a leader's title gives LEADS alone, and a former or would-be holder's gives nothing",
          "[relations]") {
  auto x = run("Perdana Menteri Israel Benjamin Netanyahu mengecam rencana itu.");
  CHECK(find_relation(x, "Benjamin Netanyahu", Predicate::kLeads, "Israel"));
  CHECK_FALSE(find_relation(x, "Benjamin Netanyahu", Predicate::kMemberOf, "Israel"));

  auto former = run("Mantan Presiden Georgia Mikheil Saakashvili tiba di Kiev.");
  const Entity* georgia = testing::find_entity(former, "Georgia");
  REQUIRE(georgia);
  for (const auto& r : former.relations)
    CHECK_FALSE((r.predicate == Predicate::kLeads && r.object == georgia->id));
}

TEST_CASE("modality acts on the cue's own clause", "[relations][modality]") {
  auto q = run("AS menjatuhkan sanksi terhadap Iran, tetapi apakah Rusia akan mendukung Iran?");
  const Relation* sanction = find_relation(q, "United States", Predicate::kSanction, "Iran");
  const Relation* support = find_relation(q, "Russia", Predicate::kSupport, "Iran");
  REQUIRE(sanction);
  REQUIRE(support);
  CHECK(sanction->modality == Modality::kAsserted);
  CHECK(support->modality == Modality::kQuestion);

  const Relation* not_only =
      find_relation(run("Rusia bukan hanya mendukung Suriah, namun juga melatih tentaranya."),
                    "Russia", Predicate::kSupport, "Syria");
  REQUIRE(not_only);
  CHECK(not_only->modality == Modality::kAsserted);

  const Relation* withdrawn =
      find_relation(run("Partai Golkar mencabut dukungannya untuk Ridwan Kamil."), "Partai Golkar",
                    Predicate::kSupport, "Ridwan Kamil");
  REQUIRE(withdrawn);
  CHECK(withdrawn->modality == Modality::kNegated);

  const Relation* can = find_relation(run("Korea Utara dapat menyerang Jepang."), "North Korea",
                                      Predicate::kAttack, "Japan");
  REQUIRE(can);
  CHECK(can->modality == Modality::kHypothetical);

  const Relation* wants =
      find_relation(run("Jepang ingin mendukung India."), "Japan", Predicate::kSupport, "India");
  REQUIRE(wants);
  CHECK(wants->modality == Modality::kPlanned);

  const Relation* that = find_relation(run("Pertemuan itu menandakan kalau Jepang mendukung AS."),
                                       "Japan", Predicate::kSupport, "United States");
  REQUIRE(that);
  CHECK(that->modality == Modality::kAsserted);

  auto cond = run("Jika AS menyerang Iran, Rusia akan mengecam AS.");
  const Relation* attack = find_relation(cond, "United States", Predicate::kAttack, "Iran");
  const Relation* accuse = find_relation(cond, "Russia", Predicate::kAccuse, "United States");
  REQUIRE(attack);
  REQUIRE(accuse);
  CHECK(attack->modality == Modality::kHypothetical);
  CHECK(accuse->modality == Modality::kHypothetical);
}

TEST_CASE("a noun cue's possessive '-nya' is the actor named last before it",
          "[relations][coref]") {
  auto x =
      run("Presiden Prancis Emmanuel Macron tiba di Jakarta. Dalam kunjungannya ke Malaysia pekan "
          "depan, "
          "isu sawit akan dibahas.");
  CHECK(has_rule(find_relation(x, "Emmanuel Macron", Predicate::kVisit, "Malaysia"),
                 "cue.noun.possessive+coref.nya"));
}

TEST_CASE("'di bawah' and 'pimpinan' say who leads the body named before them", "[relations]") {
  auto under = run("Gencatan senjata itu diinisiasi pemerintah AS di bawah Presiden Donald Trump.");
  CHECK(has_rule(find_relation(under, "Donald Trump", Predicate::kLeads, "United States"),
                 "phrase.led_by"));
  auto led = run("Korea Utara pimpinan Kim Jong Un kembali meluncurkan rudal.");
  CHECK(has_rule(find_relation(led, "Kim Jong Un", Predicate::kLeads, "North Korea"),
                 "phrase.led_by"));
  auto place = run("Budi Santoso tidur di bawah jembatan di Jakarta.");
  for (const auto& r : place.relations) CHECK(r.predicate != Predicate::kLeads);
}

TEST_CASE("a kinship apposition relates the two people", "[relations]") {
  auto x =
      run("Polisi menyelidiki kematian Kim Jong Nam, kakak tiri pemimpin Korea Utara Kim Jong Un, "
          "di Malaysia.");
  CHECK(has_rule(find_relation(x, "Kim Jong Nam", Predicate::kFamily, "Kim Jong Un"),
                 "apposition.family"));
}

TEST_CASE("a person's title may stand between coordinated people", "[relations]") {
  auto x = run("Kim Jong Un dan Presiden AS Donald Trump saling melontarkan ancaman.");
  CHECK(find_relation(x, "Kim Jong Un", Predicate::kThreaten, "Donald Trump"));
  CHECK(find_relation(x, "Donald Trump", Predicate::kThreaten, "Kim Jong Un"));
}

TEST_CASE(
    "a pronoun in a new sentence takes the subject before the verb, not a name in a fronted phrase",
    "[relations][coref]") {
  auto x =
      run("Dalam suratnya kepada Presiden Prancis Emmanuel Macron, Boris Johnson menulis soal "
          "perdagangan. "
          "Dia juga mengecam Rusia.");
  CHECK(find_relation(x, "Boris Johnson", Predicate::kAccuse, "Russia"));
  CHECK_FALSE(find_relation(x, "Emmanuel Macron", Predicate::kAccuse, "Russia"));
}

TEST_CASE("the object of a preposition is no subject unless it stands right before the verb",
          "[relations]") {
  auto place =
      run("Setelah tiba di Amerika Serikat untuk bertemu dengan Barack Obama, rombongan itu "
          "beristirahat.");
  CHECK_FALSE(find_relation(place, "Barack Obama", Predicate::kMeet, "United States"));
  CHECK_FALSE(find_relation(place, "United States", Predicate::kMeet, "Barack Obama"));
  auto absolute =
      run("Ketegangan meningkat, dengan Washington menuduh Korea Utara memasok senjata.");
  CHECK(find_relation(absolute, "United States", Predicate::kAccuse, "North Korea"));
}

TEST_CASE("a first-person subject in a quote is no name's", "[relations]") {
  auto x =
      run("\"Indonesia sudah siap, kami akan bertemu dengan Presiden Barack Obama,\" kata dia.");
  require_named(x, {"Indonesia", "Barack Obama"});
  for (const auto& r : x.relations) CHECK(r.predicate != Predicate::kMeet);
}

TEST_CASE("the head of a unit of a body is its member, the holder of a leader's title its leader",
          "[relations]") {
  auto unit = run("Kepala Keamanan Dalam Negeri AS John Kelly tiba di Meksiko.");
  CHECK(has_rule(find_relation(unit, "John Kelly", Predicate::kMemberOf, "United States"),
                 "title.unit_head"));
  CHECK_FALSE(find_relation(unit, "John Kelly", Predicate::kLeads, "United States"));
  auto leader = run("Pemimpin Tertinggi Iran Ali Khamenei mengecam sanksi itu.");
  CHECK(find_relation(leader, "Ali Khamenei", Predicate::kLeads, "Iran"));
}

TEST_CASE("a country that only says what kind a noun is acts in nothing", "[relations]") {
  auto x = run("Krakatau Steel bekerja sama dengan perusahaan Jepang, Sango Corporation.");
  require_named(x, {"Japan"});
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kCooperate) CHECK(label_of(x, r.object) != "Japan");
    if (r.predicate == Predicate::kCooperate) CHECK(label_of(x, r.subject) != "Japan");
  }
  auto members = run("Sebanyak 128 negara anggota PBB menolak keputusan Trump.");
  CHECK_FALSE(find_relation(members, "United Nations", Predicate::kReject, "Donald Trump"));
}

TEST_CASE("a person attacking with no word of force attacks in words", "[relations]") {
  auto words = run("Donald Trump menyerang Direktur FBI James Comey dalam pidatonya.");
  CHECK(has_rule(find_relation(words, "Donald Trump", Predicate::kAccuse, "James Comey"),
                 "cue.verbal_attack"));
  auto force = run("Rusia menyerang Ukraina dengan rudal.");
  CHECK(find_relation(force, "Russia", Predicate::kAttack, "Ukraine"));
}

TEST_CASE("a name after a decision noun and a preposition is not the verb's object",
          "[relations]") {
  auto x =
      run("Perdana Menteri Belgia Charles Michel menyesalkan keputusan duta besarnya untuk PBB.");
  CHECK_FALSE(find_relation(x, "Charles Michel", Predicate::kAccuse, "United Nations"));
  auto direct = run("Perdana Menteri Belgia Charles Michel mengecam keputusan PBB.");
  CHECK(find_relation(direct, "Charles Michel", Predicate::kAccuse, "United Nations"));
}

TEST_CASE("a verb's object is not taken from the subordinate clause after it", "[relations]") {
  auto x = run("Tim itu menyerang lewat tengah karena keberadaan Xabi Alonso.");
  for (const auto& r : x.relations) CHECK(r.predicate != Predicate::kAttack);
  auto purpose =
      run("AS mendesak DK PBB untuk menjatuhkan sanksi yang lebih keras agar Korea Utara "
          "menghentikan uji rudal.");
  CHECK(find_relation(purpose, "UN Security Council", Predicate::kSanction, "North Korea"));
}

TEST_CASE("goods go to the name after 'ke', not to the name that says where they come from",
          "[relations]") {
  auto x = run("Perusahaan itu mengekspor teknologi Amerika Serikat ke China.");
  CHECK_FALSE(find_relation(x, "United States", Predicate::kSupply, "China"));
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kSupply) CHECK(label_of(x, r.object) == "China");
  }
  auto direct = run("Rusia mengirim senjata ke Suriah.");
  CHECK(find_relation(direct, "Russia", Predicate::kSupply, "Syria"));
}

TEST_CASE("a verb followed by another verb has a clause, not a name, as its object",
          "[relations]") {
  auto x = run("Ketua DPR Setya Novanto membantah menunjuk pengusaha Andi Narogong.");
  require_named(x, {"Setya Novanto", "Andi Narogong"});
  CHECK_FALSE(find_relation(x, "Setya Novanto", Predicate::kReject, "Andi Narogong"));
}

TEST_CASE("a former holder named in an apposition before the name holds nothing now",
          "[relations]") {
  auto x = run("Polisi menangkap mantan perdana menteri Kosovo, Ramush Haradinaj, di bandara.");
  require_named(x, {"Kosovo", "Ramush Haradinaj"});
  for (const auto& r : x.relations) {
    CHECK_FALSE((r.predicate == Predicate::kMemberOf || r.predicate == Predicate::kLeads));
  }
}

TEST_CASE("a list of titled people gives each their own body, not the next one's", "[relations]") {
  auto x =
      run("Rapat dihadiri Ketua Partai Amanat Rakyat Hendra Wijaya, Ketua Partai Bulan Terang Rudi "
          "Hartono dan lainnya.");
  CHECK(find_relation(x, "Hendra Wijaya", Predicate::kLeads, "Partai Amanat Rakyat"));
  CHECK_FALSE(find_relation(x, "Hendra Wijaya", Predicate::kLeads, "Partai Bulan Terang"));
  CHECK_FALSE(find_relation(x, "Hendra Wijaya", Predicate::kMemberOf, "Partai Bulan Terang"));
}

TEST_CASE("a deputy's title never stands for the leader", "[relations]") {
  auto x =
      run("Presiden Turki Recep Tayyip Erdogan menelepon Suu Kyi. Foto itu diunggah wakil Perdana "
          "Menteri Turki.");
  CHECK(find_relation(x, "Recep Tayyip Erdogan", Predicate::kLeads, "Turkey"));
  CHECK_FALSE(find_relation(x, "Recep Tayyip Erdogan", Predicate::kMemberOf, "Turkey"));
}

TEST_CASE("a name after 'agar' inside a relative clause is the subject of its own clause",
          "[relations]") {
  auto x =
      run("Wartawan Al Jazeera menyebut daftar yang mencakup agar Qatar memutuskan hubungan "
          "diplomatik dengan Iran.");
  require_named(x, {"Al Jazeera", "Qatar", "Iran"});
  CHECK_FALSE(find_relation(x, "Al Jazeera", Predicate::kSanction, "Iran"));
  for (const auto& r : x.relations) {
    if (r.predicate != Predicate::kCoOccurs) CHECK(label_of(x, r.subject) != "Al Jazeera");
  }
}

TEST_CASE("a passive's patient is never an earlier passive's agent", "[relations]") {
  auto x = run("Penghargaan itu diberikan oleh Emir Qatar Tamim bin Hamad dan didukung oleh PBB.");
  CHECK_FALSE(find_relation(x, "United Nations", Predicate::kSupport, "Tamim bin Hamad Al Thani"));
  auto golden =
      run("Rusia dijatuhi sanksi oleh Amerika Serikat dan Inggris sejak menginvasi Ukraina.");
  CHECK(find_relation(golden, "Russia", Predicate::kAttack, "Ukraine"));
}

TEST_CASE("'mereka' as the clause's subject hides the names before it", "[relations]") {
  auto x =
      run("Kelompok itu bekerja di perbatasan Thailand dan Kamboja, sebab mereka bekerja sama "
          "dengan militer Thailand.");
  require_named(x, {"Cambodia"});
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kCooperate) CHECK(label_of(x, r.subject) != "Cambodia");
  }
}

TEST_CASE("a country after a place in an apposition is part of the place", "[relations]") {
  auto x =
      run("Pengadilan yang berada di dekat kota Ramallah, Palestina, mengabaikan argumen pengacara "
          "Ahed Tamimi.");
  require_named(x, {"Palestine", "Ahed Tamimi"});
  CHECK_FALSE(find_relation(x, "Palestine", Predicate::kReject, "Ahed Tamimi"));
}

TEST_CASE("a reporting verb's common-noun object is the subject of the verb after it",
          "[relations]") {
  auto x =
      run("UE menyatakan perusahaan teknologi tersebut bersalah memanipulasi hasil pencarian untuk "
          "mendukung Google Shopping.");
  CHECK_FALSE(find_relation(x, "European Union", Predicate::kSupport, "Google Shopping"));
  auto own = run("Utusan Inggris menyatakan negaranya menolak keputusan Amerika Serikat.");
  CHECK(find_relation(own, "United Kingdom", Predicate::kReject, "United States"));
}

TEST_CASE("what must, can or should happen is hypothetical", "[relations][modality]") {
  const Relation* must = find_relation(
      run("Status kota itu mesti diputuskan melalui perundingan antara Israel dan Palestina."),
      "Israel", Predicate::kMeet, "Palestine");
  REQUIRE(must);
  CHECK(must->modality == Modality::kHypothetical);
}

TEST_CASE("the head of a delegation of a body is its member, the leader of a group its leader",
          "[relations]") {
  auto x = run("\"Kami khawatir,\" kata Alexandre Faite, kepala delegasi ICRC di Yaman.");
  CHECK(find_relation(x, "Alexandre Faite", Predicate::kMemberOf,
                      "International Committee of the Red Cross"));
  CHECK_FALSE(find_relation(x, "Alexandre Faite", Predicate::kLeads,
                            "International Committee of the Red Cross"));
  auto group =
      run("\"Kami menolak,\" kata Hendra Wijaya, pemimpin kelompok Front Pembebasan Selatan.");
  CHECK(find_relation(group, "Hendra Wijaya", Predicate::kLeads, "Front Pembebasan Selatan"));
}

TEST_CASE("a person after a club named for its city is the club's, not a place's", "[relations]") {
  auto x =
      run("Kapten Ajax Amsterdam, Davy Klaassen, resmi mendarat di Liverpool untuk bergabung "
          "dengan Everton.");
  require_named(x, {"Netherlands"});
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kVisit) CHECK(label_of(x, r.subject) != "Netherlands");
  }
}

TEST_CASE("a currency is no country", "[relations][names]") {
  auto x = run("Google kena denda sebesar US$ 2,7 miliar dari Uni Eropa.");
  CHECK_FALSE(testing::find_entity(x, "United States"));
  CHECK_FALSE(testing::find_entity(x, "US"));
}

TEST_CASE("a verb takes its object only after the prepositions its predicate allows",
          "[relations]") {
  auto booth = run("Pejabat Kadin Arab Saudi mengunjungi booth dari Indonesia di pameran itu.");
  CHECK_FALSE(find_relation(booth, "Saudi Arabia", Predicate::kVisit, "Indonesia"));
  auto goods = run("Rusia mengirim senjata ke Suriah.");
  CHECK(find_relation(goods, "Russia", Predicate::kSupply, "Syria"));
  auto ties = run("Ukraina memutuskan hubungan dengan Rusia.");
  CHECK(find_relation(ties, "Ukraine", Predicate::kSanction, "Russia"));
}

TEST_CASE("the name before 'yang' is no subject when it sits in another relative clause",
          "[relations]") {
  auto x =
      run("Suriah menuduh gerilyawan yang didukung Prancis dan Turki yang melancarkan serangan "
          "kimia di Idlib.");
  require_named(x, {"Turkey", "France", "Idlib"});
  CHECK_FALSE(find_relation(x, "Turkey", Predicate::kAttack, "Idlib"));
  CHECK_FALSE(find_relation(x, "France", Predicate::kAttack, "Idlib"));
}

TEST_CASE("a place right before the verb is still no subject; 'dengan' X is", "[relations]") {
  auto x = run("Dua perusahaan yang berbasis di UEA menyediakan senjata untuk Houthi.");
  require_named(x, {"United Arab Emirates", "Houthi"});
  CHECK_FALSE(find_relation(x, "United Arab Emirates", Predicate::kSupply, "Houthi"));
}

TEST_CASE("a symmetric verb's partner stands before any comma but a title's", "[relations]") {
  auto x =
      run("Donald Trump dan Shinzo Abe bermain golf bersama pada Sabtu, sebagai diplomasi kedua "
          "negara.");
  CHECK(find_relation(x, "Donald Trump", Predicate::kMeet, "Shinzo Abe"));
  CHECK_FALSE(find_relation(x, "Donald Trump", Predicate::kMeet, "Japan"));
  auto title = run("Dalai Lama akan bertemu dengan presiden terpilih AS, Donald Trump.");
  CHECK(find_relation(title, "Dalai Lama", Predicate::kMeet, "Donald Trump"));
}

TEST_CASE("a purpose clause is planned, and a noun cue takes the modal words said of it",
          "[relations][modality]") {
  const Relation* purpose = find_relation(run("AS menekan DK PBB agar Rusia mengecam Korea Utara."),
                                          "Russia", Predicate::kAccuse, "North Korea");
  REQUIRE(purpose);
  CHECK(purpose->modality == Modality::kPlanned);
  const Relation* door = find_relation(
      run("Moon Jae-in mengatakan pintu dialog dengan Korea Utara masih harus dibuka."),
      "Moon Jae-in", Predicate::kMeet, "North Korea");
  REQUIRE(door);
  CHECK(door->modality == Modality::kHypothetical);
  const Relation* reported = find_relation(
      run("Kerja sama antara Suriah dan Korea Utara yang dilaporkan terjadi diselidiki PBB."),
      "North Korea", Predicate::kCooperate, "Syria");
  REQUIRE(reported);
  CHECK(reported->modality == Modality::kAlleged);
}

TEST_CASE("'kedua pihak' takes the two parties named, whatever their kind", "[relations][coref]") {
  auto x =
      run("Donald Trump dan Benjamin Netanyahu bertemu di Gedung Putih. Kedua pihak sepakat "
          "memperkuat kerja sama.");
  CHECK(find_relation(x, "Benjamin Netanyahu", Predicate::kCooperate, "Donald Trump"));
  // Two parties named apart ("X menerima Y") are no pair "kedua pihak" can take.
  auto apart =
      run("Emmanuel Macron menerima Olaf Scholz di Elysee. Kedua pihak sepakat memperkuat kerja sama.");
  require_named(apart, {"Emmanuel Macron", "Olaf Scholz"});
  CHECK_FALSE(find_relation(apart, "Emmanuel Macron", Predicate::kCooperate, "Olaf Scholz"));
  CHECK_FALSE(find_relation(apart, "Olaf Scholz", Predicate::kCooperate, "Emmanuel Macron"));
}

TEST_CASE("a symmetric verb followed by 'dengan' has its partner there or none", "[relations]") {
  auto x =
      run("Pasukan Kurdi yang beraliansi dengan suku Arab juga bertempur melawan ISIS di Raqqa.");
  require_named(x, {"Islamic State"});
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kCooperate) CHECK(label_of(x, r.object) != "Islamic State");
    if (r.predicate == Predicate::kCooperate) CHECK(label_of(x, r.subject) != "Islamic State");
  }
}

TEST_CASE("only people stay somewhere; a body is located there", "[relations]") {
  auto office = run("Kantor Kedutaan Besar Jepang berada di Jakarta Pusat.");
  for (const auto& r : office.relations) CHECK(r.predicate != Predicate::kVisit);
  auto person = run("Kim Jong Un berada di Rusia pekan ini.");
  CHECK(find_relation(person, "Kim Jong Un", Predicate::kVisit, "Russia"));
}

TEST_CASE("a relative clause after a group hides its names, after an act noun it names the doer",
          "[relations]") {
  auto group = run("Suriah menuduh gerilyawan yang didukung Turki melancarkan serangan itu.");
  CHECK_FALSE(find_relation(group, "Syria", Predicate::kAccuse, "Turkey"));
  auto act = run("Korea Selatan menyesalkan ancaman yang diluncurkan Korea Utara.");
  CHECK(find_relation(act, "South Korea", Predicate::kAccuse, "North Korea"));
}

TEST_CASE("a noun cue's object too must follow a preposition its predicate takes", "[relations]") {
  auto x =
      run("Presiden Iran menyampaikan ucapan selamat kepada militer Irak atas kemenangan melawan "
          "ISIS.");
  require_named(x, {"Iran", "Islamic State"});
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kSupport) CHECK(label_of(x, r.object) != "Islamic State");
  }
}

TEST_CASE("a title before another person's name is not the later person's", "[relations]") {
  auto x =
      run("Dalam suratnya kepada Sekretaris Jenderal PBB, Antonio Guterres, Ja Song Nam menulis "
          "soal latihan itu.");
  require_named(x, {"Ja Song Nam", "United Nations"});
  CHECK_FALSE(find_relation(x, "Ja Song Nam", Predicate::kMemberOf, "United Nations"));
}

TEST_CASE("'kedua negara' never takes a country named as where a place is", "[relations][coref]") {
  auto x =
      run("Presiden Joko Widodo bertemu Perdana Menteri Australia Malcolm Turnbull di Hamburg, "
          "Jerman, saat KTT G20 "
          "di Jerman. Di pertemuan itu kedua negara sepakat mempercepat kerja sama dagang.");
  require_named(x, {"Australia", "Germany"});
  CHECK_FALSE(find_relation(x, "Australia", Predicate::kCooperate, "Germany"));
  CHECK_FALSE(find_relation(x, "Germany", Predicate::kCooperate, "Indonesia"));
}

TEST_CASE("a verb phrase after 'serta' or 'dan' shares the subject of the one before it",
          "[relations]") {
  auto rel =
      run("Dia memimpin kelompok-kelompok yang menyerang AS di Afghanistan serta berniat menyerang "
          "Inggris.");
  for (const auto& r : rel.relations) CHECK(r.predicate != Predicate::kAttack);
  auto main_clause = run("Rusia menyerang Ukraina dan berniat menyerang Polandia.");
  CHECK(find_relation(main_clause, "Russia", Predicate::kAttack, "Poland"));
}

TEST_CASE("'saat ini' opens no fronted phrase", "[relations]") {
  auto x =
      run("Saat ini Zabid menjadi ajang perang Yaman, ketika pasukan yang didukung Arab Saudi "
          "bergerak.");
  require_named(x, {"Saudi Arabia"});
  CHECK_FALSE(find_relation(x, "Saudi Arabia", Predicate::kAttack, "Yemen"));
}

TEST_CASE("a name after another verb is that verb's, not the cue's", "[relations]") {
  auto x =
      run("Donald Trump dan Moon Jae-in akan terus bekerja sama dalam menghadapi Korea Utara.");
  CHECK(find_relation(x, "Donald Trump", Predicate::kCooperate, "Moon Jae-in"));
  CHECK_FALSE(find_relation(x, "Moon Jae-in", Predicate::kCooperate, "North Korea"));
  auto threat = run("Korea Utara mengancam akan meluncurkan serangan nuklir ke Korea Selatan.");
  CHECK(find_relation(threat, "North Korea", Predicate::kThreaten, "South Korea"));
}

TEST_CASE("ranks between a body and the next person mark a list, not an apposition",
          "[relations]") {
  auto x =
      run("Acara dihadiri Laksamana Habibollah Sayyari, Kasal Bangladesh Laksamana Muda Hasan Ali "
          "Khan, dan lainnya.");
  require_named(x, {"Habibollah Sayyari", "Bangladesh"});
  CHECK_FALSE(find_relation(x, "Habibollah Sayyari", Predicate::kMemberOf, "Bangladesh"));
}

TEST_CASE("the press spoken to is no party", "[relations]") {
  auto x =
      run("Menteri Luar Negeri Rusia Sergey Lavrov mengatakan kepada kantor berita Reuters bahwa "
          "sanksi itu gagal.");
  require_named(x, {"Reuters"});
  for (const auto& r : x.relations) CHECK(r.predicate != Predicate::kCommunicate);
}

TEST_CASE("a name after an act and a preposition the cue does not take is the act's",
          "[relations]") {
  auto condemn =
      run("Sekretaris Jenderal PBB mengutuk serangan melawan pasukan keamanan Myanmar di Rakhine.");
  CHECK_FALSE(find_relation(condemn, "United Nations", Predicate::kAccuse, "Myanmar"));
  auto victory =
      run("Perdana Menteri Irak Haider al-Abadi memberi ucapan selamat bagi tentara atas "
          "kemenangan melawan ISIS.");
  CHECK_FALSE(find_relation(victory, "Haider al-Abadi", Predicate::kSupport, "Islamic State"));
  auto aid = run("Jepang menyerahkan bantuan kepada Indonesia.");
  CHECK(find_relation(aid, "Japan", Predicate::kSupply, "Indonesia"));
}

TEST_CASE("a role before a comma and a titled name is that name's", "[relations]") {
  auto x =
      run("Acara dihadiri Direktur Eksekutif UNODC, Yuri Fedotov, Wakil Tetap RI untuk PBB di "
          "Jenewa, Duta Besar Hasan Kleib.");
  require_named(x, {"Yuri Fedotov", "Indonesia"});
  CHECK_FALSE(find_relation(x, "Yuri Fedotov", Predicate::kMemberOf, "Indonesia"));
}

TEST_CASE("a leader-elect holds no office yet", "[relations]") {
  auto x = run("Presiden terpilih AS Donald Trump bertemu Perdana Menteri Jepang Shinzo Abe.");
  CHECK_FALSE(find_relation(x, "Donald Trump", Predicate::kLeads, "United States"));
  CHECK(find_relation(x, "Shinzo Abe", Predicate::kLeads, "Japan"));
}

TEST_CASE("an article that ends in a title or a known body's name is read without running past it",
          "[relations][names]") {
  for (const char* body : {"Perdana Menteri", "Kementerian Perdagangan", "Ia bertemu Menteri Luar"}) {
    INFO(body);
    const Extraction& x = run(body);
    for (const auto& r : x.relations) CHECK(r.predicate == Predicate::kCoOccurs);
  }
}

TEST_CASE("a reference that runs over the start of a name leaves the later names their slots",
          "[relations][coref]") {
  auto x = run("Pasukan kedua Negara Islam dan AS menyerang Jepang.");
  require_named(x, {"United States", "Japan"});
  CHECK(find_relation(x, "United States", Predicate::kAttack, "Japan"));
}

TEST_CASE("a user's @class line extends the word classes the relation rules read", "[relations][cues]") {
  const auto path = std::filesystem::temp_directory_path() / "newsgraph_kind_class_test.txt";
  std::ofstream(path) << "@class kind nelayan\n";
  ingest::ExtractorOptions options;
  options.cue_files.push_back(path.string());
  ingest::Extractor extended;
  REQUIRE(ingest::Extractor::create(options, &extended).is_ok());
  std::filesystem::remove(path);
  const std::string text = "Judul\nKorea Utara menyerang nelayan Jepang.\n";
  Document doc{"t", "Judul", text, "t", ""};
  const Extraction with_class = extended.extract(doc, true);
  require_named(with_class, {"North Korea", "Japan"});
  CHECK_FALSE(find_relation(with_class, "North Korea", Predicate::kAttack, "Japan"));
  CHECK(find_relation(run("Korea Utara menyerang nelayan Jepang."), "North Korea", Predicate::kAttack, "Japan"));
}

TEST_CASE("'keduanya' takes a pair named with 'dan' and nothing where none was", "[relations][coref]") {
  auto pair = run("Joko Widodo dan Anthony Albanese tiba di Bogor. Keduanya bertemu membahas Papua Nugini.");
  CHECK(find_relation(pair, "Anthony Albanese", Predicate::kMeet, "Joko Widodo"));

  // Korea Utara and AS are named most, but no pair was named: "keduanya" stays unresolved.
  auto none =
      run("Iran mengecam Israel. Menurut Iran, Israel memprovokasi perang. Presiden Prancis akan "
          "bertemu Kanselir Jerman. Keduanya bertemu di Brussel.");
  require_named(none, {"Iran", "Israel"});
  CHECK_FALSE(find_relation(none, "Iran", Predicate::kMeet, "Israel"));
}

TEST_CASE("a denial covers its own clause, not a verb coordinated after it", "[relations][modality]") {
  auto x = run("Turki membantah laporan tersebut dan menolak permintaan Swedia.");
  const Relation* r = find_relation(x, "Turkey", Predicate::kReject, "Sweden");
  REQUIRE(r);
  CHECK(r->modality == Modality::kAsserted);

  auto denied = run("Rusia membantah menyerang Ukraina.");
  const Relation* d = find_relation(denied, "Russia", Predicate::kAttack, "Ukraine");
  REQUIRE(d);
  CHECK(d->modality == Modality::kDenied);
}

TEST_CASE("citizens, militants and politicians of a country are not the country", "[relations]") {
  for (const char* text : {"Tentara Mesir menembak dua warga Sudan di perbatasan.",
                           "Beberapa politisi Kanada mengutuk Venezuela.",
                           "Militan Tajikistan melancarkan serangan terhadap Afganistan.",
                           "Polisi India menembak seorang remaja Kashmir.",
                           "Australia memberi bantuan kepada militan Negara Islam Irak dan Syam (ISIS)."}) {
    INFO(text);
    const Extraction& x = run(text);
    for (const auto& r : x.relations) {
      INFO(label_of(x, r.subject) << " " << predicate_name(r.predicate) << " " << label_of(x, r.object));
      CHECK(r.predicate == Predicate::kCoOccurs);
    }
  }
}

TEST_CASE("an attack a threat names is only threatened", "[relations]") {
  auto x = run("Iran mengancam akan melancarkan serangan rudal ke Israel.");
  CHECK(find_relation(x, "Iran", Predicate::kThreaten, "Israel"));
  CHECK_FALSE(find_relation(x, "Iran", Predicate::kAttack, "Israel"));

  auto done = run("Iran melancarkan serangan ke Israel.");
  CHECK(find_relation(done, "Iran", Predicate::kAttack, "Israel"));
}

TEST_CASE("a title alone, standing for a leader, states no post", "[relations]") {
  auto x =
      run("Emmanuel Macron bertemu Olaf Scholz pada Sabtu. Wartawan bertanya soal pemilihan presiden Prancis.");
  require_named(x, {"Emmanuel Macron", "France"});
  CHECK_FALSE(find_relation(x, "Emmanuel Macron", Predicate::kLeads, "France"));
}

TEST_CASE("a post once held or still to come is no LEADS", "[relations]") {
  auto past = run("Albin Kurti sempat menjabat sebagai perdana menteri Kosovo pada 2020.");
  require_named(past, {"Albin Kurti", "Kosovo"});
  CHECK_FALSE(find_relation(past, "Albin Kurti", Predicate::kLeads, "Kosovo"));

  auto coming = run("Javier Milei yang akan dilantik sebagai Presiden Argentina pada Desember berjanji memangkas belanja.");
  require_named(coming, {"Javier Milei", "Argentina"});
  CHECK_FALSE(find_relation(coming, "Javier Milei", Predicate::kLeads, "Argentina"));
}

TEST_CASE("a title's holder follows its body directly, after a comma, 'yaitu' or a short form",
          "[relations]") {
  auto x = run("Presiden Amerika Serikat (AS) Joe Biden bermain golf.");
  CHECK(find_relation(x, "Joe Biden", Predicate::kLeads, "United States"));
  auto namely = run("Presiden Rusia yaitu Vladimir Putin tiba di Teheran.");
  CHECK(find_relation(namely, "Vladimir Putin", Predicate::kLeads, "Russia"));

  auto other = run("Kehadiran PM Singapura dan Joe Biden meramaikan acara.");
  require_named(other, {"Joe Biden", "Singapore"});
  CHECK_FALSE(find_relation(other, "Joe Biden", Predicate::kLeads, "Singapore"));
}

TEST_CASE("a name a thing noun opens or follows is no actor", "[relations]") {
  auto storm = run("Siklon Tropis Mawar berada di Laut Filipina sejak Senin.");
  for (const auto& r : storm.relations) CHECK(r.predicate == Predicate::kCoOccurs);
  auto plane = run("Pesawat Gulfstream mendarat di Denpasar pada Jumat.");
  for (const auto& r : plane.relations) CHECK(r.predicate == Predicate::kCoOccurs);
}

TEST_CASE("a reversed supply cue takes its giver after 'dari', or a country after the goods",
          "[relations]") {
  auto from = run("Vietnam membeli beras dari Thailand.");
  CHECK(find_relation(from, "Thailand", Predicate::kSupply, "Vietnam"));
  auto country = run("Jepang mengimpor minyak Qatar.");
  CHECK(find_relation(country, "Qatar", Predicate::kSupply, "Japan"));
  auto product = run("Filipina membeli Gripen untuk angkatan udaranya.");
  require_named(product, {"Philippines"});
  for (const auto& r : product.relations) CHECK(r.predicate != Predicate::kSupply);
}

TEST_CASE("a short form in brackets after a name restates it and stands for no second actor",
          "[relations]") {
  auto x = run("Australia memberi bantuan kepada militan Negara Islam Irak dan Syam (ISIS).");
  require_named(x, {"Australia", "Islamic State"});
  CHECK_FALSE(find_relation(x, "Australia", Predicate::kSupport, "Islamic State"));
  CHECK_FALSE(find_relation(x, "Australia", Predicate::kSupply, "Islamic State"));
}

TEST_CASE("a rank between a body and a name is the person's", "[relations]") {
  auto x = run("Juru bicara militer Pakistan Letnan Kolonel Ahmed Karim menyatakan kesiapan pasukan.");
  REQUIRE(testing::find_entity(x, "Ahmed Karim"));
  CHECK_FALSE(testing::find_entity(x, "Letnan Kolonel Ahmed Karim"));
  CHECK(find_relation(x, "Ahmed Karim", Predicate::kMemberOf, "Pakistan"));
}

TEST_CASE("whoever reports an act is not its agent", "[relations]") {
  auto x = run("Kepolisian Filipina menyatakan serangan bom di Marawi dilakukan kelompok Abu Sayyaf.");
  require_named(x, {"Kepolisian Filipina", "Marawi"});
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kAttack) CHECK(label_of(x, r.subject) != "Kepolisian Filipina");
  }
  auto announced = run("Kementerian Luar Negeri Turki mengumumkan pengusiran diplomat Belanda.");
  CHECK(find_relation(announced, "Kementerian Luar Negeri Turki", Predicate::kSanction, "Netherlands"));
}

TEST_CASE("what a party urges or wants another to do is hypothetical", "[relations][modality]") {
  auto x = run("Jepang mendesak Dewan Keamanan PBB menjatuhkan sanksi terhadap Iran.");
  const Relation* r = find_relation(x, "UN Security Council", Predicate::kSanction, "Iran");
  REQUIRE(r);
  CHECK(r->modality == Modality::kHypothetical);
  auto asked = run("Menteri itu meminta dana tambahan untuk membantu Palestina.");
  for (const auto& rel : asked.relations) CHECK(rel.modality != Modality::kHypothetical);
}

TEST_CASE("a suspended tie is negated and a reported act alleged", "[relations][modality]") {
  auto x = run("Selandia Baru menangguhkan kerja sama militer dengan Fiji.");
  const Relation* r = find_relation(x, "Fiji", Predicate::kCooperate, "New Zealand");
  REQUIRE(r);
  CHECK(r->modality == Modality::kNegated);
}

TEST_CASE("'antara' names a symmetric act's parties, and ties named with a pair are the pair's",
          "[relations]") {
  auto x = run("Norwegia siap menjadi penengah dialog antara kelompok oposisi dengan pemerintah Venezuela.");
  require_named(x, {"Norway", "Venezuela"});
  CHECK_FALSE(find_relation(x, "Norway", Predicate::kMeet, "Venezuela"));
  auto ties = run("Presiden itu berjanji memperkuat hubungan Brasil dan Argentina.");
  CHECK(find_relation(ties, "Argentina", Predicate::kCooperate, "Brazil"));
}

TEST_CASE("a country after a currency is the currency's", "[relations]") {
  auto x = run("Bank Dunia menyetujui dana sebesar 100 juta dolar AS untuk mendukung Vietnam.");
  require_named(x, {"Vietnam", "United States"});
  CHECK_FALSE(find_relation(x, "United States", Predicate::kSupport, "Vietnam"));
}

TEST_CASE("where an envoy is posted is no actor", "[relations]") {
  auto x = run("Perdana Menteri Belgia menyesalkan keputusan duta besarnya untuk PBB yang mendukung Iran.");
  require_named(x, {"United Nations", "Iran"});
  CHECK_FALSE(find_relation(x, "United Nations", Predicate::kSupport, "Iran"));
}

TEST_CASE("the body in a person's title is the person's, so the person is the party", "[relations]") {
  auto x = run("Menteri Pertahanan Jerman Boris Pistorius meminta maaf kepada Menteri Pertahanan Polandia "
               "Mariusz Blaszczak.");
  CHECK(find_relation(x, "Boris Pistorius", Predicate::kCommunicate, "Mariusz Blaszczak"));
  CHECK_FALSE(find_relation(x, "Boris Pistorius", Predicate::kCommunicate, "Poland"));
  CHECK(find_relation(x, "Mariusz Blaszczak", Predicate::kMemberOf, "Poland"));
}

TEST_CASE("hostility is no attack; launched hostilities are", "[relations]") {
  auto x = run("Iran menuding kebijakan bermusuhan Amerika Serikat terhadap Venezuela.");
  require_named(x, {"United States", "Venezuela"});
  CHECK_FALSE(find_relation(x, "United States", Predicate::kAttack, "Venezuela"));
  auto war = run("Armenia melancarkan permusuhan di Azerbaijan.");
  CHECK(find_relation(war, "Armenia", Predicate::kAttack, "Azerbaijan"));
}

TEST_CASE("a holder said after the name to be a former one leads nothing", "[relations]") {
  auto x = run("Saya bicara dengan Sekjen PBB, Ban Ki-moon (mantan Sekjen PBB), kemarin.");
  require_named(x, {"Ban Ki-moon", "United Nations"});
  CHECK_FALSE(find_relation(x, "Ban Ki-moon", Predicate::kLeads, "United Nations"));
}

TEST_CASE("after a noun cue, a name past another verb is that verb's", "[relations]") {
  auto x = run("Menteri Pertanian Suswono melakukan kunjungan kerja melepas ekspor kopi ke Jepang di Medan.");
  require_named(x, {"Japan"});
  for (const auto& r : x.relations) CHECK(r.predicate != Predicate::kVisit);
  auto letter = run("Kofi Annan mengirim surat yang meminta Sudan menghentikan kekerasan.");
  CHECK(find_relation(letter, "Kofi Annan", Predicate::kCommunicate, "Sudan"));
}

TEST_CASE("a secretary-general heads an international body, not a ministry", "[relations]") {
  auto un = run("Sekretaris Jenderal PBB Ban Ki-moon tiba di Nairobi.");
  CHECK(find_relation(un, "Ban Ki-moon", Predicate::kLeads, "United Nations"));
  auto ministry = run("Sekretaris Jenderal Kementerian Perdagangan Budi Santoso mengatakan ekspor naik.");
  REQUIRE(testing::find_entity(ministry, "Budi Santoso"));
  for (const auto& r : ministry.relations) CHECK(r.predicate != Predicate::kLeads);
}

TEST_CASE("a citizen named after the country is no member of it, a director is", "[relations]") {
  auto citizen = run("Pelaku diidentifikasi sebagai warga Swedia bernama Lars Eriksson.");
  require_named(citizen, {"Lars Eriksson", "Sweden"});
  CHECK_FALSE(find_relation(citizen, "Lars Eriksson", Predicate::kMemberOf, "Sweden"));
  auto director = run("Saksi yang dipanggil yakni Dirut PT Pindad bernama Abraham Mose.");
  CHECK(find_relation(director, "Abraham Mose", Predicate::kMemberOf, "Pindad"));
}

TEST_CASE("a noun a verb cue gives is read with the verb only", "[relations]") {
  auto x = run("Pemerintah Jepang memberi bantuan kepada Nepal.");
  CHECK(find_relation(x, "Japan", Predicate::kSupply, "Nepal"));
  CHECK_FALSE(find_relation(x, "Japan", Predicate::kSupport, "Nepal"));
}

TEST_CASE("ties and cooperation named with their pair are the pair's", "[relations]") {
  auto x = run("Delegasi DPR berkunjung untuk meningkatkan hubungan dan kerja sama Indonesia dan Kenya.");
  CHECK(find_relation(x, "Indonesia", Predicate::kCooperate, "Kenya"));
  CHECK_FALSE(find_relation(x, "DPR", Predicate::kCooperate, "Kenya"));
}

TEST_CASE("a denial followed by a verb denies a deed, not a party", "[relations]") {
  auto x = run("Duterte membantah terlibat dalam serangan terhadap Senator Antonio Trillanes.");
  require_named(x, {"Rodrigo Duterte", "Antonio Trillanes"});
  for (const auto& r : x.relations) CHECK(r.predicate != Predicate::kReject);
}

TEST_CASE("a stalled or called-off act is negated", "[relations][modality]") {
  auto x = run("Ketika Macron membatalkan rencananya untuk bertemu Putin di Paris, hubungan memburuk.");
  const Relation* r = find_relation(x, "Emmanuel Macron", Predicate::kMeet, "Vladimir Putin");
  if (!r) r = find_relation(x, "Vladimir Putin", Predicate::kMeet, "Emmanuel Macron");
  REQUIRE(r);
  CHECK(r->modality == Modality::kNegated);
}

TEST_CASE("a claim over verbs covers each of them", "[relations][modality]") {
  auto x = run("Li dituduh membeli dan menyelundupkan senjata ke Korea Utara.");
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kSupply) CHECK(r.modality == Modality::kAlleged);
  }
}

TEST_CASE("a citizenship names no actor", "[relations]") {
  auto x = run("Penembak, yang berkewarganegaraan Kanada menembaki jemaah Masjid Quba.");
  require_named(x, {"Canada"});
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kAttack) CHECK(label_of(x, r.subject) != "Canada");
  }
}

TEST_CASE("who urges another to act is not who acts; the party urged is", "[relations]") {
  auto x = run("Jepang mendesak semua negara sekutu untuk segera menyerang Negara Islam.");
  require_named(x, {"Japan", "Islamic State"});
  CHECK_FALSE(find_relation(x, "Japan", Predicate::kAttack, "Islamic State"));
  auto named = run("Jepang mendesak Filipina untuk segera menyerang Negara Islam.");
  CHECK(find_relation(named, "Philippines", Predicate::kAttack, "Islamic State"));
  auto call = run("Menteri Luar Negeri Taiwan Joseph Wu menyerukan kepada semua negara di dunia mendukung Taiwan.");
  CHECK_FALSE(find_relation(call, "Joseph Wu", Predicate::kSupport, "Taiwan"));
}

TEST_CASE("the accused of an accusation is who does what follows", "[relations]") {
  auto x = run("Taiwan menuding pihak lain sengaja membujuk Kiribati.");
  require_named(x, {"Taiwan", "Kiribati"});
  CHECK_FALSE(find_relation(x, "Taiwan", Predicate::kCommunicate, "Kiribati"));
}

TEST_CASE("a name after a deed noun is what the deed was done to", "[relations]") {
  auto x = run("Presiden Iran Hassan Rouhani menyambut baik pemecatan John Bolton.");
  require_named(x, {"Hassan Rouhani", "John Bolton"});
  CHECK_FALSE(find_relation(x, "Hassan Rouhani", Predicate::kSupport, "John Bolton"));
}

TEST_CASE("a place before 'yang' is not what a relative clause is about", "[relations]") {
  auto x = run("Pemberontak Houthi di Yaman, yang didukung Iran, menyerang kilang minyak.");
  require_named(x, {"Yemen", "Iran"});
  CHECK_FALSE(find_relation(x, "Iran", Predicate::kSupport, "Yemen"));
}

TEST_CASE("ready or willing to act is hypothetical", "[relations][modality]") {
  auto x = run("Lula da Silva mengaku siap bertemu Javier Milei.");
  const Relation* r = find_relation(x, "Javier Milei", Predicate::kMeet, "Luiz Inacio Lula da Silva");
  if (!r) r = find_relation(x, "Luiz Inacio Lula da Silva", Predicate::kMeet, "Javier Milei");
  REQUIRE(r);
  CHECK(r->modality == Modality::kHypothetical);
}

TEST_CASE("'tidak perlu ragu' urges an act and negates nothing", "[relations][modality]") {
  auto x = run("Menteri itu menegaskan Kenya tidak perlu ragu bekerja sama dengan Indonesia.");
  const Relation* r = find_relation(x, "Indonesia", Predicate::kCooperate, "Kenya");
  REQUIRE(r);
  CHECK(r->modality != Modality::kNegated);
}

TEST_CASE("a suggested act is the suggested party's, and hypothetical", "[relations][modality]") {
  auto x = run("Vladimir Putin menyarankan Mesir untuk membeli sistem pertahanan dari Rusia.");
  const Relation* r = find_relation(x, "Russia", Predicate::kSupply, "Egypt");
  REQUIRE(r);
  CHECK(r->modality == Modality::kHypothetical);
}

TEST_CASE("experts of a body are not the body, nor enemies of a country the country", "[relations]") {
  auto x = run("Lima pakar PBB mendesak pemerintah Filipina menghentikan kekerasan.");
  require_named(x, {"United Nations", "Philippines"});
  CHECK_FALSE(find_relation(x, "United Nations", Predicate::kCommunicate, "Philippines"));
  auto enemies = run("Biden mengancam akan bertindak terhadap musuh-musuh Amerika.");
  require_named(enemies, {"United States"});
  for (const auto& r : enemies.relations) CHECK(r.predicate != Predicate::kThreaten);
}

TEST_CASE("who speaks after a quote or a reporting verb is no object", "[relations]") {
  auto x = run("Bantuan itu semata-mata bentuk dukungan Jepang terhadap sekutunya, papar Fumio Kishida.");
  require_named(x, {"Japan", "Fumio Kishida"});
  CHECK_FALSE(find_relation(x, "Japan", Predicate::kSupport, "Fumio Kishida"));
}

TEST_CASE("forces led by someone are the forces', not their country's", "[relations]") {
  auto x = run("Kota itu dibakar agar tidak dikuasai pasukan Prancis di bawah pimpinan Napoleon Bonaparte.");
  require_named(x, {"France", "Napoleon Bonaparte"});
  CHECK_FALSE(find_relation(x, "Napoleon Bonaparte", Predicate::kLeads, "France"));
  auto state = run("Pemerintah Prancis di bawah pimpinan Emmanuel Macron menolak usulan itu.");
  CHECK(find_relation(state, "Emmanuel Macron", Predicate::kLeads, "France"));
}
