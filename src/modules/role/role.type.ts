import { Field, Float, ObjectType } from 'type-graphql';
import { Connection } from '../connection/connection.type';
import { Node } from '../node/node.type';
import { Responsibility } from '../responsibility/responsibility.type';
import { Salary } from '../salary/salary.type';
import { Skill } from '../skill/skill.type';
import { Source } from '../source/source.type';
import { Team } from '../team/team.type';
import { Technology } from '../technology/technology.type';
import { Bounded, useConnection } from '../../graph/list-bound';

const ROLE_RESPONSIBILITIES = 100;
const ROLE_SKILLS = 300;

@ObjectType({ implements: Node, simpleResolvers: true })
export class Role extends Node {
  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => String, { nullable: true, description: 'The ESCO occupation URI, for occupations imported from ESCO.' })
  escoUri?: string | null;

  @Field(() => String, { nullable: true, description: 'ISCO-08 unit group (four digits) of an ESCO occupation.' })
  iscoGroup?: string | null;

  @Field(() => String, { nullable: true, description: 'O*NET-SOC code, for occupations imported from O*NET (e.g. 15-1252.00).' })
  socCode?: string | null;

  @Bounded(10)
  @Field(() => [Role], {
    description: 'The standard occupations (ESCO, O*NET) this team role corresponds to, as cypher/import/crosswalk.csv maps them.',
  })
  standardOccupations!: Role[];

  @Bounded(500)
  @Field(() => [TechnologyUsage], {
    description: 'Technologies the role uses directly, with what the datasets say of the use (share of survey respondents, O*NET hot and in demand).',
  })
  technologyUsage!: TechnologyUsage[];

  @Bounded(ROLE_RESPONSIBILITIES)
  @Field(() => [Responsibility], { deprecationReason: useConnection('responsibilitiesConnection', ROLE_RESPONSIBILITIES) })
  responsibilities!: Responsibility[];

  @Bounded(ROLE_SKILLS)
  @Field(() => [SkillRequirement], { deprecationReason: useConnection('skillsConnection', ROLE_SKILLS) })
  skills!: SkillRequirement[];

  @Bounded(50)
  @Field(() => [Collaboration])
  collaboratesWith!: Collaboration[];

  @Bounded(20)
  @Field(() => [Team])
  teams!: Team[];

  @Bounded(200)
  @Field(() => [Source], { description: 'Where the facts about this role come from.' })
  sources!: Source[];

  // `technologies(kind:)` and `salaries(where:)` take arguments: see RoleResolver.
  technologies?: Technology[];
  salaries?: Salary[];
}

@ObjectType({ simpleResolvers: true })
export class Collaboration {
  @Field(() => Role)
  role!: Role;

  @Field(() => String, { nullable: true })
  reason?: string | null;
}

/** What the datasets say of a role's use of a technology: on TechnologyUsage and on the edges of Role.technologiesConnection. */
@ObjectType({ simpleResolvers: true })
export class UsageProperties {
  @Field(() => Float, { nullable: true, description: "Fraction (0-1) of the role's survey respondents who worked with it." })
  share?: number | null;

  @Field(() => Boolean, { nullable: true, description: 'O*NET: a hot technology (frequently in job postings).' })
  hot?: boolean | null;

  @Field(() => Boolean, { nullable: true, description: 'O*NET: in demand for this occupation.' })
  inDemand?: boolean | null;

  @Field(() => String, { nullable: true, description: 'Id of the Source the relationship comes from.' })
  source?: string | null;
}

@ObjectType({ simpleResolvers: true })
export class TechnologyUsage extends UsageProperties {
  @Field(() => Technology)
  technology!: Technology;
}

@ObjectType({ simpleResolvers: true })
export class SkillRequirement {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => String, { nullable: true })
  level?: string | null;
}

export const RoleConnection = Connection(Role);
