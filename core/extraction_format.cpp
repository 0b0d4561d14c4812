#include "core/extraction_format.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <string_view>
#include <utility>
#include <vector>

#include <rapidjson/internal/dtoa.h>
#include <rapidjson/internal/ieee754.h>
#include <rapidjson/internal/itoa.h>

#include "core/relation_order.h"

namespace newsgraph {
namespace {

// Writes JSON text straight onto the end of a std::string, byte for byte as
// rapidjson::Writer<StringBuffer> with its default flags would: the same escapes ('"', '\\',
// control bytes as \b \t \n \f \r or \u00XX in upper-case hex; other bytes, UTF-8 included,
// as they are) and the same numbers (RapidJSON's itoa and Grisu dtoa). Commas are placed by
// one flag: a key or value that follows a value (or a closed container) gets one; one
// that opens its container or follows its key does not. The text goes into a per-thread
// scratch buffer, which keeps its size (up to 1 MiB) from one article to the next, so it
// seldom grows and never clears bytes; finish(), which must be called last, appends it to
// the string. O(bytes written).
class JsonAppender {
 public:
  explicit JsonAppender(std::string& out)
      : out_(out), at_(scratch_.bytes.get()), limit_(at_ + scratch_.size) {}

  void finish() {
    const size_t length = static_cast<size_t>(at_ - scratch_.bytes.get());
    out_.reserve(out_.size() + length + 1);  // and the newline a JSON Lines writer adds
    out_.append(scratch_.bytes.get(), length);
    if (scratch_.size > kKeptScratchBytes) scratch_ = Scratch{};  // a rare huge line's memory
  }

  void open_object() { open('{'); }
  void close_object() { close('}'); }
  void open_array() { open('['); }
  void close_array() { close(']'); }

  template <size_t N>
  void key(const char (&name)[N]) {  // a literal that needs no escape
    char* p = start(N + 2);
    *p++ = '"';
    std::memcpy(p, name, N - 1);
    p += N - 1;
    *p++ = '"';
    *p++ = ':';
    at_ = p;
    need_comma_ = false;
  }

  void string(std::string_view s) {
    char* p = start(2 + 6 * s.size());  // 6: the longest escape, \u00XX
    *p++ = '"';
    p = copy_escaped(s.data(), s.data() + s.size(), p);
    *p++ = '"';
    at_ = p;
  }
  void uint(uint32_t n) { at_ = rapidjson::internal::u32toa(n, start(10)); }
  // As Writer::Double: NaN and infinities write nothing (the Writer refuses them).
  void number(double d) {
    char* p = start(25);
    at_ = rapidjson::internal::Double(d).IsNanOrInf() ? p : rapidjson::internal::dtoa(d, p);
  }
  void boolean(bool b) {
    char* p = start(5);
    at_ = b ? std::copy_n("true", 4, p) : std::copy_n("false", 5, p);
  }

 private:
  // Where a key or value of at most `n` bytes goes: past the comma it may need, with room
  // for it (the scratch grows, doubling, when it has not). The caller moves at_ past it.
  char* start(size_t n) {
    if (static_cast<size_t>(limit_ - at_) <= n) grow(n + 1);
    char* p = at_;
    if (need_comma_) *p++ = ',';
    need_comma_ = true;
    return p;
  }
  void grow(size_t n) {
    const size_t used = static_cast<size_t>(at_ - scratch_.bytes.get());
    const size_t size = std::max(scratch_.size * 2, used + n + 4096);
    std::unique_ptr<char[]> bytes(new char[size]);
    if (used > 0) std::memcpy(bytes.get(), scratch_.bytes.get(), used);
    scratch_.bytes = std::move(bytes);
    scratch_.size = size;
    at_ = scratch_.bytes.get() + used;
    limit_ = scratch_.bytes.get() + size;
  }

  void open(char bracket) {
    char* p = start(1);
    *p++ = bracket;
    at_ = p;
    need_comma_ = false;
  }
  void close(char bracket) {
    if (at_ == limit_) grow(1);
    *at_++ = bracket;
    need_comma_ = true;
  }

  // The escape RapidJSON writes after a backslash for byte c, or 0 for a byte written as is.
  static char escape_of(unsigned char c) {
    static const std::array<char, 256> table = [] {
      std::array<char, 256> t{};
      for (int c = 0; c < 0x20; ++c) t[c] = 'u';
      t['\b'] = 'b', t['\t'] = 't', t['\n'] = 'n', t['\f'] = 'f', t['\r'] = 'r';
      t['"'] = '"', t['\\'] = '\\';
      return t;
    }();
    return table[c];
  }

