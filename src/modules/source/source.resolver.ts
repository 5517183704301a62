import { GraphQLResolveInfo } from 'graphql';
import { Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { Source } from './source.type';
import { everyNode } from '../node/node.cypher';

@Resolver(() => Source)
export class SourceResolver {
  @Query(() => [Source])
  sources(@Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.nodes(info, everyNode('Source'));
  }
}
