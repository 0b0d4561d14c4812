#!/usr/bin/env python3
"""Ingest throughput of `newsgraph ingest` beside a plain SQLite bulk insert of the same rows.

For each size (the first N articles of the pool), round after round: ingest into a new
store with `newsgraph ingest --jobs J` and time it (wall), with the bytes the process wrote
(/proc/PID/io) and its peak memory (wait4); then copy every row of that store into a new
file with the same schema by Python's sqlite3 `executemany`, in one transaction: the
floor a store with these rows and indexes costs. Prints each round, then per size the min
and median of each, side by side, with articles/s, relations/s, MB written and store size.
Also times a re-ingest of the same articles into the built store (all unchanged).

The corpus is read at run time; nothing of it is written anywhere but temporary files.

usage: bench_ingest.py [--pool POOL.jsonl] [--sizes 1000,5000,25000] [--rounds 3]
                       [--jobs N] [--newsgraph BINARY] [--keep DIR]
"""
import argparse
import os
import re
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import threading
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_POOL = os.path.join(os.path.dirname(REPO), "shared", "corpus", "news", "news_pool.jsonl")
DEFAULT_BINARY = os.path.join(REPO, "build", "cli", "newsgraph")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Ingest throughput beside a plain SQLite bulk insert.")
    p.add_argument("--pool", default=DEFAULT_POOL, help="JSON Lines articles (default: %(default)s)")
    p.add_argument("--sizes", default="1000,5000,25000", help="article counts (default: %(default)s)")
    p.add_argument("--rounds", type=int, default=3, help="rounds per size (default: %(default)s)")
    p.add_argument("--jobs", type=int, default=os.cpu_count() or 1, help="ingest --jobs (default: the cores)")
    p.add_argument("--newsgraph", default=DEFAULT_BINARY, help="the binary (default: %(default)s)")
    p.add_argument("--keep", help="keep the stores in this folder instead of a temporary one")
    return p.parse_args(argv)


