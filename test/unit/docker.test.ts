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

  it('runs three API replicas once Neo4j and Redis are healthy, pointed at both, trusting the balancer\'s X-Forwarded-For', () => {
    const api = compose.services.api;
    expect(api.build).toBe('.');
    expect(api.deploy.replicas).toBe(3);
    expect(api.depends_on).toEqual({ neo4j: { condition: 'service_healthy' }, redis: { condition: 'service_healthy' } });
    expect(api.environment).toMatchObject({ NEO4J_URI: 'bolt://neo4j:7687', HOST: '0.0.0.0', PORT: '4000', NODE_ENV: 'production', TRUST_PROXY: 'uniquelocal' });
    expect(api.environment.REDIS_URL).toMatch(/^redis:\/\/:.+@redis:6379$/);
    expect(api.ports).toBeUndefined();
  });

  it('runs Redis 7.0 with a password, a memory bound and a health check', () => {
    const redis = compose.services.redis;
    expect(redis.image).toBe('redis:7.0-alpine');
    expect(redis.command).toEqual(expect.arrayContaining(['--requirepass', '--maxmemory', '--maxmemory-policy', 'allkeys-lru']));
    expect(redis.healthcheck.test.join(' ')).toContain('ping');
  });

  it('serves 127.0.0.1:4000 through nginx, round-robin over the replicas with WebSocket upgrades', () => {
    const lb = compose.services.lb;
    expect(lb.image).toMatch(/^nginx:/);
    expect(lb.ports).toEqual(['127.0.0.1:4000:4000']);
    const config = fs.readFileSync(path.join(repoRoot, 'docker', 'nginx.conf'), 'utf8');
    expect(lb.volumes).toContain('./docker/nginx.conf:/etc/nginx/nginx.conf:ro');
    expect(config).toMatch(/server api:4000;/);
    expect(config).toMatch(/proxy_set_header Upgrade \$http_upgrade;/);
    expect(config).toMatch(/proxy_set_header X-Forwarded-For/);
  });
});

describe('Dockerfile', () => {
  const dockerfile = fs.readFileSync(path.join(repoRoot, 'Dockerfile'), 'utf8');

  it('builds in two stages (compile, then run) and runs production dependencies only, as a non-root user', () => {
    expect(dockerfile.match(/^FROM /gm)).toHaveLength(2);
    expect(dockerfile).toMatch(/npm ci --omit=dev/);
    expect(dockerfile).toMatch(/^USER node$/m);
    expect(dockerfile).toMatch(/COPY --from=build \/app\/dist/);
    expect(dockerfile).toMatch(/^CMD \["node", "--max-old-space-size=\d+", "dist\/src\/main\.js"\]$/m);
  });

  it('runs the server with the heap cap npm start gives it', () => {
    const { scripts } = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    const startHeap = /node (--max-old-space-size=\d+) dist\/scripts\/start\.js/.exec(scripts.start)?.[1];
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
