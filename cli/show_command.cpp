// `newsgraph show ENTITY`: one entity from the store, without a server: its names, type,
// articles and dates, and its heaviest relations, each with one sentence that supports it.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <cstdio>
#include <memory>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "store/queries.h"
#include "store/search.h"
#include "store/store.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph show ENTITY [--db PATH] [--top N] [--cooccurs] [--json]\n"
    "\n"
    "Shows one stored entity, named by its id, a name or an alias (\"Putin\", \"Korea\n"
    "Utara\"): its type, other names, articles and the dates they span, and its heaviest\n"
    "relations with one supporting sentence each. A name that is not exact is searched\n"
    "as `newsgraph search` would, and the closest entities are listed.\n"
    "\n"
    "options:\n"
    "  --db PATH     the store (default newsgraph.db)\n"
    "  --top N       relations shown (default 10)\n"
    "  --cooccurs    count co-occurrence among them (left out by default)\n"
    "  --json        one JSON object instead of text\n"
    "  -h, --help    show this help\n"
    "\n"
    "Exit codes: 0 shown, 1 no entity or several have that name (candidates listed),\n"
    "2 usage error, 3 failure (no store, unreadable store).\n";

using Json = rapidjson::Writer<rapidjson::StringBuffer>;

struct ShownRelation {
  store::RelationRow relation;
  std::vector<store::EvidenceRow> evidence;  // one at most
};

void field(Json& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void print_json(const store::EntityRow& e, const std::vector<ShownRelation>& shown) {
  rapidjson::StringBuffer b;
  Json w(b);
  w.StartObject();
  field(w, "id", e.id);
  field(w, "label", e.label);
  field(w, "type", e.type);
  w.Key("aliases");
  w.StartArray();
  for (const auto& a : e.aliases) w.String(a.c_str(), static_cast<rapidjson::SizeType>(a.size()));
  w.EndArray();
  w.Key("articles");
  w.Int64(e.articles);
  w.Key("degree");
  w.Int64(e.degree);
  field(w, "first_seen", e.first_seen);
  field(w, "last_seen", e.last_seen);
  w.Key("relations");
  w.StartArray();
  for (const auto& s : shown) {
    const store::RelationRow& r = s.relation;
    w.StartObject();
    w.Key("id");
    w.Int64(r.key);
    field(w, "subject", r.subject_id);
    field(w, "predicate", r.predicate);
    field(w, "object", r.object_id);
    w.Key("weight");
    w.Int64(r.weight);
    field(w, "modality", r.modality);
    field(w, "first_seen", r.first_seen);
    field(w, "last_seen", r.last_seen);
    w.Key("evidence");
    if (s.evidence.empty()) {
      w.Null();
    } else {
      const store::EvidenceRow& v = s.evidence.front();
      w.StartObject();
      field(w, "document", v.doc_id);
      field(w, "title", v.title);
      field(w, "published", v.published);
      field(w, "sentence", v.sentence);
      w.EndObject();
    }
    w.EndObject();
  }
  w.EndArray();
  w.EndObject();
  std::puts(b.GetString());
}

// A sentence cut to about 300 bytes at a character boundary, for a line of text.
std::string shortened(const std::string& sentence) {
  constexpr size_t kMost = 300;
  if (sentence.size() <= kMost) return sentence;
  size_t cut = kMost;
  while (cut > 0 && (static_cast<unsigned char>(sentence[cut]) & 0xC0) == 0x80) --cut;  // not inside a character
  return sentence.substr(0, cut) + "...";
}

void print_text(const store::EntityRow& e, const std::vector<ShownRelation>& shown) {
  std::printf("%s (%s) %s: %lld article%s", e.label.c_str(), e.id.c_str(), e.type.c_str(),
              static_cast<long long>(e.articles), e.articles == 1 ? "" : "s");
  if (!e.first_seen.empty()) std::printf(", %s to %s", e.first_seen.c_str(), e.last_seen.c_str());
  std::printf(", %lld related entit%s\n", static_cast<long long>(e.degree), e.degree == 1 ? "y" : "ies");
  if (!e.aliases.empty()) {
    std::printf("also:");
    for (size_t i = 0; i < e.aliases.size(); ++i) std::printf("%s %s", i ? "," : "", e.aliases[i].c_str());
    std::printf("\n");
  }
  if (shown.empty()) return;
  std::printf("\nrelations, heaviest first:\n");
  for (const auto& s : shown) {
    const store::RelationRow& r = s.relation;
    std::printf("  %s %s %s  (%lld article%s%s%s)\n", r.subject_label.c_str(), r.predicate.c_str(),
                r.object_label.c_str(), static_cast<long long>(r.weight), r.weight == 1 ? "" : "s",
                r.modality == "asserted" ? "" : ", ", r.modality == "asserted" ? "" : r.modality.c_str());
    if (s.evidence.empty()) continue;
    const store::EvidenceRow& v = s.evidence.front();
    std::printf("      \"%s\"\n      %s%s%s\n", shortened(v.sentence).c_str(), v.title.c_str(),
                v.published.empty() ? "" : ", ", v.published.substr(0, 10).c_str());
  }
}

// No entity has exactly that name: the closest ones, as a search finds them.
int list_candidates(store::Store& store, const std::string& name, const std::vector<store::EntityRow>& exact) {
  std::vector<store::EntityRow> candidates = exact;
  if (candidates.empty()) {
    store::EntitySearch search;
    search.q = name;
    search.limit = 10;
    store::EntityHits hits;
    if (store::search_entities(store, search, &hits).is_ok()) candidates = hits.items;
  }
  if (candidates.empty()) {
    std::fprintf(stderr, "newsgraph show: no entity is named '%s'\n", name.c_str());
    return kExitSkipped;
  }
  std::fprintf(stderr, "newsgraph show: '%s' %s; show one of these by its id:\n", name.c_str(),
               exact.empty() ? "is no entity's exact name" : "names several entities");
  for (const auto& c : candidates)
    std::fprintf(stderr, "  %-30s %s (%s)\n", c.id.c_str(), c.label.c_str(), c.type.c_str());
  return kExitSkipped;
}

}  // namespace

