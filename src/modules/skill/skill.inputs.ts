import { MaxLength } from 'class-validator';
import { Field, InputType } from 'type-graphql';
import { IsText, NodeInput } from '../node/node.inputs';

@InputType()
export class SkillInput extends NodeInput {
  @Field(() => String, { nullable: true })
  @IsText()
  @MaxLength(200)
  category?: string | null;

  @Field(() => String, { nullable: true })
  @IsText()
  description?: string | null;
}
