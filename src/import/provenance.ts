import fs from 'node:fs';
import { Graph } from '../graph/driver';
import { nodeStamp } from '../model/cypher';
import { sortNameStamp } from '../model/sort-name';
import { ImportFileError } from './table';

/** Where an import's facts come from: its Source node, which every imported node cites (model.ts `cites`). */
export interface SourceInfo {
  id: string;
  name: string;
  publisher: string;
  url: string;
  version: string;
  licence: string;
  /** When the data was downloaded: the date (YYYY-MM-DD) of the data file, as the download left it. */
  retrievedAt: string;
  description: string;
}

/** `origin` of every node and relationship an import creates. */
export type ImportOrigin = 'esco' | 'onet' | 'so-survey';

/** The date a file was last written (its download, for a dataset nobody edits), as YYYY-MM-DD. */
export function fileDate(file: string): string {
  if (!fs.existsSync(file)) throw new ImportFileError(`${file}: no such file`);
  return fs.statSync(file).mtime.toISOString().slice(0, 10);
}

/**
 * Written before any data, with `complete: false`: an import stopped half-way leaves its Source saying so
 * (the `sources` query shows it), and the next run of the same import completes it.
 */
export async function startSource(graph: Graph, source: SourceInfo, origin: ImportOrigin): Promise<void> {
  const { id, ...props } = source;
  await graph.write(
    `MERGE (s:Source {id: $id})
ON CREATE SET ${nodeStamp('s')}, s.createdAt = datetime()
SET s += $props, s.origin = $origin, s.complete = false
SET ${sortNameStamp('s')}`,
    { id, props, origin },
  );
}

/** Marks the import complete: the last write of a run. */
export async function completeSource(graph: Graph, sourceId: string): Promise<void> {
  await graph.write('MATCH (s:Source {id: $id}) SET s.complete = true', { id: sourceId });
}
