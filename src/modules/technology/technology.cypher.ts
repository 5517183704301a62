import { PageQuery } from '../../graph/connection';
import { derivedRelationCountTo } from '../../model/cypher';
import { worksWith } from '../../model/model';
import { TechnologiesArgs, TechnologyOrderBy } from './technology.inputs';

/**
 * The `technologies` page: by name, within one kind when asked (the (kind, name, id) index serves both); or
 * most used first (USERS_DESC), a count per technology that no index serves.
 */
export function technologiesPage({ kind, orderBy, first, after }: TechnologiesArgs): PageQuery {
  return {
    rank: orderBy === TechnologyOrderBy.USERS_DESC ? (node) => derivedRelationCountTo(worksWith, node) : undefined,
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
