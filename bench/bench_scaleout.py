#!/usr/bin/python3
"""Scale-out on Dask beside one process: for each size (the first N articles of the pool),
round after round,
  1. `newsgraph ingest` of the articles in one process (wall time, store size);
  2. scaleout/newsgraph_dask.py on a local cluster of W worker processes: the partitions
     ingested as shards on the workers, then merged (wall time of each phase, as the driver
     reports it, and in all);
  3. `newsgraph merge` of those shards alone (wall time, and rows written a second: the
     rows of every table of the merged store);
  4. the floor of any bulk merge: the merged store's own rows copied by set-based SQL
     (ATTACH, one INSERT ... SELECT a table in key order, the search indexes built once,
     no journal) into an empty store of the same schema. A merge that decided nothing
     and read each row once would still write these.
Prints each round, then per size the min and median of each, side by side. The merged
store is checked against the one-process store (the same counts of documents, entities,
relations and evidence; the test suite compares every row).

The corpus is read at run time; nothing of it is written anywhere but temporary files.
Run with Debian's python3 (python3-distributed).

usage: bench_scaleout.py [--pool POOL.jsonl] [--sizes 1000,5000,25000] [--rounds 3]
                         [--workers 2] [--newsgraph BINARY]
"""
import argparse
import glob
import os
import re
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_POOL = os.path.join(os.path.dirname(REPO), "shared", "corpus", "news", "news_pool.jsonl")
DEFAULT_BINARY = os.path.join(REPO, "build", "cli", "newsgraph")
DRIVER = os.path.join(REPO, "scaleout", "newsgraph_dask.py")
TABLES = ("documents", "entities", "aliases", "short_forms", "doc_entities", "relations", "sentences", "evidence",
          "merge_log", "glued_forms", "cooccurrences")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Scale-out on Dask beside one process.")
    p.add_argument("--pool", default=DEFAULT_POOL, help="JSON Lines articles (default: %(default)s)")
    p.add_argument("--sizes", default="1000,5000,25000", help="article counts (default: %(default)s)")
    p.add_argument("--rounds", type=int, default=3, help="rounds per size (default: %(default)s)")
    p.add_argument("--workers", type=int, default=2, help="Dask worker processes (default: %(default)s)")
    p.add_argument("--newsgraph", default=DEFAULT_BINARY, help="the binary (default: %(default)s)")
    return p.parse_args(argv)


