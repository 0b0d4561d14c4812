#!/usr/bin/env python3
"""A bounded load test of `newsgraph serve` on loopback: readers, writers and slow clients
at once, for a fixed time.

Starts the server on a copy of a store (by default one built from the examples), then
runs together: readers asking entity searches, relation lists, entities and paths over
keep-alive connections (wrk on CONNECTIONS connections when wrk is installed, else READERS
Python threads); WRITERS threads posting new articles (each acknowledged id is
remembered); SLOW clients that open a request and send one header line every 3 s; and a
prober asking /api/v1/health every 50 ms and timing it. Afterwards every acknowledged
article is looked up. Prints requests and errors by kind, reads/s, /health latency (p50,
p99, max) and whether every acknowledged POST was stored. Exit code 1 when there were
errors, a lost POST or a /health p99 over 100 ms.

usage: load_test.py [--seconds 60] [--connections 64] [--readers 32] [--writers 4] [--slow 8]
                    [--no-wrk] [--newsgraph BINARY] [--db STORE]
"""
import argparse
import http.client
import json
import os
import random
import re
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.parse

REPO = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
DEFAULT_BINARY = os.path.join(REPO, "build", "cli", "newsgraph")


def parse_args(argv):
    p = argparse.ArgumentParser(description="Readers, writers and slow clients against newsgraph serve.")
    p.add_argument("--seconds", type=float, default=60)
    p.add_argument("--connections", type=int, default=64, help="wrk's keep-alive reader connections")
    p.add_argument("--readers", type=int, default=32,
                   help="reader threads, one keep-alive connection each, when wrk is not used")
    p.add_argument("--no-wrk", action="store_true", help="read with Python threads even when wrk is installed")
    p.add_argument("--writers", type=int, default=4, help="threads posting articles")
    p.add_argument("--slow", type=int, default=8, help="slow clients (a header line every 3 s)")
    p.add_argument("--newsgraph", default=DEFAULT_BINARY)
    p.add_argument("--db", help="a store to copy and serve (default: one built from examples/)")
    return p.parse_args(argv)


class Tally:
    def __init__(self):
        self.lock = threading.Lock()
        self.counts = {}
        self.health_ms = []
        self.acknowledged = []

    def add(self, kind, ok):
        with self.lock:
            key = (kind, "ok" if ok else "error")
            self.counts[key] = self.counts.get(key, 0) + 1


def start_server(binary, db):
    proc = subprocess.Popen([binary, "serve", "--port", "0", "--db", db], stdout=subprocess.PIPE,
                            stderr=subprocess.DEVNULL, text=True)
    line = proc.stdout.readline()
    if "listening on http://" not in line:
        proc.kill()
        sys.exit("load_test: serve did not start: " + line)
    port = int(line.rsplit(":", 1)[1].split("/")[0])
    return proc, port


def reader(port, stop, tally, names):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    paths = [lambda: "/api/v1/entities?q=" + urllib.parse.quote(random.choice(names)[:4]),
             lambda: "/api/v1/relations?limit=50&min_weight=1",
             lambda: "/api/v1/entities/" + urllib.parse.quote(random.choice(names)),
             lambda: "/api/v1/paths?from=%s&to=%s&k=2" % (urllib.parse.quote(random.choice(names)),
                                                          urllib.parse.quote(random.choice(names)))]
    while not stop.is_set():
        path = random.choice(paths)()
        try:
            conn.request("GET", path)
            r = conn.getresponse()
            r.read()
            tally.add("read", r.status in (200, 300, 404))
        except Exception:
            tally.add("read", False)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)


def writer(port, stop, tally, number):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)
    n = 0
    while not stop.is_set():
        n += 1
        doc_id = "load-%d-%d" % (number, n)
        body = json.dumps({"id": doc_id, "title": "Uji beban %d" % n,
                           "text": "Presiden Joko Widodo bertemu Perdana Menteri Jepang Fumio Kishida "
                                   "di Tokyo pada kunjungan ke-%d, kata juru bicara %d." % (n, number)})
        try:
            conn.request("POST", "/api/v1/documents", body, {"Content-Type": "application/json"})
            r = conn.getresponse()
            r.read()
            ok = r.status in (200, 201)
            tally.add("post", ok)
            if ok:
                with tally.lock:
                    tally.acknowledged.append(doc_id)
        except Exception:
            tally.add("post", False)
            conn.close()
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=30)


def slow_client(port, stop):
    s = socket.create_connection(("127.0.0.1", port))
    s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    while not stop.wait(3):
        try:
            s.sendall(b"X-Slow: y\r\n")
        except OSError:
            s.close()
            s = socket.create_connection(("127.0.0.1", port))
            s.sendall(b"GET /api/v1/health HTTP/1.1\r\nHost: 127.0.0.1\r\n")
    s.close()


def prober(port, stop, tally):
    while not stop.wait(0.05):
        start = time.perf_counter()
        try:
            conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
            conn.request("GET", "/api/v1/health")
            r = conn.getresponse()
            r.read()
            conn.close()
            tally.add("health", r.status == 200)
        except Exception:
            tally.add("health", False)
        with tally.lock:
            tally.health_ms.append((time.perf_counter() - start) * 1000)


