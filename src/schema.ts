import 'reflect-metadata';
import { GraphQLSchema } from 'graphql';
import { buildSchemaSync } from 'type-graphql';
import { NodeResolver } from './modules/node/node.resolver';
import { ResponsibilityResolver } from './modules/responsibility/responsibility.resolver';
import { RoleResolver } from './modules/role/role.resolver';
import { SalaryResolver } from './modules/salary/salary.resolver';
import { SkillResolver } from './modules/skill/skill.resolver';
import { SourceResolver } from './modules/source/source.resolver';
import { TeamResolver } from './modules/team/team.resolver';
import { TechnologyResolver } from './modules/technology/technology.resolver';
import { TraversalResolver } from './modules/traversal/traversal.resolver';
import { LinkResolver } from './modules/link/link.resolver';
import { authChecker } from './security/auth';
import { validateArgument } from './modules/validation';
import { Responsibility } from './modules/responsibility/responsibility.type';
import { Role } from './modules/role/role.type';
import { Salary } from './modules/salary/salary.type';
import { Skill } from './modules/skill/skill.type';
import { Source } from './modules/source/source.type';
import { Team } from './modules/team/team.type';
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
  TraversalResolver,
  LinkResolver,
] as const;

/** Every implementation of the Node interface, so each is in the schema even when only reachable through Node. */
const NODE_TYPES = [Role, Responsibility, Technology, Skill, Salary, Source, Team];

export function buildGraphSchema(): GraphQLSchema {
  return buildSchemaSync({
    resolvers: RESOLVERS,
    orphanedTypes: NODE_TYPES,
    validate: true,
    validateFn: validateArgument,
    authChecker,
  });
}
