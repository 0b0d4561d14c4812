// Puts a store back in canonical order at the end of a command that may have taken it out
// (ingest, remove): store::restore_canonical_order with its progress on the terminal.
#pragma once

#include "core/status.h"
#include "store/store.h"

namespace newsgraph::cli {

// Rewrites `store` when it is marked out of canonical order; `command` names the line
// drawn meanwhile ("newsgraph ingest"). *rewritten says whether it had to, *seconds (when
// given) how long it took. The store must not be in a batch.
Status rewrite_in_canonical_order(store::Store& store, const char* command, bool* rewritten,
                                  double* seconds = nullptr);

}  // namespace newsgraph::cli
