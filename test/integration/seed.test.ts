import { repoRoot } from '../../src/config';
import { defaultCypherDirs, prepareDatabase } from '../../src/graph/cypher-files';
import { Graph } from '../../src/graph/driver';
import { testConnection } from '../support/env';
import { fingerprint } from '../support/fingerprint';

let graph: Graph;
beforeAll(() => {
  graph = Graph.open(testConnection());
});
afterAll(() => graph.close());

/** The graph's fingerprint plus how many properties it holds, so a second seed that adds any is caught. */
async function seedFingerprint() {
  const [properties] = await graph.read(`MATCH (n:!ChangeLog&!ChangeLogSequence) UNWIND keys(n) AS key RETURN count(*) AS properties`);
  return { ...(await fingerprint(graph)), properties: properties.properties };
}

describe('seed', () => {
  it('applies schema and seed twice with identical counts', async () => {
    const before = await seedFingerprint();
    await prepareDatabase(graph, defaultCypherDirs(repoRoot), 'always');
    await prepareDatabase(graph, defaultCypherDirs(repoRoot), 'always');
    expect(await seedFingerprint()).toEqual(before);
    expect(before.nodes).toBeGreaterThan(30);
  });

  it('cites a source from every article fact, and marks examples', async () => {
    const [row] = await graph.read(`
      RETURN COUNT { MATCH (n:!ChangeLog&!ChangeLogSequence) WHERE NOT n:Source AND n.origin = 'article' AND NOT (n)-[:CITES]->(:Source) } AS uncitedNodes,
             COUNT { MATCH ()-[r]->() WHERE type(r) <> 'CITES' AND r.origin = 'article' AND r.source IS NULL } AS unsourcedEdges,
             COUNT { MATCH (n:!ChangeLog&!ChangeLogSequence) WHERE n.origin IS NULL } AS unmarkedNodes,
             COUNT { MATCH ()-[r]->() WHERE type(r) <> 'CITES' AND r.origin IS NULL } AS unmarkedEdges,
             COUNT { MATCH (n:!ChangeLog&!ChangeLogSequence) WHERE n.origin = 'example' AND (n)-[:CITES]->() } AS citingExamples`);
    expect(row).toEqual({ uncitedNodes: 0, unsourcedEdges: 0, unmarkedNodes: 0, unmarkedEdges: 0, citingExamples: 0 });
  });

  it('gives every node the shared Node label and an id that is the slug of its name', async () => {
    const rows = await graph.read('MATCH (n:!ChangeLog&!ChangeLogSequence) RETURN n.id AS id, n.name AS name, n:Node AS shared');
    for (const row of rows) {
      expect(row.shared).toBe(true);
      const slug = String(row.name).toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
      expect(row.id).toBe(slug);
    }
  });
});
