const preset = require('../jest.preset.js');
module.exports = {
  ...preset,
  moduleNameMapper: {
    '^@tiaokuai/common/testing$': '<rootDir>/../packages/common/src/testing/index.ts',
    '^@tiaokuai/common/(.*)$': '<rootDir>/../packages/common/src/$1.ts',
  },
};
