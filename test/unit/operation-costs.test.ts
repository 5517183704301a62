import { Kind, OperationDefinitionNode, parse } from 'graphql';
import { OperationLimits } from '../../src/security/limits';
import { buildGraphSchema } from '../../src/schema';

const schema = buildGraphSchema();
const limits = () =>
  new OperationLimits({ maxDepth: 10, maxAliases: 30, maxCost: 100_000, maxTokens: 5_000, maxBodyBytes: 100_000, maxResultItems: 20_000, maxResultBytes: 4_000_000, windowSeconds: 60, requestsPerWindow: 100, costPerWindow: 100_000 });

/** The cost OperationLimits gives `query` sent as `queryHash` (a document's hash is how it remembers costs). */
function costOf(subject: OperationLimits, queryHash: string, query: string, variables: Record<string, unknown>): number {
  const document = parse(query);
  const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  return subject.cost(schema, { document, operation, variables, queryHash });
}

const ROLE = 'query Role($id: ID!) { role(id: $id) { id responsibilities { id } } }';
/** Costs more than ROLE: were it costed, the answer would differ. */
const BIGGER = 'query Role($id: ID!) { role(id: $id) { id responsibilities { id technologies { id } } } }';

describe('remembered operation costs', () => {
  it('are reused whatever the variables that do not change the cost (ids) hold', () => {
    const subject = limits();
    const cost = costOf(subject, 'h1', ROLE, { id: 'backend-developer' });
    expect(costOf(limits(), 'h1', BIGGER, { id: 'backend-developer' })).toBeGreaterThan(cost);
    // Same hash, another id: the remembered cost, not BIGGER's.
    expect(costOf(subject, 'h1', BIGGER, { id: 'frontend-developer' })).toBe(cost);
  });

  it.each([
    ['a page size', 'query P($first: Int) { roles(first: $first) { edges { node { id } } } }', { first: 2 }, { first: 5 }],
    ['an @include', 'query P($all: Boolean!) { role(id: "x") { id responsibilities @include(if: $all) { id } } }', { all: true }, { all: false }],
    ['an absent variable (its default) against an explicit null', 'query P($first: Int = 3) { roles(first: $first) { edges { node { id } } } }', {}, { first: null }],
  ])('are kept apart by %s', (_case, query, one, other) => {
    const subject = limits();
    const costs = [costOf(subject, 'h2', query, one), costOf(subject, 'h2', query, other), costOf(subject, 'h2', query, one)];
    expect(costs[1]).not.toBe(costs[0]);
    expect(costs[2]).toBe(costs[0]);
  });
});
