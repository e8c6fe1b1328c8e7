/**
 * The local ESLint plugin `tiaokuai`: the import rules of our module shape (docs/lint.md). Plain ESM, no build step.
 */
import layers from './rules/layers.mjs';
import noCycle from './rules/no-cycle.mjs';
import noPackageEscape from './rules/no-package-escape.mjs';

export default {
  meta: { name: 'tiaokuai', version: '0.1.0' },
  rules: { layers, 'no-cycle': noCycle, 'no-package-escape': noPackageEscape },
};
