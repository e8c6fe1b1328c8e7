import { PGlite } from '@electric-sql/pglite';
import { SQL, sql } from 'drizzle-orm';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import postgres from 'postgres';
import { mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { log } from './log';
import { closeTimeoutMs } from './shutdown';
import type { StartupPhases } from './startup';

/** A drizzle handle that works on both drivers; transactions (`tx`) are assignable to it. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, unknown>>;

/** Counts SQL statements sent through drizzle: tests use it to prove batching. */
export class StatementCounter {
  count = 0;
  log: string[] = [];
  keepLog = false;
  logQuery(query: string): void {
    this.count++;
    if (this.keepLog) this.log.push(query);
  }
  reset(): void {
    this.count = 0;
    this.log = [];
  }
}

export interface Database {
  db: Db;
  driver: 'pglite' | 'postgres';
  /** Raw SQL returning rows, on either driver (postgres.js returns an array, PGlite `{ rows }`). */
  rows<T = Record<string, unknown>>(query: SQL, on?: Db): Promise<T[]>;
  statements: StatementCounter;
  /**
   * Runs `fn` as the schema's owner instead of the application's role (see `appRole`):
   * maintenance only (ANALYZE after a large import, emptying tables between test cases).
   */
  asOwner<T>(fn: (db: Db) => Promise<T>): Promise<T>;
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL URL; when absent the embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; absent or `memory://` keeps the database in memory. */
  dataDir?: string;
  /** Each subgraph owns one PostgreSQL schema and its own migrations table in it. */
  schemaName: string;
  migrationsFolder: string;
  /** postgres.js pool size. */
  poolSize?: number;
  /**
   * The role the application's statements run as, created by the subgraph's migrations
   * (org: `tiaokuai_org`, migration 0003): it owns nothing and is held by row-level security.
   * Migrations run as the connecting user (the owner); afterwards every pooled connection
   * starts as this role (PostgreSQL: startup option `-c role=…`; PGlite: `SET ROLE` on its
   * one session). Absent: statements run as the connecting user.
   */
  appRole?: string;
  /** Where the open's phases are marked (startup.ts): open, migrationCheck, migrate. */
  phases?: StartupPhases;
}

/** The newest migration of a folder: drizzle's journal's largest `when` (what its migrator compares). */
export function newestMigration(migrationsFolder: string): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8')) as {
    entries: Array<{ when: number }>;
  };
  return Math.max(0, ...journal.entries.map((e) => e.when));
}

/**
 * Is the schema's migrations table already at the folder's newest migration? One statement,
 * no lock: the start after a crash (the usual case) then skips drizzle's migrator, which would
 * take the advisory lock on a connection of its own, create the schema and table if missing
 * and open an empty transaction. A table not there yet (a fresh database) answers false. Only
 * ever a shortcut: when false, the migrator runs under the lock and decides again itself.
 */
export async function migrationsCurrent(
  database: Pick<Database, 'rows'>,
  opts: Pick<DatabaseOptions, 'schemaName' | 'migrationsFolder'>,
): Promise<boolean> {
  const table = sql.raw(`"${opts.schemaName.replace(/"/g, '""')}"."__migrations"`);
  try {
    const [row] = await database.rows<{ newest: string | number | null }>(
      sql`select max(created_at) as newest from ${table}`,
    );
    return row?.newest != null && Number(row.newest) >= newestMigration(opts.migrationsFolder);
  } catch (e) {
    if (hasErrorCode(e, MISSING_RELATION)) return false;
    throw e;
  }
}
/** undefined_table, invalid_schema_name (PostgreSQL: the schema or the migrations table is missing). */
const MISSING_RELATION = new Set(['42P01', '3F000']);

/** Error codes of a lost connection (postgres.js's own, PostgreSQL's admin shutdown class 57P, the socket's). */
const CONNECTION_LOST = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_DESTROYED',
  'CONNECTION_ENDED',
  '57P01',
  '57P02',
  '57P03',
  'ECONNRESET',
  'EPIPE',
]);

/**
 * Does this error, or one it wraps, carry one of `codes`? Drizzle reports `Failed query` with the
 * driver's error (PostgreSQL's SQLSTATE in `code`) as its cause.
 */
