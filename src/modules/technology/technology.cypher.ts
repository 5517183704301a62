import { PageQuery } from '../../graph/connection';
import { MatchContext, paged, RelationSpec, TypeSpec } from '../../graph/projection';
import { roleUsesTechnology } from '../role/role.cypher';
import { TechnologiesArgs } from './technology.inputs';

/** The roles that use a technology, directly or through a responsibility. */
function rolesUsing({ from, to }: MatchContext): string {
  return roleUsesTechnology({ role: 'r:Role', technology: from, bound: from, returned: 'r', as: to });
}

const usedBy: RelationSpec = { target: 'Role', match: rolesUsing };
const responsibilities: RelationSpec = {
  target: 'Responsibility',
  match: ({ from, to }) => `MATCH (${from})<-[:INVOLVES]-(${to}:Responsibility)`,
};

export const TECHNOLOGY_SPEC: TypeSpec = {
  relations: {
    usedBy,
    usedByConnection: paged(usedBy, 'TechnologyUsedByConnection'),
    responsibilities,
    responsibilitiesConnection: paged(responsibilities, 'TechnologyResponsibilitiesConnection'),
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
