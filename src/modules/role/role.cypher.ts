import { Parameters, TypeSpec } from '../../graph/projection';
import { SalaryFilter, salaryConditions } from '../salary/salary.cypher';
import { RoleWhere } from './role.inputs';

/** Technologies of a role: the ones it uses directly and the ones its responsibilities involve. */
export function roleTechnologies(role: string, technology: string): string {
  return `CALL (${role}) {
    MATCH (${role})-[:USES]->(t:Technology) RETURN t AS ${technology}
    UNION
    MATCH (${role})-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:INVOLVES]->(t:Technology) RETURN t AS ${technology}
  }`;
}

export const ROLE_SPEC: TypeSpec = {
  relations: {
    responsibilities: {
      target: 'Responsibility',
      match: ({ from, to }) => `MATCH (${from})-[:HAS_RESPONSIBILITY]->(${to}:Responsibility)`,
    },
    skills: {
      target: 'SkillRequirement',
      withRel: true,
      match: ({ from, to, rel }) => `MATCH (${from})-[${rel}:REQUIRES]->(${to}:Skill)`,
    },
    technologies: {
      target: 'Technology',
      match: ({ from, to, args, params }) =>
        roleTechnologies(from, to) + (args.kind ? ` WITH ${to} WHERE ${to}.kind = ${params.add(args.kind)}` : ''),
    },
    collaboratesWith: {
      target: 'Collaboration',
      withRel: true,
      match: ({ from, to, rel }) => `MATCH (${from})-[${rel}:COLLABORATES_WITH]-(${to}:Role)`,
    },
    salaries: {
      target: 'Salary',
      match: ({ from, to, args, params }) =>
        `MATCH (${from})-[:EARNS]->(${to}:Salary)${salaryConditions(to, args.where as SalaryFilter | undefined, params)}`,
    },
    teams: {
      target: 'Team',
      match: ({ from, to }) => `MATCH (${from})-[:MEMBER_OF]->(${to}:Team)`,
    },
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

export const SKILL_REQUIREMENT_SPEC: TypeSpec = {
  computed: { level: ({ rel }) => `${rel}.level` },
  relations: { skill: { target: 'Skill', single: true } },
};

/** Filter conditions of the `roles` query on role variable `n`. */
export function roleConditions(where: RoleWhere | null | undefined, params: Parameters): string[] {
  const conditions: string[] = [];
  if (where?.nameContains) conditions.push(`toLower(n.name) CONTAINS toLower(${params.add(where.nameContains)})`);
  if (where?.usesTechnology) {
    const id = params.add(where.usesTechnology);
    conditions.push(
      `(EXISTS { (n)-[:USES]->(:Technology {id: ${id}}) } OR EXISTS { (n)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:INVOLVES]->(:Technology {id: ${id}}) })`,
    );
  }
  if (where?.requiresSkill) conditions.push(`EXISTS { (n)-[:REQUIRES]->(:Skill {id: ${params.add(where.requiresSkill)}}) }`);
  if (where?.inTeam) conditions.push(`EXISTS { (n)-[:MEMBER_OF]->(:Team {id: ${params.add(where.inTeam)}}) }`);
  return conditions;
}
