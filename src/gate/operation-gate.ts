import { ApolloServerPlugin } from '@apollo/server';
import { DocumentNode, getOperationAST, GraphQLError, GraphQLSchema, OperationDefinitionNode, parse, validate } from 'graphql';
import { Context } from '../context';
import { ERROR_CODES, persistedQueryNotInList, withCode } from '../errors';
import { documentId, requestedId, TrustedDocuments } from '../http/trusted-documents';
import { Principal } from '../security/auth';
import { clientKey, Operation, OperationLimits } from '../security/limits';

/**
 * The one gate every operation passes, whatever its transport: the trusted-documents policy, then parsing and
 * validation, then the depth, alias and cost limits and the per-client rate limits. Over HTTP, Apollo's request
 * pipeline parses and validates (with its APQ and document caches) and calls the gate's other steps from one
 * plugin (`apolloGate`); over graphql-ws, `prepare` runs every step. Neither transport implements a step itself.
 */

/** What a request sends: a document, or the id of a listed one (`documentId`, or an APQ hash), and its name and variables. */
export interface OperationRequest {
  query?: string;
  fields: Record<string, unknown>;
  operationName?: string | null;
  variables?: Record<string, unknown> | null;
}

/** Who sends it. */
export interface Caller {
  principal: Principal | null;
  clientIp: string;
}

/** An operation the gate admitted: its parsed document, the operation chosen in it, and its cost. */
export interface AdmittedOperation {
  document: DocumentNode;
  operation: OperationDefinitionNode;
  cost: number;
  /** Cost points the caller has left in the window. */
  remaining: number;
}

export interface TrustedPolicy {
  documents: TrustedDocuments;
  /** Only listed documents run (admins excepted). */
  only: boolean;
}

export class OperationGate {
  constructor(
    readonly schema: GraphQLSchema,
    readonly limits: OperationLimits,
    readonly trusted: TrustedPolicy | undefined,
    private readonly maxTokens: number,
  ) {}

  /** With TRUSTED_DOCUMENTS_ONLY, refuses (PERSISTED_QUERY_NOT_IN_LIST) a document that is not listed, unless an admin (the IDE's user) sends it. */
  checkTrusted(hash: string, principal: Principal | null): void {
    if (!this.trusted?.only || this.trusted.documents.has(hash) || principal?.roles.includes('admin')) return;
    throw persistedQueryNotInList();
  }

  /** Counts the operation against its caller's limits; throws QUERY_TOO_COMPLEX or RATE_LIMITED. */
  async admit(operation: Operation, caller: Caller): Promise<{ cost: number; remaining: number }> {
    const cost = this.limits.cost(this.schema, operation);
    const remaining = await this.limits.spend(clientKey(caller.principal, caller.clientIp), cost);
    return { cost, remaining };
  }

  /**
   * Every step, for a transport without a pipeline of its own (graphql-ws): the admitted operation, or the
   * errors that refuse it. `refuse` names an operation the transport does not run (before it is counted).
   */
  async prepare(
    request: OperationRequest,
    caller: Caller,
    refuse: (operation: OperationDefinitionNode) => GraphQLError | undefined = () => undefined,
  ): Promise<AdmittedOperation | GraphQLError[]> {
    const listedId = this.trusted && requestedId(request.fields);
    const text = (listedId && this.trusted?.documents.get(listedId)) || request.query || '';
    const hash = documentId(text);
    try {
      this.checkTrusted(hash, caller.principal);
      const document = this.parsed(text);
      if (Array.isArray(document)) return document;
      const operation = getOperationAST(document, request.operationName);
      if (!operation) {
        return [new GraphQLError('The document has no operation of that name.', { extensions: { code: ERROR_CODES.OPERATION_RESOLUTION_FAILURE } })];
      }
      const refusal = refuse(operation);
      if (refusal) return [refusal];
      const { cost, remaining } = await this.admit({ document, operation, operationName: request.operationName, variables: request.variables, queryHash: hash }, caller);
      return { document, operation, cost, remaining };
    } catch (error) {
      if (error instanceof GraphQLError) return [error];
      throw error;
    }
  }

  /** The parsed document if it is valid, else the errors that refuse it (subscribe messages are few: no cache). */
  private parsed(text: string): DocumentNode | GraphQLError[] {
    let document: DocumentNode;
    try {
      document = parse(text, { maxTokens: this.maxTokens });
    } catch (error) {
      return [withCode(error as GraphQLError, ERROR_CODES.GRAPHQL_PARSE_FAILED)];
    }
    const invalid = validate(this.schema, document);
    return invalid.length > 0 ? invalid.map((error) => withCode(error, ERROR_CODES.GRAPHQL_VALIDATION_FAILED)) : document;
  }
}

/**
 * The gate in Apollo's pipeline (HTTP): once Apollo has parsed, validated and resolved the operation, the
 * trusted-documents policy, then the limits; the cost is reported in `extensions.cost` so clients can pace
 * themselves, and an answer past the result budget is refused whole.
 */
export function apolloGate(gate: OperationGate): ApolloServerPlugin<Context> {
  const { config } = gate.limits;
  return {
    async requestDidStart() {
      let admitted: { cost: number; remaining: number } | undefined;
      return {
        async didResolveOperation({ document, operation, request, queryHash, contextValue }) {
          if (!operation) return; // Apollo has already refused a document without the named operation
          gate.checkTrusted(queryHash, contextValue.principal);
          admitted = await gate.admit({ document, operation, operationName: request.operationName, variables: request.variables, queryHash }, contextValue);
          contextValue.cost = admitted.cost;
        },
        async willSendResponse({ response }) {
          if (response.body.kind !== 'single') return;
          const result = response.body.singleResult;
          // An answer past the result budget is refused whole, as one over the cost limit is: no partial data, and
          // the one error that refused it (fields read in parallel after it answer the same refusal, in any order).
          const tooLarge = result.errors?.find((error) => error.extensions?.code === ERROR_CODES.RESULT_TOO_LARGE);
          if (tooLarge) {
            result.data = null;
            result.errors = [tooLarge];
          }
          if (!admitted) return;
          result.extensions = {
            ...result.extensions,
            cost: {
              requestedQueryCost: admitted.cost,
              maximumAvailable: config.maxCost,
              throttleStatus: { currentlyAvailable: admitted.remaining, windowSeconds: config.windowSeconds, maximumAvailable: config.costPerWindow },
            },
          };
        },
      };
    },
  };
}
