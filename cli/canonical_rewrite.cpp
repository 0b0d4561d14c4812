// Puts a store back in canonical order with progress: see canonical_rewrite.h.
#include "cli/canonical_rewrite.h"

#include <chrono>
#include <string>

#include "cli/progress.h"
#include "store/store_merge.h"

namespace newsgraph::cli {

Status rewrite_in_canonical_order(store::Store& store, const char* command, bool* rewritten, double* seconds) {
  const auto start = std::chrono::steady_clock::now();
  CountLine line(std::string(command) + ": rewriting in canonical order", "articles");
  store::MergeOptions options;
  options.progress = [&line](size_t done, size_t total) { line.done(done, total); };
  const Status st = store::restore_canonical_order(store, options, rewritten);
  line.finish();
  if (seconds) *seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return st;
}

}  // namespace newsgraph::cli
