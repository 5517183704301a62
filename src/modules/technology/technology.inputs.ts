import { IsIn, IsInt, IsOptional, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { TechnologyKind } from './technology.enums';

@ArgsType()
export class TechnologiesArgs {
  @Field(() => TechnologyKind, { nullable: true })
  @IsOptional()
  @IsIn(Object.values(TechnologyKind))
  kind?: TechnologyKind | null;

  @Field(() => Int, { defaultValue: 20, description: '1..100.' })
  @IsInt()
  @Min(1)
  @Max(100)
  first = 20;

  @Field(() => String, { nullable: true })
  @IsOptional()
  @MaxLength(1000)
  after?: string | null;
}
