#include "ingest/cleaner.h"

#include <cstring>
#include <string>

#include "core/dates.h"
#include "core/text.h"
#include "core/utf8.h"
#include "ingest/lexicon.h"
#include "ingest/tokenizer.h"

namespace newsgraph::ingest {
namespace {

// Trims ASCII and Unicode white space (NBSP, thin spaces) from both ends.
void trim(std::string_view text, uint32_t& start, uint32_t& end) {
  while (start < end) {
    char32_t cp;
    size_t len = utf8::decode(text, start, cp);
    if (!utf8::is_space(cp)) break;
    start += static_cast<uint32_t>(len);
  }
  while (end > start) {
    uint32_t back = end - 1;
    while (back > start && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
    char32_t cp;
    utf8::decode(text, back, cp);
    if (!utf8::is_space(cp)) break;
    end = back;
  }
}

bool starts_with_folded(const std::string& folded, std::string_view prefix) {
  return folded.size() >= prefix.size() && folded.compare(0, prefix.size(), prefix) == 0;
}

// The start of `line`, at most `bytes` long, cut at a character boundary.
std::string_view head(std::string_view line, size_t bytes) {
  if (line.size() <= bytes) return line;
  while (bytes > 0 && (static_cast<unsigned char>(line[bytes]) & 0xC0) == 0x80) --bytes;
  return line.substr(0, bytes);
}

bool is_chrome(std::string_view line) {
  thread_local std::string folded;
  text::fold_key_into(head(line, 40), folded);  // the longest prefix is 18 letters
  static const std::string_view kPrefixes[] = {
      "bagikan", "share", "baca juga", "baca ", "lihat juga", "simak juga", "simak video",
      "sumber", "editor", "penulis", "reporter", "pewarta", "foto", "ilustrasi", "waktu baca",
      "tinggalkan balasan", "alamat email anda", "komentar", "copyright", "hak cipta",
      "advertisement", "scroll to continue", "dapatkan update", "ikuti kami", "follow us",
      "klik di sini", "tags", "tag", "artikel terkait", "berita terkait", "download aplikasi",
      "gabung", "kirim komentar", "kolom komentar", "ruas yang wajib", "lanjut baca",
      "loading", "tonton juga", "saksikan juga", "related", "read more"};
  const char first = folded.empty() ? '\0' : folded[0];
  for (auto p : kPrefixes) {
    if (first == p[0] && starts_with_folded(folded, p)) {
      // "Sumber daya ..." or "Foto-foto itu ..." are sentences, not chrome: chrome lines
      // are short or carry a colon early.
      if (line.size() < 90 || line.substr(0, 24).find(':') != std::string_view::npos) return true;
    }
  }
  // A line with no letter at all ("(***)", "* * *"), or a bracketed credit line.
  bool letter = false;
  for (char c : line) {
    if ((c | 0x20) >= 'a' && (c | 0x20) <= 'z') {
      letter = true;
      break;
    }
  }
  if (!letter) return true;
  if (line.front() == '(' && line.back() == ')' && line.size() < 80) return true;
  if (line.rfind("\xE2\x80\xA2", 0) == 0) return true;  // a bullet: "• Siap.Viva.co.id : ..."
  return false;
}

// Whether the line's last character is a full stop, ellipsis, colon or quote.
bool ends_like_a_sentence(std::string_view text, uint32_t start, uint32_t end) {
  uint32_t back = end - 1;
  while (back > start && (static_cast<unsigned char>(text[back]) & 0xC0) == 0x80) --back;
  char32_t cp;
  utf8::decode(text, back, cp);
  return cp == '.' || cp == ':' || cp == 0x2026 || utf8::is_quote(cp);
}

// Title case with no sentence-final punctuation: "Begini Tampang Panik Panglima ...".
bool looks_like_headline(std::string_view text, uint32_t start, uint32_t end) {
  if (end - start > 240) return false;  // headlines are short
  if (ends_like_a_sentence(text, start, end)) return false;  // without tokenizing it
  const TokenList toks = tokenize(text, start, end);
  int words = 0, capitalised = 0;
  for (const Token& t : toks) {
    if (!t.is_word()) continue;
    if (t.hyphen_before) continue;
    ++words;
    if (t.upper_initial) ++capitalised;
    else if (lexicon::is_function_word(t)) --words;  // small words stay lowercase in titles
  }
  if (words < 4) return false;
  const Token& last = toks.back();
  if (last.kind == TokenKind::kPunct && (last.word() == "." || last.word() == "\"" || last.word() == ":"))
    return false;
  return capitalised * 10 >= words * 8;
}

// A first line that is a long sentence is the article's lead, not its title.
bool looks_like_body(std::string_view line) {
  if (line.size() < 160) return false;
  char last = line.back();
  return last == '.' || last == '"' || static_cast<unsigned char>(last) == 0x9D;  // ” ends in 0x9D
}

bool is_separator(const Token& t) {
  return t.kind == TokenKind::kPunct && (t.word() == "-" || t.word() == "|" || t.word() == ":");
}

bool is_capitalised(const Token& t) { return t.is_word() && (t.upper_initial || t.all_upper); }

// A name in a dateline from toks[i]: up to three capitalised words, hyphen-joined parts
// and web addresses ("Kuala Lumpur", "KOMPAS.com", "Viva.co.id"). Returns the index
// after it, or i when there is none.
size_t dateline_name(const std::vector<Token>& toks, size_t i) {
  size_t j = i, words = 0;
  while (j < toks.size() && words < 3) {
    const Token& t = toks[j];
    if (is_capitalised(t) || (t.is_word() && t.hyphen_before && j > i) || (t.kind == TokenKind::kNumber && j > i)) {
      ++words;
      ++j;
    } else if (t.is_punct('.') && j > i && !t.space_before && j + 1 < toks.size() && toks[j + 1].is_word() &&
               !toks[j + 1].space_before) {
      j += 2;  // ".com", ".co", ".net"
    } else {
      break;
    }
  }
  return words == 0 ? i : j;
}

// A date in a dateline from toks[i] ("14/9/2023", "Kamis, 14/9/2023", "14 September
// 2023"): the index after its longest run of up to eight tokens that reads as a date, or i.
size_t dateline_date(std::string_view text, const std::vector<Token>& toks, size_t i) {
  if (i >= toks.size() || (toks[i].kind != TokenKind::kNumber && !is_capitalised(toks[i]))) return i;
  size_t after = i;
  for (size_t k = i + 1; k <= toks.size() && k <= i + 8; ++k) {
    if (dates::parse(text.substr(toks[i].start, toks[k - 1].end - toks[i].start))) after = k;
  }
  return after;
}

// Length in bytes of a dateline at the start of [start, end), 0 if none. A dateline is
// a place, perhaps a region or an outlet after commas, perhaps an outlet in brackets,
// perhaps a date after a comma or in brackets ("JAKARTA, KOMPAS.com (14/9/2023) -"),
// then dashes, bars or a colon; twice at most: "JAKARTA -", "Jakarta, CNN Indonesia --",
// "Samarinda, Kalimantan Timur (ANTARA News) -", "Seoul | EGINDO.co –", "Suara.com -".
uint32_t dateline_length(std::string_view text, uint32_t start, uint32_t end) {
  const TokenList toks = tokenize(text, start, std::min<uint32_t>(end, start + 80));
  uint32_t cut = 0;
  size_t i = 0;
  for (int segment = 0; segment < 2; ++segment) {
    size_t j = dateline_name(toks, i);
    if (j == i) break;
    for (int commas = 0; commas < 2 && j + 1 < toks.size() && toks[j].is_punct(','); ++commas) {
      size_t k = dateline_name(toks, j + 1);
      if (k == j + 1) k = dateline_date(text, toks, j + 1);  // "Jakarta, 14 September 2023 -"
      if (k == j + 1) break;
      j = k;
    }
    if (j < toks.size() && toks[j].is_punct('(')) {
      size_t k = dateline_date(text, toks, j + 1);  // "(14/9/2023)", "Kamis (14/9/2023)"
      if (k == j + 1) k = dateline_name(toks, j + 1);
      if (k == j + 1 || k >= toks.size() || !toks[k].is_punct(')')) break;
      j = k + 1;
    }
    // After a comma or a bracket only a dash or a bar: "Presiden Rusia, Vladimir Putin:"
    // introduces a quote.
    const bool qualified = j > dateline_name(toks, i);
    if (j >= toks.size() || !is_separator(toks[j]) || (qualified && toks[j].word() == ":")) break;
    const bool bar = toks[j].word() == "|";
    while (j + 1 < toks.size() && is_separator(toks[j + 1])) ++j;  // "- -", "--"
    // The sentence starts after it: not a lowercase word ("Tsai Ing - wen mendarat").
    if (j + 1 < toks.size() && toks[j + 1].is_word() && !is_capitalised(toks[j + 1])) break;
    cut = toks[j].end - start;
    i = j + 1;
    if (!bar || qualified) break;  // an outlet after a bar: "Seoul | EGINDO.co –"
  }
  return cut;
}

// A byline line: "Oleh: Nama Penulis", "OLEH Nama Penulis" (not "Oleh karena itu, ...").
bool is_byline(std::string_view text, uint32_t start, uint32_t end) {
  if (end - start > 60 || end - start < 6 || (text[start] | 0x20) != 'o' || (text[start + 1] | 0x20) != 'l')
    return false;
  const TokenList toks = tokenize(text, start, end);
  if (toks.size() < 2 || toks[0].word() != "oleh") return false;
  size_t i = toks[1].is_punct(':') ? 2 : 1;
  if (i >= toks.size()) return false;
  for (; i < toks.size(); ++i) {
    if (toks[i].is_word() && !toks[i].hyphen_before && !is_capitalised(toks[i])) return false;
  }
  return true;
}

// A line that is a date alone ("Kamis, 14/9/2023 10:05 WIB"): short, and read as one.
bool is_date_line(std::string_view line) {
  constexpr size_t kLongestDateLine = 64;
  return line.size() <= kLongestDateLine && dates::parse(line).has_value();
}

}  // namespace

std::vector<Line> clean(std::string_view text, const CleanOptions& options) {
  std::vector<Line> lines;
  uint32_t pos = 0;
  const uint32_t n = static_cast<uint32_t>(text.size());
  bool seen_title = !options.title_is_first_line;
  bool seen_body = false;
  while (pos < n) {
    const void* newline = std::memchr(text.data() + pos, '\n', n - pos);
    const uint32_t eol = newline ? static_cast<uint32_t>(static_cast<const char*>(newline) - text.data()) : n;
    uint32_t start = pos, end = eol;
    trim(text, start, end);
    pos = eol + 1;
    if (start >= end) continue;
    Line line{start, end, LineKind::kBody};
    std::string_view body = text.substr(start, end - start);
    if (!seen_title && !looks_like_body(body)) {
      line.kind = LineKind::kTitle;
      seen_title = true;
    } else if (is_chrome(body) || is_byline(text, start, end) || is_date_line(body)) {
      line.kind = LineKind::kChrome;
    } else if (looks_like_headline(text, start, end)) {
      line.kind = LineKind::kHeadline;
    } else if (!seen_body) {
      seen_body = true;
      seen_title = true;
      line.start += dateline_length(text, start, end);
      trim(text, line.start, line.end);
      if (line.start >= line.end) continue;
    }
    lines.push_back(line);
  }
  return lines;
}

}  // namespace newsgraph::ingest
