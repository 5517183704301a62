import {
  DocumentNode,
  FragmentDefinitionNode,
  GraphQLSchema,
  Kind,
  OperationDefinitionNode,
  SelectionSetNode,
} from 'graphql';
import { ComplexityEstimator, getComplexity } from 'graphql-query-complexity';
import { Redis } from 'ioredis';
import { RateLimiterAbstract, RateLimiterMemory, RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { rateLimited, tooComplex } from '../errors';
import { Lru } from '../lru';
import { isList, listBound } from '../graph/list-bound';
import { LimitsConfig } from '../config';
import { argumentVariables } from '../operation-variables';

/** The largest page any argument allows; bigger values fail argument validation anyway. */
const LARGEST_PAGE = 500;

/**
 * Cost = 1 per field, children multiplied by how many items the field can answer: the page size a list or
 * a connection asks for (`first`, or a list's `limit`), else a list's declared bound (src/graph/list-bound.ts:
 * the most it answers, or one per item of its parent's page, as a connection's edges). The cost is thus an
 * upper bound of the fields an answer can hold, whatever the data. Introspection never reaches the database
 * and its lists are bounded by the schema, so its fields cost 1 each without multiplying (an IDE's
 * introspection query costs what it selects).
 */
const boundEstimator: ComplexityEstimator = ({ type, field, args, childComplexity }) => {
  if (type.name.startsWith('__') || field.name.startsWith('__')) return 1 + childComplexity;
  const clamp = (page: unknown) => (typeof page === 'number' ? Math.min(Math.max(page, 1), LARGEST_PAGE) : undefined);
  if (isList(field.type)) {
    const bound = listBound(field, type.name);
    return 1 + childComplexity * (clamp(args.first ?? args.limit) ?? (bound === 'page' ? 1 : bound));
  }
  // A connection: its edges are one per item of the page it asks for. (A neighbourhood's `limit` is not a
  // page: its lists are costed at their own bounds.)
  return 1 + childComplexity * (clamp(args.first) ?? 1);
};

/** Arguments whose values change an operation's cost: page sizes (above), and @skip/@include's `if`. */
const COST_ARGUMENTS = new Set(['first', 'limit', 'if']);

/** Names of the variables an operation's cost can depend on: those given to COST_ARGUMENTS. */
export function costVariables(document: DocumentNode): string[] {
  return argumentVariables(document, (_owner, argument) => COST_ARGUMENTS.has(argument.name.value));
}

interface Shape {
  depth: number;
  aliases: number;
}

/**
 * Depth of the deepest field and number of aliases, following fragments (cycles are refused by validation
 * before). Introspection's `ofType` chains unwrap one type reference (bounded by the schema's wrapping of
 * types), so they add no depth.
 */
export function operationShape(document: DocumentNode, operation: OperationDefinitionNode): Shape {
  const fragments = new Map<string, FragmentDefinitionNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments.set(definition.name.value, definition);
  }
  let aliases = 0;
  const visit = (selectionSet: SelectionSetNode, depth: number, seen: Set<string>): number =>
    Math.max(
      depth,
      ...selectionSet.selections.map((selection) => {
        if (selection.kind === Kind.FIELD) {
          if (selection.alias) aliases += 1;
          const own = selection.name.value === 'ofType' ? 0 : 1;
          return selection.selectionSet ? visit(selection.selectionSet, depth + own, seen) : depth + own;
        }
        if (selection.kind === Kind.INLINE_FRAGMENT) return visit(selection.selectionSet, depth, seen);
        const fragment = fragments.get(selection.name.value);
        if (!fragment || seen.has(fragment.name.value)) return depth;
        return visit(fragment.selectionSet, depth, new Set([...seen, fragment.name.value]));
      }),
    );
  const depth = visit(operation.selectionSet, 0, new Set());
  return { depth, aliases };
}

/** Who an operation is counted against: the token's subject, else the client's address. */
export function clientKey(principal: { subject: string } | null, clientIp: string): string {
  return principal ? `sub:${principal.subject}` : `ip:${clientIp}`;
}

/** An operation to check: its document, the operation chosen in it, and the request's name and variables. */
export interface Operation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
  /** The SHA-256 of the document's text (Apollo's queryHash). */
  queryHash: string;
}

