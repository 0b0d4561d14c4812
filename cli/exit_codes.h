// Exit codes of every newsgraph command, documented in the README. Scripts rely on them.
#pragma once

namespace newsgraph::cli {

constexpr int kExitOk = 0;          // everything was processed
constexpr int kExitSkipped = 1;     // done, but some inputs were skipped (messages on stderr)
constexpr int kExitUsage = 2;       // bad flags or arguments
constexpr int kExitFailure = 3;     // could not run at all (unreadable gazetteer, I/O error)

}  // namespace newsgraph::cli
