// The real server on a free loopback port, spoken to over HTTP with httplib's client.
#include <httplib.h>
#include <rapidjson/document.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <catch2/catch.hpp>
#include <sqlite3.h>
#include <algorithm>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <set>
#include <thread>

#include "tests/cli/article_lines.h"
#include "tests/server/live_server.h"
#include "tests/store/store_fixtures.h"
#include "tests/test_paths.h"

using namespace newsgraph;
using namespace newsgraph::testing;


TEST_CASE("health, ontology and stats answer JSON", "[server]") {
  LiveServer s;
  auto health = json(s.http().Get("/api/v1/health"));
  CHECK(health["documents"].GetInt() == 3);
  auto ontology = json(s.http().Get("/api/v1/ontology"));
  CHECK(ontology["predicates"].Size() == 18);
  auto stats = json(s.http().Get("/api/v1/stats"));
  for (const char* k : {"nodes", "edges", "components", "top", "communities"}) CHECK(stats.HasMember(k));
}

TEST_CASE("entity search is case- and accent-insensitive, by prefix, and says what matched", "[server]") {
  LiveServer s;
  auto found = json(s.http().Get("/api/v1/entities?q=uNI%20er"));
  REQUIRE(found["items"].Size() >= 1);
  CHECK(std::string(found["items"][0]["id"].GetString()) == "european_union");
  CHECK(found["items"][0]["matched_alias"].GetBool());
  CHECK(std::string(found["items"][0]["matched"].GetString()) == "Uni Eropa");
  auto typed = json(s.http().Get("/api/v1/entities?type=COUNTRY&limit=2"));
  CHECK(typed["items"].Size() == 2);
  CHECK(typed["total"].GetInt() > 2);
  CHECK(typed["next"].IsString());
}

TEST_CASE("an entity is found by id, name or alias, with its top relations", "[server]") {
  LiveServer s;
  auto by_alias = json(s.http().Get("/api/v1/entities/Uni%20Eropa"));
  CHECK(std::string(by_alias["entity"]["id"].GetString()) == "european_union");
  CHECK(by_alias["top_relations"].Size() >= 1);
  auto log = json(s.http().Get("/api/v1/entities/european_union/merge-log"));
  CHECK(log["merges"].Size() >= 1);
  expect_problem(s.http().Get("/api/v1/entities/Atlantis"), 404, "unknown-entity");
}

TEST_CASE("an ambiguous name answers 300 with the candidates", "[server]") {
  LiveServer s;
  {
    auto store = open_store(s.db());
    Article a = article("jordans", "Jordan bertemu Jordan.");
    add_entity(a, "Jordan", EntityType::kPerson);
    add_entity(a, "Jordan", EntityType::kCountry, "jordan");
    a.x.entities[0].id = "jordan_person";
    ingest(*store, a);
  }
  auto r = s.http().Get("/api/v1/entities/Jordan");
  REQUIRE(r);
  CHECK(r->status == 300);
  CHECK(json(r)["candidates"].Size() == 2);
}

TEST_CASE("relation lists page with a cursor and filter by pattern", "[server]") {
  LiveServer s;
  std::set<int64_t> seen;
  std::string cursor;
  int64_t total = -1;
  for (int page = 0; page < 100; ++page) {
    auto d = json(s.http().Get(("/api/v1/relations?limit=7" + (cursor.empty() ? "" : "&cursor=" + cursor)).c_str()));
    total = d["total"].GetInt64();
    for (const auto& r : d["items"].GetArray()) CHECK(seen.insert(r["id"].GetInt64()).second);
    if (d["next"].IsNull()) break;
    cursor = d["next"].GetString();
  }
  CHECK(static_cast<int64_t>(seen.size()) == total);
  auto sanctions = json(s.http().Get("/api/v1/relations?predicate=SANCTION"));
  REQUIRE(sanctions["items"].Size() >= 1);
  for (const auto& r : sanctions["items"].GetArray()) CHECK(std::string(r["predicate"].GetString()) == "SANCTION");
  auto out = json(s.http().Get("/api/v1/entities/european_union/relations?direction=out&quad=material-conflict"));
  for (const auto& r : out["items"].GetArray()) {
    CHECK(std::string(r["subject"]["id"].GetString()) == "european_union");
    CHECK(std::string(r["quad"].GetString()) == "material-conflict");
  }
  int64_t id = sanctions["items"][0]["id"].GetInt64();
  auto evidence = json(s.http().Get(("/api/v1/relations/" + std::to_string(id) + "/evidence").c_str()));
  REQUIRE(evidence["items"].Size() >= 1);
  CHECK(std::string(evidence["items"][0]["sentence"].GetString()).size() > 10);
  auto explain = json(s.http().Get(("/api/v1/relations/" + std::to_string(id) + "/explain").c_str()));
  CHECK(std::string(explain["items"][0]["rule"].GetString()).size() > 0);
  expect_problem(s.http().Get("/api/v1/relations/999999/evidence"), 404, "unknown-relation");
  expect_problem(s.http().Get("/api/v1/relations/abc/evidence"), 400, "bad-id");
}

