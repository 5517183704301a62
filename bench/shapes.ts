import { offsetCursor } from './reference-server';

/**
 * The operations the benchmark runs, each as this server's query and @neo4j/graphql's equivalent (same
 * fields, same order of nested lists, same arguments), with a few argument variants that every
 * connection cycles through so the database does not answer one question over and over.
 */

export type Variables = Record<string, unknown>;

export interface Shape {
  name: string;
  description: string;
  ours: string;
  reference: string;
  variants: Variables[];
  /** Reference variables of a variant when they differ (offset cursors instead of keyset ones). */
  referenceVariants?: Variables[];
  /**
   * Another shape whose query this server answers in the same rounds, as a control: a target comparing
   * the two (deep keyset page against first page) then compares figures measured under the same load.
   */
  control?: string;
  /** Both answers reduced to what must be equal (ids, counts, path length), to check the two servers agree. */
  answer: (data: Record<string, any>, server: 'ours' | 'reference') => unknown;
  /** Writes mixed into the reads: every `every`-th request of each connection is one, with an editor's token. */
  writes?: { every: number; ours: string; reference: string; variants: Variables[] };
}

/** The node the read/write mix writes: outside the synthetic graph and linked to nothing, so reads never see it. */
export const MIX_TECHNOLOGY = { id: 'bench-mix-technology', name: 'Bench mix technology' };

export interface ShapeArguments {
  /** Technologies used by a few dozen roles each (the popular head of the synthetic graph). */
  popularTechnologies: string[];
  /** Roles spread over the graph. */
  roles: string[];
  /** (technology, role) pairs for paths. */
  pathPairs: [string, string][];
  /** Keyset cursors of the ~50,000th technologies (name, id order) and their 0-based offsets. */
  deepPages: { cursor: string; offset: number }[];
}

const ORDER = 'sort: [{ name: ASC }, { id: ASC }]';
const USES_TECHNOLOGY =
  'OR: [{ usesTechnologies: { some: { id: { eq: $tech } } } }, { responsibilities: { some: { technologies: { some: { id: { eq: $tech } } } } } }]';

const edges = (connection: Record<string, any>) =>
  (connection.edges as { node: unknown }[]).map((edge) => edge.node);
const graphAnswer = (graph: Record<string, any> | null) =>
  graph && {
    nodes: (graph.nodes as { id: string; label: string; name: string }[]).map((n) => `${n.id}|${n.label}|${n.name}`).sort(),
    edges: (graph.edges as { from: string; to: string; type: string }[]).map((e) => `${e.from}-${e.type}->${e.to}`).sort(),
  };

