import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Bounded } from '../../graph/list-bound';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

/** `<Item>Edge { cursor, node }`: one node of a page and the cursor that continues after it. */
export function Edge<Item extends object>(item: ClassType<Item>) {
  @ObjectType(`${item.name}Edge`, { simpleResolvers: true })
  class EdgeType {
    @Field()
    cursor!: string;

    @Field(() => item)
    node!: Item;
  }
  return EdgeType;
}

/**
 * `<Item>Connection { edges, pageInfo, totalCount }`, a Relay connection with keyset cursors (see
 * src/graph/connection.ts). A paginated list is one line: `export const RoleConnection = Connection(Role);`,
 * a query returning it with arguments `extends Paginated(Filters)`, and its PageQuery in the concept's Cypher file.
 */
export function Connection<Item extends object>(item: ClassType<Item>) {
  const ItemEdge = Edge(item);

  @ObjectType(`${item.name}Connection`, { simpleResolvers: true })
  class ConnectionType {
    @Bounded('page')
    @Field(() => [ItemEdge])
    edges!: InstanceType<typeof ItemEdge>[];

    @Field(() => PageInfo)
    pageInfo!: PageInfo;

    @Field(() => Int)
    totalCount!: number;
  }
  return ConnectionType;
}