TEST_CASE("reads carry an ETag and answer 304 to a client that has the same data", "[server]") {
  LiveServer s;
  auto first = s.http().Get("/api/v1/entities/european_union");
  REQUIRE(first);
  std::string etag = first->get_header_value("ETag");
  REQUIRE_FALSE(etag.empty());
  auto again = s.http().Get("/api/v1/entities/european_union", {{"If-None-Match", etag}});
  REQUIRE(again);
  CHECK(again->status == 304);
}

TEST_CASE("a POSTed article is stored, its relations show up in queries, and DELETE retracts it", "[server]") {
  LiveServer s;
  CHECK(json(s.http().Get("/api/v1/health"))["documents"].GetInt() == 3);  // counted, and kept for this version
  const std::string body =
      R"({"id": "api-1", "title": "Finlandia menuduh Rusia", "text": "Finlandia menuduh Rusia mengirim migran ke perbatasan.", "published": "2026-11-20"})";
  auto created = s.http().Post("/api/v1/documents", body, "application/json");
  REQUIRE(created);
  CHECK(created->status == 201);
  auto d = json(created);
  CHECK(std::string(d["id"].GetString()) == "api-1");
  auto accuse = json(s.http().Get("/api/v1/relations?subject=Finlandia&predicate=ACCUSE&object=Rusia"));
  REQUIRE(accuse["items"].Size() == 1);
  auto again = s.http().Post("/api/v1/documents", body, "application/json");
  REQUIRE(again);
  CHECK(again->status == 200);
  CHECK(json(s.http().Get("/api/v1/documents/api-1"))["relations"].GetInt() >= 1);
  CHECK(json(s.http().Get("/api/v1/documents"))["total"].GetInt() == 4);
  CHECK(json(s.http().Get("/api/v1/health"))["documents"].GetInt() == 4);  // a write makes it count again
  auto removed = s.http().Delete("/api/v1/documents/api-1");
  REQUIRE(removed);
  CHECK(removed->status == 204);
  expect_problem(s.http().Get("/api/v1/documents/api-1"), 404, "unknown-document");
  // Finlandia was named by that article only: it is gone with it.
  expect_problem(s.http().Get("/api/v1/relations?subject=Finlandia&predicate=ACCUSE"), 404, "unknown-entity");
  auto text = s.http().Post("/api/v1/extract", "Judul\nRusia mengancam Jepang.", "text/plain");
  REQUIRE(text);
  CHECK(text->status == 200);
  CHECK(json(text)["relations"].Size() >= 1);
  CHECK(json(s.http().Get("/api/v1/documents"))["total"].GetInt() == 3);
  CHECK(json(s.http().Get("/api/v1/health"))["documents"].GetInt() == 3);
}

TEST_CASE("health and stats say when an article POSTed out of canonical order awaits a rewrite, and POST /reorder ends it",
          "[server][order]") {
  LiveServer s;
  auto in_order = [&] {
    const bool health = json(s.http().Get("/api/v1/health"))["canonical_order"].GetBool();
    const auto stats = json(s.http().Get("/api/v1/stats"));  // the statistics say it too
    REQUIRE(stats.HasMember("canonical_order"));
    CHECK(stats["canonical_order"].GetBool() == health);
    return health;
  };
  CHECK(in_order());
  // Undated, like one of the examples, and after it by id: after every stored article.
  auto later = s.http().Post("/api/v1/documents", R"({"id": "zz-later", "text": "Finlandia menuduh Rusia."})",
                             "application/json");
  REQUIRE(later);
  REQUIRE(later->status == 201);
  CHECK(in_order());
  auto earlier = s.http().Post(
      "/api/v1/documents", R"({"id": "earlier", "text": "Jepang mengecam Rusia.", "published": "2001-01-01"})",
      "application/json");
  REQUIRE(earlier);
  REQUIRE(earlier->status == 201);
  CHECK_FALSE(in_order());
  auto reorder = [&] { return json(s.http().Post("/api/v1/reorder", "", "application/json"))["rewritten"].GetBool(); };
  CHECK(reorder());
  CHECK(in_order());
  CHECK(json(s.http().Get("/api/v1/documents"))["total"].GetInt() == 5);
  CHECK_FALSE(reorder());  // in order: left as it is
  // The store is marked by another writer too, and `newsgraph reorder` rewrites it.
  auto oldest = s.http().Post(
      "/api/v1/documents", R"({"id": "oldest", "text": "Korea Selatan mengecam Rusia.", "published": "1999-01-01"})",
      "application/json");
  REQUIRE(oldest);
  REQUIRE(oldest->status == 201);
  CHECK_FALSE(in_order());
  const CommandResult r = run(ng() + " reorder --json --db " + shell_quote(s.db()));
  REQUIRE(r.exit_code == 0);
  CHECK(r.out.find("\"rewritten\":true") != std::string::npos);
  CHECK(in_order());
}

