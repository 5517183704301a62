import { GraphQLResolveInfo } from 'graphql';
import { Args, Ctx, Info, Resolver, Root, Subscription, SubscribeResolverData } from 'type-graphql';
import { Context } from '../../context';
import { GraphChange as Change } from '../../graph/changes';
import { Projected } from '../../graph/db';
import { validated } from '../validation';
import { ChangeFilters } from './change.inputs';
import { GraphChange } from './change.type';

/** Whether a change passes the subscriber's filters (ANDed; an absent filter lets everything through). */
export function matchesFilters(change: Change, { ids, labels }: ChangeFilters): boolean {
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
      return context.db.listen((change) => matchesFilters(change, filters));
    },
    description: 'Changes to the graph, sent after their transaction commits. Filters are ANDed; none = every change.',
  })
  graphChanged(@Root() change: Change, @Args() _filters: ChangeFilters, @Ctx() { db }: Context, @Info() info: GraphQLResolveInfo): Projected {
    return db.shaped(info, change as unknown as Record<string, unknown>);
  }
}
