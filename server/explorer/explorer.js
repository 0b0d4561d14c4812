// The newsgraph explorer: search an entity, see its ego network drawn by d3's force layout,
// expand nodes, filter relations, read the sentences behind an edge. Talks to /api/v1 of
// the server that served it; the view lives in the URL's hash, so a link reproduces it.
// Uses d3 v5 (Debian's node-d3): event handlers read d3.event.
(function () {
  'use strict';

  const TYPE_COLOURS = {PERSON: '#1a73e8', COUNTRY: '#d93025', ORGANIZATION: '#188038', LOCATION: '#e8710a',
                        EVENT: '#9334e6', TOPIC: '#80868b'};
  const QUAD_COLOURS = {'verbal-cooperation': '#34a853', 'material-cooperation': '#0b8043',
                        'verbal-conflict': '#f29900', 'material-conflict': '#c5221f', '': '#5f6368'};
  const QUAD_LABELS = {'verbal-cooperation': 'verbal cooperation', 'material-cooperation': 'material cooperation',
                       'verbal-conflict': 'verbal conflict', 'material-conflict': 'material conflict',
                       '': 'roles (LEADS, MEMBER_OF, FAMILY)'};

  const state = {center: null, cooccurs: false, minWeight: 1, maxNodes: 60, hiddenQuads: new Set(), expanded: [],
                 since: '', until: '', colour: 'type', predicate: '', hiddenTypes: new Set(),
                 hiddenModalities: new Set()};
  const communityColour = d3.scaleOrdinal(d3.schemeTableau10 || d3.schemeCategory10);
  const onPath = new Set();  // ids of the nodes and relations of the paths asked for
  let days = [];  // the distinct publication dates of the loaded relations, in order
  let loadNote = '';  // what the last load said: capped or not, how long it took
  const nodes = new Map();  // id -> {id, label, type}
  const links = new Map();  // relation id -> {id, source, target, predicate, quad, weight}
  const $ = (id) => document.getElementById(id);

  function api(path) {
    return fetch('/api/v1' + path).then((r) => r.json().then((body) => {
      if (!r.ok) throw new Error(body.detail || r.statusText);
      return body;
    }));
  }
  function say(text) { $('status').textContent = text; }
  function el(tag, attrs, ...children) {
    const e = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs || {})) {
      if (k === 'onclick') e.addEventListener('click', v);
      else e.setAttribute(k, v);
    }
    for (const c of children) e.append(c instanceof Node ? c : document.createTextNode(String(c)));
    return e;
  }
  const enc = encodeURIComponent;

  // ---- the URL's hash holds the view ----
  function writeHash() {
    const p = new URLSearchParams();
    if (state.center) p.set('entity', state.center);
    if (state.expanded.length) p.set('expanded', state.expanded.join(','));
    if (state.cooccurs) p.set('cooccurs', '1');
    if (state.minWeight > 1) p.set('min_weight', state.minWeight);
    if (state.maxNodes !== 60) p.set('max_nodes', state.maxNodes);
    if (state.hiddenQuads.size) p.set('hide', [...state.hiddenQuads].map((q) => q || 'roles').join(','));
    if (state.since) p.set('since', state.since);
    if (state.until) p.set('until', state.until);
    if (state.colour !== 'type') p.set('colour', state.colour);
    if (state.predicate) p.set('predicate', state.predicate);
    if (state.hiddenTypes.size) p.set('hide_types', [...state.hiddenTypes].join(','));
    if (state.hiddenModalities.size) p.set('hide_modalities', [...state.hiddenModalities].join(','));
    history.replaceState(null, '', '#' + p.toString());
    const ego = state.center ? '&center=' + enc(state.center) + '&depth=1&cooccurs=' + state.cooccurs +
                               '&min_weight=' + state.minWeight : '';
    $('export-graphml').href = '/api/v1/export?format=graphml' + ego;
    $('export-gexf').href = '/api/v1/export?format=gexf' + ego;
  }
  function readHash() {
    const p = new URLSearchParams(location.hash.slice(1));
    state.center = p.get('entity');
    state.expanded = (p.get('expanded') || '').split(',').filter(Boolean);
    state.cooccurs = p.get('cooccurs') === '1';
    state.minWeight = Math.max(1, parseInt(p.get('min_weight') || '1', 10) || 1);
    state.maxNodes = Math.min(500, Math.max(5, parseInt(p.get('max_nodes') || '60', 10) || 60));
    state.hiddenQuads = new Set((p.get('hide') || '').split(',').filter(Boolean).map((q) => (q === 'roles' ? '' : q)));
    state.since = p.get('since') || '';
    state.until = p.get('until') || '';
    state.colour = p.get('colour') === 'community' ? 'community' : 'type';
    state.predicate = p.get('predicate') || '';
    state.hiddenTypes = new Set((p.get('hide_types') || '').split(',').filter(Boolean));
    state.hiddenModalities = new Set((p.get('hide_modalities') || '').split(',').filter(Boolean));
    document.querySelectorAll('#types input').forEach((box) => { box.checked = !state.hiddenTypes.has(box.value); });
    document.querySelectorAll('#modalities input').forEach((box) => { box.checked = !state.hiddenModalities.has(box.value); });
    setPredicates();
    document.querySelectorAll('input[name=colour]').forEach((r) => { r.checked = r.value === state.colour; });
    $('cooccurs').checked = state.cooccurs;
    $('min-weight').value = state.minWeight;
    $('max-nodes').value = state.maxNodes;
    document.querySelectorAll('#quads input').forEach((box) => { box.checked = !state.hiddenQuads.has(box.value); });
  }

  // ---- search with suggestions ----
  let suggestionTimer = null, suggestionItems = [], active = -1;
  function showSuggestions(items, corrected) {
    const list = $('suggestions');
    list.innerHTML = '';
    suggestionItems = items;
    active = items.length ? 0 : -1;
    items.forEach((e, i) => {
      const li = el('li', {role: 'option', id: 'suggestion-' + i, 'data-id': e.id, 'aria-selected': String(i === active)},
                    el('span', {}, e.label), el('span', {class: 'meta'}, e.type.toLowerCase() + ' · ' + e.articles));
      li.addEventListener('mousedown', (ev) => { ev.preventDefault(); pick(i); });
      list.append(li);
    });
    if (corrected) list.prepend(el('li', {class: 'meta', role: 'presentation'}, 'Did you mean "' + corrected + '"?'));
    list.hidden = !items.length && !corrected;
    document.querySelector('.search').setAttribute('aria-expanded', String(!list.hidden));
  }
  function moveActive(step) {
    if (!suggestionItems.length) return;
    active = (active + step + suggestionItems.length) % suggestionItems.length;
    document.querySelectorAll('#suggestions li[role=option]').forEach((li, i) => li.setAttribute('aria-selected', String(i === active)));
    $('q').setAttribute('aria-activedescendant', 'suggestion-' + active);
  }
  function pick(i) {
    const e = suggestionItems[i];
    if (!e) return;
    $('suggestions').hidden = true;
    $('q').value = e.label;
    open(e.id, true);
  }
  function suggest() {
    const q = $('q').value.trim();
    if (!q) return showSuggestions([], null);
    api('/entities?limit=8&q=' + enc(q))
      .then((d) => { if ($('q').value.trim() === q) showSuggestions(d.items, d.corrected); })
      .catch((e) => say(e.message));
  }

  // ---- loading the graph ----
  function egoPath(id) {
    return '/subgraph?depth=1&center=' + enc(id) + '&max_nodes=' + state.maxNodes + '&min_weight=' + state.minWeight +
           '&cooccurs=' + state.cooccurs;
  }
  function merge(ego) {
    for (const n of ego.nodes) {
      if (!nodes.has(n.id)) nodes.set(n.id, {id: n.id, label: n.label, type: n.type, community: n.community});
    }
    for (const l of ego.links) {
      if (!links.has(l.id)) links.set(l.id, {id: l.id, source: l.source, target: l.target, predicate: l.predicate,
                                             quad: l.quad, weight: l.weight, first: l.first_seen, last: l.last_seen,
                                             modality: l.modality || 'asserted'});
    }
    setDays();
    setPredicates();
    return ego;
  }
  // The predicate menu: the typed predicates of what is loaded, and the one chosen.
  function setPredicates() {
    const menu = $('predicate');
    const present = new Set([...links.values()].map((l) => l.predicate).filter((p) => p !== 'CO_OCCURS'));
    if (state.predicate) present.add(state.predicate);
    menu.innerHTML = '';
    menu.append(el('option', {value: ''}, 'any'));
    for (const p of [...present].sort()) menu.append(el('option', {value: p}, p));
    menu.value = state.predicate;
  }

  // ---- the time window: two sliders over the loaded relations' dates ----
  function setDays() {
    const all = new Set();
    for (const l of links.values()) { if (l.first) all.add(l.first); if (l.last) all.add(l.last); }
    days = [...all].sort();
    for (const id of ['since', 'until']) $(id).max = String(Math.max(0, days.length - 1));
    const at = (day, fallback) => { const i = days.indexOf(day); return i < 0 ? fallback : i; };
    $('since').value = String(at(state.since, 0));
    $('until').value = String(at(state.until, Math.max(0, days.length - 1)));
    labelWindow();
  }
  function labelWindow() {
    $('since-label').textContent = days.length ? days[+$('since').value] : 'any date';
    $('until-label').textContent = days.length ? days[+$('until').value] : 'any date';
  }
  function onWindow(which) {
    let since = +$('since').value, until = +$('until').value;
    if (since > until) { if (which === 'since') until = since; else since = until; }
    $('since').value = String(since);
    $('until').value = String(until);
    const whole = since === 0 && until === days.length - 1;
    state.since = whole ? '' : days[since];
    state.until = whole ? '' : days[until];
    labelWindow();
    draw();
    writeHash();
  }
  function inWindow(l) {
    if (!state.since && !state.until) return true;
    if (!l.first) return false;
    return (!state.since || l.last >= state.since) && (!state.until || l.first <= state.until);
  }
  function open(id, fresh) {
    if (fresh) {
      state.center = id;
      state.expanded = [];
    }
    nodes.clear();
    links.clear();
    say('Loading…');
    const started = performance.now();
    const loads = [state.center, ...state.expanded].map((n) => api(egoPath(n)));
    return Promise.all(loads).then((egos) => {
      egos.forEach(merge);
      const truncated = egos.some((e) => e.truncated);
      draw();
      const ms = Math.round(performance.now() - started);
      document.body.dataset.drawnMs = String(ms);
      loadNote = (truncated ? ' (the strongest neighbours only: raise "nodes per expansion" for more)' : '') +
                 ' · loaded in ' + ms + ' ms';
      sayCounts();
      writeHash();
      showEntity(state.center);
    }).catch((e) => say(e.message));
  }
  function expand(id) {
    if (id === state.center || state.expanded.includes(id)) return;
    state.expanded.push(id);
    api(egoPath(id)).then((ego) => {
      if (ego.truncated) loadNote = ' (the strongest neighbours only: raise "nodes per expansion" for more)';
      merge(ego);
      draw();
      writeHash();
    }).catch((e) => say(e.message));
  }

  function nodeColour(d) {
    if (state.colour === 'community' && d.community !== undefined) return communityColour(d.community);
    return TYPE_COLOURS[d.type] || '#999';
  }

  // ---- paths between the centre and another entity ----
  function showPaths(to) {
    api('/paths?k=3&max_hops=4&from=' + enc(state.center) + '&to=' + enc(to) + '&cooccurs=' + state.cooccurs).then((d) => {
      onPath.clear();
      const panel = $('details');
      panel.append(el('h2', {}, 'Paths from ' + d.from.label));
      if (!d.paths.length) panel.append(el('p', {class: 'muted'}, 'None within 4 hops.'));
      const list = el('ol', {class: 'paths'});
      for (const p of d.paths) {
        merge({nodes: p.nodes, links: p.steps.flatMap((s) => s.relations)});
        p.nodes.forEach((n) => onPath.add(n.id));
        p.steps.forEach((s) => s.relations.forEach((r) => onPath.add(r.id)));
        list.append(el('li', {}, p.nodes.map((n) => n.label).join(' → ')));
      }
      panel.append(list);
      draw();
    }).catch((e) => say(e.message));
  }

  // ---- a picture of what is shown ----
  function exportPng(event) {
    event.preventDefault();
    const source = svg.node();
    const box = source.getBoundingClientRect();
    const copy = source.cloneNode(true);
    copy.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
    copy.setAttribute('width', box.width);
    copy.setAttribute('height', box.height);
    // The stylesheet does not travel with the SVG: the drawn properties are written in.
    const originals = source.querySelectorAll('line, circle, text');
    copy.querySelectorAll('line, circle, text').forEach((node, i) => {
      const style = getComputedStyle(originals[i]);
      for (const p of ['stroke', 'stroke-width', 'stroke-dasharray', 'stroke-opacity', 'fill', 'font-size', 'font-family',
                       'paint-order']) {
        node.style.setProperty(p, style.getPropertyValue(p));
      }
    });
    const image = new Image();
    image.onload = () => {
      const canvas = document.createElement('canvas');
      canvas.width = box.width;
      canvas.height = box.height;
      const context = canvas.getContext('2d');
      context.fillStyle = '#f6f7f9';
      context.fillRect(0, 0, canvas.width, canvas.height);
      context.drawImage(image, 0, 0);
      const link = el('a', {href: canvas.toDataURL('image/png'), download: 'newsgraph-' + (state.center || 'view') + '.png'});
      document.body.append(link);
      link.click();
      link.remove();
    };
    image.src = 'data:image/svg+xml;charset=utf-8,' + encodeURIComponent(new XMLSerializer().serializeToString(copy));
  }

  // ---- drawing ----
  const svg = d3.select('#canvas');
  const zoomLayer = svg.append('g');
  svg.call(d3.zoom().scaleExtent([0.1, 8]).on('zoom', () => zoomLayer.attr('transform', d3.event.transform)));
  const linkLayer = zoomLayer.append('g'), nodeLayer = zoomLayer.append('g');
  let simulation = null;

  function sayCounts() {
    say(nodeLayer.selectAll('g.node').size() + ' entities, ' + linkLayer.selectAll('line').size() + ' relations shown' +
        loadNote);
  }
  function visibleLinks() {
    const typeShown = (id) => id === state.center || !state.hiddenTypes.has((nodes.get(id) || {}).type);
    return [...links.values()].filter((l) => (l.predicate === 'CO_OCCURS' ? state.cooccurs : !state.hiddenQuads.has(l.quad) &&
                                              (!state.predicate || l.predicate === state.predicate)) &&
                                              !state.hiddenModalities.has(l.modality) && typeShown(l.source) &&
                                              typeShown(l.target) && l.weight >= state.minWeight && inWindow(l));
  }
  function draw() {
    $('empty').hidden = nodes.size > 0;
    const shownLinks = visibleLinks().map((l) => Object.assign({}, l));
    const linked = new Set([state.center, ...state.expanded.filter((id) => !state.hiddenTypes.has((nodes.get(id) || {}).type))]);
    shownLinks.forEach((l) => { linked.add(l.source); linked.add(l.target); });
    const old = new Map(nodeLayer.selectAll('g.node').data().map((d) => [d.id, d]));
    const shownNodes = [...nodes.values()].filter((n) => linked.has(n.id)).map((n) => Object.assign(old.get(n.id) || {}, n));
    const box = svg.node().getBoundingClientRect();

    const link = linkLayer.selectAll('line').data(shownLinks, (d) => d.id);
    link.exit().remove();
    const linkEnter = link.enter().append('line')
      .attr('class', (d) => 'link' + (d.predicate === 'CO_OCCURS' ? ' cooccurs' : ''))
      .attr('data-id', (d) => d.id)
      .attr('stroke', (d) => QUAD_COLOURS[d.quad] || '#5f6368')
      .attr('stroke-width', (d) => Math.min(8, 1 + Math.log2(d.weight)))
      .on('click', (d) => showRelation(d));
    linkEnter.append('title').text((d) => nodes.get(d.source).label + ' ' + d.predicate + ' ' + nodes.get(d.target).label +
                                          ' (' + d.weight + ')' + (d.first ? ' ' + d.first + ' to ' + d.last : ''));
    const allLinks = linkEnter.merge(link);

    const node = nodeLayer.selectAll('g.node').data(shownNodes, (d) => d.id);
    node.exit().remove();
    const nodeEnter = node.enter().append('g').attr('class', 'node').attr('tabindex', 0).attr('data-id', (d) => d.id)
      .on('click', (d) => { showEntity(d.id); })
      .on('dblclick', (d) => { d3.event.stopPropagation(); expand(d.id); })
      .on('keydown', (d) => { if (d3.event.key === 'Enter') showEntity(d.id); if (d3.event.key === '+') expand(d.id); })
      .call(d3.drag()
        .on('start', (d) => { if (!d3.event.active) simulation.alphaTarget(0.3).restart(); d.fx = d.x; d.fy = d.y; })
        .on('drag', (d) => { d.fx = d3.event.x; d.fy = d3.event.y; })
        .on('end', (d) => { if (!d3.event.active) simulation.alphaTarget(0); d.fx = null; d.fy = null; }));
    nodeEnter.append('circle');
    nodeEnter.append('text').attr('dx', 10).attr('dy', 4);
    nodeEnter.append('title');
    const allNodes = nodeEnter.merge(node);
    sayCounts();
    allNodes.classed('center', (d) => d.id === state.center);
    allNodes.select('circle').attr('r', (d) => (d.id === state.center ? 10 : 7)).attr('fill', nodeColour);
    allNodes.classed('path', (d) => onPath.has(d.id));
    allLinks.classed('path', (d) => onPath.has(d.id));
    allNodes.select('text').text((d) => d.label);
    allNodes.select('title').text((d) => d.label + ' (' + d.type.toLowerCase() + '): click to open, double-click to expand');

    if (simulation) simulation.stop();
    simulation = d3.forceSimulation(shownNodes)
      .force('link', d3.forceLink(shownLinks).id((d) => d.id).distance(90))
      .force('charge', d3.forceManyBody().strength(-260))
      .force('center', d3.forceCenter(box.width / 2, box.height / 2))
      .force('collide', d3.forceCollide(18))
      .on('tick', () => {
        allLinks.attr('x1', (d) => d.source.x).attr('y1', (d) => d.source.y).attr('x2', (d) => d.target.x).attr('y2', (d) => d.target.y);
        allNodes.attr('transform', (d) => 'translate(' + d.x + ',' + d.y + ')');
      });
  }

  // ---- details ----
  function showEntity(id) {
    nodeLayer.selectAll('g.node').classed('selected', (d) => d.id === id);
    linkLayer.selectAll('line').classed('selected', false);
    Promise.all([api('/entities/' + enc(id)), api('/entities/' + enc(id) + '/merge-log')]).then(([d, log]) => {
      const e = d.entity;
      const panel = $('details');
      panel.innerHTML = '';
      panel.append(el('h2', {}, e.type.toLowerCase()), el('h3', {class: 'entity-label'}, e.label),
        el('dl', {}, el('dt', {}, 'id'), el('dd', {}, e.id),
          el('dt', {}, 'also'), el('dd', {}, e.aliases.join(', ') || '—'),
          el('dt', {}, 'articles'), el('dd', {}, e.articles),
          el('dt', {}, 'seen'), el('dd', {}, e.first_seen ? e.first_seen + ' to ' + e.last_seen : 'undated'),
          el('dt', {}, 'related to'), el('dd', {}, e.degree + ' entities')));
      if (id !== state.center) {
        panel.append(el('button', {onclick: () => expand(id)}, 'Expand its neighbours'), ' ',
                     el('button', {onclick: () => open(id, true)}, 'Center on it'), ' ',
                     el('button', {onclick: () => showPaths(id), class: 'show-paths'}, 'Paths from ' +
                        (nodes.get(state.center) || {label: 'the centre'}).label));
      }
      panel.append(el('h2', {}, 'How its names were joined'));
      const ul = el('ul', {class: 'muted'});
      for (const m of log.merges.slice(0, 10)) ul.append(el('li', {}, '"' + m.name + '" (' + m.rule + ')' + (m.document ? ' in ' + m.document : '')));
      panel.append(ul);
    }).catch((err) => say(err.message));
  }
  // The relations shown between the two ends of `l`, either way round, the clicked one
  // first, each with the sentences behind it (the explain data: article, date, rule, cue).
  function showRelation(l) {
    const end = (x) => (typeof x === 'object' ? x.id : x);
    const a = end(l.source), b = end(l.target);
    const between = [l, ...visibleLinks().filter((o) => o.id !== l.id &&
      ((o.source === a && o.target === b) || (o.source === b && o.target === a)))];
    linkLayer.selectAll('line').classed('selected', (d) => between.some((o) => o.id === d.id));
    const panel = $('details');
    Promise.all(between.map((o) => api('/relations/' + o.id + '/explain?limit=20'))).then((explained) => {
      panel.innerHTML = '';
      panel.append(el('h2', {}, between.length + ' relation(s) between ' + nodes.get(a).label + ' and ' + nodes.get(b).label));
      explained.forEach((d, i) => {
        const r = between[i];
        const kind = r.quad ? QUAD_LABELS[r.quad] : (r.predicate === 'CO_OCCURS' ? 'co-occurrence' : 'role');
        panel.append(el('p', {class: 'relation-title'}, nodes.get(end(r.source)).label + ' ' + r.predicate + ' ' +
                                                        nodes.get(end(r.target)).label),
                     el('p', {class: 'muted'}, kind + ' · ' + r.weight + ' article(s) · ' + d.total + ' sentence(s)'));
        for (const v of d.items) {
          panel.append(el('div', {class: 'evidence'},
            el('blockquote', {}, v.sentence),
            el('div', {class: 'source'}, v.title + (v.published ? ' · ' + v.published.slice(0, 10) : '') + ' · ' +
                                         v.document + (v.source ? ' · ' + v.source : '')),
            el('div', {class: 'source'}, 'rule ' + v.rule + (v.cue ? ', cue "' + v.cue + '"' : '') + ', ' + v.modality)));
        }
      });
      panel.focus();
    }).catch((err) => say(err.message));
  }

  // ---- filters ----
  function buildFilters() {
    const box = $('quads');
    for (const q of ['verbal-cooperation', 'material-cooperation', 'verbal-conflict', 'material-conflict', '']) {
      const input = el('input', {type: 'checkbox', value: q, 'data-quad': q || 'roles'});
      input.checked = true;
      input.addEventListener('change', () => {
        if (input.checked) state.hiddenQuads.delete(q); else state.hiddenQuads.add(q);
        draw();
        writeHash();
      });
      const swatch = el('span');
      swatch.style.cssText = 'display:inline-block;width:1.2rem;height:3px;margin:0 .3rem 3px;background:' + QUAD_COLOURS[q];
      box.append(el('label', {}, input, swatch, QUAD_LABELS[q]));
    }
    for (const [type, colour] of Object.entries(TYPE_COLOURS)) {
      const dot = el('span');
      dot.style.background = colour;
      $('legend').append(el('li', {}, dot, type.toLowerCase()));
    }
    $('cooccurs').addEventListener('change', (e) => { state.cooccurs = e.target.checked; if (state.center) open(state.center, false); });
    $('min-weight').addEventListener('change', (e) => {
      state.minWeight = Math.max(1, parseInt(e.target.value, 10) || 1);
      if (state.center) open(state.center, false);
    });
    $('since').addEventListener('input', () => onWindow('since'));
    $('predicate').addEventListener('change', (e) => { state.predicate = e.target.value; draw(); writeHash(); });
    for (const type of Object.keys(TYPE_COLOURS)) {
      const input = el('input', {type: 'checkbox', value: type});
      input.checked = true;
      input.addEventListener('change', () => {
        if (input.checked) state.hiddenTypes.delete(type); else state.hiddenTypes.add(type);
        draw();
        writeHash();
      });
      $('types').append(el('label', {}, input, ' ' + type.toLowerCase()));
    }
    api('/ontology').then((o) => {
      for (const m of o.modalities) {
        const input = el('input', {type: 'checkbox', value: m});
        input.checked = !state.hiddenModalities.has(m);
        input.addEventListener('change', () => {
          if (input.checked) state.hiddenModalities.delete(m); else state.hiddenModalities.add(m);
          draw();
          writeHash();
        });
        $('modalities').append(el('label', {}, input, ' ' + m));
      }
    }).catch((e) => say(e.message));
    document.querySelectorAll('input[name=colour]').forEach((r) => r.addEventListener('change', () => {
      state.colour = r.value;
      nodeLayer.selectAll('g.node circle').attr('fill', nodeColour);
      writeHash();
    }));
    $('export-png').addEventListener('click', exportPng);
    $('until').addEventListener('input', () => onWindow('until'));
    $('max-nodes').addEventListener('change', (e) => {
      state.maxNodes = Math.min(500, Math.max(5, parseInt(e.target.value, 10) || 60));
      if (state.center) open(state.center, false);
    });
  }

  // ---- keyboard and start ----
  $('q').addEventListener('input', () => { clearTimeout(suggestionTimer); suggestionTimer = setTimeout(suggest, 150); });
  $('q').addEventListener('keydown', (e) => {
    if (e.key === 'ArrowDown') { moveActive(1); e.preventDefault(); }
    else if (e.key === 'ArrowUp') { moveActive(-1); e.preventDefault(); }
    else if (e.key === 'Enter') { pick(active); e.preventDefault(); }
    else if (e.key === 'Escape') { $('suggestions').hidden = true; }
  });
  $('q').addEventListener('blur', () => { $('suggestions').hidden = true; });
  document.addEventListener('keydown', (e) => {
    if (e.key === '/' && document.activeElement !== $('q')) { e.preventDefault(); $('q').focus(); }
  });
  buildFilters();
  readHash();
  if (state.center) open(state.center, false);
  else writeHash();
}());
