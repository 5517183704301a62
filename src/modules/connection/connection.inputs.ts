import { IsInt, IsOptional, Max, MaxLength, Min, ValidateBy } from 'class-validator';
import { ArgsType, ClassType, Field, Int } from 'type-graphql';
import { decodeCursor, MAX_PAGE } from '../../graph/connection';

/** Why `value` is not a cursor this API reads (an older one says to start again), or undefined when it is. */
function cursorProblem(value: unknown): string | undefined {
  try {
    decodeCursor(String(value));
    return undefined;
  } catch (error) {
    return (error as Error).message;
  }
}

/** A cursor this API handed out. Checked with the other arguments, so that the fast path refuses it as graphql-js does. */
function IsCursor(): PropertyDecorator {
  return ValidateBy({
    name: 'isCursor',
    validator: {
      validate: (value: unknown) => cursorProblem(value) === undefined,
      defaultMessage: (args) => cursorProblem(args?.value) ?? 'after is not a cursor returned by this API',
    },
  });
}

/**
 * A paginated list's arguments: `Filters`' own, then the page's (`first` 1..100, default 20, and `after`).
 * type-graphql lists a base class's arguments first, so the page's come last, as clients expect.
 */
export function Paginated<Filters extends ClassType<object>>(filters: Filters) {
  @ArgsType()
  class PaginatedArgs extends filters {
    @Field(() => Int, { nullable: true, defaultValue: 20, description: '1..100.' })
    @IsInt()
    @Min(1)
    @Max(MAX_PAGE)
    first = 20;

    @Field(() => String, { nullable: true })
    @IsOptional()
    @MaxLength(1000)
    @IsCursor()
    after?: string | null;
  }
  return PaginatedArgs;
}

@ArgsType()
class NoFilters {}

/** A page of a list without filters. */
@ArgsType()
export class PageArgs extends Paginated(NoFilters) {}