/** Where the per-client counts live when several instances share them. */
export interface SharedCounts {
  store: Redis;
  keyPrefix: string;
  /** Called for each count that this instance had to keep alone because Redis was not ready. */
  onFallback: () => void;
}

/**
 * A window of `points` per client: in this process, or in Redis (shared by every instance) with an
 * in-process insurance limiter that takes over while Redis is down, so an outage degrades to per-instance
 * limits, never to none and never to refusing everyone.
 */
function windowLimiter(name: string, points: number, duration: number, shared?: SharedCounts): RateLimiterAbstract {
  const memory = new RateLimiterMemory({ points, duration });
  if (!shared) return memory;
  const redis = new RateLimiterRedis({
    storeClient: shared.store,
    keyPrefix: `${shared.keyPrefix}limit-${name}`,
    points,
    duration,
    rejectIfRedisNotReady: true,
    insuranceLimiter: memory,
  });
  return redis;
}

/**
 * The limits every operation meets, over HTTP and over WebSocket alike: depth, aliases and cost
 * (QUERY_TOO_COMPLEX), and requests and cost per client per window (RATE_LIMITED, with Retry-After).
 */
export class OperationLimits {
  private readonly requests: RateLimiterAbstract;
  private readonly costs: RateLimiterAbstract;
  /**
   * Costs of operations that passed the limits, by (query hash, operation name, values of the variables
   * the cost reads): a repeated operation skips the shape walk and getComplexity (about 4% of a small
   * request's CPU), whatever its other variables (ids, filters) hold.
   */
  private readonly remembered: Lru<number>;
  /** costVariables of each document, by query hash. */
  private readonly costVariables: Lru<string[]>;

  constructor(
    readonly config: LimitsConfig,
    private readonly shared?: SharedCounts,
    operationCacheSize = 1_000,
  ) {
    this.remembered = new Lru(operationCacheSize);
    this.costVariables = new Lru(operationCacheSize);
    this.requests = windowLimiter('requests', config.requestsPerWindow, config.windowSeconds, shared);
    this.costs = windowLimiter('cost', config.costPerWindow, config.windowSeconds, shared);
  }

  /** The operation's cost, after refusing it when it is too deep, uses too many aliases or costs too much. */
  cost(schema: GraphQLSchema, { document, operation, operationName, variables, queryHash }: Operation): number {
    const names = this.costVariables.get(queryHash) ?? this.costVariables.set(queryHash, costVariables(document));
    // An absent variable ([]) takes its default, which may differ from an explicit null ([null]).
    const values = names.map((name) => (variables && name in variables ? [variables[name]] : []));
    const key = JSON.stringify([queryHash, operationName ?? null, values]);
    const known = this.remembered.get(key);
    if (known !== undefined) return known;
    const limits = this.config;
    const shape = operationShape(document, operation);
    if (shape.depth > limits.maxDepth) {
      throw tooComplex(`Query depth ${shape.depth} is over the limit of ${limits.maxDepth}.`);
    }
    if (shape.aliases > limits.maxAliases) {
      throw tooComplex(`The operation uses ${shape.aliases} aliases, over the limit of ${limits.maxAliases}.`);
    }
    const requested = getComplexity({
      schema,
      query: document,
      operationName: operationName ?? undefined,
      variables: variables ?? {},
      estimators: [boundEstimator],
    });
    if (requested > limits.maxCost) {
      throw tooComplex(`Query cost ${requested} is over the limit of ${limits.maxCost}.`);
    }
    return this.remembered.set(key, requested);
  }

  /** Counts one operation of cost `requested` against the client's window; answers the cost points left. */
  async spend(client: string, requested: number): Promise<number> {
    if (this.shared && this.shared.store.status !== 'ready') this.shared.onFallback();
    try {
      await this.requests.consume(client, 1);
    } catch (result) {
      if (result instanceof RateLimiterRes) throw rateLimited('requests', result.msBeforeNext);
      throw result;
    }
    try {
      return (await this.costs.consume(client, requested)).remainingPoints;
    } catch (result) {
      if (result instanceof RateLimiterRes) throw rateLimited('costly operations', result.msBeforeNext);
      throw result;
    }
  }
}
