import { getNullableType, GraphQLSchema, isEnumType, isListType, isNonNullType, isObjectType, isScalarType } from 'graphql';
import type { TypeSpecs } from '../graph/projection';
import { ID_PATTERN } from '../modules/node/node.inputs';
import { MODEL } from './model';

/**
 * The model's invariants, as data: what every node of a label and every relationship of a type must hold for
 * the API to read it. Derived from the one declaration of each (the model table for labels, relationship ends
 * and their properties; the GraphQL node classes for node properties: a non-null field is a required
 * property, an enum field takes its values), never written down twice. The read side compiles them into
 * Cypher predicates (src/graph/validity.ts); `npm run schema` writes them to cypher/schema/model-rules.json,
 * which the database's model guard (scripts/neo4j, `MODEL_GUARD`) and `npm run graph:check` read.
 */

export type RuleType = 'STRING' | 'INTEGER' | 'FLOAT' | 'BOOLEAN' | 'LIST<STRING>';

export interface PropertyRule {
  name: string;
  type: RuleType;
  required: boolean;
  /** The values an enum property takes. */
  values?: string[];
  /** A regular expression (Java and JavaScript alike) the whole value matches. */
  pattern?: string;
}

export interface NodeRule {
  label: string;
  properties: PropertyRule[];
}

export interface RelationshipRule {
  type: string;
  /** Start and end labels; 'Node' is any node of the model. */
  from: string;
  to: string;
  undirected: boolean;
  properties: PropertyRule[];
}

export interface ModelRules {
  /** The label every node of the model carries beside its own. */
  sharedLabel: string;
  nodes: NodeRule[];
  relationships: RelationshipRule[];
}

/** Where `npm run schema` writes the rules, relative to the repository. */
export const MODEL_RULES_FILE = 'cypher/schema/model-rules.json';

const SCALAR_TYPES: Record<string, RuleType> = { ID: 'STRING', String: 'STRING', Int: 'INTEGER', Float: 'FLOAT', Boolean: 'BOOLEAN' };

/** The properties of a node type: its GraphQL fields that read a node property of their own name. */
function nodeProperties(schema: GraphQLSchema, specs: TypeSpecs, label: string): PropertyRule[] {
  const type = schema.getType(label);
  if (!isObjectType(type)) throw new Error(`The model's label ${label} has no GraphQL object type`);
  const spec = specs[label] ?? {};
  return Object.values(type.getFields()).flatMap((field): PropertyRule[] => {
    if (field.args.length > 0 || spec.relations?.[field.name] || spec.computed?.[field.name]) return [];
    const nullable = getNullableType(field.type);
    const required = isNonNullType(field.type);
    if (isEnumType(nullable)) return [{ name: field.name, type: 'STRING', required, values: nullable.getValues().map((value) => String(value.value)) }];
    if (isScalarType(nullable) && SCALAR_TYPES[nullable.name]) {
      const rule: PropertyRule = { name: field.name, type: SCALAR_TYPES[nullable.name], required };
      return [field.name === 'id' ? { ...rule, pattern: ID_PATTERN.source } : rule];
    }
    if (isListType(nullable)) {
      const item = getNullableType(nullable.ofType);
      if (isScalarType(item) && SCALAR_TYPES[item.name] === 'STRING') return [{ name: field.name, type: 'LIST<STRING>', required }];
    }
    return [];
  });
}

const PROPERTY_TYPES: Record<string, RuleType> = { String: 'STRING', Int: 'INTEGER', Float: 'FLOAT', Boolean: 'BOOLEAN' };

export function modelRules(schema: GraphQLSchema, specs: TypeSpecs): ModelRules {
  return {
    sharedLabel: 'Node',
    nodes: MODEL.nodeTypes.map(({ label }) => ({ label, properties: nodeProperties(schema, specs, label) })),
    relationships: MODEL.relationships.map(({ type, from, to, undirected = false, properties = {} }) => ({
      type,
      from,
      to,
      undirected,
      properties: Object.entries(properties).map(([name, declared]) => ({ name, type: PROPERTY_TYPES[declared.type], required: false })),
    })),
  };
}
