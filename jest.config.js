// Two tiers, named by file suffix: `unit` runs TypeScript sources directly through swc, no build needed;
// `e2e` drives the built `amplify` binary and the local cloud, so it needs `npm run build` first.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript' }, target: 'es2022' }, module: { type: 'commonjs' } }];

// Workspace packages resolve to their sources in unit tests, so a test never runs stale `lib/` output.
// amplify-velocity-template is an npm dependency, not a workspace package.
const sourceMapper = {
  '^(amplify-(?!velocity-template$)[a-z0-9-]+)$': '<rootDir>/packages/$1/src/index.ts',
};

// The tests' own support package runs from its sources in both tiers (swc compiles it like the tests), so e2e tests
// need no build of it; what it drives (the binary, the local cloud) is still the built code there.
const testSupportMapper = {
  '^amplify-test-support$': '<rootDir>/packages/amplify-test-support/src/index.ts',
};

const common = {
  transform: { '^.+\\.ts$': swc },
  testEnvironment: 'node',
  rootDir: __dirname,
  modulePathIgnorePatterns: ['<rootDir>/packages/[^/]+/lib/'],
};

module.exports = {
  projects: [
    {
      ...common,
      displayName: 'unit',
      moduleNameMapper: sourceMapper,
      testMatch: ['<rootDir>/packages/*/src/**/__tests__/**/*.test.ts', '<rootDir>/scripts/**/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['\\.e2e\\.test\\.ts$'],
    },
    {
      ...common,
      displayName: 'e2e',
      moduleNameMapper: testSupportMapper,
      testMatch: ['<rootDir>/packages/*/src/**/__tests__/**/*.e2e.test.ts', '<rootDir>/packages/*/test/**/*.e2e.test.ts'],
      setupFilesAfterEnv: ['<rootDir>/scripts/jest/e2e-timeout.js'],
    },
  ],
};
