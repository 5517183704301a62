import net from 'node:net';
import { Client } from 'graphql-ws';
import WebSocket from 'ws';
import { documentId } from '../../src/http/trusted-documents';
import { bearer, Harness } from '../support/harness';
import { waitFor } from '../support/processes';
import { Events, graphqlWsClient, metric, noSubscriptionsRunning, subscriptionsRunning, wsUrl } from '../support/subscriptions';

/** Subscriptions over graphql-ws on /graphql: events of HTTP mutations, filters, auth, limits, hostile sockets. */
const CHANGES = `subscription Changes($ids: [ID!], $labels: [NodeLabel!]) {
  graphChanged(ids: $ids, labels: $labels) { kind id label from to type at actor }
}`;

let server: Harness;
let editor: Record<string, string>;
const clients: Client[] = [];
const client = (params?: Record<string, unknown>) => {
  const created = graphqlWsClient(server.url, params);
  clients.push(created);
  return created;
};

beforeAll(async () => {
  server = await Harness.start({ subscriptions: { maxPerConnection: 20, maxSocketsPerClient: 40, initTimeoutMs: 500, keepAliveMs: 200 } });
  editor = await bearer(['editor'], { subject: 'sub-tester' });
});
afterEach(async () => {
  await Promise.all(clients.splice(0).map((each) => each.dispose()));
  await noSubscriptionsRunning(server.url);
});
afterAll(async () => {
  for (const id of ['sub-kafka', 'sub-flink', 'sub-analyst']) await server.data(`mutation { deleteNode(id: "${id}") }`, {}, editor);
  await server.stop();
});

/** A raw socket speaking graphql-transport-ws, for what the well-behaved client never sends. */
async function rawSocket(init: Record<string, unknown> | null = {}, headers: Record<string, string> = {}): Promise<{ socket: WebSocket; messages: any[]; closed: Promise<number> }> {
  const socket = new WebSocket(wsUrl(server.url), 'graphql-transport-ws', { headers });
  const messages: any[] = [];
  socket.on('message', (data) => messages.push(JSON.parse(String(data))));
  const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
  await new Promise((resolve, reject) => {
    socket.once('open', resolve);
    socket.once('error', reject);
  });
  if (init) {
    socket.send(JSON.stringify({ type: 'connection_init', payload: init }));
    await waitFor(() => messages.some((message) => message.type === 'connection_ack') || socket.readyState !== WebSocket.OPEN, 5_000, 'connection_ack');
  }
  return { socket, messages, closed };
}

/** The HTTP status a WebSocket upgrade is refused with. */
function refusedUpgrade(headers: Record<string, string> = {}): Promise<number> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(wsUrl(server.url), 'graphql-transport-ws', { headers });
    socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
    socket.on('open', () => reject(new Error('the upgrade was accepted')));
    socket.on('error', () => undefined);
  });
}

