import { IsIn, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, InputType, Int } from 'type-graphql';
import { IsText, NodeInput } from '../node/node.inputs';
import { TechnologyKind } from './technology.enums';

@ArgsType()
export class TechnologiesArgs {
  @Field(() => TechnologyKind, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TechnologyKind))
  kind?: TechnologyKind | null;

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
export class TechnologyInput extends NodeInput {
  @Field(() => TechnologyKind)
  @IsIn(Object.values(TechnologyKind))
  kind!: TechnologyKind;

  @Field(() => String, { nullable: true })
  @IsText()
  description?: string | null;
}
