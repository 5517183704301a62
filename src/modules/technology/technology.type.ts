import { Field, Int, ObjectType } from 'type-graphql';
import { Node } from '../node/node.type';
import { Responsibility } from '../responsibility/responsibility.type';
import { PageInfo, Role } from '../role/role.type';
import { TechnologyKind } from './technology.enums';

@ObjectType({ implements: Node, simpleResolvers: true })
export class Technology extends Node {
  @Field(() => TechnologyKind)
  kind!: TechnologyKind;

  @Field(() => String, { nullable: true })
  description?: string | null;

  @Field(() => [Role], { description: 'Roles that use it, directly or through a responsibility.' })
  usedBy!: Role[];

  @Field(() => [Responsibility])
  responsibilities!: Responsibility[];
}

@ObjectType({ simpleResolvers: true })
export class TechnologyEdge {
  @Field()
  cursor!: string;

  @Field(() => Technology)
  node!: Technology;
}

@ObjectType({ simpleResolvers: true })
export class TechnologyConnection {
  @Field(() => [TechnologyEdge])
  edges!: TechnologyEdge[];

  @Field(() => PageInfo)
  pageInfo!: PageInfo;

  @Field(() => Int)
  totalCount!: number;
}