describe('graphChanged', () => {
  it('delivers the event of a mutation made over HTTP, after its commit, with aliases', async () => {
    const events = new Events(client(), `subscription { graphChanged { what: kind id label at actor } }`);
    await subscriptionsRunning(server.url, 1);
    const before = Date.now();
    await server.data(`mutation { upsertTechnology(input: { id: "sub-kafka", name: "Sub Kafka", kind: TOOL }) { id } }`, {}, editor);
    const [event] = await events.take(1);
    expect(event.errors).toBeUndefined();
    expect(event.data!.graphChanged).toEqual({ what: 'UPSERTED', id: 'sub-kafka', label: 'TECHNOLOGY', at: expect.any(String), actor: 'sub-tester' });
    expect(Date.parse(event.data!.graphChanged.at)).toBeGreaterThanOrEqual(before - 1000);
  });

  it('sends links, unlinks and deletes, filtered by ids (id, from or to) and labels; refused writes send nothing', async () => {
    const byId = new Events(client(), CHANGES, { ids: ['sub-flink'] });
    const roles = new Events(client(), CHANGES, { labels: ['ROLE'] });
    await subscriptionsRunning(server.url, 2);
    // Refused: a missing end, and an unlink of no edge. Neither may publish.
    const refused = await server.query(`mutation { link(input: { from: "sub-nobody", to: "sub-flink", type: USES }) }`, {}, editor);
    expect(refused.errors?.[0].extensions?.code).toBe('NOT_FOUND');
    await server.data(`mutation { upsertTechnology(input: { id: "sub-flink", name: "Sub Flink", kind: TOOL }) { id } }`, {}, editor);
    expect((await server.data(`mutation { unlink(input: { from: "backend-developer", to: "sub-flink", type: USES }) }`, {}, editor)).unlink).toBe(false);
    await server.data(`mutation { link(input: { from: "backend-developer", to: "sub-flink", type: USES }) }`, {}, editor);
    await server.data(`mutation { unlink(input: { from: "backend-developer", to: "sub-flink", type: USES }) }`, {}, editor);
    await server.data(`mutation { deleteNode(id: "sub-flink") }`, {}, editor);

    const flink = (await byId.take(4)).map((event) => event.data!.graphChanged);
    expect(flink.map(({ kind, id, label, from, to, type }) => ({ kind, id, label, from, to, type }))).toEqual([
      { kind: 'UPSERTED', id: 'sub-flink', label: 'TECHNOLOGY', from: null, to: null, type: null },
      { kind: 'LINKED', id: 'backend-developer', label: 'ROLE', from: 'backend-developer', to: 'sub-flink', type: 'USES' },
      { kind: 'UNLINKED', id: 'backend-developer', label: 'ROLE', from: 'backend-developer', to: 'sub-flink', type: 'USES' },
      { kind: 'DELETED', id: 'sub-flink', label: 'TECHNOLOGY', from: null, to: null, type: null },
    ]);
    // The link and unlink start at a role; the technology's own changes are not the ROLE subscriber's.
    expect((await roles.take(2)).map((event) => event.data!.graphChanged.kind)).toEqual(['LINKED', 'UNLINKED']);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(byId.received).toHaveLength(4);
    expect(roles.received).toHaveLength(2);
  });

  it('sends a recorded salary with its link, and a role deletion with the salaries it takes along', async () => {
    const events = new Events(client(), CHANGES, { labels: ['ROLE', 'SALARY'] });
    await subscriptionsRunning(server.url, 1);
    await server.data(`mutation { upsertRole(input: { id: "sub-analyst", name: "Sub Analyst" }) { id } }`, {}, editor);
    const salary = await server.data(
      `mutation { recordSalary(input: { roleId: "sub-analyst", amount: 50000, currency: "EUR", country: "DE", year: 2025, seniority: MID, period: YEAR }) { id } }`,
      {},
      editor,
    );
    await server.data(`mutation { deleteNode(id: "sub-analyst") }`, {}, editor);
    // The deletion is one transaction: its nodes' events come in no particular order among themselves, and its
    // relationship's after them.
    const changes = (await events.take(6)).map((event) => event.data!.graphChanged);
    const salaryId = salary.recordSalary.id;
    const described = changes.map(({ kind, id, label, from, to, type }) => [kind, id, label, from, to, type]);
    expect(described.slice(0, 3)).toEqual([
      ['UPSERTED', 'sub-analyst', 'ROLE', null, null, null],
      ['UPSERTED', salaryId, 'SALARY', null, null, null],
      ['LINKED', 'sub-analyst', 'ROLE', 'sub-analyst', salaryId, 'EARNS'],
    ]);
    expect(described.slice(3, 5)).toEqual(
      expect.arrayContaining([
        ['DELETED', 'sub-analyst', 'ROLE', null, null, null],
        ['DELETED', salaryId, 'SALARY', null, null, null],
      ]),
    );
    expect(described[5]).toEqual(['UNLINKED', 'sub-analyst', 'ROLE', 'sub-analyst', salaryId, 'EARNS']);
  });

  it('refuses a filter that breaks the input rules', async () => {
    const events = new Events(client(), CHANGES, { ids: ['Not An Id'] });
    const [event] = await events.take(1);
    expect(event.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('counts open sockets and events sent in /metrics', async () => {
    const sent = await metric(server.url, 'graphql_ws_events_sent_total');
    const events = new Events(client(), CHANGES, { ids: ['sub-kafka'] });
    await subscriptionsRunning(server.url, 1);
    expect(await metric(server.url, 'graphql_ws_sockets_open')).toBeGreaterThanOrEqual(1);
    await server.data(`mutation { upsertTechnology(input: { id: "sub-kafka", name: "Sub Kafka", kind: TOOL }) { id } }`, {}, editor);
    await events.take(1);
    expect(await metric(server.url, 'graphql_ws_events_sent_total')).toBe(sent + 1);
  });
});

describe('what the WebSocket runs', () => {
  it('refuses queries and mutations (HTTP carries those) and documents that do not validate, and changes nothing', async () => {
    const query = new Events(client(), `{ role(id: "backend-developer") { id } }`);
    expect((await query.take(1))[0].errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    const mutation = new Events(client(), `mutation { deleteNode(id: "backend-developer") }`);
    expect((await mutation.take(1))[0].errors?.[0].extensions?.code).toBe('BAD_REQUEST');
    const unknown = new Events(client(), `subscription { graphChanged { secret } }`);
    expect((await unknown.take(1))[0].errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
    const unparsable = new Events(client(), `subscription { graphChanged { `);
    expect((await unparsable.take(1))[0].errors?.[0].extensions?.code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await server.data(`{ role(id: "backend-developer") { id } }`)).role).toEqual({ id: 'backend-developer' });
  });
});

describe('hostile sockets', () => {
  it('closes with 4400 on a malformed message', async () => {
    const { socket, closed } = await rawSocket();
    socket.send('{"type":"subscribe","id":');
    expect(await closed).toBe(4400);
  });

  it('closes with 4401 on a subscribe before connection_init, and 4408 when connection_init never comes', async () => {
    const early = await rawSocket(null);
    early.socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: CHANGES } }));
    expect(await early.closed).toBe(4401);
    const silent = await rawSocket(null);
    expect(await silent.closed).toBe(4408);
  });

  it('runs 20 of 1,000 subscribe messages on one socket and refuses the rest with RATE_LIMITED, the socket still open', async () => {
    const { socket, messages } = await rawSocket();
    for (let id = 0; id < 1_000; id += 1) socket.send(JSON.stringify({ id: String(id), type: 'subscribe', payload: { query: CHANGES } }));
    await waitFor(() => messages.filter((message) => message.type === 'error').length >= 980, 20_000, '980 refusals');
    const refusals = messages.filter((message) => message.type === 'error');
    expect(refusals).toHaveLength(980);
    expect(new Set(refusals.map((message) => message.payload[0].extensions.code))).toEqual(new Set(['RATE_LIMITED']));
    expect(socket.readyState).toBe(WebSocket.OPEN);
    await subscriptionsRunning(server.url, 20);
    socket.send(JSON.stringify({ type: 'ping' }));
    await waitFor(() => messages.some((message) => message.type === 'pong'), 5_000, 'pong');
    socket.close();
    expect((await server.data(`{ role(id: "backend-developer") { id } }`)).role).toEqual({ id: 'backend-developer' });
  });

  it('closes with 1009 on a frame over MAX_BODY_SIZE', async () => {
    const { socket, closed } = await rawSocket();
    socket.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: `# ${'x'.repeat(200_000)}\n${CHANGES}` } }));
    expect(await closed).toBe(1009);
  });

  it('refuses the upgrade of an origin that CORS does not allow, and accepts an allowed one', async () => {
    expect(await refusedUpgrade({ origin: 'https://evil.example' })).toBe(403);
    const allowed = await rawSocket({}, { origin: 'http://localhost:5173' });
    expect(allowed.messages.map((message) => message.type)).toEqual(['connection_ack']);
    allowed.socket.close();
  });

  it('drops a peer that stops answering pings', async () => {
    const peer = net.connect(Number(new URL(server.url).port), '127.0.0.1');
    const closed = new Promise<void>((resolve) => peer.on('close', () => resolve()));
    peer.write(
      'GET /graphql HTTP/1.1\r\nHost: 127.0.0.1\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n' +
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\nSec-WebSocket-Protocol: graphql-transport-ws\r\n\r\n',
    );
    let answer = '';
    peer.on('data', (chunk) => (answer += chunk.toString('latin1')));
    // It never answers the pings (nor sends connection_init): the keep-alive or the init timeout ends it.
    await closed;
    expect(answer).toMatch(/^HTTP\/1\.1 101/);
    expect(answer).toContain('\x89'); // a ping frame came before the close
  });
});

