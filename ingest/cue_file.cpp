#include "ingest/cue_file.h"

#include "core/text.h"

namespace newsgraph::ingest {
namespace {

std::vector<std::string_view> split(std::string_view s, char sep) {
  std::vector<std::string_view> out;
  size_t start = 0;
  while (true) {
    size_t at = s.find(sep, start);
    out.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
    if (at == std::string_view::npos) return out;
    start = at + 1;
  }
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\r')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
  return s;
}

std::vector<std::string_view> words_of(std::string_view s) {
  std::vector<std::string_view> out;
  for (std::string_view w : split(s, ' ')) {
    for (std::string_view part : split(w, '\t')) {
      if (!trim(part).empty()) out.push_back(trim(part));
    }
  }
  return out;
}

std::optional<CueForms> parse_forms(std::string_view s) {
  static const std::pair<std::string_view, CueForms> kNames[] = {
      {"any", CueForms::kAny},   {"derived", CueForms::kDerived}, {"bare", CueForms::kBare},
      {"kan", CueForms::kKan},   {"i-an", CueForms::kIOrAn},      {"an", CueForms::kNominal},
      {"verb", CueForms::kVerb}, {"meeting", CueForms::kMeeting}, {"exact", CueForms::kExact}};
  for (auto [name, forms] : kNames) {
    if (s == name) return forms;
  }
  return std::nullopt;
}

std::optional<CueVoice> parse_voice(std::string_view s) {
  if (s == "active") return CueVoice::kActive;
  if (s == "passive") return CueVoice::kPassive;
  if (s == "reversed") return CueVoice::kReversed;
  return std::nullopt;
}

// The options field: "forms=derived; follows=@goods,dengan; needs=@harm; noun". Empty on success,
// else what is wrong.
std::string parse_options(std::string_view field, CueEntry& e) {
  bool forms_given = false;
  for (std::string_view option : split(field, ';')) {
    option = trim(option);
    if (option.empty()) continue;
    const size_t eq = option.find('=');
    const std::string_view key = trim(option.substr(0, eq));
    const std::string_view value = eq == std::string_view::npos ? std::string_view() : trim(option.substr(eq + 1));
    if (key == "noun" && eq == std::string_view::npos) {
      e.noun = true;
    } else if (key == "voice") {
      auto voice = parse_voice(value);
      if (!voice) return "voice must be active, passive or reversed, not '" + std::string(value) + "'";
      e.voice = *voice;
    } else if (key == "forms") {
      auto forms = parse_forms(value);
      if (!forms) return "unknown forms '" + std::string(value) + "' (any derived bare kan i-an an verb meeting exact)";
      e.forms = *forms;
      forms_given = true;
    } else if (key == "follows" || key == "needs") {
      for (std::string_view w : split(value, ',')) {
        w = trim(w);
        if (w.empty()) return std::string(key) + "= holds an empty word";
        (key == "follows" ? e.follows : e.needs).push_back(w.front() == '@' ? std::string(w) : text::fold_key(w));
      }
    } else if (key == "name" && !value.empty()) {
      e.name = std::string(value);
    } else {
      return "unknown option '" + std::string(option) + "' (voice= forms= follows= needs= name= noun)";
    }
  }
  const bool exact_only = e.cue.find(' ') != std::string::npos || e.lang != "id";
  if (exact_only && forms_given && e.forms != CueForms::kExact)
    return "a phrase or a cue in another language matches only as written: forms must be exact";
  if (exact_only) e.forms = CueForms::kExact;
  return "";
}

// "Subject > Object" after an example.
std::string parse_expected(std::string_view field, CueEntry& e) {
  const size_t gt = field.find('>');
  if (gt == std::string_view::npos) return "expected 'Subject > Object' after the example";
  e.example_subject = std::string(trim(field.substr(0, gt)));
  e.example_object = std::string(trim(field.substr(gt + 1)));
  if (e.example_subject.empty() || e.example_object.empty()) return "expected 'Subject > Object' after the example";
  return "";
}

std::string parse_entry(std::string_view line, const std::string& lang, CueEntry& e) {
  auto fields = split(line, '|');
  for (auto& f : fields) f = trim(f);
  if (fields.size() < 2 || fields.size() > 5) return "expected CUE | PREDICATE | options | example | Subject > Object";
  e.cue = text::fold_key(fields[0]);
  if (e.cue.empty()) return "empty cue";
  e.lang = lang;
  if (fields[1] != "NONE") {
    e.predicate = parse_predicate(fields[1]);
    if (!e.predicate || plover_type(*e.predicate)[0] == '\0')
      return "'" + std::string(fields[1]) + "' is no event predicate (see the ontology) nor NONE";
  }
  if (fields.size() > 2) {
    if (std::string why = parse_options(fields[2], e); !why.empty()) return why;
  } else if (e.cue.find(' ') != std::string::npos || e.lang != "id") {
    e.forms = CueForms::kExact;
  }
  if (fields.size() > 3) e.example = std::string(fields[3]);
  if (fields.size() > 4) {
    if (std::string why = parse_expected(fields[4], e); !why.empty()) return why;
  } else if (!e.example.empty()) {
    return "an example needs its expected pair: | Subject > Object";
  }
  return "";
}

}  // namespace

Status parse_cue_file(std::string_view text, std::string_view origin, CueFile* out) {
  CueFile file;
  std::string lang = "id";
  size_t line_no = 0;
  for (std::string_view line : split(text, '\n')) {
    ++line_no;
    line = trim(line);
    if (line.empty() || line.front() == '#') continue;
    const std::string where = std::string(origin) + ":" + std::to_string(line_no);
    auto fail = [&](const std::string& why) { return Status::error(StatusCode::kInvalidInput, where + ": " + why); };
    if (line.front() == '@') {
      auto words = words_of(line);
      if (words[0] == "@lang" && words.size() == 2) {
        lang = std::string(words[1]);
      } else if (words[0] == "@class" && words.size() >= 3) {
        CueClass c{std::string(words[1]), {}, where};
        for (size_t k = 2; k < words.size(); ++k) c.words.push_back(text::fold_key(words[k]));
        file.classes.push_back(std::move(c));
      } else {
        return fail("expected '@lang CODE' or '@class NAME WORD...'");
      }
      continue;
    }
    CueEntry e;
    e.origin = where;
    if (std::string why = parse_entry(line, lang, e); !why.empty()) return fail(why);
    file.entries.push_back(std::move(e));
  }
  *out = std::move(file);
  return Status::ok();
}

}  // namespace newsgraph::ingest
