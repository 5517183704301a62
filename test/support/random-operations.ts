import {
  getNamedType,
  getNullableType,
  GraphQLArgument,
  GraphQLField,
  GraphQLInputType,
  GraphQLNamedType,
  GraphQLObjectType,
  GraphQLSchema,
  isAbstractType,
  isEnumType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  parse,
  validate,
} from 'graphql';
import { Rng } from '../../scripts/synthetic';

/**
 * Random valid query operations generated from the schema with a fixed seed, for the differential test of
 * the fast path: nested lists, aliases, named and inline fragments, __typename, arguments inline and as
 * variables, explicit nulls, @include/@skip, and now and then an argument the server refuses.
 */

export interface RandomOperation {
  query: string;
  variables: Record<string, unknown>;
}

/** Values the graph holds, so that lookups find something (and sometimes nothing). */
export interface GraphSamples {
  ids: string[];
  roleIds: string[];
  words: string[];
}

/** Root fields whose answers stay small on a big graph (the full lists are left to the seed graph). */
const BOUNDED_ROOTS = ['node', 'role', 'roles', 'technologies', 'search', 'path', 'neighborhood', 'salaryStats', 'stats'];

export function randomOperations(schema: GraphQLSchema, samples: GraphSamples, count: number, options: { seed: number; boundedRootsOnly?: boolean; maxDepth?: number }): RandomOperation[] {
  const rng = new Rng(options.seed, 0);
  const random = () => rng.next();
  const chance = (p: number) => random() < p;
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)];
  const operations: RandomOperation[] = [];
  const queryType = schema.getQueryType()!;
  const roots = Object.values(queryType.getFields()).filter((field) => !options.boundedRootsOnly || BOUNDED_ROOTS.includes(field.name));

  while (operations.length < count) {
    const fragments: string[] = [];
    const variableDefinitions: string[] = [];
    const variables: Record<string, unknown> = {};
    let names = 0;
    const fresh = (prefix: string) => `${prefix}${(names += 1)}`;

    const scalarValue = (name: string, type: GraphQLNamedType): unknown => {
      if (isEnumType(type)) return pick(type.getValues()).name;
      switch (name) {
        case 'id':
        case 'from':
        case 'to':
        case 'usesTechnology':
        case 'requiresSkill':
        case 'inTeam':
          return chance(0.05) ? 'no-such-node' : pick(samples.ids);
        case 'roleId':
          return pick(samples.roleIds);
        case 'first':
          return chance(0.03) ? pick([-1, 0, 1000]) : pick([1, 2, 3, 5]);
        case 'limit':
          return chance(0.03) ? 0 : pick([5, 20, 50]);
        case 'depth':
          return chance(0.03) ? 9 : pick([1, 2]);
        case 'maxHops':
          return pick([1, 2, 4, 6]);
        case 'after':
          return chance(0.5) ? 'not-a-cursor' : null;
        case 'text':
        case 'nameContains':
          return pick(samples.words);
        case 'country':
          return pick(['US', 'GB', 'DE', 'NL', 'us']);
        case 'currency':
          return pick(['USD', 'EUR', 'GBP', 'dollars']);
        case 'year':
          return pick([2021, 2023, 2024, 2025]);
        default:
          if (type.name === 'Int') return pick([1, 2, 3]);
          if (type.name === 'Boolean') return chance(0.5);
          return pick(samples.words);
      }
    };

    const inputValue = (name: string, type: GraphQLInputType): unknown => {
      const nullable = getNullableType(type);
      if (isListType(nullable)) {
        const values = Array.from({ length: 1 + Math.floor(random() * 2) }, () => inputValue(name, nullable.ofType));
        return [...new Set(values)];
      }
      if (isInputObjectType(nullable)) {
        const fields = Object.values(nullable.getFields()).filter((field) => isNonNullType(field.type) || chance(0.4));
        return Object.fromEntries(fields.map((field) => [field.name, inputValue(field.name, field.type)]));
      }
      return scalarValue(name, nullable as GraphQLNamedType);
    };

    const literal = (value: unknown, type: GraphQLInputType): string => {
      const nullable = getNullableType(type);
      if (value === null) return 'null';
      if (isListType(nullable)) return `[${(value as unknown[]).map((item) => literal(item, nullable.ofType)).join(', ')}]`;
      if (isInputObjectType(nullable)) {
        const fields = nullable.getFields();
        return `{ ${Object.entries(value as Record<string, unknown>).map(([key, item]) => `${key}: ${literal(item, fields[key].type)}`).join(', ')} }`;
      }
      if (isEnumType(nullable)) return String(value);
      return JSON.stringify(value);
    };

    const argumentsOf = (field: GraphQLField<unknown, unknown>): string => {
      const chosen = field.args.filter((arg: GraphQLArgument) => isNonNullType(arg.type) || chance(0.4));
      if (!chosen.length) return '';
      const rendered = chosen.map((arg) => {
        const value = !isNonNullType(arg.type) && chance(0.08) ? null : inputValue(arg.name, arg.type);
        if (chance(0.3)) {
          const name = fresh('v');
          variableDefinitions.push(`$${name}: ${String(arg.type)}`);
          variables[name] = value;
          return `${arg.name}: $${name}`;
        }
        return `${arg.name}: ${literal(value, arg.type)}`;
      });
      return `(${rendered.join(', ')})`;
    };

    const directive = (): string => {
      if (!chance(0.05)) return '';
      const name = fresh('b');
      variableDefinitions.push(`$${name}: Boolean!`);
      variables[name] = chance(0.5);
      return ` @${pick(['include', 'skip'])}(if: $${name})`;
    };

    const selection = (type: GraphQLNamedType, depth: number): string => {
      if (isAbstractType(type)) {
        const common = fieldsOf(type as unknown as GraphQLObjectType, depth);
        const concrete = schema.getPossibleTypes(type).filter(() => chance(0.4));
        const inline = concrete.map((object) => `... on ${object.name} ${selection(object, depth)}`);
        return `{ ${[...common, ...inline].join(' ')} }`;
      }
      const fields = fieldsOf(type as GraphQLObjectType, depth);
      if (chance(0.15)) {
        const name = fresh('F');
        fragments.push(`fragment ${name} on ${type.name} { ${fields.join(' ')} }`);
        return `{ ...${name} }`;
      }
      if (chance(0.1)) return `{ ... on ${type.name} { ${fields.join(' ')} } }`;
      return `{ ${fields.join(' ')} }`;
    };

    const fieldsOf = (type: GraphQLObjectType, depth: number): string[] => {
      const all = Object.values(type.getFields());
      const leaves = all.filter((field) => !isObjectLike(field));
      const nested = depth < (options.maxDepth ?? 4) ? all.filter((field) => isObjectLike(field)) : [];
      const chosen = [...leaves.filter(() => chance(0.5)), ...nested.filter(() => chance(depth === 0 ? 0.6 : 0.25))];
      if (!chosen.length) chosen.push(leaves[0] ?? all[0]);
      const rendered = chosen.map((field) => {
        const alias = chance(0.2) ? `${fresh('a')}: ` : '';
        const sub = isObjectLike(field) ? ` ${selection(getNamedType(field.type), depth + 1)}` : '';
        return `${alias}${field.name}${argumentsOf(field)}${directive()}${sub}`;
      });
      if (chance(0.15)) rendered.push('__typename');
      return rendered;
    };

    const someRoots = roots.filter(() => chance(0.25)).slice(0, 2);
    const chosenRoots = someRoots.length ? someRoots : [pick(roots)];
    const body = chosenRoots.map((field) => {
      const alias = chance(0.2) ? `${fresh('r')}: ` : '';
      const sub = isObjectLike(field) ? ` ${selection(getNamedType(field.type), 1)}` : '';
      return `${alias}${field.name}${argumentsOf(field)}${directive()}${sub}`;
    });
    if (chance(0.05)) body.push('__typename');
    const header = variableDefinitions.length ? `(${variableDefinitions.join(', ')})` : '';
    const query = [`query Random${operations.length}${header} { ${body.join(' ')} }`, ...fragments].join('\n');
    if (validate(schema, parse(query)).length === 0) operations.push({ query, variables });
  }
  return operations;
}

function isObjectLike(field: GraphQLField<unknown, unknown>): boolean {
  const type = getNamedType(field.type);
  return isObjectType(type) || isAbstractType(type);
}
