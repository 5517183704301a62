import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import { repoRoot } from '../config';
import { Graph } from '../graph/driver';
import { slug } from '../modules/slug';
import { TechnologyKind } from '../modules/technology/technology.enums';
import { Write } from './pipeline';
import { mergeNodesStatement, NodeRow, nodesStatement, RelationshipRow } from './statements';
import { ImportFileError, RowProblem } from './table';

/**
 * Technologies are shared: O*NET's "Oracle Java", the survey's "Java" and the seed's `java` are one node.
 * The catalogue (cypher/import/technologies.csv, one reviewable file) names each well-known technology once,
 * with its id, name, kind and the names each dataset gives it; a technology it does not list has the slug
 * of its name as id.
 */
export const TECHNOLOGY_CATALOGUE_FILE = path.join(repoRoot, 'cypher', 'import', 'technologies.csv');

/** `+` and `#` are spelled out first, so that C, C++ and C# (all "c" as plain slugs) stay three: `c`, `c-plus-plus`, `c-sharp`. */
export function technologyId(name: string): string {
  return slug(name.replace(/\+/g, ' plus ').replace(/#/g, ' sharp '));
}

export interface CatalogueEntry {
  id: string;
  name: string;
  kind: TechnologyKind;
  aliases: string[];
}

const KINDS = new Set<string>(Object.values(TechnologyKind));
const key = (name: string) => name.trim().toLowerCase();

/** The technology catalogue: every name (and alias) to its one entry, compared without case. */
export class TechnologyCatalogue {
  private readonly byName = new Map<string, CatalogueEntry>();

  constructor(readonly entries: CatalogueEntry[]) {
    for (const entry of entries) {
      for (const name of [entry.name, ...entry.aliases]) {
        const other = this.byName.get(key(name));
        if (other && other.id !== entry.id) throw new ImportFileError(`the technology catalogue names "${name}" for both ${other.id} and ${entry.id}`);
        this.byName.set(key(name), entry);
      }
    }
  }

  static read(file = TECHNOLOGY_CATALOGUE_FILE): TechnologyCatalogue {
    const rows = parse(fs.readFileSync(file), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
    return new TechnologyCatalogue(
      rows.map((row, index) => {
        if (!KINDS.has(row.kind)) throw new ImportFileError(`${file}:${index + 2}: kind "${row.kind}" is not one of ${[...KINDS].join(', ')}`);
        return { id: row.id, name: row.name, kind: row.kind as TechnologyKind, aliases: row.aliases ? row.aliases.split('|') : [] };
      }),
    );
  }

  lookup(name: string): CatalogueEntry | undefined {
    return this.byName.get(key(name));
  }

  /** The id a dataset's name for a technology becomes. */
  idOf(name: string): string {
    return this.lookup(name)?.id ?? technologyId(name);
  }

  /** Nodes an earlier import may have made from a name the catalogue now joins to another id: `{from: that id, to: the catalogue's}`. */
  merges(): RelationshipRow[] {
    return this.entries.flatMap((entry) =>
      [...new Set([entry.name, ...entry.aliases].map(technologyId))].filter((id) => id !== entry.id).map((from) => ({ from, to: entry.id, props: {} })),
    );
  }
}

/**
 * When datasets disagree on a technology's kind (O*NET files MySQL under two commodity titles), the kind most
 * of its rows give wins; a tie goes to the first of this order, the most specific kind first.
 */
export const KIND_PRECEDENCE: readonly TechnologyKind[] = [
  TechnologyKind.DATABASE,
  TechnologyKind.LANGUAGE,
  TechnologyKind.FRAMEWORK,
  TechnologyKind.SERVER,
  TechnologyKind.TOOL,
  TechnologyKind.APPLICATION,
];

interface Named {
  name: string;
  description: string | null;
  file: string;
  line: number;
  kindVotes: Map<TechnologyKind, number>;
}

/** The technologies an import names, gathered in its validation pass, each with the line that first named it. */
export class NamedTechnologies {
  private readonly technologies = new Map<string, Named>();
  /** Ids found taken by another kind of node: never written (with --skip-bad-rows, their uses find no node and are left out). */
  private readonly refused = new Set<string>();

  constructor(readonly catalogue: TechnologyCatalogue = TechnologyCatalogue.read()) {}

  idOf(name: string): string {
    return this.catalogue.idOf(name);
  }

  /** Records a name and the kind this row gives it; answers its id. */
  add(name: string, kind: TechnologyKind, description: string | null, file: string, line: number): string {
    const id = this.idOf(name);
    let named = this.technologies.get(id);
    if (!named) {
      named = { name, description, file, line, kindVotes: new Map() };
      this.technologies.set(id, named);
    }
    named.kindVotes.set(kind, (named.kindVotes.get(kind) ?? 0) + 1);
    return id;
  }

  private written(): [string, Named][] {
    return [...this.technologies].filter(([id]) => !this.refused.has(id));
  }

  /** The catalogue's technologies: their name and kind are the catalogue's, set on every import (the seed's too). */
  catalogueRows(): NodeRow[] {
    return this.written().flatMap(([id]) => {
      const entry = this.catalogue.lookup(this.technologies.get(id)!.name);
      return entry ? [{ id, props: { name: entry.name, kind: entry.kind } }] : [];
    });
  }

  /** The others: created with the datasets' name and majority kind when missing, left as they are otherwise. */
  otherRows(): NodeRow[] {
    return this.written()
      .filter(([, named]) => !this.catalogue.lookup(named.name))
      .map(([id, { name, description, kindVotes }]) => ({ id, props: { name, kind: majorityKind(kindVotes), description } }));
  }

  /**
   * Technologies whose id another kind of node already has (a skill named "Database knowledge" against a
   * technology of that name): reported on the line that first named them, since ids are unique across labels.
   */
  async conflicts(graph: Graph): Promise<RowProblem[]> {
    const rows = await graph.read('MATCH (n:Node) WHERE n.id IN $ids AND NOT n:Technology RETURN n.id AS id', { ids: [...this.technologies.keys()] });
    return rows.map(({ id }) => {
      this.refused.add(id as string);
      const { name, file, line } = this.technologies.get(id as string)!;
      return { file, line, column: 'technology', reason: `"${name}" would have the id "${id}", which a node that is not a Technology already has` };
    });
  }
}

export function majorityKind(votes: Map<TechnologyKind, number>): TechnologyKind {
  const most = Math.max(...votes.values());
  return KIND_PRECEDENCE.find((kind) => votes.get(kind) === most)!;
}

/**
 * The write steps of the technologies an import names, before the relationships that need them: the
 * catalogue's (name and kind set from the catalogue), the others (created when missing), then the merge of
 * nodes earlier imports made from a name the catalogue now joins to another id.
 */
export function technologyWrites(technologies: NamedTechnologies): Write[] {
  return [
    { derived: () => technologies.catalogueRows(), statement: { ...nodesStatement('Technology', 'owned'), nodes: 'Technology nodes of the catalogue' } },
    { derived: () => technologies.otherRows(), statement: { ...nodesStatement('Technology', 'shared'), nodes: 'Technology nodes not in the catalogue' } },
    { derived: () => technologies.catalogue.merges(), statement: mergeNodesStatement('Technology') },
  ];
}
