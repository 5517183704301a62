import { getNamedType, GraphQLObjectType, GraphQLResolveInfo } from 'graphql';
import { filter, pipe } from '@graphql-yoga/subscription';
import { badArgument, modelViolation } from '../errors';
import { nodeReference, nodeViolations } from '../model/model-check';
import { ChangeFeed, decodeChangeCursor } from './change-feed';
import { ChangeBus, ChangeDraft, GRAPH_CHANGED, GraphChange } from './changes';
import { compileConnection, connectionResult, connectionTypes, PageQuery } from './connection';
import { CypherParams } from './cypher-params';
import { Graph, RoundTrips, Row } from './driver';
import { maxItems } from './list-bound';
import { ResultBudget } from './result-budget';
import { Selection, SelectionExpression, Selections } from './selection';
import { shapeRow } from './shape';

/** A value shaped as the GraphQL selection asks: keyed by response name (alias). */
export type Projected = Record<string, unknown>;

/** What a concept's Cypher is written with. Values only ever enter it through `params`. */
export interface QueryBuilder {
  params: CypherParams;
  /** The current field's selection over node variable `node`, as one Cypher map expression. */
  project(node: string): string;
  /**
   * The selection of the current field's sub-field `field` (every alias of it) over node variable `node`:
   * a map keyed by alias. A row column named `field` holding it is unpacked by `rows`.
   */
  projectField(field: string, node: string): string;
  /** Cypher: whether node variable `node` of the model label `label` ('Node': any) is valid (validity.ts); lists keep only valid nodes. */
  valid(node: string, label: string): string;
  /** Who the request acts as (the token's subject, else "anonymous"): writes are stamped with it. */
  actor: string;
}

/** A concept's query text, written with a QueryBuilder. */
export type CypherText = (query: QueryBuilder) => string;

/** A write: its Cypher (one transaction) and what its single answer row means for the client. */
export interface WriteQuery<T> {
  cypher: CypherText;
  /** The field's value; throws a contract error when the row says the write was refused. */
  answer: (row: Row) => T;
  /** What the committed write changed, for subscribers (called only when `answer` accepted the row). */
  changes: (row: Row) => ChangeDraft[];
}

interface Compiled {
  cypher: string;
  params: Record<string, unknown>;
  selection: Selection;
  /** Row columns that hold maps keyed by alias (QueryBuilder.projectField). */
  byAlias: Set<string>;
}

/** A LIMIT one past the bound of a list field read as rows, so that the result check sees a list past it. */
function rowLimit(info: GraphQLResolveInfo): string {
  const max = maxItems(info.parentType.getFields()[info.fieldName], info.parentType.name);
  return max === undefined ? '' : ` LIMIT ${max + 1}`;
}

/** A query's parameters: its own, and those of the selection's expressions it uses. */
class QueryParams {
  readonly own = new CypherParams();
  private readonly used: Record<string, unknown>[] = [];

  /** The expression's text, its parameters now part of the query's. */
  use(expression: SelectionExpression): string {
    this.used.push(expression.params);
    return expression.text;
  }

  get values(): Record<string, unknown> {
    return Object.assign({}, this.own.values, ...this.used);
  }
}

/**
 * One request's door to the graph. A resolver hands it its concept's query (a node, a list, a keyset page,
 * rows or a write) and the field's `info`; this alone builds the projection and parameters, counts round
 * trips and shapes rows into the answer. The selections (and the type specs they compile with) come from
 * the composition root, so this layer imports nothing from modules/, and they outlive the request.
 */
export class Db {
  /** Cypher queries (database round trips) this request has run. */
  readonly roundTrips: RoundTrips = { count: 0 };

  constructor(
    private readonly graph: Graph,
    private readonly selections: Selections,
    private readonly changes: ChangeBus,
    private readonly actor: string,
    /** What this request's operation may still read. */
    readonly budget: ResultBudget,
    /** The database's change log, when it keeps one: it announces every writer's changes, the API's included. */
    private readonly feed?: ChangeFeed,
  ) {}

  /** The nodes that `match` binds to `n` (MATCH/WHERE/ORDER BY clauses), each projected as the selection asks. */
  async nodes(info: GraphQLResolveInfo, match: CypherText): Promise<Projected[]> {
    const { values, selection } = await this.readNodes(info, match);
    return this.spent(info, selection, values);
  }

  /**
   * The first node that `match` binds to `n`, or null. One that breaks the model (validity.ts: written outside
   * the API) is an error of this field alone, which names what is wrong with it.
   */
  async node(info: GraphQLResolveInfo, match: CypherText): Promise<Projected | null> {
    const selection = this.selections.of(info);
    const { cypher, params } = this.compile(info, (query) => {
      const valid = query.valid('n', selection.typeName);
      return `${match(query)} WITH n LIMIT 1 WITH n, ${valid} AS valid
RETURN valid, CASE WHEN valid THEN ${query.project('n')} END AS value, CASE WHEN NOT valid THEN {labels: labels(n), properties: properties(n)} END AS broken`;
    });
    const [row] = await this.read(cypher, params);
    if (row && !row.valid) {
      const { labels, properties } = row.broken as { labels: string[]; properties: Record<string, unknown> };
      const { rules } = selection.validity;
      const wrong = nodeViolations(rules, labels, properties).map((violation) => violation.message);
      const what = wrong.length ? `: it ${wrong.join('; it ')}` : '';
      throw modelViolation(`${nodeReference(rules, labels, properties)} breaks the model${what}. It was written outside the API; \`npm run graph:check\` lists such nodes with their fixes.`);
    }
    return this.spent(info, selection, (row?.value as Projected | undefined) ?? null);
  }

