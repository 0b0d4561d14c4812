// A bare cpp-httplib server answering a fixed JSON body, configured like `newsgraph
// serve` (TCP_NODELAY, thread pool, long keep-alive): the ceiling bench_server.sh
// compares the API against. usage: bare_server PORT
#include <httplib.h>

#include <cstdlib>
#include <thread>

int main(int argc, char** argv) {
  if (argc < 2) return 2;
  httplib::Server server;
  size_t threads = std::max<size_t>(8, 4 * std::thread::hardware_concurrency());
  server.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  server.set_tcp_nodelay(true);
  server.set_keep_alive_max_count(100000);
  server.Get(".*", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("{\"id\":\"russia\",\"label\":\"Russia\",\"type\":\"COUNTRY\"}", "application/json");
  });
  return server.listen("127.0.0.1", std::atoi(argv[1])) ? 0 : 1;
}
