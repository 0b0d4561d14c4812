#!/usr/bin/python3
"""The Dask driver against a real dask-scheduler and two dask-worker processes on
loopback: its merged store equals one ingest of the same articles, table by table, for
one merge and for a tree; a failing partition is named and leaves no output; a worker
without the binary is named; a worker killed with SIGKILL mid-partition costs a retry,
not the result; a failed run's shards are used again by the next; shards merge with a
--base store. Every process started is stopped, and none leaves a semaphore in
/dev/shm. Exit 77 (skipped) without python3-distributed.

usage: dask_test.py --newsgraph BIN --driver scaleout/newsgraph_dask.py
"""
import argparse
import contextlib
import glob
import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))

# Every table's rows with keys replaced by what they stand for (entity ids, article ids,
# local ids), the time of ingest left out: the store's content, however its rows were
# numbered, but for relations' keys (exports' edge ids). As tests/cli/store_rows.cpp, but
# that co-occurrence blobs are compared by their length, not decoded.
NATURAL_ROWS = {
    "documents": "SELECT id, content_hash, title, source, published, bytes, url, outlet, category FROM documents",
    "entities": "SELECT id, label, type, from_gazetteer, label_key, attributes FROM entities",
    "short_forms": "SELECT s.short_key, e.id FROM short_forms s JOIN entities e USING (entity_key)",
    "aliases": "SELECT e.id, a.alias, a.alias_key FROM aliases a JOIN entities e USING (entity_key)",
    "doc_entities": "SELECT d.id, x.local_id, x.label, x.aliases, x.type, x.from_gazetteer, e.id, x.type_guessed, "
                    "x.mention_count, hex(x.mentions), x.extracted FROM doc_entities x JOIN documents d "
                    "USING (doc_key) JOIN entities e ON e.entity_key = x.entity_key",
    "relations": "SELECT s.id, r.predicate, o.id, r.weight, r.independent, r.evidence_count, r.modality, "
                 "r.confidence_permille, r.first_seen, r.last_seen FROM relations r JOIN entities s ON "
                 "s.entity_key = r.subject_key JOIN entities o ON o.entity_key = r.object_key",
    "sentences": "SELECT d.id, s.idx, s.start, s.end, s.text, s.hash, s.syndicated FROM sentences s "
                 "JOIN documents d USING (doc_key)",
    "evidence": "SELECT s.id, r.predicate, o.id, d.id, v.sentence, sx.local_id, ox.local_id, v.predicate, v.cue, "
                "v.rule, "
                "v.modality, v.confidence FROM evidence v JOIN relations r USING (relation_key) JOIN entities s "
                "ON s.entity_key = r.subject_key JOIN entities o ON o.entity_key = r.object_key JOIN documents d "
                "ON d.doc_key = v.doc_key JOIN doc_entities sx ON sx.doc_entity_key = v.subject_doc_entity "
                "JOIN doc_entities ox ON ox.doc_entity_key = v.object_doc_entity",
    "merge_log": "SELECT m.at, d.id, m.name, e.id, m.rule, m.detail, x.local_id FROM merge_log m LEFT JOIN "
                 "documents d USING (doc_key) JOIN entities e ON e.entity_key = m.entity_key LEFT JOIN "
                 "doc_entities x ON x.doc_entity_key = m.doc_entity_key",
    "edge ids": "SELECT r.relation_key, s.id, r.predicate, o.id FROM relations r JOIN entities s ON "
                "s.entity_key = r.subject_key JOIN entities o ON o.entity_key = r.object_key",
    "overrides": "SELECT kind, name_a, name_b FROM overrides",
    "glued_forms": "SELECT g.core_key, d.id, x.local_id FROM glued_forms g JOIN doc_entities x "
                   "USING (doc_entity_key) JOIN documents d USING (doc_key)",
    "cooccurrences": "SELECT d.id, length(c.pairs), c.confidence FROM cooccurrences c JOIN documents d USING (doc_key)",
}


def natural_rows(path):
    db = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return {table: sorted(db.execute(sql).fetchall()) for table, sql in NATURAL_ROWS.items()}
    finally:
        db.close()


def differences(a, b):
    return [f"{t}: {len(a[t])} rows against {len(b[t])}" for t in a if a[t] != b[t]]


def skip(why):
    print(f"dask_test: skipped: {why}")
    sys.exit(77)


def group(pgid):
    """Pids of the live (not zombie) processes in process group `pgid`, read from /proc."""
    pids = []
    for entry in filter(str.isdigit, os.listdir("/proc")):
        try:
            with open(f"/proc/{entry}/stat") as f:
                state, _, pgrp = f.read().rsplit(")", 1)[1].split()[:3]
        except OSError:  # ended meanwhile
            continue
        if int(pgrp) == pgid and state not in "ZX":
            pids.append(int(entry))
    return pids


