/**
 * The build's last step (`npm run build`, after `tsc -b`): each subgraph's compiled entry
 * (`dist/serve.js`) bundled into one file (`dist/serve.bundle.js`) with esbuild, and V8's code
 * cache of that bundle made beside it (`dist/serve.bundle.v8`), which each process's `main.js`
 * then loads (platform's boot.ts). A restarted subgraph loads one file instead of ~1,500 modules
 * and compiles little of it (RELIABILITY.md, "Recovery after a kill").
 *
 * Left outside the bundle: PGlite (it reads its WebAssembly and data files beside its own
 * module) and class-validator (type-graphql's optional validation, not installed). No
 * minification: stack traces keep every function's name (their file is the bundle; start with
 * HUB_BUNDLE=off for the compiled modules' own lines).
 */
import { buildSync } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { SUBGRAPH_NAMES } from './launcher';

const ROOT = path.resolve(__dirname, '..', '..');
export const BUNDLE_EXTERNALS = ['@electric-sql/pglite', 'class-validator'];

export function bundleService(dist: string, entry = 'serve'): { bytes: number; cacheBytes: number } {
  const out = path.join(dist, `${entry}.bundle.js`);
  const result = buildSync({
    entryPoints: [path.join(dist, `${entry}.js`)],
    outfile: out,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    external: BUNDLE_EXTERNALS,
    logLevel: 'error',
    metafile: true,
  });
  const bytes = Object.values(result.metafile!.outputs).reduce((a, o) => a + o.bytes, 0);
  // The hub's own compiled files in it: a later `tsc -b` that rewrites one makes the bundle stale
  // (boot.ts then loads the modules instead). Libraries change only with `npm ci`, before a build.
  const own = Object.keys(result.metafile!.inputs)
    .filter((f) => !f.split(/[\\/]/).includes('node_modules'))
    .map((f) => path.resolve(f));
  writeFileSync(path.join(dist, `${entry}.bundle.inputs.json`), `${JSON.stringify(own)}\n`);
  // The cache is made by a process of its own: the bundle's top level runs there (definitions
  // only), not in this one.
  const made = execFileSync(
    process.execPath,
    [
      '-e',
      `process.stdout.write(String(require(${JSON.stringify(require.resolve('@tiaokuai/platform/boot'))}).writeCodeCache(${JSON.stringify(dist)}, ${JSON.stringify(entry)})))`,
    ],
    { encoding: 'utf8' },
  );
  return { bytes, cacheBytes: Number(made) };
}

if (require.main === module) {
  for (const name of SUBGRAPH_NAMES) {
    const r = bundleService(path.join(ROOT, 'subgraphs', name, 'dist'));
    process.stdout.write(
      `bundled ${name}: ${(r.bytes / 2 ** 20).toFixed(1)} MB, code cache ${(r.cacheBytes / 2 ** 20).toFixed(1)} MB\n`,
    );
  }
}
