/**
 * The systemd units in deploy/ cannot silently rot (docs/deploy.md): each names an entry point
 * that exists, reads its environment from the files shipped beside it, and those files and the
 * deployment page name every environment variable the process's code reads, and no other.
 *
 * What a process reads is found in its code: from its `main.ts`, every module it imports (the
 * import graph of the TypeScript sources, type-only imports left out), scanned for `env.NAME`,
 * `env['NAME']` and the few families of names built at run time, which are listed here. A
 * module that reads a computed name this test does not know fails it, so a new family is
 * taught here rather than missed.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '..', '..');
const DEPLOY = path.join(ROOT, 'deploy');

/** Read only by tests and the launcher, never configuration of a deployed process. */
const NOT_CONFIGURATION = new Set([
  'JEST_WORKER_ID', // log.ts: quiet inside jest
  'HUB_SUPERVISED', // set by tools/src/launcher.ts only (stdin is its pipe); never under systemd
]);

/**
 * Names built at run time: the module (path relative to the root), the marker of the computed
 * read in its source, and the names that family stands for.
 */
const SUBGRAPHS = ['ORG', 'TASKS', 'ASSESSMENTS'];
const FAMILIES: Array<{ file: string; marker: RegExp; names: string[] }> = [
  {
    file: 'gateway/src/index.ts',
    marker: /env\[variable\(/,
    names: [...SUBGRAPHS.map((n) => `SUBGRAPH_SECRET_${n}`), ...SUBGRAPHS.map((n) => `${n}_SUBGRAPH_URL`)],
  },
  { file: 'gateway/src/limits.ts', marker: /env\[name\]/, names: [] }, // its names are the literals of `n('LIMIT_…')`, taken from the source below
  { file: 'packages/platform/src/main.ts', marker: /SERVICE_SECRET_\(\[A-Z\]\+\)/, names: ['SERVICE_SECRET_<NAME>'] },
];

/** The process's modules: its main.ts and everything it imports, transitively. */
function moduleGraph(entry: string): string[] {
  const seen = new Set<string>();
  const resolve = (from: string, spec: string): string | undefined => {
    let base: string;
    // A subpath of a workspace package (package.json "exports": `@tiaokuai/platform/boot`) is src/<subpath>.ts.
    const pkg = /^@tiaokuai\/(platform|leadership|gateway|subgraph-(org|tasks|assessments))(?:\/(.+))?$/.exec(spec);
    if (pkg) {
      const dir =
        pkg[1] === 'platform' || pkg[1] === 'leadership'
          ? `packages/${pkg[1]}`
          : pkg[1] === 'gateway'
            ? 'gateway'
            : `subgraphs/${pkg[2]}`;
      base = path.join(ROOT, dir, 'src', pkg[3] ?? 'index');
    } else if (spec.startsWith('.')) {
      base = path.resolve(path.dirname(from), spec);
    } else {
      return undefined; // a package from node_modules
    }
    for (const f of [`${base}.ts`, path.join(base, 'index.ts')]) if (existsSync(f)) return f;
    throw new Error(`${path.relative(ROOT, from)}: cannot resolve ${spec}`);
  };
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const src = readFileSync(file, 'utf8');
    const specs = [
      ...[...src.matchAll(/^\s*(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?['"]([^'"]+)['"]/gm)].map(
        (m) => m[1],
      ),
      ...[...src.matchAll(/require\(['"]([^'"]+)['"]\)/g)].map((m) => m[1]),
    ];
    for (const spec of specs) {
      const f = resolve(file, spec);
      if (f) visit(f);
    }
  };
  visit(entry);
  return [...seen];
}

/** The environment variables the modules read. */
function envRead(files: string[]): { names: Set<string>; unknownComputed: string[] } {
  const names = new Set<string>();
  const unknownComputed: string[] = [];
  for (const file of files) {
    const rel = path.relative(ROOT, file);
    // Doc comments mention variables too: only code counts.
    const src = readFileSync(file, 'utf8')
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/(^|[^:'"`])\/\/.*$/gm, '$1');
    for (const m of src.matchAll(/\benv(?:\.([A-Z][A-Z0-9_]*)|\[\s*['"]([A-Z][A-Z0-9_]*)['"]\s*\])/g))
      names.add(m[1] ?? m[2]);
    const family = FAMILIES.find((f) => f.file === rel && f.marker.test(src));
    if (family) {
      family.names.forEach((n) => names.add(n));
      if (rel === 'gateway/src/limits.ts')
        for (const m of src.matchAll(/\bn\(\s*'([A-Z][A-Z0-9_]*)'/g)) names.add(m[1]);
    }
    const computed = /\benv\[(?!\s*['"])/.test(src) || /Object\.(?:entries|keys)\((?:process\.)?env\b/.test(src);
    if (computed && !family) unknownComputed.push(rel);
  }
  for (const n of NOT_CONFIGURATION) names.delete(n);
  return { names, unknownComputed };
}

interface Unit {
  file: string;
  sections: Record<string, Array<[string, string]>>;
}

function parseUnit(file: string): Unit {
  const sections: Unit['sections'] = {};
  let current = '';
  for (const raw of readFileSync(file, 'utf8').split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#') || line.startsWith(';')) continue;
    const sec = /^\[(\w+)\]$/.exec(line);
    if (sec) {
      current = sec[1];
      sections[current] = [];
      continue;
    }
    const kv = /^([A-Za-z]+)=(.*)$/.exec(line);
    if (!kv || !current) throw new Error(`${path.basename(file)}: cannot parse "${line}"`);
    sections[current].push([kv[1], kv[2]]);
  }
  return { file, sections };
}
const values = (u: Unit, section: string, key: string) =>
  (u.sections[section] ?? []).filter(([k]) => k === key).map(([, v]) => v);

/**
 * `NAME=value` and commented-out `#NAME=default` lines: the names a file documents (a
 * `SERVICE_SECRET_TASKS` stands for its family, `SERVICE_SECRET_<NAME>`).
 */
function envFileNames(file: string): { set: Set<string>; documented: Set<string> } {
  const set = new Set<string>();
  const documented = new Set<string>();
  for (const line of readFileSync(file, 'utf8').split('\n')) {
    const m = /^\s*(#\s*)?([A-Z][A-Z0-9_]*(?:<NAME>)?)=/.exec(line);
    if (!m) continue;
    const name = /^SERVICE_SECRET_[A-Z]+$/.test(m[2]) ? 'SERVICE_SECRET_<NAME>' : m[2];
    documented.add(name);
    if (!m[1]) set.add(name);
  }
  return { set, documented };
}

const PROCESSES = ['org', 'tasks', 'assessments', 'gateway'] as const;
const INSTALL = '/opt/tiaokuai';
const unitOf = (name: string) => parseUnit(path.join(DEPLOY, `tiaokuai-${name}.service`));

describe('deploy/: systemd units', () => {
  it('one unit per process, and the target that starts them together', () => {
    const files = readdirSync(DEPLOY)
      .filter((f) => /\.(service|target)$/.test(f))
      .sort();
    expect(files).toEqual([
      'tiaokuai-assessments.service',
      'tiaokuai-gateway.service',
      'tiaokuai-org.service',
      'tiaokuai-tasks.service',
      'tiaokuai.target',
    ]);
    const target = parseUnit(path.join(DEPLOY, 'tiaokuai.target'));
    expect(values(target, 'Unit', 'Wants')[0].split(/\s+/).sort()).toEqual(
      PROCESSES.map((p) => `tiaokuai-${p}.service`).sort(),
    );
  });

  it.each(PROCESSES)('%s: runs an entry point that exists, from the install folder', (name) => {
    const u = unitOf(name);
    expect(values(u, 'Service', 'WorkingDirectory')).toEqual([INSTALL]);
    const [exec] = values(u, 'Service', 'ExecStart');
    const [node, script, ...rest] = exec.split(/\s+/);
    expect(node).toBe('/usr/bin/node');
    expect(rest).toEqual([]);
    // dist/x.js is built from src/x.ts (tsc -b): the source must exist, and be the process's main.
    const source = path.join(ROOT, script.replace(/\/dist\//, '/src/').replace(/\.js$/, '.ts'));
    expect(statSync(source).isFile()).toBe(true);
    expect(path.basename(source)).toBe('main.ts');
    expect(path.dirname(path.dirname(source))).toBe(
      path.join(ROOT, name === 'gateway' ? 'gateway' : `subgraphs/${name}`),
    );
  });

  it.each(PROCESSES)(
    '%s: restarts on failure within limits, stops after its own shutdown deadline, sandboxed',
    (name) => {
      const u = unitOf(name);
      const one = (section: string, key: string) => {
        const v = values(u, section, key);
        expect({ key, v }).toEqual({ key, v: [expect.any(String)] });
        return v[0];
      };
      expect(one('Service', 'Restart')).toBe('on-failure');
      expect(Number(one('Unit', 'StartLimitBurst'))).toBeGreaterThan(1);
      expect(one('Unit', 'StartLimitIntervalSec')).toMatch(/^\d+s?$/);
      // systemd's SIGKILL must come after the process's own deadline (SHUTDOWN_TIMEOUT_MS, 8 s by default).
      expect(Number(one('Service', 'TimeoutStopSec').replace(/s$/, ''))).toBeGreaterThan(8);
      for (const key of ['NoNewPrivileges', 'ProtectHome', 'PrivateTmp', 'PrivateDevices'])
        expect(one('Service', key)).toBe('yes');
      expect(one('Service', 'ProtectSystem')).toBe('strict');
      expect(values(u, 'Service', 'MemoryDenyWriteExecute')).toEqual([]); // V8's JIT
      expect(values(u, 'Install', 'WantedBy')).toEqual(['tiaokuai.target']);
    },
  );

  it('ordering: org first, tasks after org, assessments after both, the gateway after every subgraph', () => {
    const after = (name: string) => values(unitOf(name), 'Unit', 'After').join(' ').split(/\s+/);
    expect(after('tasks')).toEqual(expect.arrayContaining(['tiaokuai-org.service']));
    expect(after('assessments')).toEqual(expect.arrayContaining(['tiaokuai-org.service', 'tiaokuai-tasks.service']));
    expect(after('gateway')).toEqual(
      expect.arrayContaining(['tiaokuai-org.service', 'tiaokuai-tasks.service', 'tiaokuai-assessments.service']),
    );
    expect(after('org')).not.toEqual(expect.arrayContaining(['tiaokuai-gateway.service']));
  });

  it.each(PROCESSES)('%s: its environment files name every variable its code reads, and nothing else', (name) => {
    const u = unitOf(name);
    const files = values(u, 'Service', 'EnvironmentFile');
    expect(files).toEqual(['/etc/tiaokuai/common.env', `/etc/tiaokuai/${name}.env`]);
    // Shipped in deploy/env/ under the same names.
    const shipped = files.map((f) => envFileNames(path.join(DEPLOY, 'env', path.basename(f))));
    const documented = new Set(shipped.flatMap((s) => [...s.documented]));
    const entry = path.join(ROOT, name === 'gateway' ? 'gateway' : `subgraphs/${name}`, 'src', 'main.ts');
    const { names, unknownComputed } = envRead(moduleGraph(entry));
    expect(unknownComputed).toEqual([]);
    expect([...names].filter((n) => !documented.has(n)).sort()).toEqual([]);
    // common.env holds what every process reads; a process's own file, only what it reads.
    const own = shipped[1].documented;
    expect([...own].filter((n) => !names.has(n)).sort()).toEqual([]);
  });

  it('common.env names only what every process reads', () => {
    const read = PROCESSES.map(
      (name) =>
        envRead(moduleGraph(path.join(ROOT, name === 'gateway' ? 'gateway' : `subgraphs/${name}`, 'src', 'main.ts')))
          .names,
    );
    const common = envFileNames(path.join(DEPLOY, 'env', 'common.env')).documented;
    expect([...common].filter((n) => !read.every((r) => r.has(n))).sort()).toEqual([]);
  });

  it('docs/deploy.md documents every variable of every process', () => {
    const doc = readFileSync(path.join(ROOT, 'docs', 'deploy.md'), 'utf8');
    const all = new Set(
      PROCESSES.flatMap((name) => [
        ...envRead(moduleGraph(path.join(ROOT, name === 'gateway' ? 'gateway' : `subgraphs/${name}`, 'src', 'main.ts')))
          .names,
      ]),
    );
    expect([...all].filter((n) => !doc.includes(`\`${n}\``)).sort()).toEqual([]);
  });
});