TEST_CASE("articles POSTed while another process rewrites the store in canonical order are all kept",
          "[server][order]") {
  server::ServerOptions o;
  o.lock_wait_ms = 600000;  // a write waits the rewrite out, however slow the machine
  LiveServer s(o);
  s.http().set_read_timeout(600, 0);
  // A store of some hundreds of articles written in reverse: marked, and slow enough to copy
  // that requests come while the rewrite makes its copy.
  std::vector<std::string> lines = pool_lines(600);
  if (lines.empty()) lines = example_lines(300);
  std::reverse(lines.begin(), lines.end());
  const std::string reversed = temp_dir() + "/reversed.jsonl";
  write_file(reversed, joined(lines));
  REQUIRE(ingest_file(s.db(), reversed, "--arrival-order --sort-buffer 0").exit_code == 0);
  REQUIRE_FALSE(json(s.http().Get("/api/v1/health"))["canonical_order"].GetBool());

  std::atomic<bool> done{false};
  CommandResult reordered;
  std::thread rewrite([&] {
    reordered = run(ng() + " reorder --json --db " + shell_quote(s.db()));
    done = true;
  });
  std::vector<std::string> stored;  // acknowledged: 201
  size_t while_rewriting = 0, refused = 0;
  for (int k = 0; k < 1000 && !done; ++k) {
    const bool during = !done;  // sent before the rewrite ended (it may wait for it to end)
    const std::string id = "race-" + std::to_string(k);
    const std::string body = R"({"id": ")" + id + R"(", "text": "Menteri Luar Negeri Jepang bertemu Duta Besar )"
                             R"(Korea Selatan di Tokyo pada pertemuan ke-)" + std::to_string(k) + R"(."})";
    auto r = s.http().Post("/api/v1/documents", body, "application/json");
    if (r && r->status == 201) stored.push_back(id);
    else ++refused;
    if (during && r && r->status == 201) ++while_rewriting;
  }
  rewrite.join();
  REQUIRE(reordered.exit_code == 0);
  CHECK(reordered.out.find("\"rewritten\":true") != std::string::npos);
  CHECK(refused == 0);  // every write waited for the rewrite, and was stored
  REQUIRE(while_rewriting > 0);  // some were sent while it ran
  size_t lost = 0;
  for (const std::string& id : stored) {
    auto r = s.http().Get("/api/v1/documents/" + id);
    if (!r || r->status != 200) ++lost;
  }
  INFO(stored.size() << " acknowledged, " << while_rewriting << " of them sent while the rewrite ran");
  CHECK(lost == 0);
}

TEST_CASE("a write while another process holds the store waits, then answers 503 store-busy with Retry-After",
          "[server][order]") {
  server::ServerOptions o;
  o.lock_wait_ms = 1000;
  LiveServer s(o);
  const int before = json(s.http().Get("/api/v1/health"))["documents"].GetInt();
  auto post = [&](const std::string& id) {
    return s.http().Post("/api/v1/documents", R"({"id": ")" + id + R"(", "text": "Jepang mengecam Rusia."})",
                         "application/json");
  };
  sqlite3* other = nullptr;  // another writer: an ingest, a rewrite into canonical order
  REQUIRE(sqlite3_open(s.db().c_str(), &other) == SQLITE_OK);
  REQUIRE(sqlite3_exec(other, "BEGIN IMMEDIATE", nullptr, nullptr, nullptr) == SQLITE_OK);
  auto refused = post("while-held");
  REQUIRE(refused);
  expect_problem(refused, 503, "store-busy");
  CHECK(refused->get_header_value("Retry-After") == "10");
  CHECK(refused->body.find(s.db()) == std::string::npos);  // the path is the server's business
  CHECK(json(s.http().Get("/api/v1/health"))["documents"].GetInt() == before);  // reads go on
  // Writes sent together wait their second together, not one after the other (eight
  // seconds for the last), though one at a time writes.
  std::vector<std::thread> writers;
  std::vector<int> statuses(8, 0);
  std::vector<double> seconds(8, 0);
  for (size_t k = 0; k < statuses.size(); ++k)
    writers.emplace_back([&, k] {
      httplib::Client client("127.0.0.1", s.port());
      const auto start = std::chrono::steady_clock::now();
      auto r = client.Post("/api/v1/documents", R"({"id": "queued-)" + std::to_string(k) + R"(", "text": "Isi."})",
                           "application/json");
      seconds[k] = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      statuses[k] = r ? r->status : 0;
    });
  for (std::thread& t : writers) t.join();
  CHECK(std::count(statuses.begin(), statuses.end(), 503) == 8);
  CHECK(*std::max_element(seconds.begin(), seconds.end()) < 4.0);
  sqlite3_exec(other, "ROLLBACK", nullptr, nullptr, nullptr);
  sqlite3_close(other);
  auto stored = post("after");
  REQUIRE(stored);
  CHECK(stored->status == 201);
  CHECK(json(s.http().Get("/api/v1/health"))["documents"].GetInt() == before + 1);
  auto absent = s.http().Get("/api/v1/documents/while-held");
  REQUIRE(absent);
  CHECK(absent->status == 404);
}

