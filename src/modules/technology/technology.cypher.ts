import { PageQuery } from '../../graph/connection';
import { TechnologiesArgs } from './technology.inputs';

/** The `technologies` page: by name, within one kind when asked (the (kind, name, id) index serves both). */
export function technologiesPage({ kind, first, after }: TechnologiesArgs): PageQuery {
  return {
    select: ({ params }) => ({
      match: 'MATCH (n:Technology)',
      conditions: kind ? [`n.kind = ${params.add(kind)}`] : [],
      equalKeys: kind ? ['kind'] : [],
    }),
    direction: 'ASC',
    first,
    after,
  };
}
