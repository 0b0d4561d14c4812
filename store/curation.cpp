// `curate`: the user's overrides applied to the stored graph. Merges move article
// entities from one store entity to another; a `never` pair that is currently one
// entity is split by the article names. Both re-key the evidence, so weights follow.
#include <rapidjson/document.h>
#include <rapidjson/error/en.h>

#include "core/json_guard.h"
#include "core/text.h"
#include "store/article_mentions.h"
#include "store/store.h"
#include "store/store_internal.h"

namespace newsgraph::store {
namespace {

void log_curation(Db& db, const std::string& name, int64_t entity_key, const char* rule,
                  const std::string& detail) {
  db.prepare("INSERT INTO merge_log(at, doc_key, name, entity_key, rule, detail) VALUES (?, NULL, ?, ?, ?, ?)")
      .bind(1, utc_now_iso())
      .bind(2, name)
      .bind(3, entity_key)
      .bind(4, rule)
      .bind(5, detail)
      .run();
}

void remember(Db& db, const char* kind, const std::string& a, const std::string& b) {
  db.prepare("INSERT OR IGNORE INTO overrides(kind, name_a, name_b) VALUES (?, ?, ?)")
      .bind(1, kind)
      .bind(2, text::fold_key(a))
      .bind(3, text::fold_key(b))
      .run();
}

std::set<int64_t> doc_entities_where(Db& db, int64_t entity_key, const std::string& label_key) {
  std::set<int64_t> out;
  Statement q = db.prepare("SELECT doc_entity_key, label FROM doc_entities WHERE entity_key = ?");
  q.bind(1, entity_key);
  while (q.step())
    if (label_key.empty() || text::fold_key(q.column_view(1)) == label_key) out.insert(q.column_int(0));
  return out;
}

void move_doc_entities(Db& db, const std::set<int64_t>& doc_entities, int64_t to) {
  for (int64_t de : doc_entities)
    db.prepare("UPDATE doc_entities SET entity_key = ? WHERE doc_entity_key = ?").bind(1, to).bind(2, de).run();
}

struct Named {
  int64_t key = 0;
  std::string id, label, type;
  int64_t articles = 0;
};

Named describe(Db& db, int64_t key) {
  Statement q = db.prepare(
      "SELECT id, label, type, (SELECT COUNT(DISTINCT doc_key) FROM doc_entities WHERE entity_key = ?1) "
      "FROM entities WHERE entity_key = ?1");
  q.bind(1, key);
  if (!q.step()) return {};
  return {key, q.column_text(0), q.column_text(1), q.column_text(2), q.column_int(3)};
}

// Checks a merge list before anything changes: each name must name one entity, and
// their types must agree unless forced. Reasons go to report->rejected.
void check_merge(Db& db, const std::vector<std::string>& names, const CurateOptions& options, CurateReport* report) {
  Named first;
  for (const std::string& name : names) {
    std::vector<int64_t> found = entities_named(db, name);
    if (found.size() > 1) {
      std::string ids;
      for (int64_t k : found) ids += (ids.empty() ? "" : ", ") + describe(db, k).id;
      report->rejected.push_back("'" + name + "' names " + std::to_string(found.size()) +
                                 " entities (" + ids + "): give the id of the one meant");
      continue;
    }
    if (found.empty()) continue;  // reported as unknown when applied
    Named n = describe(db, found.front());
    if (first.key == 0) {
      first = n;
    } else if (!options.force && first.type != n.type) {
      report->rejected.push_back("'" + name + "' is a " + n.type + " and '" + names.front() + "' a " + first.type +
                                 ": merging them needs --force");
    }
  }
}

void merge_names(Db& db, const std::vector<std::string>& names, CurateReport* report) {
  int64_t keep = find_entity_named(db, names.front());
  if (!keep) {
    report->unknown_names.push_back(names.front());
    return;
  }
  const Named kept = describe(db, keep);
  for (size_t i = 1; i < names.size(); ++i) {
    remember(db, "merge", names.front(), names[i]);
    db.prepare("DELETE FROM overrides WHERE kind = 'never' AND ((name_a = ?1 AND name_b = ?2) OR "
               "(name_a = ?2 AND name_b = ?1))")
        .bind(1, text::fold_key(names.front()))
        .bind(2, text::fold_key(names[i]))
        .run();
    int64_t other = find_entity_named(db, names[i]);
    if (!other) {
      report->unknown_names.push_back(names[i]);
      continue;
    }
    if (other == keep) continue;
    const Named folded = describe(db, other);
    report->changes.push_back("merge '" + folded.label + "' (" + folded.id + ", " + std::to_string(folded.articles) +
                              " articles) into '" + kept.label + "' (" + kept.id + ")");
    std::set<int64_t> moved = doc_entities_where(db, other, "");
    move_doc_entities(db, moved, keep);
    db.prepare("UPDATE merge_log SET entity_key = ? WHERE entity_key = ?").bind(1, keep).bind(2, other).run();
    refresh_entity(db, other);
    refresh_entity(db, keep);
    rekey_evidence(db, moved, {keep, other});
    log_curation(db, names[i], keep, "curate-merge", "merged into '" + names.front() + "' by overrides");
    ++report->merged;
  }
}

// An article entity that had a name as one of its other names (aliases), with the
// aliases it keeps.
struct AliasedName {
  int64_t doc_entity_key = 0;
  std::vector<std::string> kept_aliases;
};

std::vector<AliasedName> aliased_names(Db& db, int64_t entity_key, const std::string& name_key,
                                       const std::set<int64_t>& named) {
  std::vector<AliasedName> out;
  Statement q = db.prepare("SELECT doc_entity_key, aliases FROM doc_entities WHERE entity_key = ?");
  q.bind(1, entity_key);
  while (q.step()) {
    if (named.count(q.column_int(0))) continue;
    AliasedName n{q.column_int(0), {}};
    bool had = false;
    for (std::string& alias : split_aliases(q.column_view(1))) {
      if (text::fold_key(alias) == name_key) had = true;
      else n.kept_aliases.push_back(std::move(alias));
    }
    if (had) out.push_back(std::move(n));
  }
  return out;
}

// The name leaves the article entity: off its aliases, and its mentions by that name go
// to a new article entity of `split` in the same article.
void detach_name(Db& db, const AliasedName& n, const std::string& name, const std::string& name_key,
                 int64_t split) {
  db.prepare("UPDATE doc_entities SET aliases = ? WHERE doc_entity_key = ?")
      .bind(1, join_aliases(n.kept_aliases))
      .bind(2, n.doc_entity_key)
      .run();
  std::vector<Mention> kept, moved;
  {
    Statement q = db.prepare("SELECT mentions FROM doc_entities WHERE doc_entity_key = ?");
    q.bind(1, n.doc_entity_key);
    std::vector<Mention> mentions;
    if (!q.step() || !decode_mentions(q.column_blob(0), &mentions))
      throw StoreError{"the mentions of an article entity are unreadable"};
    for (Mention& m : mentions) (text::fold_key(m.text) == name_key ? moved : kept).push_back(std::move(m));
  }
  if (moved.empty()) return;
  replace_mentions(db, n.doc_entity_key, kept);
  db.prepare("INSERT INTO doc_entities(doc_key, local_id, label, aliases, type, from_gazetteer, entity_key, "
             "mention_count, mentions) SELECT doc_key, local_id || '~split', ?, '', type, 0, ?, ?, ? "
             "FROM doc_entities WHERE doc_entity_key = ?")
      .bind(1, name)
      .bind(2, split)
      .bind(3, static_cast<int64_t>(moved.size()))
      .bind_blob(4, encode_mentions(moved))
      .bind(5, n.doc_entity_key)
      .run();
}

// Splits the article entities named b (or a) out of the entity both names lead to.
void split_names(Db& db, const std::string& a, const std::string& b, CurateReport* report);

void keep_apart(Db& db, const std::string& a, const std::string& b, CurateReport* report) {
  remember(db, "never", a, b);
  split_names(db, a, b, report);
}

void split_names(Db& db, const std::string& a, const std::string& b, CurateReport* report) {
  int64_t ea = find_entity_named(db, a), eb = find_entity_named(db, b);
  if (!ea) report->unknown_names.push_back(a);
  if (!eb) report->unknown_names.push_back(b);
  if (!ea || ea != eb) return;
  // Move out the article entities named like b, or like a when b is the label kept.
  // Articles may also have given the name to the entity as another of its names
  // ("Vladimir" beside "Donald Trump" in one article): the name and its mentions leave too.
  std::string leave = text::fold_key(b), name = b;
  const std::set<int64_t> rest = doc_entities_where(db, ea, "");
  std::set<int64_t> group;
  std::vector<AliasedName> aliased;
  auto separable = [&] {
    group = doc_entities_where(db, ea, leave);
    aliased = aliased_names(db, ea, leave, group);
    return (!group.empty() || !aliased.empty()) && group.size() < rest.size();
  };
  if (!separable()) {
    leave = text::fold_key(a);
    name = a;
    if (!separable()) return;  // nothing separable by name
  }
  std::string type;
  {
    Statement q = db.prepare("SELECT type FROM doc_entities WHERE doc_entity_key = ?");
    q.bind(1, group.empty() ? aliased.front().doc_entity_key : *group.begin());
    q.step();
    type = q.column_text(0);
  }
  std::string id = unused_id(db, text::slugify(name));
  db.prepare("INSERT INTO entities(id, label, type, from_gazetteer, label_key) VALUES (?, ?, ?, 0, ?)")
      .bind(1, id)
      .bind(2, name)
      .bind(3, type)
      .bind(4, leave)
      .run();
  int64_t split = db.last_insert_id();
  report->changes.push_back("split '" + name + "' (" + std::to_string(group.size() + aliased.size()) +
                            " article names) from '" + (name == b ? a : b) + "' as " + id);
  move_doc_entities(db, group, split);
  for (const AliasedName& n : aliased) detach_name(db, n, name, leave, split);
  refresh_entity(db, split);
  refresh_entity(db, ea);
  rekey_evidence(db, group, {ea, split});
  log_curation(db, name, split, "curate-split", "kept apart from '" + (name == b ? a : b) + "' by overrides");
  ++report->split;
}

bool read_names(const rapidjson::Value& v, std::vector<std::string>* out) {
  if (!v.IsArray() || v.Size() < 2) return false;
  for (const auto& n : v.GetArray()) {
    if (!n.IsString() || n.GetStringLength() == 0) return false;
    out->emplace_back(n.GetString(), n.GetStringLength());
  }
  return true;
}

// "rename": [["Kirby", "John Kirby"]], "retype": [["Realme", "ORGANIZATION"]],
// "delete": ["Baca Juga"]: the edits of single entities.
Status parse_edits(const std::string& key, const rapidjson::Value& list, const std::string& name, Overrides* out) {
  size_t index = 0;
  for (const auto& item : list.GetArray()) {
    const std::string where = name + ": " + key + "[" + std::to_string(index++) + "]";
    if (key == "delete") {
      if (!item.IsString() || item.GetStringLength() == 0)
        return Status::error(StatusCode::kInvalidInput, where + " must be a name");
      out->remove.emplace_back(item.GetString(), item.GetStringLength());
      continue;
    }
    if (key == "unset") {
      std::vector<std::string> names;  // the kind, then the name or the two names
      const bool read = read_names(item, &names);
      const std::string kind = read ? names[0] : "";
      const bool pair_kind = kind == "merge" || kind == "never";
      const bool one_kind = kind == "label" || kind == "type" || kind == "delete";
      if (!read || (pair_kind && names.size() != 3) || (one_kind && names.size() != 2) || (!pair_kind && !one_kind))
        return Status::error(StatusCode::kInvalidInput,
                             where + " must be [\"label\"|\"type\"|\"delete\", name] or [\"merge\"|\"never\", a, b]");
      out->unset.push_back(std::move(names));
      continue;
    }
    if (key != "rename" && key != "retype") continue;
    std::vector<std::string> pair;
    if (!read_names(item, &pair) || pair.size() != 2)
      return Status::error(StatusCode::kInvalidInput, where + " must be a name and " +
                                                          (key == "rename" ? "its new label" : "its new type"));
    if (key == "retype" && !parse_entity_type(pair[1]))
      return Status::error(StatusCode::kInvalidInput, where + ": '" + pair[1] + "' is no entity type");
    (key == "rename" ? out->rename : out->retype).emplace_back(pair[0], pair[1]);
  }
  return Status::ok();
}

// Checks that each edited name names one entity, as check_merge does for merges.
void check_edits(Db& db, const Overrides& o, CurateReport* report) {
  std::vector<std::string> names = o.remove;
  for (const auto& [n, v] : o.rename) names.push_back(n);
  for (const auto& [n, v] : o.retype) names.push_back(n);
  for (const std::string& name : names) {
    const size_t found = entities_named(db, name).size();
    if (found > 1)
      report->rejected.push_back("'" + name + "' names " + std::to_string(found) + " entities: give the id of the one meant");
  }
}

// Takes back the overrides in o.unset (see Overrides::unset).
void apply_unsets(Db& db, const Overrides& o, CurateReport* report) {
  for (const auto& u : o.unset) {
    const std::string& kind = u[0];
    if (kind == "merge" || kind == "never") {
      Statement q = db.prepare("DELETE FROM overrides WHERE kind = ?1 AND ((name_a = ?2 AND name_b = ?3) OR "
                               "(name_a = ?3 AND name_b = ?2))");
      q.bind(1, kind).bind(2, text::fold_key(u[1])).bind(3, text::fold_key(u[2])).run();
      if (db.changes() == 0) report->unknown_names.push_back(kind + " " + u[1] + " / " + u[2]);
      report->changes.push_back("take back " + kind + " '" + u[1] + "' / '" + u[2] + "'" +
                                (kind == "never" ? " (later articles may merge them; --reextract for earlier ones)" : ""));
      if (kind == "merge") split_names(db, u[1], u[2], report);
    } else if (kind == "delete") {
      db.prepare("DELETE FROM overrides WHERE kind = 'delete' AND name_a = ?").bind(1, text::fold_key(u[1])).run();
      if (db.changes() == 0) report->unknown_names.push_back(kind + " " + u[1]);
      report->changes.push_back("take back delete '" + u[1] + "' (later articles keep it; --reextract for earlier ones)");
    } else {  // label, type: the articles' own again
      int64_t key = find_entity_named(db, u[1]);
      if (!key) {
        report->unknown_names.push_back(u[1]);
        continue;
      }
      const Named n = describe(db, key);
      db.prepare("DELETE FROM overrides WHERE kind = ? AND name_a = ?").bind(1, kind).bind(2, n.id).run();
      refresh_entity(db, key);
      report->changes.push_back("take back the " + kind + " of '" + n.label + "' (" + n.id + ")");
    }
    ++report->edited;
  }
}

void apply_edits(Db& db, const Overrides& o, CurateReport* report) {
  auto one = [&](const std::string& name) {
    int64_t key = find_entity_named(db, name);
    if (!key) report->unknown_names.push_back(name);
    return key;
  };
  for (const auto& [name, label] : o.rename) {
    if (int64_t key = one(name)) {
      report->changes.push_back("rename '" + describe(db, key).label + "' (" + describe(db, key).id + ") to '" + label + "'");
      rename_entity(db, key, label);
      ++report->edited;
    }
  }
  for (const auto& [name, type] : o.retype) {
    if (int64_t key = one(name)) {
      const Named n = describe(db, key);
      report->changes.push_back("retype '" + n.label + "' (" + n.id + ") from " + n.type + " to " + type);
      retype_entity(db, key, type);
      ++report->edited;
    }
  }
  for (const std::string& name : o.remove) {
    if (int64_t key = one(name)) {
      const Named n = describe(db, key);
      report->changes.push_back("delete '" + n.label + "' (" + n.id + ", " + std::to_string(n.articles) +
                                " articles) with its relations; later articles leave its names out");
      delete_entity(db, key);
      ++report->edited;
    }
  }
}

}  // namespace

Status parse_overrides(const std::string& json, const std::string& name, Overrides* out) {
  if (auto problem = json_guard::check(json))
    return Status::error(StatusCode::kInvalidInput,
                         name + ": " + problem->reason + " at byte " + std::to_string(problem->offset));
  rapidjson::Document d;
  d.Parse(json.data(), json.size());
  if (d.HasParseError())
    return Status::error(StatusCode::kInvalidInput,
                         name + ": not valid JSON at byte " + std::to_string(d.GetErrorOffset()) +
                             " (" + rapidjson::GetParseError_En(d.GetParseError()) + ")");
  if (!d.IsObject()) return Status::error(StatusCode::kInvalidInput, name + ": expected a JSON object");
  for (auto it = d.MemberBegin(); it != d.MemberEnd(); ++it) {
    std::string key = it->name.GetString();
    if (!it->value.IsArray() ||
        (key != "merge" && key != "never" && key != "rename" && key != "retype" && key != "delete" && key != "unset"))
      return Status::error(StatusCode::kInvalidInput,
                           name + ": unknown key '" + key +
                               "' (expected \"merge\", \"never\", \"rename\", \"retype\", \"delete\" and \"unset\" "
                               "lists)");
    if (Status st = parse_edits(key, it->value, name, out); !st.is_ok()) return st;
    if (key != "merge" && key != "never") continue;
    size_t index = 0;
    for (const auto& item : it->value.GetArray()) {
      std::vector<std::string> names;
      if (!read_names(item, &names) || (key == "never" && names.size() != 2))
        return Status::error(StatusCode::kInvalidInput,
                             name + ": " + key + "[" + std::to_string(index) + "] must be a list of " +
                                 (key == "never" ? "two names" : "two or more names"));
      if (key == "merge") out->merge.push_back(names);
      else out->never.emplace_back(names[0], names[1]);
      ++index;
    }
  }
  return Status::ok();
}

Status Store::curate(const Overrides& overrides, const CurateOptions& options, CurateReport* report) {
  if (in_batch_) {  // a curation is a transaction of its own: the batch's writes are committed first
    if (Status s = commit_batch(); !s.is_ok()) return s;
    const Status s = curate(overrides, options, report);
    const Status reopened = begin_batch();
    return s.is_ok() ? reopened : s;
  }
  Db& db = impl_->db;
  impl_->memo.forget_all();  // a curation writes names past the memo
  try {
    Transaction tx(db);
    if (!curate_in_transaction(db, overrides, options, report)) return Status::ok();  // rolled back
    bump_version(db, everything_changed());
    tx.commit();
  } catch (const StoreError& e) {
    return store_error_status(path_, e);
  }
  return Status::ok();
}

bool curate_in_transaction(Db& db, const Overrides& overrides, const CurateOptions& options, CurateReport* report) {
  *report = CurateReport{};
  for (const auto& names : overrides.merge) check_merge(db, names, options, report);
  check_edits(db, overrides, report);
  if (!report->rejected.empty()) return false;  // nothing written yet
  for (const auto& names : overrides.merge) merge_names(db, names, report);
  for (const auto& [a, b] : overrides.never) keep_apart(db, a, b, report);
  apply_edits(db, overrides, report);
  apply_unsets(db, overrides, report);
  return !options.dry_run;  // a dry run reports every change, to be rolled back
}

Status Store::list_overrides(std::vector<OverrideRow>* out) {
  out->clear();
  try {
    Statement q = impl_->db.prepare("SELECT kind, name_a, name_b FROM overrides ORDER BY kind, name_a, name_b");
    while (q.step()) out->push_back({q.column_text(0), q.column_text(1), q.column_text(2)});
  } catch (const StoreError& e) {
    return store_error_status(path_, e);
  }
  return Status::ok();
}

}  // namespace newsgraph::store
