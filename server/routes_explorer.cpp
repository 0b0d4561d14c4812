// The explorer's files at /, /explorer.js, /explorer.css and /d3.min.js. A strict content
// security policy: the page runs only its own scripts and talks only to this server.
#include "server/context.h"
#include "server/explorer_assets.h"

namespace newsgraph::server {

void add_explorer_routes(httplib::Server& http) {
  for (const ExplorerAsset& asset : explorer_assets()) {
    http.Get(asset.path, [&asset](const httplib::Request&, httplib::Response& res) {
      res.set_header("Cache-Control", "no-cache");
      res.set_header("X-Content-Type-Options", "nosniff");
      res.set_header("Content-Security-Policy",
                     "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; "
                     "frame-ancestors 'none'");
      res.set_content(asset.body, asset.size, asset.content_type);
    });
  }
}

}  // namespace newsgraph::server