TEST_CASE("a POSTed article keeps its own date, else the request's, and a bad date is refused", "[server][dates]") {
  LiveServer s;
  auto published = [&](const std::string& id) {
    return std::string(json(s.http().Get("/api/v1/documents/" + id))["published"].GetString());
  };
  auto own = s.http().Post("/api/v1/documents", R"({"id": "d1", "text": "Rusia mengancam Jepang.", "published": "Kamis, 14/9/2023 10:05 WIB"})",
                           "application/json");
  REQUIRE(own);
  CHECK(own->status == 201);
  CHECK(published("d1") == "2023-09-14");
  auto header = s.http().Post("/api/v1/documents", {{"X-Published", "2018-06-12"}},
                              "Judul\n\nRusia mengancam Ukraina.", "text/plain");
  REQUIRE(header);
  CHECK(header->status == 201);
  CHECK(published(json(header)["id"].GetString()) == "2018-06-12");
  auto line = s.http().Post("/api/v1/documents?published=2018-06-12", "Judul\n2 Januari 2017\n\nRusia mengancam Polandia.",
                            "text/plain");
  REQUIRE(line);
  CHECK(published(json(line)["id"].GetString()) == "2017-01-02");  // the text's own date line wins
  expect_problem(s.http().Post("/api/v1/documents?published=2018-02-30", "Judul\n\nIsi.", "text/plain"), 400, "bad-date");
  expect_problem(s.http().Post("/api/v1/documents", R"({"text": "Isi.", "published": "kemarin"})", "application/json"),
                 400, "bad-date");
}

TEST_CASE("curation over REST previews, refuses conflicting types with 409, applies, and lists overrides",
          "[server][curate]") {
  LiveServer s;
  const std::string body = R"({"merge": [["Iran", "Uni Eropa"]], "retype": [["Hiroshi Tanaka", "ORGANIZATION"]]})";
  auto refused = s.http().Post("/api/v1/curate", body, "application/json");
  REQUIRE(refused);
  CHECK(refused->status == 409);
  CHECK(json(refused, 409)["rejected"].Size() == 1);
  CHECK_FALSE(json(refused, 409)["applied"].GetBool());
  auto preview = s.http().Post("/api/v1/curate?force=true&dry_run=true", body, "application/json");
  REQUIRE(preview);
  CHECK(preview->status == 200);
  CHECK(json(preview)["changes"].Size() == 2);
  CHECK_FALSE(json(preview)["applied"].GetBool());
  auto entity_id = [&](const std::string& name) {
    return std::string(json(s.http().Get("/api/v1/entities/" + name))["entity"]["id"].GetString());
  };
  CHECK(entity_id("european_union") == "european_union");  // a preview changes nothing
  auto applied = s.http().Post("/api/v1/curate?force=true", body, "application/json");
  REQUIRE(applied);
  CHECK(applied->status == 200);
  CHECK(json(applied)["merged"].GetInt() == 1);
  CHECK(json(applied)["edited"].GetInt() == 1);
  CHECK(entity_id("european_union") == "iran");  // its name now leads to the entity it joined
  auto overrides = json(s.http().Get("/api/v1/overrides"));
  CHECK(overrides["items"].Size() == 2);  // the merge and the type
  expect_problem(s.http().Post("/api/v1/curate", "{\"merge\": 5}", "application/json"), 400, "bad-overrides");
  expect_problem(s.http().Post("/api/v1/curate?dry_run=maybe", body, "application/json"), 400, "bad-parameter");
}

TEST_CASE("an article ingested by another process shows up in kept answers within moments", "[server]") {
  LiveServer s;
  const std::string url = "/api/v1/relations?predicate=ACCUSE&limit=500";
  const auto before = json(s.http().Get(url))["total"].GetInt64();
  CHECK(json(s.http().Get(url))["total"].GetInt64() == before);  // now a kept answer
  std::string article = temp_dir() + "/finlandia.txt";
  write_file(article, "Finlandia menuduh Rusia\n\nFinlandia menuduh Rusia mengirim migran ke perbatasan.\n");
  REQUIRE(run(ng() + " ingest --quiet --db " + shell_quote(s.db()) + " " + shell_quote(article))
              .exit_code == 0);
  int64_t after = before;
  for (int i = 0; i < 200 && after == before; ++i) {  // the kept answer expires within moments
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    after = json(s.http().Get(url))["total"].GetInt64();
  }
  CHECK(after == before + 1);
}

