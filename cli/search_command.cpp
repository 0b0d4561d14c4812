// `newsgraph search TEXT`: the entities whose names hold the words, and the evidence
// sentences that do, from the store without a server.
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>
#include <unistd.h>

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
    "usage: newsgraph search TEXT [--db PATH] [--limit N] [--entity E] [--since DATE]\n"
    "                        [--until DATE] [--names | --sentences] [--json]\n"
    "\n"
    "Finds the entities any of whose names hold the words of TEXT (each word whole or\n"
    "begun; a misspelt word is searched under the closest word of a name, and said so),\n"
    "and the sentences supporting relations that hold them all, best first, the words\n"
    "found marked [like this] (bold on a terminal).\n"
    "\n"
    "options:\n"
    "  --db PATH       the store (default newsgraph.db)\n"
    "  --limit N       entities and sentences shown, each (default 10)\n"
    "  --entity E      sentences naming this entity (an id, a name or an alias)\n"
    "  --since DATE    sentences of articles published on or after DATE (YYYY-MM-DD)\n"
    "  --until DATE    ... on or before DATE\n"
    "  --names         entities only\n"
    "  --sentences     sentences only\n"
    "  --json          one JSON object: {\"entities\": {...}, \"sentences\": {...}}\n"
    "  -h, --help      show this help\n"
    "\n"
    "Exit codes: 0 something found, 1 nothing found, 2 usage error, 3 failure (no\n"
    "store, unreadable store).\n";

using Json = rapidjson::Writer<rapidjson::StringBuffer>;

void field(Json& w, const char* key, const std::string& value) {
  w.Key(key);
  w.String(value.c_str(), static_cast<rapidjson::SizeType>(value.size()));
}

void print_json(const store::EntityHits* names, const std::vector<store::SentenceHit>* sentences, int64_t sentence_total) {
  rapidjson::StringBuffer b;
  Json w(b);
  w.StartObject();
  if (names) {
    w.Key("entities");
    w.StartObject();
    w.Key("items");
    w.StartArray();
    for (const auto& e : names->items) {
      w.StartObject();
      field(w, "id", e.id);
      field(w, "label", e.label);
      field(w, "type", e.type);
      field(w, "matched", e.matched);
      w.Key("articles");
      w.Int64(e.articles);
      w.EndObject();
    }
    w.EndArray();
    w.Key("total");
    w.Int64(names->total);
    if (names->corrected.empty()) {
      w.Key("corrected");
      w.Null();
    } else {
      field(w, "corrected", names->corrected);
    }
    w.EndObject();
  }
  if (sentences) {
    w.Key("sentences");
    w.StartObject();
    w.Key("items");
    w.StartArray();
    for (const auto& h : *sentences) {
      w.StartObject();
      field(w, "document", h.doc_id);
      field(w, "title", h.title);
      field(w, "published", h.published);
      w.Key("sentence");
      w.Int64(h.sentence_index);
      w.Key("parts");
      w.StartArray();
      for (const auto& [piece, hit] : h.parts) {
        w.StartObject();
        field(w, "text", piece);
        w.Key("match");
        w.Bool(hit);
        w.EndObject();
      }
      w.EndArray();
      w.EndObject();
    }
    w.EndArray();
    w.Key("total");
    w.Int64(sentence_total);
    w.EndObject();
  }
  w.EndObject();
  std::puts(b.GetString());
}

