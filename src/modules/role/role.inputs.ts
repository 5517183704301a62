import { IsIn, IsOptional, MaxLength, ValidateNested } from 'class-validator';
import { ArgsType, Field, ID, InputType, registerEnumType } from 'type-graphql';
import { Paginated } from '../connection/connection.inputs';
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
class RoleFilters {
  @Field(() => RoleWhere, { nullable: true })
  @IsOptional()
  @ValidateNested()
  where?: RoleWhere | null;

  @Field(() => RoleOrderBy, { nullable: true, defaultValue: RoleOrderBy.NAME_ASC })
  @IsIn(Object.values(RoleOrderBy))
  orderBy: RoleOrderBy = RoleOrderBy.NAME_ASC;
}

/** The `roles` list's arguments: its filters, then the page. */
@ArgsType()
export class RolesArgs extends Paginated(RoleFilters) {}

@InputType()
export class RoleInput extends NodeInput {
  @Field(() => String, { nullable: true })
  @IsText()
  summary?: string | null;
}
