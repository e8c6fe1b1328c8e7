const preset = require('../jest.preset.js');
// End-to-end tests run against the built processes (npm test builds first).
module.exports = {
  ...preset,
  testTimeout: 120_000,
  moduleNameMapper: {
    '^@tiaokuai/leadership$': '<rootDir>/../packages/leadership/src/index.ts',
    '^@tiaokuai/platform$': '<rootDir>/../packages/platform/src/index.ts',
    '^@tiaokuai/tools$': '<rootDir>/../tools/src/index.ts',
  },
};