def timed(argv):
    start = time.monotonic()
    done = subprocess.run(argv, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    if done.returncode != 0:
        sys.exit(f"bench_scaleout: {' '.join(argv[:3])} failed: {done.stderr[-500:]}")
    return time.monotonic() - start, done.stdout


def counts(db, tables):
    c = sqlite3.connect(db)
    try:
        return tuple(c.execute(f"SELECT COUNT(*) FROM {t}").fetchone()[0] for t in tables)
    finally:
        c.close()


def graph(db):
    return counts(db, ("documents", "entities", "relations", "evidence"))


def set_based_copy(args, source, work):
    """Seconds to copy every row of `source` into a new empty store by set-based SQL."""
    target, empty = os.path.join(work, "copy.db"), os.path.join(work, "empty.jsonl")
    open(empty, "w").close()
    timed([args.newsgraph, "ingest", "--quiet", "--db", target, empty])  # the schema, no article
    c = sqlite3.connect(target, isolation_level=None)
    try:
        c.execute("PRAGMA journal_mode = OFF")
        triggers = c.execute("SELECT name, sql FROM sqlite_master WHERE type = 'trigger'").fetchall()
        indexes = [name for (name,) in c.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND sql LIKE 'CREATE VIRTUAL TABLE%USING fts5(%'")]
        start = time.monotonic()
        c.execute("PRAGMA synchronous = OFF")
        c.execute("PRAGMA cache_size = -524288")  # what a merge's batch takes
        c.execute("ATTACH ? AS source", (source,))
        c.execute("BEGIN")
        for name, _ in triggers:
            c.execute(f"DROP TRIGGER {name}")  # rows are indexed all at once below
        for table in TABLES:
            c.execute(f"INSERT INTO main.{table} SELECT * FROM source.{table}")
        for _, sql in triggers:
            c.execute(sql)
        for name in indexes:
            c.execute(f"INSERT INTO main.{name}({name}) VALUES ('rebuild')")
        c.execute("COMMIT")
        seconds = time.monotonic() - start
    finally:
        c.close()
    if counts(target, TABLES) != counts(source, TABLES):
        sys.exit("bench_scaleout: the set-based copy lost rows")
    return seconds


def one_round(args, articles, work):
    single = os.path.join(work, "single.db")
    t_single, _ = timed([args.newsgraph, "ingest", "--quiet", "--db", single, articles])
    # A worker's share of the bytes a partition, so every worker ingests one shard (a bag
    # cuts a file into size // blocksize partitions, the rest joining the last).
    block = max(64 << 10, os.path.getsize(articles) // args.workers)
    merged, shards = os.path.join(work, "merged.db"), os.path.join(work, "shards")
    t_dask, said = timed([sys.executable, DRIVER, "--local-workers", str(args.workers), "--newsgraph",
                          args.newsgraph, "--blocksize", str(block), "--work-dir", shards, "--keep-shards",
                          "--out", merged, articles])
    phases = re.search(r"merged (\d+) shards into .*: ingest ([\d.]+) s, merge ([\d.]+) s", said)
    if not phases:
        sys.exit(f"bench_scaleout: the driver did not report its phases: {said!r}")
    if int(phases.group(1)) != args.workers:
        sys.exit(f"bench_scaleout: {phases.group(1)} shards, not one a worker")
    if graph(merged) != graph(single):
        sys.exit(f"bench_scaleout: the merged store {graph(merged)} differs from one ingest's {graph(single)}")
    alone = os.path.join(work, "alone.db")
    t_merge, _ = timed([args.newsgraph, "merge", "--quiet", alone] + sorted(glob.glob(os.path.join(shards, "*.db"))))
    written = sum(counts(alone, TABLES))
    t_floor = set_based_copy(args, alone, work)
    figures = {
        "ingest, one process (s)": t_single,
        f"dask, {args.workers} workers, all (s)": t_dask,
        "  of which shards (s)": float(phases.group(2)),
        "  of which merge (s)": float(phases.group(3)),
        "merge alone (s)": t_merge,
        "merge alone (k rows/s)": written / t_merge / 1000,
        "set-based copy of its rows (s)": t_floor,
        "merge / set-based copy": t_merge / t_floor,
        "store (MB)": os.path.getsize(single) / 1e6,
    }
    shutil.rmtree(work)
    os.mkdir(work)
    return figures


def main(argv):
    args = parse_args(argv)
    if not os.path.exists(args.pool):
        sys.exit(f"bench_scaleout: no pool at {args.pool}")
    work_root = tempfile.mkdtemp(prefix="newsgraph-scaleout-")
    try:
        for size in [int(s) for s in args.sizes.split(",")]:
            articles = os.path.join(work_root, f"pool-{size}.jsonl")
            with open(args.pool, encoding="utf-8") as f, open(articles, "w", encoding="utf-8") as out:
                for n, line in enumerate(f):
                    if n == size:
                        break
                    out.write(line)
            work = os.path.join(work_root, "work")
            os.makedirs(work, exist_ok=True)
            results = []
            for r in range(args.rounds):
                figures = one_round(args, articles, work)
                results.append(figures)
                print(f"{size} articles, round {r + 1}: " +
                      ", ".join(f"{k.strip()} {v:.2f}" for k, v in figures.items()), flush=True)
            print(f"\n{size} articles, {args.rounds} rounds:      min   median")
            for key in results[0]:
                values = [f[key] for f in results]
                print(f"  {key:32s} {min(values):7.2f} {statistics.median(values):7.2f}")
            print(flush=True)
    finally:
        shutil.rmtree(work_root, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
