import { NodeRule, PropertyRule, RuleType } from './model-rules';

/**
 * What is wrong with one node, in words an analyst can act on: the model's rules (model-rules.ts) checked
 * against the node's labels and properties as Neo4j holds them. The database's guard (scripts/neo4j) says the
 * same for the writes it refuses; reads use this to explain a lookup of a broken node, and
 * `npm run graph:check` for every node it lists.
 */

export interface Violation {
  /** The rule broken: 'required property', 'property type', 'enum value', 'id format'. */
  rule: string;
  property: string;
  message: string;
}

const TYPE_CHECKS: Record<RuleType, (value: unknown) => boolean> = {
  STRING: (value) => typeof value === 'string',
  INTEGER: (value) => typeof value === 'bigint' || Number.isInteger(value) || isNeo4jInteger(value),
  FLOAT: (value) => typeof value === 'number' || typeof value === 'bigint' || isNeo4jInteger(value),
  BOOLEAN: (value) => typeof value === 'boolean',
  'LIST<STRING>': (value) => Array.isArray(value) && value.every((item) => typeof item === 'string'),
};

function isNeo4jInteger(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'low' in value && 'high' in value;
}

const shown = (value: unknown) => (typeof value === 'string' ? `'${value}'` : JSON.stringify(value) ?? String(value));

function propertyViolation(rule: PropertyRule, value: unknown): Violation | undefined {
  const at = { property: rule.name };
  if (value === null || value === undefined) {
    return rule.required ? { ...at, rule: 'required property', message: `has no ${rule.name} (required, ${rule.type})` } : undefined;
  }
  if (!TYPE_CHECKS[rule.type](value)) return { ...at, rule: 'property type', message: `has ${rule.name} = ${shown(value)}, not a ${rule.type}` };
  if (rule.values && !rule.values.includes(value as string)) {
    return { ...at, rule: 'enum value', message: `has ${rule.name} = ${shown(value)}, not one of ${rule.values.join(', ')}` };
  }
  if (rule.pattern && !new RegExp(rule.pattern).test(value as string)) {
    return { ...at, rule: 'id format', message: `has ${rule.name} = ${shown(value)}, which does not match ${rule.pattern} (lower-case kebab-case)` };
  }
  return undefined;
}

/** The node's violations of the rules of the model labels it carries. */
export function nodeViolations(rules: ReadonlyMap<string, NodeRule>, labels: string[], properties: Record<string, unknown>): Violation[] {
  return labels.flatMap((label) => {
    const rule = rules.get(label);
    return rule ? rule.properties.flatMap((property) => propertyViolation(property, properties[property.name]) ?? []) : [];
  });
}

/** How an analyst names the node: its model label and id, or name when it has no id. */
export function nodeReference(rules: ReadonlyMap<string, NodeRule>, labels: string[], properties: Record<string, unknown>): string {
  const label = labels.find((candidate) => rules.has(candidate)) ?? labels[0] ?? 'node';
  const key = properties.id !== undefined && properties.id !== null ? `id: ${shown(properties.id)}` : properties.name !== undefined ? `name: ${shown(properties.name)}` : 'no id or name';
  return `(:${label} {${key}})`;
}
