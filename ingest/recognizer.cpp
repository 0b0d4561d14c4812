#include "ingest/recognizer.h"

#include <algorithm>

#include "core/fnv.h"
#include "ingest/lexicon.h"
#include "ingest/name_bounds.h"
#include "ingest/name_typing.h"

namespace newsgraph::ingest {
namespace {

bool is_name_connector(std::string_view key) {
  return key == "bin" || key == "binti" || key == "van" || key == "von" || key == "der" ||
         key == "de" || key == "da" || key == "al" || key == "el" || key == "la" || key == "del" ||
         key == "dos" || key == "du" || key == "ibn" || key == "bt" || key == "of" || key == "for" ||
         key == "and" || key == "&";
}

// The particles inside a person's name ("bin", "Al", "van"), not "and" or "of".
bool is_name_particle(std::string_view key) {
  return is_name_connector(key) && key != "and" && key != "of" && key != "for" && key != "&";
}

bool is_faith_word(std::string_view key) {
  return key == "islam" || key == "kristen" || key == "katolik" || key == "hindu" || key == "buddha" ||
         key == "muslim";
}

class Recognizer {
 public:
  Recognizer(Analysis& a, const Gazetteer& g) : a_(a), g_(g), inner_caps_(reused_inner_caps()) {
    inner_caps_.clear();
  }

  void run() {
    collect_inner_capitals();
    for (uint32_t s = 0; s < a_.sentences.size(); ++s) sentence(s);
    drop_words_seen_lowercase();
  }

 private:
  // Words seen capitalised away from a sentence start: evidence they are names.
  void collect_inner_capitals() {
    for (const auto& s : a_.sentences) {
      if (s.title || s.headline) continue;
      for (uint32_t i = s.first + 1; i < s.last; ++i) {
        const Token& t = a_.tokens[i];
        if (t.is_word() && t.upper_initial && !is_sentence_start(s, i))
          inner_caps_.push_back(fnv1a(t.word()));
      }
    }
    std::sort(inner_caps_.begin(), inner_caps_.end());
    inner_caps_.erase(std::unique(inner_caps_.begin(), inner_caps_.end()), inner_caps_.end());
  }

  bool seen_capitalised_inside(std::string_view key) const {
    return std::binary_search(inner_caps_.begin(), inner_caps_.end(), fnv1a(key));
  }

  // A one-word name that nothing typed, whose word the article also writes in
  // lowercase, is a common word ("Kinerja", "Timur" in a heading): its mentions go.
  // O(tokens × such names), and only when there are any.
  void drop_words_seen_lowercase() {
    std::vector<std::string_view> keys;
    for (const auto& m : a_.mentions) {
      if (m.guessed && m.last - m.first == 1) keys.push_back(a_.tokens[m.first].key);
    }
    if (keys.empty()) return;
    // A 64-bit sketch of (length, first letter) turns away most words without comparing.
    auto bit = [](std::string_view k) { return uint64_t{1} << ((k.size() * 7 + static_cast<unsigned char>(k[0])) & 63); };
    uint64_t sketch = 0;
    for (std::string_view k : keys) sketch |= bit(k);
    std::vector<std::string_view> common;
    for (const Token& t : a_.tokens) {
      if (!t.is_word() || t.upper_initial || t.all_upper || !(sketch & bit(t.key))) continue;
      for (std::string_view k : keys) {
        if (t.key.size() == k.size() && t.key == k) common.push_back(k);
      }
    }
    if (common.empty()) return;
    auto& ms = a_.mentions;
    ms.erase(std::remove_if(ms.begin(), ms.end(),
                            [&](const NameMention& m) {
                              return m.guessed && m.last - m.first == 1 &&
                                     std::find(common.begin(), common.end(), a_.tokens[m.first].key) != common.end();
                            }),
             ms.end());
  }

