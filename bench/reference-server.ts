import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { expressMiddleware } from '@as-integrations/express5';
import { Neo4jGraphQL } from '@neo4j/graphql';
import express from 'express';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import neo4j from 'neo4j-driver';
import { readConfig } from '../src/config';

/**
 * The reference server of the benchmark: the same model served by @neo4j/graphql v7 over the same Neo4j,
 * on the same HTTP stack as ours (Express 5 + Apollo Server 5), read-only but for the updates the read/write
 * mix sends (no authorization: the benchmark measures the work, and ours checks a token it is given).
 *
 * Relations are @relationship fields; what the library cannot express (a role's technologies "directly or
 * through a responsibility", graph-shaped answers, grouped statistics) are @cypher fields whose statements
 * are the Cypher our server runs for the same field. Its connections page with offset cursors
 * ("arrayconnection:N"), which is how the library works.
 *
 * Run: node dist/bench/reference-server.js  (env NEO4J_URI, NEO4J_USER, NEO4J_PASSWORD, PORT; prints "READY <port>")
 */

const LABEL = "toUpper(head([label IN labels(n) WHERE label <> 'Node']))";

export const REFERENCE_TYPE_DEFS = /* GraphQL */ `
  extend schema @mutation(operations: [UPDATE])

  enum TechnologyKind { SERVER DATABASE APPLICATION LANGUAGE FRAMEWORK TOOL }
  enum Seniority { JUNIOR MID SENIOR LEAD }
  enum SalaryPeriod { YEAR MONTH HOUR }
  enum SalaryGroupBy { SENIORITY COUNTRY YEAR ROLE }

  type SkillRequirement @relationshipProperties { level: String }
  type Collaboration @relationshipProperties { reason: String }

  type Role @node {
    id: ID!
    name: String!
    summary: String
    responsibilities: [Responsibility!]! @relationship(type: "HAS_RESPONSIBILITY", direction: OUT)
    skills: [Skill!]! @relationship(type: "REQUIRES", direction: OUT, properties: "SkillRequirement")
    collaboratesWith: [Role!]!
      @relationship(type: "COLLABORATES_WITH", direction: OUT, queryDirection: UNDIRECTED, properties: "Collaboration")
    teams: [Team!]! @relationship(type: "MEMBER_OF", direction: OUT)
    sources: [Source!]! @relationship(type: "CITES", direction: OUT)
    salaries: [Salary!]! @relationship(type: "EARNS", direction: OUT)
    "Technologies used directly (the USES relationship)."
    usesTechnologies: [Technology!]! @relationship(type: "USES", direction: OUT)
    "Technologies used directly or through a responsibility, without duplicates."
    technologies: [Technology!]!
      @cypher(
        statement: """
        CALL (this) {
          MATCH (this)-[:USES]->(t:Technology) RETURN t
          UNION
          MATCH (this)-[:HAS_RESPONSIBILITY]->(:Responsibility)-[:INVOLVES]->(t:Technology) RETURN t
        }
        WITH t ORDER BY t.name, t.id
        RETURN t
        """
        columnName: "t"
      )
  }

  type Responsibility @node {
    id: ID!
    name: String!
    description: String
    roles: [Role!]! @relationship(type: "HAS_RESPONSIBILITY", direction: IN)
    technologies: [Technology!]! @relationship(type: "INVOLVES", direction: OUT)
    sources: [Source!]! @relationship(type: "CITES", direction: OUT)
  }

  type Technology @node {
    id: ID!
    name: String!
    kind: TechnologyKind!
    description: String
    responsibilities: [Responsibility!]! @relationship(type: "INVOLVES", direction: IN)
    "Roles that use it, directly or through a responsibility."
    usedBy: [Role!]!
      @cypher(
        statement: """
        CALL (this) {
          MATCH (this)<-[:USES]-(r:Role) RETURN r
          UNION
          MATCH (this)<-[:INVOLVES]-(:Responsibility)<-[:HAS_RESPONSIBILITY]-(r:Role) RETURN r
        }
        WITH r ORDER BY r.name, r.id
        RETURN r
        """
        columnName: "r"
      )
  }

  type Skill @node {
    id: ID!
    name: String!
    category: String
    description: String
    requiredBy: [Role!]! @relationship(type: "REQUIRES", direction: IN, properties: "SkillRequirement")
  }

  type Salary @node {
    id: ID!
    name: String!
    amount: Float!
    currency: String!
    country: String!
    year: Int!
    seniority: Seniority!
    period: SalaryPeriod!
    role: Role @relationship(type: "EARNS", direction: IN)
    source: Source @relationship(type: "CITES", direction: OUT)
  }

  type Source @node {
    id: ID!
    name: String!
    publisher: String
    url: String
    year: Int
    description: String
  }

  type Team @node {
    id: ID!
    name: String!
    description: String
    roles: [Role!]! @relationship(type: "MEMBER_OF", direction: IN)
  }

  type GraphNode { id: ID! label: String! name: String! }
  type GraphEdge { from: ID! to: ID! type: String! }
  type GraphView { nodes: [GraphNode!]! edges: [GraphEdge!]! }
  type Path { length: Int! nodes: [GraphNode!]! edges: [GraphEdge!]! }
  type SalaryStat { key: String! currency: String! period: SalaryPeriod! count: Int! min: Float! max: Float! avg: Float! }

  type Query {
    "Depth 2 (a variable-length bound cannot be a parameter), at most limit nodes, nearest first."
    neighborhood2(id: ID!, limit: Int! = 200): GraphView!
      @cypher(
        statement: """
        MATCH (start:Node {id: $id})
        CALL (start) {
          MATCH p = (start)-[*1..2]-(n:Node)
          WHERE n <> start
          WITH n, min(length(p)) AS distance
          ORDER BY distance, n.id
          LIMIT toInteger($limit) - 1
          RETURN collect(n) AS near
        }
        WITH [start] + near AS members
        CALL (members) {
          UNWIND members AS a
          MATCH (a)-[r]->(b)
          WHERE b IN members
          RETURN collect({from: a.id, to: b.id, type: type(r)}) AS edges
        }
        RETURN {nodes: [n IN members | {id: n.id, label: ${LABEL}, name: n.name}], edges: edges} AS graph
        """
        columnName: "graph"
      )
    "A shortest path of at most 6 hops, over any relationship, ignoring direction."
    path(from: ID!, to: ID!): Path
      @cypher(
        statement: """
        MATCH (a:Node {id: $from}), (b:Node {id: $to})
        MATCH p = SHORTEST 1 (a)-[]-{0,6}(b)
        RETURN {
          length: length(p),
          nodes: [n IN nodes(p) | {id: n.id, label: ${LABEL}, name: n.name}],
          edges: [r IN relationships(p) | {from: startNode(r).id, to: endNode(r).id, type: type(r)}]
        } AS path
        """
        columnName: "path"
      )
    salaryStats(roleId: ID, groupBy: SalaryGroupBy!): [SalaryStat!]!
      @cypher(
        statement: """
        MATCH (r:Role)-[:EARNS]->(s:Salary)
        WHERE $roleId IS NULL OR r.id = $roleId
        WITH CASE $groupBy WHEN 'SENIORITY' THEN s.seniority WHEN 'COUNTRY' THEN s.country
                           WHEN 'YEAR' THEN toString(s.year) ELSE r.id END AS key, s
        WITH key, s.currency AS currency, s.period AS period, count(s) AS count,
             min(s.amount) AS min, max(s.amount) AS max, avg(s.amount) AS avg
        ORDER BY key, currency, period
        RETURN {key: key, currency: currency, period: period, count: count, min: min, max: max, avg: avg} AS stat
        """
        columnName: "stat"
      )
  }
`;