export function hasErrorCode(e: unknown, codes: ReadonlySet<string>): boolean {
  for (let x = e, depth = 0; x && typeof x === 'object' && depth < 5; x = (x as { cause?: unknown }).cause, depth++) {
    if (codes.has(String((x as { code?: unknown }).code))) return true;
  }
  return false;
}

/** Does this error (or one it wraps) mean the connection was lost? */
export const isConnectionLost = (e: unknown): boolean => hasErrorCode(e, CONNECTION_LOST);

/** A unique index refused the write (SQLSTATE 23505). */
export const isUniqueViolation = (e: unknown): boolean => hasErrorCode(e, UNIQUE_VIOLATION);
/** Row-level security or a grant refused the write (SQLSTATE 42501). */
export const isRlsRefusal = (e: unknown): boolean => hasErrorCode(e, INSUFFICIENT_PRIVILEGE);
const UNIQUE_VIOLATION = new Set(['23505']);
const INSUFFICIENT_PRIVILEGE = new Set(['42501']);

/** How long a transaction's lost-connection error waits for the transaction itself to fail (below). */
const LOST_GRACE_MS = 2000;

/**
 * postgres.js 3.4.9 (the latest release) crashes the whole process when a transaction's
 * connection closes under it (a terminated backend, a restarted server, a cut network): the
 * transaction scope answers the failed query by writing ROLLBACK to that connection, whose
 * socket is already gone, and the deferred write throws an uncaught TypeError from a
 * setImmediate callback (`Cannot read properties of null (reading 'write')`; porsager/postgres
 * #1154 and #1208, fix proposed upstream in #1209). Found by the reliability run
 * (RELIABILITY.md): the org subgraph died at the first pg_terminate_backend under load.
 *
 * `begin` itself rejects when its connection closes. So when the transaction's callback fails
 * with a lost connection, its error is held until `begin` has settled: if it has (the
 * connection closed; the caller already has its error), the error is never handed back to
 * postgres.js, no ROLLBACK is written, and the server rolled the transaction back when the
 * session ended; if `begin` is still open after LOST_GRACE_MS (the connection lives, the error
 * came from elsewhere), the error goes back for an ordinary rollback. Every other error goes
 * back at once.
 */
export function guardTransactions(client: postgres.Sql): void {
  const begin = client.begin.bind(client) as unknown as (...args: unknown[]) => Promise<unknown>;
  (client as unknown as { begin: (...args: unknown[]) => Promise<unknown> }).begin = (...args: unknown[]) => {
    const fn = args.pop() as (sql: unknown) => unknown;
    let settle!: () => void;
    const settled = new Promise<'closed'>((resolve) => {
      settle = () => resolve('closed');
    });
    const run = begin(...args, (sql: unknown) =>
      new Promise((resolve) => {
        const x = fn(sql);
        resolve(Array.isArray(x) ? Promise.all(x) : x);
      }).catch(async (e: unknown) => {
        if (!isConnectionLost(e)) throw e;
        let timer: NodeJS.Timeout | undefined;
        const outcome = await Promise.race([
          settled,
          new Promise<'alive'>((resolve) => {
            timer = setTimeout(() => resolve('alive'), LOST_GRACE_MS);
            timer.unref();
          }),
        ]);
        clearTimeout(timer);
        if (outcome === 'closed') return new Promise(() => undefined); // never handed back: no ROLLBACK on a dead connection
        throw e;
      }),
    );
    run.then(settle, settle);
    return run;
  };
}

/**
 * A read on the pool (outside a transaction) whose connection was lost (a terminated backend,
 * a restarted server) is sent again (at most twice), on a fresh connection: a SELECT changes nothing, so
 * running it again is safe, and the caller sees an answer instead of an error. Writes and
 * anything inside a transaction are never repeated (their connection is not this client:
 * postgres.js gives a transaction its own). Drizzle sends every statement through `unsafe`,
 * awaiting it or its `.values()`.
 */
