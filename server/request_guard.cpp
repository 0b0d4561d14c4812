#include "server/request_guard.h"

#include <algorithm>
#include <cctype>

#include "server/context.h"

namespace newsgraph::server {
namespace {

std::string lowercase(std::string s) {
  std::transform(s.begin(), s.end(), s.begin(), [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return s;
}

// "127.0.0.1:8080" -> "127.0.0.1"; "[::1]:8080" -> "::1"; "localhost" -> "localhost".
std::string host_name(const std::string& host_header) {
  if (!host_header.empty() && host_header.front() == '[') {
    const size_t close = host_header.find(']');
    return close == std::string::npos ? host_header : host_header.substr(1, close - 1);
  }
  const size_t colon = host_header.find(':');
  return lowercase(colon == std::string::npos ? host_header : host_header.substr(0, colon));
}

bool is_write(const std::string& method) {
  return method == "POST" || method == "PUT" || method == "PATCH" || method == "DELETE";
}

bool allowed_origin(const GuardOptions& options, const std::string& origin) {
  return !origin.empty() &&
         std::find(options.cors_origins.begin(), options.cors_origins.end(), origin) != options.cors_origins.end();
}

// What a page of an allowed origin may read of an answer, besides its body.
void cors_headers(const std::string& origin, httplib::Response& res) {
  res.set_header("Access-Control-Allow-Origin", origin);
  res.set_header("Vary", "Origin");
  res.set_header("Access-Control-Expose-Headers", "ETag, X-Graph-Version, Location, Retry-After");
}

using Handled = httplib::Server::HandlerResponse;

}  // namespace

std::string normal_origin(const std::string& origin) {
  std::string o = lowercase(origin);
  while (!o.empty() && o.back() == '/') o.pop_back();
  const size_t scheme = o.find("://");
  if (scheme == std::string::npos || (o.compare(0, scheme, "http") != 0 && o.compare(0, scheme, "https") != 0) ||
      o.size() == scheme + 3 || o.find('/', scheme + 3) != std::string::npos)
    return "";
  return o;
}

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "localhost" || host == "::1" || host.rfind("127.", 0) == 0;
}

Handled guard_request(const GuardOptions& options, const httplib::Request& req, httplib::Response& res) {
  if (req.has_header("Range")) {
    // An empty body: cpp-httplib would repeat any body once per range asked for.
    res.status = 416;
    return Handled::Handled;
  }
  const std::string encoding = lowercase(req.get_header_value("Content-Encoding"));
  if (!encoding.empty() && encoding != "identity") {
    problem(res, 415, "compressed-body", "send the body uncompressed (Content-Encoding '" + encoding + "')");
    return Handled::Handled;
  }
  if (lowercase(req.get_header_value("Transfer-Encoding")).find("chunked") != std::string::npos) {
    problem(res, 411, "length-required", "send the body with a Content-Length, not chunked");
    return Handled::Handled;
  }
  const std::string host = req.get_header_value("Host");
  if (is_loopback(options.host) && !is_loopback(host_name(host))) {
    // A page on another site that made its name point at 127.0.0.1 (DNS rebinding).
    problem(res, 421, "wrong-host", "this server answers to its loopback address, not '" + host_name(host) + "'");
    return Handled::Handled;
  }
  const std::string origin = normal_origin(req.get_header_value("Origin"));
  const bool allowed = allowed_origin(options, origin);
  if (req.method == "OPTIONS" && req.has_header("Access-Control-Request-Method")) {  // a preflight
    if (!allowed) {
      problem(res, 403, "cors-refused", "pages of '" + req.get_header_value("Origin") + "' may not use this server (see --cors)");
      return Handled::Handled;
    }
    cors_headers(origin, res);
    res.set_header("Access-Control-Allow-Methods", "GET, POST, DELETE");
    res.set_header("Access-Control-Allow-Headers", "Content-Type, Authorization, If-None-Match");
    res.set_header("Access-Control-Max-Age", "600");
    res.status = 204;
    return Handled::Handled;
  }
  if (allowed) cors_headers(origin, res);
  if (is_write(req.method) && req.has_header("Origin") && !allowed) {
    const std::string sent = lowercase(req.get_header_value("Origin"));
    if (sent != "http://" + lowercase(host)) {
      problem(res, 403, "cross-origin-write", "writes are refused from pages of another origin ('" + sent + "')");
      return Handled::Handled;
    }
  }
  return Handled::Unhandled;
}

}  // namespace newsgraph::server
