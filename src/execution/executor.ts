import type { GatewayExecutionResult, GatewayGraphQLRequestContext, GatewayInterface } from '@apollo/server-gateway-interface';
import { execute, GraphQLError, GraphQLFieldResolver, GraphQLSchema, getVariableValues, isNonNullType, Kind, locatedError } from 'graphql';
import { Counter } from 'prom-client';
import { ExecutionConfig } from '../config';
import { Context } from '../context';
import { Lru } from '../lru';
import { traced } from '../tracing';
import { argumentValues, CompiledOperation, compileOperation, directiveVariables, NotFastPathable, resolveInfo, RootField } from './compiled-operation';

/** Which path answered: `bailout` is an operation the fast path started and handed to graphql-js. */
export type ExecutionPath = 'fast' | 'standard' | 'bailout';

export interface ExecutionMetrics {
  compiledOperations: Counter<'cache'>;
  executionPaths: Counter<'path'>;
}

interface Options {
  schema: GraphQLSchema;
  /** graphql-js's resolver of fields without one (values keyed by response name). */
  fieldResolver: GraphQLFieldResolver<Record<string, unknown>, Context>;
  config: ExecutionConfig;
  metrics: ExecutionMetrics;
  /** Adds `extensions.executionPath` to every answer. */
  debug: boolean;
}

/** What the cache holds for (query hash, operation name): the plan, or per values of its @skip/@include variables. */
interface CacheEntry {
  dependsOn: string[];
  plan: CompiledOperation | null;
}

type Request = GatewayGraphQLRequestContext<Context>;

/**
 * How Apollo runs operations. Apollo still parses, validates (both cached), resolves the operation, runs
 * every plugin (limits, auth context, trusted documents, metrics) and formats errors; this decides how
 * the resolved operation executes. A query whose every field the projection compiler serves takes the
 * fast path (compiled-operation.ts), with its plan cached; anything else runs through graphql-js.
 * Apollo's only hook that takes over execution and still formats its errors is the gateway's executor,
 * hence a one-schema "gateway".
 */
export function executingGateway(options: Options): GatewayInterface {
  const { schema, fieldResolver, config, metrics, debug } = options;
  const plans = new Lru<CacheEntry>(config.operationCacheSize);

  const planFor = (request: Request, variables: Record<string, unknown>): CompiledOperation | null => {
    const key = `${request.queryHash}:${request.operationName ?? ''}`;
    let entry = plans.get(key);
    const hit = entry !== undefined;
    if (!entry) {
      const dependsOn = directiveVariables(request.document);
      entry = { dependsOn, plan: dependsOn.length ? null : compileOperation(schema, request.document, request.operation, variables) };
      plans.set(key, entry);
    }
    if (entry.dependsOn.length === 0) {
      metrics.compiledOperations.inc({ cache: hit ? 'hit' : 'miss' });
      return entry.plan;
    }
    const variantKey = `${key}:${JSON.stringify(entry.dependsOn.map((name) => variables[name] ?? null))}`;
    let variant = plans.get(variantKey);
    metrics.compiledOperations.inc({ cache: variant ? 'hit' : 'miss' });
    if (!variant) variant = plans.set(variantKey, { dependsOn: [], plan: compileOperation(schema, request.document, request.operation, variables) });
    return variant.plan;
  };

  const standard = (request: Request): Promise<GatewayExecutionResult> =>
    Promise.resolve(
      execute({
        schema,
        document: request.document,
        contextValue: request.context,
        variableValues: request.request.variables,
        operationName: request.operationName,
        fieldResolver: fieldResolver as GraphQLFieldResolver<unknown, Context>,
      }),
    );

  const fast = async (request: Request, plan: CompiledOperation, variables: Record<string, unknown>): Promise<GatewayExecutionResult | null> => {
    const info = (at: Parameters<typeof resolveInfo>[4]) => resolveInfo(schema, request.operation, plan.fragments, variables, at);
    try {
      // Arguments of prefetched fields are the same for every parent: their resolvers validate them once.
      for (const check of plan.checks) {
        await check.field.resolve!({}, argumentValues(check.field, check.fieldNodes, variables), request.context, info(check));
      }
    } catch {
      return null;
    }
    const queryType = schema.getQueryType()!;
    // Errors in the order they happened, as graphql-js collects them.
    const failures: { root: RootField; error: GraphQLError }[] = [];
    const values = await Promise.all(
      plan.roots.map(async (root) => {
        try {
          const args = argumentValues(root.field, root.fieldNodes, variables);
          return await root.field.resolve!(undefined, args, request.context, info({ ...root, parentType: queryType }));
        } catch (error) {
          failures.push({ root, error: locatedError(error, root.fieldNodes, [root.responseName]) });
          return null;
        }
      }),
    );
    // An error at a non-null root field nulls `data`, and graphql-js stops collecting errors there.
    const fatal = failures.findIndex(({ root }) => isNonNullType(root.field.type));
    const errors = (fatal < 0 ? failures : failures.slice(0, fatal + 1)).map(({ error }) => error);
    if (fatal >= 0) return { data: null, errors };
    const failed = new Set(failures.map(({ root }) => root));
    const data: Record<string, unknown> = {};
    try {
      plan.roots.forEach((root, index) => {
        data[root.responseName] = failed.has(root) ? null : root.complete(values[index]);
      });
    } catch (error) {
      if (error instanceof NotFastPathable) return null;
      throw error;
    }
    return errors.length ? { data, errors } : { data };
  };

  /** Runs the operation on the path it can take, and says which. */
  const execution = async (request: Request): Promise<[GatewayExecutionResult, ExecutionPath]> => {
    if (!config.fastPath || request.operation.operation !== 'query') return [await standard(request), 'standard'];
    const coerced = getVariableValues(schema, request.operation.variableDefinitions ?? [], request.request.variables ?? {}, { maxErrors: 50 });
    // Variables graphql-js would refuse: it answers with its own errors.
    if (coerced.errors) return [await standard(request), 'standard'];
    const plan = planFor(request, coerced.coerced);
    if (!plan) return [await standard(request), 'standard'];
    const answer = await fast(request, plan, coerced.coerced);
    return answer ? [answer, 'fast'] : [await standard(request), 'bailout'];
  };

  const executor = (request: Request): Promise<GatewayExecutionResult> =>
    traced('graphql.operation', { 'graphql.operation.name': request.operationName ?? '', 'graphql.operation.type': request.operation.operation }, async (span) => {
      const [result, path] = await execution(request);
      metrics.executionPaths.inc({ path });
      span?.setAttributes({
        'kg.cost': request.context.cost ?? 0,
        'kg.execution_path': path,
        'kg.round_trips': request.context.db.roundTrips.count,
        'kg.root_fields': request.operation.selectionSet.selections.map((selection) =>
          selection.kind === Kind.FIELD ? selection.name.value : selection.kind === Kind.FRAGMENT_SPREAD ? `...${selection.name.value}` : '... on Query',
        ),
      });
      return debug ? { ...result, extensions: { ...result.extensions, executionPath: path } } : result;
    });

  return {
    load: async () => ({ executor: executor as (request: GatewayGraphQLRequestContext) => Promise<GatewayExecutionResult> }),
    onSchemaLoadOrUpdate: (callback) => {
      callback({ apiSchema: schema, coreSupergraphSdl: '' });
      return () => undefined;
    },
    stop: async () => undefined,
  };
}
