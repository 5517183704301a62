import { ArrayMaxSize, IsIn, IsOptional, Length, Matches } from 'class-validator';
import { ArgsType, Field, ID } from 'type-graphql';
import { ID_PATTERN } from '../node/node.inputs';
import { NodeLabel } from '../node/node.type';

@ArgsType()
export class ChangeFilters {
  @Field(() => [ID], { nullable: true, description: 'Changes whose id, from or to is one of these (at most 100).' })
  @IsOptional()
  @ArrayMaxSize(100)
  @Length(1, 100, { each: true })
  @Matches(ID_PATTERN, { each: true, message: 'each of ids must be lower-case kebab-case (a-z, 0-9 and single hyphens)' })
  ids?: string[] | null;

  @Field(() => [NodeLabel], { nullable: true, description: 'Changes to nodes of these labels (for links: the start node\'s).' })
  @IsOptional()
  @ArrayMaxSize(Object.keys(NodeLabel).length)
  @IsIn(Object.values(NodeLabel), { each: true })
  labels?: NodeLabel[] | null;

  @Field(() => String, {
    nullable: true,
    description: "A change's cursor: first the changes committed after it, in order, then the live ones, none twice. One from before the change log's retention, or of a wiped database, gets RESYNC first.",
  })
  @IsOptional()
  @Length(1, 100)
  after?: string | null;
}
