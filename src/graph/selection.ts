import { FieldNode, FragmentDefinitionNode, getNamedType, GraphQLResolveInfo, GraphQLSchema, Kind, SelectionSetNode, ValueNode } from 'graphql';
import { ResolveTree } from 'graphql-parse-resolve-info';
import { Projection, resolveTree, TypeSpecs } from './projection';
import { nodeValidity, NodeValidity } from './validity';

/** A Cypher expression built from a selection, and the values of the parameters it names. */
export interface SelectionExpression {
  text: string;
  params: Record<string, unknown>;
}

/**
 * A field's selection as the graph layer compiles it: its resolve tree and the Cypher map expressions
 * built from it. The field's own arguments are left out of the tree: a concept's query reads them from
 * its resolver's arguments, on every request.
 */
export class Selection {
  readonly tree: ResolveTree;
  /** Name of the field's GraphQL type (a list's item type). */
  readonly typeName: string;
  private readonly schema: GraphQLSchema;
  private readonly expressions = new Map<string, SelectionExpression>();

  constructor(info: GraphQLResolveInfo, private readonly specs: TypeSpecs) {
    this.tree = { ...resolveTree(info), args: {} };
    this.typeName = getNamedType(info.returnType).name;
    this.schema = info.schema;
  }

  /** The model's validity predicates (validity.ts), which the field's query applies to the nodes it reads. */
  get validity(): NodeValidity {
    return nodeValidity(this.schema, this.specs);
  }

  /**
   * The expression `key` names: built by `build` the first time, with a projection whose parameters and
   * variables are named apart from the query's and from the other expressions'.
   */
  expression(key: string, build: (projection: Projection) => string): SelectionExpression {
    let expression = this.expressions.get(key);
    if (!expression) {
      const projection = new Projection(this.schema, this.specs, `s${this.expressions.size}`);
      expression = { text: build(projection), params: projection.params.values };
      this.expressions.set(key, expression);
    }
    return expression;
  }
}

/**
 * Compiled selections, kept with the field nodes they came from. The fast path (src/execution) hands the
 * resolvers of a cached plan the same `info.fieldNodes` on every request, so their selections are compiled
 * once per plan. graphql-js collects fresh field nodes for every request, so what it runs is compiled per
 * request, and so is a selection that reads a variable (a nested argument may then differ per request).
 */
export class Selections {
  private readonly compiled = new WeakMap<readonly FieldNode[], Selection>();

  constructor(private readonly specs: TypeSpecs) {}

  of(info: GraphQLResolveInfo): Selection {
    const cached = this.compiled.get(info.fieldNodes);
    if (cached) return cached;
    const selection = new Selection(info, this.specs);
    if (!readsVariables(info.fieldNodes, info.fragments)) this.compiled.set(info.fieldNodes, selection);
    return selection;
  }
}

/** Whether a variable appears anywhere in the fields' selections, fragments included (their own arguments aside). */
export function readsVariables(fieldNodes: readonly FieldNode[], fragments: Record<string, FragmentDefinitionNode>): boolean {
  const seen = new Set<string>();
  const inSelections = (selectionSet: SelectionSetNode | undefined): boolean =>
    (selectionSet?.selections ?? []).some((selection) => {
      if (selection.directives?.some((directive) => directive.arguments?.some((argument) => readsVariable(argument.value)))) return true;
      switch (selection.kind) {
        case Kind.FIELD:
          return (selection.arguments ?? []).some((argument) => readsVariable(argument.value)) || inSelections(selection.selectionSet);
        case Kind.INLINE_FRAGMENT:
          return inSelections(selection.selectionSet);
        case Kind.FRAGMENT_SPREAD: {
          const name = selection.name.value;
          if (seen.has(name)) return false;
          seen.add(name);
          return inSelections(fragments[name]?.selectionSet);
        }
      }
    });
  return fieldNodes.some((node) => inSelections(node.selectionSet));
}

function readsVariable(value: ValueNode): boolean {
  switch (value.kind) {
    case Kind.VARIABLE:
      return true;
    case Kind.LIST:
      return value.values.some(readsVariable);
    case Kind.OBJECT:
      return value.fields.some((field) => readsVariable(field.value));
    default:
      return false;
  }
}
