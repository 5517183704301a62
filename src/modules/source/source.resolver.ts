import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { Source, SourceConnection } from './source.type';
import { everyNode, everyNodePage, ROOT_LIST_BOUND } from '../node/node.cypher';
import { PageArgs } from '../connection/connection.inputs';
import { Bounded, useConnection } from '../../graph/list-bound';

@Resolver(() => Source)
export class SourceResolver {
  @Bounded(ROOT_LIST_BOUND)
  @Query(() => [Source], { deprecationReason: useConnection('sourcesConnection', ROOT_LIST_BOUND) })
  sources(@Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.nodes(info, everyNode('Source'));
  }

  @Query(() => SourceConnection, { description: 'Every source, a page at a time, in name order (keyset cursors).' })
  sourcesConnection(@Args() args: PageArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected> {
    return db.page(info, everyNodePage('Source', args));
  }
}
