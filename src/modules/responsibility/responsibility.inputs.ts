import { Field, InputType } from 'type-graphql';
import { IsText, NodeInput } from '../node/node.inputs';

@InputType()
export class ResponsibilityInput extends NodeInput {
  @Field(() => String, { nullable: true })
  @IsText()
  description?: string | null;
}