void print_text(const store::EntityHits* names, const std::vector<store::SentenceHit>* sentences,
                int64_t sentence_total) {
  const bool terminal = isatty(STDOUT_FILENO);
  if (names) {
    if (!names->corrected.empty()) std::printf("(no name holds the words as typed; searched for '%s')\n", names->corrected.c_str());
    std::printf("entities: %lld\n", static_cast<long long>(names->total));
    for (const auto& e : names->items)
      std::printf("  %-32s %-14s %5lld articles  %s\n", e.id.c_str(), e.type.c_str(), static_cast<long long>(e.articles),
                  e.label.c_str());
  }
  if (sentences) {
    std::printf("%ssentences: %lld\n", names ? "\n" : "", static_cast<long long>(sentence_total));
    for (const auto& h : *sentences) {
      std::printf("  ");
      for (const auto& [piece, hit] : h.parts) {
        if (!hit) std::fputs(piece.c_str(), stdout);
        else if (terminal) std::printf("\x1b[1m%s\x1b[0m", piece.c_str());
        else std::printf("[%s]", piece.c_str());
      }
      std::printf("\n      %s, sentence %lld: %s%s%s\n", h.doc_id.c_str(), static_cast<long long>(h.sentence_index),
                  h.title.c_str(), h.published.empty() ? "" : ", ", h.published.substr(0, 10).c_str());
    }
  }
}

}  // namespace

int run_search(const std::vector<std::string>& args) {
  FlagReader f("search", args);
  std::string db = "newsgraph.db", text, entity;
  bool json = false, want_names = true, want_sentences = true;
  size_t limit = 10;
  store::SentenceSearch sentence_search;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (f.is("--db")) {
      if (!f.value(&db)) return kExitUsage;
    } else if (f.is("--limit")) {
      if (!f.number(&limit, 500) || limit == 0) return limit == 0 ? f.usage_error("--limit is 1 to 500") : kExitUsage;
    } else if (f.is("--entity")) {
      if (!f.value(&entity)) return kExitUsage;
    } else if (f.is("--since")) {
      if (!f.date(&sentence_search.since)) return kExitUsage;
    } else if (f.is("--until")) {
      if (!f.date(&sentence_search.until)) return kExitUsage;
    } else if (f.is("--names")) {
      want_sentences = false;
    } else if (f.is("--sentences")) {
      want_names = false;
    } else if (f.is("--json")) {
      json = true;
    } else if (f.is_option()) {
      return f.unknown_option(kHelp);
    } else {
      text += (text.empty() ? "" : " ") + f.arg();  // unquoted words are one search
    }
  }
  if (!want_names && !want_sentences) return f.usage_error("--names and --sentences leave nothing to search");
  if (store::search_words(text).empty()) return f.usage_error("give the words to search for");
  std::unique_ptr<store::Store> store;
  const store::StoreOptions options = store::StoreOptions::for_reading();
  Status st = store::Store::open(db, options, &store);
  if (st.is_ok() && !entity.empty()) {
    std::vector<store::EntityRow> candidates;
    st = store::resolve_entity(*store, entity, &candidates);
    if (st.is_ok() && candidates.size() != 1)
      return f.usage_error("--entity '" + entity + "' names " + (candidates.empty() ? "no entity" : "several entities") +
                           "; give an id (newsgraph search --names finds them)");
    if (st.is_ok()) sentence_search.entity = candidates.front().key;
  }
  store::EntityHits names;
  std::vector<store::SentenceHit> sentences;
  int64_t sentence_total = 0;
  if (st.is_ok() && want_names) {
    store::EntitySearch search;
    search.q = text;
    search.limit = limit;
    st = store::search_entities(*store, search, &names);
  }
  if (st.is_ok() && want_sentences) {
    sentence_search.q = text;
    sentence_search.limit = limit;
    st = store::search_sentences(*store, sentence_search, &sentences, &sentence_total);
  }
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph search: %s\n", st.message().c_str());
    return kExitFailure;
  }
  const store::EntityHits* shown_names = want_names ? &names : nullptr;
  const std::vector<store::SentenceHit>* shown_sentences = want_sentences ? &sentences : nullptr;
  if (json) print_json(shown_names, shown_sentences, sentence_total);
  else print_text(shown_names, shown_sentences, sentence_total);
  return names.total > 0 || sentence_total > 0 ? kExitOk : kExitSkipped;
}

}  // namespace newsgraph::cli
