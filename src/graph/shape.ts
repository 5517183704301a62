import { ResolveTree } from 'graphql-parse-resolve-info';
import { Row } from './driver';

/** Builds an object keyed by the response names (aliases) of the fields selected on `typeName`. */
export function shape(tree: ResolveTree, typeName: string, value: (field: ResolveTree) => unknown): Row {
  const fields = tree.fieldsByTypeName[typeName] ?? {};
  return Object.fromEntries(Object.values(fields).map((field) => [field.alias, value(field)]));
}

/**
 * A plain row (keyed by field name) re-keyed by response name, and so are the rows in its fields that
 * hold lists of plain rows (e.g. a graph's nodes). The fields named in `byAlias` already hold a map keyed
 * by response name (see QueryBuilder.projectField).
 */
export function shapeRow(tree: ResolveTree, typeName: string, row: Row, byAlias: ReadonlySet<string> = new Set()): Row {
  return shape(tree, typeName, (field) => {
    const value = row[field.name];
    if (byAlias.has(field.name)) return (value as Row)[field.alias];
    const [itemType] = Object.keys(field.fieldsByTypeName);
    return itemType && Array.isArray(value) ? value.map((item) => shapeRow(field, itemType, item as Row)) : value;
  });
}
