import { IsIn, IsOptional } from 'class-validator';
import { ArgsType, Field, InputType } from 'type-graphql';
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

/** The `technologies` list's arguments: its filters, then the page. */
@ArgsType()
export class TechnologiesArgs extends Paginated(TechnologyFilters) {}

@InputType()
export class TechnologyInput extends NodeInput {
  @Field(() => TechnologyKind)
  @IsIn(Object.values(TechnologyKind))
  kind!: TechnologyKind;

  @Field(() => String, { nullable: true })
  @IsText()
  description?: string | null;
}