TEST_CASE("an ingest by another process expires the kept answers about what it touched and keeps the others",
          "[server]") {
  LiveServer s;
  auto get = [&](const std::string& url) {
    auto r = s.http().Get(url);
    REQUIRE(r);
    REQUIRE(r->status == 200);
    return std::make_pair(r->get_header_value("ETag"), std::stoll(r->get_header_value("X-Graph-Version")));
  };
  const auto japan = get("/api/v1/entities/japan");  // no relation with Russia or Finland
  const auto japan_by_name = get("/api/v1/entities/Jepang");
  const auto russia = get("/api/v1/entities/russia/relations");
  const auto russia_total = json(s.http().Get("/api/v1/entities/russia/relations"))["total"].GetInt64();
  std::string article = temp_dir() + "/finlandia.txt";
  write_file(article, "Finlandia menuduh Rusia\n\nFinlandia menuduh Rusia mengirim migran ke perbatasan.\n");
  REQUIRE(run(ng() + " ingest --quiet --db " + shell_quote(s.db()) + " " + shell_quote(article))
              .exit_code == 0);
  int64_t total = russia_total;
  for (int i = 0; i < 200 && total == russia_total; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    total = json(s.http().Get("/api/v1/entities/russia/relations"))["total"].GetInt64();
  }
  REQUIRE(total > russia_total);
  const auto japan_after = get("/api/v1/entities/japan");
  CHECK(japan_after.second > japan.second);  // read at the newer version...
  CHECK(japan_after.first == japan.first);   // ...and answered from what was kept
  CHECK(s.http().Get("/api/v1/entities/japan")->get_header_value("X-Cache") == "hit");
  CHECK(get("/api/v1/entities/russia/relations").first != russia.first);
  // A name resolved through aliases may lead elsewhere after any write: not kept across one.
  CHECK(get("/api/v1/entities/Jepang").first != japan_by_name.first);
  auto again = s.http().Get("/api/v1/entities/japan", {{"If-None-Match", japan.first}});
  REQUIRE(again);
  CHECK(again->status == 304);
}

TEST_CASE("malformed requests get 4xx problem answers and the server keeps serving", "[server]") {
  LiveServer s;
  expect_problem(s.http().Post("/api/v1/documents", "{oops", "application/json"), 400, "malformed-json");
  expect_problem(s.http().Post("/api/v1/documents", "{\"text\": 5}", "application/json"), 400, "bad-field");
  expect_problem(s.http().Post("/api/v1/documents", "{\"txt\": \"x\"}", "application/json"), 400, "unknown-field");
  expect_problem(s.http().Post("/api/v1/documents", "\xff\xfe", "text/plain"), 400, "invalid-utf8");
  // Nesting that would overflow the parser's stack, on the route that needs no token.
  expect_problem(s.http().Post("/api/v1/extract", std::string(200000, '['), "application/json"), 400,
                 "malformed-json");
  expect_problem(s.http().Post("/api/v1/documents", R"({"text": "Putin \uDFFF tiba di Moskow."})", "application/json"),
                 400, "malformed-json");
  expect_problem(s.http().Post("/api/v1/documents", R"({"text": "Putin \u0000 tiba."})", "application/json"), 400,
                 "binary");
  expect_problem(s.http().Post("/api/v1/documents", R"({"id": "a\r\nX: y", "text": "Putin tiba."})",
                               "application/json"),
                 400, "bad-field");
  // An id is a string in the answer, whatever it holds.
  auto odd = s.http().Post("/api/v1/documents", R"({"id": "a\",\"outcome\":\"hacked / é", "text": "Putin tiba di Moskow."})",
                           "application/json");
  REQUIRE(odd);
  CHECK(odd->status == 201);
  auto answer = json(odd);
  CHECK(std::string(answer["id"].GetString()) == "a\",\"outcome\":\"hacked / é");
  CHECK(std::string(answer["outcome"].GetString()) == "new");
  // (httplib's client gives Location decoded.) The percent-encoded path finds the article.
  CHECK(odd->get_header_value("Location") == "/api/v1/documents/a\",\"outcome\":\"hacked / é");
  auto stored = s.http().Get("/api/v1/documents/a%22%2C%22outcome%22%3A%22hacked%20%2F%20%C3%A9");
  REQUIRE(stored);
  CHECK(stored->status == 200);
  CHECK(std::string(json(stored)["id"].GetString()) == "a\",\"outcome\":\"hacked / é");
  expect_problem(s.http().Post("/api/v1/documents", "x", "image/png"), 415, "unsupported-media-type");
  expect_problem(s.http().Get("/api/v1/entities?limit=0"), 400, "bad-parameter");
  expect_problem(s.http().Get("/api/v1/entities?limit=99999999999999999999999"), 400, "bad-parameter");
  expect_problem(s.http().Get("/api/v1/relations?predicate=LOVES"), 400, "bad-parameter");
  expect_problem(s.http().Get("/api/v1/relations?modality=maybe"), 400, "bad-parameter");
  auto alleged = s.http().Get("/api/v1/relations?modality=alleged");
  REQUIRE(alleged);
  CHECK(alleged->status == 200);
  expect_problem(s.http().Get("/api/v1/relations?colour=red"), 400, "unknown-parameter");
  expect_problem(s.http().Get("/api/v1/no/such/route"), 404, "not-found");
  auto huge = s.http().Post("/api/v1/documents", std::string(2 << 20, 'a'), "text/plain");
  REQUIRE(huge);
  CHECK(huge->status == 413);
  CHECK(s.http().Get("/api/v1/health")->status == 200);
}

