import { GraphQLField, GraphQLOutputType, getNullableType, isListType } from 'graphql';
import { Extensions } from 'type-graphql';

/**
 * How many items a list field can answer, declared once on the field and read by the cost estimate (a list
 * costs its bound, never a guess), the projection (its Cypher collects at most bound + 1 items, so "more"
 * is seen without reading it) and the result check (a list past its bound is refused, never cut short):
 * - a number: the most items the field answers; past it the operation answers RESULT_TOO_LARGE, which says
 *   how to page;
 * - 'page': one item per item of the page its parent field asked for with `first` (a connection's edges),
 *   which the parent's cost has already counted.
 */
export type ListBound = number | 'page';

const EXTENSION = 'listBound';

/** Declares the bound of a list field (see ListBound). */
export function Bounded(bound: ListBound): MethodDecorator & PropertyDecorator {
  return Extensions({ [EXTENSION]: bound });
}

/** The deprecation of a list that grows with the data, in favour of its connection. */
export function useConnection(connection: string, bound: number): string {
  return `Use ${connection}: this list answers at most ${bound} items (RESULT_TOO_LARGE past that).`;
}

export function isList(type: GraphQLOutputType): boolean {
  return isListType(getNullableType(type));
}

/** The declared bound of a list field; a list field without one is a programming error (test/unit/result-budget.test.ts checks every list declares one). */
export function listBound(field: GraphQLField<unknown, unknown>, owner: string): ListBound {
  const bound = field.extensions?.[EXTENSION] as ListBound | undefined;
  if (bound === undefined) throw new Error(`The list field ${owner}.${field.name} declares no bound (@Bounded)`);
  return bound;
}

/** The most items a list field answers when it is a fixed number (undefined for 'page' bounds and non-lists). */
export function maxItems(field: GraphQLField<unknown, unknown>, owner: string): number | undefined {
  if (!isList(field.type)) return undefined;
  const bound = listBound(field, owner);
  return bound === 'page' ? undefined : bound;
}
