/**
 * tiaokuai/no-cycle: no import cycle inside a package, type-only imports included (ARCHITECTURE.md: imports run
 * one way). A cycle makes module initialisation order matter and hides which layer depends on which.
 *
 * Follows relative imports only (a cycle between packages is already refused by the TypeScript project
 * references), and only into files of the same package (nearest package.json). Other files' imports come from
 * disk through a per-process cache (see ../imports.mjs); the file being linted uses its live text.
 *
 * Every import between two files of the same strongly connected part of the graph closes a cycle: the import
 * plus the shortest way back. Each such cycle is reported once over the whole run, on the file of the cycle whose
 * path sorts first, at its import of the next file in the cycle. (Not every elementary cycle: their number can grow
 * exponentially; every import that takes part in a cycle appears in at least one report.)
 */
import path from 'node:path';
import { importVisitor, importedFiles, packageRoot, resolveRelative, toPosix } from '../imports.mjs';

/** Shortest path from `start` to `goal` (both included) over the package's import graph, or undefined. */
function shortestPath(start, goal, edgesOf) {
  const previous = new Map([[start, undefined]]);
  const queue = [start];
  for (let i = 0; i < queue.length; i++) {
    const file = queue[i];
    if (file === goal) {
      const way = [];
      for (let f = goal; f !== undefined; f = previous.get(f)) way.unshift(f);
      return way;
    }
    for (const next of edgesOf(file)) {
      if (!previous.has(next)) {
        previous.set(next, file);
        queue.push(next);
      }
    }
  }
  return undefined;
}

/** @type {import('eslint').Rule.RuleModule} */
export default {
  meta: {
    type: 'problem',
    docs: { description: 'No import cycle inside a package, type-only imports included (docs/lint.md)' },
    schema: [],
    messages: { cycle: 'no-cycle: import cycle {{cycle}}' },
  },
  create(context) {
    const self = path.resolve(context.filename);
    const root = packageRoot(self);
    if (!root) return {};
    /** The live imports of the file being linted: target file → first specifier node naming it. */
    const own = new Map();
    const samePackage = (file) => packageRoot(file) === root;
    const memo = new Map();
    const edgesOf = (file) => {
      if (file === self) return [...own.keys()];
      if (!memo.has(file)) memo.set(file, importedFiles(file).filter(samePackage));
      return memo.get(file);
    };
    const label = (file) => toPosix(path.relative(root, file));

    return {
      ...importVisitor((node, specifier) => {
        const target = resolveRelative(self, specifier);
        if (target && samePackage(target) && !own.has(target)) own.set(target, node);
      }),
      'Program:exit'() {
        // The strongly connected part of the graph holding this file: reachable from it, and reaching back.
        const reachable = new Set([self]);
        const queue = [self];
        for (let i = 0; i < queue.length; i++) {
          for (const next of edgesOf(queue[i])) {
            if (!reachable.has(next)) {
              reachable.add(next);
              queue.push(next);
            }
          }
        }
        const callers = new Map([...reachable].map((file) => [file, []]));
        for (const file of reachable) for (const next of edgesOf(file)) callers.get(next).push(file);
        const component = new Set([self]);
        const back = [self];
        for (let i = 0; i < back.length; i++) {
          for (const previous of callers.get(back[i])) {
            if (!component.has(previous)) {
              component.add(previous);
              back.push(previous);
            }
          }
        }
        const inComponent = (file) => edgesOf(file).filter((next) => component.has(next));
        // Every import inside the component closes a cycle: itself plus the shortest way back. Each cycle is
        // reported by the file that sorts first in it, so each appears once however many files the run lints.
        const reported = new Set();
        for (const from of component) {
          for (const to of inComponent(from)) {
            const way = to === from ? [from] : [from, ...shortestPath(to, from, inComponent).slice(0, -1)];
            const first = way.reduce((a, b) => (label(b) < label(a) ? b : a));
            if (first !== self) continue;
            const at = way.indexOf(self);
            const cycle = [...way.slice(at), ...way.slice(0, at)];
            const key = cycle.join('\0');
            if (reported.has(key)) continue;
            reported.add(key);
            context.report({
              node: own.get(cycle[1] ?? self),
              messageId: 'cycle',
              data: { cycle: [...cycle, self].map(label).join(' → ') },
            });
          }
        }
      },
    };
  },
};
