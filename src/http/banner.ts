import { Config } from '../config';

export interface ServingFacts {
  /** http://host:port, as the server listens. */
  origin: string;
  neo4jUri: string;
  /** Whether this process started that Neo4j (and stops it on exit). */
  neo4jStartedHere: boolean;
  /** The graph's size, when Neo4j answered at start. */
  counts?: { nodes: number; relationships: number };
  seededNow: boolean;
}

function authMode(auth: Config['auth']): string {
  if (auth.jwtPublicKey) return `${auth.jwtAlgorithm} tokens verified with JWT_PUBLIC_KEY; your identity provider issues them`;
  if (auth.jwtSecret) return 'HS256 tokens verified with JWT_SECRET; a development token: npm run token -- --role editor';
  return 'writes disabled (no JWT_SECRET or JWT_PUBLIC_KEY); npm run token -- --role editor says how to enable them';
}

/** What a person needs once serving begins: every URL, the database, the graph, how to write and how to stop. */
export function startBanner(config: Pick<Config, 'auth'>, facts: ServingFacts): { title: string; lines: [string, string][] } {
  const { origin } = facts;
  const graph = facts.counts
    ? `${facts.counts.nodes} nodes, ${facts.counts.relationships} relationships${facts.seededNow ? ' (seeded now)' : ''}`
    : 'Neo4j does not answer yet; retrying every 5 s (/health/ready says when it does)';
  return {
    title: `GraphQL API on ${origin}/graphql`,
    lines: [
      ['IDE', `${origin}/`],
      ['Explorer', `${origin}/explorer`],
      ['Metrics', `${origin}/metrics`],
      ['Health', `${origin}/health/live  ${origin}/health/ready`],
      ['Neo4j', `${facts.neo4jUri}${facts.neo4jStartedHere ? ' (started here; stops with the server)' : ''}`],
      ['Graph', graph],
      ['Auth', authMode(config.auth)],
      ['Stop', `Ctrl+C (or SIGTERM)${facts.neo4jStartedHere ? ', which stops the Neo4j started here too' : ''}`],
    ],
  };
}

/** The banner as a block of text for a terminal. */
export function bannerText(banner: { title: string; lines: [string, string][] }): string {
  const width = Math.max(...banner.lines.map(([name]) => name.length));
  return [banner.title, ...banner.lines.map(([name, value]) => `  ${name.padEnd(width)}  ${value}`)].join('\n');
}
