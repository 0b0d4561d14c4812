// The relation rules that decide who the parties are on real news, one behaviour a test:
// pairs for "keduanya", denials and claims, people and things that stand for no actor,
// threats, posts held before or to come, urging, reporting, ties named with their pair,
// deeds done to a name, the press, subordinate clauses and attributions. (Modality:
// relation_modality_test.cpp; titles: relation_titles_test.cpp.)
#include <catch2/catch.hpp>
#include <string>

#include "tests/ingest/extraction_helpers.h"
#include "tests/ingest/relation_checks.h"

using namespace newsgraph;
using namespace newsgraph::testing;

TEST_CASE("'keduanya' takes a pair named with 'dan' and nothing where none was",
          "[relations][coref]") {
  auto pair = run(
      "Joko Widodo dan Anthony Albanese tiba di Bogor. Keduanya bertemu membahas Papua Nugini.");
  CHECK(find_relation(pair, "Anthony Albanese", Predicate::kMeet, "Joko Widodo"));

  // Korea Utara and AS are named most, but no pair was named: "keduanya" stays unresolved.
  auto none =
      run("Iran mengecam Israel. Menurut Iran, Israel memprovokasi perang. Presiden Prancis akan "
          "bertemu Kanselir Jerman. Keduanya bertemu di Brussel.");
  require_named(none, {"Iran", "Israel"});
  CHECK_FALSE(find_relation(none, "Iran", Predicate::kMeet, "Israel"));
}

TEST_CASE("citizens, militants and politicians of a country are not the country", "[relations]") {
  for (const char* text :
       {"Tentara Mesir menembak dua warga Sudan di perbatasan.",
        "Beberapa politisi Kanada mengutuk Venezuela.",
        "Militan Tajikistan melancarkan serangan terhadap Afganistan.",
        "Polisi India menembak seorang remaja Kashmir.",
        "Australia memberi bantuan kepada militan Negara Islam Irak dan Syam (ISIS)."}) {
    INFO(text);
    const Extraction& x = run(text);
    REQUIRE(x.entities.size() >= 2);  // both names are found; only the relation is absent
    for (const auto& r : x.relations) {
      INFO(label_of(x, r.subject) << " " << predicate_name(r.predicate) << " "
                                  << label_of(x, r.object));
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
      run("Emmanuel Macron bertemu Olaf Scholz pada Sabtu. Wartawan bertanya soal pemilihan "
          "presiden Prancis.");
  require_named(x, {"Emmanuel Macron", "France"});
  CHECK_FALSE(find_relation(x, "Emmanuel Macron", Predicate::kLeads, "France"));
}

TEST_CASE("a post once held or still to come is no LEADS", "[relations]") {
  auto past = run("Albin Kurti sempat menjabat sebagai perdana menteri Kosovo pada 2020.");
  require_named(past, {"Albin Kurti", "Kosovo"});
  CHECK_FALSE(find_relation(past, "Albin Kurti", Predicate::kLeads, "Kosovo"));

  auto coming =
      run("Javier Milei yang akan dilantik sebagai Presiden Argentina pada Desember berjanji "
          "memangkas belanja.");
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
  require_named(storm, {"Siklon Tropis Mawar", "Laut Filipina"});
  for (const auto& r : storm.relations) CHECK(r.predicate == Predicate::kCoOccurs);
  auto plane = run("Pesawat Gulfstream mendarat di Denpasar pada Jumat.");
  require_named(plane, {"Gulfstream", "Denpasar"});
  for (const auto& r : plane.relations) CHECK(r.predicate == Predicate::kCoOccurs);
  auto charter = run("Pesawat jet carter Gulfstream N50JE mendarat di Denpasar pada Jumat.");
  require_named(charter, {"Gulfstream N50JE", "Denpasar"});
  for (const auto& r : charter.relations) CHECK(r.predicate == Predicate::kCoOccurs);
  // A maker after "dari" sells: "membeli pesawat dari ATR" (ATR gives).
  CHECK(find_relation(run("Lion Air membeli 27 pesawat dari ATR."), "ATR", Predicate::kSupply, "Lion Air"));
}

TEST_CASE("a reversed supply cue takes its giver after 'dari', or a country after the goods",
          "[relations]") {
  auto from = run("Vietnam membeli beras dari Thailand.");
  CHECK(find_relation(from, "Thailand", Predicate::kSupply, "Vietnam"));
  auto country = run("Jepang mengimpor minyak Qatar.");
  CHECK(find_relation(country, "Qatar", Predicate::kSupply, "Japan"));
  auto product = run("Filipina membeli Gripen untuk angkatan udaranya.");
  require_named(product, {"Philippines", "Gripen"});
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
  auto x =
      run("Juru bicara militer Pakistan Letnan Kolonel Ahmed Karim menyatakan kesiapan pasukan.");
  REQUIRE(testing::find_entity(x, "Ahmed Karim"));
  CHECK_FALSE(testing::find_entity(x, "Letnan Kolonel Ahmed Karim"));
  CHECK(find_relation(x, "Ahmed Karim", Predicate::kMemberOf, "Pakistan"));
}

TEST_CASE("whoever reports an act is not its agent", "[relations]") {
  auto x =
      run("Kepolisian Filipina menyatakan serangan bom di Marawi dilakukan kelompok Abu Sayyaf.");
  require_named(x, {"Kepolisian Filipina", "Marawi"});
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kAttack) CHECK(label_of(x, r.subject) != "Kepolisian Filipina");
  }
  auto announced = run("Kementerian Luar Negeri Turki mengumumkan pengusiran diplomat Belanda.");
  CHECK(find_relation(announced, "Kementerian Luar Negeri Turki", Predicate::kSanction,
                      "Netherlands"));
}