TEST_CASE("every route in the OpenAPI document is served", "[server]") {
  LiveServer s;
  auto doc = json(s.http().Get("/api/v1/openapi.json"));
  CHECK(std::string(doc["openapi"].GetString()) == "3.1.0");
  size_t checked = 0;
  for (const auto& path : doc["paths"].GetObject()) {
    std::string p = path.name.GetString();
    std::string concrete = p;
    size_t at = concrete.find("{id}");
    if (at != std::string::npos)
      concrete.replace(at, 4, p.find("/relations/") != std::string::npos ? "1"
                               : p.find("/documents/") != std::string::npos ? "01_menlu_bertemu"
                                                                             : "european_union");
    for (const auto& method : path.value.GetObject()) {
      std::string m = method.name.GetString();
      INFO(m << " " << concrete);
      httplib::Result r = m == "get"    ? s.http().Get(concrete.c_str())
                          : m == "post" ? s.http().Post(concrete.c_str(), "{\"text\": \"Rusia mengancam Jepang.\"}",
                                                        "application/json")
                                        : s.http().Delete(concrete.c_str());
      REQUIRE(r);
      CHECK(r->status != 404);
      ++checked;
    }
  }
  CHECK(checked >= 16);
}

TEST_CASE("off loopback, writes need the token", "[server]") {
  LiveServer s("0.0.0.0", "sekret");
  const std::string body = R"({"id": "w", "text": "Rusia mengancam Jepang."})";
  expect_problem(s.http().Post("/api/v1/documents", body, "application/json"), 401, "unauthorized");
  expect_problem(s.http().Post("/api/v1/reorder", "", "application/json"), 401, "unauthorized");
  auto ok = s.http().Post("/api/v1/documents", {{"Authorization", "Bearer sekret"}}, body, "application/json");
  REQUIRE(ok);
  CHECK(ok->status == 201);
}

TEST_CASE("ranges, compressed and chunked bodies are refused before anything is read", "[server][hostile]") {
  LiveServer s;
  std::string ranges = "bytes=0-";
  for (int i = 0; i < 900; ++i) ranges += ",0-";
  auto ranged = s.http().Get("/api/v1/relations?limit=500", {{"Range", ranges}});
  REQUIRE(ranged);
  CHECK(ranged->status == 416);
  CHECK(ranged->body.size() < 1024);  // not 900 copies of an answer
  expect_problem(s.http().Post("/api/v1/extract", {{"Content-Encoding", "gzip"}}, std::string(64, 'x'), "text/plain"),
                 415, "compressed-body");
  // A body of unknown length goes chunked, where cpp-httplib 0.11 reads past the body
  // limit: refused, small or large (the large one may see its connection closed).
  auto chunks_of = [&s](size_t total) {
    return s.http().Post(
        "/api/v1/documents",
        [total](size_t offset, httplib::DataSink& sink) {
          if (offset >= total) {
            sink.done();
            return true;
          }
          const std::string block = offset == 0 ? "X\nPresiden Jokowi menerima Vladimir Putin.\n" : std::string(64 << 10, 'a');
          return sink.write(block.data(), block.size());
        },
        "text/plain");
  };
  // The answer may race the client's last chunk (the connection is then closed on it);
  // either way nothing is stored (the count below).
  auto small = chunks_of(1);
  if (small) CHECK(small->status == 411);
  auto large = chunks_of(4u << 20);
  if (large) CHECK(large->status == 411);
  CHECK(s.http().Get("/api/v1/health")->status == 200);
  CHECK(json(s.http().Get("/api/v1/documents"))["total"].GetInt() == 3);
  CHECK(json(s.http().Get("/api/v1/health"))["documents"].GetInt() == 3);
}

TEST_CASE("a page of another site cannot write, nor reach the server under another name", "[server][hostile]") {
  LiveServer s;
  const std::string article = "X\nPresiden Jokowi menyerang Singapura.";
  expect_problem(s.http().Post("/api/v1/documents", {{"Origin", "http://evil.example"}}, article, "text/plain"), 403,
                 "cross-origin-write");
  expect_problem(s.http().Get("/api/v1/health", {{"Host", "evil.example"}}), 421, "wrong-host");
  expect_problem(s.http().Delete("/api/v1/documents/01_menlu_bertemu", {{"Origin", "null"}}), 403,
                 "cross-origin-write");
  CHECK(json(s.http().Get("/api/v1/documents"))["total"].GetInt() == 3);
  // The server's own pages (same origin) and clients that send no Origin may write.
  const std::string self = "http://127.0.0.1:" + std::to_string(s.port());
  auto same = s.http().Post("/api/v1/documents", {{"Origin", self}}, article, "text/plain");
  REQUIRE(same);
  CHECK(same->status == 201);
}

