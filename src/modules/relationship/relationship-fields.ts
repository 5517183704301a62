import { GraphQLResolveInfo } from 'graphql';
import { Args, ClassType, Extensions, Field, FieldResolver, Float, Info, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Bounded, useConnection } from '../../graph/list-bound';
import { MatchContext, PREFETCHED_FIELD, prefetched, RelationSpec, Scope, TypeSpecs } from '../../graph/projection';
import { arrow, derivedRelationCall } from '../../model/cypher';
import { MODEL, NodeTypeDeclaration, PropertyDeclaration, PropertyType, RelationFieldDeclaration } from '../../model/model';
import { Connection } from '../connection/connection.type';
import { PageArgs } from '../connection/connection.inputs';
import { Node } from '../node/node.type';
import { FIELD_FILTERS } from './filters';

/**
 * The GraphQL side of the model's relationships (src/model/model.ts): for every relationship field declared
 * there, the field on its node type (a list, or one value), its `<name>Connection` page, the edge and item
 * types, and the projection's spec that compiles them into the operation's one Cypher query. Nothing here
 * names a relationship type or a field: add a relationship to the model and it gains all of these.
 */

/** One relationship field of the model, resolved: the related nodes' type, the relationship's properties and the pattern. */
interface RelationField {
  declaration: RelationFieldDeclaration;
  /** GraphQL type of the related nodes: a node type, or the Node interface. */
  target: string;
  properties: Record<string, PropertyDeclaration>;
  /** Binds `to` (and `rel`, for a relationship with properties) from `from`, with the field's filter. */
  match: (context: MatchContext) => string;
  /** The edge's property expressions, when they are not the matched relationship's own (a derived relation's). */
  edgeProperty?: (property: string) => (scope: Scope) => string;
}

const SCALARS: Record<PropertyType, () => unknown> = { String: () => String, Float: () => Float, Boolean: () => Boolean, Int: () => Int };

const capitalised = (name: string) => name.charAt(0).toUpperCase() + name.slice(1);

function filterConditions(declaration: RelationFieldDeclaration, { to, args, params }: MatchContext): string[] {
  return declaration.filter ? FIELD_FILTERS[declaration.filter].conditions(to, args, params) : [];
}

/** The fields of every relationship and derived relation of the model. */
function relationFields(): RelationField[] {
  const direct = MODEL.relationships.flatMap((declared) =>
    (declared.fields ?? []).map((declaration): RelationField => {
      const direction = declaration.direction ?? (declaration.on === declared.to && declared.from !== declared.to ? 'in' : 'out');
      const target = direction === 'out' ? declared.to : declared.from;
      const properties = declared.properties ?? {};
      return {
        declaration,
        target,
        properties,
        match: (context) => {
          const conditions = filterConditions(declaration, context);
          const rel = Object.keys(properties).length ? context.rel : '';
          return `MATCH (${context.from})${arrow(declared, direction, rel)}(${context.to}:${target})${conditions.length ? ` WHERE ${conditions.join(' AND ')}` : ''}`;
        },
      };
    }),
  );
  const derived = MODEL.derivedRelations.flatMap((declared) =>
    declared.fields.map((declaration): RelationField => {
      const reverse = declaration.on === declared.to && declared.from !== declared.to;
      const target = reverse ? declared.from : declared.to;
      const viaProperties = declared.edgeProperties;
      return {
        declaration,
        target,
        properties: viaProperties?.properties ?? {},
        match: (context) => {
          const { from, to } = context;
          const ends = reverse ? { from: `x:${declared.from}`, to: from } : { from, to: `x:${declared.to}` };
          const conditions = filterConditions(declaration, context);
          const call = derivedRelationCall(declared, { ...ends, bound: from, returned: 'x', as: to });
          return conditions.length ? `${call} WITH ${from}, ${to} WHERE ${conditions.join(' AND ')}` : call;
        },
        // The property of the direct relationship (`edgeProperties`) between the two ends; null without one.
        edgeProperty: viaProperties
          ? (property) =>
              ({ node, from }: Scope) => {
                const [start, end] = reverse ? [node, from] : [from, node];
                return `head([(${start})${arrow(viaProperties, 'out', `${node}direct`)}(${end}) | ${node}direct.${property}])`;
              }
          : undefined,
      };
    }),
  );
  return [...direct, ...derived];
}

/** A base @ObjectType with one nullable field per property (simple resolvers, so the fast path keeps them). */
function propertiesClass(properties: Record<string, PropertyDeclaration>): ClassType<object> {
  @ObjectType({ simpleResolvers: true })
  class Properties {}
  for (const [name, { type, description }] of Object.entries(properties)) {
    Field(SCALARS[type] as never, { nullable: true, description })(Properties.prototype, name);
  }
  return Properties;
}

/** The GraphQL type of a node type declared without a hand-written class: id, name and its declared properties. */
function generatedNodeClass({ label, description, properties = {} }: NodeTypeDeclaration): ClassType {
  @ObjectType(label, { implements: Node, simpleResolvers: true, description })
  class GeneratedNode extends Node {}
  for (const [name, property] of Object.entries(properties)) {
    Field(SCALARS[property.type] as never, { nullable: true, description: property.description })(GeneratedNode.prototype, name);
  }
  return GeneratedNode;
}

/**
 * Declares a field without arguments on `owner` itself: with the class's simple resolvers it has no resolver
 * at all, as a hand-written @Field, so neither graphql-js nor the fast path spends anything on it per request.
 */