  // First word of the sentence, or of a quotation or a clause after a colon.
  bool is_sentence_start(const SentenceInfo& s, uint32_t i) const {
    if (i > s.first) {
      const Token& prev = a_.tokens[i - 1];
      if (prev.kind == TokenKind::kPunct && (prev.word() == "\"" || prev.word() == ":" || prev.word() == "(")) return true;
    }
    for (uint32_t k = s.first; k < i; ++k) {
      const Token& t = a_.tokens[k];
      if (t.is_word() || t.kind == TokenKind::kNumber) return false;
    }
    return true;
  }

  void sentence(uint32_t s) {
    const SentenceInfo& info = a_.sentences[s];
    uint32_t i = info.first;
    while (i < info.last) {
      const Token& t = a_.tokens[i];
      if (!t.is_word()) {
        ++i;
        continue;
      }
      auto m = g_.longest_match(a_.tokens, i, info.last);
      if (m && names_another_countrys_body(*m, i, info.last)) m.reset();
      // "Komisi XI": a numeral after a capitalised word is no one's name ("Xi").
      if (m && m->tokens == 1 && is_roman_numeral(t) && i > info.first && a_.tokens[i - 1].upper_initial) m.reset();
      if (m) {
        const auto& e = g_.entry(m->entry);
        NameMention nm;
        nm.first = i;
        nm.last = i + m->tokens;
        nm.sentence = s;
        nm.type = e.type;
        nm.gazetteer = static_cast<int32_t>(m->entry);
        nm.metonym = m->metonym;
        continue_known_name(nm, info.last);
        a_.mentions.push_back(nm);
        i = nm.last;
        continue;
      }
      if (!t.upper_initial) {
        ++i;
        continue;
      }
      i = capitalised_run(s, i);
    }
  }

  // Whether a known institution's name is followed by another country's name, so that
  // together they name that country's institution: "Kementerian Perdagangan" is
  // Indonesia's, "Kementerian Perdagangan Laos" is Laos's and is read as a new name.
  bool names_another_countrys_body(const GazetteerMatch& m, uint32_t i, uint32_t end) const {
    const GazetteerEntry& body = g_.entry(m.entry);
    if (body.type != EntityType::kOrganization || body.part_of.empty() ||
        !lexicon::is_org_head(a_.tokens[i]))
      return false;
    auto next = g_.longest_match(a_.tokens, i + m.tokens, end);
    if (!next || next->metonym) return false;
    const GazetteerEntry& country = g_.entry(next->entry);
    return country.type == EntityType::kCountry && country.id != body.part_of;
  }

  // A known name that a longer name continues: a compass word after a place ("Afrika
  // Utara"), a body's name that opens with a person's or a place's and ends with a
  // body's ending ("Trump National Golf Club", "Qatar News Agency").
  // The mention then names a new entity of its own.
  void continue_known_name(NameMention& nm, uint32_t end) const {
    const GazetteerEntry& e = g_.entry(static_cast<uint32_t>(nm.gazetteer));
    const auto& t = a_.tokens;
    uint32_t k = nm.last;
    if ((e.type == EntityType::kCountry || e.type == EntityType::kLocation) && !nm.metonym && k < end &&
        t[k].upper_initial && lexicon::is_compass_word(t[k].key) && !g_.longest_match(t, k, end)) {
      nm.last = k + 1;
      nm.gazetteer = -1;
      nm.type = EntityType::kLocation;
      return;
    }
    // "PT Bank Central Asia Tbk": a company's legal suffix is part of its name.
    if (e.type == EntityType::kOrganization && k < end && t[k].upper_initial &&
        (t[k].key == "tbk" || t[k].key == "persero")) {
      nm.last = k + 1;
      return;
    }
    if (e.type == EntityType::kEvent || e.type == EntityType::kTopic) return;
    // "Salman bin Abdulaziz Al Saud": the rest of a known person's name after a connector.
    if (e.type == EntityType::kPerson) {
      uint32_t j = k;
      while (j + 1 < end && t[j].is_word() && is_name_particle(t[j].key) &&
             t[j + 1].upper_initial && !g_.longest_match(t, j + 1, end)) {
        j += 2;
        while (j < end && t[j].is_word() && t[j].upper_initial &&
               !lexicon::is_common_capitalized(t[j]))
          ++j;
      }
      if (j > k) {
        nm.last = j;
        return;
      }
    }
    // "Pertamina Energy Services Pte. Ltd": a company named after its parent.
    while (k < end && ((t[k].is_word() && t[k].upper_initial &&
                        (!lexicon::is_common_capitalized(t[k]) || lexicon::is_org_tail(t[k]))) ||
                       abbreviation_dot_in_name(k, end)))
      ++k;
    if (k > nm.last && !t[k - 1].is_word()) --k;  // a dot that ends the name ends the sentence's word
    if (k > nm.last && lexicon::is_org_tail(t[k - 1])) {
      nm.last = k;
      nm.gazetteer = -1;
      nm.type = EntityType::kOrganization;
    }
  }

