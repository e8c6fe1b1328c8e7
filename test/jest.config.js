const preset = require('../jest.preset.js');
// End-to-end tests run against the built processes (npm test builds first).
module.exports = {
  ...preset,
  testTimeout: 120_000,
  moduleNameMapper: { '^@tiaokuai/common$': '<rootDir>/../packages/common/src/index.ts', '^@tiaokuai/tools$': '<rootDir>/../tools/src/index.ts' },
};