namespace {

// A connection that sends the start of a request and nothing more, as a slow client does.
struct SlowClient {
  int fd = -1;
  explicit SlowClient(int port) {
    fd = socket(AF_INET, SOCK_STREAM, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    REQUIRE(connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) == 0);
    const char start[] = "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    REQUIRE(send(fd, start, sizeof start - 1, 0) == static_cast<ssize_t>(sizeof start - 1));
  }
  ~SlowClient() { close(fd); }
};

}  // namespace

TEST_CASE("slow clients holding connections do not stop the server answering others", "[server][hostile]") {
  LiveServer s;  // 8 threads kept, like a 2-core machine
  std::vector<std::unique_ptr<SlowClient>> slow;
  for (int i = 0; i < 24; ++i) slow.push_back(std::make_unique<SlowClient>(s.port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(100));  // they have all been accepted
  httplib::Client other("127.0.0.1", s.port());
  other.set_read_timeout(5, 0);
  const auto start = std::chrono::steady_clock::now();
  auto health = other.Get("/api/v1/health");
  const auto waited = std::chrono::steady_clock::now() - start;
  REQUIRE(health);
  CHECK(health->status == 200);
  CHECK(waited < std::chrono::seconds(1));
}

TEST_CASE("search finds a POSTed name by any word, corrects a typo, and marks the words in evidence sentences",
          "[server][search]") {
  LiveServer s;
  auto created = s.http().Post(
      "/api/v1/documents",
      R"({"id": "m-1", "text": "Presiden Prancis Emmanuel Macron menuduh Presiden Rusia Vladimir Putin mengirim senjata ke Suriah.", "published": "2018-04-10"})",
      "application/json");
  REQUIRE(created);
  REQUIRE(created->status == 201);
  auto macron = json(s.http().Get("/api/v1/entities?q=Macron"));
  REQUIRE(macron["items"].Size() >= 1);
  CHECK(std::string(macron["items"][0]["label"].GetString()) == "Emmanuel Macron");
  CHECK(macron["corrected"].IsNull());
  auto putin = json(s.http().Get("/api/v1/entities?q=Puttin"));
  CHECK(std::string(putin["corrected"].GetString()) == "putin");
  CHECK(std::string(putin["items"][0]["id"].GetString()) == "vladimir_putin");
  CHECK(json(s.http().Get("/api/v1/entities?q=%21%3F"))["total"].GetInt() == 0);
  auto found = json(s.http().Get("/api/v1/search?q=senjata&entity=Emmanuel%20Macron&since=2018-04-01&until=2018-04-30"));
  REQUIRE(found["items"].Size() == 1);
  const auto& hit = found["items"][0];
  CHECK(std::string(hit["document"]["id"].GetString()) == "m-1");
  std::string matched;
  for (const auto& part : hit["parts"].GetArray())
    if (part["match"].GetBool()) matched += part["text"].GetString();
  CHECK(matched == "senjata");
  CHECK(json(s.http().Get("/api/v1/search?q=senjata&until=2018-03-31"))["total"].GetInt() == 0);
  expect_problem(s.http().Get("/api/v1/search?q=..."), 400, "missing-parameter");
  expect_problem(s.http().Get("/api/v1/search?q=senjata&since=April"), 400, "bad-parameter");
  expect_problem(s.http().Get("/api/v1/search?q=senjata&entity=Atlantis"), 404, "unknown-entity");
}

TEST_CASE("relations between two entities are found either way round, and sort by weight or date",
          "[server][search]") {
  LiveServer s;
  const char* articles[] = {
      R"({"id": "r-1", "text": "Presiden Prancis Emmanuel Macron bertemu Presiden Rusia Vladimir Putin di Paris.", "published": "2018-04-10"})",
      R"({"id": "r-2", "text": "Presiden Prancis Emmanuel Macron menuduh Presiden Rusia Vladimir Putin berbohong.", "published": "2019-06-01"})",
      R"({"id": "r-3", "text": "Presiden Prancis Emmanuel Macron kembali menuduh Vladimir Putin.", "published": "2019-07-01"})"};
  for (const char* body : articles) {
    auto r = s.http().Post("/api/v1/documents", body, "application/json");
    REQUIRE(r);
    REQUIRE(r->status == 201);
  }
  auto predicates = [&](const std::string& query) {
    std::set<std::string> out;
    const auto d = json(s.http().Get(("/api/v1/relations?" + query).c_str()));  // lives through the loop
    for (const auto& r : d["items"].GetArray()) out.insert(r["predicate"].GetString());
    return out;
  };
  const std::string forward = "subject=emmanuel_macron&object=vladimir_putin";
  const std::string backward = "subject=vladimir_putin&object=emmanuel_macron";
  CHECK(predicates(forward).count("ACCUSE") == 1);
  CHECK(predicates(forward).count("MEET") == 1);
  CHECK(predicates(backward).count("MEET") == 1);     // symmetric: stored either way, found either way
  CHECK(predicates(backward).count("ACCUSE") == 0);   // Putin accused no one
  CHECK(predicates(backward + "&direction=both").count("ACCUSE") == 1);
  expect_problem(s.http().Get(("/api/v1/relations?" + forward + "&direction=sideways").c_str()), 400, "bad-parameter");

  auto sorted = [&](const std::string& sort, const char* field) {
    std::vector<std::string> values;
    auto d = json(s.http().Get(("/api/v1/entities/emmanuel_macron/relations?sort=" + sort + "&limit=2").c_str()));
    for (const auto& r : d["items"].GetArray())
      values.push_back(r[field].IsString() ? r[field].GetString() : std::to_string(r[field].GetInt64()));
    std::string next = d["next"].IsNull() ? "" : d["next"].GetString();
    while (!next.empty()) {  // the next pages carry on the same order
      auto page = json(s.http().Get(
          ("/api/v1/entities/emmanuel_macron/relations?sort=" + sort + "&limit=2&cursor=" + next).c_str()));
      for (const auto& r : page["items"].GetArray())
        values.push_back(r[field].IsString() ? r[field].GetString() : std::to_string(r[field].GetInt64()));
      next = page["next"].IsNull() ? "" : page["next"].GetString();
    }
    return values;
  };
  auto weights = sorted("weight", "weight");
  REQUIRE(weights.size() >= 3);
  CHECK(std::is_sorted(weights.rbegin(), weights.rend(),
                       [](const std::string& a, const std::string& b) { return std::stoll(a) < std::stoll(b); }));
  CHECK(weights.front() == "3");  // named together in all three articles
  auto dates = sorted("date", "last_seen");
  CHECK(std::is_sorted(dates.rbegin(), dates.rend()));
  CHECK(dates.front() == "2019-07-01");
  expect_problem(s.http().Get("/api/v1/relations?sort=colour"), 400, "bad-parameter");
}

TEST_CASE("an origin allowed with --cors reads and writes through CORS; any other gets no header and no write",
          "[server][hostile]") {
  server::ServerOptions o;
  o.cors_origins = {"http://Explorer.example:9000/"};  // written loosely, matched as browsers send it
  LiveServer s(o);
  const httplib::Headers allowed{{"Origin", "http://explorer.example:9000"}};
  const httplib::Headers other{{"Origin", "http://evil.example"}};
  auto read = s.http().Get("/api/v1/health", allowed);
  REQUIRE(read);
  CHECK(read->get_header_value("Access-Control-Allow-Origin") == "http://explorer.example:9000");
  CHECK(read->get_header_value("Vary") == "Origin");
  auto foreign = s.http().Get("/api/v1/health", other);
  REQUIRE(foreign);
  CHECK(foreign->status == 200);  // reading is no harm; the browser keeps the answer from the page
  CHECK_FALSE(foreign->has_header("Access-Control-Allow-Origin"));

  httplib::Headers preflight = allowed;
  preflight.emplace("Access-Control-Request-Method", "POST");
  preflight.emplace("Access-Control-Request-Headers", "content-type");
  auto ask = s.http().Options("/api/v1/documents", preflight);
  REQUIRE(ask);
  CHECK(ask->status == 204);
  CHECK(ask->get_header_value("Access-Control-Allow-Methods").find("POST") != std::string::npos);
  CHECK(ask->get_header_value("Access-Control-Allow-Headers").find("Content-Type") != std::string::npos);
  httplib::Headers foreign_preflight = other;
  foreign_preflight.emplace("Access-Control-Request-Method", "POST");
  expect_problem(s.http().Options("/api/v1/documents", foreign_preflight), 403, "cors-refused");

  const std::string body = R"({"id": "c-1", "text": "Presiden Joko Widodo bertemu Presiden Vladimir Putin di Moskow."})";
  auto written = s.http().Post("/api/v1/documents", allowed, body, "application/json");
  REQUIRE(written);
  CHECK(written->status == 201);
  CHECK(written->get_header_value("Access-Control-Allow-Origin") == "http://explorer.example:9000");
  expect_problem(s.http().Post("/api/v1/documents", other, body, "application/json"), 403, "cross-origin-write");
}

TEST_CASE("a --cors value that is no origin stops the server from starting", "[server][hostile]") {
  for (const char* bad : {"explorer.example", "ftp://explorer.example", "http://", "http://a.example/path"}) {
    INFO(bad);
    server::ServerOptions o;
    o.db = temp_dir() + "/cors.db";
    o.port = 0;
    o.cors_origins = {bad};
    server::ApiServer api(o);
    CHECK(api.start().code() == StatusCode::kUsage);
    CHECK_FALSE(std::filesystem::exists(o.db));  // refused before anything was opened
  }
}
