/**
 * tiaokuai/no-package-escape: a relative import stays inside its own package (nearest package.json). Reaching
 * `../../packages/platform/src/…` bypasses the package's exports and the TypeScript project references, and breaks
 * once the packages are built or published apart; import `@tiaokuai/platform` (or a subpath it exports) instead.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { importVisitor, isRelative, packageRoot, targetPath, toPosix } from '../imports.mjs';

/** The package's name from its package.json, else its directory relative to the importing package. */
function nameOf(other, root) {
  try {
    const name = JSON.parse(readFileSync(path.join(other, 'package.json'), 'utf8')).name;
    if (typeof name === 'string' && name) return name;
  } catch {
    // unreadable or not JSON: fall back to the path
  }
  return toPosix(path.relative(root, other)) || '.';
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'Relative imports stay inside their package (docs/lint.md)' },
    schema: [],
    messages: {
      escape: 'no-package-escape: {{specifier}} leaves this package for {{other}}; import that package by its name.',
    },
  },
  create(context) {
    const self = path.resolve(context.filename);
    const root = packageRoot(self);
    if (!root) return {};
    return importVisitor((node, specifier) => {
      if (!isRelative(specifier)) return;
      const target = targetPath(self, specifier);
      const other = packageRoot(target);
      if (other !== root) {
        const where = other ? nameOf(other, root) : 'outside any package';
        context.report({ node, messageId: 'escape', data: { specifier, other: where } });
      }
    });
  },
};
