#!/usr/bin/python3
"""newsgraph on Dask: ingests JSON Lines articles as shard stores on the workers of a
`distributed` scheduler, then merges the shards into one store with `newsgraph merge`.

Each partition of the input (a Dask bag read from the files) is ingested by the
`newsgraph` binary, run as a subprocess on a worker, into a shard store of its own; the
shards are then merged. A merge writes the store one ingest of all the articles in
canonical order would write (`newsgraph merge --help`), so the result does not depend on
how the input was cut or in which order the workers finished.

Storage: with --work-dir on storage every worker and this client see (NFS, a cluster
file system, or one machine's disk), shards are written there and merged by a worker;
with --ship, each worker sends its shard back to this client, which merges them here
(for shards that fit through the network and on this disk).

Resuming: a shard in the work directory is named by what made it (the partition's
lines and the newsgraph binary), and only a whole one is put there. When a run fails,
the shards it finished stay, and the same command again ingests only the partitions
that have none. A run that succeeds removes them (unless --keep-shards).

Adding to a store: with --base STORE, the shards are merged with that store, as if
its articles had been part of the input (a day's articles added to an archive; when
they all come after the archive's in canonical order, the merge copies it as it is).
With --arrival-order too, the archive is copied as it is even when some new articles
sort before its own, and theirs are added after it, as `ingest --arrival-order` adds
them: the merge costs the new articles, not the archive, and --out is left marked out
of canonical order until `newsgraph reorder` (say, at night) rewrites it.

Exit codes: 0 merged, 2 usage error, 3 failure (a partition or merge failed, a worker
has no newsgraph binary); on failure nothing is written at --out.
"""
import argparse
import glob
import hashlib
import logging
import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time

EXIT_OK, EXIT_USAGE, EXIT_FAILURE = 0, 2, 3


class PartitionFailed(RuntimeError):
    """A partition or a merge that newsgraph could not do, with what it said."""


