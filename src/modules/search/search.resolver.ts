import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Query, Resolver } from 'type-graphql';
import { Context } from '../../context';
import { Projected } from '../../graph/db';
import { search } from './search.cypher';
import { MAX_SEARCH_HITS, SearchArgs } from './search.inputs';
import { SearchHit } from './search.type';
import { Bounded } from '../../graph/list-bound';

@Resolver()
export class SearchResolver {
  @Bounded(MAX_SEARCH_HITS)
  @Query(() => [SearchHit], { description: 'Full-text search over names and descriptions, best first. first: 1..50.' })
  search(@Args() args: SearchArgs, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Promise<Projected[]> {
    return db.rows(info, search(args));
  }
}
