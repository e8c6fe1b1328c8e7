/**
 * How a service process loads its code: from one bundled file with V8's code cache when the
 * build made them (`npm run build`: tools/src/bundle.ts), else module by module as compiled.
 *
 * Why: a subgraph restarted after a crash spent most of its start loading modules (some 1,500
 * files of graphql, Apollo, type-graphql, drizzle…: about 0.4 s of CPU; RELIABILITY.md,
 * "Recovery after a kill"), and on a loaded machine CPU is what a restart waits for. One file
 * halves that (no resolution, no file per module); V8's code cache, made at build time, skips
 * compiling the bundle's top level again: together about a quarter of the CPU. Node 20 has no
 * `module.enableCompileCache()` (22+), so the cache is `vm.Script`'s own `cachedData`.
 *
 * This module imports nothing of the hub's: it runs before anything else is loaded.
 */
import { existsSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import Module, { createRequire } from 'node:module';
import path from 'node:path';
import vm from 'node:vm';

/** What a service's bundled entry exports (its `serve.ts`). */
export interface ServiceEntry {
  main(): void;
}

/** The bundle of `entry` in a dist folder, its code cache and the list of the hub's own files in it. */
export const bundlePaths = (dist: string, entry: string) => ({
  bundle: path.join(dist, `${entry}.bundle.js`),
  cache: path.join(dist, `${entry}.bundle.v8`),
  inputs: path.join(dist, `${entry}.bundle.inputs.json`),
});

/**
 * Loads a bundled CommonJS file through `vm.Script` with `cachedData` (when given and accepted)
 * and returns its exports and the script (whose `createCachedData()` makes the cache).
 */
export function loadWithCache(
  file: string,
  cachedData?: Buffer,
): { exports: unknown; script: vm.Script; rejected: boolean } {
  const source = readFileSync(file, 'utf8');
  const script = new vm.Script(Module.wrap(source), {
    filename: file,
    cachedData,
    // `import()` inside the bundle resolves as it would in a module of its own.
    importModuleDynamically: vm.constants.USE_MAIN_CONTEXT_DEFAULT_LOADER,
  });
  const mod = new Module(file, require.main);
  mod.filename = file;
  mod.paths = (Module as unknown as { _nodeModulePaths(dir: string): string[] })._nodeModulePaths(path.dirname(file));
  const fn = script.runInThisContext({ displayErrors: true }) as (...args: unknown[]) => void;
  fn.call(mod.exports, mod.exports, createRequire(file), mod, file, path.dirname(file));
  mod.loaded = true;
  return { exports: mod.exports, script, rejected: !!cachedData && script.cachedDataRejected === true };
}

/**
 * Is the bundle there and newer than every file of the hub's own it was made from (the list the
 * build wrote beside it: some 150 `stat`s)? A `tsc -b` alone after it (an editor's, a test
 * run's) that rewrote any of them leaves a stale bundle behind: not used, the modules are.
 */
export function bundleUsable(dist: string, entry: string): boolean {
  const { bundle, inputs } = bundlePaths(dist, entry);
  if (!existsSync(bundle) || !existsSync(inputs)) return false;
  const made = statSync(bundle).mtimeMs;
  try {
    return (JSON.parse(readFileSync(inputs, 'utf8')) as string[]).every((f) => statSync(f).mtimeMs <= made);
  } catch {
    return false; // an input gone: stale
  }
}

/**
 * Runs a service: its bundle with the code cache when usable (HUB_BUNDLE=off: never), else
 * `fallback()` (main.ts requires the compiled entry: the modules one by one).
 */
export function runService(
  dist: string,
  entry: string,
  fallback: () => ServiceEntry,
  env: NodeJS.ProcessEnv = process.env,
): void {
  if (env.HUB_BUNDLE !== 'off' && bundleUsable(dist, entry)) {
    const { bundle, cache } = bundlePaths(dist, entry);
    const cachedData = existsSync(cache) ? readFileSync(cache) : undefined;
    (loadWithCache(bundle, cachedData).exports as ServiceEntry).main();
    return;
  }
  fallback().main();
}

/**
 * Makes the code cache of a bundle (the build's last step): loads it, which runs its top level
 * (every module's definitions, no service started: the entry only exports `main`), then writes
 * what V8 compiled, atomically.
 */
export function writeCodeCache(dist: string, entry: string): number {
  const { bundle, cache } = bundlePaths(dist, entry);
  const { script } = loadWithCache(bundle);
  const data = script.createCachedData();
  writeFileSync(`${cache}.tmp`, data);
  renameSync(`${cache}.tmp`, cache);
  return data.length;
}
