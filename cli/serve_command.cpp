// `newsgraph serve`: the REST API until SIGINT or SIGTERM, then a graceful stop (the
// request in flight finishes; every write is a committed transaction or nothing).
#include <csignal>
#include <fstream>
#include <cstdio>
#include <cstdlib>
#include <thread>

#include "cli/commands.h"
#include "cli/exit_codes.h"
#include "cli/flags.h"
#include "server/api_server.h"

namespace newsgraph::cli {
namespace {

const char kHelp[] =
    "usage: newsgraph serve [--db PATH] [--host 127.0.0.1] [--port 8080] [--threads N] [--max-threads N]\n"
    "                       [--token TOKEN | --token-file F] [--gazetteer FILE]... [--cues FILE]...\n"
    "                       [--cache-mb N] [--max-exports N] [--max-wait S] [--lock-wait S]\n"
    "                       [--cors ORIGIN]...\n"
    "\n"
    "Serves the graph over HTTP under /api/v1 (OpenAPI at /api/v1/openapi.json).\n"
    "Binds to loopback unless told otherwise; off loopback, POST and DELETE need\n"
    "'Authorization: Bearer TOKEN' (--token-file, the NEWSGRAPH_TOKEN environment variable,\n"
    "or --token, which other users can read in the process list).\n"
    "SIGINT or SIGTERM stop it gracefully.\n"
    "\n"
    "options:\n"
    "  --db PATH         the store (default newsgraph.db; created when missing)\n"
    "  --host HOST       address to bind (default 127.0.0.1)\n"
    "  --port N          port (default 8080; 0 picks a free one and prints it)\n"
    "  --threads N       worker threads kept (default 4 per core, at least 8)\n"
    "  --max-threads N   threads started while all are busy, e.g. with slow clients (default 256)\n"
    "  --max-exports N   whole-graph exports at once; more get 503 with Retry-After (default 2)\n"
    "  --max-wait S      seconds a request waits for the graph to load or for /stats and\n"
    "                    /communities to be computed; then 503 with Retry-After while the\n"
    "                    work goes on (default 20)\n"
    "  --lock-wait S     seconds a write waits in all for the server's other writes and for\n"
    "                    another process writing the store (an ingest, `newsgraph reorder`);\n"
    "                    then 503 store-busy with Retry-After (default 10)\n"
    "  --token TOKEN     required on writes when not bound to loopback\n"
    "  --token-file F    the token, from the first line of file F\n"
    "  --gazetteer FILE  extra entities for POSTed articles (repeatable)\n"
    "  --cues FILE       extra relation cues for POSTed articles (data/cues.txt format;\n"
    "                    repeatable)\n"
    "  --cache-mb N      memory for answers kept until the store changes (default 64; 0: off)\n"
    "  --cors ORIGIN     let pages of ORIGIN (https://host[:port]) read and write through\n"
    "                    CORS (repeatable; none by default)\n"
    "  -h, --help        show this help\n"
    "\n"
    "Exit codes: 0 stopped by a signal, 2 usage error, 3 cannot open the store or the port,\n"
    "or a gazetteer or cue file is unreadable or malformed.\n";

}  // namespace

int run_serve(const std::vector<std::string>& args) {
  FlagReader f("serve", args);
  server::ServerOptions options;
  if (const char* token = std::getenv("NEWSGRAPH_TOKEN")) options.token = token;
  size_t n = 0;
  std::string v;
  while (f.next()) {
    if (f.is_help()) {
      std::fputs(kHelp, stdout);
      return kExitOk;
    } else if (f.is("--db")) {
      if (!f.value(&options.db)) return kExitUsage;
    } else if (f.is("--host")) {
      if (!f.value(&options.host)) return kExitUsage;
    } else if (f.is("--port")) {
      if (!f.number(&n, 65535)) return kExitUsage;
      options.port = static_cast<int>(n);
    } else if (f.is("--threads")) {
      if (!f.number(&n, 1024)) return kExitUsage;
      options.threads = static_cast<int>(n);
    } else if (f.is("--max-exports")) {
      if (!f.number(&n, 1024)) return kExitUsage;
      options.max_exports = static_cast<int>(n);
    } else if (f.is("--max-wait")) {
      if (!f.number(&n, 3600)) return kExitUsage;
      options.max_wait_ms = static_cast<int>(n * 1000);
    } else if (f.is("--lock-wait")) {
      if (!f.number(&n, 3600)) return kExitUsage;
      options.lock_wait_ms = static_cast<int>(n * 1000);
    } else if (f.is("--max-threads")) {
      if (!f.number(&n, 4096)) return kExitUsage;
      options.max_threads = static_cast<int>(n);
    } else if (f.is("--token")) {
      if (!f.value(&options.token)) return kExitUsage;
    } else if (f.is("--token-file")) {
      if (!f.value(&v)) return kExitUsage;
      std::ifstream in(v);
      std::string token;
      if (!in || !std::getline(in, token)) return f.usage_error("cannot read a token from '" + v + "'");
      while (!token.empty() && (token.back() == '\r' || token.back() == ' ' || token.back() == '\t')) token.pop_back();
      if (token.empty()) return f.usage_error("'" + v + "' holds an empty token");
      options.token = token;
    } else if (f.is("--cache-mb")) {
      if (!f.number(&n, 1u << 16)) return kExitUsage;
      options.response_cache_bytes = n << 20;
    } else if (f.is("--cors")) {
      if (!f.value(&v)) return kExitUsage;
      options.cors_origins.push_back(v);
    } else if (f.is("--gazetteer")) {
      if (!f.value(&v)) return kExitUsage;
      options.gazetteer_files.push_back(v);
    } else if (f.is("--cues")) {
      if (!f.value(&v)) return kExitUsage;
      options.cue_files.push_back(v);
    } else {
      return f.unknown_option(kHelp);
    }
  }
  // Signals are taken by a watcher thread (sigwait), which stops the server cleanly.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  server::ApiServer api(options);
  Status st = api.start();
  if (!st.is_ok()) {
    std::fprintf(stderr, "newsgraph serve: %s\n", st.message().c_str());
    return st.code() == StatusCode::kUsage ? kExitUsage : kExitFailure;
  }
  std::printf("newsgraph serve: listening on http://%s:%d/api/v1\n", options.host.c_str(), api.port());
  std::fflush(stdout);
  std::thread watcher([&api, signals] {
    int received = 0;
    sigwait(&signals, &received);
    api.stop();
  });
  bool ok = api.run();
  if (!ok) {
    kill(getpid(), SIGTERM);  // wake the watcher
  }
  watcher.join();
  std::fprintf(stderr, "newsgraph serve: stopped\n");
  return ok ? kExitOk : kExitFailure;
}

}  // namespace newsgraph::cli