export function retryLostReads(client: postgres.Sql): void {
  const unsafe = client.unsafe.bind(client) as (
    ...args: unknown[]
  ) => PromiseLike<unknown> & { values(): PromiseLike<unknown> };
  (client as unknown as { unsafe: unknown }).unsafe = (query: string, ...rest: unknown[]) => {
    if (typeof query !== 'string' || !/^\s*select\b/i.test(query)) return unsafe(query, ...rest);
    const run = async (values: boolean): Promise<unknown> => {
      const send = () => {
        const pending = unsafe(query, ...rest);
        return values ? pending.values() : pending;
      };
      // Twice at most, after a pause: the server's termination notice arrives before its socket
      // closes, and a resend in between could land on the dying connection.
      for (let attempt = 0; ; attempt++) {
        try {
          return await send();
        } catch (e) {
          if (attempt >= 2 || !isConnectionLost(e)) throw e;
          await new Promise((r) => setTimeout(r, 50 * (attempt + 1)));
        }
      }
    };
    let plain: Promise<unknown> | undefined;
    const rows = () => (plain ??= run(false));
    return {
      then: (ok?: (v: unknown) => unknown, fail?: (e: unknown) => unknown) => rows().then(ok, fail),
      catch: (fail: (e: unknown) => unknown) => rows().catch(fail),
      finally: (f: () => void) => rows().finally(f),
      values: () => run(true),
    };
  };
}

export async function rowsOf<T>(db: Db, query: SQL): Promise<T[]> {
  const r = (await db.execute(query)) as unknown;
  return (Array.isArray(r) ? r : (r as { rows: T[] }).rows) as T[];
}

/** The advisory lock's key (hashed with `hashtext`) that serializes one schema's migrations across processes. */
export const migrationLockKey = (schemaName: string): string => `tiaokuai:migrate:${schemaName}`;

/**
 * How many times start-up runs the migrations when their connection is lost (a terminated backend, a restarted server).
 */
const MIGRATE_ATTEMPTS = 4;

/**
 * Runs a schema's drizzle migrations in ONE transaction that first takes a transaction-level
 * advisory lock (`pg_advisory_xact_lock`): concurrent start-ups of the same service wait for each
 * other (drizzle's migrator takes no lock), and the lock ends with the transaction, whether it
 * commits, rolls back, or its backend is terminated.
 *
 * Before (RELIABILITY.md, "tasks exited (code 1) when its backends were terminated") the lock was
 * a session lock on a connection taken with `sql.reserve()` and given back with `release()`. A
 * reserved connection is pinned: when its backend was terminated while the migrations ran (or
 * the lock was awaited), the unlock in `finally` was written to a connection without a socket and
 * postgres.js 3.4.9 threw an uncaught TypeError at `nextWrite` (porsager/postgres#1199, #1208,
 * not fixed in 3.4.10), which killed the process; had it survived, that connection would have
 * stayed broken (`nextWriteTimer` is never reset) and `openDatabase` would never have settled.
 * Test: `db.terminated.spec.ts`. A transaction goes through the pool and `guardTransactions`.
 *
 * drizzle's migrator wants a client with `options` and `begin`; the transaction's scope has
 * neither, so it is given the pool's options, and drizzle's own transaction becomes a savepoint.
 */
async function migrateLocked(
  owner: postgres.Sql,
  opts: DatabaseOptions,
  logger: { logQuery(q: string): void },
): Promise<void> {
  await owner.begin(async (tx) => {
    await tx`select pg_advisory_xact_lock(hashtext(${migrationLockKey(opts.schemaName)}))`;
    const scoped = Object.assign(tx, {
      options: owner.options,
      begin: (fn: (sql: postgres.TransactionSql) => unknown) => tx.savepoint(fn),
    });
    await migratePostgres(drizzlePostgres(scoped as unknown as postgres.Sql, { logger }) as never, {
      migrationsFolder: opts.migrationsFolder,
      migrationsSchema: opts.schemaName,
      migrationsTable: '__migrations',
    });
  });
}

/**
 * `migrateLocked`, run again (at most MIGRATE_ATTEMPTS times, after a short pause) when its
 * connection is lost: the transaction rolled back with its backend, so running it again is safe,
 * and a subgraph starting while its backends are terminated opens instead of exiting. Any other
 * error fails the start-up at once.
 */
