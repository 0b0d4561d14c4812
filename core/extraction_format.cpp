#include "core/extraction_format.h"

#include <cmath>
#include <unordered_map>

#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

namespace newsgraph {
namespace {

using Writer = rapidjson::Writer<rapidjson::StringBuffer>;

void string(Writer& w, const std::string& s) { w.String(s.c_str(), static_cast<rapidjson::SizeType>(s.size())); }
void key(Writer& w, const char* k) { w.Key(k); }

std::unordered_map<std::string, const Entity*> index(const Extraction& x) {
  std::unordered_map<std::string, const Entity*> by_id;
  for (const auto& e : x.entities) by_id.emplace(e.id, &e);
  return by_id;
}

std::string label_of(const std::unordered_map<std::string, const Entity*>& by_id, const std::string& id) {
  auto it = by_id.find(id);
  return it == by_id.end() ? id : it->second->label;
}

}  // namespace

void append_extraction_json(const Extraction& x, std::string& out) {
  rapidjson::StringBuffer buffer;
  Writer w(buffer);
  auto by_id = index(x);
  w.StartObject();
  key(w, "doc"); string(w, x.doc);
  key(w, "title"); string(w, x.title);
  key(w, "source"); string(w, x.source);
  if (!x.published.empty()) key(w, "published"), string(w, x.published);
  key(w, "sentences"); w.Uint(static_cast<unsigned>(x.sentences.size()));
  key(w, "entities");
  w.StartArray();
  for (const auto& e : x.entities) {
    w.StartObject();
    key(w, "id"); string(w, e.id);
    key(w, "label"); string(w, e.label);
    key(w, "type"); w.String(entity_type_name(e.type));
    key(w, "source"); w.String(e.from_gazetteer ? "gazetteer" : "cues");
    if (e.type_guessed) key(w, "type_guessed"), w.Bool(true);  // no word typed it: a default
    key(w, "aliases");
    w.StartArray();
    for (const auto& a : e.aliases) string(w, a);
    w.EndArray();
    if (!e.glued_cores.empty()) {  // a stored person of one of these names is this entity
      key(w, "glued_cores");
      w.StartArray();
      for (const auto& c : e.glued_cores) string(w, c);
      w.EndArray();
    }
    key(w, "mentions");
    w.StartArray();
    for (const auto& m : e.mentions) {
      w.StartObject();
      key(w, "start"); w.Uint(m.span.start);
      key(w, "end"); w.Uint(m.span.end);
      key(w, "sentence"); w.Uint(m.sentence);
      key(w, "text"); string(w, m.text);
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  key(w, "relations");
  w.StartArray();
  for (const auto& r : x.relations) {
    w.StartObject();
    key(w, "subject"); string(w, label_of(by_id, r.subject));
    key(w, "predicate"); w.String(predicate_name(r.predicate));
    key(w, "object"); string(w, label_of(by_id, r.object));
    key(w, "subject_id"); string(w, r.subject);
    key(w, "object_id"); string(w, r.object);
    key(w, "plover"); w.String(plover_type(r.predicate));
    key(w, "quad"); w.String(quad_name(quad_of(r.predicate)));
    key(w, "symmetric"); w.Bool(is_symmetric(r.predicate));
    key(w, "modality"); w.String(modality_name(r.modality));
    key(w, "confidence"); w.Double(std::round(r.confidence * 100) / 100);
    key(w, "cue"); string(w, r.evidence.empty() ? std::string() : r.evidence.front().cue);
    key(w, "rule"); string(w, r.evidence.empty() ? std::string() : r.evidence.front().rule);
    key(w, "evidence");
    w.StartArray();
    for (const auto& ev : r.evidence) {
      w.StartObject();
      key(w, "sentence"); w.Uint(ev.sentence);
      key(w, "start"); w.Uint(ev.span.start);
      key(w, "end"); w.Uint(ev.span.end);
      if (!ev.text.empty()) {
        key(w, "text"); string(w, ev.text);
      }
      key(w, "cue"); string(w, ev.cue);
      key(w, "rule"); string(w, ev.rule);
      key(w, "modality"); w.String(modality_name(ev.modality));
      w.EndObject();
    }
    w.EndArray();
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  out.append(buffer.GetString(), buffer.GetSize());
}

void write_extraction_text(const Extraction& x, std::ostream& out) {
  auto by_id = index(x);
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
  size_t typed = 0;
  for (const auto& r : x.relations) typed += r.predicate != Predicate::kCoOccurs;
  out << "relations (" << typed << " typed, " << x.relations.size() - typed << " co-occurrences):\n";
  for (const auto& r : x.relations) {
    if (r.predicate == Predicate::kCoOccurs) continue;
    out << "  " << label_of(by_id, r.subject) << " " << predicate_name(r.predicate) << " "
        << label_of(by_id, r.object) << "  (" << modality_name(r.modality);
    if (!r.evidence.empty()) out << ", cue \"" << r.evidence.front().cue << "\", rule " << r.evidence.front().rule;
    out << ")\n";
    for (const auto& ev : r.evidence) out << "      > " << ev.text << "\n";
  }
  out << "\n";
}

}  // namespace newsgraph
