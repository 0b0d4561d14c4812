// Static relations read from how people are named, one behaviour a test: a leader's or a
// unit head's title, appositions, "di bawah pimpinan", kinship, deputies, former and
// elected holders, lists of titled people, ranks and honorifics between body and person,
// citizens, and Balinese names.
#include <catch2/catch.hpp>
#include <string>

#include "tests/ingest/extraction_helpers.h"
#include "tests/ingest/relation_checks.h"

using namespace newsgraph;
using namespace newsgraph::testing;

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
    CHECK_FALSE((r.predicate == Predicate::kLeads && former.object_of(r).id == georgia->id));
}

TEST_CASE("a former leader's title alone stands for neither the one in office nor the country", "[relations]") {
  auto x = run("Donald Trump bertemu Kim Jong Un di Singapura. Mantan Presiden AS mengkritik Korea Utara.");
  CHECK(find_relation(x, "Donald Trump", Predicate::kMeet, "Kim Jong Un"));
  CHECK_FALSE(find_relation(x, "Donald Trump", Predicate::kAccuse, "North Korea"));
  CHECK_FALSE(find_relation(x, "United States", Predicate::kAccuse, "North Korea"));
  // and a former holder named with the title is no later "Presiden AS"
  auto named = run("Mantan Presiden AS Barack Obama tiba. Presiden AS Joe Biden menyambutnya. Presiden AS mengkritik Rusia.");
  CHECK_FALSE(find_relation(named, "Barack Obama", Predicate::kAccuse, "Russia"));
  CHECK(find_relation(named, "Joe Biden", Predicate::kAccuse, "Russia"));
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

TEST_CASE("the head of a unit of a body is its member, the holder of a leader's title its leader",
          "[relations]") {
  auto unit = run("Kepala Keamanan Dalam Negeri AS John Kelly tiba di Meksiko.");
  CHECK(has_rule(find_relation(unit, "John Kelly", Predicate::kMemberOf, "United States"),
                 "title.unit_head"));
  CHECK_FALSE(find_relation(unit, "John Kelly", Predicate::kLeads, "United States"));
  auto leader = run("Pemimpin Tertinggi Iran Ali Khamenei mengecam sanksi itu.");
  CHECK(find_relation(leader, "Ali Khamenei", Predicate::kLeads, "Iran"));
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

TEST_CASE("a title before another person's name is not the later person's", "[relations]") {
  auto x =
      run("Dalam suratnya kepada Sekretaris Jenderal PBB, Antonio Guterres, Ja Song Nam menulis "
          "soal latihan itu.");
  require_named(x, {"Ja Song Nam", "United Nations"});
  CHECK_FALSE(find_relation(x, "Ja Song Nam", Predicate::kMemberOf, "United Nations"));
}

TEST_CASE("ranks between a body and the next person mark a list, not an apposition",
          "[relations]") {
  auto x =
      run("Acara dihadiri Laksamana Habibollah Sayyari, Kasal Bangladesh Laksamana Muda Hasan Ali "
          "Khan, dan lainnya.");
  require_named(x, {"Habibollah Sayyari", "Bangladesh"});
  CHECK_FALSE(find_relation(x, "Habibollah Sayyari", Predicate::kMemberOf, "Bangladesh"));
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

TEST_CASE("a rank or honorific between a body and a person belongs to neither", "[relations][titles]") {
  auto police = run("Kepala Polres Barelang Ajun Komisaris Besar Prasetyo Rachmat Purboyo menjelaskan kejadian itu.");
  CHECK(find_relation(police, "Prasetyo Rachmat Purboyo", Predicate::kLeads, "Polres Barelang"));
  for (const auto& e : police.entities) CHECK(e.label.find("Komisaris") == std::string::npos);

  auto general = run("Hal itu disampaikan Kepala Kepolisian Daerah Metro Jaya Inspektur Jenderal Gatot Eddy Pramono.");
  CHECK(find_relation(general, "Gatot Eddy Pramono", Predicate::kLeads, "Kepolisian Daerah Metro Jaya"));

  auto honorific = run("Perdana Menteri Malaysia Tun Dr. Mahathir Mohamad menerima penghargaan itu.");
  CHECK(find_relation(honorific, "Mahathir Mohamad", Predicate::kLeads, "Malaysia"));
  for (const auto& e : honorific.entities) CHECK(e.label.find("Tun") == std::string::npos);
}

TEST_CASE("a citizen holds no post, and a ministry's secretary-general named by its short form leads nothing",
          "[relations][titles]") {
  auto citizen = run("Pemerintah mengabulkan ekstradisi seorang Warga Negara Perancis Hubert Marie Echene.");
  require_named(citizen, {"France", "Hubert Marie Echene"});
  CHECK_FALSE(find_relation(citizen, "Hubert Marie Echene", Predicate::kMemberOf, "France"));

  auto secretary = run("Sekretaris Jenderal KLHK Bambang Hendroyono mengatakan itu di Jakarta.");
  CHECK(find_relation(secretary, "Bambang Hendroyono", Predicate::kMemberOf,
                      "Kementerian Lingkungan Hidup dan Kehutanan"));
  CHECK_FALSE(find_relation(secretary, "Bambang Hendroyono", Predicate::kLeads,
                            "Kementerian Lingkungan Hidup dan Kehutanan"));
}

TEST_CASE("a Balinese name keeps its 'I' and the body before it loses it", "[relations][names]") {
  auto x = run("Secara terpisah, Kepala Dinas Pariwisata Klungkung I Nengah Sukasta mengatakan itu.");
  CHECK(find_relation(x, "I Nengah Sukasta", Predicate::kLeads, "Dinas Pariwisata Klungkung"));
  auto regency = run("Festival dibuka Bupati Karangasem I Gusti Ayu Mas Sumatri pada Sabtu.");
  require_named(regency, {"I Gusti Ayu Mas Sumatri"});
  for (const auto& e : regency.entities) CHECK(e.label != "Karangasem I Gusti Ayu Mas Sumatri");
  // A numeral that no Balinese name follows stays with its body.
  CHECK(find_relation(run("Ketua Komisi I DPR Meutya Hafid menolak usulan itu."), "Meutya Hafid",
                      Predicate::kLeads, "Komisi I DPR"));
}

TEST_CASE("a body glued before a person's name, stripped off it, still gives the title's post there",
          "[relations]") {
  auto x = run("Kepala BPBD Kabupaten Sukabumi Yana Rusyana mengatakan banjir surut. \"Warga sudah kembali,\" "
               "kata Yana Rusyana.");
  require_named(x, {"Yana Rusyana", "BPBD Kabupaten Sukabumi"});
  CHECK(find_relation(x, "Yana Rusyana", Predicate::kLeads, "BPBD Kabupaten Sukabumi"));
  // a common word glued on is no body
  auto common = run("Kontrak Borja Valero dengan Fiorentina selesai. Borja Valero tiba di Florence kemarin.");
  require_named(common, {"Borja Valero"});
  CHECK_FALSE(testing::find_entity(common, "Kontrak"));
}
