import { Field, ObjectType } from 'type-graphql';
import { Bounded } from '../../graph/list-bound';
import { Node } from '../node/node.type';
import { ALTERNATIVE_NAMES_BOUND } from '../role/role.type';
import { Connection } from '../connection/connection.type';


@ObjectType({ implements: Node, simpleResolvers: true })
export class Skill extends Node {
  @Field(() => String, { nullable: true })
  category?: string | null;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => String, { nullable: true, description: 'ESCO skill type: "skill/competence" or "knowledge".' })
  skillType?: string | null;

  @Field(() => String, { nullable: true, description: 'ESCO reuse level: transversal, cross-sector, sector-specific or occupation-specific.' })
  reuseLevel?: string | null;

  @Field(() => String, { nullable: true, description: 'The ESCO concept URI, for skills imported from ESCO.' })
  escoUri?: string | null;

  @Field(() => [String], { nullable: true, description: 'Other names of the skill (ESCO alternative labels); `search` finds them.' })
  @Bounded(ALTERNATIVE_NAMES_BOUND)
  alternativeNames?: string[] | null;
}

export const SkillConnection = Connection(Skill);