TEST_CASE("'antara' names a symmetric act's parties, and ties named with a pair are the pair's",
          "[relations]") {
  auto x = run(
      "Norwegia siap menjadi penengah dialog antara kelompok oposisi dengan pemerintah Venezuela.");
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
  auto x = run(
      "Perdana Menteri Belgia menyesalkan keputusan duta besarnya untuk PBB yang mendukung Iran.");
  require_named(x, {"United Nations", "Iran"});
  CHECK_FALSE(find_relation(x, "United Nations", Predicate::kSupport, "Iran"));
}

TEST_CASE("the body in a person's title is the person's, so the person is the party",
          "[relations]") {
  auto x = run(
      "Menteri Pertahanan Jerman Boris Pistorius meminta maaf kepada Menteri Pertahanan Polandia "
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
  auto x =
      run("Menteri Pertanian Suswono melakukan kunjungan kerja melepas ekspor kopi ke Jepang di "
          "Medan.");
  require_named(x, {"Japan"});
  for (const auto& r : x.relations) CHECK(r.predicate != Predicate::kVisit);
  auto letter = run("Kofi Annan mengirim surat yang meminta Sudan menghentikan kekerasan.");
  CHECK(find_relation(letter, "Kofi Annan", Predicate::kCommunicate, "Sudan"));
}

TEST_CASE("a secretary-general heads an international body, not a ministry", "[relations]") {
  auto un = run("Sekretaris Jenderal PBB Ban Ki-moon tiba di Nairobi.");
  CHECK(find_relation(un, "Ban Ki-moon", Predicate::kLeads, "United Nations"));
  auto ministry =
      run("Sekretaris Jenderal Kementerian Perdagangan Budi Santoso mengatakan ekspor naik.");
  require_named(ministry, {"Budi Santoso", "Kementerian Perdagangan"});
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
  auto x = run(
      "Delegasi DPR berkunjung untuk meningkatkan hubungan dan kerja sama Indonesia dan Kenya.");
  CHECK(find_relation(x, "Indonesia", Predicate::kCooperate, "Kenya"));
  CHECK_FALSE(find_relation(x, "DPR", Predicate::kCooperate, "Kenya"));
}

TEST_CASE("a denial followed by a verb denies a deed, not a party", "[relations]") {
  auto x = run("Duterte membantah terlibat dalam serangan terhadap Senator Antonio Trillanes.");
  require_named(x, {"Rodrigo Duterte", "Antonio Trillanes"});
  for (const auto& r : x.relations) CHECK(r.predicate != Predicate::kReject);
}

TEST_CASE("a citizenship names no actor", "[relations]") {
  auto x = run("Penembak, yang berkewarganegaraan Kanada menembaki jemaah Masjid Quba.");
  require_named(x, {"Canada", "Masjid Quba"});
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
  auto call =
      run("Menteri Luar Negeri Taiwan Joseph Wu menyerukan kepada semua negara di dunia mendukung "
          "Taiwan.");
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

TEST_CASE("experts of a body are not the body, nor enemies of a country the country",
          "[relations]") {
  auto x = run("Lima pakar PBB mendesak pemerintah Filipina menghentikan kekerasan.");
  require_named(x, {"United Nations", "Philippines"});
  CHECK_FALSE(find_relation(x, "United Nations", Predicate::kCommunicate, "Philippines"));
  auto enemies = run("Biden mengancam akan bertindak terhadap musuh-musuh Amerika.");
  require_named(enemies, {"United States"});
  for (const auto& r : enemies.relations) CHECK(r.predicate != Predicate::kThreaten);
}

TEST_CASE("who speaks after a quote or a reporting verb is no object", "[relations]") {
  auto x = run(
      "Bantuan itu semata-mata bentuk dukungan Jepang terhadap sekutunya, papar Fumio Kishida.");
  require_named(x, {"Japan", "Fumio Kishida"});
  CHECK_FALSE(find_relation(x, "Japan", Predicate::kSupport, "Fumio Kishida"));
}

TEST_CASE("forces led by someone are the forces', not their country's", "[relations]") {
  auto x = run(
      "Kota itu dibakar agar tidak dikuasai pasukan Prancis di bawah pimpinan Napoleon Bonaparte.");
  require_named(x, {"France", "Napoleon Bonaparte"});
  CHECK_FALSE(find_relation(x, "Napoleon Bonaparte", Predicate::kLeads, "France"));
  auto state = run("Pemerintah Prancis di bawah pimpinan Emmanuel Macron menolak usulan itu.");
  CHECK(find_relation(state, "Emmanuel Macron", Predicate::kLeads, "France"));
}

TEST_CASE("the new party rules leave plain relations alone", "[relations]") {
  // A known person's name runs on over "bin"/"Al", not over "and".
  auto pair = run("Donald Trump and Reince Priebus criticized China.");
  REQUIRE(testing::find_entity(pair, "Donald Trump"));
  CHECK(testing::find_entity(pair, "Reince Priebus"));
  // A threat covers its own clause only.
  auto clause = run("Korea Utara mengancam Jepang setelah Amerika Serikat menyerang Suriah.");
  CHECK(find_relation(clause, "United States", Predicate::kAttack, "Syria"));
  // Declaring war is waging it; a government is no deed.
  auto war = run("Rusia menyatakan perang terhadap Ukraina.");
  CHECK(find_relation(war, "Russia", Predicate::kAttack, "Ukraine"));
  auto government = run("Amerika Serikat mengkritik pemerintahan Venezuela.");
  CHECK(find_relation(government, "United States", Predicate::kAccuse, "Venezuela"));
  // A politician is a person, and special aid is aid.
  auto person = run("Politisi Fadli Zon mengkritik China.");
  CHECK(find_relation(person, "Fadli Zon", Predicate::kAccuse, "China"));
  auto aid = run("Jepang mengirim bantuan khusus untuk Ukraina.");
  CHECK(find_relation(aid, "Japan", Predicate::kSupply, "Ukraine"));
  // A known maker after the goods sells them.
  auto maker = run("Iran membeli pesawat Airbus.");
  CHECK(find_relation(maker, "Airbus", Predicate::kSupply, "Iran"));
}

TEST_CASE("a relative named by a kin word acts, not the person named", "[relations]") {
  auto x = run("Seorang tetangga, Budi Santoso, mengatakan, saat ini ayah Ahmad Yani berada di Yordania.");
  require_named(x, {"Ahmad Yani", "Jordan"});
  CHECK_FALSE(find_relation(x, "Ahmad Yani", Predicate::kVisit, "Jordan"));
  // Nor is the speaker of the reported clause its subject.
  CHECK_FALSE(find_relation(x, "Budi Santoso", Predicate::kVisit, "Jordan"));
}

TEST_CASE("telling or meeting a news outlet is an interview; what an actor does to one is a relation",
          "[relations]") {
  auto told = run("Presiden Zimbabwe Emmerson Mnangagwa mengatakan kepada BBC bahwa upacara akan digelar.");
  require_named(told, {"Emmerson Mnangagwa", "BBC"});
  CHECK_FALSE(find_relation(told, "Emmerson Mnangagwa", Predicate::kCommunicate, "BBC"));

  auto met = run("Menteri Luar Negeri Retno Marsudi berbincang dengan Reuters di Jakarta.");
  require_named(met, {"Retno Marsudi", "Reuters"});
  CHECK_FALSE(find_relation(met, "Retno Marsudi", Predicate::kMeet, "Reuters"));
  CHECK_FALSE(find_relation(met, "Reuters", Predicate::kMeet, "Retno Marsudi"));

  // The same words to an actor are a relation, and an outlet can still be accused.
  CHECK(find_relation(run("Presiden Joko Widodo mengatakan kepada Presiden Vladimir Putin bahwa Indonesia siap."),
                      "Joko Widodo", Predicate::kCommunicate, "Vladimir Putin"));
  CHECK(find_relation(run("Arab Saudi mengecam Al Jazeera atas laporan itu."), "Saudi Arabia", Predicate::kAccuse,
                      "Al Jazeera"));
}

TEST_CASE("a subordinate clause's names take no part in the main clause after its comma",
          "[relations]") {
  auto x = run("Setelah Rusia menyerang Ukraina, kelompok itu mengecam Amerika Serikat.");
  CHECK(find_relation(x, "Russia", Predicate::kAttack, "Ukraine"));
  require_named(x, {"Russia", "United States"});
  CHECK_FALSE(find_relation(x, "Russia", Predicate::kAccuse, "United States"));

  auto y = run("Setelah Jepang memutuskan hubungan, Korea Selatan mengecam China.");
  CHECK(find_relation(y, "South Korea", Predicate::kAccuse, "China"));
  CHECK_FALSE(find_relation(y, "Japan", Predicate::kSanction, "South Korea"));
}

TEST_CASE("a country that ends a body's name is not what the leader after it leads", "[relations]") {
  auto x = run("Claudia berafiliasi dengan Kartel Sinaloa Meksiko pimpinan El Chapo.");
  require_named(x, {"Mexico"});
  for (const auto& r : x.relations) CHECK(r.predicate != Predicate::kLeads);
  CHECK(find_relation(run("Kunjungan itu disambut rezim Korea Utara pimpinan Kim Jong Un."), "Kim Jong Un",
                      Predicate::kLeads, "North Korea"));
}

TEST_CASE("some members of a party, a speaker's government and a person's body are not who acts",
          "[relations]") {
  auto members = run("Partai Demokrat dan sejumlah anggota Partai Republik menuding Donald Trump.");
  CHECK(find_relation(members, "Partai Demokrat", Predicate::kAccuse, "Donald Trump"));
  require_named(members, {"Partai Republik"});
  CHECK_FALSE(find_relation(members, "Partai Republik", Predicate::kAccuse, "Donald Trump"));

  auto government = run("Gubernur Guam Eddie Calvo menambahkan pemerintahnya terus berkomunikasi dengan Amerika Serikat.");
  require_named(government, {"Eddie Calvo", "United States"});
  CHECK_FALSE(find_relation(government, "Eddie Calvo", Predicate::kCommunicate, "United States"));

  auto person = run("Kemarin Budi Santoso dari Fakultas Hukum Universitas Gadjah Mada mengecam Israel.");
  CHECK(find_relation(person, "Budi Santoso", Predicate::kAccuse, "Israel"));
  CHECK_FALSE(find_relation(person, "Universitas Gadjah Mada", Predicate::kAccuse, "Israel"));
  // Someone unnamed from the body: the body still does not act.
  auto someone = run("Seorang aktivis dari Dewan Mahasiswa Universitas Indonesia mengecam Israel.");
  require_named(someone, {"Universitas Indonesia", "Israel"});
  CHECK_FALSE(find_relation(someone, "Universitas Indonesia", Predicate::kAccuse, "Israel"));

  // A newspaper of a country is the press, not the country: "surat kabar Kuwait".
  auto paper = run("Surat kabar Kuwait, Al-Seyassah, melaporkan bahwa mereka melarikan diri ke Iran.");
  require_named(paper, {"Kuwait", "Iran"});
  CHECK_FALSE(find_relation(paper, "Kuwait", Predicate::kVisit, "Iran"));
}

TEST_CASE("'Putra Mahkota' is a title before the crown prince's name, and 'Putra' alone no title",
          "[relations][titles]") {
  auto x = run("Presiden Donald Trump melakukan pembicaraan dengan Putra Mahkota Arab Saudi Mohammed bin Salman.");
  CHECK(find_either(x, "Donald Trump", Predicate::kMeet, "Mohammed bin Salman"));
  CHECK(find_relation(x, "Mohammed bin Salman", Predicate::kMemberOf, "Saudi Arabia"));
  for (const auto& e : x.entities) CHECK(e.label.find("Putra") == std::string::npos);

  auto name = run("Kemarin Budi Eko Putra mengecam Israel.");
  CHECK(find_relation(name, "Budi Eko Putra", Predicate::kAccuse, "Israel"));
}

TEST_CASE("a sentence opened by its speaker ('Kata X, ...') keeps the speaker out of the name and the report",
          "[relations]") {
  auto x = run("Kata Bambang, mayoritas konsesi itu berada di Pulau Kalimantan.");
  require_named(x, {"Bambang", "Pulau Kalimantan"});
  for (const auto& r : x.relations) CHECK(r.predicate == Predicate::kCoOccurs);

  // An attribution that interrupts the clause: the name before it is the subject.
  auto interrupted = run("Golkar, kata Ace Hasan Syadzily, mendukung sepenuhnya kebijakan Presiden Joko Widodo.");
  CHECK(find_relation(interrupted, "Partai Golkar", Predicate::kSupport, "Joko Widodo"));
  CHECK_FALSE(find_relation(interrupted, "Ace Hasan Syadzily", Predicate::kSupport, "Joko Widodo"));
  auto adverb = run("Bahkan, kata Budi Santoso, sedikitnya 1.500 turis dijadwalkan berkunjung ke Batam.");
  require_named(adverb, {"Budi Santoso", "Batam"});
  CHECK_FALSE(find_relation(adverb, "Budi Santoso", Predicate::kVisit, "Batam"));
}

TEST_CASE("a purpose after 'guna' is planned, a wanted list is no actor, and the airport is no person",
          "[relations]") {
  CHECK(modality_between(run("Kepala BNPB bergegas menuju bandara guna terbang ke Riau."), "BNPB", Predicate::kVisit,
                         "Riau") == Modality::kPlanned);

  auto list = run("Polda Jatim akan menerbitkan surat Daftar Pencarian Orang untuk Budi Santoso.");
  require_named(list, {"Polda Jatim"});
  for (const auto& r : list.relations) {
    if (r.predicate == Predicate::kCoOccurs) continue;
    CHECK(label_of(list, r.subject) != "Daftar Pencarian Orang");
    CHECK(label_of(list, r.object) != "Daftar Pencarian Orang");
  }

  auto airport = run("Presiden Joko Widodo tiba di Bandara Soekarno-Hatta pada Senin.");
  require_named(airport, {"Soekarno-Hatta International Airport"});
  for (const auto& e : airport.entities) CHECK(e.label != "Soekarno");
}

TEST_CASE("rebels of a country are not the country, an adviser on a group is not its member, and a titled agent is no patient",
          "[relations]") {
  auto rebels = run("Brzezinski mendukung agar Amerika Serikat mempersenjatai para pemberontak Afghanistan.");
  require_named(rebels, {"United States", "Afghanistan"});
  CHECK_FALSE(find_relation(rebels, "United States", Predicate::kSupply, "Afghanistan"));
  CHECK(find_relation(run("Inggris menyalahkan kelompok pemberontak Yaman, Houthi atas serangan tersebut."),
                      "United Kingdom", Predicate::kAccuse, "Houthi"));

  auto adviser = run("Begitu kata Hisham al-Hashimi, penasihat soal ISIS bagi beberapa pemerintahan.");
  require_named(adviser, {"Hisham al-Hashimi", "Islamic State"});
  CHECK_FALSE(find_relation(adviser, "Hisham al-Hashimi", Predicate::kMemberOf, "Islamic State"));

  auto award = run("Penghargaan itu diberikan oleh Emir Qatar, Sheikh Tamim Bin Hamad Al Thani dan didukung oleh PBB.");
  require_named(award, {"Tamim bin Hamad Al Thani", "United Nations"});
  CHECK_FALSE(find_relation(award, "United Nations", Predicate::kSupport, "Tamim bin Hamad Al Thani"));
}