int run_show(const std::vector<std::string>& args) {
  FlagReader f("show", args);
  std::string db = "newsgraph.db", name;
  bool json = false, cooccurs = false;
  size_t top = 10;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (f.is("--db")) {
      if (!f.value(&db)) return kExitUsage;
    } else if (f.is("--top")) {
      if (!f.number(&top, 500)) return kExitUsage;
    } else if (f.is("--json")) {
      json = true;
    } else if (f.is("--cooccurs")) {
      cooccurs = true;
    } else if (f.is_option()) {
      return f.unknown_option(kHelp);
    } else if (name.empty()) {
      name = f.arg();
    } else {
      return f.usage_error("one entity at a time ('" + name + "', then '" + f.arg() + "')");
    }
  }
  if (name.empty()) return f.usage_error("name the entity to show (an id, a name or an alias)");
  std::unique_ptr<store::Store> store;
  const store::StoreOptions options = store::StoreOptions::for_reading();
  Status st = store::Store::open(db, options, &store);
  std::vector<store::EntityRow> exact;
  if (st.is_ok()) st = store::resolve_entity(*store, name, &exact);
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph show: %s\n", st.message().c_str());
    return kExitFailure;
  }
  if (exact.size() != 1) return list_candidates(*store, name, exact);
  store::EntityRow e = exact.front();
  std::vector<ShownRelation> shown;
  store::RelationQuery q;
  q.either = e.key;
  q.order = "weight";
  q.limit = top;
  std::vector<store::RelationRow> relations;
  q.typed_only = !cooccurs;
  st = store::entity_details(*store, &e);
  if (st.is_ok()) st = store::find_relations(*store, q, &relations, nullptr);
  for (size_t i = 0; st.is_ok() && i < relations.size(); ++i) {
    ShownRelation s{relations[i], {}};
    int64_t total = 0;
    st = store::relation_evidence(*store, relations[i].key, 0, 1, &s.evidence, &total);
    shown.push_back(std::move(s));
  }
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph show: %s\n", st.message().c_str());
    return kExitFailure;
  }
  if (json) print_json(e, shown);
  else print_text(e, shown);
  return kExitOk;
}

}  // namespace newsgraph::cli
