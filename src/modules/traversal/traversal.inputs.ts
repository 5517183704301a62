import { IsInt, Max, Min } from 'class-validator';
import { ArgsType, Field, ID, Int } from 'type-graphql';
import { IsNodeId } from '../node/node.inputs';

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
  @Max(8)
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
  @Max(500)
  limit = 200;
}