  // Whether any of the 8 bytes in `word` needs an escape: is below 0x20, '"' or '\\'.
  // Bit tricks on a 64-bit word; exact, for a whole word is either flagged or not.
  static bool word_needs_escape(uint64_t word) {
    constexpr uint64_t kOnes = 0x0101010101010101u, kHighs = 0x8080808080808080u;
    auto has_zero_byte = [](uint64_t v) { return (v - kOnes) & ~v & kHighs; };
    const uint64_t below_space = (word - kOnes * 0x20) & ~word & kHighs;
    return (below_space | has_zero_byte(word ^ (kOnes * '"')) |
            has_zero_byte(word ^ (kOnes * '\\'))) != 0;
  }

  // Copies [in, stop) to `to`, escaped; returns the end of what it wrote. Words of 8 clean
  // bytes go in one test and one store; a word with a byte to escape, and the last few
  // bytes, go byte by byte. `to` must have room for 6 bytes an input byte.
  static char* copy_escaped(const char* in, const char* stop, char* to) {
    for (;;) {
      for (uint64_t word = 0; stop - in >= 8; in += 8, to += 8) {
        std::memcpy(&word, in, 8);
        if (word_needs_escape(word)) break;
        std::memcpy(to, &word, 8);
      }
      const char* const chunk_end = stop - in > 8 ? in + 8 : stop;
      for (; in != chunk_end; ++in) {
        const auto c = static_cast<unsigned char>(*in);
        if (escape_of(c) == 0)
          *to++ = static_cast<char>(c);
        else
          to = write_escape(c, to);
      }
      if (in == stop) return to;
    }
  }

  static char* write_escape(unsigned char c, char* to) {
    static const char kHex[] = "0123456789ABCDEF";
    const char escape = escape_of(c);
    *to++ = '\\';
    *to++ = escape;
    if (escape != 'u') return to;
    *to++ = '0';
    *to++ = '0';
    *to++ = kHex[c >> 4];
    *to++ = kHex[c & 0xF];
    return to;
  }

  struct Scratch {
    std::unique_ptr<char[]> bytes;  // uninitialised past what the current text wrote
    size_t size = 0;
  };
  static constexpr size_t kKeptScratchBytes = 1 << 20;  // larger scratch is freed after use
  static thread_local Scratch scratch_;

