import fs from 'node:fs';
import path from 'node:path';
import {
  buildSchema,
  getNamedType,
  GraphQLArgument,
  GraphQLField,
  GraphQLObjectType,
  GraphQLSchema,
  isEnumType,
  isInputObjectType,
  isInterfaceType,
  isLeafType,
  isObjectType,
} from 'graphql';
import { repoRoot } from '../../src/config';
import { connectionTypes } from '../../src/graph/connection';
import { buildGraphSchema, TYPE_SPECS } from '../../src/schema';
import { MODEL_RULES_FILE } from '../../src/model/model-rules';
import { modelRulesJson, schemaSdl } from '../../src/schema-file';

const contract = buildSchema(fs.readFileSync(path.join(__dirname, '..', 'contract', 'api-contract.graphql'), 'utf8'));
const schema: GraphQLSchema = buildGraphSchema();

describe('schema.graphql', () => {
  it('is what the code emits (run `npm run schema` after changing the API)', () => {
    expect(fs.readFileSync(path.join(repoRoot, 'schema.graphql'), 'utf8')).toBe(schemaSdl());
  });

  it("and the model's rules are what the code derives (cypher/schema/model-rules.json, `npm run schema`)", () => {
    expect(fs.readFileSync(path.join(repoRoot, MODEL_RULES_FILE), 'utf8')).toBe(modelRulesJson());
  });
});

/** Every name of the public contract, with its type, must be in the schema the code builds. */
describe('the public contract', () => {
  const types = Object.values(contract.getTypeMap()).filter((type) => !type.name.startsWith('__'));

  it.each(types.map((type) => [type.name, type] as const))('keeps type %s', (name, expected) => {
    const actual = schema.getType(name);
    expect(actual?.constructor.name).toBe(expected.constructor.name);
    if (isEnumType(expected) && isEnumType(actual)) {
      expect(actual.getValues().map((v) => v.name)).toEqual(expect.arrayContaining(expected.getValues().map((v) => v.name)));
    }
    if ((isObjectType(expected) || isInterfaceType(expected)) && (isObjectType(actual) || isInterfaceType(actual))) {
      expect(actual.getInterfaces().map((i) => i.name)).toEqual(expect.arrayContaining(expected.getInterfaces().map((i) => i.name)));
      const fields = actual.getFields() as Record<string, GraphQLField<unknown, unknown>>;
      for (const field of Object.values(expected.getFields()) as GraphQLField<unknown, unknown>[]) {
        expect({ field: field.name, type: String(fields[field.name]?.type) }).toEqual({ field: field.name, type: String(field.type) });
        expectArguments(field.name, field.args, fields[field.name].args);
      }
    }
    if (isInputObjectType(expected) && isInputObjectType(actual)) {
      const fields = actual.getFields();
      for (const field of Object.values(expected.getFields())) {
        expect({ field: field.name, type: String(fields[field.name]?.type), defaultValue: fields[field.name]?.defaultValue }).toEqual({
          field: field.name,
          type: String(field.type),
          defaultValue: field.defaultValue,
        });
      }
    }
  });

  function expectArguments(field: string, expected: readonly GraphQLArgument[], actual: readonly GraphQLArgument[]) {
    for (const argument of expected) {
      const match = actual.find((candidate) => candidate.name === argument.name);
      expect({ field, argument: argument.name, type: String(match?.type), defaultValue: match?.defaultValue }).toEqual({
        field,
        argument: argument.name,
        type: String(argument.type),
        defaultValue: argument.defaultValue,
      });
    }
  }

  it('describes every Query, Mutation and Subscription field it adds to the contract', () => {
    const undescribed = (['Query', 'Mutation', 'Subscription'] as const).flatMap((root) => {
      const ours = (schema.getType(root) as GraphQLObjectType | undefined)?.getFields() ?? {};
      const theirs = (contract.getType(root) as GraphQLObjectType | undefined)?.getFields() ?? {};
      return Object.values(ours)
        .filter((field) => !theirs[field.name] && !field.description?.trim())
        .map((field) => `${root}.${field.name}`);
    });
    expect(undescribed).toEqual([]);
  });
});

/**
 * The projection compiler fetches every field of a node type in the root field's one query, so no field
 * may need a resolver of its own (and no per-parent query or DataLoader fallback exists). A relation field
 * (an object-typed field, or one with arguments) without a spec would be read as a node property: null.
 */
describe('the projection compiler', () => {
  const projected = new Set<string>();
  const visit = (typeName: string) => {
    const type = schema.getType(typeName);
    const concrete = isInterfaceType(type) ? schema.getPossibleTypes(type).map((t) => t.name) : [typeName];
    for (const name of concrete) {
      if (projected.has(name)) continue;
      projected.add(name);
      // A connection of a relationship is compiled whole (its edges, cursors and page info); its nodes are projected.
      for (const relation of Object.values(TYPE_SPECS[name]?.relations ?? {})) visit(relation.paged ? connectionTypes(schema, relation.target).node : relation.target);
    }
  };
  ['Node', ...Object.keys(TYPE_SPECS)].forEach(visit);

  it.each([...projected].sort())('covers every relation field of %s', (typeName) => {
    const type = schema.getType(typeName);
    if (!isObjectType(type)) throw new Error(`${typeName} is not an object type`);
    const spec = TYPE_SPECS[typeName] ?? {};
    const uncovered = Object.values(type.getFields())
      .filter((field) => !isLeafType(getNamedType(field.type)) || field.args.length > 0)
      .filter((field) => !spec.relations?.[field.name] && !spec.computed?.[field.name])
      // The node of a relationship connection's edge is compiled with the connection.
      .filter((field) => !(field.name === 'node' && 'cursor' in type.getFields()))
      .map((field) => field.name);
    expect(uncovered).toEqual([]);
  });
});
