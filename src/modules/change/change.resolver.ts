import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Resolver, Root, Subscription, SubscribeResolverData } from 'type-graphql';
import { Context } from '../../context';
import { GraphChange as Change } from '../../graph/changes';
import { Projected } from '../../graph/db';
import { validated } from '../validation';
import { ChangeFilters } from './change.inputs';
import { GraphChange } from './change.type';

/**
 * Whether a change passes the subscriber's filters (ANDed; an absent filter lets everything through). A BULK
 * change passes when it counts a label asked for, and an ids filter when its ids (listed when few) name one,
 * or when they are too many to list.
 */
export function matchesFilters(change: Change, { ids, labels }: ChangeFilters): boolean {
  if (change.bulk) {
    const bulkIds = change.bulk.ids;
    const idMatches = !ids || !bulkIds || ids.some((id) => bulkIds.includes(id));
    const labelMatches = !labels || change.bulk.labels.some(({ label }) => (labels as string[]).includes(label));
    return idMatches && labelMatches;
  }
  const idMatches = !ids || ids.some((id) => id === change.id || id === change.from || id === change.to);
  const labelMatches = !labels || (change.label !== null && (labels as string[]).includes(change.label));
  return idMatches && labelMatches;
}

@Resolver()
export class ChangeResolver {
  @Subscription(() => GraphChange, {
    // The filters are validated when the client subscribes, not at its first event.
    subscribe: async ({ args, context }: SubscribeResolverData<unknown, ChangeFilters, Context>) => {
      const filters = await validated(ChangeFilters, args);
      return context.db.listen((change) => matchesFilters(change, filters), filters.after);
    },
    description:
      'Changes to the graph from every writer (the API, Cypher scripts, seeds, imports), sent after their transaction commits, in commit order. Filters are ANDed; none = every change. `after` (a change\'s cursor) first replays what was missed.',
  })
  graphChanged(@Root() change: Change, @Args() _filters: ChangeFilters, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Projected {
    return db.shaped(info, change as unknown as Record<string, unknown>);
  }
}
