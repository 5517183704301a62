import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { ChangeBus, createChangeBus } from './graph/changes';
import { TypeSpecs } from './graph/projection';
// Query and Mutation fields follow the order these modules are imported in (schema.graphql shows it).
import { NodeResolver } from './modules/node/node.resolver';
import { ResponsibilityResolver } from './modules/responsibility/responsibility.resolver';
import { RoleResolver } from './modules/role/role.resolver';
import { SalaryResolver } from './modules/salary/salary.resolver';
import { SkillResolver } from './modules/skill/skill.resolver';
import { SourceResolver } from './modules/source/source.resolver';
import { TeamResolver } from './modules/team/team.resolver';
import { TechnologyResolver } from './modules/technology/technology.resolver';
import { SearchResolver } from './modules/search/search.resolver';
import { TraversalResolver } from './modules/traversal/traversal.resolver';
import { StatsResolver } from './modules/stats/stats.resolver';
import { LinkResolver } from './modules/link/link.resolver';
import { ChangeResolver } from './modules/change/change.resolver';
import { CONNECTION_RESOLVERS } from './modules/connection/relationships.resolver';
import { authChecker } from './security/auth';
import { validateArgument } from './modules/validation';
import { RESPONSIBILITY_SPEC } from './modules/responsibility/responsibility.cypher';
import { Responsibility } from './modules/responsibility/responsibility.type';
import { COLLABORATION_SPEC, ROLE_SPEC, ROLE_TECHNOLOGIES_EDGE_SPEC, SKILL_REQUIREMENT_SPEC, TECHNOLOGY_USAGE_SPEC } from './modules/role/role.cypher';
import { Role } from './modules/role/role.type';
import { SALARY_SPEC } from './modules/salary/salary.cypher';
import { Salary } from './modules/salary/salary.type';
import { SKILL_SPEC } from './modules/skill/skill.cypher';
import { Skill } from './modules/skill/skill.type';
import { Source } from './modules/source/source.type';
import { TEAM_SPEC } from './modules/team/team.cypher';
import { Team } from './modules/team/team.type';
import { TECHNOLOGY_SPEC } from './modules/technology/technology.cypher';
import { Technology } from './modules/technology/technology.type';

export const RESOLVERS = [
  NodeResolver,
  RoleResolver,
  ResponsibilityResolver,
  TechnologyResolver,
  SkillResolver,
  SalaryResolver,
  SourceResolver,
  TeamResolver,
  SearchResolver,
  TraversalResolver,
  StatsResolver,
  LinkResolver,
  ChangeResolver,
  ...CONNECTION_RESOLVERS,
] as const;

/** Every implementation of the Node interface, so each is in the schema even when only reachable through Node. */
const NODE_TYPES = [Role, Responsibility, Technology, Skill, Salary, Source, Team];

/** How each GraphQL type's relation fields map to graph patterns: handed to the graph layer's projection compiler. */
export const TYPE_SPECS: TypeSpecs = {
  Role: ROLE_SPEC,
  Collaboration: COLLABORATION_SPEC,
  SkillRequirement: SKILL_REQUIREMENT_SPEC,
  TechnologyUsage: TECHNOLOGY_USAGE_SPEC,
  RoleTechnologiesEdge: ROLE_TECHNOLOGIES_EDGE_SPEC,
  Responsibility: RESPONSIBILITY_SPEC,
  Technology: TECHNOLOGY_SPEC,
  Skill: SKILL_SPEC,
  Salary: SALARY_SPEC,
  Team: TEAM_SPEC,
};

/**
 * The schema. type-graphql wants the pub/sub of its subscriptions even when, as graphChanged does, they
 * listen through `context.db` (on the same bus), so that their filters are validated when a client subscribes.
 */
export function buildGraphSchema(changes: ChangeBus = createChangeBus()): GraphQLSchema {
  return buildSchemaSync({
    pubSub: changes,
    resolvers: RESOLVERS,
    orphanedTypes: NODE_TYPES,
    validate: true,
    validateFn: validateArgument,
    authChecker,
  });
}