def wrk_script(work, names):
    """A wrk Lua script that asks, in turn, the read paths the Python readers ask."""
    paths = []
    chosen = names[:50]
    for k, name in enumerate(chosen):
        quoted = urllib.parse.quote(name, safe="")
        other = urllib.parse.quote(chosen[(k + 1) % len(chosen)], safe="")
        paths += ["/api/v1/entities?q=" + urllib.parse.quote(name[:4], safe=""), "/api/v1/relations?limit=50&min_weight=1",
                  "/api/v1/entities/" + quoted, "/api/v1/paths?from=%s&to=%s&k=2" % (quoted, other)]
    path = os.path.join(work, "reads.lua")
    with open(path, "w") as f:
        f.write("local paths = {%s}\n" % ", ".join(json.dumps(p) for p in paths))
        f.write("local i = 0\n")
        f.write("request = function()\n  i = i % #paths + 1\n  return wrk.format(\"GET\", paths[i])\nend\n")
    return path


def run_wrk(port, seconds, connections, script, out):
    """Runs wrk and keeps what it reports: requests, errors and latency."""
    done = subprocess.run(["wrk", "-t", "1", "-c", str(connections), "-d", "%ds" % seconds, "--timeout", "10s",
                           "--latency", "-s", script, "http://127.0.0.1:%d" % port],
                          capture_output=True, text=True)
    text = done.stdout
    total = re.search(r"(\d+) requests in", text)
    non2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    sockets = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    latency = {q: v for q, v in re.findall(r"^\s+(50|99)%\s+(\S+)", text, re.M)}
    out["requests"] = int(total.group(1)) if total else 0
    out["errors"] = (int(non2xx.group(1)) if non2xx else 0) + (sum(map(int, sockets.groups())) if sockets else 0)
    out["latency"] = latency
    out["ok"] = done.returncode == 0 and total is not None


def entity_names(port):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
    conn.request("GET", "/api/v1/entities?limit=200")
    items = json.loads(conn.getresponse().read())["items"]
    return [e["label"] for e in items] or ["Indonesia"]


def main(argv):
    args = parse_args(argv)
    work = tempfile.mkdtemp(prefix="newsgraph-load-")
    db = os.path.join(work, "load.db")
    try:
        if args.db:
            shutil.copy(args.db, db)
        else:
            subprocess.run([args.newsgraph, "ingest", "--quiet", "--db", db, os.path.join(REPO, "examples")],
                           check=True, stdout=subprocess.DEVNULL)
        proc, port = start_server(args.newsgraph, db)
        tally = Tally()
        stop = threading.Event()
        names = entity_names(port)
        use_wrk = not args.no_wrk and shutil.which("wrk") is not None
        wrk = {}
        if use_wrk:
            script = wrk_script(work, names)
            threads = [threading.Thread(target=run_wrk, args=(port, int(args.seconds), args.connections, script, wrk))]
        else:
            threads = [threading.Thread(target=reader, args=(port, stop, tally, names)) for _ in range(args.readers)]
        threads += [threading.Thread(target=writer, args=(port, stop, tally, i)) for i in range(args.writers)]
        threads += [threading.Thread(target=slow_client, args=(port, stop)) for _ in range(args.slow)]
        threads.append(threading.Thread(target=prober, args=(port, stop, tally)))
        began = time.perf_counter()
        for t in threads:
            t.start()
        stop.wait(args.seconds)
        stop.set()
        for t in threads:
            t.join()
        elapsed = time.perf_counter() - began
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        lost = 0
        for doc_id in tally.acknowledged:
            conn.request("GET", "/api/v1/documents/" + urllib.parse.quote(doc_id, safe=""))
            r = conn.getresponse()
            r.read()
            lost += r.status != 200
        proc.terminate()
        proc.wait(timeout=30)
    finally:
        shutil.rmtree(work, ignore_errors=True)

    errors = sum(v for (kind, result), v in tally.counts.items() if result == "error")
    ms = sorted(tally.health_ms)
    p99 = ms[min(len(ms) - 1, int(len(ms) * 0.99))] if ms else float("inf")
    readers = ("wrk on %d connections" % args.connections) if use_wrk else ("%d reader threads" % args.readers)
    print("load test: %.0f s, %s, %d writers, %d slow clients" % (elapsed, readers, args.writers, args.slow))
    if use_wrk:
        if not wrk.get("ok"):
            print("  wrk did not run to the end")
            errors += 1
        errors += wrk.get("errors", 0)
        print("  %-7s %8d ok %6d errors %9.1f/s (wrk; latency p50 %s, p99 %s)" %
              ("read", wrk.get("requests", 0) - wrk.get("errors", 0), wrk.get("errors", 0),
               wrk.get("requests", 0) / elapsed, wrk.get("latency", {}).get("50", "?"),
               wrk.get("latency", {}).get("99", "?")))
    for kind in ("read", "post", "health") if not use_wrk else ("post", "health"):
        ok = tally.counts.get((kind, "ok"), 0)
        bad = tally.counts.get((kind, "error"), 0)
        print("  %-7s %8d ok %6d errors %9.1f/s" % (kind, ok, bad, ok / elapsed))
    if ms:
        print("  /health latency: p50 %.1f ms, p99 %.1f ms, max %.1f ms" % (statistics.median(ms), p99, ms[-1]))
    print("  acknowledged POSTs: %d, stored: %d, lost: %d" % (len(tally.acknowledged),
                                                            len(tally.acknowledged) - lost, lost))
    return 1 if errors or lost or p99 > 100 else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
