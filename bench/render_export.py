#!/usr/bin/python3
"""Draws a newsgraph GraphML export as Gephi would open it (each node a disc at its x, y
with its size as diameter and its colour, edges thin in their colours, labels of the nodes
marked label_visible) into a PNG, and prints figures of how well the layout reads:

  edge/pair   mean edge length over the mean distance between random node pairs
              (linked nodes should be near: well under 1)
  giant       share of the drawing's bounding box the largest component's box covers
  overlap     share of nodes whose disc overlaps another node's disc

Needs Debian's python3-networkx, python3-matplotlib, python3-numpy and python3-scipy.

  newsgraph export --db STORE -o g.graphml
  /usr/bin/python3 bench/render_export.py g.graphml g.png
"""
import argparse
import random
import sys


def parse_args(argv):
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("graphml")
    p.add_argument("png", nargs="?", help="where to draw it (no picture without)")
    p.add_argument("--pixels", type=int, default=3000, help="width and height of the PNG")
    p.add_argument("--json", action="store_true", help="print the figures as JSON")
    return p.parse_args(argv)


def figures(g, pos, size):
    import networkx as nx
    import numpy as np
    from scipy.spatial import cKDTree

    nodes = list(g.nodes)
    linked = [v for v in nodes if g.degree(v) > 0]
    rng = random.Random(1)
    edge_mean = np.mean([np.hypot(*(pos[a] - pos[b])) for a, b in g.edges() if a != b]) if g.number_of_edges() else 0
    pairs = [(rng.choice(linked), rng.choice(linked)) for _ in range(20000)] if len(linked) > 1 else []
    pair_mean = np.mean([np.hypot(*(pos[a] - pos[b])) for a, b in pairs if a != b]) if pairs else 1
    giant = max(nx.connected_components(g.to_undirected()), key=len) if nodes else set()

    def box(vs):
        xy = np.array([pos[v] for v in vs])
        r = np.array([size[v] / 2 for v in vs])
        return (xy[:, 0] - r).min(), (xy[:, 0] + r).max(), (xy[:, 1] - r).min(), (xy[:, 1] + r).max()

    def area(b):
        return (b[1] - b[0]) * (b[3] - b[2])

    xy = np.array([pos[v] for v in nodes])
    radius = np.array([size[v] / 2 for v in nodes])
    tree = cKDTree(xy)
    overlapping = np.zeros(len(nodes), dtype=bool)
    for i, j in tree.query_pairs(2 * radius.max()):
        if np.hypot(*(xy[i] - xy[j])) < radius[i] + radius[j]:
            overlapping[i] = overlapping[j] = True
    return {
        "nodes": len(nodes),
        "edges": g.number_of_edges(),
        "linked_nodes": len(linked),
        "giant_nodes": len(giant),
        "edge_over_pair": float(edge_mean / pair_mean) if pair_mean else 0.0,
        "giant_share": float(area(box(giant)) / area(box(nodes))) if nodes else 0.0,
        "overlap_share": float(overlapping.mean()) if nodes else 0.0,
    }


def draw(g, pos, size, path, pixels):
    import matplotlib
    matplotlib.use("Agg")
    import matplotlib.pyplot as plt
    from matplotlib.collections import EllipseCollection, LineCollection
    import numpy as np

    nodes = list(g.nodes)
    fig = plt.figure(figsize=(pixels / 100, pixels / 100), dpi=100)
    ax = fig.add_axes([0, 0, 1, 1])
    ax.set_aspect("equal")
    ax.axis("off")
    segments, colours = [], []
    for a, b, d in g.edges(data=True):
        segments.append([pos[a], pos[b]])
        colours.append((d.get("r", 150) / 255, d.get("g", 150) / 255, d.get("b", 150) / 255, 0.25))
    ax.add_collection(LineCollection(segments, colors=colours, linewidths=0.3))
    xy = np.array([pos[v] for v in nodes])
    sizes = np.array([size[v] for v in nodes])
    fill = [(g.nodes[v].get("r", 100) / 255, g.nodes[v].get("g", 100) / 255, g.nodes[v].get("b", 100) / 255) for v in nodes]
    ax.add_collection(EllipseCollection(sizes, sizes, np.zeros(len(nodes)), units="xy", offsets=xy,
                                        offset_transform=ax.transData, facecolors=fill, edgecolors="none"))
    for v in nodes:
        if str(g.nodes[v].get("label_visible", "false")).lower() in ("true", "1"):
            ax.text(pos[v][0], pos[v][1], g.nodes[v].get("label", v), fontsize=7, ha="center", va="center")
    pad = sizes.max() if len(sizes) else 1
    ax.set_xlim(xy[:, 0].min() - pad, xy[:, 0].max() + pad)
    ax.set_ylim(xy[:, 1].min() - pad, xy[:, 1].max() + pad)
    fig.savefig(path)


def main(argv):
    args = parse_args(argv)
    try:
        import networkx as nx
        import numpy as np
    except ImportError as e:
        sys.exit(f"render_export: {e} (apt-get install python3-networkx python3-matplotlib python3-scipy)")
    with open(args.graphml, encoding="utf-8") as f:  # networkx refuses mixed graphs: read every edge as directed
        g = nx.parse_graphml(f.read().replace(' directed="false"', ""))
    g = nx.Graph(g) if g.is_directed() or g.is_multigraph() else g
    pos = {v: np.array([float(d["x"]), float(d["y"])]) for v, d in g.nodes(data=True)}
    size = {v: float(d.get("size", 1)) for v, d in g.nodes(data=True)}
    f = figures(g, pos, size)
    if args.json:
        import json
        print(json.dumps(f))
    else:
        for k, v in f.items():
            print(f"{k:15} {v:.3f}" if isinstance(v, float) else f"{k:15} {v}")
    if args.png:
        draw(g, pos, size, args.png, args.pixels)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
