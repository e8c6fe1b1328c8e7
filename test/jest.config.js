const preset = require('../jest.preset.js');
module.exports = { ...preset, moduleNameMapper: { '^@tiaokuai/common$': '<rootDir>/../packages/common/src/index.ts' } };
