#!/usr/bin/env bash
# Load benchmark for `newsgraph serve` (loopback only, bounded in time): requests/s and
# latency percentiles from wrk for entity lookup, entity relations and relation search,
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
"$build/cli/newsgraph" serve --db "$db" --port 18182 >/dev/null & sleep 1

load() {  # name url
  local out
  out=$(wrk -t2 -c32 -d"${seconds}s" --latency "$2" 2>&1)
  printf "  %-40s %10s req/s  p50 %8s  p99 %8s  errors %s\n" "$1" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" \
    "$(awk '$1 == "50%" {print $2}' <<<"$out")" "$(awk '$1 == "99%" {print $2}' <<<"$out")" \
    "$(awk '/Non-2xx|Socket errors/ {printf "%s ", $0}' <<<"$out")"
}

api=http://127.0.0.1:18182/api/v1
echo "wrk, 2 threads, 32 connections, ${seconds} s each:"
load "bare cpp-httplib, fixed body" http://127.0.0.1:18181/
load "entity lookup /entities/russia" "$api/entities/russia"
load "entity relations (limit 20)" "$api/entities/russia/relations?limit=20"
load "relation search predicate=MEET" "$api/relations?predicate=MEET&limit=20"
echo "with a concurrent ingest of 6,000 more articles:"
"$build/cli/newsgraph" ingest --quiet --db "$db" "$work/more.jsonl" >/dev/null &
load "entity relations (limit 20)" "$api/entities/russia/relations?limit=20"
load "entity lookup /entities/russia" "$api/entities/russia"
