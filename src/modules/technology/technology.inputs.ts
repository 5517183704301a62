import { IsIn, IsOptional } from 'class-validator';
import { ArgsType, Field, InputType, registerEnumType } from 'type-graphql';
import { Paginated } from '../connection/connection.inputs';
import { IsText, NodeInput } from '../node/node.inputs';
import { TechnologyKind } from './technology.enums';

/** The filters of every list of technologies. */
@ArgsType()
export class TechnologyFilters {
  @Field(() => TechnologyKind, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TechnologyKind))
  kind?: TechnologyKind | null;
}

/** A page of technologies of one kind: Role.technologiesConnection's arguments. */
@ArgsType()
export class TechnologyKindPageArgs extends Paginated(TechnologyFilters) {}

export enum TechnologyOrderBy {
  NAME_ASC = 'NAME_ASC',
  USERS_DESC = 'USERS_DESC',
}
registerEnumType(TechnologyOrderBy, {
  name: 'TechnologyOrderBy',
  valuesConfig: { USERS_DESC: { description: 'Most used first: by how many roles work with it (directly or through a responsibility), then by name.' } },
});

@ArgsType()
class TechnologyListFilters extends TechnologyFilters {
  @Field(() => TechnologyOrderBy, { nullable: true, defaultValue: TechnologyOrderBy.NAME_ASC })
  @IsIn(Object.values(TechnologyOrderBy))
  orderBy: TechnologyOrderBy = TechnologyOrderBy.NAME_ASC;
}

/** The `technologies` list's arguments: its filters and order, then the page. */
@ArgsType()
export class TechnologiesArgs extends Paginated(TechnologyListFilters) {}

@InputType()
export class TechnologyInput extends NodeInput {
  @Field(() => TechnologyKind)
  @IsIn(Object.values(TechnologyKind))
  kind!: TechnologyKind;

  @Field(() => String, { nullable: true })
  @IsText()
  description?: string | null;
}
