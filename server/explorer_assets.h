// The browser explorer's files (server/explorer/ and Debian's d3), embedded at build time
// by server/CMakeLists.txt: what `newsgraph serve` answers at / and beside it.
#pragma once

#include <cstddef>
#include <vector>

namespace newsgraph::server {

struct ExplorerAsset {
  const char* path;          // "/", "/explorer.js", ...
  const char* content_type;
  const char* body;
  size_t size;
};

const std::vector<ExplorerAsset>& explorer_assets();

}  // namespace newsgraph::server
