const preset = require('../jest.preset.js');
module.exports = {
  ...preset,
  moduleNameMapper: {
    '^@tiaokuai/common$': '<rootDir>/../packages/common/src/index.ts',
    '^@tiaokuai/common/testing$': '<rootDir>/../packages/common/src/testing/index.ts',
    '^@tiaokuai/common/(.*)$': '<rootDir>/../packages/common/src/$1.ts',
    '^@tiaokuai/subgraph-(org|tasks|assessments)$': '<rootDir>/../subgraphs/$1/src/index.ts',
    '^@tiaokuai/gateway$': '<rootDir>/../gateway/src/index.ts',
    '^@tiaokuai/gateway/(.*)$': '<rootDir>/../gateway/src/$1.ts',
  },
};
