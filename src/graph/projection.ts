import { GraphQLField, GraphQLResolveInfo, GraphQLSchema, isObjectType } from 'graphql';
import { FieldsByTypeName, parseResolveInfo, ResolveTree } from 'graphql-parse-resolve-info';
import { SORT_NAME } from '../model/sort-name';
import { ConnectionTypes, connectionTypes, cursorText, keysetConditions, MAX_PAGE } from './connection';
import { CypherParams } from './cypher-params';
import { maxItems } from './list-bound';
import { nodeValidity, NodeValidity } from './validity';

/**
 * GraphQL selection set -> one Cypher map expression.
 *
 * Every requested field becomes an entry of a Cypher map keyed by its response name (the alias), and
 * every nested relation a COLLECT subquery, so a whole nested read is one query, one round trip. The
 * server's default field resolver reads `source[responseName]`, which is why values are keyed by alias.
 */

export type Args = ResolveTree['args'];

/** The Cypher variables a type's fields read: the node, and for edge-shaped types the relationship. */
export interface Scope {
  node: string;
  rel?: string;
  /** For an edge of a relationship's connection: the node the relationship starts from. */
  from?: string;
}

export interface MatchContext {
  from: string;
  to: string;
  rel: string;
  args: Args;
  params: CypherParams;
}

export interface RelationSpec {
  /** GraphQL type name of the value(s). */
  target: string;
  single?: boolean;
  /** Cypher clauses that bind `to` (and `rel` when `withRel`) from the variable `from`. Absent: the value is the current node itself. */
  match?: (context: MatchContext) => string;
  withRel?: boolean;
  /** `target` is a connection over the related nodes (connection.ts): a page of them after `after`, `first` at a time. */
  paged?: boolean;
  /** The model label of the related nodes ('Node': any), whose validity (validity.ts) they are matched with. */
  label?: string;
}

export interface TypeSpec {
  /** Fields computed from the scope instead of read as the node property of the same name. */
  computed?: Record<string, (scope: Scope) => string>;
  relations?: Record<string, RelationSpec>;
}

export type TypeSpecs = Record<string, TypeSpec>;

/** The connection twin of a list relation (`technologies` -> `technologiesConnection`): the same pattern, a page at a time. */
export function paged(relation: RelationSpec, connection: string): RelationSpec {
  return { ...relation, target: connection, paged: true };
}

/** Key under which an interface-typed projection tells its concrete GraphQL type. */
export const RESOLVED_TYPE = '__resolvedType';

export function resolveTree(info: GraphQLResolveInfo): ResolveTree {
  return parseResolveInfo(info) as ResolveTree;
}

