import { Graph } from '../graph/driver';
import { slug } from '../modules/slug';
import { TechnologyKind } from '../modules/technology/technology.enums';
import { NodeRow } from './statements';
import { RowProblem } from './table';

/**
 * Technologies are shared: O*NET's "PostgreSQL", the survey's "PostgreSQL" and the seed's `postgresql` are
 * one node, whose id is the slug of its name. `+` and `#` are spelled out first, so that C, C++ and C#
 * (all "c" as plain slugs) stay three technologies: `c`, `c-plus-plus`, `c-sharp`.
 */
export function technologyId(name: string): string {
  return slug(name.replace(/\+/g, ' plus ').replace(/#/g, ' sharp '));
}

/** The technologies an import names, gathered in its validation pass, each with the line that first named it. */
export class TechnologyCatalog {
  private readonly technologies = new Map<string, { name: string; kind: TechnologyKind; description: string | null; file: string; line: number }>();
  /** Ids found taken by another kind of node: never written (with --skip-bad-rows, their uses find no node and are left out). */
  private readonly refused = new Set<string>();

  add(name: string, kind: TechnologyKind, description: string | null, file: string, line: number): string {
    const id = technologyId(name);
    if (!this.technologies.has(id)) this.technologies.set(id, { name, kind, description, file, line });
    return id;
  }

  /** One node row per technology: created with these properties when missing, left as they are otherwise. */
  rows(): NodeRow[] {
    return [...this.technologies]
      .filter(([id]) => !this.refused.has(id))
      .map(([id, { name, kind, description }]) => ({ id, props: { name, kind, description } }));
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
