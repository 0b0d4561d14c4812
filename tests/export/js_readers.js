#!/usr/bin/env node
// Reads newsgraph's exports with the JavaScript libraries web tools use: graphology's
// import() (sigma.js, Gephi Lite) for --format graphology, graphology-gexf and
// graphology-graphml for GEXF and GraphML, and Cytoscape.js (headless, preset layout) for
// --format cytoscape. Prints one JSON line per reader: nodes, edges, undirected edges,
// positioned nodes. Exits 77 (skipped) when the packages cannot be found: they come from
// npm, not Debian, so CI does not install them. To run it:
//   (cd /tmp/js && npm install graphology graphology-gexf graphology-graphml cytoscape @xmldom/xmldom)
//   NODE_PATH=/tmp/js/node_modules node tests/export/js_readers.js DIR
// where DIR holds g.graphology.json, g.cyjs, g.gexf and g.graphml.
const fs = require('fs');
const path = require('path');
let Graph, gexf, graphml, cytoscape;
try {
  Graph = require('graphology');
  gexf = require('graphology-gexf');
  graphml = require('graphology-graphml');
  cytoscape = require('cytoscape');
} catch (e) {
  console.log('js_readers: graphology or cytoscape not installed (npm): skipped');
  process.exit(77);
}
const dir = process.argv[2];
const read = (name) => fs.readFileSync(path.join(dir, name), 'utf8');
function report(reader, g) {
  let undirected = 0, positioned = 0;
  g.forEachEdge((e, a, s, t, sa, ta, isUndirected) => { if (isUndirected) undirected++; });
  g.forEachNode((n, a) => { if (Number.isFinite(a.x) && Number.isFinite(a.y)) positioned++; });
  console.log(JSON.stringify({reader, nodes: g.order, edges: g.size, undirected, positioned}));
}
const data = JSON.parse(read('g.graphology.json'));
const imported = new Graph(data.options);
imported.import(data);
report('graphology', imported);
report('graphology-gexf', gexf.parse(Graph, read('g.gexf')));
report('graphology-graphml', graphml.parse(Graph, read('g.graphml')));
const elements = JSON.parse(read('g.cyjs')).elements;
const cy = cytoscape({headless: true, elements, layout: {name: 'preset'}});
console.log(JSON.stringify({reader: 'cytoscape', nodes: cy.nodes().length, edges: cy.edges().length,
  undirected: cy.edges().filter((e) => e.data('directed') === false).length,
  positioned: cy.nodes().filter((n) => Number.isFinite(n.position('x'))).length}));
