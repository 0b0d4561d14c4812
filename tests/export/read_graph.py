#!/usr/bin/env python3
"""Reads an exported graph with a real reader and prints what the tests compare:
{"nodes": N, "edges": M, "node": {attributes of the node labelled LABEL}, "viz": bool}.
"viz" says every node has x, y, size and a colour.

usage: read_graph.py networkx-graphml|networkx-gexf|networkx-json|igraph-graphml FILE [LABEL]
"""
import json
import sys


def main():
    reader, path = sys.argv[1], sys.argv[2]
    wanted = sys.argv[3] if len(sys.argv) > 3 else None
    out = {}
    if reader.startswith("networkx"):
        import networkx as nx
        if reader == "networkx-graphml":
            g = nx.read_graphml(path)
        elif reader == "networkx-gexf":
            g = nx.read_gexf(path)
        else:
            with open(path, encoding="utf-8") as f:
                g = nx.node_link_graph(json.load(f))
        out["nodes"] = g.number_of_nodes()
        out["edges"] = g.number_of_edges()
        attrs = next((dict(d) for _, d in g.nodes(data=True) if d.get("label") == wanted), {})
        if reader == "networkx-gexf":
            out["viz"] = all("viz" in d and {"position", "size", "color"} <= set(d["viz"]) for _, d in g.nodes(data=True))
            attrs.pop("viz", None)
        else:
            need = {"x", "y", "size"} | ({"color"} if reader == "networkx-json" else {"r", "g", "b"})
            out["viz"] = all(need <= set(d) for _, d in g.nodes(data=True))
        out["node"] = {k: (v if isinstance(v, (str, int, float, bool)) else str(v)) for k, v in attrs.items()}
    else:
        import igraph
        g = igraph.Graph.Read_GraphML(path)
        out["nodes"] = g.vcount()
        out["edges"] = g.ecount()
        node = {}
        for v in g.vs:
            if v["label"] == wanted:
                node = {k: v[k] for k in g.vs.attributes()}
        out["node"] = node
        out["viz"] = all(v["x"] is not None and v["size"] is not None for v in g.vs)
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    main()
