// Document routes: list, get, delete, POST (extract and merge), /extract, and /reorder
// (the store rewritten in canonical order after articles came out of it).
#include <rapidjson/document.h>

#include <algorithm>
#include <cctype>
#include <chrono>

#include "core/dates.h"
#include "core/extraction_format.h"
#include "core/json_guard.h"
#include "core/utf8.h"
#include "ingest/document_reader.h"
#include "server/context.h"
#include "store/hashing.h"
#include "store/queries.h"
#include "store/store_merge.h"

namespace newsgraph::server {
namespace {

// An id as one path segment: bytes other than letters, digits and -._~ as %XX.
std::string percent_encoded(const std::string& id) {
  static const char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (unsigned char c : id) {
    if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~') {
      out.push_back(static_cast<char>(c));
    } else {
      out.push_back('%');
      out.push_back(kHex[c >> 4]);
      out.push_back(kHex[c & 15]);
    }
  }
  return out;
}

// The article in a request: JSON {"id","title","text","source","published","url",
// "outlet","category"} or
// text/plain (first non-empty line is the title, a date line may follow). Answers
// 400/415 itself.
bool read_document(const httplib::Request& req, httplib::Response& res, Document* doc, bool* title_in_text) {
  std::string type = req.get_header_value("Content-Type");
  if (auto bad = utf8::first_invalid_byte(req.body))
    return problem(res, 400, "invalid-utf8", "the body is not valid UTF-8 (byte " + std::to_string(*bad) + ")"), false;
  if (req.body.find('\0') != std::string::npos)
    return problem(res, 400, "binary", "the body holds binary data (a NUL byte)"), false;
  *title_in_text = false;
  if (type.rfind("text/plain", 0) == 0) {
    doc->text = req.body;
    size_t start = doc->text.find_first_not_of(" \t\r\n");
    if (start == std::string::npos) return problem(res, 400, "empty", "the article has no text"), false;
    size_t end = doc->text.find('\n', start);
    doc->title = doc->text.substr(start, end == std::string::npos ? std::string::npos : end - start);
    *title_in_text = true;
    doc->published = ingest::plain_text_date(doc->text);
  } else if (type.rfind("application/json", 0) == 0) {
    if (auto bad = json_guard::check(req.body))
      return problem(res, 400, "malformed-json", bad->reason + " at byte " + std::to_string(bad->offset)), false;
    rapidjson::Document d;
    d.Parse(req.body.c_str(), req.body.size());
    if (d.HasParseError() || !d.IsObject())
      return problem(res, 400, "malformed-json", "the body is not a JSON object"), false;
    for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
      std::string k = it->name.GetString();
      std::string* target = k == "id" ? &doc->id : k == "title" ? &doc->title : k == "text" ? &doc->text
                          : k == "source" ? &doc->source : k == "published" ? &doc->published
                          : k == "url" ? &doc->url : k == "outlet" ? &doc->outlet : k == "category" ? &doc->category
                                                                                                   : nullptr;
      if (!target) return problem(res, 400, "unknown-field", "unknown field '" + k + "'"), false;
      if (!it->value.IsString()) return problem(res, 400, "bad-field", "'" + k + "' must be a string"), false;
      target->assign(it->value.GetString(), it->value.GetStringLength());
    }
    if (doc->text.find_first_not_of(" \t\r\n") == std::string::npos)
      return problem(res, 400, "empty", "the article has no text"), false;
    if (doc->text.find('\0') != std::string::npos)
      return problem(res, 400, "binary", "the text holds a NUL character"), false;
    if (!doc->published.empty()) {
      auto date = dates::parse(doc->published);
      if (!date) return problem(res, 400, "bad-date", "'published' is no date: '" + doc->published + "'"), false;
      doc->published = *date;
    }
  } else {
    return problem(res, 415, "unsupported-media-type", "send application/json or text/plain"), false;
  }
  // An article without a date of its own takes the request's: an X-Published header or
  // a published parameter (like --published).
  const std::string given =
      req.has_param("published") ? req.get_param_value("published") : req.get_header_value("X-Published");
  if (!given.empty() && !dates::is_iso_date(given))
    return problem(res, 400, "bad-date", "published takes a real day as YYYY-MM-DD, not '" + given + "'"), false;
  if (doc->published.empty()) doc->published = given;
  if (doc->id.size() > 512 || std::any_of(doc->id.begin(), doc->id.end(), [](char c) {
        return static_cast<unsigned char>(c) < 0x20 || c == 0x7f;
      }))
    return problem(res, 400, "bad-field", "'id' must be at most 512 bytes without control characters"), false;
  if (doc->id.empty()) doc->id = "api-" + store::content_hash(doc->text);
  if (doc->source.empty()) doc->source = "api";
  return true;
}

void document_json(Json& w, const store::DocumentRow& d) {
  w.StartObject();
  field(w, "id", d.id);
  field(w, "title", d.title);
  field(w, "source", d.source);
  field(w, "published", d.published);
  field(w, "url", d.url);
  field(w, "outlet", d.outlet);
  field(w, "category", d.category);
  field(w, "ingested_at", d.ingested_at);
  field(w, "content_hash", d.content_hash);
  field(w, "bytes", d.bytes);
  if (d.entities || d.relations) {
    field(w, "entities", d.entities);
    field(w, "relations", d.relations);
  }
  w.EndObject();
}

}  // namespace

