import { FieldNode, GraphQLObjectType, Kind, OperationDefinitionNode, parse } from 'graphql';
import { resolveInfo } from '../../src/execution/compiled-operation';
import { Selections } from '../../src/graph/selection';
import { buildGraphSchema, TYPE_SPECS } from '../../src/schema';

const schema = buildGraphSchema();
const queryType = schema.getQueryType() as GraphQLObjectType;

/** The resolve info of the document's first root field, with the field nodes the fast path would reuse. */
function rootInfo(document: string, variables: Record<string, unknown> = {}) {
  const parsed = parse(document);
  const operation = parsed.definitions.find((definition) => definition.kind === Kind.OPERATION_DEFINITION) as OperationDefinitionNode;
  const fragments = Object.fromEntries(
    parsed.definitions.flatMap((definition) => (definition.kind === Kind.FRAGMENT_DEFINITION ? [[definition.name.value, definition]] : [])),
  );
  const fieldNodes = [operation.selectionSet.selections[0] as FieldNode];
  const field = queryType.getFields()[fieldNodes[0].name.value];
  return (values: Record<string, unknown> = variables) =>
    resolveInfo(schema, operation, fragments, values, { parentType: queryType, field, fieldNodes, responseName: field.name });
}

describe('compiled selections', () => {
  it('are compiled once for the same field nodes, their own arguments aside', () => {
    const info = rootInfo('query ($id: ID!) { role(id: $id) { id name technologies(kind: LANGUAGE) { name } } }');
    const selections = new Selections(TYPE_SPECS);
    const first = selections.of(info({ id: 'backend-developer' }));
    expect(selections.of(info({ id: 'frontend-developer' }))).toBe(first);
    // The field's arguments are read per request from the resolver's args, never from a cached tree.
    expect(first.tree.args).toEqual({});
    let builds = 0;
    const build = () => {
      builds += 1;
      return 'n';
    };
    first.expression('project n', build);
    first.expression('project n', build);
    expect(builds).toBe(1);
  });

  it.each([
    ['a nested argument', 'query ($kind: TechnologyKind) { role(id: "backend-developer") { technologies(kind: $kind) { name } } }'],
    ['a directive', 'query ($all: Boolean!) { role(id: "backend-developer") { name summary @include(if: $all) } }'],
    ['a fragment', 'query ($kind: TechnologyKind) { role(id: "backend-developer") { ...Work } } fragment Work on Role { technologies(kind: $kind) { name } }'],
    ['an input object', 'query ($year: Int) { role(id: "backend-developer") { salaries(where: { seniority: SENIOR, year: $year }) { amount } } }'],
  ])('are compiled per request when %s reads a variable', (_case, document) => {
    const info = rootInfo(document);
    const selections = new Selections(TYPE_SPECS);
    expect(selections.of(info())).not.toBe(selections.of(info()));
  });

  it("name their expressions' parameters and variables apart", () => {
    const info = rootInfo('{ role(id: "backend-developer") { technologies(kind: LANGUAGE) { name } salaries(where: { year: 2024 }) { amount } } }');
    const selection = new Selections(TYPE_SPECS).of(info());
    const project = (node: string) =>
      selection.expression(`project ${node}`, (projection) => projection.map('Role', selection.tree.fieldsByTypeName, { node }));
    const [a, b] = [project('n'), project('m')];
    expect(Object.keys(a.params).length).toBeGreaterThan(0);
    const names = (text: string) => new Set(text.match(/\$\w+|\bs\d+v\d+\b/g));
    const shared = [...names(a.text)].filter((name) => names(b.text).has(name));
    expect(shared).toEqual([]);
    for (const name of Object.keys(a.params)) expect(a.text).toContain(`$${name}`);
  });
});
