#!/usr/bin/env bash
# Load benchmark for `newsgraph serve` (loopback only, bounded in time): requests/s and
# latency percentiles from wrk for entity lookup, entity relations, relation search and paths,
# with and without a concurrent ingest, beside a bare cpp-httplib server in the same run.
# usage: bench/bench_server.sh [BUILD_DIR] [SECONDS]   (needs wrk: apt-get install wrk)
set -euo pipefail
build=${1:-build}
seconds=${2:-5}
root=$(cd "$(dirname "$0")/.." && pwd)
pool=$root/../shared/corpus/news/news_pool.jsonl
work=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null; rm -rf "$work"' EXIT
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install wrk)"; exit 2; }

db=$work/bench.db
if [ -f "$pool" ]; then head -n 3000 "$pool" > "$work/articles.jsonl"; else cp -r "$root/examples" "$work/articles.jsonl"; fi
"$build/cli/newsgraph" ingest --quiet --db "$db" "$work/articles.jsonl" >/dev/null
if [ -f "$pool" ]; then sed -n 3001,9000p "$pool" > "$work/more.jsonl"; else cp "$work/articles.jsonl" "$work/more.jsonl"; fi

"$build/bench/bare_server" 18181 & sleep 0.5
"$build/cli/newsgraph" serve --db "$db" --port 18182 >/dev/null & kept_pid=$!; sleep 1
"$build/cli/newsgraph" serve --db "$db" --port 18183 --cache-mb 0 >/dev/null & fresh_pid=$!; sleep 1

# Requests that rotate over every entity (each wrk thread from its own start), so
# answers come from the store, not from answers kept earlier.
sqlite3 "$db" "SELECT id FROM entities ORDER BY entity_key" > "$work/ids.txt"
# A dashboard's working set: the 200 entities with the most relations.
sqlite3 "$db" "SELECT e.id FROM entities e JOIN relations r ON e.entity_key IN (r.subject_key, r.object_key)
               GROUP BY e.entity_key ORDER BY COUNT(*) DESC LIMIT 200" > "$work/top.txt"
