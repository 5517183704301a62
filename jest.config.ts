import type { Config } from 'jest';

/**
 * Four projects: `unit` needs no build and no database (`npm run test:unit`); `integration`, `e2e` and `slow`
 * (the differential, fault, load and multi-process tests) share one Neo4j, which their global setup builds
 * the project for and starts once, whichever of them run. `npm test` runs them all.
 */

const SLOW = ['fast-path', 'fault', 'load', 'many-instances', 'real-size', 'startup-failures', 'dev'];

const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  setupFiles: ['reflect-metadata'],
  transform: {
    // Full-program mode: type-graphql needs the types that emitDecoratorMetadata records across files.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }],
  },
} satisfies Config;

const withDatabase = {
  ...common,
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
} satisfies Config;

const slowFiles = SLOW.map((name) => `<rootDir>/test/integration/${name}.test.ts`);

const config: Config = {
  // The database tests share one database; running files one at a time keeps them independent.
  maxWorkers: 1,
  testTimeout: 60_000,
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'] },
    { ...withDatabase, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], testPathIgnorePatterns: slowFiles },
    { ...withDatabase, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'] },
    { ...withDatabase, displayName: 'slow', testMatch: slowFiles },
  ],
};

export default config;
