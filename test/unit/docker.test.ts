import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { repoRoot } from '../../src/config';

/** No Docker engine runs here, so check what can be checked without one. */
describe('docker-compose.yml', () => {
  const compose = parse(fs.readFileSync(path.join(repoRoot, 'docker-compose.yml'), 'utf8'));

  it('runs Neo4j 5.26 Community with a health check', () => {
    const neo4j = compose.services.neo4j;
    expect(neo4j.image).toBe('neo4j:5.26-community');
    expect(neo4j.healthcheck.test.join(' ')).toContain('cypher-shell');
    expect(neo4j.ports).toContain('127.0.0.1:7687:7687');
    expect(neo4j.environment.NEO4J_AUTH).toMatch(/^neo4j\//);
  });

  it('runs the API once Neo4j is healthy, pointed at it', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' } });
    expect(api.environment).toMatchObject({ NEO4J_URI: 'bolt://neo4j:7687', HOST: '0.0.0.0', PORT: '4000', NODE_ENV: 'production' });
    expect(api.ports).toContain('127.0.0.1:4000:4000');
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

  it('builds in one stage and runs production dependencies only, as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist/);
    expect(dockerfile).toMatch(/^CMD \["node", "--max-old-space-size=\d+", "dist\/src\/main\.js"\]$/m);
  });

  it('runs the server with the heap cap npm start gives it', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const startHeap = /node (--max-old-space-size=\d+) dist\/src\/main\.js/.exec(scripts.start)?.[1];
    expect(startHeap).toBeDefined();
    expect(dockerfile).toContain(`CMD ["node", "${startHeap}", "dist/src/main.js"]`);
  });

  it('copies every folder the build and the runtime read', () => {
    for (const folder of ['src', 'scripts', 'cypher', 'src/http', 'docs/queries']) {
      expect(dockerfile).toContain(`COPY ${folder} ./${folder}`);
    }
  });

  it('has the browser pages\' packages among the production dependencies', () => {
    const { dependencies } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    for (const name of ['graphiql', 'react', 'react-dom', 'cytoscape']) expect(dependencies).toHaveProperty(name);
  });
});
