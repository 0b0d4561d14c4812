// Gazetteer::add_json_file: users' entities from JSON (see gazetteer.h), read with
// RapidJSON, which stays in this file.
#include <fstream>
#include <sstream>

#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/json_guard.h"
#include "core/text.h"
#include "ingest/gazetteer.h"

namespace newsgraph::ingest {

Status Gazetteer::add_json_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::error(StatusCode::kNotFound, path + ": cannot open gazetteer file");
  std::stringstream buffer;
  buffer << in.rdbuf();
  return add_json(buffer.str(), path);
}

Status Gazetteer::add_json(const std::string& data, const std::string& path) {
  if (auto problem = json_guard::check(data))
    return Status::error(StatusCode::kInvalidInput,
                         path + ": " + problem->reason + " at byte " + std::to_string(problem->offset));
  rapidjson::Document doc;
  doc.Parse(data.c_str(), data.size());
  if (doc.HasParseError()) {
    return Status::error(StatusCode::kInvalidInput,
                         path + ": not valid JSON at byte " + std::to_string(doc.GetErrorOffset()) +
                             ": " + rapidjson::GetParseError_En(doc.GetParseError()));
  }
  const rapidjson::Value* list = &doc;
  if (doc.IsObject() && doc.HasMember("entities")) list = &doc["entities"];
  if (!list->IsArray()) {
    return Status::error(StatusCode::kInvalidInput, path + ": expected an array of entities or {\"entities\": [...]}");
  }
  auto strings = [](const rapidjson::Value& obj, const char* name) {
    std::vector<std::string> out;
    if (!obj.HasMember(name)) return out;
    const auto& v = obj[name];
    if (v.IsString()) out.emplace_back(v.GetString(), v.GetStringLength());
    if (v.IsArray()) {
      for (const auto& item : v.GetArray()) {
        if (item.IsString()) out.emplace_back(item.GetString(), item.GetStringLength());
      }
    }
    return out;
  };
  size_t n = 0;
  for (const auto& item : list->GetArray()) {
    ++n;
    auto where = path + ": entity " + std::to_string(n);
    if (!item.IsObject() || !item.HasMember("label") || !item["label"].IsString() ||
        !item.HasMember("type") || !item["type"].IsString()) {
      return Status::error(StatusCode::kInvalidInput, where + ": needs string fields \"label\" and \"type\"");
    }
    auto type = parse_entity_type(item["type"].GetString());
    if (!type) {
      return Status::error(StatusCode::kInvalidInput, where + ": unknown type '" + std::string(item["type"].GetString()) + "'");
    }
    GazetteerEntry e;
    e.type = *type;
    e.label = item["label"].GetString();
    auto ids = strings(item, "id");
    e.id = ids.empty() || ids[0].empty() ? text::slugify(e.label) : ids[0];
    e.aliases = strings(item, "aliases");
    e.capitals = strings(item, "capitals");
    auto leads = strings(item, "leads");
    if (!leads.empty()) e.leads = leads[0];
    for (const auto& t : strings(item, "terms")) {
      auto term = parse_term(t);
      if (!term) return Status::error(StatusCode::kInvalidInput, where + ": expected terms like \"2017-05-10..2022-05-09\"");
      e.terms.push_back(*term);
    }
    for (const auto& text : strings(item, "offices")) {  // "foreign_minister@russia:2004-03-09.."
      Post post;
      if (Status st = parse_post(text, &post); !st.is_ok()) return Status::error(st.code(), where + ": " + st.message());
      e.posts.push_back(std::move(post));
    }
    auto part_of = strings(item, "part_of");
    if (!part_of.empty()) e.part_of = part_of[0];
    if (item.HasMember("press")) {
      if (!item["press"].IsBool()) return Status::error(StatusCode::kInvalidInput, where + ": \"press\" must be true or false");
      e.press = item["press"].GetBool();
    }
    if (Status st = add_entry(std::move(e)); !st.is_ok())
      return Status::error(st.code(), where + ": " + st.message());
  }
  return Status::ok();
}

}  // namespace newsgraph::ingest