export function shapes(args: ShapeArguments): Shape[] {
  const techVariants = args.popularTechnologies.map((tech) => ({ tech }));
  const rolePage: Shape = {
    name: 'role page',
    description: 'a front-end role page through fragments: role(id) with teams, responsibilities, skills, technologies, collaborators, senior salaries',
    ours: `query RolePage($id: ID!) {
  role(id: $id) { ...RoleHeader ...RoleWork ...RolePay }
}
fragment RoleHeader on Role { id name summary teams { id name } }
fragment RoleWork on Role {
  responsibilities { id name }
  skills { level skill { id name } }
  technologies { id name kind }
  collaboratesWith { reason role { id name } }
}
fragment RolePay on Role { salaries(where: { seniority: SENIOR }) { amount currency country year } }`,
    reference: `query RolePage($id: ID!) {
  roles(where: { id: { eq: $id } }) { ...RoleHeader ...RoleWork ...RolePay }
}
fragment RoleHeader on Role { id name summary teams { id name } }
fragment RoleWork on Role {
  responsibilities { id name }
  skillsConnection { edges { properties { level } node { id name } } }
  technologies { id name kind }
  collaboratesWithConnection { edges { properties { reason } node { id name } } }
}
fragment RolePay on Role { salaries(where: { seniority: { eq: SENIOR } }) { amount currency country year } }`,
    variants: args.roles.map((id) => ({ id })),
    answer: (data, server) => {
      const role = server === 'ours' ? data.role : data.roles[0];
      const ids = (items: { id: string }[]) => items.map((item) => item.id).sort();
      return (
        role && {
          id: role.id,
          teams: ids(role.teams),
          responsibilities: ids(role.responsibilities),
          skills: server === 'ours' ? ids(role.skills.map((s: any) => s.skill)) : ids(role.skillsConnection.edges.map((e: any) => e.node)),
          technologies: ids(role.technologies),
          collaborators:
            server === 'ours' ? ids(role.collaboratesWith.map((c: any) => c.role)) : ids(role.collaboratesWithConnection.edges.map((e: any) => e.node)),
          seniorSalaries: role.salaries.length,
        }
      );
    },
  };
  const readWriteMix: Shape = {
    ...rolePage,
    name: '90/10 read/write mix',
    description: 'the role page, and every 10th request a technology upsert (editor token): writes must not slow the reads',
    writes: {
      every: 10,
      ours: `mutation Touch($description: String!) {
  upsertTechnology(input: { id: "${MIX_TECHNOLOGY.id}", name: "${MIX_TECHNOLOGY.name}", kind: TOOL, description: $description }) { id }
}`,
      reference: `mutation Touch($description: String!) {
  updateTechnologies(where: { id: { eq: "${MIX_TECHNOLOGY.id}" } }, update: { description: { set: $description } }) { technologies { id } }
}`,
      variants: [1, 2, 3, 4].map((k) => ({ description: `Written by the benchmark's read/write mix (${k}).` })),
    },
  };
  return [
    {
      name: 'filtered list page',
      description: 'roles(where: {usesTechnology}, first: 20) with totalCount, pageInfo and cursors',
      ours: `query FilteredList($tech: ID!) {
  roles(where: { usesTechnology: $tech }, first: 20) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
  }
}`,
      reference: `query FilteredList($tech: ID!) {
  rolesConnection(first: 20, where: { ${USES_TECHNOLOGY} }, ${ORDER}) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { id name } }
  }
}`,
      variants: techVariants,
      answer: (data, server) => {
        const page = server === 'ours' ? data.roles : data.rolesConnection;
        return { totalCount: page.totalCount, hasNextPage: page.pageInfo.hasNextPage, nodes: edges(page) };
      },
    },
    {
      name: 'deep nested page',
      description:
        'roles(where: {usesTechnology}, first: 5) → responsibilities → technologies → the first 5 roles that use each (of how many), + senior salaries; @neo4j/graphql lists every user of each technology (its usedBy is a @cypher list, which it cannot page)',
      ours: `query DeepNested($tech: ID!) {
  roles(where: { usesTechnology: $tech }, first: 5) {
    edges { node {
      id name
      responsibilities { id name technologies { id name usedByConnection(first: 5) { totalCount edges { node { id } } } } }
      salaries(where: { seniority: SENIOR }) { amount currency country year }
    } }
  }
}`,
      reference: `query DeepNested($tech: ID!) {
  rolesConnection(first: 5, where: { ${USES_TECHNOLOGY} }, ${ORDER}) {
    edges { node {
      id name
      responsibilities(${ORDER}) { id name technologies(${ORDER}) { id name usedBy { id } } }
      salaries(where: { seniority: { eq: SENIOR } }, ${ORDER}) { amount currency country year }
    } }
  }
}`,
      variants: techVariants,
      // The same first five users (in name, id order) and the same count, however each server pages them.
      answer: (data, server) =>
        edges(server === 'ours' ? data.roles : data.rolesConnection).map((role: any) => ({
          ...role,
          responsibilities: role.responsibilities.map((responsibility: any) => ({
            ...responsibility,
            technologies: responsibility.technologies.map(({ usedBy, usedByConnection, ...technology }: any) => ({
              ...technology,
              users: server === 'ours' ? usedByConnection.totalCount : usedBy.length,
              firstUsers: server === 'ours' ? edges(usedByConnection) : usedBy.slice(0, 5),
            })),
          })),
        })),
    },
    rolePage,
    readWriteMix,
    {
      name: 'connections',
      description: 'role(id) → skillsConnection(first: 20) with the level on each edge → requiredByConnection(first: 5) with levels; @neo4j/graphql pages relationships only (its technologies/usedBy are @cypher lists), so both page the same REQUIRES relationships',
      ours: `query Connections($id: ID!) {
  role(id: $id) {
    id
    skillsConnection(first: 20) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { level node { id name requiredByConnection(first: 5) { totalCount edges { level node { id name } } } } }
    }
  }
}`,
      reference: `query Connections($id: ID!) {
  roles(where: { id: { eq: $id } }) {
    id
    skillsConnection(first: 20, sort: [{ node: { name: ASC } }, { node: { id: ASC } }]) {
      totalCount pageInfo { hasNextPage endCursor }
      edges {
        properties { level }
        node { id name requiredByConnection(first: 5, sort: [{ node: { name: ASC } }, { node: { id: ASC } }]) { totalCount edges { properties { level } node { id name } } } }
      }
    }
  }
}`,
      variants: args.roles.map((id) => ({ id })),
      answer: (data, server) => {
        const role = server === 'ours' ? data.role : data.roles[0];
        const level = (edge: any) => (server === 'ours' ? edge.level : edge.properties.level);
        const page = (connection: any, nested: (node: any) => unknown): unknown => ({
          totalCount: connection.totalCount,
          edges: connection.edges.map((edge: any) => ({ level: level(edge), id: edge.node.id, nested: nested(edge.node) })),
        });
        return (
          role && {
            hasNextPage: role.skillsConnection.pageInfo.hasNextPage,
            skills: page(role.skillsConnection, (skill) => page(skill.requiredByConnection, () => null)),
          }
        );
      },
    },
    {
      name: 'keyset first page',
      description: 'technologies(first: 20): the first page, for the deep-page comparison',
      ours: `query FirstPage {
  technologies(first: 20) { pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } } }
}`,
      reference: `query FirstPage {
  technologiesConnection(first: 20, ${ORDER}) { pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } } }
}`,
      variants: [{}],
      answer: (data, server) => edges(server === 'ours' ? data.technologies : data.technologiesConnection),
    },
    {
      name: 'deep keyset page',
      description: 'technologies(first: 20, after: <cursor of the ~50,000th technology>)',
      ours: `query DeepPage($after: String!) {
  technologies(first: 20, after: $after) { pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } } }
}`,
      reference: `query DeepPage($after: String!) {
  technologiesConnection(first: 20, after: $after, ${ORDER}) { pageInfo { hasNextPage endCursor } edges { cursor node { id name kind } } }
}`,
      variants: args.deepPages.map((page) => ({ after: page.cursor })),
      referenceVariants: args.deepPages.map((page) => ({ after: offsetCursor(page.offset) })),
      control: 'keyset first page',
      answer: (data, server) => edges(server === 'ours' ? data.technologies : data.technologiesConnection),
    },
    {
      name: 'neighbourhood depth 2',
      description: 'neighborhood(id: <role>, depth: 2, limit: 100) { nodes edges }',
      ours: `query Neighbourhood($id: ID!) {
  neighborhood(id: $id, depth: 2, limit: 100) { nodes { id label name } edges { from to type } }
}`,
      reference: `query Neighbourhood($id: ID!) {
  neighborhood2(id: $id, limit: 100) { nodes { id label name } edges { from to type } }
}`,
      variants: args.roles.map((id) => ({ id })),
      answer: (data, server) => graphAnswer(server === 'ours' ? data.neighborhood : data.neighborhood2),
    },
    {
      name: 'shortest path',
      description: 'path(from: <technology>, to: <role>) (at most 6 hops)',
      ours: `query ShortestPath($from: ID!, $to: ID!) {
  path(from: $from, to: $to) { length nodes { id label name } edges { from to type } }
}`,
      reference: `query ShortestPath($from: ID!, $to: ID!) {
  path(from: $from, to: $to) { length nodes { id label name } edges { from to type } }
}`,
      variants: args.pathPairs.map(([from, to]) => ({ from, to })),
      // Several shortest paths may tie; both must find one of the same length between the same ends.
      answer: (data) => data.path && { length: data.path.length, from: data.path.nodes[0].id, to: data.path.nodes.at(-1).id },
    },
    {
      name: 'salary stats',
      description: 'salaryStats(roleId: <role>, groupBy: COUNTRY) { key currency period count min max avg }',
      ours: `query SalaryStats($role: ID!) {
  salaryStats(roleId: $role, groupBy: COUNTRY) { key currency period count min max avg }
}`,
      reference: `query SalaryStats($role: ID!) {
  salaryStats(roleId: $role, groupBy: COUNTRY) { key currency period count min max avg }
}`,
      variants: args.roles.map((role) => ({ role })),
      answer: (data) => (data.salaryStats as Record<string, number>[]).map((s) => ({ ...s, avg: Math.round(s.avg * 100) / 100 })),
    },
  ];
}