async function migrateWithRetry(
  owner: postgres.Sql,
  opts: DatabaseOptions,
  logger: { logQuery(q: string): void },
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await migrateLocked(owner, opts, logger);
    } catch (e) {
      if (attempt >= MIGRATE_ATTEMPTS || !isConnectionLost(e)) throw e;
      log.warn('migrations lost their database connection; running them again', {
        schema: opts.schemaName,
        attempt,
        error: (e as Error)?.message,
      });
      await new Promise((r) => setTimeout(r, 200 * attempt));
    }
  }
}

export async function openDatabase(opts: DatabaseOptions): Promise<Database> {
  const statements = new StatementCounter();
  const logger = { logQuery: (q: string) => statements.logQuery(q) };
  if (opts.url) {
    // The owner's connections: migrations, then maintenance (asOwner); closed when idle.
    const ownerClient = postgres(opts.url, {
      max: 2,
      idle_timeout: 30,
      onnotice: () => undefined,
      connection: { application_name: `tiaokuai-${opts.schemaName}-owner` },
    });
    guardTransactions(ownerClient);
    const ownerDb = drizzlePostgres(ownerClient, { logger }) as unknown as Db;
    // One statement when the schema is current (the usual restart); the locked migration only
    // when the migrations table is behind the journal.
    const current = await migrationsCurrent({ rows: (q) => rowsOf(ownerDb, q) }, opts).catch((e: unknown) => {
      if (isConnectionLost(e)) return false; // the locked run below retries on a lost connection
      throw e;
    });
    opts.phases?.mark('migrationCheck');
    if (!current) {
      await migrateWithRetry(ownerClient, opts, logger);
      opts.phases?.mark('migrate');
    }
    const client = postgres(opts.url, {
      max: opts.poolSize ?? 10,
      onnotice: () => undefined,
      connection: {
        application_name: `tiaokuai-${opts.schemaName}`,
        ...(opts.appRole ? { options: `-c role=${opts.appRole}` } : {}),
      },
    });
    guardTransactions(client);
    retryLostReads(client);
    const db = drizzlePostgres(client, { logger }) as unknown as Db;
    statements.reset();
    return {
      db,
      driver: 'postgres',
      statements,
      rows: (q, on) => rowsOf(on ?? db, q),
      asOwner: (fn) => fn(opts.appRole ? ownerDb : db),
      // Queries still running get what is left of the shutdown budget (shutdown.ts), not a fixed 5 s.
      close: async () => {
        const timeout = closeTimeoutMs() / 1000;
        await Promise.all([client.end({ timeout }), ownerClient.end({ timeout })]);
      },
    };
  }
  const memory = !opts.dataDir || opts.dataDir.startsWith('memory://');
  if (!memory) mkdirSync(opts.dataDir!, { recursive: true });
  const pg = await PGlite.create(memory ? undefined : opts.dataDir);
  opts.phases?.mark('open');
  const database = await wrapPglite(pg, opts, statements, true);
  if (memory) return database;
  const checkpoints = pgliteCheckpoints(pg);
  return {
    ...database,
    close: async () => {
      await checkpoints.stop();
      await database.close();
    },
  };
}

/** WAL since the last checkpoint above which a PGlite folder gets one (pgliteCheckpoints). */
export const PGLITE_CHECKPOINT_WAL_BYTES = 32 * 2 ** 20;

/**
 * A checkpoint when the WAL written since the last one reached `limitBytes`; true when it ran.
 * As the session user (the owner), in a transaction: PGlite's one session is held meanwhile, and
 * the application's role comes back at its end.
 */
export async function checkpointIfWalGrown(pg: PGlite, limitBytes = PGLITE_CHECKPOINT_WAL_BYTES): Promise<boolean> {
  return pg.transaction(async (tx) => {
    await tx.query('set local role none');
    if ((await walSinceCheckpoint(tx)) < limitBytes) return false;
    await tx.exec('checkpoint');
    return true;
  });
}

/** Bytes of WAL written since the last checkpoint's redo point (as the owner: pg_control_checkpoint is not public). */
export async function walSinceCheckpoint(tx: Pick<PGlite, 'query'>): Promise<number> {
  const { rows } = await tx.query<{ since: string }>(
    'select pg_wal_lsn_diff(pg_current_wal_lsn(), redo_lsn)::bigint::text as since from pg_control_checkpoint()',
  );
  return Number(rows[0]?.since ?? 0);
}

