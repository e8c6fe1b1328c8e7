#!/usr/bin/env node
/**
 * Adds to package-lock.json the platform-specific optional packages npm left out.
 *
 * npm 11 on Linux records only the Linux variants of native bindings (@swc/core-*, @turbo/*,
 * @unrs/resolver-binding-*), and then `npm ci` refuses the same lockfile ("Missing: … from
 * lock file"; npm/cli#4828, #8805). Run after any dependency change:
 *   npm install && node tools/scripts/complete-lockfile.js && npm ci
 * It asks the registry (npm view) for each missing package's integrity and platform fields;
 * where the registry has no such package (mirrors that carry only Linux binaries), it records
 * the platform read from the package's name, which is all `npm ci` needs to skip it.
 */
const { execFileSync } = require('node:child_process');
const { readFileSync, writeFileSync } = require('node:fs');
const path = require('node:path');

/** `@swc/core-darwin-arm64` → { os: ['darwin'], cpu: ['arm64'] }; `…-linux-x64-musl` also libc. */
function platformFromName(name) {
  const parts = name.split('/').pop().split('-');
  const OS = {
    darwin: 'darwin',
    win32: 'win32',
    windows: 'win32',
    linux: 'linux',
    android: 'android',
    freebsd: 'freebsd',
    openharmony: 'openharmony',
  };
  const CPU = {
    arm64: 'arm64',
    x64: 'x64',
    64: 'x64',
    ia32: 'ia32',
    arm: 'arm',
    ppc64: 'ppc64',
    s390x: 's390x',
    loong64: 'loong64',
    riscv64: 'riscv64',
  };
  const os = parts.map((p) => OS[p]).find(Boolean);
  const cpu = parts.map((p) => CPU[p]).find(Boolean);
  const libc = parts.some((p) => p.startsWith('musl'))
    ? ['musl']
    : parts.some((p) => p === 'gnu' || p === 'gnueabihf')
      ? ['glibc']
      : undefined;
  if (!os || !cpu) throw new Error(`cannot tell the platform of ${name}`);
  return { os: [os], cpu: [cpu], ...(libc ? { libc } : {}) };
}

const file = path.resolve(__dirname, '..', '..', 'package-lock.json');
const lock = JSON.parse(readFileSync(file, 'utf8'));
const pkgs = lock.packages;
let added = 0;
for (const [key, entry] of Object.entries({ ...pkgs })) {
  if (!key.startsWith('node_modules/') || !entry.optionalDependencies) continue;
  for (const [name, spec] of Object.entries(entry.optionalDependencies)) {
    const nested = `${key}/node_modules/${name}`;
    const top = `node_modules/${name}`;
    if (pkgs[top] || pkgs[nested]) continue;
    let meta;
    try {
      const info = JSON.parse(
        execFileSync(
          'npm',
          ['view', `${name}@${spec}`, '--json', 'version', 'dist.integrity', 'os', 'cpu', 'libc', 'engines', 'license'],
          { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] },
        ),
      );
      meta = Array.isArray(info) ? info[info.length - 1] : info;
    } catch {
      meta = { version: spec, ...platformFromName(name) };
    }
    const out = { version: meta.version };
    if (meta['dist.integrity']) out.integrity = meta['dist.integrity'];
    if (meta.cpu) out.cpu = meta.cpu;
    if (entry.dev) out.dev = true;
    if (meta.engines) out.engines = meta.engines;
    if (meta.libc) out.libc = meta.libc;
    if (meta.license) out.license = meta.license;
    out.optional = true;
    if (meta.os) out.os = meta.os;
    pkgs[top] = out;
    added++;
    console.log(`added ${top}@${meta.version}`);
  }
}
const sorted = Object.fromEntries(
  Object.entries(pkgs).sort(([a], [b]) => (a === '' ? -1 : b === '' ? 1 : a.localeCompare(b))),
);
lock.packages = sorted;
writeFileSync(file, JSON.stringify(lock, null, 2) + '\n');
console.log(`${added} entries added`);
