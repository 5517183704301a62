import { Kind, NoDeprecatedCustomRule, OperationDefinitionNode, parse, validate } from 'graphql';
import { buildGraphSchema } from '../../src/schema';
import { ExampleOperation, readExampleOperations } from '../../src/http/examples';
import { bearer, Harness } from '../support/harness';
import { Events, graphqlWsClient, subscriptionsRunning } from '../support/subscriptions';

/** The id docs/queries/12-upsert-technology.graphql writes; no seed node has it, and this test deletes it. */
const UPSERTED_ID = 'redis';

let server: Harness;
let examples: ExampleOperation[];
beforeAll(async () => {
  server = await Harness.start();
  examples = await readExampleOperations();
});
afterAll(async () => {
  await server.graph.write('MATCH (n:Node {id: $id}) DETACH DELETE n', { id: UPSERTED_ID });
  await server.stop();
});

function topLevelFields(example: ExampleOperation): string[] {
  const operation = parse(example.document).definitions[0] as OperationDefinitionNode;
  return operation.selectionSet.selections.flatMap((selection) => (selection.kind === Kind.FIELD ? [selection.name.value] : []));
}

/** Null, an empty list or an empty object: an answer that shows nothing. */
function isEmpty(value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object') return Object.values(value).every(isEmpty);
  return false;
}

describe('docs/queries', () => {
  it('has at least ten operations, each starting with a comment that says what it shows', () => {
    expect(examples.length).toBeGreaterThanOrEqual(10);
    const undescribed = examples.filter((example) => !example.document.startsWith('#') || example.description.length < 10);
    expect(undescribed.map((example) => example.file)).toEqual([]);
  });

  it('covers every query of the schema that is not deprecated, and at least one mutation', () => {
    const queried = new Set(examples.filter((example) => example.operation === 'query').flatMap(topLevelFields));
    const everyQuery = Object.values(buildGraphSchema().getQueryType()!.getFields())
      .filter((field) => !field.deprecationReason)
      .map((field) => field.name)
      .sort();
    expect([...queried].sort()).toEqual(everyQuery);
    expect(examples.some((example) => example.operation === 'mutation')).toBe(true);
  });

  it('uses no deprecated field, so that the IDE teaches what the schema recommends', () => {
    const schema = buildGraphSchema();
    const deprecated = examples.flatMap((example) => validate(schema, parse(example.document), [NoDeprecatedCustomRule]).map((error) => `${example.file}: ${error.message}`));
    expect(deprecated).toEqual([]);
  });

  it('answers every query without errors and with data in every field', async () => {
    const failures: string[] = [];
    for (const example of examples.filter((candidate) => candidate.operation === 'query')) {
      const response = await server.query(example.document);
      if (response.errors) failures.push(`${example.file}: ${JSON.stringify(response.errors)}`);
      for (const field of topLevelFields(example)) {
        if (isEmpty(response.data?.[field])) failures.push(`${example.file}: ${field} is empty`);
      }
    }
    expect(failures).toEqual([]);
  });

  it('runs every mutation with an editor token, and again with the same answer', async () => {
    const editor = await bearer(['editor']);
    for (const example of examples.filter((candidate) => candidate.operation === 'mutation')) {
      const first = await server.query(example.document, undefined, editor);
      expect({ file: example.file, errors: first.errors }).toEqual({ file: example.file, errors: undefined });
      expect(isEmpty(first.data)).toBe(false);
      expect((await server.query(example.document, undefined, editor)).data).toEqual(first.data);
    }
    const [written] = await server.graph.read('MATCH (n:Node {id: $id}) RETURN n.name AS name', { id: UPSERTED_ID });
    expect(written).toEqual({ name: 'Redis' });
  });

  it('has a subscription that hears what the mutation examples change, over graphql-ws', async () => {
    const subscriptions = examples.filter((candidate) => candidate.operation === 'subscription');
    expect(subscriptions.length).toBeGreaterThanOrEqual(1);
    const client = graphqlWsClient(server.url);
    try {
      const heard = subscriptions.map((example) => new Events(client, example.document));
      await subscriptionsRunning(server.url, subscriptions.length);
      const editor = await bearer(['editor']);
      for (const example of examples.filter((candidate) => candidate.operation === 'mutation')) await server.data(example.document, undefined, editor);
      for (const events of heard) {
        const [event] = await events.take(1);
        expect(event.errors).toBeUndefined();
        expect(event.data?.graphChanged).toMatchObject({ kind: 'UPSERTED', id: UPSERTED_ID });
      }
    } finally {
      await client.dispose();
    }
  });
});
