/**
 * Migration 0007: the tasks revision (0003) moves once per transaction, whatever the number of
 * write statements in it: a province's import job writes some 150,000 statements in one
 * transaction, and a bump per statement made that quadratic. Statement triggers fire even when no
 * row matches, so `update … where false` is a write statement that changes nothing. On PGlite or,
 * with DATABASE_URL, on a fresh PostgreSQL database.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type Database, type Db } from '@tiaokuai/platform';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { APP_ROLE, MIGRATIONS, SCHEMA_NAME } from './index';

const data = mkdtempSync(path.join(tmpdir(), 'tk-pglite-'));
const base = process.env.DATABASE_URL;
const name = `tk_rev_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
let database: Database;

beforeAll(async () => {
  let where: { url?: string; dataDir?: string } = { dataDir: data };
  if (base) {
    const admin = postgres(base, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`create database ${name}`);
    await admin.end();
    const url = new URL(base);
    url.pathname = `/${name}`;
    where = { url: url.toString() };
  }
  database = await openDatabase({ ...where, schemaName: SCHEMA_NAME, migrationsFolder: MIGRATIONS, appRole: APP_ROLE });
}, 120_000);

afterAll(async () => {
  await database?.close();
  rmSync(data, { recursive: true, force: true });
  if (base) {
    const admin = postgres(base, { max: 1, onnotice: () => undefined });
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
});

const revision = async (on?: Db) =>
  Number((await database.rows<{ n: string }>(sql`select n from tasks.revision where id = 1`, on))[0].n);
/** A write statement on each of the two counted tables that changes no row. */
const touch = async (db: Db) => {
  await db.execute(sql`update tasks.tasks set title = title where false`);
  await db.execute(sql`update tasks.assignments set note = note where false`);
};

describe('the tasks revision moves once per transaction (migration 0007)', () => {
  it('many write statements in one transaction: one bump, seen inside it after the first statement', async () => {
    const before = await revision();
    const inside = await database.db.transaction(async (tx) => {
      await touch(tx);
      const first = await revision(tx);
      for (let i = 0; i < 20; i++) await touch(tx);
      return [first, await revision(tx)];
    });
    expect(inside).toEqual([before + 1, before + 1]);
    expect(await revision()).toBe(before + 1);
  });

  it('each transaction bumps it again, and statements outside a transaction are one each', async () => {
    const before = await revision();
    await database.db.transaction(async (tx) => touch(tx));
    await database.db.transaction(async (tx) => touch(tx));
    expect(await revision()).toBe(before + 2);
    await database.db.execute(sql`update tasks.tasks set title = title where false`);
    await database.db.execute(sql`update tasks.assignments set note = note where false`);
    expect(await revision()).toBe(before + 4);
  });

  it('a rolled-back savepoint takes its bump and its mark back: the next statement bumps again', async () => {
    const before = await revision();
    await database.db.transaction(async (tx) => {
      await tx
        .transaction(async (sp) => {
          await touch(sp);
          throw new Error('roll the savepoint back');
        })
        .catch(() => undefined);
      expect(await revision(tx)).toBe(before);
      await touch(tx);
    });
    expect(await revision()).toBe(before + 1);
  });

  it('a rolled-back transaction leaves the revision where it was', async () => {
    const before = await revision();
    await database.db
      .transaction(async (tx) => {
        await touch(tx);
        throw new Error('roll back');
      })
      .catch(() => undefined);
    expect(await revision()).toBe(before);
  });
});
