// The graph explorer: a front-end app over the public GraphQL API only (POST /graphql, and graphql-ws on the
// same path for live updates), drawn with cytoscape.js.
'use strict';

/** One colour per label, shown in the legend: the server's model (GET /explorer/model.json) declares them. */
const LABEL_COLOURS = {};
/** Each label's name as people read it ("Role"), from the same model. */
const LABEL_NAMES = {};

async function loadModel() {
  const response = await fetch('/explorer/model.json');
  if (!response.ok) throw new Error(`The model answered HTTP ${response.status}`);
  for (const { label, name, colour } of (await response.json()).labels) {
    LABEL_COLOURS[label] = colour;
    LABEL_NAMES[label] = name;
  }
}

const SEARCH = `query Search($text: String!) {
  search(text: $text, first: 10) { label node { id name } }
}`;

const NEIGHBORHOOD = `query Neighborhood($id: ID!) {
  neighborhood(id: $id, depth: 1, limit: 100) { nodes { id label name } edges { from to type } }
}`;

const PATH = `query Path($from: ID!, $to: ID!) {
  path(from: $from, to: $to) { length nodes { id label name } edges { from to type } }
}`;

const NODE_SUMMARY = `query NodeSummary($id: ID!) {
  node(id: $id) { __typename id name }
}`;

const GRAPH_CHANGED = `subscription GraphChanged {
  graphChanged { kind id from to type }
}`;

const NODE_DETAILS = `query NodeDetails($id: ID!) {
  node(id: $id) {
    __typename id name
    ... on Role { summary sources { ...SourceLink } }
    ... on Responsibility { description sources { ...SourceLink } }
    ... on Technology { kind description }
    ... on Skill { category description }
    ... on Team { description }
    ... on Salary { amount currency period country year seniority source { ...SourceLink } }
    ... on Source { publisher url publishedIn: year description }
  }
}
fragment SourceLink on Source { id name url }`;

const elements = {
  searchForm: document.getElementById('search-form'),
  searchText: document.getElementById('search-text'),
  searchResults: document.getElementById('search-results'),
  legend: document.getElementById('legend'),
  details: document.getElementById('details'),
  setFrom: document.getElementById('set-from'),
  setTo: document.getElementById('set-to'),
  status: document.getElementById('status'),
  live: document.getElementById('live'),
};

const cy = cytoscape({
  container: document.getElementById('graph'),
  style: [
    {
      selector: 'node',
      style: {
        label: 'data(name)',
        'background-color': (node) => LABEL_COLOURS[node.data('label')] || '#888',
        'font-size': 10,
        'text-wrap': 'ellipsis',
        'text-max-width': 120,
        'text-valign': 'bottom',
        'text-margin-y': 4,
        width: 22,
        height: 22,
      },
    },
    {
      selector: 'edge',
      style: {
        width: 1.5,
        'line-color': '#b8bec9',
        'target-arrow-color': '#b8bec9',
        'target-arrow-shape': 'triangle',
        'curve-style': 'bezier',
      },
    },
    { selector: 'node:selected', style: { 'border-width': 4, 'border-color': '#1c2030' } },
    { selector: 'node.path-end', style: { shape: 'diamond', width: 30, height: 30 } },
    { selector: 'node.on-path', style: { 'border-width': 4, 'border-color': '#C00000', 'font-weight': 'bold' } },
    { selector: 'edge.on-path', style: { width: 4, 'line-color': '#C00000', 'target-arrow-color': '#C00000' } },
  ],
});
// For tests and the browser console.
window.graphExplorer = { cy };

/** The node whose details are shown, and the two ends of the path to highlight. */
const state = { selected: null, from: null, to: null };

/** Set once the server answers `X-Trusted-Documents: required`: operations then go by id (their SHA-256 hex). */
let sendDocumentIds = false;

async function sha256Hex(text) {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  return [...new Uint8Array(digest)].map((byte) => byte.toString(16).padStart(2, '0')).join('');
}

async function graphql(query, variables) {
  const operation = sendDocumentIds ? { documentId: await sha256Hex(query), variables } : { query, variables };
  const response = await fetch('/graphql', {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify(operation),
  });
  // crypto.subtle exists only in a secure context (https, or loopback); elsewhere the documents go as text.
  if (response.headers.get('x-trusted-documents') === 'required' && window.crypto?.subtle) sendDocumentIds = true;
  const body = await response.json();
  if (body.errors?.length) throw new Error(body.errors.map((error) => error.message).join('; '));
  return body.data;
}

function say(message) {
  elements.status.textContent = message;
}

/** Runs an action, reporting a failure in the status line instead of losing it. */
async function attempt(action) {
  try {
    await action();
  } catch (error) {
    say(`Something went wrong: ${error.message}`);
  }
}

function edgeId(edge) {
  return `${edge.from} ${edge.type} ${edge.to}`;
}

