/**
 * The graph's model, declared once: every node type and every relationship, in one typed table.
 *
 * Why a table and not decorators on the type-graphql classes: a relationship has two ends on two classes
 * (USES gives Role `technologyUsage` and, through the derived "uses" relation, Technology `usedBy`), and the
 * node classes already import one another; one declaration per relationship can only sit beside both ends,
 * here. This module imports nothing, so everything may derive from it: the GraphQL relationship fields and
 * their connections (src/modules/relationship), `NodeLabel` and `RelationType`, the ends `link` accepts, the
 * projection's patterns, cypher/schema (written by `npm run schema`), the importers' labels and
 * types, the write stamps, the synthetic generator and the explorer's legend.
 *
 * Built-in declarations are at the end; `declareNodeType` / `declareRelationship` / `declareDerivedRelation`
 * add one (a test declares a throwaway type this way, before loading the schema).
 */

export type PropertyType = 'String' | 'Float' | 'Boolean' | 'Int';

export interface PropertyDeclaration {
  type: PropertyType;
  description?: string;
}

export interface NodeTypeDeclaration {
  /** Neo4j label and GraphQL type name, e.g. 'Role'. Its NodeLabel is the label upper-cased. */
  label: string;
  /** The explorer's colour for the label (Okabe–Ito for the built-in ones, readable with colour-blindness). */
  colour: string;
  description?: string;
  /**
   * Properties of a type without a hand-written class (the GraphQL type is generated with `id`, `name` and
   * these); the built-in types declare theirs on their classes in src/modules.
   */
  properties?: Record<string, PropertyDeclaration>;
  /** Composite range indexes beyond (sortName, name, id), which every label gets for keyset paging. */
  indexes?: string[][];
  /** Properties the full-text `search` index reads (name always). */
  searchable?: string[];
}

/** A list filter that a relationship field accepts (see src/modules/relationship/filters.ts). */
export type FieldFilter = 'technologyKind' | 'salaryWhere';

export interface RelationFieldDeclaration {
  /** The label whose GraphQL type gets the field. */
  on: string;
  /** The field's name: a list (or a single value), e.g. 'responsibilities'. */
  name: string;
  description?: string;
  /** The most items the list answers (RESULT_TOO_LARGE past it). Absent for a single value. */
  bound?: number;
  single?: boolean;
  /** A single value that is always there (non-null in GraphQL). */
  required?: boolean;
  /** Also a `<name>Connection` page. */
  connection?: boolean;
  /** Only the connection: no list (the related nodes are too many to list, a source's facts). */
  connectionOnly?: boolean;
  /** The list is deprecated in favour of its connection: it grows with the data past its bound. */
  deprecated?: boolean;
  /** The list's items are edges, `{ <node>: related node, ...relationship properties }`, of a type named `type`. */
  item?: { type: string; node: string };
  filter?: FieldFilter;
  /** For a relationship between nodes of one label: which way the field follows it (default 'out'). */
  direction?: 'out' | 'in';
}

export interface RelationshipDeclaration {
  /** Neo4j relationship type, e.g. 'USES'. */
  type: string;
  /** Start and end labels; 'Node' means any node. */
  from: string;
  to: string;
  description: string;
  /** No direction: (a)-[:T]->(b) and (b)-[:T]->(a) are the same relationship. */
  undirected?: boolean;
  /** Deleting the start node deletes the end nodes it reaches this way (a role's salaries). */
  ownsEnd?: boolean;
  /** Properties a user may set through `link` (the importers set others, declared in `properties`). */
  linkable?: string[];
  properties?: Record<string, PropertyDeclaration>;
  fields?: RelationFieldDeclaration[];
}

/**
 * A relation that is a union of paths of relationships, e.g. "a role works with a technology": directly
 * (USES) or through one of its responsibilities (HAS_RESPONSIBILITY, INVOLVES).
 */
export interface DerivedRelationDeclaration {
  name: string;
  from: string;
  to: string;
  /** Each path: the relationships followed from `from` to `to`, all outgoing. */
  paths: RelationshipDeclaration[][];
  /** The relationship whose properties the connection's edges carry when the direct one exists. */
  edgeProperties?: RelationshipDeclaration;
  fields: RelationFieldDeclaration[];
}

