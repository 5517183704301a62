import type { Config } from 'jest';

const config: Config = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  globalSetup: '<rootDir>/test/support/global-setup.ts',
  globalTeardown: '<rootDir>/test/support/global-teardown.ts',
  // The integration tests share one database; running files one at a time keeps them independent.
  maxWorkers: 1,
  testTimeout: 60_000,
  setupFiles: ['reflect-metadata'],
  transform: {
    // Full-program mode: type-graphql needs the types that emitDecoratorMetadata records across files.
    '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: false }],
  },
};

export default config;