  /** One page of a keyset connection (and its total count when asked), in one query. */
  async page(info: GraphQLResolveInfo, page: PageQuery): Promise<Projected> {
    const selection = this.selections.of(info);
    const types = connectionTypes(info.schema, selection.typeName);
    const params = new QueryParams();
    const cypher = compileConnection(params.own, selection.tree, types, selection.validity.validPage(page, types.node), (nodeSelections) =>
      params.use(selection.expression('connection nodes', (projection) => projection.mapByAlias(types.node, nodeSelections, { node: 'n' }))),
    );
    const [answer] = await this.read(cypher, params.values);
    return this.spent(info, selection, connectionResult(selection.tree, types, answer as { totalCount: unknown; keys: unknown; nodes: unknown; hasNextPage: unknown }));
  }

  /** The rows `query` returns, each re-keyed by response name (its columns are named after the fields). */
  async rows(info: GraphQLResolveInfo, query: CypherText): Promise<Projected[]> {
    const { rows, shaped, selection } = await this.readRows(info, query);
    return this.spent(info, selection, rows.map(shaped));
  }

  /** The first row `query` returns, re-keyed by response name; when there is none, `otherwise` re-keyed the same way, or null. */
  async row(info: GraphQLResolveInfo, query: CypherText, otherwise?: Row): Promise<Projected | null> {
    const { rows, shaped, selection } = await this.readRows(info, query);
    const found = rows[0] ?? otherwise;
    return this.spent(info, selection, found ? shaped(found) : null);
  }

  /**
   * Runs a write in one transaction and returns what its answer row means. Its changes are published
   * once it has committed and been accepted: a rolled-back or refused write publishes nothing.
   */
  async write<T>(info: GraphQLResolveInfo, query: WriteQuery<T>): Promise<T> {
    const { cypher, params, selection } = this.compile(info, query.cypher);
    const [row] = await this.graph.write(cypher, params, this.roundTrips, { actor: this.actor });
    const value = query.answer(row);
    this.spent(info, selection, value);
    // With a change log, the feed announces this write (once, as it does every writer's); without, the API does.
    if (this.feed) return value;
    const at = new Date().toISOString();
    for (const draft of query.changes(row)) {
      this.changes.publish(GRAPH_CHANGED, { label: null, from: null, to: null, type: null, ...draft, at, actor: this.actor });
    }
    return value;
  }

  /** The changes committed from now on that `accept` lets through, as they come. */
  /**
   * The changes a subscriber with this filter hears: from the change log when the database keeps one (every
   * writer, resumable after `after`), else the API's own writes (no cursor to resume from).
   */
  listen(accept: (change: GraphChange) => boolean, after?: string | null): AsyncIterable<GraphChange> {
    if (this.feed) {
      // A cursor this API did not give is refused now, when the client subscribes, not at its first event.
      if (after) decodeChangeCursor(after);
      return pipe(this.feed.changes(after), filter((change) => change.kind === 'RESYNC' || accept(change)));
    }
    if (after) throw badArgument('after', 'after needs a change log, and this database keeps none (CHANGE_FEED=api): subscribe without it');
    return pipe(this.changes.subscribe(GRAPH_CHANGED), filter(accept));
  }


  /** A value keyed by field name (a subscription's event) re-keyed by the selection's response names. */
  shaped(info: GraphQLResolveInfo, value: Row): Projected {
    const { tree, typeName } = this.selections.of(info);
    return shapeRow(tree, typeName, value);
  }

  private async readNodes(info: GraphQLResolveInfo, match: CypherText): Promise<{ values: Projected[]; selection: Selection }> {
    const { cypher, params, selection } = this.compile(info, (query) => `${match(query)} RETURN ${query.project('n')} AS value${rowLimit(info)}`);
    const rows = await this.read(cypher, params);
    return { values: rows.map((row) => row.value as Projected), selection };
  }

  private async readRows(info: GraphQLResolveInfo, query: CypherText): Promise<{ rows: Row[]; shaped: (row: Row) => Projected; selection: Selection }> {
    const { cypher, params, selection, byAlias } = this.compile(info, (builder) => `${query(builder)}${rowLimit(info)}`);
    const rows = await this.read(cypher, params);
    return { rows, shaped: (row) => shapeRow(selection.tree, selection.typeName, row, byAlias), selection };
  }

  private read(cypher: string, params: Record<string, unknown>): Promise<Row[]> {
    this.budget.check();
    return this.graph.read(cypher, params, this.roundTrips);
  }

  /** The field's value, once counted against the operation's result budget. */
  private spent<T>(info: GraphQLResolveInfo, selection: Selection, value: T): T {
    this.budget.spend(info.parentType.name, info.parentType.getFields()[info.fieldName], selection.tree, value);
    return value;
  }

  private compile(info: GraphQLResolveInfo, text: CypherText): Compiled {
    const selection = this.selections.of(info);
    const { tree, typeName } = selection;
    const params = new QueryParams();
    const byAlias = new Set<string>();
    const builder: QueryBuilder = {
      params: params.own,
      actor: this.actor,
      valid: (node, label) => selection.validity.valid(node, label),
      project: (node) => params.use(selection.expression(`project ${node}`, (projection) => projection.map(typeName, tree.fieldsByTypeName, { node }))),
      projectField: (field, node) => {
        byAlias.add(field);
        return params.use(
          selection.expression(`project ${field} of ${node}`, (projection) => {
            const fieldType = getNamedType((info.schema.getType(typeName) as GraphQLObjectType).getFields()[field].type).name;
            const selections = Object.values(tree.fieldsByTypeName[typeName] ?? {}).filter((selected) => selected.name === field);
            return projection.mapByAlias(fieldType, selections, { node });
          }),
        );
      },
    };
    return { cypher: text(builder), params: params.values, selection, byAlias };
  }
}
