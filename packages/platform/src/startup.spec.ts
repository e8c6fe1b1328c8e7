import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import postgres from 'postgres';
import { migrationsCurrent, openDatabase, type Database } from './db';
import { StartupPhases } from './startup';
import { startSubgraphServer } from './subgraph';
import { startWarmer } from './warmer';
import { buildSchema as buildPlainSchema } from 'graphql';

/** A migrations folder in drizzle-kit's layout: one journal entry and one file per migration. */
function migrationsFolder(migrations: Array<{ when: number; sql: string }>): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tk-mig-'));
  mkdirSync(path.join(dir, 'meta'));
  const entries = migrations.map((m, idx) => ({
    idx,
    version: '7',
    when: m.when,
    tag: `000${idx}_m`,
    breakpoints: true,
  }));
  writeFileSync(
    path.join(dir, 'meta', '_journal.json'),
    JSON.stringify({ version: '7', dialect: 'postgresql', entries }),
  );
  migrations.forEach((m, idx) => writeFileSync(path.join(dir, `000${idx}_m.sql`), m.sql));
  return dir;
}

/**
 * Opens the same database twice (PostgreSQL: a throw-away database on DATABASE_URL's server;
 * PGlite: a folder on disk), as a process and its restart would.
 */
async function sameDatabaseTwice(): Promise<{
  open: (folder: string, phases: StartupPhases) => Promise<Database>;
  cleanup: () => Promise<void>;
}> {
  const base = process.env.DATABASE_URL;
  if (!base) {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'tk-pgl-'));
    return {
      open: (folder, phases) => openDatabase({ dataDir, schemaName: 'startup_t', migrationsFolder: folder, phases }),
      cleanup: async () => rmSync(dataDir, { recursive: true, force: true }),
    };
  }
  const name = `tk_startup_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  return {
    open: (folder, phases) =>
      openDatabase({ url: url.toString(), schemaName: 'startup_t', migrationsFolder: folder, phases, poolSize: 2 }),
    cleanup: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

describe('StartupPhases', () => {
  it('names consecutive phases; a phase marked twice adds up; the total is their sum', () => {
    const phases = new StartupPhases();
    phases.mark('modules');
    phases.mark('schema');
    phases.mark('schema');
    expect(Object.keys(phases.phasesMs)).toEqual(['modules', 'schema']);
    expect(phases.totalMs).toBe(phases.phasesMs.modules + phases.phasesMs.schema);
  });
});

describe(`opening a database whose migrations are current (${process.env.DATABASE_URL ? 'PostgreSQL' : 'PGlite'})`, () => {
  const first = { when: 1_700_000_000_000, sql: 'create table "startup_t"."a" (id int primary key)' };
  const second = { when: 1_700_000_100_000, sql: 'create table "startup_t"."b" (id int primary key)' };
  let db: Awaited<ReturnType<typeof sameDatabaseTwice>>;
  const folders: string[] = [];
  const folder = (ms: Array<{ when: number; sql: string }>) => {
    const f = migrationsFolder(ms);
    folders.push(f);
    return f;
  };
  beforeAll(async () => {
    db = await sameDatabaseTwice();
  });
  afterAll(async () => {
    await db?.cleanup();
    for (const f of folders) rmSync(f, { recursive: true, force: true });
  });

  it('migrates a fresh database, skips the migrator when current, runs it again for a newer migration', async () => {
    const one = folder([first]);
    const two = folder([first, second]);
    const runs: string[][] = [];
    for (const f of [one, one, two, two]) {
      const phases = new StartupPhases();
      const database = await db.open(f, phases);
      try {
        runs.push(Object.keys(phases.phasesMs).filter((p) => p !== 'open'));
        expect(await migrationsCurrent(database, { schemaName: 'startup_t', migrationsFolder: f })).toBe(true);
      } finally {
        await database.close();
      }
    }
    expect(runs).toEqual([
      ['migrationCheck', 'migrate'], // fresh: no migrations table yet
      ['migrationCheck'], // a restart: one statement, no lock, no migrator
      ['migrationCheck', 'migrate'], // a deploy with a new migration
      ['migrationCheck'],
    ]);
    // The newer migration did run (and only once: its table exists, the migrator did not fail).
    const phases = new StartupPhases();
    const database = await db.open(two, phases);
    try {
      const rows = await database.asOwner((d) =>
        d.execute(sql`select count(*)::int as n from "startup_t"."__migrations"`),
      );
      expect((Array.isArray(rows) ? rows : (rows as unknown as { rows: unknown[] }).rows)[0]).toEqual({ n: 2 });
    } finally {
      await database.close();
    }
  }, 180_000); // five opens of a PGlite folder, the first its initdb, on a busy machine
});

describe('start-up order: answering before warming', () => {
  it('a warm-up that never finishes does not keep the subgraph from answering /readyz', async () => {
    const events: string[] = [];
    const phases = new StartupPhases();
    const server = await startSubgraphServer(
      {
        name: 'startup-t',
        schema: buildPlainSchema('type Query { ok: Boolean }'),
        secret: 'x'.repeat(32),
        context: () => ({}),
        ready: async () => {
          events.push('ready check');
          return true;
        },
        phases,
      },
      0,
    );
    events.push('listening');
    let warmStarted = 0;
    const warmer = startWarmer({
      name: 't',
      intervalMs: 5,
      revision: async () => 'r1',
      warm: () => {
        warmStarted++;
        events.push('warm started');
        return new Promise<void>(() => undefined);
      },
    });
    try {
      for (let i = 0; i < 400 && warmStarted === 0; i++) await new Promise((r) => setTimeout(r, 5));
      expect(warmStarted).toBe(1);
      const res = await fetch(`http://127.0.0.1:${server.port}/readyz`);
      expect(res.status).toBe(200);
      expect(warmer.runs).toBe(0); // still warming, and answering
      // The first readiness check ran before the server was declared started, the warm-up after.
      expect(events.slice(0, 3)).toEqual(['ready check', 'listening', 'warm started']);
      expect(Object.keys(phases.phasesMs)).toEqual(['server', 'signatureSecond', 'readyCheck']);
    } finally {
      // The warm-up never ends: stop waits for it only within the shutdown budget; keep that short.
      process.env.SHUTDOWN_TIMEOUT_MS = '400';
      await warmer.stop();
      delete process.env.SHUTDOWN_TIMEOUT_MS;
      await server.close();
    }
  });
});

describe("start-up order: the port opens after the start's own second", () => {
  it('a server answers only from the first whole second after it started (a request signed before the start, within that second, cannot reach it)', async () => {
    const phases = new StartupPhases();
    const server = await startSubgraphServer(
      {
        name: 'second-t',
        schema: buildPlainSchema('type Query { ok: Boolean }'),
        secret: 'x'.repeat(32),
        context: () => ({}),
        phases,
      },
      0,
    );
    const opened = Date.now();
    try {
      // `created` counts whole seconds: the first second all of which lies after the start.
      expect(opened).toBeGreaterThanOrEqual(Math.ceil(phases.startedAt / 1000) * 1000);
      expect(Object.keys(phases.phasesMs)).toEqual(['server', 'signatureSecond', 'readyCheck']);
      const res = await fetch(`http://127.0.0.1:${server.port}/healthz`);
      expect(res.status).toBe(200);
    } finally {
      await server.close();
    }
  });
});
