// libFuzzer target: raw bytes sent to the real server on loopback (one connection per
// input, its answer read to the end), over a store holding one article. After each
// input the server must still answer /health.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <thread>

#include "server/api_server.h"

using namespace newsgraph;

namespace {

int connect_to(int port) {
  int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) __builtin_trap();
  return fd;
}

// Sends `bytes` and reads until the server closes or is silent for `quiet_ms`. (No
// half-close: cpp-httplib answers nothing on a connection whose sending side is shut.)
// A loopback answer comes within milliseconds; an input the server is still reading or
// working on when the wait ends is cut off, which is a case worth fuzzing too. A short
// wait is what lets the target run hundreds of inputs a second rather than three.
std::string send_and_read(int port, const std::string& bytes, int quiet_ms = 10) {
  int fd = connect_to(port);
  size_t sent = 0;
  while (sent < bytes.size()) {
    ssize_t n = send(fd, bytes.data() + sent, bytes.size() - sent, MSG_NOSIGNAL);
    if (n <= 0) break;
    sent += static_cast<size_t>(n);
  }
  std::string answer;
  char buffer[4096];
  pollfd p{fd, POLLIN, 0};
  while (poll(&p, 1, quiet_ms) > 0) {
    ssize_t n = recv(fd, buffer, sizeof buffer, 0);
    if (n <= 0) break;
    answer.append(buffer, static_cast<size_t>(n));
  }
  close(fd);
  return answer;
}

int server_port() {
  static int port = [] {
    char dir[] = "/tmp/newsgraph-http-fuzz-XXXXXX";
    if (!mkdtemp(dir)) __builtin_trap();
    server::ServerOptions options;
    options.db = std::string(dir) + "/fuzz.db";
    options.port = 0;
    options.request_timeout_seconds = 1;
    auto* api = new server::ApiServer(options);  // lives as long as the process
    if (!api->start().is_ok()) __builtin_trap();
    std::thread([api] { api->run(); }).detach();
    const int p = api->port();
    send_and_read(p, "POST /api/v1/documents HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: text/plain\r\n"
                "Content-Length: 45\r\nConnection: close\r\n\r\nJudul\nPresiden Jokowi bertemu Vladimir Putin.");
    return p;
  }();
  return port;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const int port = server_port();
  send_and_read(port, std::string(reinterpret_cast<const char*>(data), size));
  const std::string health =
      send_and_read(port, "GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n", 5000);
  if (health.rfind("HTTP/1.1 200", 0) != 0) {
    std::fprintf(stderr, "/health answered: %s\n", health.substr(0, 300).c_str());
    __builtin_trap();
  }
  return 0;
}
