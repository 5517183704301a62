import { PageQuery } from '../../graph/connection';
import { arrow, derivedRelationCall } from '../../model/cypher';
import { memberOf, requires, worksWith } from '../../model/model';
import { RoleOrderBy, RolesArgs } from './role.inputs';

/**
 * The `roles` page. The most selective filter anchors the match (start from the technology, skill or team,
 * a unique-id lookup, and walk to its few roles); the others become conditions. Without one, every role is
 * matched in (name, id) index order.
 */
export function rolesPage({ where, orderBy, first, after }: RolesArgs): PageQuery {
  return {
    select: ({ params }) => {
      const conditions: string[] = [];
      let match = '';
      if (where?.usesTechnology) {
        const technology = `:Technology {id: ${params.add(where.usesTechnology)}}`;
        match = `${derivedRelationCall(worksWith, { from: 'n:Role', to: technology, bound: '', returned: 'n', as: 'n' })} WITH n`;
      }
      const anchored = (pattern: string) => {
        if (match) conditions.push(`EXISTS { ${pattern} }`);
        else match = `MATCH ${pattern}`;
      };
      if (where?.requiresSkill) anchored(`(n:Role)${arrow(requires)}(:Skill {id: ${params.add(where.requiresSkill)}})`);
      if (where?.inTeam) anchored(`(n:Role)${arrow(memberOf)}(:Team {id: ${params.add(where.inTeam)}})`);
      if (where?.nameContains) conditions.push(`toLower(n.name) CONTAINS toLower(${params.add(where.nameContains)})`);
      return { match: match || 'MATCH (n:Role)', conditions };
    },
    direction: orderBy === RoleOrderBy.NAME_DESC ? 'DESC' : 'ASC',
    first,
    after,
  };
}
