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
import { relationshipSchema } from './modules/relationship/relationship-fields';
import { authChecker } from './security/auth';
import { validateArgument } from './modules/validation';
import { Responsibility } from './modules/responsibility/responsibility.type';
import { Role } from './modules/role/role.type';
import { Salary } from './modules/salary/salary.type';
import { Skill } from './modules/skill/skill.type';
import { Source } from './modules/source/source.type';
import { Team } from './modules/team/team.type';
import { Technology } from './modules/technology/technology.type';

/** The hand-written node types (their own fields); the model (src/model) gives them their relationship fields. */
const NODE_CLASSES = [Role, Responsibility, Technology, Skill, Salary, Source, Team];

const RELATIONSHIPS = relationshipSchema(NODE_CLASSES);

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
  ...RELATIONSHIPS.resolvers,
] as const;

/** How each GraphQL type's relation fields map to graph patterns: handed to the graph layer's projection compiler. */
export const TYPE_SPECS: TypeSpecs = RELATIONSHIPS.specs;

/**
 * The schema. type-graphql wants the pub/sub of its subscriptions even when, as graphChanged does, they
 * listen through `context.db` (on the same bus), so that their filters are validated when a client subscribes.
 */
export function buildGraphSchema(changes: ChangeBus = createChangeBus()): GraphQLSchema {
  return buildSchemaSync({
    pubSub: changes,
    resolvers: RESOLVERS,
    orphanedTypes: [...NODE_CLASSES, ...RELATIONSHIPS.generatedTypes],
    validate: true,
    validateFn: validateArgument,
    authChecker,
  });
}