  // Whether token k is the dot of a company's abbreviated legal form with another after
  // it: "Pte. Ltd", "Sdn. Bhd", "Co. Ltd".
  bool abbreviation_dot_in_name(uint32_t k, uint32_t end) const {
    const auto& t = a_.tokens;
    return k > 0 && k + 1 < end && t[k].is_punct('.') && !t[k].space_before && lexicon::is_org_tail(t[k - 1]) &&
           t[k + 1].upper_initial && lexicon::is_org_tail(t[k + 1]);
  }

  // Title phrase starting at i ("Menteri Luar Negeri", "Juru bicara"): returns the index
  // after it, or i when there is none.
  uint32_t skip_title(uint32_t i, uint32_t end) const {
    const bool two_word = i + 1 < end && lexicon::opens_two_word_title(a_.tokens[i].key, a_.tokens[i + 1].key);
    if (!two_word && !lexicon::is_person_title(a_.tokens[i])) return i;
    uint32_t j = i + 1;
    auto continues = [&](uint32_t k) {
      return k < end && a_.tokens[k].is_word() &&
             (is_title_continuation(a_.tokens[k]) || lexicon::is_person_title(a_.tokens[k]));
    };
    while (continues(j) ||
           // "Menteri Energi dan Sumber Daya Mineral", "Menko Politik, Hukum dan Keamanan"
           (j > i + 1 && j < end && (a_.tokens[j].word() == "dan" || a_.tokens[j].word() == ",") &&
            continues(j + 1)) ||
           // "Menko Politik, Hukum, dan Keamanan"
           (j > i + 1 && j + 1 < end && a_.tokens[j].word() == "," && a_.tokens[j + 1].word() == "dan" &&
            continues(j + 2)))
      ++j;
    return j;
  }