def proc_text(pid, name):
    try:
        with open(f"/proc/{pid}/{name}", "rb") as f:
            return f.read().decode(errors="replace")
    except OSError:
        return ""


def signal_group(pgid, sig):
    with contextlib.suppress(ProcessLookupError):
        os.killpg(pgid, sig)


class Processes:
    """Started processes, each in a session of its own, all stopped (with their children) at the end.

    Each dask-worker nanny holds POSIX semaphores (/dev/shm/sem.mp-*: the locks of the two
    multiprocessing Queues it shares with its worker). They are unlinked by the nanny when it
    exits, or else by its multiprocessing resource_tracker (a child in the same process group)
    once its clients are gone: a SIGKILL that takes the tracker too leaks them."""

    def __init__(self):
        self.started = []
        self.semaphores = set()  # every /dev/shm/sem.mp-* a started process had mapped

    def start(self, argv, log):
        p = subprocess.Popen(argv, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
        self.started.append(p)
        return p

    def note_semaphores(self, p):
        for pid in group(p.pid):
            self.semaphores.update(re.findall(r"/dev/shm/sem\.mp-\S+", proc_text(pid, "maps")))

    def kill(self, p):
        """kill -9 of p and its children, all but the resource_tracker, which unlinks their semaphores."""
        self.note_semaphores(p)
        signal_group(p.pid, signal.SIGSTOP)  # nothing forks between reading the group and killing it
        for pid in group(p.pid):
            if "resource_tracker" not in proc_text(pid, "cmdline"):
                with contextlib.suppress(ProcessLookupError):
                    os.kill(pid, signal.SIGKILL)
        signal_group(p.pid, signal.SIGCONT)
        p.wait()

    def running_after(self, seconds):
        """Pids still running in the started groups after up to `seconds` of waiting for them to end."""
        deadline = time.monotonic() + seconds
        while (still := [pid for p in self.started for pid in group(p.pid)]) and time.monotonic() < deadline:
            time.sleep(0.1)
        return still

    def stop_all(self):
        """SIGTERM, so that dask-scheduler and the nannies close down and unlink their semaphores;
        SIGKILL for whatever still runs 15 s later. Then nothing runs and no semaphore is left."""
        for p in self.started:
            self.note_semaphores(p)
            signal_group(p.pid, signal.SIGTERM)
        stubborn = self.running_after(15)
        for p in self.started:
            signal_group(p.pid, signal.SIGKILL)
            p.wait()
        still = self.running_after(5)
        assert not still, f"processes left running: {still}"
        left = sorted(path for path in self.semaphores if os.path.exists(path))
        assert not left, f"semaphores left in /dev/shm: {left} (processes that needed SIGKILL: {stubborn})"


def articles(work):
    """JSON Lines of pool articles (every 7th of the first 8,400), or of the examples when ../shared is absent."""
    pool = os.path.join(os.path.dirname(REPO), "shared", "corpus", "news", "news_pool.jsonl")
    lines = []
    if os.path.exists(pool):
        with open(pool, encoding="utf-8") as f:
            for n, line in enumerate(f):
                if n % 7 == 0:
                    lines.append(line)
                if len(lines) == 1200:
                    break
    else:
        examples = os.path.join(REPO, "examples")
        for i in range(300):
            name = sorted(os.listdir(examples))[i % 3]
            with open(os.path.join(examples, name), encoding="utf-8") as f:
                text = f.read() + f"\nEdisi {i}."
            lines.append(json.dumps({"id": f"ex-{i}", "source": f"https://example.org/{i}", "text": text}) + "\n")
    path = os.path.join(work, "articles.jsonl")
    with open(path, "w", encoding="utf-8") as f:
        f.writelines(lines)
    return path, len(lines)


def wrapper(work, name, body, newsgraph):
    """A stand-in for newsgraph that runs `body` (sh) first, then the real binary."""
    path = os.path.join(work, name)
    with open(path, "w") as f:
        f.write(f"#!/bin/sh\n{body}\nexec {newsgraph} \"$@\"\n")
    os.chmod(path, 0o755)
    return path


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--newsgraph", required=True)
    p.add_argument("--driver", required=True)
    args = p.parse_args()
    try:
        import distributed  # noqa: F401
    except ImportError:
        skip("python3-distributed is not installed")
    scheduler_bin, worker_bin = shutil.which("dask-scheduler"), shutil.which("dask-worker")
    if not scheduler_bin or not worker_bin:
        skip("dask-scheduler or dask-worker is not installed")
    work = tempfile.mkdtemp(prefix="newsgraph-dask-")
    procs = Processes()
    log = open(os.path.join(work, "cluster.log"), "w")
    try:
        scheduler_file = os.path.join(work, "scheduler.json")
        procs.start([sys.executable, scheduler_bin, "--host", "127.0.0.1", "--port", "0", "--no-dashboard",
                     "--scheduler-file", scheduler_file], log)
        workers = [procs.start([sys.executable, worker_bin, "--scheduler-file", scheduler_file, "--nworkers", "1",
                                "--nthreads", "1", "--no-dashboard", "--name", f"w{k}",
                                "--local-directory", os.path.join(work, f"w{k}")], log) for k in range(2)]
        deadline = time.monotonic() + 60
        while not os.path.exists(scheduler_file) and time.monotonic() < deadline:
            time.sleep(0.1)
        from distributed import Client
        with Client(scheduler_file=scheduler_file, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)

        source, count = articles(work)
        single = os.path.join(work, "single.db")
        subprocess.run([args.newsgraph, "ingest", "--quiet", "--db", single, source], check=True,
                       stdout=subprocess.DEVNULL)
        expected = natural_rows(single)
        assert len(expected["documents"]) == count, len(expected["documents"])

        # About 4 partitions, whatever the articles' size (pool articles or the examples).
        blocksize = str(max(1, os.path.getsize(source) // 4))

        shared = os.path.join(work, "shared")

        def driver_argv(out, *extra, newsgraph=args.newsgraph, inputs=(source,), work_dir=shared):
            return [sys.executable, args.driver, "--scheduler-file", scheduler_file, "--newsgraph", newsgraph,
                    "--blocksize", blocksize, "--out", out, *(("--work-dir", work_dir) if work_dir else ()),
                    *extra, *inputs]

        def drive(out, *extra, **where):
            return subprocess.run(driver_argv(out, *extra, **where), stdout=subprocess.PIPE,
                                  stderr=subprocess.PIPE, text=True, timeout=600)

        def partitions(stderr):
            return int(stderr.split(" partitions on ")[0].split()[-1])

        # One merge of every shard, and a tree of two-way merges: both equal one ingest.
        for name, extra in (("flat", ()), ("tree", ("--fanin", "2")), ("shipped", ("--ship",))):
            out = os.path.join(work, f"{name}.db")
            r = drive(out, *extra)
            assert r.returncode == 0, (name, r.stderr)
            assert "partitions on 2 workers" in r.stderr, r.stderr
            assert partitions(r.stderr) >= 3, r.stderr  # shards to merge
            diff = differences(expected, natural_rows(out))
            assert not diff, (name, diff)
            print(f"dask_test: {name}: {r.stdout.strip()}")

        # A partition newsgraph fails on is named, and nothing is written.
        failing = wrapper(work, "failing.sh", 'case "$1" in ingest) echo "disk full" >&2; exit 3;; esac',
                          args.newsgraph)
        out = os.path.join(work, "failed.db")
        r = drive(out, "--retries", "0", newsgraph=failing)
        assert r.returncode == 3, r
        assert "partition " in r.stderr and "disk full" in r.stderr, r.stderr
        assert not os.path.exists(out)
        said = [line for line in r.stderr.splitlines() if line.startswith("newsgraph_dask: partition")]
        assert said, r.stderr
        print("dask_test: failing partition: " + said[-1][:160])

        # A run that fails keeps the shards it finished; the same command again ingests
        # only the partition that failed, and gives the single ingest's store. (One
        # wrapper for both runs: a shard is named by its lines and its binary.)
        last_id = json.loads(open(source, encoding="utf-8").readlines()[-1])["id"]
        flag = os.path.join(work, "fail-now")
        open(flag, "w").close()
        # The partition of the last article fails, once another partition's shard is whole
        # (at most 120 s later), so that the failed run leaves one at least.
        fail_last = wrapper(work, "fail_last.sh", f'for a in "$@"; do case "$a" in *.jsonl) '
                            f'if [ -e {flag} ] && grep -qF \'"{last_id}"\' "$a"; then n=0; '
                            f'while [ -z "$(ls {shared}/shard-*.db 2>/dev/null)" ] && [ $n -lt 600 ]; do '
                            'sleep 0.2; n=$((n+1)); done; echo "disk full" >&2; exit 3; fi;; esac; done',
                            args.newsgraph)
        resumed = os.path.join(work, "resumed.db")
        r = drive(resumed, "--retries", "0", newsgraph=fail_last)
        assert r.returncode == 3 and "disk full" in r.stderr and "whole shards are kept" in r.stderr, r.stderr
        assert not os.path.exists(resumed)
        kept = [n for n in os.listdir(shared) if n.startswith("shard-")]
        assert kept, r.stderr
        os.remove(flag)
        r = drive(resumed, newsgraph=fail_last)
        assert r.returncode == 0, r.stderr
        # A partition the failed run cancelled may still have finished after it returned:
        # at least the shards seen then are used again, and never the failed partition's.
        said = [line for line in r.stderr.splitlines() if "left whole by an earlier run" in line]
        assert said and len(kept) <= int(said[0].split()[1]) < partitions(r.stderr), (len(kept), r.stderr)
        diff = differences(expected, natural_rows(resumed))
        assert not diff, diff
        assert not os.path.exists(shared), "shards left after a run that succeeded"
        print(f"dask_test: resumed: {said[0]}")

        # --base: the shards of the later articles merged with a store of the earlier ones.
        with open(source, encoding="utf-8") as f:
            lines = f.readlines()
        earlier, later = os.path.join(work, "earlier.jsonl"), os.path.join(work, "later.jsonl")
        for path, part in ((earlier, lines[: len(lines) // 2]), (later, lines[len(lines) // 2:])):
            with open(path, "w", encoding="utf-8") as f:
                f.writelines(part)
        base = os.path.join(work, "base.db")
        subprocess.run([args.newsgraph, "ingest", "--quiet", "--db", base, earlier], check=True,
                       stdout=subprocess.DEVNULL)
        added = os.path.join(work, "added.db")
        r = drive(added, "--base", base, inputs=(later,), work_dir=None)  # the default work directory
        assert r.returncode == 0, r.stderr
        diff = differences(expected, natural_rows(added))
        assert not diff, diff
        assert not os.path.exists(added + ".shards"), "the default work directory was left behind"
        print(f"dask_test: added to a base store: {r.stdout.strip()}")

        # --base --arrival-order: the earlier articles added to a store of the later ones
        # as `ingest --arrival-order` adds them; `newsgraph reorder` then gives one ingest's.
        late_base = os.path.join(work, "late_base.db")
        subprocess.run([args.newsgraph, "ingest", "--quiet", "--db", late_base, later], check=True,
                       stdout=subprocess.DEVNULL)
        ingested = os.path.join(work, "ingested.db")
        with contextlib.closing(sqlite3.connect(late_base)) as c:
            c.execute("VACUUM INTO ?", (ingested,))
        subprocess.run([args.newsgraph, "ingest", "--quiet", "--arrival-order", "--db", ingested, earlier], check=True,
                       stdout=subprocess.DEVNULL)
        appended = os.path.join(work, "appended.db")
        r = drive(appended, "--base", late_base, "--arrival-order", inputs=(earlier,))
        assert r.returncode == 0, r.stderr
        diff = differences(natural_rows(ingested), natural_rows(appended))
        assert not diff, diff
        with contextlib.closing(sqlite3.connect(appended)) as c:
            assert c.execute("SELECT value FROM meta WHERE key = 'out_of_order'").fetchone()[0] == 1
        subprocess.run([args.newsgraph, "reorder", "--db", appended], check=True, stdout=subprocess.DEVNULL)
        diff = differences(expected, natural_rows(appended))
        assert not diff, diff
        print(f"dask_test: added in arrival order, then reordered: {r.stdout.strip()}")

        # A worker without the binary is named before any work starts.
        r = drive(out, newsgraph=os.path.join(work, "absent", "newsgraph"))
        assert r.returncode == 3 and "no newsgraph binary" in r.stderr, r.stderr
        assert not os.path.exists(out)

        # kill -9 of a worker (and its nanny) while partitions run: the other worker takes
        # its partitions over, and the result is still the single ingest's.
        slow = wrapper(work, "slow.sh", 'case "$1" in ingest) sleep 1;; esac', args.newsgraph)
        out = os.path.join(work, "survived.db")
        driver = subprocess.Popen(driver_argv(out, newsgraph=slow), stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                  text=True)
        deadline = time.monotonic() + 120  # killed once a partition is under way
        while not glob.glob(os.path.join(shared, "newsgraph-part*")) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert driver.poll() is None, "the driver ended before a worker could be killed mid-partition"
        procs.kill(workers[0])
        stdout, stderr = driver.communicate(timeout=600)
        assert driver.returncode == 0, stderr
        diff = differences(expected, natural_rows(out))
        assert not diff, diff
        print("dask_test: a worker killed mid-partition: " + stdout.strip())
        print("dask_test: ok")
        return 0
    finally:
        procs.stop_all()
        log.close()
        shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
