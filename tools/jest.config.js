const preset = require('../jest.preset.js');
module.exports = {
  ...preset,
  moduleNameMapper: {
    '^@tiaokuai/platform$': '<rootDir>/../packages/platform/src/index.ts',
    '^@tiaokuai/leadership$': '<rootDir>/../packages/leadership/src/index.ts',
    '^@tiaokuai/platform/testing$': '<rootDir>/../packages/platform/src/testing/index.ts',
    '^@tiaokuai/platform/(.*)$': '<rootDir>/../packages/platform/src/$1.ts',
    '^@tiaokuai/subgraph-(org|tasks|assessments)$': '<rootDir>/../subgraphs/$1/src/index.ts',
    '^@tiaokuai/gateway$': '<rootDir>/../gateway/src/index.ts',
    '^@tiaokuai/gateway/(.*)$': '<rootDir>/../gateway/src/$1.ts',
  },
};