  uint32_t capitalised_run(uint32_t s, uint32_t i) {
    const SentenceInfo& info = a_.sentences[s];
    const uint32_t end = info.last;
    // "US$", "S$", "HK$": a currency, not a name.
    if (i + 1 < end && a_.tokens[i + 1].word() == "$" && !a_.tokens[i + 1].space_before) return i + 2;
    // Titles and other non-names at the front are cues, not part of the name.
    if (uint32_t after = skip_generic_place_noun(a_, g_, i, end); after != i) return after;  // before "Ibu" is a title
    uint32_t after_title = skip_title(i, end);
    if (after_title != i) return after_title;
    uint32_t after_plural = skip_reduplicated(a_, i, end);
    if (after_plural != i) return after_plural;
    const bool org_head = lexicon::is_org_head(a_.tokens[i]);
    const bool place_head = lexicon::is_location_head(a_.tokens[i]);
    const bool joined_next = i + 1 < end && a_.tokens[i + 1].hyphen_before &&  // "Mar-a-Lago" is no month,
                             !lexicon::is_common_capitalized(a_.tokens[i + 1]);  // "Senin-Jumat" a range
    if (is_not_name(a_.tokens[i]) && !joined_next && !org_head && !place_head) return i + 1;
    bool initial = is_sentence_start(info, i);
    // A capitalised common word opening the sentence ("Laporan Observatorium ...") is
    // no part of the name after it, which starts a run of its own.
    if (initial && i + 1 < end && a_.tokens[i + 1].upper_initial && !seen_capitalised_inside(a_.tokens[i].key) &&
        (lexicon::looks_inflected(a_.tokens[i].key) || lexicon::is_common_noun(a_.tokens[i])) && !org_head &&
        !place_head)
      return i + 1;
    uint32_t j = i + 1;
    while (j < end) {
      const Token& t = a_.tokens[j];
      if (t.is_word() && t.hyphen_before) {
        ++j;
        continue;
      }
      // A second institution inside a body's name is a name of its own ("Fakultas
      // Ekonomi Universitas Indonesia"), and so is a known person after it.
      if (t.is_word() && t.upper_initial && j - i >= 2 && opens_institution(t.key) &&
          org_head)
        break;
      if (t.is_word() && t.upper_initial && !is_roman_numeral(t) && org_head &&
          j - i >= 2 && (a_.tokens[j - 1].all_upper || known_name_ends_at(a_, g_, i + 1, j))) {
        // only once the body is named in full ("Dewan Pembina Partai Demokrat"), not
        // inside it ("Universitas Bung Karno", "Stadion Gelora Bung Karno")
        auto known = g_.longest_match(a_.tokens, j, end);
        if (known && g_.entry(known->entry).type == EntityType::kPerson) break;
      }
      // "News" and "Muslim" are chrome or faith words alone, but inside a run ending a
      // body's name they belong to it ("Qatar News Agency").
      const bool tail_word = t.is_word() && t.upper_initial &&
                             (lexicon::is_org_tail(t) ||
                              // "Himpunan Mahasiswa Islam", "Komnas HAM": faiths and acronyms inside a body's name
                              (org_head && (t.all_upper || is_faith_word(t.key))) ||
                              // "RS Sumber Waras": inside a body's name
                              (org_head && j + 1 < end && a_.tokens[j + 1].upper_initial &&
                               !lexicon::is_common_capitalized(a_.tokens[j + 1])));
      if (t.is_word() && t.upper_initial && (!lexicon::is_common_capitalized(t) || tail_word)) {
        // Stop before a known name unless this run is an organisation or place with a
        // head word ("Kementerian Luar Negeri Jepang", "Kota Bandung").
        if (!org_head && !place_head &&
            stops_before_known_name(i, j, end))
          break;
        ++j;
        continue;
      }
      if (t.is_word() && is_name_connector(t.key) && j + 1 < end && a_.tokens[j + 1].upper_initial) {
        ++j;
        continue;
      }
      // "dan" inside an institution's name: "Dinas Kependudukan dan Catatan Sipil",
      // "Kementerian Energi dan Sumber Daya Mineral".
      if (t.is_word() && t.word() == "dan" && org_head && j - i >= 2 && j + 1 < end &&
          a_.tokens[j + 1].upper_initial && !g_.longest_match(a_.tokens, j + 1, end) &&
          !lexicon::is_org_head(a_.tokens[j + 1])) {  // "PT A dan PT B" are two
        ++j;
        continue;
      }
      // "bidang" inside a body's name: "Kementerian Koordinator bidang Kemaritiman".
      if (t.is_word() && t.word() == "bidang" && org_head && j + 1 < end &&
          a_.tokens[j + 1].upper_initial) {
        ++j;
        continue;
      }
      // "untuk" inside a body's name: "Observatorium Suriah untuk Hak Asasi Manusia",
      // but not before a country ("Utusan Khusus PBB untuk Suriah").
      if (t.is_word() && (t.word() == "untuk" || t.word() == "bagi") && org_head &&
          j - i >= 2 && j + 2 < end && a_.tokens[j + 1].upper_initial && a_.tokens[j + 2].upper_initial &&
          !g_.longest_match(a_.tokens, j + 1, end)) {
        ++j;
        continue;
      }
      if (t.kind == TokenKind::kPunct && t.word() == "." && !t.space_before &&
          a_.tokens[j - 1].key.size() <= 2 && j + 1 < end && a_.tokens[j + 1].upper_initial) {
        ++j;  // initials: "B.J. Habibie", "M. Hendra"
        continue;
      }
      if (abbreviation_dot_in_name(j, end)) {
        ++j;  // "Kernel Oil Pte. Ltd"
        continue;
      }
      if (t.kind == TokenKind::kNumber && org_head) {
        ++j;  // "SMA 1", "Polsek 2" keep their number
        continue;
      }
      break;
    }
    uint32_t first = i;
    // A sentence-initial word that is not known to be a name elsewhere is just a
    // capitalised common word ("Menyampaikan", "Khususnya").
    if (initial && !seen_capitalised_inside(a_.tokens[first].key)) {
      // An acronym ("(SSRC)", "PBB menolak") is never a common word capitalised.
      // "Kata Bambang, ...": a reporting verb opening the sentence is no part of a name.
      bool weak = !a_.tokens[first].all_upper &&
                  (j - first == 1 ? !is_subject_of_verb(a_, first, end)
                                  : lexicon::looks_inflected(a_.tokens[first].key) ||
                                        lexicon::is_reporting_verb(a_.tokens[first]));
      if (weak && !lexicon::is_org_head(a_.tokens[first]) && !lexicon::is_location_head(a_.tokens[first])) {
        ++first;
        while (first < j && !a_.tokens[first].upper_initial) ++first;
      }
    }
    if (first >= j) return j;
    if (info.headline || info.title) {
      for (uint32_t k = first; k < j; ++k) {
        if (a_.tokens[k].is_word() && !seen_capitalised_inside(a_.tokens[k].key)) return j;
      }
    }
    // Trailing connectors ("Kementerian Energi dan" cut short) or dots are not part of
    // the name; a run that was nothing else ("Van" alone) is no name at all.
    const uint32_t run_end = j;
    while (j > first && (!a_.tokens[j - 1].is_word() || a_.tokens[j - 1].word() == "dan" ||
                         a_.tokens[j - 1].word() == "untuk" || is_name_connector(a_.tokens[j - 1].key)))
      --j;
    if (j == first) return run_end;
    // A lone word that is a common word, an inflected form, a generic noun or a single
    // letter ("PDI-P" leaves "P"; "Ayat B") is not a name on its own.
    const bool speaks = j < end && a_.tokens[j].is_word() && lexicon::is_reporting_verb(a_.tokens[j]);
    if (j - first == 1 &&
        (a_.tokens[first].key.size() == 1 || is_not_name(a_.tokens[first]) ||
         lexicon::is_generic_noun(a_.tokens[first]) ||
         lexicon::is_common_noun(a_.tokens[first]) ||
         lexicon::is_org_tail(a_.tokens[first]) ||
         lexicon::is_event_head(a_.tokens[first]) ||    // "KTT", "Piala" alone
         lexicon::is_person_title(a_.tokens[first]) ||  // "PM" alone
         lexicon::is_leader_title(a_.tokens[first]) || is_roman_numeral(a_.tokens[first]) ||
         is_code(a_.tokens[first]) || (!speaks && lexicon::looks_inflected(a_.tokens[first].key))))
      return j;
    // A run of legal forms or of title words alone ("Pte. Ltd", "Managing Director") names
    // no one.
    if (only_words_of(first, j, [](const Token& t) { return lexicon::is_org_tail(t); }) ||
        only_words_of(first, j, [](const Token& t) {
          return lexicon::is_person_title(t) || is_title_continuation(t);
        }))
      return j;
    if (auto split = split_title_body_person(a_, g_, info, first, j)) {
      add_mention(s, first, split->body_last, split->body_type);
      add_mention(s, split->person_first, j, EntityType::kPerson);
      return j;
    }
    add_unknown(s, first, j);
    return j;
  }

