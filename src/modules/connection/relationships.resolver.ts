import { GraphQLResolveInfo } from 'graphql';
import { Args, ClassType, Extensions, FieldResolver, Info, Resolver, Root } from 'type-graphql';
import { PREFETCHED_FIELD, prefetched } from '../../graph/projection';
import { Responsibility } from '../responsibility/responsibility.type';
import { Role } from '../role/role.type';
import { Skill } from '../skill/skill.type';
import { Team } from '../team/team.type';
import { TechnologiesArgs } from '../technology/technology.inputs';
import { Technology } from '../technology/technology.type';
import { PageArgs } from './connection.inputs';
import * as connections from './relationships.type';

/** A relationship's connection field: on `owner`, answering `type`, with `args` (the page's, by default). */
interface ConnectionField {
  owner: ClassType;
  name: string;
  type: ClassType;
  args?: ClassType;
  description: string;
}

/**
 * Every connection of a relationship, declared once: the projection compiles each from its list's relation
 * spec made paged (projection.ts `paged`), and the field itself only reads what the projection fetched.
 */
const CONNECTION_FIELDS: ConnectionField[] = [
  {
    owner: Role,
    name: 'technologiesConnection',
    type: connections.RoleTechnologiesConnection,
    args: TechnologiesArgs,
    description: 'A page of the technologies the role works with (as `technologies`), in name order; an edge tells what the datasets say of a direct use.',
  },
  { owner: Role, name: 'responsibilitiesConnection', type: connections.RoleResponsibilitiesConnection, description: 'A page of its responsibilities (as `responsibilities`), in name order.' },
  { owner: Role, name: 'skillsConnection', type: connections.RoleSkillsConnection, description: 'A page of the skills it requires (as `skills`), in name order, with the level it needs.' },
  { owner: Role, name: 'collaboratesWithConnection', type: connections.RoleCollaboratesWithConnection, description: 'A page of the roles it works with (as `collaboratesWith`), in name order, with why.' },
  { owner: Role, name: 'teamsConnection', type: connections.RoleTeamsConnection, description: 'A page of its teams (as `teams`), in name order.' },
  { owner: Technology, name: 'usedByConnection', type: connections.TechnologyUsedByConnection, description: 'A page of the roles that use it (as `usedBy`), in name order.' },
  { owner: Technology, name: 'responsibilitiesConnection', type: connections.TechnologyResponsibilitiesConnection, description: 'A page of the responsibilities that involve it (as `responsibilities`), in name order.' },
  { owner: Skill, name: 'requiredByConnection', type: connections.SkillRequiredByConnection, description: 'A page of the roles that require it (as `requiredBy`), in name order, with the level each needs.' },
  { owner: Responsibility, name: 'rolesConnection', type: connections.ResponsibilityRolesConnection, description: 'A page of the roles that carry it (as `roles`), in name order.' },
  { owner: Responsibility, name: 'technologiesConnection', type: connections.ResponsibilityTechnologiesConnection, description: 'A page of the technologies it involves (as `technologies`), in name order.' },
  { owner: Team, name: 'rolesConnection', type: connections.TeamRolesConnection, description: 'A page of its members (as `roles`), in name order.' },
];

/** A resolver of `owner`'s connection fields, each a prefetched field (PREFETCHED_FIELD) whose arguments type-graphql validates. */
function connectionsResolver(owner: ClassType, fields: ConnectionField[]): ClassType {
  @Resolver(() => owner)
  class ConnectionsResolver {}
  const prototype = ConnectionsResolver.prototype as unknown as Record<string, unknown>;
  for (const { name, type, args = PageArgs, description } of fields) {
    const read = (root: Record<string, unknown>, info: GraphQLResolveInfo): unknown => prefetched(root, info);
    prototype[name] = read;
    const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
    Root()(prototype, name, 0);
    Info()(prototype, name, 1);
    Args(() => args)(prototype, name, 2);
    Extensions(PREFETCHED_FIELD)(prototype, name, descriptor);
    FieldResolver(() => type, { description })(prototype, name, descriptor);
  }
  return ConnectionsResolver;
}

export const CONNECTION_RESOLVERS = [...new Set(CONNECTION_FIELDS.map((field) => field.owner))].map((owner) =>
  connectionsResolver(owner, CONNECTION_FIELDS.filter((field) => field.owner === owner)),
);
