/**
 * Proof that the model is declared once: a throwaway node type and relationship, declared here in one place
 * before anything else loads, reach the schema, cypher/schema, `link`/`unlink`, search's labels and the
 * explorer's legend, with no other edit. (Jest gives each test file its own modules, so nothing else sees it.)
 */
import fs from 'node:fs';
import path from 'node:path';
import { GraphQLEnumType, GraphQLObjectType, GraphQLSchema } from 'graphql';
import { repoRoot } from '../../src/config';
import { declareNodeType, declareRelationship } from '../../src/model/model';

declareNodeType({
  label: 'Gadget',
  colour: '#123456',
  description: 'A throwaway node type of this test.',
  properties: { wattage: { type: 'Int', description: 'How much power it draws.' } },
  searchable: ['description'],
});
declareRelationship({
  type: 'PLUGS_INTO',
  from: 'Role',
  to: 'Gadget',
  description: 'A role plugs into a gadget.',
  linkable: ['reason'],
  properties: { reason: { type: 'String', description: 'Why.' } },
  fields: [
    { on: 'Role', name: 'gadgets', bound: 5, connection: true },
    { on: 'Gadget', name: 'pluggedBy', bound: 10, connection: true },
  ],
});

// Loaded after the declarations, as the server loads after the model.
/* eslint-disable @typescript-eslint/no-require-imports */
const { buildGraphSchema } = require('../../src/schema') as typeof import('../../src/schema');
const { schemaCypherFiles } = require('../../src/model/schema-cypher') as typeof import('../../src/model/schema-cypher');
const { bearer, Harness } = require('../support/harness') as typeof import('../support/harness');
/* eslint-enable @typescript-eslint/no-require-imports */

/** The full-text index statement of a cypher/schema indexes file. */
const fullTextIndex = (file: string) => file.split(';').find((statement) => statement.includes('CREATE FULLTEXT INDEX'))!.replace(/^(\s*\/\/.*\n)*/, '');

let server: import('../support/harness').Harness;
let schema: GraphQLSchema;
beforeAll(async () => {
  schema = buildGraphSchema();
  server = await Harness.start();
  await server.graph.write("CREATE (:Gadget:Node {id: 'mp-kettle', name: 'MP Kettle', sortName: 'mp kettle', description: 'boils water', wattage: 2000})");
  await server.graph.write("DROP INDEX node_search IF EXISTS");
  await server.graph.write(fullTextIndex(schemaCypherFiles()['002-indexes.cypher']));
  await server.graph.write('CALL db.awaitIndexes(300)');
});
afterAll(async () => {
  await server.graph.write('MATCH (n:Gadget) DETACH DELETE n');
  // Back to the index the other tests expect.
  await server.graph.write("DROP INDEX node_search IF EXISTS");
  await server.graph.write(fullTextIndex(fs.readFileSync(path.join(repoRoot, 'cypher', 'schema', '002-indexes.cypher'), 'utf8')));
  await server.graph.write('CALL db.awaitIndexes(300)');
  await server.stop();
});

it('gives the schema the type, its label, the relationship type and both ends’ fields with their connections', () => {
  const gadget = schema.getType('Gadget') as GraphQLObjectType;
  expect(gadget.getInterfaces().map((type) => type.name)).toEqual(['Node']);
  expect(Object.keys(gadget.getFields())).toEqual(expect.arrayContaining(['id', 'name', 'wattage', 'pluggedBy', 'pluggedByConnection']));
  expect((schema.getType('NodeLabel') as GraphQLEnumType).getValue('GADGET')).toBeDefined();
  expect((schema.getType('RelationType') as GraphQLEnumType).getValue('PLUGS_INTO')).toBeDefined();
  const role = (schema.getType('Role') as GraphQLObjectType).getFields();
  expect(String(role.gadgets.type)).toBe('[Gadget!]!');
  expect(String(role.gadgetsConnection.type)).toBe('RoleGadgetsConnection!');
  expect(Object.keys((schema.getType('RoleGadgetsEdge') as GraphQLObjectType).getFields())).toEqual(['reason', 'cursor', 'node']);
});

it('gives cypher/schema its constraint, its keyset index and a place in the search index', () => {
  const files = schemaCypherFiles();
  expect(files['001-constraints.cypher']).toContain('CREATE CONSTRAINT gadget_id IF NOT EXISTS FOR (n:Gadget) REQUIRE n.id IS UNIQUE;');
  expect(files['002-indexes.cypher']).toContain('CREATE INDEX gadget_sortName_name_id IF NOT EXISTS FOR (n:Gadget) ON (n.sortName, n.name, n.id);');
  expect(files['002-indexes.cypher']).toMatch(/FOR \(n:[A-Za-z|]*\|Gadget\)/);
});

it('links and unlinks it, pages it from both ends in one query, and refuses the wrong ends', async () => {
  const editor = await bearer(['editor']);
  const link = await server.query(
    'mutation { link(input: { from: "backend-developer", to: "mp-kettle", type: PLUGS_INTO, reason: "tea" }) }',
    undefined,
    editor,
  );
  expect(link.errors).toBeUndefined();
  const read = await server.data(`{
    role(id: "backend-developer") {
      gadgets { id wattage }
      gadgetsConnection(first: 1) { totalCount edges { reason node { name pluggedByConnection(first: 5) { edges { node { id } } } } } }
    }
  }`);
  expect(read.role.gadgets).toEqual([{ id: 'mp-kettle', wattage: 2000 }]);
  expect(read.role.gadgetsConnection).toEqual({
    totalCount: 1,
    edges: [{ reason: 'tea', node: { name: 'MP Kettle', pluggedByConnection: { edges: [{ node: { id: 'backend-developer' } }] } } }],
  });
  const wrong = await server.query('mutation { link(input: { from: "mp-kettle", to: "backend-developer", type: PLUGS_INTO }) }', undefined, editor);
  expect(wrong.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  expect(wrong.errors?.[0].message).toContain('type PLUGS_INTO links a Role to a Gadget');
  const unlink = await server.data('mutation { unlink(input: { from: "backend-developer", to: "mp-kettle", type: PLUGS_INTO }) }', undefined, editor);
  expect(unlink.unlink).toBe(true);
  expect((await server.data('{ role(id: "backend-developer") { gadgets { id } } }')).role.gadgets).toEqual([]);
});

it('lets search ask for the label, and finds the node by its searchable text', async () => {
  const found = await server.data('{ search(text: "boils", labels: [GADGET]) { label node { id } } }');
  expect(found.search).toEqual([{ label: 'GADGET', node: { id: 'mp-kettle' } }]);
});

it('draws it in the explorer’s legend', async () => {
  const model = (await (await fetch(`${server.url}/explorer/model.json`)).json()) as { labels: { label: string; name: string; colour: string }[] };
  expect(model.labels).toContainEqual({ label: 'GADGET', name: 'Gadget', colour: '#123456' });
});