  std::string& out_;
  char* at_;                 // where the next byte goes, in scratch_
  char* limit_;              // the end of scratch_'s bytes
  bool need_comma_ = false;  // a value ends the text: the next key or element follows a comma
};

thread_local JsonAppender::Scratch JsonAppender::scratch_;

void append_entity(const Entity& e, JsonAppender& w) {
  w.open_object();
  w.key("id"), w.string(e.id);
  w.key("label"), w.string(e.label);
  w.key("type"), w.string(entity_type_name(e.type));
  w.key("source"), w.string(e.from_gazetteer ? "gazetteer" : "cues");
  if (e.type_guessed) w.key("type_guessed"), w.boolean(true);  // no word typed it: a default
  w.key("aliases");
  w.open_array();
  for (const auto& a : e.aliases) w.string(a);
  w.close_array();
  if (!e.glued_cores.empty()) {  // a stored person of one of these names is this entity
    w.key("glued_cores");
    w.open_array();
    for (const auto& c : e.glued_cores) w.string(c);
    w.close_array();
  }
  w.key("mentions");
  w.open_array();
  for (const auto& m : e.mentions) {
    w.open_object();
    w.key("start"), w.uint(m.span.start);
    w.key("end"), w.uint(m.span.end);
    w.key("sentence"), w.uint(m.sentence);
    w.key("text"), w.string(m.text);
    w.close_object();
  }
  w.close_array();
  w.close_object();
}

void append_evidence(const Evidence& ev, JsonAppender& w) {
  w.open_object();
  w.key("sentence"), w.uint(ev.sentence);
  w.key("start"), w.uint(ev.span.start);
  w.key("end"), w.uint(ev.span.end);
  if (!ev.text.empty()) w.key("text"), w.string(ev.text);
  w.key("cue"), w.string(ev.cue);
  w.key("rule"), w.string(ev.rule);
  w.key("modality"), w.string(modality_name(ev.modality));
  w.close_object();
}

// A relation's fields before its evidence, and the key that opens the evidence array.
void open_relation(const Entity& subject, Predicate predicate, const Entity& object, Modality modality,
                   double confidence, std::string_view cue, std::string_view rule, JsonAppender& w) {
  w.open_object();
  w.key("subject"), w.string(subject.label);
  w.key("predicate"), w.string(predicate_name(predicate));
  w.key("object"), w.string(object.label);
  w.key("subject_id"), w.string(subject.id);
  w.key("object_id"), w.string(object.id);
  w.key("plover"), w.string(plover_type(predicate));
  w.key("quad"), w.string(quad_name(quad_of(predicate)));
  w.key("symmetric"), w.boolean(is_symmetric(predicate));
  w.key("modality"), w.string(modality_name(modality));
  w.key("confidence"), w.number(std::round(confidence * 100) / 100);
  w.key("cue"), w.string(cue);
  w.key("rule"), w.string(rule);
  w.key("evidence");
  w.open_array();
}

void append_relation(const Extraction& x, const Relation& r, JsonAppender& w) {
  const Evidence* first = r.evidence.empty() ? nullptr : &r.evidence.front();
  open_relation(x.subject_of(r), r.predicate, x.object_of(r), r.modality, r.confidence,
                first ? std::string_view(first->cue) : std::string_view(), first ? first->rule : std::string_view(), w);
  for (const auto& ev : r.evidence) append_evidence(ev, w);
  w.close_array();
  w.close_object();
}

// The co-occurrences of one pair, [begin, end), as one CO_OCCURS relation with a piece
// of evidence a sentence.
void append_cooccurrence(const Extraction& x, const CoOccurrence* begin, const CoOccurrence* end, JsonAppender& w) {
  open_relation(x.entities[begin->first], Predicate::kCoOccurs, x.entities[begin->second], Modality::kAsserted,
                kCooccurrenceConfidence, {}, kCooccurrenceRule, w);
  Evidence ev;
  ev.rule = kCooccurrenceRule;
  for (const CoOccurrence* c = begin; c != end; ++c) {
    ev.sentence = c->sentence;
    ev.span = c->sentence < x.sentences.size() ? x.sentences[c->sentence].span : Span{};
    append_evidence(ev, w);
  }
  w.close_array();
  w.close_object();
}

}  // namespace

void append_extraction_json(const Extraction& x, std::string& out) {
  JsonAppender w(out);
  w.open_object();
  w.key("doc"), w.string(x.doc);
  w.key("title"), w.string(x.title);
  w.key("source"), w.string(x.source);
  if (!x.published.empty()) w.key("published"), w.string(x.published);
  w.key("sentences"), w.uint(static_cast<uint32_t>(x.sentences.size()));
  w.key("entities");
  w.open_array();
  for (const auto& e : x.entities) append_entity(e, w);
  w.close_array();
  w.key("relations");
  w.open_array();
  for_each_relation(
      x, [&](const Relation& r) { append_relation(x, r, w); },
      [&](size_t begin, size_t end) {
        append_cooccurrence(x, x.cooccurrences.data() + begin, x.cooccurrences.data() + end, w);
      });
  w.close_array();
  w.close_object();
  w.finish();
}

void write_extraction_text(const Extraction& x, std::ostream& out) {
  out << "== " << x.doc << (x.title.empty() ? "" : ": " + x.title)
      << (x.published.empty() ? "" : " (" + x.published + ")") << "\n";
  out << "entities (" << x.entities.size() << "):\n";
  for (const auto& e : x.entities) {
    out << "  " << e.label << " [" << entity_type_name(e.type) << ", " << e.id << "] "
        << e.mentions.size() << " mention" << (e.mentions.size() == 1 ? "" : "s");
    if (!e.aliases.empty()) {
      out << "; also:";
      for (const auto& a : e.aliases) out << " \"" << a << "\"";
    }
    out << "\n";
  }
  out << "relations (" << x.relations.size() << " typed, " << pair_count(x.cooccurrences) << " co-occurrences):\n";
  for (const auto& r : x.relations) {
    out << "  " << x.subject_of(r).label << " " << predicate_name(r.predicate) << " "
        << x.object_of(r).label << "  (" << modality_name(r.modality);
    if (!r.evidence.empty()) out << ", cue \"" << r.evidence.front().cue << "\", rule " << r.evidence.front().rule;
    out << ")\n";
    for (const auto& ev : r.evidence) out << "      > " << ev.text << "\n";
  }
  out << "\n";
}

}  // namespace newsgraph
