import { IsIn, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { IsNodeId, IsText } from '../node/node.inputs';

export enum RelationType {
  HAS_RESPONSIBILITY = 'HAS_RESPONSIBILITY',
  INVOLVES = 'INVOLVES',
  USES = 'USES',
  REQUIRES = 'REQUIRES',
  COLLABORATES_WITH = 'COLLABORATES_WITH',
  MEMBER_OF = 'MEMBER_OF',
  EARNS = 'EARNS',
  CITES = 'CITES',
  MAPS_TO = 'MAPS_TO',
}
registerEnumType(RelationType, { name: 'RelationType' });

@InputType()
export class LinkInput {
  @Field(() => ID)
  @IsNodeId()
  from!: string;

  @Field(() => ID)
  @IsNodeId()
  to!: string;

  @Field(() => RelationType)
  @IsIn(Object.values(RelationType))
  type!: RelationType;

  @Field(() => String, { nullable: true, description: 'Why two roles collaborate (COLLABORATES_WITH).' })
  @IsText()
  reason?: string | null;

  @Field(() => String, { nullable: true, description: 'How well a role needs a skill (REQUIRES).' })
  @IsText()
  @MaxLength(200)
  level?: string | null;
}