  void add_mention(uint32_t s, uint32_t first, uint32_t last, EntityType type) {
    NameMention nm;
    nm.first = first;
    nm.last = last;
    nm.sentence = s;
    nm.type = type;
    a_.mentions.push_back(nm);
  }

  // Adds the name tokens[first, last) with the type its context gives, unless it has no
  // evidence and is only common words ("Kerja Sama", "Pusat Studi").
  void add_unknown(uint32_t s, uint32_t first, uint32_t last) {
    NameMention nm;
    nm.first = first;
    nm.last = last;
    nm.sentence = s;
    if (auto defined = type_from_definition(a_, a_.sentences[s], last)) {
      nm.type = *defined;
      nm.defined = true;
    } else {
      nm.type = type_from_context(a_, g_, a_.sentences[s], first, last, &nm.guessed);
    }
    if (nm.guessed && only_common_words(first, last)) return;
    // A title before common nouns ("Pengamat Pemberantasan Korupsi") names a field, no one.
    if (nm.type == EntityType::kPerson && only_dictionary_nouns(first, last)) return;
    a_.mentions.push_back(nm);
  }

  template <class Test>
  bool only_words_of(uint32_t first, uint32_t last, Test&& test) const {
    for (uint32_t k = first; k < last; ++k) {
      if (a_.tokens[k].is_word() && !test(a_.tokens[k])) return false;
    }
    return true;
  }