function quoteKey(key: string): string {
  return '`' + key.replace(/`/g, '``') + '`';
}

export class Projection {
  private nextVariable = 0;
  readonly params: CypherParams;
  private readonly validity: NodeValidity;

  /** `prefix` starts the names of its parameters and variables, apart from those of the query around it. */
  constructor(
    private readonly schema: GraphQLSchema,
    private readonly specs: TypeSpecs,
    private readonly prefix = '',
  ) {
    this.params = new CypherParams(`${prefix}p`);
    this.validity = nodeValidity(schema, specs);
  }

  /** The conditions a related node of `relation` meets: valid for the model (validity.ts). */
  private relatedConditions(relation: RelationSpec, node: string): string[] {
    return relation.label ? [this.validity.valid(node, relation.label)] : [];
  }

  /** A Cypher map expression with the fields selected on `typeName` (an object or interface type). */
  map(typeName: string, fields: FieldsByTypeName, scope: Scope): string {
    const type = this.schema.getType(typeName);
    if (isObjectType(type)) return this.objectMap(typeName, fields, scope, false);
    const branches = this.schema
      .getPossibleTypes(type as never)
      .map((concrete) => `WHEN ${scope.node}:${concrete.name} THEN ${this.objectMap(concrete.name, fields, scope, true)}`);
    return `CASE ${branches.join(' ')} END`;
  }

  private objectMap(typeName: string, fields: FieldsByTypeName, scope: Scope, tagType: boolean): string {
    const type = this.schema.getType(typeName);
    const names = [typeName, ...(isObjectType(type) ? type.getInterfaces().map((i) => i.name) : [])];
    const selected: Record<string, ResolveTree> = Object.assign({}, ...names.map((name) => fields[name] ?? {}));
    const spec = this.specs[typeName] ?? {};
    const definitions = isObjectType(type) ? type.getFields() : {};
    const entries = Object.values(selected)
      .filter((field) => !field.name.startsWith('__'))
      .map((field) => `${quoteKey(field.alias)}: ${this.fieldExpression(typeName, spec, field, definitions[field.name], scope)}`);
    if (tagType) entries.push(`${RESOLVED_TYPE}: '${typeName}'`);
    return `{${entries.join(', ')}}`;
  }

  private fieldExpression(typeName: string, spec: TypeSpec, field: ResolveTree, definition: GraphQLField<unknown, unknown>, scope: Scope): string {
    const relation = spec.relations?.[field.name];
    if (relation) return this.relationExpression(relation, field, scope, relation.single ? undefined : maxItems(definition, typeName));
    const computed = spec.computed?.[field.name];
    return computed ? computed(scope) : this.validity.read(scope.node, typeName, field.name);
  }

  /** A relation's value, or its values: at most `max` of them and one more, so that the result check (result-budget.ts) sees a list past its bound. */
  private relationExpression(relation: RelationSpec, field: ResolveTree, scope: Scope, max: number | undefined): string {
    if (!relation.match) return this.map(relation.target, field.fieldsByTypeName, { node: scope.node });
    const to = this.variable();
    const rel = this.variable();
    const match = relation.match({ from: scope.node, to, rel, args: field.args, params: this.params });
    if (relation.paged) return this.connectionExpression(relation, field, { match, from: scope.node, to, rel });
    const value = this.map(relation.target, field.fieldsByTypeName, { node: to, rel });
    const carried = relation.withRel ? `${to}, ${rel}` : to;
    const related = this.relatedConditions(relation, to);
    const valid = related.length ? ` WHERE ${related.join(' AND ')}` : '';
    const limit = relation.single ? ' LIMIT 1' : max === undefined ? '' : ` LIMIT ${max + 1}`;
    const subquery = `COLLECT { ${match} WITH DISTINCT ${carried}${valid} ORDER BY ${to}.${SORT_NAME}, ${to}.name, ${to}.id${limit} RETURN ${value} AS value }`;
    return relation.single ? `head(${subquery})` : subquery;
  }

  /**
   * A page of a relationship's connection, in one expression: the related nodes in (name, id) order after the
   * `after` cursor, `first` of them and one more (to learn whether a next page exists), each an edge with
   * its cursor, its node and the relationship's properties; `totalCount` counted by Neo4j without collecting.
   * An invalid `first` is clamped here and refused by the field's own argument validation.
   */
  private connectionExpression(relation: RelationSpec, field: ResolveTree, bound: { match: string; from: string; to: string; rel: string }): string {
    const { match, from, to, rel } = bound;
    const related = this.relatedConditions(relation, to);
    const types = connectionTypes(this.schema, relation.target);
    const first = Math.min(Math.max(Math.trunc(Number(field.args.first)) || 1, 1), MAX_PAGE);
    // One edge per related node, so that (name, id) keys the page: of two relationships joining the same pair,
    // the first found is the edge's, read again for the page's nodes only.
    const edgeRel = relation.withRel ? ` CALL (${from}, ${to}) { ${match} RETURN ${rel} LIMIT 1 }` : '';
    const conditions = [...related, ...keysetConditions(to, this.params, 'ASC', field.args.after as string | null | undefined)];
    const page = this.variable();
    const row = this.variable();
    const edgeScope: Scope = { node: to, rel, from };
    const selectedOn = (tree: ResolveTree, typeName: string) => Object.values(tree.fieldsByTypeName[typeName] ?? {}).filter((selected) => !selected.name.startsWith('__'));
    const connectionFields = selectedOn(field, types.connection);
    const edgeMaps = connectionFields
      .filter((selected) => selected.name === 'edges')
      .map((edges) => `${quoteKey(edges.alias)}: ${this.edgeMap(types, edges, edgeScope)}`);
    const rows = `COLLECT { ${match} WITH DISTINCT ${to} WHERE ${conditions.join(' AND ')} ORDER BY ${to}.${SORT_NAME}, ${to}.name, ${to}.id LIMIT ${first + 1}${edgeRel} RETURN {cursor: ${cursorText(to)}, edges: {${edgeMaps.join(', ')}}} AS value }`;
    const entries = connectionFields.map((selected) => {
      switch (selected.name) {
        case 'totalCount':
          // Counted as listed: with the sort keys (a node written by Cypher before their back-fill is in neither).
          return `${quoteKey(selected.alias)}: COUNT { ${match} WITH DISTINCT ${to} WHERE ${[...related, ...keysetConditions(to, this.params, 'ASC', null)].join(' AND ')} RETURN ${to} }`;
        case 'pageInfo': {
          const info = selectedOn(selected, 'PageInfo').map(
            (part) => `${quoteKey(part.alias)}: ${part.name === 'hasNextPage' ? `size(${page}) > ${first}` : `last(${page}[..${first}]).cursor`}`,
          );
          return `${quoteKey(selected.alias)}: {${info.join(', ')}}`;
        }
        default: // edges
          return `${quoteKey(selected.alias)}: [${row} IN ${page}[..${first}] | ${row}.edges.${quoteKey(selected.alias)}]`;
      }
    });
    return `[${page} IN [${rows}] | {${entries.join(', ')}}][0]`;
  }

  /** One edge of a relationship's connection as `edges` selects it: cursor, node and the relationship's properties. */
  private edgeMap(types: ConnectionTypes, edges: ResolveTree, scope: Scope): string {
    const spec = this.specs[types.edge] ?? {};
    const entries = Object.values(edges.fieldsByTypeName[types.edge] ?? {})
      .filter((selected) => !selected.name.startsWith('__'))
      .map((selected) => {
        if (selected.name === 'cursor') return `${quoteKey(selected.alias)}: ${cursorText(scope.node)}`;
        if (selected.name === 'node') return `${quoteKey(selected.alias)}: ${this.map(types.node, selected.fieldsByTypeName, { node: scope.node })}`;
        const computed = spec.computed?.[selected.name];
        return `${quoteKey(selected.alias)}: ${computed ? computed(scope) : `${scope.rel}.${quoteKey(selected.name)}`}`;
      });
    return `{${entries.join(', ')}}`;
  }

  /** One map with an entry per selection of the same field under different aliases (e.g. a connection's `node`s). */
  mapByAlias(typeName: string, selections: ResolveTree[], scope: Scope): string {
    const entries = selections.map((selection) => `${quoteKey(selection.alias)}: ${this.map(typeName, selection.fieldsByTypeName, scope)}`);
    return `{${entries.join(', ')}}`;
  }

  /** A fresh Cypher variable name, unique within this projection. */
  variable(): string {
    const name = `${this.prefix}v${this.nextVariable}`;
    this.nextVariable += 1;
    return name;
  }
}

/**
 * Field resolvers of fields with arguments (which type-graphql needs to declare them) read what the
 * projection fetched, under the field's response name. Their fields carry the PREFETCHED_FIELD extension,
 * which tells the fast path (src/execution) that reading the value by response name is all they do
 * once their arguments are valid.
 */
export const PREFETCHED_FIELD = { prefetched: true } as const;

export function prefetched(root: Record<string, unknown>, info: GraphQLResolveInfo): unknown {
  return root[info.path.key];
}
