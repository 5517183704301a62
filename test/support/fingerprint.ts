import { createHash } from 'node:crypto';
import { Graph } from '../../src/graph/driver';

/** Node and relationship counts plus a checksum of every node id: equal fingerprints, unchanged graph. */
export async function fingerprint(graph: Graph): Promise<{ nodes: number; relationships: number; idChecksum: string }> {
  const [row] = await graph.read(
    'MATCH (n:!ChangeLog&!ChangeLogSequence) WITH count(n) AS nodes, collect(n.id) AS ids RETURN nodes, COUNT { ()-[]->() } AS relationships, ids',
  );
  const ids = (row.ids as string[]).sort().join('\n');
  return { nodes: row.nodes as number, relationships: row.relationships as number, idChecksum: createHash('sha256').update(ids).digest('hex') };
}
