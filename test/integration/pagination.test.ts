import { Harness } from '../support/harness';
import { sortNameStamp } from '../../src/model/sort-name';

let server: Harness;
beforeAll(async () => {
  server = await Harness.start();
});
afterAll(async () => {
  await server.graph.write("MATCH (n:Technology {origin: 'pagination-test'}) DETACH DELETE n");
  await server.stop();
});

const PAGE = `query($after: String, $first: Int) {
  technologies(first: $first, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } } }
}`;

async function walk(first: number, onPage?: (page: number) => Promise<void>): Promise<string[]> {
  const seen: string[] = [];
  let after: string | null = null;
  for (let page = 0; page < 100; page += 1) {
    const { technologies }: { technologies: any } = await server.data(PAGE, { first, after });
    seen.push(...technologies.edges.map((edge: any) => edge.node.id));
    if (!technologies.pageInfo.hasNextPage) return seen;
    after = technologies.pageInfo.endCursor;
    await onPage?.(page);
  }
  throw new Error('pagination did not end');
}

describe('keyset pagination', () => {
  it('walks every technology exactly once, in name order, with a counted total', async () => {
    const { technologies } = await server.data(PAGE, { first: 100 });
    const all = technologies.edges.map((edge: any) => edge.node.id);
    expect(technologies.totalCount).toBe(all.length);
    const walked = await walk(3);
    expect(walked).toEqual(all);
    const names = technologies.edges.map((edge: any) => edge.node.name);
    const collator = new Intl.Collator('en', { sensitivity: 'base' });
    expect(names).toEqual([...names].sort((a: string, b: string) => collator.compare(a, b) || (a < b ? -1 : a > b ? 1 : 0)));
  });

  it('stays correct while nodes are inserted before and after the cursor', async () => {
    const before = await walk(100);
    let inserted = 0;
    const walked = await walk(4, async () => {
      inserted += 1;
      // One name sorts before every existing one, one after: neither may duplicate or skip a node already there.
      await server.graph.write(
        `UNWIND $rows AS row MERGE (t:Technology:Node {id: row.id}) SET t.name = row.name, t.kind = 'TOOL', t.origin = 'pagination-test' SET ${sortNameStamp('t')}`,
        {
          rows: [
            { id: `aaa-inserted-${inserted}`, name: `0 inserted ${inserted}` },
            { id: `zzz-inserted-${inserted}`, name: `~ inserted ${inserted}` },
          ],
        },
      );
    });
    const original = walked.filter((id) => !id.includes('-inserted-'));
    expect(original).toEqual(before);
    expect(new Set(walked).size).toBe(walked.length);
    expect(walked.filter((id) => id.startsWith('aaa-inserted-'))).toEqual([]);
    expect(walked.filter((id) => id.startsWith('zzz-inserted-')).length).toBe(inserted);
  });

  it('rejects a cursor it did not issue', async () => {
    for (const after of ['not-a-cursor', Buffer.from('{"a":1}').toString('base64url'), '']) {
      const response = await server.query(PAGE, { first: 2, after: after || '%%%' });
      expect(response.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
      expect(response.errors?.[0].message).toMatch(/after/);
    }
  });

  it('pages roles to the end and reports no next page', async () => {
    const first = await server.data(`{ roles(first: 2) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`);
    expect(first.roles.totalCount).toBe(3);
    expect(first.roles.pageInfo.hasNextPage).toBe(true);
    const rest = await server.data(`query($after: String) { roles(first: 2, after: $after) { pageInfo { hasNextPage endCursor } edges { node { id } } } }`, {
      after: first.roles.pageInfo.endCursor,
    });
    expect(rest.roles.edges).toEqual([{ node: { id: 'full-stack-developer' } }]);
    expect(rest.roles.pageInfo.hasNextPage).toBe(false);
  });
});
