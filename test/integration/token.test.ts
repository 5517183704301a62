import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../src/config';
import { Harness, TEST_JWT_SECRET } from '../support/harness';

/** `npm run token` (the built script): its token works for a mutation on a server with the same secret, and only there. */
const TOKEN_SCRIPT = path.join(repoRoot, 'dist', 'scripts', 'token.js');

function mint(args: string[], env: Record<string, string | undefined>) {
  const result = spawnSync(process.execPath, [TOKEN_SCRIPT, ...args], {
    env: { ...process.env, JWT_SECRET: undefined, JWT_PUBLIC_KEY: undefined, NODE_ENV: 'development', ...env },
    encoding: 'utf8',
  });
  return { status: result.status, stdout: result.stdout.trim(), stderr: result.stderr };
}

const UPSERT = 'mutation { upsertSkill(input: { name: "Token Minting" }) { id } }';

let server: Harness;
beforeAll(async () => {
  server = await Harness.start();
});
afterAll(async () => {
  await server.data('mutation { deleteNode(id: "token-minting") }', {}, { authorization: `Bearer ${mint(['--role', 'editor'], { JWT_SECRET: TEST_JWT_SECRET }).stdout}` });
  await server.stop();
});

it('mints an editor token that the server accepts for a mutation', async () => {
  const minted = mint(['--role', 'editor', '--sub', 'alice', '--ttl', '10m'], { JWT_SECRET: TEST_JWT_SECRET });
  expect(minted.status).toBe(0);
  expect(minted.stdout).toMatch(/^[\w-]+\.[\w-]+\.[\w-]+$/);
  expect(minted.stderr).toContain('"Authorization": "Bearer ');
  const response = await server.query(UPSERT, {}, { authorization: `Bearer ${minted.stdout}` });
  expect(response.errors).toBeUndefined();
  expect(response.data).toEqual({ upsertSkill: { id: 'token-minting' } });
});

it('mints a reader token that is refused a mutation with FORBIDDEN', async () => {
  const minted = mint(['--role', 'reader'], { JWT_SECRET: TEST_JWT_SECRET });
  const response = await server.query(UPSERT, {}, { authorization: `Bearer ${minted.stdout}` });
  expect(response.errors?.[0].extensions?.code).toBe('FORBIDDEN');
});

it('mints, with another secret, a token the server refuses', async () => {
  const minted = mint(['--role', 'editor'], { JWT_SECRET: 'another-secret-that-is-at-least-32-characters' });
  expect(minted.status).toBe(0);
  const response = await server.query(UPSERT, {}, { authorization: `Bearer ${minted.stdout}` });
  expect(response.status).toBe(401);
  expect(response.errors?.[0].extensions?.code).toBe('UNAUTHENTICATED');
});

it('without JWT_SECRET, says how to set one and mints nothing', () => {
  const minted = mint(['--role', 'editor'], {});
  expect(minted.status).toBe(1);
  expect(minted.stdout).toBe('');
  expect(minted.stderr).toContain('JWT_SECRET is unset');
  expect(minted.stderr).toContain('export JWT_SECRET=');
});

it('refuses to run with NODE_ENV=production', () => {
  const minted = mint(['--role', 'editor'], { JWT_SECRET: TEST_JWT_SECRET, NODE_ENV: 'production' });
  expect(minted.status).toBe(1);
  expect(minted.stdout).toBe('');
  expect(minted.stderr).toContain('refuses to run with NODE_ENV=production');
});

it.each([
  [['--role', 'owner'], '--role must be one of reader, editor, admin'],
  [['--ttl', 'forever'], '--ttl must be a duration'],
  [['--colour', 'blue'], "Unknown option '--colour'"],
])('refuses %j with one line', (args, message) => {
  const minted = mint(args, { JWT_SECRET: TEST_JWT_SECRET });
  expect(minted.status).toBe(1);
  expect(minted.stderr).toContain(message);
});
