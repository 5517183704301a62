import { PageQuery } from '../../graph/connection';
import { TypeSpec } from '../../graph/projection';
import { roleUsesTechnology } from '../role/role.cypher';
import { TechnologiesArgs } from './technology.inputs';

export const TECHNOLOGY_SPEC: TypeSpec = {
  relations: {
    usedBy: {
      target: 'Role',
      match: ({ from, to }) => roleUsesTechnology({ role: 'r:Role', technology: from, bound: from, returned: 'r', as: to }),
    },
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