export interface Model {
  nodeTypes: NodeTypeDeclaration[];
  relationships: RelationshipDeclaration[];
  derivedRelations: DerivedRelationDeclaration[];
}

export const MODEL: Model = { nodeTypes: [], relationships: [], derivedRelations: [] };

export function declareNodeType(declaration: NodeTypeDeclaration): void {
  if (MODEL.nodeTypes.some((known) => known.label === declaration.label)) throw new Error(`Node type ${declaration.label} is declared twice`);
  MODEL.nodeTypes.push(declaration);
}

/** Declares a relationship; code refers to it by the declaration this returns, never by its type's name. */
export function declareRelationship(declaration: RelationshipDeclaration): RelationshipDeclaration {
  if (MODEL.relationships.some((known) => known.type === declaration.type)) throw new Error(`Relationship ${declaration.type} is declared twice`);
  MODEL.relationships.push(declaration);
  return declaration;
}

export function declareDerivedRelation(declaration: DerivedRelationDeclaration): DerivedRelationDeclaration {
  MODEL.derivedRelations.push(declaration);
  return declaration;
}

export function relationship(type: string): RelationshipDeclaration {
  const found = MODEL.relationships.find((declared) => declared.type === type);
  if (!found) throw new Error(`No relationship ${type} is declared`);
  return found;
}


/** The NodeLabel value (GraphQL enum) of a Neo4j label. */
export const nodeLabelName = (label: string): string => label.toUpperCase();

// ---------------------------------------------------------------------------------------------------------
// The built-in model. Relationship types are named here only; code uses the declarations exported below.

declareNodeType({ label: 'Role', colour: '#0072B2', searchable: ['description', 'summary', 'alternativeNames'] });
declareNodeType({ label: 'Responsibility', colour: '#E69F00', searchable: ['description'] });
declareNodeType({ label: 'Technology', colour: '#009E73', indexes: [['kind', 'sortName', 'name', 'id']], searchable: ['description'] });
declareNodeType({ label: 'Skill', colour: '#CC79A7', searchable: ['description', 'alternativeNames'] });
declareNodeType({ label: 'Salary', colour: '#D55E00', indexes: [['currency', 'country', 'year']] });
declareNodeType({ label: 'Source', colour: '#56B4E9', searchable: ['description'] });
declareNodeType({ label: 'Team', colour: '#8C7A00', searchable: ['description'] });

const USE_PROPERTIES: Record<string, PropertyDeclaration> = {
  share: { type: 'Float', description: "Fraction (0-1) of the role's survey respondents who worked with it." },
  hot: { type: 'Boolean', description: 'O*NET: a hot technology (frequently in job postings).' },
  inDemand: { type: 'Boolean', description: 'O*NET: in demand for this occupation.' },
  source: { type: 'String', description: 'Id of the Source the relationship comes from.' },
  answered: { type: 'Int', description: "Survey: how many of the role's respondents answered the question that names it (the share's denominator)." },
};

