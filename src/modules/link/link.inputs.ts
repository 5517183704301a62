import { IsIn, MaxLength } from 'class-validator';
import { Field, ID, InputType, registerEnumType } from 'type-graphql';
import { MODEL } from '../../model/model';
import { linkablePropertyDescription } from '../../model/cypher';
import { IsNodeId, IsText } from '../node/node.inputs';

/** One value per relationship type of the model (src/model). */
export type RelationType = string;
export const RelationType: Record<string, RelationType> = Object.fromEntries(MODEL.relationships.map(({ type }) => [type, type]));
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

  @Field(() => String, { nullable: true, description: linkablePropertyDescription('reason') })
  @IsText()
  reason?: string | null;

  @Field(() => String, { nullable: true, description: linkablePropertyDescription('level') })
  @IsText()
  @MaxLength(200)
  level?: string | null;
}
