import { GraphQLSchema } from 'graphql';
import type { PageQuery } from './connection';
import { modelRules, NodeRule, PropertyRule, RuleType } from '../model/model-rules';
import type { TypeSpecs } from './projection';

/**
 * The read side of the model's rules (src/model/model-rules.ts). A node the API can answer has its required
 * properties, of their types (its required enums within their values): every list, connection, count and
 * lookup of nodes applies that predicate, so a node written outside the API that breaks the model (an
 * analyst's `CREATE (:Technology {name: 'X'})`) is left out everywhere alike instead of failing the whole
 * answer; a node is valid or not whichever fields are asked, so a list, its totalCount and its cursors agree.
 * An optional property of the wrong type is read as null (the schema allows it; `npm run graph:check` reports
 * it): checking it in the predicate too would make every query's text, and Neo4j's planning of it, longer for
 * the rarest of faults. The predicates read only the node's own properties: no second pass, no extra round trip.
 * The database's model guard (scripts/neo4j) refuses such writes on the Neo4j the project starts.
 */

const CYPHER_TYPES: Record<RuleType, string[]> = {
  STRING: ['STRING'],
  INTEGER: ['INTEGER'],
  FLOAT: ['INTEGER', 'FLOAT'],
  BOOLEAN: ['BOOLEAN'],
  'LIST<STRING>': ['LIST<STRING NOT NULL>'],
};

const quoted = (value: string) => `'${value.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/** Cypher: whether the property holds a value of its declared type (`required`: and is there), within its values. */
function propertyPredicate(node: string, rule: PropertyRule, required: boolean): string {
  const value = `${node}.\`${rule.name}\``;
  if (rule.values) {
    const within = `${value} IN [${rule.values.map(quoted).join(', ')}]`;
    // Never null (three-valued logic would make NOT of it null too): absent is false, or true when optional.
    return required ? `(${value} IS NOT NULL AND ${within})` : `(${value} IS NULL OR ${within})`;
  }
  return `${value} IS :: ${CYPHER_TYPES[rule.type].map((type) => (required ? `${type} NOT NULL` : type)).join(' | ')}`;
}

const sameRule = (a: PropertyRule, b: PropertyRule) => JSON.stringify(a) === JSON.stringify(b);

export interface NodeValidity {
  /** Cypher: whether node variable `node`, of the model label `label` (or 'Node': any label of the model), is valid. */
  valid(node: string, label: string): string;
  /**
   * Cypher: the property `property` of node variable `node` of `label`, or null where it is not of its declared
   * type (an optional property; a required one is there whenever the node is valid).
   */
  read(node: string, label: string, property: string): string;
  /** Cypher: whether node variable `node` of `label` keeps every rule, its optional properties' types too (what graph:check looks for). */
  conforms(node: string, label: string): string;
  /** Whether `label` is a label of the model (or 'Node'), whose nodes the predicate applies to. */
  covers(label: string): boolean;
  /** The page with the validity of its nodes (`n`, of `label`) among its conditions, when the model covers the label. */
  validPage(page: PageQuery, label: string): PageQuery;
  /** The rules, by label. */
  rules: ReadonlyMap<string, NodeRule>;
}

const bySchema = new WeakMap<GraphQLSchema, NodeValidity>();

/** The predicates of the schema's model, derived once per schema. */
export function nodeValidity(schema: GraphQLSchema, specs: TypeSpecs): NodeValidity {
  const known = bySchema.get(schema);
  if (known) return known;
  const rules = new Map(modelRules(schema, specs).nodes.map((rule) => [rule.label, rule]));
  const requiredOf = (rule: NodeRule) => rule.properties.filter((property) => property.required);
  const allRules = [...rules.values()];
  // What every label requires alike (id and name), said once for a node of any label; the rest per label.
  const common = requiredOf(allRules[0]).filter((property) => allRules.every((rule) => requiredOf(rule).some((other) => sameRule(property, other))));
  const covers = (label: string) => label === 'Node' || rules.has(label);
  const conjunction = (node: string, properties: PropertyRule[]) => properties.map((property) => propertyPredicate(node, property, true)).join(' AND ');
  const valid = (node: string, label: string) => {
    if (label !== 'Node') {
      const rule = rules.get(label);
      if (!rule) throw new Error(`${label} is not a label of the model`);
      return conjunction(node, requiredOf(rule));
    }
    const ownRules = allRules
      .map((rule) => ({ label: rule.label, own: requiredOf(rule).filter((property) => !common.some((shared) => sameRule(shared, property))) }))
      .filter(({ own }) => own.length > 0)
      .map(({ label: own, own: properties }) => `(NOT ${node}:${own} OR (${conjunction(node, properties)}))`);
    return `(${[`${node}:${allRules.map((rule) => rule.label).join('|')}`, conjunction(node, common), ...ownRules].join(' AND ')})`;
  };
  const conforms = (node: string, label: string) => {
    const rule = rules.get(label);
    if (!rule) throw new Error(`${label} is not a label of the model`);
    return rule.properties.map((property) => propertyPredicate(node, property, property.required)).join(' AND ');
  };
  const read = (node: string, label: string, property: string) => {
    const rule = rules.get(label)?.properties.find((candidate) => candidate.name === property);
    const value = `${node}.\`${property}\``;
    return !rule || rule.required ? value : `CASE WHEN ${propertyPredicate(node, rule, false)} THEN ${value} END`;
  };
  const validity: NodeValidity = {
    covers,
    valid,
    conforms,
    read,
    rules,
    validPage: (page, label) => {
      if (!covers(label)) return page;
      return {
        ...page,
        select: (query) => {
          const selected = page.select(query);
          return { ...selected, conditions: [...selected.conditions, valid('n', label)] };
        },
      };
    },
  };
  bySchema.set(schema, validity);
  return validity;
}
