import { ClassType, Field, Int, ObjectType } from 'type-graphql';
import { Bounded } from '../../graph/list-bound';

@ObjectType({ simpleResolvers: true })
export class PageInfo {
  @Field()
  hasNextPage!: boolean;

  @Field(() => String, { nullable: true })
  endCursor?: string | null;
}

/** Names the types of a connection and gives its edges the relationship's properties (the fields of a base @ObjectType with simple resolvers). */
export interface ConnectionOptions {
  /** `<name>Connection` and `<name>Edge`; by default the item type's name. */
  name?: string;
  edgeProperties?: ClassType<object>;
}

/** `<Name>Edge { cursor, node }`: one node of a page, the cursor that continues after it, and the relationship's properties. */
export function Edge<Item extends object>(item: ClassType<Item>, { name = item.name, edgeProperties = class {} }: ConnectionOptions = {}) {
  @ObjectType(`${name}Edge`, { simpleResolvers: true })
  class EdgeType extends edgeProperties {
    @Field()
    cursor!: string;

    @Field(() => item)
    node!: Item;
  }
  return EdgeType;
}

/**
 * `<Name>Connection { edges, pageInfo, totalCount }`, a Relay connection with keyset cursors (see
 * src/graph/connection.ts). A paginated list is one line: `export const RoleConnection = Connection(Role);`,
 * a query returning it with arguments `extends Paginated(Filters)`, and its PageQuery in the concept's Cypher file.
 * A relationship's connection (`Role.technologiesConnection`) is named after both ends and compiled by the
 * projection from its relation spec (`paged: true`).
 */
export function Connection<Item extends object>(item: ClassType<Item>, options: ConnectionOptions = {}) {
  const ItemEdge = Edge(item, options);

  @ObjectType(`${options.name ?? item.name}Connection`, { simpleResolvers: true })
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
