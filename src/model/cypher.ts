import { DerivedRelationDeclaration, MODEL, relationship, RelationshipDeclaration } from './model';

/**
 * Cypher text derived from the model: relationship patterns, the derived relations' unions and the stamps
 * every writer puts on what it creates. Only labels and types from the model reach these strings.
 */

/** `-[rel:TYPE]->`, `<-[rel:TYPE]-` or, for an undirected relationship, `-[rel:TYPE]-`, as `from` follows it. */
export function arrow(relation: RelationshipDeclaration | string, direction: 'out' | 'in' = 'out', rel = ''): string {
  const { type, undirected } = typeof relation === 'string' ? relationship(relation) : relation;
  if (undirected) return `-[${rel}:${type}]-`;
  return direction === 'out' ? `-[${rel}:${type}]->` : `<-[${rel}:${type}]-`;
}

/**
 * A CALL subquery, importing `bound`, that binds `as` to each `returned` reached by one of the derived
 * relation's paths from `from` to `to` (node patterns such as "r:Role"), without duplicates. Either end may
 * be the bound one: binding `to` walks the paths back from it (a technology's roles).
 */
export function derivedRelationCall(relation: DerivedRelationDeclaration, pattern: { from: string; to: string; bound: string; returned: string; as: string }): string {
  const { from, to, bound, returned, as } = pattern;
  const branches = relation.paths.map((path) => {
    const hops = path.map((hop, index) => `${arrow(hop)}${index === path.length - 1 ? `(${to})` : '()'}`).join('');
    return `MATCH (${from})${hops} RETURN ${returned} AS ${as}`;
  });
  return `CALL (${bound}) {\n    ${branches.join('\n    UNION\n    ')}\n  }`;
}

/**
 * Cypher expression: how many distinct nodes of the derived relation's start label reach node variable `node`
 * through its paths (how many roles work with a technology).
 */
export function derivedRelationCountTo(relation: DerivedRelationDeclaration, node: string): string {
  const branches = relation.paths.map((path) => {
    const hops = path.map((hop, index) => `${index === 0 ? '' : '()'}${arrow(hop)}`).join('');
    return `MATCH (counted:${relation.from})${hops}(${node}) RETURN counted`;
  });
  return `COUNT { ${branches.join(' UNION ')} }`;
}

/** Cypher expression: how many nodes reach node variable `node` through `relation` (how many roles require a skill). */
export function relationshipCountTo(relation: RelationshipDeclaration, node: string): string {
  return `COUNT { (:${relation.from})${arrow(relation)}(${node}) }`;
}

/** The ends a relationship type joins, as `link` checks them. */
export interface RelationEnds {
  from: string;
  to: string;
  undirected: boolean;
}

export function relationEnds(type: string): RelationEnds {
  const { from, to, undirected = false } = relationship(type);
  return { from, to, undirected };
}

/** Relationship types whose start node, deleted, takes its end nodes along. */
export function ownedEnds(): RelationshipDeclaration[] {
  return MODEL.relationships.filter((declared) => declared.ownsEnd);
}

/** The stamps of a node or relationship a writer creates: when, and which writer (`origin` is a Cypher expression). */
export function createdStamp(variable: string, origin: string): string {
  return `${variable}.createdAt = datetime(), ${variable}.origin = ${origin}`;
}

/** Every node carries the shared label Node beside its own, so one index finds any node by id. */
export function nodeStamp(variable: string): string {
  return `${variable}:Node`;
}

/** The stamps of a node or relationship the API changes: when, and who. */
export function updatedStamp(variable: string, actor: string): string {
  return `${variable}.updatedAt = datetime(), ${variable}.updatedBy = ${actor}`;
}

/** A property `link` sets: its description, and the relationship types that take it. */
export function linkablePropertyDescription(property: string): string {
  const takers = MODEL.relationships.filter(({ linkable = [] }) => linkable.includes(property));
  return `${takers[0]?.properties?.[property]?.description ?? property} (${takers.map(({ type }) => type).join(', ')}).`;
}
