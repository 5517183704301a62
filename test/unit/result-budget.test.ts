import { GraphQLObjectType, isObjectType, Kind, OperationDefinitionNode, parse } from 'graphql';
import { ResolveTree } from 'graphql-parse-resolve-info';
import { readConfig } from '../../src/config';
import { isList, listBound } from '../../src/graph/list-bound';
import { ResultBudget } from '../../src/graph/result-budget';
import { ROOT_LIST_BOUND } from '../../src/modules/node/node.cypher';
import { buildGraphSchema } from '../../src/schema';
import { OperationLimits } from '../../src/security/limits';

const schema = buildGraphSchema();
const queryType = schema.getQueryType() as GraphQLObjectType;

/** A selection of `fields` (name: sub-selection) on `typeName`, as graphql-parse-resolve-info gives it. */
function tree(name: string, typeName: string, fields: Record<string, ResolveTree | null> = {}): ResolveTree {
  return {
    name,
    alias: name,
    args: {},
    fieldsByTypeName: {
      [typeName]: Object.fromEntries(
        Object.entries(fields).map(([field, sub]) => [field, sub ?? { name: field, alias: field, args: {}, fieldsByTypeName: {} }]),
      ),
    },
  };
}

const budget = (limits: { maxResultItems?: number; maxResultBytes?: number } = {}) =>
  new ResultBudget({ maxResultItems: 1_000_000, maxResultBytes: 100_000_000, ...limits }, schema);

const boundOf = (typeName: string, field: string) => listBound((schema.getType(typeName) as GraphQLObjectType).getFields()[field], typeName) as number;

/** The error `run` throws. */
function refusal(run: () => void): Error & { extensions?: unknown } {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('nothing was refused');
}

const responsibilities = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `task-${i}` }));

describe('list bounds', () => {
  it('are declared on every list field an answer can hold, so that every list is costed and collected at its bound', () => {
    const undeclared: string[] = [];
    for (const type of Object.values(schema.getTypeMap())) {
      if (!isObjectType(type) || type.name.startsWith('__')) continue;
      for (const field of Object.values(type.getFields())) {
        if (!isList(field.type)) continue;
        try {
          listBound(field, type.name);
        } catch {
          undeclared.push(`${type.name}.${field.name}`);
        }
      }
    }
    expect(undeclared).toEqual([]);
  });

  it('cost a list without a page argument at its bound, never a guess', () => {
    const limits = new OperationLimits({ ...readConfig({}).limits, maxCost: Number.MAX_SAFE_INTEGER });
    const costOf = (query: string) => {
      const document = parse(query);
      const operation = document.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
      return limits.cost(schema, { document, operation, queryHash: query });
    };
    const roles = boundOf('Responsibility', 'roles');
    expect(costOf('{ responsibilities { id } }')).toBe(1 + ROOT_LIST_BOUND * 1);
    expect(costOf('{ responsibilities { id roles { id } } }')).toBe(1 + ROOT_LIST_BOUND * (1 + (1 + roles * 1)));
    // A connection's edges are counted by its page, once.
    expect(costOf('{ responsibilitiesConnection(first: 7) { edges { node { id } } } }')).toBe(1 + 7 * (1 + 1 * (1 + 1)));
  });
});

describe('the result budget', () => {
  const field = queryType.getFields().responsibilities;

  it('refuses a list past its bound with RESULT_TOO_LARGE, naming the field, the bound and the connection to page with', () => {
    const subject = budget();
    expect(() => subject.spend('Query', field, tree('responsibilities', 'Responsibility', { id: null }), responsibilities(ROOT_LIST_BOUND))).not.toThrow();
    const error = refusal(() => budget().spend('Query', field, tree('responsibilities', 'Responsibility', { id: null }), responsibilities(ROOT_LIST_BOUND + 1)));
    expect(error.extensions).toMatchObject({ code: 'RESULT_TOO_LARGE', http: { status: 400 } });
    expect(error.message).toBe(
      `Query.responsibilities has more than ${ROOT_LIST_BOUND} items, the most this field answers at once: page through it with Query.responsibilitiesConnection(first, after).`,
    );
  });

  it('names the connection that pages a nested list past its bound', () => {
    const usedBy = (schema.getType('Technology') as GraphQLObjectType).getFields().usedBy;
    const roles = Array.from({ length: boundOf('Technology', 'usedBy') + 1 }, (_, i) => ({ id: `role-${i}` }));
    expect(refusal(() => budget().spend('Technology', usedBy, tree('usedBy', 'Role', { id: null }), roles)).message).toMatch(
      /^Technology\.usedBy has more than \d+ items, the most this field answers at once: page through it with Technology\.usedByConnection\(first, after\)\.$/,
    );
  });

  it('checks nested lists against their own bounds', () => {
    const bound = boundOf('Responsibility', 'roles');
    const selection = tree('responsibilities', 'Responsibility', { id: null, roles: tree('roles', 'Role', { id: null }) });
    const roles = (count: number) => Array.from({ length: count }, (_, i) => ({ id: `role-${i}` }));
    expect(() => budget().spend('Query', field, selection, [{ id: 'a', roles: roles(bound) }])).not.toThrow();
    expect(() => budget().spend('Query', field, selection, [{ id: 'a', roles: roles(1) }, { id: 'b', roles: roles(bound + 1) }])).toThrow(
      new RegExp(`^Responsibility\\.roles has more than ${bound} items`),
    );
  });

  it('counts the items of every read of the operation against MAX_RESULT_ITEMS', () => {
    const subject = budget({ maxResultItems: 10 });
    const selection = tree('responsibilities', 'Responsibility', { id: null });
    subject.spend('Query', field, selection, responsibilities(6));
    expect(subject.items).toBe(6);
    expect(() => subject.spend('Query', field, selection, responsibilities(5))).toThrow(/result budget of 10 items \(MAX_RESULT_ITEMS\)/);
    // Once spent, every later read of the operation is refused before it runs.
    expect(() => subject.check()).toThrow(/result budget of 10 items/);
  });

  it('counts an estimate of the JSON size against MAX_RESULT_BYTES', () => {
    const selection = tree('responsibilities', 'Responsibility', { id: null, description: null });
    const answer = [{ id: 'a', description: 'x'.repeat(1_000) }];
    const measured = budget();
    measured.spend('Query', field, selection, answer);
    // The estimate is at least the JSON text, and not wildly more.
    const json = JSON.stringify(answer).length;
    expect(measured.bytes).toBeGreaterThanOrEqual(json);
    expect(measured.bytes).toBeLessThan(json * 1.2);
    expect(() => budget({ maxResultBytes: 900 }).spend('Query', field, selection, answer)).toThrow(/result budget of 900 bytes \(MAX_RESULT_BYTES\)/);
  });

  it('follows an interface to the concrete type its projection tagged', () => {
    const node = queryType.getFields().node;
    const selection: ResolveTree = { name: 'node', alias: 'node', args: {}, fieldsByTypeName: { Role: { teams: tree('teams', 'Team', { id: null }) } } };
    const bound = boundOf('Role', 'teams');
    const teams = Array.from({ length: bound + 1 }, (_, i) => ({ id: `team-${i}` }));
    expect(() => budget().spend('Query', node, selection, { __resolvedType: 'Role', teams })).toThrow(/^Role\.teams has more than/);
  });
});
