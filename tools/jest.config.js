const preset = require('../jest.preset.js');
module.exports = {
  ...preset,
  moduleNameMapper: {
    '^@tiaokuai/common$': '<rootDir>/../packages/common/src/index.ts',
    '^@tiaokuai/subgraph-(org|tasks|assessments)$': '<rootDir>/../subgraphs/$1/src/index.ts',
    '^@tiaokuai/gateway$': '<rootDir>/../gateway/src/index.ts',
  },
};
