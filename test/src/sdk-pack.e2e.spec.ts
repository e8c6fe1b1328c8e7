/**
 * @tiaokuai/client installs into a fresh project from `npm pack` and loads from CommonJS, from
 * an ES module and from TypeScript. Offline: the package's own dependencies are packed from
 * this workspace's node_modules (the versions the tests ran with) and installed beside its
 * tarball with `npm install --offline`, so nothing is fetched. Needs the build (`npm run build`).
 */
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';

const ROOT = path.resolve(__dirname, '..', '..');
const CLIENT = path.join(ROOT, 'packages', 'client');
const NPM_ENV = {
  ...process.env,
  npm_config_audit: 'false',
  npm_config_fund: 'false',
  npm_config_update_notifier: 'false',
};

const sh = (file: string, args: string[], cwd: string) =>
  promisify(execFile)(file, args, { cwd, env: NPM_ENV }).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
const npm = (args: string[], cwd: string) => sh('npm', args, cwd);
const node = (args: string[], cwd: string) => sh(process.execPath, args, cwd);

let dir: string;
let app: string;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'tk-sdk-pack-'));
  app = path.join(dir, 'app');
  mkdirSync(app);
  const packed = await npm(['pack', '--pack-destination', dir], CLIENT);
  expect(packed).toMatchObject({ code: 0 });
  // The package's dependencies and peers, and theirs, from the workspace's node_modules.
  const todo = [CLIENT];
  const seen = new Set<string>();
  while (todo.length) {
    const pkg = JSON.parse(readFileSync(path.join(todo.pop()!, 'package.json'), 'utf8'));
    for (const name of Object.keys({ ...pkg.dependencies, ...pkg.peerDependencies })) {
      if (seen.has(name)) continue;
      seen.add(name);
      const at = path.join(ROOT, 'node_modules', name);
      expect(await npm(['pack', at, '--pack-destination', dir], dir)).toMatchObject({ code: 0 });
      todo.push(at);
    }
  }
  writeFileSync(path.join(app, 'package.json'), JSON.stringify({ name: 'fresh-app', private: true, version: '1.0.0' }));
  const tarballs = readdirSync(dir)
    .filter((f) => f.endsWith('.tgz'))
    .map((f) => path.join(dir, f));
  const installed = await npm(['install', '--offline', ...tarballs], app);
  expect(installed).toMatchObject({ code: 0 });
}, 180_000);
afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

it('ships the builds, the types, the operations, the codegen config and the schema, and no sources', () => {
  const files = (d: string): string[] =>
    readdirSync(d, { withFileTypes: true }).flatMap((e) =>
      e.isDirectory() ? files(path.join(d, e.name)) : [path.relative(pkgDir(), path.join(d, e.name))],
    );
  const all = files(pkgDir());
  expect(all).toEqual(
    expect.arrayContaining([
      'dist/cjs/index.js',
      'dist/cjs/index.d.ts',
      'dist/esm/index.js',
      'dist/esm/index.d.ts',
      'dist/esm/package.json',
      'codegen.ts',
      'schema/public.graphql',
      'src/operations/leadership.graphql',
    ]),
  );
  expect(all.filter((f) => /^src\/.*\.ts$|\.spec\.|examples\/|scripts\//.test(f))).toEqual([]);
});

const pkgDir = () => path.join(app, 'node_modules', '@tiaokuai', 'client');

it('loads from CommonJS', async () => {
  const cjs = `const c = require('@tiaokuai/client');
    if (require.resolve('@tiaokuai/client') !== require('path').join(process.cwd(), 'node_modules/@tiaokuai/client/dist/cjs/index.js')) throw new Error('not the CJS build');
    const e = new c.TiaokuaiError({ message: 'm', code: 'NOT_FOUND', status: 200 });
    console.log(JSON.stringify([typeof c.createClient, typeof c.subscribe, c.WhoLeadsDocument.kind, e instanceof Error, e.code, c.isDateString('2023-02-30'), Object.keys(c.AnomalyCodeLabel).length > 0]));`;
  writeFileSync(path.join(app, 'load.cjs'), cjs);
  const r = await node(['load.cjs'], app);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(JSON.parse(r.stdout)).toEqual(['function', 'function', 'Document', true, 'NOT_FOUND', false, true]);
});

it('loads from an ES module', async () => {
  const esm = `import { createClient, subscribe, WhoLeadsDocument, AnomalyCodeLabel, TiaokuaiError } from '@tiaokuai/client';
    import { fileURLToPath } from 'node:url';
    if (!fileURLToPath(import.meta.resolve('@tiaokuai/client')).endsWith('dist/esm/index.js')) throw new Error('not the ESM build');
    const hub = createClient({ url: 'http://127.0.0.1:1/graphql' });
    const e = await hub.request(WhoLeadsDocument, { code: 'X' }).catch((e) => e);
    console.log(JSON.stringify([typeof subscribe, e instanceof TiaokuaiError, e.code, Object.keys(AnomalyCodeLabel).length > 0]));`;
  writeFileSync(path.join(app, 'load.mjs'), esm);
  const r = await node(['load.mjs'], app);
  expect(r).toMatchObject({ code: 0, stderr: '' });
  expect(JSON.parse(r.stdout)).toEqual(['function', true, 'NETWORK_ERROR', true]);
});

it('type-checks from TypeScript, as CommonJS and as an ES module', async () => {
  const ts = `import { createClient, WhoLeadsDocument, AnomalyCodeLabel, type AnomalyCode } from '@tiaokuai/client';
    export async function leaders(url: string, token: () => Promise<string>): Promise<string[]> {
      const data = await createClient({ url, token }).request(WhoLeadsDocument, { code: 'SC-DZJ' });
      const code: AnomalyCode = 'CYCLE';
      return [AnomalyCodeLabel[code], ...(data.unit?.partyBuilding?.leaders.map((u) => u.name) ?? [])];
    }
    // @ts-expect-error: the document's variables are typed
    void createClient({ url: '' }).request(WhoLeadsDocument, { cod: 'x' });`;
  writeFileSync(path.join(app, 'a.cts'), ts);
  writeFileSync(path.join(app, 'b.mts'), ts);
  const tsc = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');
  const compilerOptions = {
    strict: true,
    noEmit: true,
    module: 'nodenext',
    target: 'es2022',
    lib: ['es2022', 'dom'],
    types: [],
  };
  writeFileSync(path.join(app, 'tsconfig.json'), JSON.stringify({ compilerOptions, files: ['a.cts', 'b.mts'] }));
  const r = await node([tsc, '-p', 'tsconfig.json'], app);
  expect(r).toEqual({ code: 0, stdout: '', stderr: '' });
});
