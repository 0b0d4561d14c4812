// `newsgraph ingest -`: a feed on standard input. Each article is written and committed as
// it comes, and while the feed waits for more the store is left to other writers.
#include <catch2/catch.hpp>

#include "tests/cli/article_lines.h"
#include "tests/test_paths.h"

using namespace newsgraph::testing;

TEST_CASE("a feed's articles are stored as they come, and other writers are not locked out while it waits",
          "[cli][feed]") {
  std::vector<std::string> lines = pool_lines(4);
  if (lines.empty()) lines = example_lines(4);
  const std::string dir = temp_dir();
  // The first article comes with the start of the next, whose rest comes later: the feed
  // waits inside a line, and must not hold the first unwritten, or the store's lock, then.
  // The next is long (40 KB), so that its start is more than one buffer of stdio's.
  std::string long_text;
  for (int i = 0; i < 500; ++i)
    long_text += "Menteri Luar Negeri Jepang bertemu Duta Besar Korea Selatan di Tokyo, kali ke-" +
                 std::to_string(i) + ". ";
  lines[1] = "{\"id\": \"long-one\", \"text\": \"" + long_text + "\"}";
  const size_t half = lines[1].size() / 2;
  write_file(dir + "/first.jsonl", lines[0] + "\n" + lines[1].substr(0, half));
  write_file(dir + "/rest.jsonl", lines[1].substr(half) + "\n" + lines[3] + "\n");
  write_file(dir + "/other.jsonl", lines[2] + "\n");
  const std::string db = shell_quote(dir + "/s.db"), feed = shell_quote(dir + "/feed");
  auto count = [&] { return "$(sqlite3 " + db + " 'SELECT COUNT(*) FROM documents' 2>/dev/null)"; };
  // Writes into the feed and keeps it open; waits (up to 10 s) for the first article to be
  // stored; then another ingest writes to the same store; then the rest comes.
  const std::string script =
      "mkfifo " + feed + "; (" + ng() + " ingest --quiet --arrival-order --db " + db + " - < " + feed +
      " > /dev/null 2>&1; echo feed=$?) & exec 3> " + feed + "; cat " + shell_quote(dir + "/first.jsonl") +
      " >&3; n=0; while [ \"" + count() + "\" != 1 ] && [ $n -lt 100 ]; do sleep 0.1; n=$((n+1)); done; "
      "echo while_open=" + count() + "; " + ng() + " ingest --quiet --db " + db + " " +
      shell_quote(dir + "/other.jsonl") + " > /dev/null 2>&1; echo other=$?; cat " +
      shell_quote(dir + "/rest.jsonl") + " >&3; exec 3>&-; wait; echo at_end=" + count();
  const CommandResult r = run("bash -c " + shell_quote(script));
  INFO(r.out);
  CHECK(r.out.find("while_open=1\n") != std::string::npos);  // stored and committed, the feed still open
  CHECK(r.out.find("other=0\n") != std::string::npos);       // not "database is locked" after 10 s
  CHECK(r.out.find("feed=0\n") != std::string::npos);
  CHECK(r.out.find("at_end=4\n") != std::string::npos);
}