void add_document_routes(httplib::Server& http, Context& c) {
  http.Get("/api/v1/documents", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {})) return;
    int64_t limit = 50, after = 0;
    if (!int_param(req, res, "limit", 1, 500, &limit) || !int_param(req, res, "cursor", 0, INT64_MAX / 2, &after))
      return;
    store::Store* store = c.reader(res);
    if (!store) return;
    store::ReadSnapshot snapshot(*store);  // one consistent state for every query
    std::vector<store::DocumentRow> rows;
    int64_t total = 0, version = 0;
    store::list_documents(*store, after, static_cast<size_t>(limit), &rows, &total);
    store::data_version(*store, &version);
    rapidjson::StringBuffer b;
    Json w(b);
    w.StartObject();
    w.Key("items");
    w.StartArray();
    for (const auto& d : rows) document_json(w, d);
    w.EndArray();
    field(w, "total", total);
    w.Key("next");
    if (static_cast<int64_t>(rows.size()) == limit) str(w, std::to_string(rows.back().key));
    else w.Null();
    w.EndObject();
    send_json(req, res, b.GetString(), version);
  });

  // Ids may hold a slash (a URL): the id is the rest of the decoded path.
  http.Get(R"(/api/v1/documents/(.+))", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {})) return;
    store::Store* store = c.reader(res);
    if (!store) return;
    store::ReadSnapshot snapshot(*store);  // one consistent state for every query
    store::DocumentRow d;
    bool found = false;
    store::get_document(*store, req.matches[1], &d, &found);
    if (!found) return problem(res, 404, "unknown-document", "no article has id '" + std::string(req.matches[1]) + "'");
    rapidjson::StringBuffer b;
    Json w(b);
    document_json(w, d);
    int64_t version = 0;
    store::data_version(*store, &version);
    send_json(req, res, b.GetString(), version);
  });

  http.Delete(R"(/api/v1/documents/(.+))", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {}) || !authorised(c, req, res)) return;
    ComputePermits::Held permit(c.compute);
    bool found = false;
    Status st = c.write([&](store::Store& s) { return s.remove(req.matches[1], &found); });
    if (!st.is_ok()) return store_problem(c.options.db, res, st);
    if (!found) return problem(res, 404, "unknown-document", "no article has id '" + std::string(req.matches[1]) + "'");
    res.status = 204;
  });

  // Articles POSTed or DELETEd out of canonical order mark the store (GET /health says
  // so); this rewrites it, as `newsgraph reorder` does. Other writes wait meanwhile;
  // reads go on, seeing the store as it was until the rewrite commits.
  http.Post("/api/v1/reorder", [&c](const httplib::Request& req, httplib::Response& res) {
    if (!only_params(req, res, {}) || !authorised(c, req, res)) return;
    ComputePermits::Held permit(c.compute);
    bool rewritten = false;
    const auto start = std::chrono::steady_clock::now();
    Status st = c.write([&](store::Store& s) { return store::restore_canonical_order(s, {}, &rewritten); });
    if (!st.is_ok()) return store_problem(c.options.db, res, st);
    rapidjson::StringBuffer b;
    Json w(b);
    w.StartObject();
    w.Key("rewritten");
    w.Bool(rewritten);
    w.Key("seconds");
    w.Double(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    w.EndObject();
    res.set_content(b.GetString(), "application/json");
  });

  auto extract = [&c](const httplib::Request& req, httplib::Response& res, bool store_it) {
    if (!only_params(req, res, {"published"}) || (store_it && !authorised(c, req, res))) return;
    Document doc;
    bool title_in_text = false;
    if (!read_document(req, res, &doc, &title_in_text)) return;
    ComputePermits::Held permit(c.compute);
    Extraction x;
    if (Status failed = c.extractor.try_extract(doc, title_in_text, &x); !failed.is_ok())
      return problem(res, 500, "extraction-failed", failed.message());
    std::string body;
    append_extraction_json(x, body);
    int status = 200;
    if (store_it) {
      store::IngestResult result;
      Status st = c.write([&](store::Store& s) { return s.ingest(doc, x, &result); });
      if (!st.is_ok()) return store_problem(c.options.db, res, st);
      status = result.outcome == store::IngestOutcome::kUnchanged ? 200 : 201;
      rapidjson::StringBuffer head;
      Json w(head);
      w.StartObject();
      field(w, "id", result.doc_id);
      field(w, "outcome", store::ingest_outcome_name(result.outcome));
      field(w, "entities_added", result.entities_added);
      field(w, "relations_added", result.relations_added);
      w.Key("extraction");
      w.RawValue(body.data(), body.size(), rapidjson::kObjectType);
      w.EndObject();
      body.assign(head.GetString(), head.GetSize());
      if (status == 201) res.set_header("Location", "/api/v1/documents/" + percent_encoded(result.doc_id));
    }
    res.status = status;
    res.set_content(body, "application/json");
  };
  http.Post("/api/v1/documents",
            [extract](const httplib::Request& req, httplib::Response& res) { extract(req, res, true); });
  http.Post("/api/v1/extract",
            [extract](const httplib::Request& req, httplib::Response& res) { extract(req, res, false); });
}

}  // namespace newsgraph::server