/** Adds the nodes and edges not drawn yet; returns whether anything was added. */
function merge(graph) {
  const nodes = graph.nodes
    .filter((node) => cy.getElementById(node.id).empty())
    .map((node) => ({ group: 'nodes', data: { id: node.id, label: node.label, name: node.name } }));
  const edges = graph.edges
    .filter((edge) => cy.getElementById(edgeId(edge)).empty())
    .map((edge) => ({ group: 'edges', data: { id: edgeId(edge), source: edge.from, target: edge.to, type: edge.type } }));
  cy.add([...nodes, ...edges]);
  return nodes.length + edges.length > 0;
}

function layOut() {
  cy.layout({ name: 'cose', animate: false, nodeDimensionsIncludeLabels: true, idealEdgeLength: () => 80, padding: 30 }).run();
}

async function search(text) {
  say(`Searching for “${text}”…`);
  const { search: hits } = await graphql(SEARCH, { text });
  elements.searchResults.replaceChildren(
    ...hits.map((hit) => {
      const button = document.createElement('button');
      button.type = 'button';
      button.append(hit.node.name);
      const label = document.createElement('small');
      label.textContent = hit.label.toLowerCase();
      button.append(label);
      button.addEventListener('click', () => attempt(() => start(hit.node.id)));
      const item = document.createElement('li');
      item.append(button);
      return item;
    }),
  );
  say(hits.length ? `${hits.length} result(s): pick one to draw it.` : `Nothing matches “${text}”.`);
}

/** What the explorer shows, as its URL says: `?node=<id>`, or `?from=<id>&to=<id>` for a path. */
const FIRST_VIEW = { node: 'backend-developer' };

function viewOf(search) {
  const params = new URLSearchParams(search);
  if (params.get('from') && params.get('to')) return { from: params.get('from'), to: params.get('to') };
  return params.get('node') ? { node: params.get('node') } : FIRST_VIEW;
}

function searchOf(view) {
  return `?${new URLSearchParams(view.from ? { from: view.from, to: view.to } : { node: view.node })}`;
}

/** Makes the URL follow the view, so it can be linked to and the back button returns to the view before. */
function remember(view) {
  if (location.search === searchOf(view)) return;
  // The first view of a bare /explorer names itself without adding a step to go back to.
  if (location.search) history.pushState(null, '', searchOf(view));
  else history.replaceState(null, '', searchOf(view));
}

/** Draws a view afresh: a node's neighbourhood, or a path on its own. */
async function show(view) {
  if (!view.from) return start(view.node);
  cy.elements().remove();
  state.from = view.from;
  state.to = view.to;
  await showPath(view.from, view.to);
}

/** Draws a node and its neighbours afresh. */
async function start(id) {
  cy.elements().remove();
  state.from = state.to = null;
  await expand(id);
}

/** Selects a node, merges its neighbourhood into the drawing and shows its details. */
async function expand(id) {
  remember({ node: id });
  say('Loading the neighbourhood…');
  const { neighborhood } = await graphql(NEIGHBORHOOD, { id });
  if (merge(neighborhood)) layOut();
  cy.elements().unselect();
  cy.getElementById(id).select();
  state.selected = id;
  await showDetails(id);
  say(`${cy.nodes().length} nodes, ${cy.edges().length} relationships drawn.`);
}

async function showDetails(id) {
  const { node } = await graphql(NODE_DETAILS, { id });
  if (!node) {
    elements.details.replaceChildren(paragraph('This node no longer exists.'));
    return;
  }
  const { __typename, sources, source, ...properties } = node;
  const heading = document.createElement('h3');
  heading.textContent = `${node.name} (${__typename})`;
  const list = document.createElement('dl');
  for (const [key, value] of Object.entries(properties)) {
    if (value === null || value === undefined) continue;
    const term = document.createElement('dt');
    term.textContent = key;
    const description = document.createElement('dd');
    description.append(key === 'url' ? link(value, value) : String(value));
    list.append(term, description);
  }
  const cited = sources ?? (source ? [source] : []);
  elements.details.replaceChildren(heading, list, sourceList(cited, sources !== undefined || source !== undefined));
  elements.setFrom.disabled = elements.setTo.disabled = false;
}

function sourceList(sources, hasSources) {
  const section = document.createElement('section');
  if (!hasSources) return section;
  const title = document.createElement('h3');
  title.textContent = 'Sources';
  const list = document.createElement('ul');
  for (const source of sources) {
    const item = document.createElement('li');
    item.append(source.url ? link(source.name, source.url) : source.name);
    list.append(item);
  }
  section.append(title, sources.length ? list : paragraph('None recorded.'));
  return section;
}

