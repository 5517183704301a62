import { getIntrospectionQuery } from 'graphql';
import { Harness } from '../support/harness';

describe('limits', () => {
  let server: Harness;
  beforeAll(async () => {
    server = await Harness.start({ debugExtensions: true, limits: { maxCost: 5_000, requestsPerWindow: 5, windowSeconds: 60 } });
  });
  afterAll(() => server.stop());

  it('reports the cost of each operation and its database round trips', async () => {
    const response = await server.query('{ roles(first: 10) { edges { node { id responsibilities { id } } } } }');
    expect(response.errors).toBeUndefined();
    expect(response.extensions?.cost).toEqual({
      requestedQueryCost: expect.any(Number),
      maximumAvailable: 5_000,
      throttleStatus: expect.objectContaining({ currentlyAvailable: expect.any(Number) }),
    });
    // roles (1) + first x (edges (1) + node (1 + id + responsibilities (1 + its bound, 100, x id)))
    expect(response.extensions?.cost.requestedQueryCost).toBe(1 + 10 * (1 + (1 + 1 + (1 + 100 * 1))));
    expect(response.extensions?.roundTrips).toBe(1);
  });

  it('refuses an operation over the cost limit, saying the limit and the cost', async () => {
    const response = await server.query('{ roles(first: 100) { edges { node { responsibilities { technologies { id } } } } } }');
    expect(response.status).toBe(400);
    expect(response.errors?.[0].extensions?.code).toBe('QUERY_TOO_COMPLEX');
    expect(response.errors?.[0].message).toMatch(/cost \d+ is over the limit of 5000/);
  });

  it('costs the same document by its page-size variable each time (costs are remembered per document and such variables)', async () => {
    const query = 'query Page($first: Int!) { roles(first: $first) { edges { node { id } } } }';
    const costOf = async (first: number) => (await server.query(query, { first })).extensions?.cost.requestedQueryCost;
    // roles (1) + first x (edges (1) + node (1 + id))
    expect(await costOf(2)).toBe(1 + 2 * (1 + 1 + 1));
    expect(await costOf(3)).toBe(1 + 3 * (1 + 1 + 1));
    expect(await costOf(2)).toBe(1 + 2 * (1 + 1 + 1));
  });

  it('rate-limits a client with RATE_LIMITED and a Retry-After hint', async () => {
    let limited: Response | undefined;
    for (let i = 0; i < 10 && !limited; i += 1) {
      const response = await fetch(`${server.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ query: '{ stats { nodes } }' }),
      });
      if (response.status === 429) limited = response;
    }
    expect(limited).toBeDefined();
    expect(Number(limited!.headers.get('retry-after'))).toBeGreaterThan(0);
    const body = (await limited!.json()) as { errors: { extensions: { code: string; retryAfter: number } }[] };
    expect(body.errors[0].extensions).toMatchObject({ code: 'RATE_LIMITED', retryAfter: expect.any(Number) });
  });
});

describe('introspection under the default limits', () => {
  it("lets an IDE's full introspection query through, but not a deep introspection bomb", async () => {
    const server = await Harness.start();
    try {
      const full = await server.query(getIntrospectionQuery({ descriptions: true, inputValueDeprecation: true }));
      expect(full.errors).toBeUndefined();
      expect(full.data?.__schema.types.length).toBeGreaterThan(20);
      let bomb = 'name';
      for (let level = 0; level < 12; level += 1) bomb = `fields { type { ${bomb} } }`;
      const deep = await server.query(`{ __schema { types { ${bomb} } } }`);
      // graphql-js's own MaxIntrospectionDepthRule refuses it before the limits look at it.
      expect(deep.errors?.[0]).toMatchObject({ message: expect.stringMatching(/introspection depth/i), extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } });
    } finally {
      await server.stop();
    }
  });
});

describe('client addresses behind a load balancer (TRUST_PROXY)', () => {
  const spend = async (server: Harness, forwardedFor: string) =>
    (await server.query('{ __typename }', undefined, { 'x-forwarded-for': forwardedFor })).errors?.[0]?.extensions?.code ?? 'ok';

  it('counts each forwarded client apart when the proxy is trusted', async () => {
    const server = await Harness.start({ trustProxy: 'loopback', limits: { requestsPerWindow: 2, windowSeconds: 60 } });
    try {
      expect([await spend(server, '203.0.113.1'), await spend(server, '203.0.113.1'), await spend(server, '203.0.113.1')]).toEqual(['ok', 'ok', 'RATE_LIMITED']);
      expect(await spend(server, '203.0.113.2')).toBe('ok');
    } finally {
      await server.stop();
    }
  });

  it('ignores X-Forwarded-For otherwise, so a client cannot buy a fresh budget by forging it', async () => {
    const server = await Harness.start({ limits: { requestsPerWindow: 2, windowSeconds: 60 } });
    try {
      expect([await spend(server, '203.0.113.1'), await spend(server, '203.0.113.2'), await spend(server, '203.0.113.3')]).toEqual(['ok', 'ok', 'RATE_LIMITED']);
    } finally {
      await server.stop();
    }
  });
});