def run_measured(cmd):
    """Runs cmd; returns (wall seconds, bytes written, peak RSS in MB, exit code)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    written, peak_kb = [0], [0]
    done = threading.Event()

    # The child's write_bytes and high-water RSS (VmHWM: after exec, unlike wait4's
    # ru_maxrss, which counts this forking process's own size), read until it exits.
    def watch():
        while not done.is_set():
            try:
                with open(f"/proc/{proc.pid}/io") as f:
                    for line in f:
                        if line.startswith("write_bytes:"):
                            written[0] = max(written[0], int(line.split()[1]))
                with open(f"/proc/{proc.pid}/status") as f:
                    for line in f:
                        if line.startswith("VmHWM:"):
                            peak_kb[0] = max(peak_kb[0], int(line.split()[1]))
            except (OSError, ValueError):
                pass
            time.sleep(0.02)

    watcher = threading.Thread(target=watch, daemon=True)
    watcher.start()
    # Reap only once the watcher has read the last figures of the exited child.
    os.waitid(os.P_PID, proc.pid, os.WEXITED | os.WNOWAIT)
    wall = time.perf_counter() - start
    done.set()
    watcher.join()
    proc.wait()
    return wall, written[0], peak_kb[0] / 1024, proc.returncode


def bulk_copy(store, target):
    """Copies every row of `store` into a new file with its schema, by executemany in one
    transaction, then builds its full-text indexes from those rows (the store's search
    indexes are derived: their shadow tables are not copied). Returns (seconds, rows)."""
    src = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    everything = [(n, sql) for n, sql in src.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'")]
    virtual = [(n, sql) for n, sql in everything if sql.upper().startswith("CREATE VIRTUAL TABLE")]
    shadow_prefixes = tuple(n + "_" for n, _ in virtual)
    tables = [(n, sql) for n, sql in everything
              if (n, sql) not in virtual and not n.startswith(shadow_prefixes)]
    indexes = [sql for (sql,) in src.execute(
        "SELECT sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL")]
    data = {n: src.execute(f"SELECT * FROM {n}").fetchall() for n, _ in tables}
    src.close()
    dst = sqlite3.connect(target, isolation_level=None)
    dst.execute("PRAGMA journal_mode = WAL")
    dst.execute("PRAGMA synchronous = NORMAL")
    for _, sql in tables:
        dst.execute(sql)
    for sql in indexes:
        dst.execute(sql)
    rows = 0
    start = time.perf_counter()
    dst.execute("BEGIN")
    for n, _ in tables:
        if data[n]:
            marks = ",".join("?" * len(data[n][0]))
            dst.executemany(f"INSERT INTO {n} VALUES ({marks})", data[n])
            rows += len(data[n])
    for n, sql in virtual:
        dst.execute(sql)
        if re.search(r"USING\s+fts5\s*\(", sql, re.IGNORECASE):
            dst.execute(f"INSERT INTO {n}({n}) VALUES ('rebuild')")
    dst.execute("COMMIT")
    dst.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    seconds = time.perf_counter() - start
    dst.close()
    return seconds, rows


def store_counts(store):
    db = sqlite3.connect(f"file:{store}?mode=ro", uri=True)
    articles = db.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    relations = db.execute("SELECT COUNT(*) FROM relations").fetchone()[0]
    db.close()
    return articles, relations


def file_mb(path):
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p)) / 1e6


def main(argv):
    args = parse_args(argv)
    if not os.path.exists(args.pool):
        sys.exit(f"bench_ingest: no pool at {args.pool} (pass --pool)")
    if not os.access(args.newsgraph, os.X_OK):
        sys.exit(f"bench_ingest: no binary at {args.newsgraph} (build first, or pass --newsgraph)")
    sizes = [int(s) for s in args.sizes.split(",") if s]
    with open(args.pool, encoding="utf-8") as f:
        lines = f.readlines()
    work = args.keep or tempfile.mkdtemp(prefix="bench_ingest_")
    os.makedirs(work, exist_ok=True)
    print(f"pool: {args.pool} ({len(lines)} lines); newsgraph ingest --jobs {args.jobs}; {args.rounds} rounds")
    summary = []
    for size in sizes:
        part = os.path.join(work, f"pool_{size}.jsonl")
        with open(part, "w", encoding="utf-8") as f:
            f.writelines(lines[:size])
        ours, written, peak, bulk, again = [], [], [], [], []
        for r in range(1, args.rounds + 1):
            store = os.path.join(work, f"store_{size}.db")
            for p in (store, store + "-wal", store + "-shm"):
                if os.path.exists(p):
                    os.remove(p)
            wall, wbytes, rss, code = run_measured(
                [args.newsgraph, "ingest", "--quiet", "--jobs", str(args.jobs), "--db", store, part])
            if code not in (0, 1):
                sys.exit(f"bench_ingest: ingest failed (exit {code})")
            ours.append(wall)
            written.append(wbytes / 1e6)
            peak.append(rss)
            again.append(run_measured([args.newsgraph, "ingest", "--quiet", "--db", store, part])[0])
            copy = os.path.join(work, f"bulk_{size}.db")
            for p in (copy, copy + "-wal", copy + "-shm"):
                if os.path.exists(p):
                    os.remove(p)
            seconds, rows = bulk_copy(store, copy)
            bulk.append(seconds)
            print(f"  {size} articles, round {r}: ingest {wall:.2f} s ({wbytes / 1e6:.0f} MB written, "
                  f"peak {rss:.0f} MB), re-ingest {again[-1]:.2f} s, bulk insert of its {rows} rows {seconds:.2f} s",
                  flush=True)
        articles, relations = store_counts(store)
        summary.append((size, articles, relations, ours, written, peak, again, bulk, file_mb(store)))
    print()
    print(f"{'articles':>8} {'ingest min/med s':>17} {'articles/s':>10} {'relations/s':>11} {'MB written':>10} "
          f"{'peak MB':>7} {'store MB':>8} {'re-ingest s':>11} {'bulk min/med s':>15} {'ingest/bulk':>11}")
    for size, articles, relations, ours, written, peak, again, bulk, mb in summary:
        med = statistics.median(ours)
        print(f"{articles:>8} {min(ours):>8.2f}/{med:<8.2f} {articles / med:>10.0f} {relations / med:>11.0f} "
              f"{statistics.median(written):>10.0f} {max(peak):>7.0f} {mb:>8.1f} {statistics.median(again):>11.2f} "
              f"{min(bulk):>7.2f}/{statistics.median(bulk):<7.2f} {med / statistics.median(bulk):>11.1f}x")
    per_article = [statistics.median(s[3]) / s[1] * 1000 for s in summary]
    print("ms per article: " + ", ".join(f"{s[1]}: {p:.2f}" for s, p in zip(summary, per_article)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
