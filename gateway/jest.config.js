const preset = require('../jest.preset.js');
module.exports = {
  ...preset,
  moduleNameMapper: {
    '^@tiaokuai/leadership$': '<rootDir>/../packages/leadership/src/index.ts',
    '^@tiaokuai/platform/testing$': '<rootDir>/../packages/platform/src/testing/index.ts',
    '^@tiaokuai/platform/(.*)$': '<rootDir>/../packages/platform/src/$1.ts',
  },
};