def run_newsgraph(binary, args, what):
    """Runs newsgraph; raises PartitionFailed naming `what` and the host when it fails."""
    try:
        done = subprocess.run([binary] + args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    except OSError as e:
        raise PartitionFailed(f"{what}: cannot run {binary} on {socket.gethostname()}: {e}") from None
    if done.returncode not in (0, 1):  # 1: some articles skipped, the rest stored
        said = done.stderr.strip().splitlines()[-3:]
        raise PartitionFailed(f"{what}: newsgraph {args[0]} exited {done.returncode} on {socket.gethostname()}: "
                              + " / ".join(said))
    return done


def shard_name(lines, binary):
    """The file name of the shard these lines make with this binary: the same lines and
    binary give the same name, so a run again finds the shards an earlier run finished.
    (Hashing the binary takes milliseconds; a partition's ingest, seconds.)"""
    with open(binary, "rb") as f:
        h = hashlib.sha256(hashlib.sha256(f.read()).hexdigest().encode())
    for line in lines:
        h.update(line.encode("utf-8", "surrogatepass"))
        h.update(b"\n")
    return f"shard-{h.hexdigest()[:24]}.db"


def ingest_partition(lines, index, binary, work_dir, ship, jobs):
    """On a worker: ingests one partition's lines into a shard store. Returns (index, path,
    reused) of the shard in work_dir, reused when an earlier run left it there whole, or
    (index, bytes, False) when shipping. An attempt writes in a directory of its own and
    moves the shard into place only when it is whole, so a retry after a killed attempt
    starts clean and a shard found in place is whole."""
    first = lines[0][:200] if lines else ""
    first_id = first.split('"id"', 1)[1].split('"')[1] if '"id"' in first else "?"
    what = f"partition {index} ({len(lines)} lines from article {first_id})"
    final = None
    if not ship:
        try:
            final = os.path.join(work_dir, shard_name(lines, binary))
        except OSError as e:
            raise PartitionFailed(f"{what}: cannot read {binary} on {socket.gethostname()}: {e}") from None
        if os.path.exists(final):
            return index, final, True
    attempt = tempfile.mkdtemp(prefix=f"newsgraph-part{index:05d}-", dir=None if ship else work_dir)
    try:
        articles = os.path.join(attempt, "articles.jsonl")
        with open(articles, "w", encoding="utf-8") as f:
            for line in lines:
                f.write(line if line.endswith("\n") else line + "\n")
        shard = os.path.join(attempt, "shard.db")
        run_newsgraph(binary, ["ingest", "--quiet", "--jobs", str(jobs), "--db", shard, articles],
                      what)
        if ship:
            with open(shard, "rb") as f:
                return index, f.read(), False
        os.replace(shard, final)
        return index, final, False
    finally:
        shutil.rmtree(attempt, ignore_errors=True)


def clear_leftovers(work_dir):
    """What a run that died leaves in work_dir besides whole shards: attempts cut short,
    tree merges (named by position, not content) and unfinished merge outputs."""
    for path in glob.glob(os.path.join(work_dir, "newsgraph-part*")):
        shutil.rmtree(path, ignore_errors=True)
    for path in glob.glob(os.path.join(work_dir, "merge-*.db*")):
        os.remove(path)


def merge_stores(binary, out, inputs, arrival_order=False):
    """Merges `inputs` into the new store `out` (on a worker, or here); in arrival order,
    the first input is the base the others are added to (`newsgraph merge --help`)."""
    flags = ["--arrival-order"] if arrival_order else []
    run_newsgraph(binary, ["merge", "--quiet"] + flags + [out] + list(inputs), f"merge into {out}")
    return out


def parse_args(argv):
    p = argparse.ArgumentParser(
        prog="newsgraph_dask.py",
        description="Ingest JSON Lines articles on a Dask cluster as shard stores and merge them into one.",
        epilog="Exit codes: 0 merged, 2 usage error, 3 failure (nothing is written at --out).")
    p.add_argument("inputs", nargs="+", help="JSON Lines files (paths every worker can read, or globs)")
    p.add_argument("--out", required=True, help="the store to write (must not exist)")
    p.add_argument("--base", help="a store to merge the shards with (read only; with --work-dir, at a path "
                   "the workers see)")
    p.add_argument("--arrival-order", action="store_true",
                   help="with --base: copy the base as it is and add the shards' articles after its own, even "
                        "those that sort before some of them (the cost of the shards, not of the base); --out "
                        "is then left out of canonical order until `newsgraph reorder`")
    where = p.add_mutually_exclusive_group(required=True)
    where.add_argument("--scheduler", help="address of a running dask scheduler (tcp://host:8786)")
    where.add_argument("--scheduler-file", help="the file a dask scheduler wrote with --scheduler-file")
    where.add_argument("--local-workers", type=int, help="start a cluster of N worker processes on this machine")
    p.add_argument("--newsgraph", default=shutil.which("newsgraph") or "newsgraph",
                   help="the newsgraph binary, at the same path on every worker (default: from PATH)")
    p.add_argument("--work-dir", help="storage every worker and this client see, for the shards "
                   "(default: OUT.shards, beside --out); the shards of a failed run stay there for the next")
    p.add_argument("--ship", action="store_true", help="workers send their shards back; they are merged here")
    p.add_argument("--blocksize", default="16MB", help="input bytes per partition (default 16MB)")
    p.add_argument("--fanin", type=int, default=0,
                   help="merge the shards in a tree, FANIN stores a merge (default 0: all in one merge, which "
                        "writes every article once; a tree writes them once a level)")
    p.add_argument("--jobs", type=int, default=2,
                   help="threads of each partition's ingest (default 2: one extracts while one writes; "
                        "with 1 it does both in turn)")
    p.add_argument("--retries", type=int, default=1, help="times a failed partition is tried again (default 1)")
    p.add_argument("--keep-shards", action="store_true", help="leave the shard stores in --work-dir after success")
    return p.parse_args(argv)


def connect(args):
    from distributed import Client, LocalCluster
    if args.local_workers:
        cluster = LocalCluster(n_workers=args.local_workers, threads_per_worker=1, processes=True,
                               dashboard_address=None, silence_logs=logging.ERROR)
        return Client(cluster), cluster
    if args.scheduler_file:
        return Client(scheduler_file=args.scheduler_file, timeout="30s"), None
    return Client(args.scheduler, timeout="30s"), None


def check_workers(client, binary):
    """Names the workers that cannot run the binary; [] when all can."""
    can = client.run(lambda path: os.access(path, os.X_OK), binary)
    return sorted(worker for worker, ok in can.items() if not ok)


def merge_tree(args, shards, work_dir):
    """Delayed merges of the shards into args.out: one merge, or a tree of FANIN-way merges."""
    from dask import delayed
    level, depth = list(shards), 0
    fanin = args.fanin if args.fanin >= 2 else max(2, len(level))
    while len(level) > fanin:
        depth += 1
        level = [delayed(merge_stores)(args.newsgraph, os.path.join(work_dir, f"merge-{depth}-{k:05d}.db"),
                                       level[i:i + fanin])
                 for k, i in enumerate(range(0, len(level), fanin))]
    return final_merge(args, level, delayed(merge_stores))


def final_merge(args, shards, merge):
    """`merge` of the shards (paths, or delayed merges) with the base, if any, into args.out."""
    if args.base and args.arrival_order:
        return merge(args.newsgraph, args.out, [args.base] + shards, True)
    return merge(args.newsgraph, args.out, shards + ([args.base] if args.base else []))


def watch(client, futures):
    """A progress bar on a terminal; waits for the futures either way."""
    if sys.stderr.isatty():
        from distributed import progress
        progress(futures)
    return client.gather(futures)


def receive_shards(futures, local):
    """Shipped shards, each written to `local` as it arrives and then let go, so that the
    client holds one shard in memory at a time, not all of them. Returns (index, path,
    False) for each, as shards in a work directory are given."""
    from distributed import as_completed
    received = []
    for future in as_completed(futures):
        index, data, _ = future.result()
        path = os.path.join(local, f"shard-{index:05d}.db")
        with open(path, "wb") as f:
            f.write(data)
        del data
        future.release()
        received.append((index, path, False))
        if sys.stderr.isatty():
            print(f"\rnewsgraph_dask: {len(received)} of {len(futures)} shards received", end="", file=sys.stderr)
    if sys.stderr.isatty():
        print(file=sys.stderr)
    return received


def main(argv):
    args = parse_args(argv)
    args.out = os.path.abspath(args.out)
    if os.path.exists(args.out):
        print(f"newsgraph_dask: {args.out}: exists; choose another name", file=sys.stderr)
        return EXIT_USAGE
    if args.arrival_order and not args.base:
        print("newsgraph_dask: --arrival-order adds the shards to a --base store; give one", file=sys.stderr)
        return EXIT_USAGE
    if args.base:
        args.base = os.path.abspath(args.base)
        if not os.path.isfile(args.base):
            print(f"newsgraph_dask: {args.base}: no such store", file=sys.stderr)
            return EXIT_USAGE
    work_dir = os.path.abspath(args.work_dir or f"{args.out}.shards")
    import dask.bag
    try:
        client, cluster = connect(args)
    except (OSError, ValueError) as e:
        print(f"newsgraph_dask: cannot reach the scheduler: {e}", file=sys.stderr)
        return EXIT_FAILURE
    started = time.monotonic()
    pending = []  # what runs on the cluster, cancelled when something fails
    succeeded = False  # the shards are removed only then: a failed run's are kept for the next
    local = None  # with --ship, where the shards received are kept until merged
    try:
        missing = check_workers(client, args.newsgraph)
        if missing:
            print(f"newsgraph_dask: no newsgraph binary at {args.newsgraph} on: {', '.join(missing)} "
                  "(install it there, or give --newsgraph)", file=sys.stderr)
            return EXIT_FAILURE
        if not args.ship:
            os.makedirs(work_dir, exist_ok=True)
            clear_leftovers(work_dir)
        bag = dask.bag.read_text(args.inputs, blocksize=args.blocksize)
        parts = bag.to_delayed()
        from dask import delayed
        shard_tasks = [delayed(ingest_partition)(part, i, args.newsgraph, work_dir, args.ship, args.jobs)
                       for i, part in enumerate(parts)]
        print(f"newsgraph_dask: {len(shard_tasks)} partitions on {len(client.scheduler_info()['workers'])} workers",
              file=sys.stderr)
        pending = client.compute(shard_tasks, retries=args.retries)
        if args.ship:
            local = tempfile.mkdtemp(prefix="newsgraph-shards-", dir=os.path.dirname(args.out))
            shards = sorted(receive_shards(pending, local))
        else:
            shards = sorted(watch(client, pending))
        ingested = time.monotonic()
        reused = sum(1 for _, _, was_there in shards if was_there)
        if reused:
            print(f"newsgraph_dask: {reused} of {len(shards)} shards were left whole by an earlier run "
                  f"in {work_dir}, and were not ingested again", file=sys.stderr)
        if args.ship:
            final_merge(args, [path for _, path, _ in shards], merge_stores)
        else:
            paths = [path for _, path, _ in shards]  # equal partitions share one: merge writes it once
            pending = [client.compute(merge_tree(args, paths, work_dir), retries=args.retries)]
            watch(client, pending)
        merged = time.monotonic()
        print(f"newsgraph_dask: merged {len(shards)} shards into {args.out}: "
              f"ingest {ingested - started:.1f} s, merge {merged - ingested:.1f} s")
        succeeded = True
        return EXIT_OK
    except Exception as e:  # PartitionFailed; a worker lost too often (KilledWorker), an unreadable input
        what = str(e) if isinstance(e, PartitionFailed) else f"{type(e).__name__}: {e}"
        print(f"newsgraph_dask: {what}; nothing was written at {args.out}", file=sys.stderr)
        client.cancel(pending)
        if not args.ship:
            done = len(glob.glob(os.path.join(work_dir, "shard-*.db")))
            print(f"newsgraph_dask: {done} whole shards are kept in {work_dir}; the same command again "
                  "ingests only the partitions that have none", file=sys.stderr)
        return EXIT_FAILURE
    finally:
        if local:
            shutil.rmtree(local, ignore_errors=True)
        if succeeded and not args.keep_shards and not args.ship:
            shutil.rmtree(work_dir, ignore_errors=True)
        client.close()
        if cluster is not None:
            cluster.close()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
