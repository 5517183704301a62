import { Field, ObjectType } from 'type-graphql';
import { Responsibility } from '../responsibility/responsibility.type';
import { Role, UsageProperties } from '../role/role.type';
import { Skill } from '../skill/skill.type';
import { Team } from '../team/team.type';
import { Technology } from '../technology/technology.type';
import { Connection } from './connection.type';

/**
 * The connections of relationships (`Role.technologiesConnection`, …), named after both ends as
 * @neo4j/graphql names them. They live apart from the node types, which import one another, so that
 * every type they page is defined when they are built.
 */

@ObjectType({ simpleResolvers: true })
class RequirementProperties {
  @Field(() => String, { nullable: true, description: 'How well the role needs the skill.' })
  level?: string | null;
}

@ObjectType({ simpleResolvers: true })
class CollaborationProperties {
  @Field(() => String, { nullable: true, description: 'Why the two roles work together.' })
  reason?: string | null;
}

/** A page of the technologies a role works with; an edge carries what the datasets say of a direct use. */
export const RoleTechnologiesConnection = Connection(Technology, { name: 'RoleTechnologies', edgeProperties: UsageProperties });
export const RoleResponsibilitiesConnection = Connection(Responsibility, { name: 'RoleResponsibilities' });
export const RoleSkillsConnection = Connection(Skill, { name: 'RoleSkills', edgeProperties: RequirementProperties });
export const RoleCollaboratesWithConnection = Connection(Role, { name: 'RoleCollaboratesWith', edgeProperties: CollaborationProperties });
export const RoleTeamsConnection = Connection(Team, { name: 'RoleTeams' });

/** A page of the roles that use a technology, directly or through a responsibility. */
export const TechnologyUsedByConnection = Connection(Role, { name: 'TechnologyUsedBy' });
export const TechnologyResponsibilitiesConnection = Connection(Responsibility, { name: 'TechnologyResponsibilities' });

/** A page of the roles that require a skill, with how well each needs it. */
export const SkillRequiredByConnection = Connection(Role, { name: 'SkillRequiredBy', edgeProperties: RequirementProperties });

export const ResponsibilityRolesConnection = Connection(Role, { name: 'ResponsibilityRoles' });
export const ResponsibilityTechnologiesConnection = Connection(Technology, { name: 'ResponsibilityTechnologies' });

export const TeamRolesConnection = Connection(Role, { name: 'TeamRoles' });
