/**
 * What the tiaokuai lint rules share: the import statements of a file, resolving a relative specifier to a file,
 * the package a file belongs to, and a per-process cache of other files' imports (read from disk with
 * TypeScript's `preProcessFile`, which skips comments and strings and sees `import type`, `export … from`,
 * `import()`, `require()` and `import x = require()`).
 *
 * The caches live as long as the ESLint process: one lint run on the command line. A cached file is re-read when
 * its modification time or size changes, so a long-running editor server does not keep a stale graph either.
 */
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

/** Extensions tried, in order, for an extensionless relative specifier (TypeScript's order, then plain JS). */
const EXTENSIONS = ['.ts', '.tsx', '.mts', '.cts', '.d.ts', '.js', '.mjs', '.cjs'];
/** `./x.js` written for NodeNext resolution names `./x.ts` on disk. */
const JS_TO_TS = { '.js': ['.ts', '.tsx'], '.mjs': ['.mts'], '.cjs': ['.cts'] };

/** Forward slashes everywhere, so path tests read the same on every platform. */
export const toPosix = (file) => file.split(path.sep).join('/');

export const isRelative = (specifier) => specifier === '.' || specifier === '..' || /^\.\.?\//.test(specifier);

function isFile(file) {
  try {
    return statSync(file).isFile();
  } catch {
    return false;
  }
}

/** Only hits are cached: a file created later is still found by the next lookup. */
const resolved = new Map();

/**
 * The file a relative specifier names, or undefined when none exists (a typo, or a test's imaginary tree).
 * Bare specifiers (packages) are not resolved: the rules only follow relative imports.
 */
export function resolveRelative(fromFile, specifier) {
  if (!isRelative(specifier)) return undefined;
  const base = path.resolve(path.dirname(fromFile), specifier);
  const hit = resolved.get(base);
  if (hit !== undefined && isFile(hit)) return hit;
  const ext = path.extname(base);
  const candidates = [
    ...(JS_TO_TS[ext] ?? []).map((tsExt) => base.slice(0, -ext.length) + tsExt),
    base,
    ...EXTENSIONS.map((e) => base + e),
    ...EXTENSIONS.map((e) => path.join(base, 'index' + e)),
  ];
  const file = candidates.find(isFile);
  if (file) resolved.set(base, file);
  return file;
}

/** The resolved file when there is one, else the path the specifier points at (for rules that judge by place). */
export function targetPath(fromFile, specifier) {
  return resolveRelative(fromFile, specifier) ?? path.resolve(path.dirname(fromFile), specifier);
}

const packageRoots = new Map();

/** The directory of the nearest package.json at or above the file's directory (a workspace package). */
export function packageRoot(file) {
  const start = path.dirname(path.resolve(file));
  const walked = [];
  let dir = start;
  let root;
  for (;;) {
    if (packageRoots.has(dir)) {
      root = packageRoots.get(dir);
      break;
    }
    walked.push(dir);
    if (isFile(path.join(dir, 'package.json'))) {
      root = dir;
      break;
    }
    const parent = path.dirname(dir);
    if (parent === dir) {
      root = undefined;
      break;
    }
    dir = parent;
  }
  for (const d of walked) packageRoots.set(d, root);
  return root;
}

/** Relative specifiers of a source text, in order of appearance. */
export function relativeSpecifiers(text) {
  return ts
    .preProcessFile(text, true, true)
    .importedFiles.map((f) => f.fileName)
    .filter(isRelative);
}

const importsOnDisk = new Map();

/**
 * The files a file on disk imports through relative specifiers that resolve (unresolved ones cannot close a cycle).
 * Cached by path; re-read when the file's mtime or size changed.
 */
export function importedFiles(file) {
  let stat;
  try {
    stat = statSync(file);
  } catch {
    return [];
  }
  const cached = importsOnDisk.get(file);
  if (cached && cached.mtimeMs === stat.mtimeMs && cached.size === stat.size) return cached.targets;
  const text = readFileSync(file, 'utf8');
  const targets = [
    ...new Set(
      relativeSpecifiers(text)
        .map((s) => resolveRelative(file, s))
        .filter(Boolean),
    ),
  ];
  importsOnDisk.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, targets });
  return targets;
}

/**
 * An ESLint visitor calling `onImport(node, specifier)` for every static module reference of the file being linted:
 * `import`, `import type`, `export … from`, `import()` and `require()` with a literal, `import x = require()`, and
 * the type `import('…')`. `node` is the string literal, so a report points at the specifier.
 */
export function importVisitor(onImport) {
  const literal = (node) => {
    if (node && node.type === 'Literal' && typeof node.value === 'string') onImport(node, node.value);
  };
  return {
    ImportDeclaration: (node) => literal(node.source),
    ExportNamedDeclaration: (node) => literal(node.source),
    ExportAllDeclaration: (node) => literal(node.source),
    ImportExpression: (node) => literal(node.source),
    CallExpression(node) {
      if (node.callee.type === 'Identifier' && node.callee.name === 'require' && node.arguments.length === 1) {
        literal(node.arguments[0]);
      }
    },
    TSImportEqualsDeclaration(node) {
      if (node.moduleReference.type === 'TSExternalModuleReference') literal(node.moduleReference.expression);
    },
    TSImportType(node) {
      // typescript-eslint 8 keeps the specifier in `argument` (a TSLiteralType); newer versions add `source`.
      literal(node.source ?? node.argument?.literal);
    },
  };
}
