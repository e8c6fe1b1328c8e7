const preset = require('../../jest.preset.js');
// The sources import each other with `.js` (for the ES module build): jest resolves the .ts.
module.exports = { ...preset, moduleNameMapper: { ...preset.moduleNameMapper, '^(\\.{1,2}/.*)\\.js$': '$1' } };