describe('connections per client', () => {
  it('answers 429 to the upgrade past MAX_SOCKETS_PER_CLIENT', async () => {
    const small = await Harness.start({ subscriptions: { maxSocketsPerClient: 2 } });
    try {
      const open = [0, 1].map(() => new WebSocket(wsUrl(small.url), 'graphql-transport-ws'));
      await Promise.all(open.map((socket) => new Promise((resolve) => socket.once('open', resolve))));
      const refused = await new Promise<number>((resolve) => {
        const socket = new WebSocket(wsUrl(small.url), 'graphql-transport-ws');
        socket.on('unexpected-response', (_request, response) => resolve(response.statusCode ?? 0));
        socket.on('error', () => undefined);
      });
      expect(refused).toBe(429);
      open.forEach((socket) => socket.close());
    } finally {
      await small.stop();
    }
  });
});

describe('limits, auth and trusted documents', () => {
  it('refuses a subscription over the depth limit with QUERY_TOO_COMPLEX', async () => {
    const strict = await Harness.start({ limits: { maxDepth: 1 } });
    try {
      const events = new Events(graphqlWsClient(strict.url), CHANGES);
      expect((await events.take(1))[0].errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    } finally {
      await strict.stop();
    }
  });

  it('with REQUIRE_AUTH_FOR_READS: closes with 4403 without a token or with a bad one, and serves a reader', async () => {
    const locked = await Harness.start({ auth: { requireAuthForReads: true } });
    const rawTo = async (payload: Record<string, unknown>) => {
      const socket = new WebSocket(wsUrl(locked.url), 'graphql-transport-ws');
      const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
      socket.on('open', () => socket.send(JSON.stringify({ type: 'connection_init', payload })));
      return closed;
    };
    try {
      expect(await rawTo({})).toBe(4403);
      expect(await rawTo({ authorization: 'Bearer not.a.token' })).toBe(4403);
      expect(await rawTo({ authorization: (await bearer(['reader'], { secret: 'another-secret-that-is-at-least-32-chars' })).authorization })).toBe(4403);
      const reader = graphqlWsClient(locked.url, await bearer(['reader']));
      const events = new Events(reader, CHANGES, { ids: ['sub-kafka'] });
      await subscriptionsRunning(locked.url, 1);
      await locked.data(`mutation { upsertTechnology(input: { id: "sub-kafka", name: "Sub Kafka", kind: TOOL }) { id } }`, {}, editor);
      expect((await events.take(1))[0].data?.graphChanged.id).toBe('sub-kafka');
      await reader.dispose();
    } finally {
      await locked.stop();
    }
  });

  it('with TRUSTED_DOCUMENTS_ONLY: runs a listed subscription, by text or by id, and refuses any other', async () => {
    const fs = await import('node:fs/promises');
    const os = await import('node:os');
    const path = await import('node:path');
    const manifest = path.join(await fs.mkdtemp(path.join(os.tmpdir(), 'trusted-')), 'manifest.json');
    await fs.writeFile(manifest, JSON.stringify({ [documentId(CHANGES)]: CHANGES }));
    const trusted = await Harness.start({ trustedDocuments: manifest, trustedDocumentsOnly: true });
    try {
      const unlisted = new Events(graphqlWsClient(trusted.url), `subscription { graphChanged { id } }`);
      expect((await unlisted.take(1))[0].errors?.[0].extensions?.code).toBe('PERSISTED_QUERY_NOT_IN_LIST');
      const byText = graphqlWsClient(trusted.url);
      new Events(byText, CHANGES, { ids: ['sub-kafka'] });
      await subscriptionsRunning(trusted.url, 1);
      const raw = new WebSocket(wsUrl(trusted.url), 'graphql-transport-ws');
      const received: any[] = [];
      raw.on('message', (data) => received.push(JSON.parse(String(data))));
      await new Promise((resolve) => raw.once('open', resolve));
      raw.send(JSON.stringify({ type: 'connection_init' }));
      await waitFor(() => received.length > 0, 5_000, 'connection_ack');
      raw.send(JSON.stringify({ id: '1', type: 'subscribe', payload: { query: '', extensions: { persistedQuery: { version: 1, sha256Hash: documentId(CHANGES) } }, variables: { ids: ['sub-kafka'] } } }));
      await subscriptionsRunning(trusted.url, 2);
      await trusted.data(`mutation { upsertTechnology(input: { id: "sub-kafka", name: "Sub Kafka", kind: TOOL }) { id } }`, {}, await bearer(['admin']));
      await waitFor(() => received.some((message) => message.type === 'next'), 5_000, 'the event by id');
      raw.close();
      await byText.dispose();
    } finally {
      await trusted.stop();
    }
  });
});

describe('shutdown', () => {
  it('closes every socket with 1001 when the server stops (as on SIGTERM)', async () => {
    const stopping = await Harness.start();
    const socket = new WebSocket(wsUrl(stopping.url), 'graphql-transport-ws');
    const closed = new Promise<number>((resolve) => socket.on('close', (code) => resolve(code)));
    await new Promise((resolve) => socket.once('open', resolve));
    socket.send(JSON.stringify({ type: 'connection_init' }));
    await stopping.stop();
    expect(await closed).toBe(1001);
  });
});
