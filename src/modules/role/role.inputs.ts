import { IsIn, IsInt, IsOptional, Max, MaxLength, Min, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, Int, registerEnumType } from 'type-graphql';
import { IsNodeId, IsText, NodeInput } from '../node/node.inputs';

export enum RoleOrderBy {
  NAME_ASC = 'NAME_ASC',
  NAME_DESC = 'NAME_DESC',
}
registerEnumType(RoleOrderBy, { name: 'RoleOrderBy' });

@InputType()
export class RoleWhere {
  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(200)
  nameContains?: string | null;

  @Field(() => ID, { nullable: true, description: 'Directly or through a responsibility.' })
  @IsOptional()
  @IsNodeId()
  usesTechnology?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsNodeId()
  requiresSkill?: string | null;

  @Field(() => ID, { nullable: true })
  @IsOptional()
  @IsNodeId()
  inTeam?: string | null;
}

@ArgsType()
export class RolesArgs {
  @Field(() => RoleWhere, { nullable: true })
  @IsOptional()
  @ValidateNested()
  where?: RoleWhere | null;

  @Field(() => RoleOrderBy, { nullable: true, defaultValue: RoleOrderBy.NAME_ASC })
  @IsIn(Object.values(RoleOrderBy))
  orderBy: RoleOrderBy = RoleOrderBy.NAME_ASC;

  @Field(() => Int, { nullable: true, defaultValue: 20, description: '1..100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  after?: string | null;
}

@InputType()
export class RoleInput extends NodeInput {
  @Field(() => String, { nullable: true })
  @IsText()
  summary?: string | null;
}
