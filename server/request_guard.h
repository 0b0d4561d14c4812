// Checks every request before it is routed or its body is read, against what a hostile
// client or a foreign web page could do to a server anyone on the machine can reach:
// ranges (cpp-httplib 0.11 multiplies a body by each listed range), compressed bodies
// (a small gzip body inflates past every limit), chunked bodies (read past the body
// limit), a Host that is not the loopback the server is bound to (DNS rebinding), and
// writes from a page of another origin (a browser sends "simple" POSTs without asking).
// Also answers CORS for the origins the server was told to allow (--cors): their pages
// may read and write, preflights included; every other origin gets no CORS header and no
// write. Stateless apart from the options it reads; thread-safe.
#pragma once

#include <httplib.h>

#include <string>
#include <vector>

namespace newsgraph::server {

struct GuardOptions {
  std::string host;                       // the address the server is bound to
  std::vector<std::string> cors_origins;  // "scheme://host[:port]", as browsers send Origin
};

// Answers a refused request itself (RFC 9457 problem, or an empty 416) and returns
// Handled; Unhandled lets it through.
httplib::Server::HandlerResponse guard_request(const GuardOptions& options, const httplib::Request& req,
                                               httplib::Response& res);

// Whether `host` (an address or name the server binds to) is loopback only.
bool is_loopback(const std::string& host);

// An origin as browsers send it: lowercase, no trailing slash; "" when `origin` is not
// "http://..." or "https://..." with a host.
std::string normal_origin(const std::string& origin);

}  // namespace newsgraph::server