  // Two words or more, each a common or generic noun, a function word or an inflected
  // word, and one at least a noun of the lexicon ("Pemberantasan Korupsi"; a word that
  // only looks inflected is no noun: "Sutarman", "Perlman" are names).
  bool only_dictionary_nouns(uint32_t first, uint32_t last) const {
    int words = 0, nouns = 0;
    for (uint32_t k = first; k < last; ++k) {
      const Token& t = a_.tokens[k];
      if (!t.is_word()) continue;
      ++words;
      if (lexicon::is_common_noun(t) || lexicon::is_generic_noun(t)) ++nouns;
      else if (!lexicon::is_function_word(t) && !lexicon::looks_inflected(t.key)) return false;
    }
    return words >= 2 && nouns >= 1;
  }

  bool only_common_words(uint32_t first, uint32_t last) const {
    for (uint32_t k = first; k < last; ++k) {
      const Token& t = a_.tokens[k];
      if (!t.is_word() || t.hyphen_before) continue;
      if (!lexicon::is_common_noun(t) && !lexicon::looks_inflected(t.key) && !lexicon::is_generic_noun(t) &&
          !is_title_continuation(t) && !lexicon::is_function_word(t) && !is_roman_numeral(t))
        return false;
    }
    return true;
  }

  // Whether a run that started at i stops before the known name at j. It runs on into
  // a one-word body name after two words of its own ("Ulchi Freedom Guardian").
  bool stops_before_known_name(uint32_t i, uint32_t j, uint32_t end) const {
    auto m = g_.longest_match(a_.tokens, j, end);
    if (!m) return false;
    const bool last_word = m->tokens == 1 && (j + 1 >= end || !a_.tokens[j + 1].upper_initial);
    return !(last_word && j - i >= 2 && !a_.tokens[j].all_upper &&
             g_.entry(m->entry).type == EntityType::kOrganization);
  }

  Analysis& a_;
  const Gazetteer& g_;
  // Hashes (fnv1a) of the words seen capitalised inside sentences; sorted, unique: they
  // sort without comparing text. Per thread, so that the array's memory is reused from
  // article to article.
  static std::vector<uint64_t>& reused_inner_caps() {
    thread_local std::vector<uint64_t> caps;
    return caps;
  }
  std::vector<uint64_t>& inner_caps_;
};

}  // namespace

bool is_title_continuation(std::string_view key) { return lexicon::is_title_continuation(key); }

uint32_t rank_end(const std::vector<Token>& tokens, uint32_t from, uint32_t end) {
  if (from >= end || !lexicon::is_person_title(tokens[from])) return from;
  uint32_t k = from + 1;
  while (k < end && (lexicon::is_person_title(tokens[k]) || is_title_continuation(tokens[k]) ||
                     (tokens[k].is_punct('.') && lexicon::is_person_title(tokens[k - 1]))))
    ++k;
  return k;
}

void recognize(Analysis& analysis, const Gazetteer& gazetteer) {
  Recognizer(analysis, gazetteer).run();
}

}  // namespace newsgraph::ingest
