#!/usr/bin/env python3
"""Times igraph (Debian's python3-igraph) on the graph bench_graph wrote, so the
benchmark can print both side by side. Prints one JSON object of seconds; prints
{"missing": true} when igraph is not installed.

usage: igraph_compare.py EDGES.tsv [--betweenness]
"""
import json
import sys
import time

try:
    import igraph
except ImportError:
    print(json.dumps({"missing": True}))
    sys.exit(0)


def timed(results, name, fn, repeat=1):
    """Runs fn `repeat` times and keeps the fastest time (and the last value)."""
    best = None
    for _ in range(repeat):
        start = time.perf_counter()
        value = fn()
        elapsed = time.perf_counter() - start
        best = elapsed if best is None else min(best, elapsed)
    results[name] = best
    return value


def main():
    path = sys.argv[1]
    results = {}
    # The TSV holds "source<TAB>target<TAB>weight" with integer node ids.
    g = timed(results, "load_tsv", lambda: igraph.Graph.Read_Ncol(path, names=False, weights=True, directed=True),
              repeat=5)
    timed(results, "pagerank", lambda: g.pagerank(weights="weight"))
    timed(results, "weak_components", lambda: g.connected_components(mode="weak"))
    timed(results, "strong_components", lambda: g.connected_components(mode="strong"))
    u = g.as_undirected(mode="collapse")
    timed(results, "clustering", lambda: (u.transitivity_undirected(), u.transitivity_avglocal_undirected(mode="zero")))
    timed(results, "communities", lambda: u.community_multilevel())
    if "--betweenness" in sys.argv:
        timed(results, "betweenness", lambda: u.betweenness(directed=False))
    print(json.dumps(results))


if __name__ == "__main__":
    main()
