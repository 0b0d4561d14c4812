// The relation extractor's named rules, one behaviour a test: who "ia" and "negara itu"
// are, which names a relative clause or a news credit hides, coordination, reciprocal
// "saling", noun-phrase relations, objects and prepositions. (Modality:
// relation_modality_test.cpp; titles and appositions: relation_titles_test.cpp.)
#include <catch2/catch.hpp>
#include <deque>
#include <filesystem>
#include <fstream>
#include <initializer_list>
#include <string>

#include "ingest/pipeline.h"
#include "tests/ingest/extraction_helpers.h"
#include "tests/ingest/relation_checks.h"

using namespace newsgraph;
using namespace newsgraph::testing;

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

TEST_CASE("a noun cue's possessive '-nya' is the actor named last before it",
          "[relations][coref]") {
  auto x =
      run("Presiden Prancis Emmanuel Macron tiba di Jakarta. Dalam kunjungannya ke Malaysia pekan "
          "depan, "
          "isu sawit akan dibahas.");
  CHECK(has_rule(find_relation(x, "Emmanuel Macron", Predicate::kVisit, "Malaysia"),
                 "cue.noun.possessive+coref.nya"));
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

TEST_CASE("'kedua pihak' takes the two parties named, whatever their kind", "[relations][coref]") {
  auto x =
      run("Donald Trump dan Benjamin Netanyahu bertemu di Gedung Putih. Kedua pihak sepakat "
          "memperkuat kerja sama.");
  CHECK(find_relation(x, "Benjamin Netanyahu", Predicate::kCooperate, "Donald Trump"));
  // Two parties named apart ("X menerima Y") are no pair "kedua pihak" can take.
  auto apart = run(
      "Emmanuel Macron menerima Olaf Scholz di Elysee. Kedua pihak sepakat memperkuat kerja sama.");
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
  Document doc{"t", "Judul", text, "t", "", "", "", ""};
  const Extraction with_class = extended.extract(doc, true);
  require_named(with_class, {"North Korea", "Japan"});
  CHECK_FALSE(find_relation(with_class, "North Korea", Predicate::kAttack, "Japan"));
  CHECK(find_relation(run("Korea Utara menyerang nelayan Jepang."), "North Korea", Predicate::kAttack, "Japan"));
}

