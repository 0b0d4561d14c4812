#include "ingest/lexicon.h"

#include <initializer_list>
#include <string>
#include <vector>

#include "ingest/common_words_builtin.h"
#include "ingest/word_set.h"

namespace newsgraph::ingest::lexicon {
namespace {

WordSet make(std::initializer_list<std::string_view> words) { return WordSet(words); }

bool ends_with(std::string_view s, std::string_view suffix) {
  return s.size() > suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// The words of data/common_words.txt: one a line, '#' starts a comment line. Views into
// the embedded text, which lives as long as the program.
const WordSet& listed_common_words() {
  static const WordSet words = [] {
    std::vector<std::string_view> list;
    std::string_view text = kBuiltinCommonWords;
    while (!text.empty()) {
      size_t end = text.find('\n');
      std::string_view line = text.substr(0, end);
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
      while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
      if (!line.empty() && line.front() != '#') list.push_back(line);
    }
    return WordSet(list.begin(), list.end());
  }();
  return words;
}

}  // namespace

static const WordSet& function_words() {
  static const WordSet words = make({
      "yang", "dan", "atau", "tetapi", "tapi", "namun", "serta", "di", "ke", "dari", "pada",
      "dalam", "untuk", "bagi", "dengan", "oleh", "kepada", "terhadap", "tentang", "atas",
      "antara", "sejak", "hingga", "sampai", "karena", "sebab", "jika", "kalau", "apabila",
      "bila", "kalo", "ketika", "saat", "sewaktu", "setelah", "sesudah", "sebelum", "selama", "sementara",
      "meski", "meskipun", "walaupun", "walau", "agar", "supaya", "bahwa", "sehingga", "maka",
      "lalu", "kemudian", "juga", "pun", "itu", "ini", "tersebut", "sang", "si", "para", "kaum",
      "ia", "dia", "beliau", "mereka", "kami", "kita", "saya", "aku", "anda", "kamu", "engkau",
      "nya", "adalah", "ialah", "merupakan", "yaitu", "yakni", "akan", "sudah", "telah", "sedang",
      "masih", "belum", "tidak", "tak", "bukan", "jangan", "harus", "bisa", "dapat", "boleh",
      "mungkin", "perlu", "ingin", "mau", "hanya", "cuma", "sangat", "lebih", "paling", "amat",
      "semua", "seluruh", "setiap", "tiap", "banyak", "beberapa", "sebagian", "berbagai", "ada",
      "apa", "siapa", "mana", "bagaimana", "mengapa", "kenapa", "kapan", "berapa", "apakah",
      "selain", "menurut", "sebagai", "seperti", "bersama", "tanpa", "melalui", "via", "per",
      "soal", "terkait", "mengenai", "demi", "guna", "hal", "kini", "sekarang", "nanti", "tadi",
      "kemarin", "besok", "lusa", "pagi", "siang", "sore", "malam", "hari", "tahun", "bulan",
      "minggu", "pekan", "jam", "waktu", "kala", "usai", "jelang", "menjelang", "pasca", "pra",
      "sebelumnya", "selanjutnya", "sedangkan", "bahkan", "apalagi", "padahal", "justru",
      "malah", "memang", "tentu", "pasti", "tetap", "terus", "lagi", "pula", "saja", "sih",
      "dong", "kok", "lah", "kah", "tah", "baik", "begitu", "begini", "demikian", "sebuah",
      "seorang", "sejumlah", "salah", "satu", "dua", "tiga", "empat", "lima", "enam", "tujuh",
      "delapan", "sembilan", "sepuluh", "ratusan", "ribuan", "jutaan", "pertama", "kedua",
      "ketiga", "terakhir", "kali", "baru", "lama", "dulu", "dahulu", "sekitar", "hampir",
      "sekali", "sama", "bersama-sama", "the", "a", "an", "of", "and", "or", "in", "on", "at",
      "to", "for", "by", "with", "from", "is", "are", "was", "were", "this", "that", "it",
      "he", "she", "they", "we", "i", "you", "his", "her", "their", "our", "but", "as",
      "oh", "wah", "ya", "yah", "nah", "ayo", "mari", "silakan", "tolong", "bapak-bapak",
      "ibu-ibu", "khususnya", "terutama", "akhirnya", "tampaknya", "rupanya", "konon",
      "sayangnya", "untungnya", "intinya", "sebaliknya", "selanjutnya", "berikut", "adapun",
      "yakni", "misalnya", "contohnya", "jadi", "oleh karena", "dengan demikian",
  });
  return words;
}

bool is_function_word(std::string_view key) { return function_words().count(key) > 0; }

static const WordSet& common_capitalized_words() {
  static const WordSet words = make({
      "wni", "wna", "tki", "tkw",  // Indonesian / foreign citizens, migrant workers: no one's name
      "pemprov", "pemkab", "pemkot", "pemda",  // "the provincial government": which one, unsaid
      "senin", "selasa", "rabu", "kamis", "jumat", "sabtu", "minggu", "ahad", "januari",
      "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober",
      "november", "desember", "jan", "feb", "mar", "apr", "jun", "jul", "agu", "agt", "sep",
      "okt", "nov", "des", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
      "sunday", "january", "february", "march", "may", "june", "july", "august", "october",
      "december", "tuhan", "allah", "wib", "wita", "wit", "utc", "gmt", "rp", "usd", "idr",
      "foto", "video", "baca", "lihat", "simak", "klik", "sumber", "editor", "penulis",
      "reporter", "bagikan", "share", "tweet", "komentar", "iklan", "advertisement",
      "breaking", "news", "update", "headline", "halaman", "hlm", "ilustrasi", "dok",
      "istimewa", "net", "ist", "pt", "tbk", "cv", "no", "nomor", "pasal", "ayat", "uu",
      "perppu", "pp", "kuhp", "lebaran", "natal", "ramadan", "ramadhan", "idul", "fitri",
      "adha", "imlek", "islam", "kristen", "katolik", "hindu", "buddha", "muslim", "covid",
      // Acronyms of common nouns, not of any organisation: fuel, draft law, fuel station,
      // identity card, state budget, crime scene, general election, human rights, ...
      "bbm", "ruu", "spbu", "ktp", "stnk", "apbn", "apbd", "umkm", "pns", "asn", "pilkada",
      "pilpres", "pileg", "pemilu", "ham", "hut", "nik", "npwp", "pph", "ppn", "pdb", "gdp", "phk",
      "tkp", "blt", "ihsg", "atm", "sms", "cctv", "gps", "krl", "brt", "tps", "kk",
      "lpg", "bbg", "sdm", "sda", "iptek", "migas", "narkoba", "miras", "ott", "dpo",
  });
  return words;
}

bool is_common_capitalized(std::string_view key) {
  return common_capitalized_words().count(key) > 0;
}

static const WordSet& generic_nouns() {
  static const WordSet words = make({
      "fraksi", "partai", "kantor", "dewan", "kabinet", "otoritas", "istana", "tim", "legislatif",
      "eksekutif", "yudikatif", "paripurna", "pemerintah", "pemerintahan", "negara", "provinsi",
      "kota", "kabupaten", "desa", "daerah", "pusat", "komisi", "badan", "kementerian", "lembaga",
      "pengadilan", "kejaksaan", "kepolisian", "universitas", "fakultas", "sekolah", "rumah",
      "bandara", "pelabuhan", "jalan", "gedung", "presiden", "parlemen", "kongres", "senat",
      "majelis", "mahkamah", "direktorat", "sekretariat", "panitia", "koalisi", "oposisi",
      "hukum", "keamanan", "ekonomi", "politik", "pertahanan", "perdagangan", "keuangan",
      "undang-undang", "peraturan", "keputusan", "instruksi", "surat", "program", "proyek",
      "rapat", "sidang", "konferensi", "pertemuan", "kunjungan", "acara", "lomba", "juara",
      // kinds of body, which alone name none ("Grup", "Klub", "Polda", "Politeknik")
      "grup", "group", "klub", "polda", "polres", "polsek", "polresta", "polrestabes", "dinas",
      "biro", "satuan", "balai", "asosiasi", "politeknik", "akademi", "institut", "perusahaan",
      "korps", "inspektorat", "yayasan", "koperasi", "kedutaan", "konsulat", "himpunan",
      "perhimpunan", "ikatan", "serikat", "persatuan", "federasi",
  });
  return words;
}

bool is_generic_noun(std::string_view key) { return generic_nouns().count(key) > 0; }

static const WordSet& org_tails() {
  static const WordSet words = make({
      "corp", "corporation", "inc", "incorporated", "ltd", "limited", "llc", "plc", "co", "company",
      "pte", "bhd", "sdn",
      "holdings", "holding", "group", "exchange", "airlines", "airways", "tbk", "persero",
      "foundation", "institute", "association", "agency", "network", "studios", "studio",
      "pictures", "motors", "industries", "resources", "capital", "partners", "ventures", "fund",
      "trust", "fc", "bank", "bancorp", "systems", "technologies", "labs", "entertainment",
      // English bodies, forces and outlets: "Free Syrian Army", "Qatar News Agency"
      "army", "front", "brigade", "brigades", "council", "news", "times", "post", "journal", "daily",
      "herald", "tribune", "gazette", "telegraph", "club", "center", "centre", "party", "movement",
      "union", "league", "committee", "organization", "organisation", "ministry", "forces", "force",
      "command", "corps", "brotherhood", "society", "federation", "service", "press", "television",
      "tv", "media", "university", "college", "academy", "patriots", "guard", "police", "office",
  });
  return words;
}

bool is_org_tail(std::string_view key) { return org_tails().count(key) > 0; }

bool is_common_noun(std::string_view key) { return listed_common_words().count(key) > 0; }

bool is_group_cue(std::string_view key) {
  static const WordSet words = make({
      "kelompok", "milisi", "pemberontak", "faksi", "grup", "organisasi", "gerakan", "partai",
      "perusahaan", "harian", "koran", "majalah", "berita", "media", "situs", "televisi",
      "stasiun", "klub", "tim", "jaringan", "sayap", "ormas", "lsm", "yayasan", "maskapai",
      "produsen", "raksasa", "startup", "operator", "bank", "lembaga", "badan", "aliansi",
      "koalisi", "brigade", "batalion", "laskar", "kubu", "geng", "sekte", "markas", "kantor",
  });
  return words.count(key) > 0;
}

bool is_place_cue(std::string_view key) {
  static const WordSet words = make({
      "kota", "desa", "provinsi", "kabupaten", "wilayah", "kawasan", "daerah", "negara", "pulau",
      "negeri", "distrik", "prefektur", "kamp", "pangkalan", "kecamatan", "kelurahan", "dusun",
      "kampung", "region", "perbatasan", "semenanjung", "teluk", "selat", "sungai", "gunung",
      "danau", "lembah", "gurun", "benua", "ibukota", "garnisun", "bagian", "resor", "hotel",
      "bandara", "pelabuhan", "warga", "penduduk", "perairan", "sekitar",
  });
  return words.count(key) > 0;
}

bool is_people_cue(std::string_view key) {
  static const WordSet words = make({
      "etnis", "suku", "kaum", "umat", "bangsa", "muslim", "minoritas", "penganut", "aliran",
      "mazhab", "komunitas", "keturunan", "orang",
  });
  return words.count(key) > 0;
}

bool is_compass_word(std::string_view key) {
  return key == "utara" || key == "selatan" || key == "timur" || key == "barat" || key == "tengah" ||
         key == "tenggara" || key == "daya" || key == "raya" || key == "north" ||
         key == "south" || key == "east" || key == "west" || key == "central";
}

static const WordSet& leader_titles() {
  static const WordSet words = make({
      "presiden", "pemimpin", "raja", "ratu", "kanselir", "perdana", "emir", "sultan", "kaisar",
      "sekjen", "ketua", "diktator", "pm", "president", "leader", "king", "queen", "chancellor",
      "premier", "chairman", "penguasa", "kepala",
  });
  return words;
}

bool is_leader_title(std::string_view key) { return leader_titles().count(key) > 0; }

// "presiden terpilih" (president-elect) holds no office yet.
static const WordSet& not_current_words() {
  static const WordSet words = make({"mantan", "eks", "bekas", "calon", "kandidat", "capres", "cawapres", "former",
                                     "ex", "terpilih", "elect"});
  return words;
}

bool is_not_current(std::string_view key) { return not_current_words().count(key) > 0; }

bool is_balinese_name_word(std::string_view key) {
  static const WordSet words = make({"wayan", "putu", "gede", "made", "kadek", "nengah", "nyoman",
                                     "komang", "ketut", "gusti", "luh", "ayu", "dewa", "ida",
                                     "kade"});
  return words.count(key) > 0;
}

bool opens_two_word_title(std::string_view key, std::string_view next) {
  return key == "putra" && next == "mahkota";
}

static const WordSet& person_titles() {
  static const WordSet words = make({
      "presiden", "wapres", "pemimpin", "raja", "ratu", "pangeran", "putri", "mahkota", "kanselir",
      "perdana", "menteri", "menlu", "menhan", "mendagri", "menkeu", "gubernur", "wagub",
      "bupati", "wabup", "walikota", "wali", "camat", "lurah", "jenderal", "jendral", "letjen",
      "mayjen", "brigjen", "kolonel", "kol", "letkol", "mayor", "kapten", "laksamana", "komjen",
      "letnan", "sersan", "kopral", "prajurit",
      "irjen", "laksma", "laksda", "laksdya", "marsma", "marsda", "marsdya", "pangdam", "danrem",
      "dandim", "kasad", "kasal", "kasau", "danjen",
      "marsekal", "komandan", "panglima", "kapolri", "kapolda", "kapolres", "kapolsek",
      "kasat", "kasubag", "kabid", "kadis", "kombes", "akbp", "kompol", "akp", "iptu", "ipda",
      "aiptu", "aipda", "bripka", "brigadir", "bripda", "briptu", "serka", "sertu", "kopda",
      "duta", "dubes", "juru", "jubir", "direktur", "dirut", "ketua", "sekretaris", "sekjen",
      "wakil", "kepala", "deputi", "komisioner", "analis", "peneliti", "pakar", "ahli", "pengamat", "profesor", "prof",
      "dr", "drs", "dra", "ir", "ing", "h", "hj", "kh", "ustaz", "ustad", "ustadz", "kiai", "kyai",
      "tun", "datuk", "dato", "ajun", "komisaris", "inspektur",
      "habib", "syekh", "sheikh", "syeikh", "emir", "sultan", "bapak", "pak", "ibu", "bu", "tuan", "nyonya", "saudara", "sdr",
      "mr", "mrs", "ms", "miss", "sir", "senator", "diplomat", "hakim", "jaksa", "pengacara",
      "advokat", "wartawan", "jurnalis", "koresponden", "pelatih", "pemain", "penyerang",
      "kiper", "gelandang", "striker", "aktor", "aktris", "artis", "penyanyi", "musisi",
      "sutradara", "pengusaha", "politikus", "politisi", "ekonom", "dosen", "guru", "rektor",
      "dekan", "dokter", "perawat", "tersangka", "terdakwa", "terpidana", "korban", "saksi",
      "pelaku", "warga", "kapten", "anggota", "staf", "pejabat", "diktator", "kaisar", "paus",
      "uskup", "imam", "pendeta", "syaikh", "komisaris", "manajer", "ceo", "pendiri", "founder",
      "president", "minister", "secretary", "spokesman", "spokeswoman", "ambassador",
      "general", "gen", "admiral", "dr", "professor", "chairman", "director", "chief", "bernama",
      "sapaan", "panggilan", "inisial", "menteri", "mendikbud", "menkes", "menag", "menpora",
      "menko", "kapuspen", "karo", "kabag", "kasi", "kades", "kadus", "menhub", "mensos",
      "menaker", "menkominfo", "menkopolhukam", "menkopolkam", "menkumham", "mensesneg", "menpan",
      "menparekraf", "menperin", "mendag", "menkomarves", "menpupr", "menlhk", "menristek", "menkop",
      "menkoperekonomian", "mendikbudristek", "menbud", "menpar", "menteri-menteri", "wamen",
      "wamenlu", "wamenhan", "kabareskrim", "kabaharkam", "kadiv", "kasad", "kasal", "kasau",
      "pangdam", "danrem", "dandim", "ketum", "waketum", "sekum", "capres", "cawapres",
      "cagub", "cawagub", "cabup", "cawabup", "cawalkot", "plt", "pj", "mantan", "eks",
  });
  return words;
}

bool is_person_title(std::string_view key) { return person_titles().count(key) > 0; }

static const WordSet& title_continuations() {
  static const WordSet words = make({
      "luar", "negeri", "dalam", "pertahanan", "keuangan", "besar", "bicara", "jenderal",
      "staf", "umum", "agung", "muda", "utama", "unifikasi", "perdagangan", "energi",
      "kesehatan", "pendidikan", "agama", "sosial", "hukum", "ham", "perhubungan", "pertanian",
      "kelautan", "perikanan", "industri", "investasi", "koordinator", "bidang", "politik",
      "keamanan", "perekonomian", "polhukam", "kebudayaan", "pariwisata", "presiden", "menteri", "negara",
      "sekretaris", "kabinet", "tertinggi", "eksekutif", "pelaksana", "harian", "tetap",
      "khusus", "senior", "tinggi", "distrik", "daerah", "wilayah", "operasi", "regional",
      "nasional", "pusat", "informasi", "humas", "penerangan", "hubungan", "masyarakat",
      "tentara", "militer", "pasukan", "angkatan", "udara", "darat", "laut", "polisi", "resor",
      "sektor",
      "of", "state", "foreign", "affairs", "defence", "defense", "national", "security",
      "executive", "officer", "vice", "chief", "operating", "financial", "managing", "hak", "asasi", "manusia",
      "interim", "terpilih", "sementara", "sumber", "daya", "mineral", "lingkungan", "hidup",
      "kehutanan", "perumahan", "rakyat", "pekerjaan", "riset", "teknologi", "tenaga", "kerja",
      "komunikasi", "digital", "perindustrian", "ketenagakerjaan", "pemuda", "olahraga",
      "perencanaan", "pembangunan", "desa", "transmigrasi", "aparatur", "reformasi", "birokrasi",
      "badan", "usaha", "milik", "koperasi", "kecil", "menengah", "kemaritiman", "maritim",
      "pol", "purn", "purnawirawan",  // "Kombes Pol", "Letjen TNI (Purn)"
  });
  return words;
}

bool is_title_continuation(std::string_view key) { return title_continuations().count(key) > 0; }

static const WordSet& role_nouns() {
  static const WordSet words = make({
      "juru", "bicara", "jubir", "duta", "besar", "dubes", "menteri", "menlu", "analis",
      "peneliti", "pakar", "pengamat", "diplomat", "direktur", "ketua", "sekretaris", "wakil",
      "kepala", "anggota", "staf", "pejabat", "profesor", "dosen", "koresponden", "wartawan",
      "komandan", "panglima", "penasihat", "utusan", "negosiator", "perwakilan",
  });
  return words;
}

bool is_role_noun(std::string_view key) { return role_nouns().count(key) > 0; }

static const WordSet& org_heads() {
  static const WordSet words = make({
      "universitas", "univ", "institut", "politeknik", "akademi", "sekolah", "fakultas", "sma",
      "smp", "sd", "smk", "madrasah", "pesantren", "kementerian", "kemenkes", "kemendikbud",
      "kemenag", "departemen", "dewan", "badan", "komisi", "komite", "majelis", "mahkamah",
      "pengadilan", "kejaksaan", "kejati", "kejari", "kepolisian", "polres", "polresta",
      "polda", "polsek", "polrestabes", "partai", "pt", "cv", "bank", "lembaga", "yayasan",
      "asosiasi", "persatuan", "perhimpunan", "ikatan", "serikat", "organisasi", "kantor",
      "dinas", "biro", "akademi", "rumah", "rs", "rsud", "rsup", "kongres", "parlemen", "senat",
      "angkatan", "tentara", "pasukan", "armada", "korps", "kodam", "kodim", "koramil", "korem",
      "satuan", "satresnarkoba", "satreskrim", "satlantas", "reskrim", "ditreskrimum",
      "ditreskrimsus", "densus", "brimob", "kostrad", "kopassus", "federasi", "liga", "klub",
      "fc", "grup", "group", "perusahaan", "koperasi", "museum", "kedutaan", "kedubes",
      "konsulat", "sekretariat", "direktorat", "inspektorat", "balai", "gerakan", "front",
      "aliansi", "koalisi", "forum", "himpunan", "otoritas", "bursa", "kamar", "pemkot",
      "pemkab", "pemprov", "pemda", "dprd", "kpud", "panitia", "tim", "university", "institute",
      "ministry", "council", "agency", "department", "commission", "committee", "party",
      "corporation", "company", "association", "foundation", "bureau", "college", "school",
      "united", "national", "international", "persis", "persija", "persib", "arema", "psm",
      "uin", "iain", "unair", "unpad", "undip", "ipb", "its", "uns", "unhas", "stikes", "stie",
      "kpp", "lapas", "rutan", "pn", "pt", "kejagung", "kemenkumham", "kemenpan", "bumn",
      "perum", "persero", "pdam", "kadin", "apindo", "pengurus", "pimpinan", "kabinet",
      "observatorium", "laboratorium", "pusat", "brigade", "batalion", "milisi", "laskar",
  });
  return words;
}

bool is_org_head(std::string_view key) { return org_heads().count(key) > 0; }

static const WordSet& location_heads() {
  static const WordSet words = make({
      "kota", "kabupaten", "kab", "provinsi", "prov", "desa", "kelurahan", "kecamatan", "kec",
      "jalan", "jl", "jln", "gang", "pulau", "kepulauan", "gunung", "pegunungan", "sungai",
      "kali", "selat", "laut", "teluk", "danau", "pantai", "bandara", "bandar", "pelabuhan",
      "stasiun", "terminal", "kampung", "dusun", "distrik", "semenanjung", "tanjung", "lembah",
      "hutan", "taman", "lapangan", "stadion", "alun-alun", "masjid", "gereja", "pura",
      "candi", "pasar", "simpang", "bukit", "ngarai", "samudra", "samudera", "benua",
      "kawasan", "wilayah", "daerah", "negara", "negeri", "tol", "pangkalan", "kamp", "hotel", "perumahan", "komplek",
      "kompleks", "blok", "rt", "rw", "gedung", "istana", "wisma", "menara", "plaza", "tugu", "monumen", "city", "island", "river", "mount", "lake", "street",
  });
  return words;
}

bool is_location_head(std::string_view key) { return location_heads().count(key) > 0; }

static const WordSet& event_heads() {
  static const WordSet words = make({
      "perang", "konferensi", "ktt", "piala", "festival", "olimpiade", "kongres", "muktamar",
      "munas", "musyawarah", "pekan", "hari", "tragedi", "peristiwa", "revolusi", "krisis",
      "sidang", "forum", "pameran", "kejuaraan", "turnamen", "liga", "operasi", "operation", "latihan",
  });
  return words;
}

bool is_event_head(std::string_view key) { return event_heads().count(key) > 0; }

static const WordSet& kin_words() {
  static const WordSet words = make({
      "ayah", "ayahnya", "bapaknya", "ibunya", "anak", "anaknya", "putra", "putranya", "putri",
      "putrinya", "istri", "istrinya", "suami", "suaminya", "saudara", "saudaranya", "adik",
      "adiknya", "kakak", "kakaknya", "paman", "pamannya", "bibi", "kakek", "kakeknya", "nenek",
      "cucu", "cucunya", "keponakan", "sepupu", "mertua", "menantu", "father", "mother", "son",
      "daughter", "wife", "husband", "brother", "sister",
  });
  return words;
}

bool is_kin_word(std::string_view key) { return kin_words().count(key) > 0; }

bool is_urging_verb(std::string_view key) {
  return key == "mendesak" || key == "menyerukan" || key == "mengimbau" || key == "mendorong" ||
         key == "menuntut" || key == "menyarankan" || key == "mengusulkan";
}

static const WordSet& reporting_verbs() {
  static const WordSet words = make({
      "kata", "ujar", "ungkap", "tutur", "jelas", "imbuh", "tambah", "tegas", "sebut", "papar",
      "terang", "ucap", "katanya", "ujarnya", "ungkapnya", "tuturnya", "jelasnya", "imbuhnya",
      "tambahnya", "tegasnya", "sebutnya", "paparnya", "terangnya", "ucapnya", "mengatakan",
      "menyatakan", "menegaskan", "menjelaskan", "mengungkapkan", "menuturkan", "menambahkan",
      "menyebut", "menyebutkan", "memaparkan", "menerangkan", "berkata", "bilang", "said",
      "says", "told",
  });
  return words;
}

bool is_reporting_verb(std::string_view key) { return reporting_verbs().count(key) > 0; }

static const WordSet& referring_words() {
  static const WordSet words = make({"ia", "dia", "sang", "kedua", "beliau", "negara", "negeri",
                                     "keduanya"});
  return words;
}

bool refers_back(std::string_view key) { return referring_words().count(key) > 0; }

std::vector<std::string_view> listed_words() {
  std::vector<std::string_view> words;
  for (const WordSet* set :
       {&function_words(), &common_capitalized_words(), &generic_nouns(), &org_tails(),
        &listed_common_words(), &leader_titles(), &not_current_words(), &person_titles(),
        &title_continuations(), &role_nouns(), &org_heads(), &location_heads(), &event_heads(),
        &kin_words(), &reporting_verbs(), &referring_words()})
    set->for_each([&words](std::string_view w) { words.push_back(w); });
  return words;
}

bool is_locative_preposition(std::string_view key) {
  return key == "di" || key == "ke" || key == "dari" || key == "menuju" || key == "in" ||
         key == "at";
}

bool looks_inflected(std::string_view key) {
  if (key.size() < 6) return false;
  if (ends_with(key, "wan") || ends_with(key, "yan")) return false;  // Setiawan, Sofyan
  if (key.size() >= 7 && ends_with(key, "an")) return true;         // hubungan, penjajahan
  // The suffixes once, then the prefixes (which all start with one of "mbtpdks").
  const bool kan_nya_lah = ends_with(key, "kan") || ends_with(key, "nya") || ends_with(key, "lah");
  const bool suffixed = kan_nya_lah || ends_with(key, "an") || ends_with(key, "i");
  // The longest prefix that opens the word: meN- (meng, meny, mem, men), ber-, ter-, per-,
  // di-, ke-, se-, pe-. A bare three-letter one other than per- marks it; a short one only
  // with a suffix.
  const char c0 = key[0], c1 = key[1], c2 = key[2];
  size_t prefix = 0;
  if (c0 == 'm' && c1 == 'e' && (c2 == 'm' || c2 == 'n')) {
    prefix = 3;
  } else if (c1 == 'e' && c2 == 'r' && (c0 == 'b' || c0 == 't')) {
    prefix = 3;
  } else if (c0 == 'p' && c1 == 'e') {
    prefix = c2 == 'r' ? 0 : 2;  // "per" marks only with a suffix, like "pe"
    if (c2 == 'r' && suffixed) return true;
  } else if ((c0 == 'd' && c1 == 'i') || (c0 == 'k' && c1 == 'e') || (c0 == 's' && c1 == 'e')) {
    prefix = 2;
  }
  if (prefix == 3) return true;
  if (prefix == 2 && suffixed) return true;
  return kan_nya_lah;
}

bool looks_like_verb(std::string_view key) {
  static const WordSet not_verbs = make({"menteri", "mereka", "media", "melalui", "menurut", "mengenai", "menuju",
                                         "menjelang", "memang", "meski", "meskipun", "merdeka", "menit", "mesin",
                                         "metode", "meter", "merah", "mewah", "melayu", "mendiang", "menantu",
                                         "menara", "meriam", "mentah", "menengah", "mancanegara"});
  if (key.size() < 6 || key[0] != 'm' || key[1] != 'e' || not_verbs.count(key)) return false;
  const char third = key[2];
  return third == 'm' || third == 'n' || third == 'l' || third == 'r' || third == 'w' || third == 'y';
}

}  // namespace newsgraph::ingest::lexicon
