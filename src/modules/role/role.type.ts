import { Field, ObjectType } from 'type-graphql';
import { Connection } from '../connection/connection.type';
import { Node } from '../node/node.type';
import { Responsibility } from '../responsibility/responsibility.type';
import { Salary } from '../salary/salary.type';
import { Skill } from '../skill/skill.type';
import { Source } from '../source/source.type';
import { Team } from '../team/team.type';
import { Technology } from '../technology/technology.type';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Role extends Node {
  @Field(() => String, { nullable: true })
  summary?: string | null;

  @Field(() => [Responsibility])
  responsibilities!: Responsibility[];

  @Field(() => [SkillRequirement])
  skills!: SkillRequirement[];

  @Field(() => [Collaboration])
  collaboratesWith!: Collaboration[];

  @Field(() => [Team])
  teams!: Team[];

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

@ObjectType({ simpleResolvers: true })
export class SkillRequirement {
  @Field(() => Skill)
  skill!: Skill;

  @Field(() => String, { nullable: true })
  level?: string | null;
}

export const RoleConnection = Connection(Role);
