#include "store/quality.h"

#include "store/store.h"
#include "store/store_internal.h"

namespace newsgraph::store {

Status compute_quality(Store& store, size_t top, GraphQuality* out) {
  Db& db = store.impl().db;
  try {
    Statement r = db.prepare(
        "SELECT COUNT(*), SUM(evidence_count > 0), SUM(predicate <> 0), "  // 0: CO_OCCURS
        "SUM(predicate = 0) FROM relations WHERE subject_key <> object_key");
    r.step();
    out->relations = r.column_int(0);
    out->relations_with_evidence = r.column_int(1);
    out->typed = r.column_int(2);
    out->cooccurs = r.column_int(3);
    Statement m = db.prepare("SELECT modality, COUNT(*) FROM evidence GROUP BY modality ORDER BY modality");
    while (m.step()) out->modality[m.column_text(0)] = m.column_int(1);
    // Co-occurrence keeps no evidence rows; all of it is asserted.
    Statement c = db.prepare(
        "SELECT COALESCE(SUM(evidence_count), 0) FROM relations WHERE predicate = 0 /* CO_OCCURS */");
    c.step();
    if (c.column_int(0) > 0) out->modality["asserted"] += c.column_int(0);
    Statement u = db.prepare(R"SQL(
      SELECT e.label FROM entities e
      WHERE e.from_gazetteer = 0 AND instr(e.label, ' ') = 0
        AND (SELECT COUNT(DISTINCT doc_key) FROM doc_entities d WHERE d.entity_key = e.entity_key) = 1
      ORDER BY e.label)SQL");
    while (u.step()) {
      if (out->unresolved_sample.size() < top) out->unresolved_sample.push_back(u.column_text(0));
      ++out->unresolved_names;
    }
    Statement g = db.prepare(R"SQL(
      SELECT e.id, e.label, COUNT(*) AS names,
             (SELECT COUNT(DISTINCT doc_key) FROM doc_entities d WHERE d.entity_key = e.entity_key)
      FROM entities e JOIN aliases a ON a.entity_key = e.entity_key
      GROUP BY e.entity_key ORDER BY names DESC, e.id LIMIT ?)SQL");
    g.bind(1, static_cast<int64_t>(top));
    while (g.step())
      out->most_merged.push_back({g.column_text(0), g.column_text(1), g.column_int(2), g.column_int(3)});
    Statement s = db.prepare("SELECT AVG(syndicated) FROM sentences");
    s.step();
    out->syndicated_share = s.column_double(0);
    Statement d = db.prepare("SELECT COUNT(*), COALESCE(SUM(published = ''), 0) FROM documents");
    d.step();
    out->articles = d.column_int(0);
    out->undated_articles = d.column_int(1);
  } catch (const StoreError& e) {
    return Status::error(StatusCode::kIoError, store.path() + ": " + e.message);
  }
  return Status::ok();
}

}  // namespace newsgraph::store
