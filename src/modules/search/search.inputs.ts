import { ArrayMaxSize, IsIn, IsInt, IsOptional, Matches, Max, MaxLength, Min } from 'class-validator';
import { ArgsType, Field, Int } from 'type-graphql';
import { NodeLabel } from '../node/node.type';

export const MAX_SEARCH_HITS = 50;

@ArgsType()
export class SearchArgs {
  @Field()
  @MaxLength(200)
  @Matches(/\S/, { message: 'text must not be blank' })
  text!: string;

  @Field(() => [NodeLabel], { nullable: true })
  @IsOptional()
  @ArrayMaxSize(Object.keys(NodeLabel).length)
  @IsIn(Object.values(NodeLabel), { each: true })
  labels?: NodeLabel[] | null;

  @Field(() => Int, { nullable: true, defaultValue: 10, description: '1..50.' })
  @IsInt()
  @Min(1)
  @Max(MAX_SEARCH_HITS)
  first = 10;
}
