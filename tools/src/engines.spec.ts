/**
 * Every installed package accepts the Node the hub runs on (docs/dependencies.md): an
 * `engines.node` range that excludes the running Node is what makes `npm install` print
 * EBADENGINE, and a package asking for a newer Node may use what this one lacks. The test walks
 * every package.json under the root's and the workspaces' node_modules (nested copies too) and
 * checks its range with semver against process.version. A failure names the package and its
 * path: pin a version that accepts Node 20 (or override the transitive one) as the page says.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import semver from 'semver';

const ROOT = path.resolve(__dirname, '..', '..');
const WORKSPACE_PARENTS = ['packages', 'subgraphs'];
const WORKSPACES = ['gateway', 'tools', 'test'];

interface Installed {
  where: string;
  name: string;
  version: string;
  node: string | undefined;
  /** Whether it runs a script when installed (preinstall, install or postinstall). */
  installScript: boolean;
}

/** The package directories in one node_modules and, recursively, in theirs. */
function installed(nodeModules: string, found: Installed[]): void {
  if (!existsSync(nodeModules)) return;
  for (const entry of readdirSync(nodeModules, { withFileTypes: true })) {
    if (entry.name.startsWith('.') || !(entry.isDirectory() || entry.isSymbolicLink())) continue;
    const dir = path.join(nodeModules, entry.name);
    if (entry.name.startsWith('@')) {
      for (const scoped of readdirSync(dir, { withFileTypes: true })) {
        if (scoped.isDirectory()) visit(path.join(dir, scoped.name), found);
      }
    } else if (entry.isDirectory()) {
      // Symbolic links are the workspaces themselves, walked from their own folders.
      visit(dir, found);
    }
  }
}

function visit(dir: string, found: Installed[]): void {
  const manifest = path.join(dir, 'package.json');
  if (existsSync(manifest)) {
    const json = JSON.parse(readFileSync(manifest, 'utf8')) as {
      name?: string;
      version?: string;
      engines?: { node?: unknown };
      scripts?: Record<string, unknown>;
    };
    const node = json.engines?.node;
    found.push({
      where: path.relative(ROOT, dir),
      name: json.name ?? path.basename(dir),
      version: json.version ?? '',
      node: typeof node === 'string' ? node : undefined,
      installScript: ['preinstall', 'install', 'postinstall'].some((s) => typeof json.scripts?.[s] === 'string'),
    });
  }
  installed(path.join(dir, 'node_modules'), found);
}

function workspaceFolders(): string[] {
  const nested = WORKSPACE_PARENTS.flatMap((parent) =>
    readdirSync(path.join(ROOT, parent), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => path.join(parent, entry.name)),
  );
  return ['.', ...WORKSPACES, ...nested];
}

/** Whether a range excludes this Node; prereleases of Node count as their release. */
export function excludes(range: string, version: string): boolean {
  if (semver.validRange(range) === null) return false; // npm ignores a range it cannot parse
  return !semver.satisfies(version, range, { includePrerelease: true });
}

describe('engines', () => {
  it('reads a range the way npm does', () => {
    expect(excludes('>=22.15.0', 'v20.20.2')).toBe(true);
    expect(excludes('>=22.0.0', 'v20.20.2')).toBe(true);
    expect(excludes('^18 || ^20 || >=22', 'v20.20.2')).toBe(false);
    expect(excludes('>=14.15.0', 'v20.20.2')).toBe(false);
    expect(excludes('*', 'v20.20.2')).toBe(false);
  });

  it('every installed package accepts the running Node', () => {
    const found: Installed[] = [];
    for (const folder of workspaceFolders()) installed(path.join(ROOT, folder, 'node_modules'), found);
    // The walk saw the tree: a broken walk must not pass by finding nothing.
    expect(found.length).toBeGreaterThan(500);
    expect(found.some((pkg) => pkg.name === '@apollo/subgraph')).toBe(true);

    const refusing = found
      .filter((pkg) => pkg.node !== undefined && excludes(pkg.node, process.version))
      .map((pkg) => `${pkg.name}@${pkg.version} (${pkg.where}) engines.node ${pkg.node}`);
    expect(refusing).toEqual([]);
  });

  it('every installed package with an install script is reviewed in the root allowScripts', () => {
    const found: Installed[] = [];
    for (const folder of workspaceFolders()) installed(path.join(ROOT, folder, 'node_modules'), found);
    const allow = (
      JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> }
    ).allowScripts;
    expect(allow).toBeDefined();
    // Keys are name-only or pinned (name@version); either covers the package.
    const covered = (pkg: Installed) =>
      allow![pkg.name] !== undefined || allow![`${pkg.name}@${pkg.version}`] !== undefined;
    const scripted = found.filter((pkg) => pkg.installScript);
    expect(scripted.some((pkg) => pkg.name === 'esbuild')).toBe(true);
    expect(scripted.filter((pkg) => !covered(pkg)).map((pkg) => `${pkg.name}@${pkg.version} (${pkg.where})`)).toEqual(
      [],
    );
  });
});
