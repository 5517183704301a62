import { PageQuery } from '../../graph/connection';
import { MatchContext, paged, RelationSpec, Scope, TypeSpec } from '../../graph/projection';
import { SalaryFilter, salaryConditions } from '../salary/salary.cypher';
import { RoleOrderBy, RolesArgs } from './role.inputs';

/**
 * The one rule for "a role uses a technology": directly (USES) or through one of its responsibilities
 * (HAS_RESPONSIBILITY, then INVOLVES). A CALL subquery importing the variables `bound` that returns
 * `returned` AS `as`, without duplicates; `role` and `technology` are node patterns such as "r:Role".
 */
export function roleUsesTechnology(pattern: { role: string; technology: string; bound: string; returned: string; as: string }): string {
  const { role, technology, bound, returned, as } = pattern;
  return `CALL (${bound}) {
    MATCH (${role})-[:USES]->(${technology}) RETURN ${returned} AS ${as}
    UNION
    MATCH (${role})-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:INVOLVES]->(${technology}) RETURN ${returned} AS ${as}
  }`;
}

/** The technologies a role works with (of one kind, when `kind` is given). */
function technologiesOfRole({ from, to, args, params }: MatchContext): string {
  return (
    roleUsesTechnology({ role: from, technology: 't:Technology', bound: from, returned: 't', as: to }) +
    (args.kind ? ` WITH ${to} WHERE ${to}.kind = ${params.add(args.kind)}` : '')
  );
}

const responsibilities: RelationSpec = {
  target: 'Responsibility',
  match: ({ from, to }) => `MATCH (${from})-[:HAS_RESPONSIBILITY]->(${to}:Responsibility)`,
};
const skills: RelationSpec = {
  target: 'SkillRequirement',
  withRel: true,
  match: ({ from, to, rel }) => `MATCH (${from})-[${rel}:REQUIRES]->(${to}:Skill)`,
};
const technologies: RelationSpec = { target: 'Technology', match: technologiesOfRole };
const collaboratesWith: RelationSpec = {
  target: 'Collaboration',
  withRel: true,
  match: ({ from, to, rel }) => `MATCH (${from})-[${rel}:COLLABORATES_WITH]-(${to}:Role)`,
};
const teams: RelationSpec = { target: 'Team', match: ({ from, to }) => `MATCH (${from})-[:MEMBER_OF]->(${to}:Team)` };

export const ROLE_SPEC: TypeSpec = {
  relations: {
    responsibilities,
    responsibilitiesConnection: paged(responsibilities, 'RoleResponsibilitiesConnection'),
    skills,
    skillsConnection: paged(skills, 'RoleSkillsConnection'),
    technologies,
    technologiesConnection: paged(technologies, 'RoleTechnologiesConnection'),
    collaboratesWith,
    collaboratesWithConnection: paged(collaboratesWith, 'RoleCollaboratesWithConnection'),
    salaries: {
      target: 'Salary',
      match: ({ from, to, args, params }) =>
        `MATCH (${from})-[:EARNS]->(${to}:Salary)${salaryConditions(to, args.where as SalaryFilter | undefined, params)}`,
    },
    standardOccupations: {
      target: 'Role',
      match: ({ from, to }) => `MATCH (${from})-[:MAPS_TO]->(${to}:Role)`,
    },
    technologyUsage: {
      target: 'TechnologyUsage',
      withRel: true,
      match: ({ from, to, rel }) => `MATCH (${from})-[${rel}:USES]->(${to}:Technology)`,
    },
    teams,
    teamsConnection: paged(teams, 'RoleTeamsConnection'),
    sources: {
      target: 'Source',
      match: ({ from, to }) => `CALL (${from}) {
        MATCH (${from})-[:CITES]->(s:Source) RETURN s AS ${to}
        UNION
        MATCH (${from})-[:EARNS|HAS_RESPONSIBILITY]->()-[:CITES]->(s:Source) RETURN s AS ${to}
      }`,
    },
  },
};

export const COLLABORATION_SPEC: TypeSpec = {
  computed: { reason: ({ rel }) => `${rel}.reason` },
  relations: { role: { target: 'Role', single: true } },
};

export const TECHNOLOGY_USAGE_SPEC: TypeSpec = {
  computed: {
    share: ({ rel }) => `${rel}.share`,
    hot: ({ rel }) => `${rel}.hot`,
    inDemand: ({ rel }) => `${rel}.inDemand`,
    source: ({ rel }) => `${rel}.source`,
  },
  relations: { technology: { target: 'Technology', single: true } },
};

/** A property of the role's direct use (USES) of the edge's technology; null when it uses it only through a responsibility. */
const directUse =
  (property: string) =>
  ({ node, from }: Scope): string =>
    `head([(${from})-[${node}use:USES]->(${node}) | ${node}use.${property}])`;

export const ROLE_TECHNOLOGIES_EDGE_SPEC: TypeSpec = {
  computed: { share: directUse('share'), hot: directUse('hot'), inDemand: directUse('inDemand'), source: directUse('source') },
};

export const SKILL_REQUIREMENT_SPEC: TypeSpec = {
  computed: { level: ({ rel }) => `${rel}.level` },
  relations: { skill: { target: 'Skill', single: true } },
};

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
        match = `${roleUsesTechnology({ role: 'n:Role', technology, bound: '', returned: 'n', as: 'n' })} WITH n`;
      }
      const anchored = (pattern: string) => {
        if (match) conditions.push(`EXISTS { ${pattern} }`);
        else match = `MATCH ${pattern}`;
      };
      if (where?.requiresSkill) anchored(`(n:Role)-[:REQUIRES]->(:Skill {id: ${params.add(where.requiresSkill)}})`);
      if (where?.inTeam) anchored(`(n:Role)-[:MEMBER_OF]->(:Team {id: ${params.add(where.inTeam)}})`);
      if (where?.nameContains) conditions.push(`toLower(n.name) CONTAINS toLower(${params.add(where.nameContains)})`);
      return { match: match || 'MATCH (n:Role)', conditions };
    },
    direction: orderBy === RoleOrderBy.NAME_DESC ? 'DESC' : 'ASC',
    first,
    after,
  };
}