function plainField(owner: ClassType, name: string, type: () => unknown, options: { description?: string; deprecationReason?: string; nullable?: boolean; bound?: number }): void {
  const prototype = owner.prototype as object;
  if (options.bound !== undefined) Bounded(options.bound)(prototype, name);
  Field(type as never, { description: options.description, deprecationReason: options.deprecationReason, nullable: options.nullable })(prototype, name);
}

/** Declares a prefetched field resolver (it reads what the projection fetched) named `name` on `resolver`. */
function prefetchedField(resolver: ClassType, name: string, type: () => unknown, options: { args?: ClassType; description?: string; deprecationReason?: string; nullable?: boolean; bound?: number | 'page' }): void {
  const prototype = resolver.prototype as Record<string, unknown>;
  prototype[name] = (root: Record<string, unknown>, info: GraphQLResolveInfo): unknown => prefetched(root, info);
  const descriptor = Object.getOwnPropertyDescriptor(prototype, name)!;
  Root()(prototype, name, 0);
  Info()(prototype, name, 1);
  if (options.args) Args(() => options.args!)(prototype, name, 2);
  Extensions(PREFETCHED_FIELD)(prototype, name, descriptor);
  if (options.bound !== undefined) Bounded(options.bound)(prototype, name, descriptor);
  FieldResolver(type as never, { description: options.description, deprecationReason: options.deprecationReason, nullable: options.nullable })(prototype, name, descriptor);
}

export interface RelationshipSchema {
  /** One resolver per node type with relationship fields. */
  resolvers: ClassType[];
  /** The node types the model declares without a class, to be in the schema through Node. */
  generatedTypes: ClassType[];
  specs: TypeSpecs;
}

/**
 * Builds the relationship fields of the model's node types. `classes` are the hand-written node classes by
 * label; a declared node type without one gets a generated class.
 */
export function relationshipSchema(classes: ClassType[]): RelationshipSchema {
  const byLabel = new Map<string, ClassType>(classes.map((type) => [type.name, type]));
  byLabel.set('Node', Node as unknown as ClassType);
  const generatedTypes: ClassType[] = [];
  for (const declared of MODEL.nodeTypes) {
    if (byLabel.has(declared.label)) continue;
    const generated = generatedNodeClass(declared);
    byLabel.set(declared.label, generated);
    generatedTypes.push(generated);
  }
  const specs: TypeSpecs = {};
  const resolvers = new Map<string, ClassType>();
  const resolverOf = (label: string): ClassType => {
    if (!resolvers.has(label)) {
      @Resolver(() => byLabel.get(label)!)
      class RelationshipFieldsResolver {}
      resolvers.set(label, RelationshipFieldsResolver);
    }
    return resolvers.get(label)!;
  };
  const specOf = (typeName: string) => (specs[typeName] ??= { relations: {}, computed: {} });

  for (const field of relationFields()) {
    const { declaration, target, properties } = field;
    const { on, name, single, item, filter, description } = declaration;
    const targetClass = byLabel.get(target)!;
    const hasProperties = Object.keys(properties).length > 0;
    const filterArgs = filter ? FIELD_FILTERS[filter] : undefined;
    // A derived relation's edge properties are read by `edgeProperty`; a relationship's from the matched `rel`.
    const relation: RelationSpec = { target, label: target, match: field.match, withRel: hasProperties && !field.edgeProperty };
    const ownerClass = byLabel.get(on)!;

    // A field without arguments is a plain field of the class; one with a filter needs a resolver to declare its arguments.
    const listField = (type: () => unknown) => {
      const options = listOptions(declaration, filterArgs?.args);
      if (options.args) prefetchedField(resolverOf(on), name, type, options);
      else plainField(ownerClass, name, type, options);
    };
    if (single) {
      specOf(on).relations![name] = { ...relation, single: true };
      plainField(ownerClass, name, () => targetClass, { description, nullable: !declaration.required });
    } else if (item) {
      @ObjectType(item.type, { simpleResolvers: true })
      class Item extends propertiesClass(properties) {}
      Field(() => targetClass)(Item.prototype, item.node);
      specOf(item.type).relations![item.node] = { target, single: true };
      for (const property of Object.keys(properties)) specOf(item.type).computed![property] = ({ rel }) => `${rel}.${property}`;
      specOf(on).relations![name] = { ...relation, target: item.type, withRel: true };
      listField(() => [Item]);
    } else if (!declaration.connectionOnly) {
      specOf(on).relations![name] = relation;
      listField(() => [targetClass]);
    }

    if (declaration.connection) {
      const typeName = `${on}${capitalised(name)}`;
      const connection = Connection(targetClass, { name: typeName, edgeProperties: hasProperties ? propertiesClass(properties) : undefined });
      specOf(on).relations![`${name}Connection`] = { ...relation, target: `${typeName}Connection`, paged: true };
      if (field.edgeProperty) {
        for (const property of Object.keys(properties)) specOf(`${typeName}Edge`).computed![property] = field.edgeProperty(property);
      }
      prefetchedField(resolverOf(on), `${name}Connection`, () => connection, {
        args: filterArgs?.pageArgs ?? PageArgs,
        description: declaration.connectionOnly
          ? `${description} A page of them, in name order.`
          : `A page of \`${name}\`, in name order${hasProperties ? "; an edge carries the relationship's properties" : ''}.`,
      });
    }
  }
  return { resolvers: [...resolvers.values()], generatedTypes, specs };
}

function listOptions(declaration: RelationFieldDeclaration, args: ClassType | undefined) {
  const bound = declaration.bound;
  if (bound === undefined) throw new Error(`The list ${declaration.on}.${declaration.name} declares no bound in the model`);
  return {
    args,
    bound,
    description: declaration.description,
    deprecationReason: declaration.deprecated ? useConnection(`${declaration.name}Connection`, bound) : undefined,
  };
}