/** A link for http(s) URLs only; anything else is shown as text. */
function link(text, url) {
  if (!/^https?:\/\//i.test(url)) return text;
  const anchor = document.createElement('a');
  anchor.href = url;
  anchor.rel = 'noopener noreferrer';
  anchor.target = '_blank';
  anchor.textContent = text;
  return anchor;
}

function paragraph(text) {
  const p = document.createElement('p');
  p.textContent = text;
  return p;
}

function setPathEnd(end, id) {
  cy.elements().removeClass('path-end on-path');
  state[end] = id;
  for (const chosen of [state.from, state.to]) if (chosen) cy.getElementById(chosen).addClass('path-end');
  if (state.from && state.to) return showPath(state.from, state.to);
  say(`Path ${end} ${cy.getElementById(id).data('name')}: now choose the other end.`);
}

async function showPath(from, to) {
  say('Looking for a path…');
  const { path } = await graphql(PATH, { from, to });
  if (!path) {
    say('No path within 6 hops between these nodes.');
    return;
  }
  remember({ from, to });
  if (merge(path)) layOut();
  cy.collection([...path.nodes.map((node) => node.id), ...path.edges.map(edgeId)].map((id) => cy.getElementById(id))).addClass('on-path');
  say(`Path of ${path.length} hop(s): ${path.nodes.map((node) => node.name).join(' → ')}`);
}

function drawLegend() {
  elements.legend.replaceChildren(
    ...Object.entries(LABEL_COLOURS).map(([label, colour]) => {
      const swatch = document.createElement('span');
      swatch.className = 'swatch';
      swatch.style.backgroundColor = colour;
      swatch.setAttribute('aria-hidden', 'true');
      const item = document.createElement('li');
      item.append(swatch, LABEL_NAMES[label]);
      return item;
    }),
  );
}

elements.searchForm.addEventListener('submit', (event) => {
  event.preventDefault();
  const text = elements.searchText.value.trim();
  if (text) attempt(() => search(text));
});

cy.on('tap', 'node', (event) => {
  const id = event.target.id();
  if (event.originalEvent?.shiftKey) {
    // The first shift-click starts a new path, the second ends it.
    if (state.from && !state.to) {
      attempt(() => setPathEnd('to', id));
    } else {
      state.to = null;
      attempt(() => setPathEnd('from', id));
    }
  } else {
    attempt(() => expand(id));
  }
});

elements.setFrom.addEventListener('click', () => attempt(() => setPathEnd('from', state.selected)));
elements.setTo.addEventListener('click', () => attempt(() => setPathEnd('to', state.selected)));

/** A node's label and name, to draw a node that a live change brings in; null when it no longer exists. */
async function summary(id) {
  const { node } = await graphql(NODE_SUMMARY, { id });
  return node && { id: node.id, label: node.__typename.toUpperCase(), name: node.name };
}

/** Applies one committed change to what is drawn; changes to nodes not drawn are ignored. */
async function apply(change) {
  const drawn = (id) => Boolean(id) && cy.getElementById(id).nonempty();
  // A large write (an import batch, a seed) or changes that cannot be replayed: the view is drawn afresh.
  if (change.kind === 'BULK' || change.kind === 'RESYNC') {
    await show(viewOf(location.search));
    say(`Live: ${change.kind === 'BULK' ? 'a large change' : 'changes were missed'}; the view is drawn afresh.`);
    return;
  }
  if (change.kind === 'DELETED') {
    if (!drawn(change.id)) return;
    cy.getElementById(change.id).remove();
    if (state.selected === change.id) await showDetails(change.id);
  } else if (change.kind === 'UNLINKED') {
    const reverse = { from: change.to, to: change.from, type: change.type };
    const edges = cy.getElementById(edgeId(change)).union(cy.getElementById(edgeId(reverse)));
    if (edges.empty()) return;
    edges.remove();
  } else if (change.kind === 'LINKED') {
    if (!drawn(change.from) && !drawn(change.to)) return;
    const added = await Promise.all([change.from, change.to].filter((id) => !drawn(id)).map(summary));
    if (added.includes(null)) return;
    if (merge({ nodes: added, edges: [change] })) layOut();
  } else {
    if (!drawn(change.id)) return;
    const node = await summary(change.id);
    if (node) cy.getElementById(change.id).data('name', node.name);
    if (state.selected === change.id) await showDetails(change.id);
  }
  say(`Live: ${change.kind.toLowerCase()} ${change.type ? `${change.from} ${change.type} ${change.to}` : change.id}.`);
}

function showLive(on) {
  elements.live.textContent = on ? '● live' : '○ offline';
  elements.live.dataset.state = on ? 'on' : 'off';
}

/**
 * Follows graphChanged over graphql-ws, reconnecting for ever. After a reconnection the view is drawn
 * afresh, since changes made while offline were not heard.
 */
function followChanges() {
  const client = graphqlWs.createClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: false,
    retryAttempts: Infinity,
    shouldRetry: () => true,
    on: {
      connected: (_socket, _payload, wasRetry) => {
        showLive(true);
        if (wasRetry) attempt(() => show(viewOf(location.search)));
      },
      closed: () => showLive(false),
    },
  });
  client.subscribe(
    { query: GRAPH_CHANGED },
    {
      next: ({ data }) => data && attempt(() => apply(data.graphChanged)),
      error: (error) => say(`Live updates stopped: ${Array.isArray(error) ? error.map((each) => each.message).join('; ') : 'the connection failed'}.`),
      complete: () => showLive(false),
    },
  );
}

showLive(false);
window.addEventListener('popstate', () => attempt(() => show(viewOf(location.search))));
attempt(async () => {
  await loadModel();
  drawLegend();
  followChanges();
  await show(viewOf(location.search));
});
