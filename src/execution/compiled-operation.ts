import {
  DocumentNode,
  FieldNode,
  FragmentDefinitionNode,
  getArgumentValues,
  GraphQLAbstractType,
  GraphQLField,
  GraphQLObjectType,
  GraphQLOutputType,
  GraphQLResolveInfo,
  GraphQLSchema,
  isAbstractType,
  isLeafType,
  isListType,
  isNonNullType,
  Kind,
  OperationDefinitionNode,
} from 'graphql';
import { collectFields, collectSubfields } from 'graphql/execution/collectFields';
import { PREFETCHED_FIELD, RESOLVED_TYPE } from '../graph/projection';
import { argumentVariables } from '../operation-variables';

/**
 * The fast path's plan of one query operation (see executor.ts): its root fields, whose resolvers run as
 * graphql-js would run them, and for each a function that turns the value the projection compiler had
 * Neo4j build (already keyed by response name) into the answer, doing only what graphql-js would still
 * do to it: `__typename`, leaf serialisation, list and null checks. Anything it cannot answer exactly as
 * graphql-js would (a null where the schema says non-null, a value a scalar refuses, an unknown concrete
 * type) throws, and the operation is answered by graphql-js instead.
 */

type Complete = (value: unknown) => unknown;
type Variables = Record<string, unknown>;

export interface RootField {
  responseName: string;
  field: GraphQLField<unknown, unknown>;
  fieldNodes: readonly FieldNode[];
  complete: Complete;
}

/** A prefetched field with arguments: its resolver runs once per request, before any query, to validate them. */
export interface ArgumentCheck {
  responseName: string;
  parentType: GraphQLObjectType;
  field: GraphQLField<unknown, unknown>;
  fieldNodes: readonly FieldNode[];
}

export interface CompiledOperation {
  roots: RootField[];
  checks: ArgumentCheck[];
  fragments: Record<string, FragmentDefinitionNode>;
}

/** Thrown while completing a value that graphql-js would answer with an error (or null propagation). */
export class NotFastPathable extends Error {}

const notFastPathable = (why: string): never => {
  throw new NotFastPathable(why);
};

function fragmentsOf(document: DocumentNode): Record<string, FragmentDefinitionNode> {
  const fragments: Record<string, FragmentDefinitionNode> = {};
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

/** Names of the variables that @skip or @include read: the only variables a plan depends on. */
export function directiveVariables(document: DocumentNode): string[] {
  return argumentVariables(document, (owner) => owner.kind === Kind.DIRECTIVE && (owner.name.value === 'skip' || owner.name.value === 'include'));
}

/**
 * The plan of a query operation, or null when one of its fields is not served by the projection compiler
 * (a mutation, introspection, or a field with a resolver of its own).
 */
export function compileOperation(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Variables,
): CompiledOperation | null {
  const queryType = schema.getQueryType();
  if (operation.operation !== 'query' || !queryType) return null;
  const fragments = fragmentsOf(document);
  const checks: ArgumentCheck[] = [];

  const completeObject = (type: GraphQLObjectType, fieldNodes: readonly FieldNode[]): Complete => {
    const entries = [...collectSubfields(schema, fragments, variables, type, fieldNodes)].map(([responseName, nodes]): [string, Complete] => {
      const name = nodes[0].name.value;
      if (name === '__typename') return [responseName, () => type.name];
      const field = type.getFields()[name];
      if (!field) return notFastPathable(`${type.name}.${name} is not in the schema`);
      if (field.resolve) {
        if (field.extensions?.prefetched !== PREFETCHED_FIELD.prefetched) return notFastPathable(`${type.name}.${name} has a resolver of its own`);
        if (field.args.length > 0) checks.push({ responseName, parentType: type, field, fieldNodes: nodes });
      }
      return [responseName, completeValue(field.type, nodes)];
    });
    return (value) => {
      const answer: Record<string, unknown> = {};
      for (const [responseName, complete] of entries) answer[responseName] = complete((value as Record<string, unknown>)[responseName]);
      return answer;
    };
  };

  const completeAbstract = (type: GraphQLAbstractType, fieldNodes: readonly FieldNode[]): Complete => {
    const byType = new Map(schema.getPossibleTypes(type).map((concrete) => [concrete.name, completeObject(concrete, fieldNodes)]));
    return (value) => {
      const complete = byType.get((value as Record<string, unknown>)[RESOLVED_TYPE] as string);
      return complete ? complete(value) : notFastPathable(`no concrete type of ${type.name}`);
    };
  };

  const completeValue = (type: GraphQLOutputType, fieldNodes: readonly FieldNode[]): Complete => {
    if (isNonNullType(type)) {
      const complete = completeValue(type.ofType, fieldNodes);
      return (value) => (value == null ? notFastPathable('null at a non-null field') : complete(value));
    }
    let complete: Complete;
    if (isListType(type)) {
      const item = completeValue(type.ofType, fieldNodes);
      complete = (value) => (Array.isArray(value) ? value.map(item) : notFastPathable('a list field holds no array'));
    } else if (isLeafType(type)) {
      complete = (value) => type.serialize(value) ?? notFastPathable(`${type.name} serialised to null`);
    } else if (isAbstractType(type)) {
      complete = completeAbstract(type, fieldNodes);
    } else {
      complete = completeObject(type, fieldNodes);
    }
    return (value) => (value == null ? null : complete(value));
  };

  try {
    const roots = [...collectFields(schema, fragments, variables, queryType, operation.selectionSet)].map(([responseName, fieldNodes]): RootField => {
      const field = queryType.getFields()[fieldNodes[0].name.value];
      if (!field?.resolve) return notFastPathable(`Query.${fieldNodes[0].name.value} is not served by a resolver`);
      return { responseName, field, fieldNodes, complete: completeValue(field.type, fieldNodes) };
    });
    return { roots, checks, fragments };
  } catch (error) {
    if (error instanceof NotFastPathable) return null;
    throw error;
  }
}

/** The resolve info graphql-js would hand `field`'s resolver at `path`. */
export function resolveInfo(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  fragments: Record<string, FragmentDefinitionNode>,
  variableValues: Variables,
  at: { parentType: GraphQLObjectType; field: GraphQLField<unknown, unknown>; fieldNodes: readonly FieldNode[]; responseName: string },
): GraphQLResolveInfo {
  return {
    fieldName: at.field.name,
    fieldNodes: at.fieldNodes,
    returnType: at.field.type,
    parentType: at.parentType,
    path: { prev: undefined, key: at.responseName, typename: at.parentType.name },
    schema,
    fragments,
    rootValue: undefined,
    operation,
    variableValues,
  };
}

export function argumentValues(field: GraphQLField<unknown, unknown>, fieldNodes: readonly FieldNode[], variableValues: Variables) {
  return getArgumentValues(field, fieldNodes[0], variableValues);
}
