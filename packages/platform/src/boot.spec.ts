import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { bundlePaths, bundleUsable, loadWithCache, runService, writeCodeCache } from './boot';

describe('boot: the bundle and its code cache', () => {
  let dist: string;
  // What ran, as lines of a file (the bundle runs in Node's own context, not the test's).
  const calls = () =>
    existsSync(path.join(dist, 'calls')) ? readFileSync(path.join(dist, 'calls'), 'utf8').trim().split('\n') : [];
  beforeEach(() => {
    dist = mkdtempSync(path.join(os.tmpdir(), 'tk-boot-'));
    const p = bundlePaths(dist, 'serve');
    const record = (what: string) =>
      `exports.main = () => require("node:fs").appendFileSync(require("node:path").join(__dirname, "calls"), ${what} + "\\n");\n`;
    writeFileSync(path.join(dist, 'serve.js'), record('"modules"'));
    // A stand-in bundle: CommonJS, its own require and __filename, exports main.
    writeFileSync(p.bundle, record('"bundle:" + require("node:path").basename(__filename)'));
    writeFileSync(p.inputs, JSON.stringify([path.join(dist, 'serve.js')]));
    const past = new Date(Date.now() - 60_000);
    utimesSync(path.join(dist, 'serve.js'), past, past);
  });
  afterEach(() => rmSync(dist, { recursive: true, force: true }));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the CommonJS fallback is what is under test
  const fallback = () => require(path.join(dist, 'serve.js')) as { main(): void };

  it('runs the bundle when it is newer than every file it was made from', () => {
    expect(bundleUsable(dist, 'serve')).toBe(true);
    runService(dist, 'serve', fallback, {});
    expect(calls()).toEqual(['bundle:serve.bundle.js']);
  });

  it('runs the modules when one of them was rebuilt after the bundle, or without a list, or with HUB_BUNDLE=off', () => {
    runService(dist, 'serve', fallback, { HUB_BUNDLE: 'off' });
    const future = new Date(Date.now() + 60_000);
    utimesSync(path.join(dist, 'serve.js'), future, future);
    expect(bundleUsable(dist, 'serve')).toBe(false);
    runService(dist, 'serve', fallback, {});
    rmSync(bundlePaths(dist, 'serve').inputs);
    expect(bundleUsable(dist, 'serve')).toBe(false);
    expect(calls()).toEqual(['modules', 'modules']);
  });

  it('a code cache written once is accepted by the next load', () => {
    expect(writeCodeCache(dist, 'serve')).toBeGreaterThan(0);
    const loaded = loadWithCache(bundlePaths(dist, 'serve').bundle, readFileSync(bundlePaths(dist, 'serve').cache));
    expect(loaded.rejected).toBe(false);
    (loaded.exports as { main(): void }).main();
    expect(calls()).toEqual(['bundle:serve.bundle.js']);
  });
});