/** Offset cursor of @neo4j/graphql connections (graphql-relay's): the page after `offset` items. */
export function offsetCursor(offset: number): string {
  return Buffer.from(`arrayconnection:${offset}`, 'utf8').toString('base64');
}

export async function startReferenceServer(options: { uri: string; user: string; password: string; port: number; host?: string }) {
  const driver = neo4j.driver(options.uri, neo4j.auth.basic(options.user, options.password), { userAgent: 'bench-neo4j-graphql' });
  const schema = await new Neo4jGraphQL({ typeDefs: REFERENCE_TYPE_DEFS, driver }).getSchema();
  const app = express();
  const httpServer = http.createServer(app);
  const apollo = new ApolloServer({ schema, plugins: [ApolloServerPluginDrainHttpServer({ httpServer })] });
  await apollo.start();
  app.use('/graphql', express.json({ limit: '100kb' }), expressMiddleware(apollo, { context: async () => ({}) }));
  await new Promise<void>((resolve) => httpServer.listen(options.port, options.host ?? '127.0.0.1', resolve));
  return {
    port: (httpServer.address() as AddressInfo).port,
    async stop() {
      await apollo.stop();
      await driver.close();
    },
  };
}

if (require.main === module) {
  const config = readConfig();
  startReferenceServer({
    uri: config.neo4jUri ?? 'bolt://127.0.0.1:7690',
    user: config.neo4jUser,
    password: config.neo4jPassword,
    port: Number(process.env.PORT || 0),
  })
    .then((server) => {
      console.log(`READY ${server.port}`);
      const stop = () => void server.stop().then(() => process.exit(0));
      process.on('SIGTERM', stop);
      process.on('SIGINT', stop);
    })
    .catch((error: unknown) => {
      console.error(error);
      process.exit(1);
    });
}
