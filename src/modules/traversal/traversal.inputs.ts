import { IsInt, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsNodeId } from '../node/node.inputs';

export const MAX_HOPS = 8;
export const MAX_NEIGHBORHOOD_NODES = 500;
/** The most relationships a neighbourhood answers between its nodes. */
export const MAX_NEIGHBORHOOD_EDGES = 2_000;

@ArgsType()
export class PathArgs {
  @Field(() => ID)
  @IsNodeId()
  from!: string;

  @Field(() => ID)
  @IsNodeId()
  to!: string;

  @Field(() => Int, { nullable: true, defaultValue: 6, description: '1..8.' })
  @IsInt()
  @Min(1)
  @Max(MAX_HOPS)
  maxHops = 6;
}

@ArgsType()
export class NeighborhoodArgs {
  @Field(() => ID)
  @IsNodeId()
  id!: string;

  @Field(() => Int, { nullable: true, defaultValue: 1, description: '1..3.' })
  @IsInt()
  @Min(1)
  @Max(3)
  depth = 1;

  @Field(() => Int, { nullable: true, defaultValue: 200, description: '1..500.' })
  @IsInt()
  @Min(1)
  @Max(MAX_NEIGHBORHOOD_NODES)
  limit = 200;
}
