#!/usr/bin/env python3
"""Times igraph's and networkx's GraphML writers (Debian's python3-igraph and
python3-networkx) for bench_export: on the bare graph in EDGES.tsv (ids, a label, the
weight), and, given GRAPHML (the file newsgraph wrote), on that same graph with every
attribute, read by the library and then written again (only the write is timed; igraph
writes three times and the best is kept, networkx once).
Prints one JSON object: {"igraph": {"seconds", "bytes", "peak_mb"}, "networkx": ...,
"igraph_same": ..., "networkx_same": ...}; a library that is not installed is left out,
and networkx is not given a file over 200 MB to read.
Each run is its own process so peak memory is its own.

usage: graphml_writers.py EDGES.tsv OUT_DIR [GRAPHML]
"""
import json
import os
import resource
import subprocess
import sys
import time

CHILD = r"""
import json, resource, sys, time
lib, source, out, repeat = sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4])
edges = []
if not lib.endswith("_same"):
    with open(source) as f:
        for line in f:
            s, t, w = line.split("\t")
            edges.append((int(s), int(t), float(w)))
if lib == "igraph_same":
    import igraph
    g = igraph.Graph.Read_GraphML(source)
    write = lambda: g.write_graphml(out)
elif lib == "networkx_same":
    import networkx as nx
    g = nx.read_graphml(source)
    write = lambda: nx.write_graphml(g, out)
elif lib == "igraph":
    import igraph
    g = igraph.Graph(n=1 + max(max(s, t) for s, t, _ in edges), edges=[(s, t) for s, t, _ in edges], directed=True)
    g.es["weight"] = [w for _, _, w in edges]
    g.vs["label"] = ["Entity %d" % v for v in range(g.vcount())]
    write = lambda: g.write_graphml(out)
else:
    import networkx as nx
    g = nx.DiGraph()
    g.add_nodes_from((v, {"label": "Entity %d" % v}) for v in range(1 + max(max(s, t) for s, t, _ in edges)))
    g.add_weighted_edges_from(edges)
    write = lambda: nx.write_graphml(g, out)
seconds = None
for _ in range(repeat):
    start = time.perf_counter()
    write()
    took = time.perf_counter() - start
    seconds = took if seconds is None else min(seconds, took)
print(json.dumps({"seconds": seconds, "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
"""


REPEAT = 3  # igraph's writes, best of; networkx is slow enough to be timed once


def main():
    tsv, out_dir = sys.argv[1], sys.argv[2]
    runs = [("igraph", tsv), ("networkx", tsv)]
    if len(sys.argv) > 3:
        runs += [("igraph_same", sys.argv[3]), ("networkx_same", sys.argv[3])]
    results = {}
    for lib, source in runs:
        if lib == "networkx_same" and os.path.getsize(source) > 200e6:
            continue  # networkx holds the whole document in memory: tens of GB at this size
        out = os.path.join(out_dir, "bench_%s.graphml" % lib)
        repeat = "1" if lib.startswith("networkx") else str(REPEAT)
        p = subprocess.run([sys.executable, "-c", CHILD, lib, source, out, repeat], capture_output=True, text=True)
        if p.returncode != 0:
            continue
        r = json.loads(p.stdout)
        r["bytes"] = os.path.getsize(out)
        os.remove(out)
        results[lib] = r
    print(json.dumps(results))


if __name__ == "__main__":
    main()
