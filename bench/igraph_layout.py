#!/usr/bin/python3
"""Lays out a graph with Debian's python3-igraph and prints one line per method in
bench_layout's columns: nodes, edges, method, seconds (min and median are the same: one
run), edge/pair and same/other figures. Input: the node count, then "a b" edge lines,
then one community number per node (what bench_layout writes)."""
import argparse
import math
import random
import sys
import time


def main(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("edges")
    p.add_argument("--methods", default="drl,fr", help="drl, fr (Fruchterman-Reingold with a grid)")
    args = p.parse_args(argv)
    try:
        import igraph
    except ImportError:
        print("  igraph: not installed (apt-get install python3-igraph)")
        return 0
    with open(args.edges) as f:
        n = int(f.readline())
        edges, community = [], []
        for line in f:
            parts = line.split()
            if len(parts) == 2:
                edges.append((int(parts[0]), int(parts[1])))
            elif parts:
                community.append(int(parts[0]))
    g = igraph.Graph(n=n, edges=edges)
    rng = random.Random(3)
    for method in args.methods.split(","):
        start = time.perf_counter()
        if method == "drl":
            layout = g.layout_drl()
        elif method == "fr":
            layout = g.layout_fruchterman_reingold(grid=True)
        else:
            sys.exit(f"igraph_layout: unknown method {method}")
        seconds = time.perf_counter() - start
        pos = layout.coords
        d = lambda a, b: math.hypot(pos[a][0] - pos[b][0], pos[a][1] - pos[b][1])
        linked = sum(d(a, b) for a, b in edges) / len(edges)
        same, other, alls = [], [], []
        for _ in range(200000):
            a, b = rng.randrange(n), rng.randrange(n)
            if a == b:
                continue
            x = d(a, b)
            alls.append(x)
            (same if community[a] == community[b] else other).append(x)
        ratio = (sum(same) / len(same)) / (sum(other) / len(other)) if same and other else 0
        name = {"drl": "igraph layout_drl", "fr": "igraph fruchterman_reingold"}[method]
        print(f"{n:9d} {len(edges):9d}  {name:<28s} {seconds:8.2f} {seconds:8.2f}  "
              f"{linked / (sum(alls) / len(alls)):10.3f} {ratio:10.3f}", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
