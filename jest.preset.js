// Shared jest settings: @swc/jest with decorator metadata (type-graphql needs it),
// tests next to the code as *.spec.ts, never the compiled copies in dist/.
module.exports = {
  testEnvironment: 'node',
  // A limit for a hung test, not a speed check: CI runs every package's suite at once on two
  // cores against one PostgreSQL, where a database test can take several times its usual time.
  testTimeout: 30_000,
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.spec.ts'],
  // jose ships only as an ES module: compile it to CommonJS like our own sources.
  transformIgnorePatterns: ['/node_modules/(?!jose/)'],
  transform: {
    '^.+\\.(ts|js)$': [
      '@swc/jest',
      {
        jsc: {
          parser: { syntax: 'typescript', decorators: true },
          transform: { legacyDecorator: true, decoratorMetadata: true },
          target: 'es2022',
        },
        module: { type: 'commonjs' },
      },
    ],
  },
  // Workspace packages from source, never their dist/: test support (src/testing/, left out of
  // the build) by its "testing" subpath, the rest by the subpaths package.json "exports" names.
  moduleNameMapper: {
    '^@tiaokuai/leadership$': '<rootDir>/../../packages/leadership/src/index.ts',
    '^@tiaokuai/platform$': '<rootDir>/../../packages/platform/src/index.ts',
    '^@tiaokuai/platform/testing$': '<rootDir>/../../packages/platform/src/testing/index.ts',
    '^@tiaokuai/platform/(.*)$': '<rootDir>/../../packages/platform/src/$1.ts',
    '^@tiaokuai/subgraph-(org|tasks|assessments)/testing/(.*)$': '<rootDir>/../../subgraphs/$1/src/testing/$2.ts',
  },
};
