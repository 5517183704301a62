import { ResolveTree } from 'graphql-parse-resolve-info';

export type Row = Record<string, unknown>;

/** Builds an object keyed by the response names (aliases) of the fields selected on `typeName`. */
export function shape(tree: ResolveTree, typeName: string, value: (field: ResolveTree) => unknown): Row {
  const fields = tree.fieldsByTypeName[typeName] ?? {};
  return Object.fromEntries(Object.values(fields).map((field) => [field.alias, value(field)]));
}

/**
 * A plain row (keyed by field name) re-keyed by response name; `nested` names the fields that hold lists
 * of plain rows and their item type (e.g. { nodes: 'GraphNode' }).
 */
export function shapeRow(tree: ResolveTree, typeName: string, row: Row, nested: Record<string, string> = {}): Row {
  return shape(tree, typeName, (field) => {
    const itemType = nested[field.name];
    const value = row[field.name];
    return itemType ? (value as Row[]).map((item) => shapeRow(field, itemType, item)) : value;
  });
}
