import { getNamedType, GraphQLField, GraphQLNamedType, GraphQLObjectType, GraphQLSchema, isObjectType } from 'graphql';
import { FieldsByTypeName, ResolveTree } from 'graphql-parse-resolve-info';
import { ResultLimits } from '../config';
import { resultTooLarge } from '../errors';
import { isList, maxItems } from './list-bound';
import { RESOLVED_TYPE } from './projection';

/** A selected field of an object type, resolved once per (selection, type). */
interface SelectedField {
  alias: string;
  tree: ResolveTree;
  field: GraphQLField<unknown, unknown> | undefined;
}

/** The JSON punctuation around a value in an object ("key": value,), counted as bytes. */
const ENTRY_OVERHEAD = 4;
/** What a number, a boolean or null is counted as: at most this many bytes for the values this API answers. */
const SCALAR_BYTES = 8;

/**
 * What one operation has read so far, and its limits. Every answer the graph layer reads is counted here
 * before it is shaped for the client: its list items and an estimate of its JSON size (characters of
 * strings and keys; a fixed size per number). A list longer than its declared bound (the Cypher fetched one
 * more item to see it), or an operation past MAX_RESULT_ITEMS or MAX_RESULT_BYTES, answers RESULT_TOO_LARGE
 * with how to ask for less; once spent, every later read of the operation is refused the same way.
 */
export class ResultBudget {
  items = 0;
  bytes = 0;
  private refusal: Error | undefined;
  private readonly selectedFields = new WeakMap<FieldsByTypeName, Map<string, SelectedField[]>>();

  constructor(
    private readonly limits: ResultLimits,
    private readonly schema: GraphQLSchema,
  ) {}

  /** Throws when an earlier read of the operation spent the budget. */
  check(): void {
    if (this.refusal) throw this.refusal;
  }

  /** Counts `value`, the answer of `field` of `owner` selected as `tree` asks; throws RESULT_TOO_LARGE past a bound or the budget. */
  spend(owner: string, field: GraphQLField<unknown, unknown>, tree: ResolveTree, value: unknown): void {
    this.check();
    try {
      this.fieldValue(owner, field, tree, value);
    } catch (error) {
      this.refusal = error as Error;
      throw error;
    }
  }

  private fieldValue(owner: string, field: GraphQLField<unknown, unknown>, tree: ResolveTree, value: unknown): void {
    const type = getNamedType(field.type);
    if (!Array.isArray(value) || !isList(field.type)) {
      this.value(type, tree.fieldsByTypeName, value);
      return;
    }
    const max = maxItems(field, owner);
    if (max !== undefined && value.length > max) throw tooManyItems(this.schema, owner, field, max);
    this.items += value.length;
    if (this.items > this.limits.maxResultItems) throw overBudget(`${this.limits.maxResultItems} items (MAX_RESULT_ITEMS)`);
    this.bytes += 2 + value.length;
    for (const item of value) this.value(type, tree.fieldsByTypeName, item);
  }

  private value(type: GraphQLNamedType, fields: FieldsByTypeName, value: unknown): void {
    if (typeof value === 'string') this.bytes += value.length + 2;
    else if (value === null || typeof value !== 'object') this.bytes += SCALAR_BYTES;
    else this.object(type, fields, value as Record<string, unknown>);
    if (this.bytes > this.limits.maxResultBytes) throw overBudget(`${this.limits.maxResultBytes} bytes (MAX_RESULT_BYTES)`);
  }

  private object(type: GraphQLNamedType, fields: FieldsByTypeName, value: Record<string, unknown>): void {
    // An interface's projection tags each value with its concrete type (see Projection.map).
    const concrete = isObjectType(type) ? type : this.schema.getType(value[RESOLVED_TYPE] as string);
    if (!isObjectType(concrete)) return;
    this.bytes += 2;
    for (const { alias, tree, field } of this.selected(fields, concrete)) {
      this.bytes += alias.length + ENTRY_OVERHEAD;
      if (field) this.fieldValue(concrete.name, field, tree, value[alias]);
      else this.bytes += SCALAR_BYTES; // __typename
    }
  }

  /** The fields selected on `type` (its own and its interfaces' selections), kept per selection. */
  private selected(fields: FieldsByTypeName, type: GraphQLObjectType): SelectedField[] {
    let byType = this.selectedFields.get(fields);
    if (!byType) this.selectedFields.set(fields, (byType = new Map()));
    let selected = byType.get(type.name);
    if (!selected) {
      const names = [type.name, ...type.getInterfaces().map((face) => face.name)];
      const trees: Record<string, ResolveTree> = Object.assign({}, ...names.map((name) => fields[name] ?? {}));
      const definitions = type.getFields();
      selected = Object.values(trees).map((tree) => ({ alias: tree.alias, tree, field: definitions[tree.name] }));
      byType.set(type.name, selected);
    }
    return selected;
  }
}

function overBudget(limit: string): Error {
  return resultTooLarge(
    `The answer is larger than this server's result budget of ${limit}: ask for smaller pages (first) or fewer nested lists, and page through the rest with the cursors (after).`,
  );
}

/** A list past its bound, with the way to page it: its sibling <field>Connection, where the schema has one. */
function tooManyItems(schema: GraphQLSchema, owner: string, field: GraphQLField<unknown, unknown>, max: number): Error {
  const ownerType = schema.getType(owner);
  const connection = isObjectType(ownerType) ? ownerType.getFields()[`${field.name}Connection`] : undefined;
  const how = connection ? `page through it with ${owner}.${connection.name}(first, after)` : 'ask for fewer items with its arguments';
  return resultTooLarge(`${owner}.${field.name} has more than ${max} items, the most this field answers at once: ${how}.`);
}
