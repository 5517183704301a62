import { PageQuery } from '../../graph/connection';
import { MatchContext, TypeSpec } from '../../graph/projection';
import { roleUsesTechnology } from '../role/role.cypher';
import { TechnologiesArgs } from './technology.inputs';

/** The roles that use a technology, directly or through a responsibility. */
function rolesUsing({ from, to }: MatchContext): string {
  return roleUsesTechnology({ role: 'r:Role', technology: from, bound: from, returned: 'r', as: to });
}

export const TECHNOLOGY_SPEC: TypeSpec = {
  relations: {
    usedBy: { target: 'Role', match: rolesUsing },
    usedByConnection: { target: 'TechnologyUsedByConnection', paged: true, match: rolesUsing },
    responsibilities: {
      target: 'Responsibility',
      match: ({ from, to }) => `MATCH (${from})<-[:INVOLVES]-(${to}:Responsibility)`,
    },
  },
};

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
