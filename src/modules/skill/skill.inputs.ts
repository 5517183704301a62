import { IsIn, MaxLength } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { Paginated } from '../connection/connection.inputs';
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

export enum SkillOrderBy {
  NAME_ASC = 'NAME_ASC',
  REQUIRED_BY_DESC = 'REQUIRED_BY_DESC',
}
registerEnumType(SkillOrderBy, {
  name: 'SkillOrderBy',
  valuesConfig: { REQUIRED_BY_DESC: { description: 'Most required first: by how many roles require it, then by name.' } },
});

@ArgsType()
class SkillOrder {
  @Field(() => SkillOrderBy, { nullable: true, defaultValue: SkillOrderBy.NAME_ASC })
  @IsIn(Object.values(SkillOrderBy))
  orderBy: SkillOrderBy = SkillOrderBy.NAME_ASC;
}

/** The `skillsConnection` arguments: its order, then the page. */
@ArgsType()
export class SkillsArgs extends Paginated(SkillOrder) {}