cat > "$work/rotate.lua" <<'LUA'
local ids, i = {}, 0
for line in io.lines(os.getenv("IDS")) do ids[#ids + 1] = line end
function setup(thread) thread:set("start", math.random(#ids)) end
function init() i = tonumber(wrk.thread:get("start")) or 0 end
function request()
  i = i % #ids + 1
  return wrk.format("GET", string.format(os.getenv("PATTERN"), ids[i]))
end
LUA

# The same, also counting the answers served from those kept (X-Cache: hit).
cp "$work/rotate.lua" "$work/dashboard.lua"
cat >> "$work/dashboard.lua" <<'LUA'
hits, total, threads = 0, 0, {}
local rotate_setup = setup
function setup(thread)
  rotate_setup(thread)
  table.insert(threads, thread)
end
function response(status, headers)
  total = total + 1
  if headers["X-Cache"] == "hit" then hits = hits + 1 end
end
function done()
  local h, t = 0, 0
  for _, thread in ipairs(threads) do h, t = h + thread:get("hits"), t + thread:get("total") end
  io.write(string.format("Kept answers: %.1f%%\n", t > 0 and 100 * h / t or 0))
end
LUA

# Writes over REST, one article a POST on one connection: `post PORT FILE SECONDS` posts
# for that long; `mixed PORT PID FILE TOP` posts each article, then reads 40 of the TOP
# entities' relations, and prints the server's CPU seconds and the share of kept answers.
cat > "$work/traffic.py" <<'PY'
import http.client, json, sys, time
def post(conn, line):
    a = json.loads(line)
    conn.request("POST", "/api/v1/documents", json.dumps({"id": a["id"], "text": a["text"]}),
                 {"Content-Type": "application/json"})
    r = conn.getresponse()
    r.read()
    return r.status == 201
mode, conn = sys.argv[1], http.client.HTTPConnection("127.0.0.1", int(sys.argv[2]))
if mode == "post":
    end, n = time.time() + float(sys.argv[4]), 0
    for line in open(sys.argv[3]):
        if time.time() > end:
            break
        n += post(conn, line)
    print(f"  ({n} articles posted and stored meanwhile)")
else:
    pid, ids = int(sys.argv[3]), [line.strip() for line in open(sys.argv[5])]
    def cpu():
        fields = open(f"/proc/{pid}/stat").read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / 100.0
    reads = hits = i = 0
    start = cpu()
    for line in open(sys.argv[4]):
        post(conn, line)
        for _ in range(40):
            i = (i + 1) % len(ids)
            conn.request("GET", f"/api/v1/entities/{ids[i]}/relations?limit=20")
            r = conn.getresponse()
            r.read()
            reads += 1
            hits += r.getheader("X-Cache") == "hit"
    print(f"server CPU {cpu() - start:6.2f} s for 150 writes and {reads} reads, kept {100 * hits / reads:.1f}%")
PY

load() {  # name url [lua-script]
  local out
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency ${3:+-s "$3"} "$2" 2>&1)
  printf "  %-46s %10s req/s  p50 %8s  p99 %8s  errors %s%s\n" "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")" \
    "$(awk '/^Kept answers/ {printf " kept %s", $3}' <<<"$out")"
}
rotate() {  # name pattern (%s is the entity id)
  IDS="$work/ids.txt" PATTERN="$2" load "$1" "http://127.0.0.1:18183" "$work/rotate.lua"
}
dashboard() {  # name pattern: the 200 entities in turn, answers kept
  IDS="$work/top.txt" PATTERN="$2" load "$1" "http://127.0.0.1:18182" "$work/dashboard.lua"
}

api=http://127.0.0.1:18182/api/v1
echo "wrk, 2 threads, 32 connections, ${seconds} s each; $(wc -l < "$work/ids.txt") entities in the store"
load "bare cpp-httplib, fixed body" http://127.0.0.1:18181/
echo "one URL again and again (answers kept per store version):"
load "entity lookup /entities/russia" "$api/entities/russia"
load "entity relations (limit 20)" "$api/entities/russia/relations?limit=20"
load "relation search predicate=MEET" "$api/relations?predicate=MEET&limit=20"
load "paths united_states..china (k 3)" "$api/paths?from=united_states&to=china&k=3"
echo "every entity in turn, no answers kept (--cache-mb 0):"
rotate "entity lookup" "/api/v1/entities/%s"
rotate "entity relations (limit 20)" "/api/v1/entities/%s/relations?limit=20"
rotate "paths from each entity to russia (k 3)" "/api/v1/paths?from=%s&to=russia&k=3"
dashboard "entity relations, 200 top entities in turn" "/api/v1/entities/%s/relations?limit=20"
echo "with a concurrent ingest of 6,000 more articles:"
"$build/cli/newsgraph" ingest --quiet --db "$db" "$work/more.jsonl" >/dev/null &
dashboard "entity relations, 200 top entities in turn" "/api/v1/entities/%s/relations?limit=20"
load "entity relations (limit 20), one URL" "$api/entities/russia/relations?limit=20"
rotate "entity relations (limit 20), every entity" "/api/v1/entities/%s/relations?limit=20"
load "paths united_states..china (k 3)" "$api/paths?from=united_states&to=china&k=3"
if kill -0 %4 2>/dev/null; then echo "  (the ingest was still running after these)"; else echo "  (the ingest ended before the last of these)"; fi
wait %4 2>/dev/null || true
echo "with articles posted one at a time over REST (a write each), on one connection:"
if [ -f "$pool" ]; then sed -n 9001,15000p "$pool" > "$work/posted.jsonl"; else cp "$work/more.jsonl" "$work/posted.jsonl"; fi
python3 "$work/traffic.py" post 18182 "$work/posted.jsonl" "$((seconds + 1))" > "$work/posted.txt" &
poster=$!
dashboard "entity relations, 200 top entities in turn" "/api/v1/entities/%s/relations?limit=20"
wait "$poster" 2>/dev/null || true
cat "$work/posted.txt"

# Writes and reads interleaved, the same work for both servers: 150 rounds of one article
# posted (a write) then 40 of the dashboard's entities read; the server's CPU seconds.
mixed() {  # name port pid first-pool-line
  if [ -f "$pool" ]; then sed -n "$4,$(($4 + 149))p" "$pool" > "$work/mixed.jsonl"; else cp "$work/more.jsonl" "$work/mixed.jsonl"; fi
  python3 "$work/traffic.py" mixed "$2" "$3" "$work/mixed.jsonl" "$work/top.txt" | sed "s/^/  $(printf '%-46s' "$1") /"
}
echo "150 rounds of one article posted, then 40 of the 200 top entities' relations read:"
mixed "answers kept (expired by what changed)" 18182 "$kept_pid" 15001
mixed "no answers kept (--cache-mb 0)" 18183 "$fresh_pid" 15151