/**
 * PGlite runs PostgreSQL in single-user mode: there is no checkpointer process, so
 * `checkpoint_timeout` never fires and a checkpoint comes only with close or once the WAL nears
 * `max_wal_size` (1 GB). A process killed (SIGKILL, a crash) leaves everything since the last
 * checkpoint to replay at the next open, about 7 ms of CPU per MB (RELIABILITY.md, "Recovery
 * after a kill"): up to seconds of CPU, tens of seconds on a loaded machine. Every
 * `intervalMs` the WAL since the last checkpoint is read (one statement) and, past
 * PGLITE_CHECKPOINT_WAL_BYTES, a checkpoint is made, which bounds the replay to about that.
 */
export function pgliteCheckpoints(pg: PGlite, intervalMs = 10_000): { stop(): Promise<void> } {
  let running: Promise<unknown> = Promise.resolve();
  const timer = setInterval(() => {
    running = running
      .then(() => checkpointIfWalGrown(pg))
      .catch((e) => log.debug('checkpoint skipped', { error: String((e as Error)?.message ?? e) }));
  }, intervalMs);
  timer.unref();
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}

async function wrapPglite(
  pg: PGlite,
  opts: DatabaseOptions,
  statements: StatementCounter,
  runMigrations: boolean,
): Promise<Database> {
  const db = drizzlePglite(pg, { logger: { logQuery: (q: string) => statements.logQuery(q) } }) as unknown as Db;
  if (runMigrations && !(await migrationsCurrent({ rows: (q) => rowsOf(db, q) }, opts))) {
    opts.phases?.mark('migrationCheck');
    await migratePglite(db as never, {
      migrationsFolder: opts.migrationsFolder,
      migrationsSchema: opts.schemaName,
      migrationsTable: '__migrations',
    });
    opts.phases?.mark('migrate');
  } else if (runMigrations) {
    opts.phases?.mark('migrationCheck');
  }
  const role = opts.appRole ? `"${opts.appRole.replace(/"/g, '""')}"` : null;
  if (role) await pg.exec(`set role ${role}`);
  statements.reset();
  return {
    db,
    driver: 'pglite',
    statements,
    rows: (q, on) => rowsOf(on ?? db, q),
    // PGlite has one session: switch it back to the owner for the call (tests and maintenance only).
    asOwner: async (fn) => {
      if (!role) return fn(db);
      await pg.exec('reset role');
      try {
        return await fn(db);
      } finally {
        await pg.exec(`set role ${role}`);
      }
    },
    close: () => pg.close(),
  };
}

/**
 * A fresh, migrated, isolated database for one test file.
 * On PostgreSQL (DATABASE_URL set) it creates a throw-away database on the same server and
 * drops it on close, so test files never see each other's rows; on PGlite it is in memory.
 */
export async function openTestDatabase(opts: Omit<DatabaseOptions, 'url' | 'dataDir'>): Promise<Database> {
  const base = process.env.DATABASE_URL;
  if (!base) return openDatabase({ ...opts });
  const name = `tk_t_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = postgres(base, { max: 1, onnotice: () => undefined });
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ ...opts, url: url.toString(), poolSize: 4 });
  return {
    ...database,
    close: async () => {
      await database.close();
      const a = postgres(base, { max: 1, onnotice: () => undefined });
      await a.unsafe(`drop database if exists ${name} with (force)`);
      await a.end();
    },
  };
}

/** Empties every table of a schema (test isolation between cases of one file). */
export async function truncateSchema(database: Database, schemaName: string): Promise<void> {
  const tables = await database.rows<{ t: string }>(
    sql`select tablename as t from pg_tables where schemaname = ${schemaName} and tablename not in ('__migrations', 'revision', 'audit_log')`,
  );
  if (tables.length === 0) return;
  const list = tables.map((r) => `"${schemaName}"."${r.t}"`).join(', ');
  await database.asOwner((db) => db.execute(sql.raw(`truncate ${list} restart identity cascade`)));
  database.statements.reset();
}