export const hasResponsibility = declareRelationship({
  type: 'HAS_RESPONSIBILITY',
  from: 'Role',
  to: 'Responsibility',
  description: 'A role carries a responsibility (an O*NET task, a seed duty).',
  properties: {
    importance: { type: 'Float', description: "O*NET: how important the task is to the occupation, 1-5 (Task Ratings' importance scale)." },
  },
  fields: [
    { on: 'Role', name: 'responsibilities', bound: 100, connection: true, deprecated: true },
    { on: 'Responsibility', name: 'roles', bound: 50, connection: true },
  ],
});
export const involves = declareRelationship({
  type: 'INVOLVES',
  from: 'Responsibility',
  to: 'Technology',
  description: 'A responsibility involves a technology.',
  fields: [
    { on: 'Responsibility', name: 'technologies', bound: 50, connection: true },
    { on: 'Technology', name: 'responsibilities', bound: 500, connection: true, deprecated: true },
  ],
});
export const uses = declareRelationship({
  type: 'USES',
  from: 'Role',
  to: 'Technology',
  description: 'A role uses a technology directly, with what the datasets say of the use.',
  properties: USE_PROPERTIES,
  fields: [
    {
      on: 'Role',
      name: 'technologyUsage',
      bound: 500,
      item: { type: 'TechnologyUsage', node: 'technology' },
      description: 'Technologies the role uses directly, with what the datasets say of the use (share of survey respondents, O*NET hot and in demand).',
    },
  ],
});
export const requires = declareRelationship({
  type: 'REQUIRES',
  from: 'Role',
  to: 'Skill',
  description: 'A role requires a skill, at a level (ESCO: essential or optional).',
  linkable: ['level'],
  properties: { level: { type: 'String', description: 'How well the role needs the skill.' } },
  fields: [
    { on: 'Role', name: 'skills', bound: 300, connection: true, deprecated: true, item: { type: 'SkillRequirement', node: 'skill' } },
    { on: 'Skill', name: 'requiredBy', bound: 1000, connection: true, deprecated: true },
  ],
});
export const collaboratesWith = declareRelationship({
  type: 'COLLABORATES_WITH',
  from: 'Role',
  to: 'Role',
  undirected: true,
  description: 'Two roles work together.',
  linkable: ['reason'],
  properties: { reason: { type: 'String', description: 'Why the two roles work together.' } },
  fields: [{ on: 'Role', name: 'collaboratesWith', bound: 50, connection: true, item: { type: 'Collaboration', node: 'role' } }],
});
export const memberOf = declareRelationship({
  type: 'MEMBER_OF',
  from: 'Role',
  to: 'Team',
  description: 'A role belongs to a team.',
  fields: [
    { on: 'Role', name: 'teams', bound: 20, connection: true },
    { on: 'Team', name: 'roles', bound: 200, connection: true, description: 'Its members.' },
  ],
});
export const earns = declareRelationship({
  type: 'EARNS',
  from: 'Role',
  to: 'Salary',
  ownsEnd: true,
  description: 'A salary data point of a role.',
  fields: [
    { on: 'Role', name: 'salaries', bound: 500, connection: true, deprecated: true, filter: 'salaryWhere' },
    { on: 'Salary', name: 'role', single: true, required: true },
  ],
});
export const cites = declareRelationship({
  type: 'CITES',
  from: 'Node',
  to: 'Source',
  description: 'A fact comes from a source.',
  fields: [
    { on: 'Responsibility', name: 'sources', bound: 20 },
    { on: 'Salary', name: 'source', single: true },
    { on: 'Source', name: 'facts', connection: true, connectionOnly: true, description: 'The facts (nodes) that cite it.' },
  ],
});
export const mapsTo = declareRelationship({
  type: 'MAPS_TO',
  from: 'Role',
  to: 'Role',
  description: 'A team role corresponds to a standard occupation (ESCO, O*NET), as cypher/import/crosswalk.csv maps them.',
  fields: [
    {
      on: 'Role',
      name: 'standardOccupations',
      bound: 10,
      description: 'The standard occupations (ESCO, O*NET) this team role corresponds to, as cypher/import/crosswalk.csv maps them.',
    },
  ],
});

export const worksWith = declareDerivedRelation({
  name: 'worksWith',
  from: 'Role',
  to: 'Technology',
  paths: [[uses], [hasResponsibility, involves]],
  edgeProperties: uses,
  fields: [
    {
      on: 'Role',
      name: 'technologies',
      bound: 500,
      connection: true,
      deprecated: true,
      filter: 'technologyKind',
      description: 'Technologies the role works with, directly or through its responsibilities, without duplicates.',
    },
    { on: 'Technology', name: 'usedBy', bound: 1000, connection: true, deprecated: true, description: 'Roles that use it, directly or through a responsibility.' },
  ],
});
export const citedFor = declareDerivedRelation({
  name: 'citedFor',
  from: 'Role',
  to: 'Source',
  paths: [[cites], [earns, cites], [hasResponsibility, cites]],
  fields: [{ on: 'Role', name: 'sources', bound: 200, connection: true, description: 'Where the facts about this role come from.' }],
});
