/**
 * Migration 0005 (responsibility lists with owners: ARCHITECTURE.md "Tasks: progress, reports, calendar") on
 * a database that already holds a responsibility list, tasks that name its items and the record of its
 * changes: existing items become hub-wide, and everything that named an item by code names the same item by
 * id afterwards. On PGlite (a data folder) or, with DATABASE_URL, on a fresh PostgreSQL database.
 */
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase, type DatabaseOptions } from '@tiaokuai/platform';
import postgres from 'postgres';
import { sql } from 'drizzle-orm';
import { APP_ROLE, MIGRATIONS, SCHEMA_NAME } from './index';

/** A migrations folder holding the migrations before `tag` only. */
function foldersBefore(tag: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'tk-mig-'));
  mkdirSync(path.join(dir, 'meta'));
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8'));
  const upTo = journal.entries.findIndex((e: { tag: string }) => e.tag === tag);
  journal.entries = journal.entries.slice(0, upTo);
  for (const e of journal.entries) copyFileSync(path.join(MIGRATIONS, `${e.tag}.sql`), path.join(dir, `${e.tag}.sql`));
  writeFileSync(path.join(dir, 'meta', '_journal.json'), JSON.stringify(journal));
  return dir;
}

describe('migration 0005: lists get owners', () => {
  const before = foldersBefore('0005_list_owners');
  const data = mkdtempSync(path.join(tmpdir(), 'tk-pglite-'));
  const base = process.env.DATABASE_URL;
  const name = `tk_mig_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let where: Pick<DatabaseOptions, 'url' | 'dataDir'>;

  beforeAll(async () => {
    if (base) {
      const admin = postgres(base, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`create database ${name}`);
      await admin.end();
      const url = new URL(base);
      url.pathname = `/${name}`;
      where = { url: url.toString() };
    } else where = { dataDir: data };
  });

  afterAll(async () => {
    rmSync(before, { recursive: true, force: true });
    rmSync(data, { recursive: true, force: true });
    if (base) {
      const admin = postgres(base, { max: 1, onnotice: () => undefined });
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it('existing items become hub-wide; tasks and the change record name the same items by id', async () => {
    const old = await openDatabase({ ...where, schemaName: SCHEMA_NAME, migrationsFolder: before, appRole: APP_ROLE });
    await old.asOwner(async (db) => {
      await db.execute(
        sql`insert into tasks.required_items (code, name, kinds, frequency) values ('SHYK', '三会一课', '{BRANCH}', 'QUARTERLY'), ('MZPY', '民主评议党员', '{BRANCH}', 'YEARLY')`,
      );
      await db.execute(
        sql`insert into tasks.required_item_changes (code, operation, item, by_subject) values ('SHYK', 'DEFINE', '{}'::jsonb, 'op'), ('MZPY', 'IMPORT', '{}'::jsonb, 'op')`,
      );
      await db.execute(sql`insert into tasks.tasks (issuer_id, title, category, priority, starts_on, due_on, required_item, binding, created_by)
        values (7, '三会一课', 'ORGANIZATIONAL', 'ROUTINE', '2026-01-01', '2026-03-31', 'SHYK', true, 't'), (7, '别的', 'OTHER', 'KEY', '2026-01-01', '2026-03-31', null, true, 't')`);
    });
    await old.close();

    const now = await openDatabase({
      ...where,
      schemaName: SCHEMA_NAME,
      migrationsFolder: MIGRATIONS,
      appRole: APP_ROLE,
    });
    try {
      const items = await now.rows<{ id: number; owner_id: number | null; code: string }>(
        sql`select id, owner_id, code from tasks.required_items order by code`,
      );
      expect(items.map((i) => [i.code, i.owner_id])).toEqual([
        ['MZPY', null],
        ['SHYK', null],
      ]);
      const shyk = items.find((i) => i.code === 'SHYK')!.id;
      const tasks = await now.rows<{ title: string; required_item_id: number | null }>(
        sql`select title, required_item_id from tasks.tasks order by id`,
      );
      expect(tasks).toEqual([
        { title: '三会一课', required_item_id: shyk },
        { title: '别的', required_item_id: null },
      ]);
      const changes = await now.rows<{ code: string; same: boolean }>(
        sql`select c.code, c.item_id = i.id as same from tasks.required_item_changes c join tasks.required_items i on i.code = c.code order by c.id`,
      );
      expect(changes).toEqual([
        { code: 'SHYK', same: true },
        { code: 'MZPY', same: true },
      ]);
      // Known by owner and code: a second hub-wide SHYK is refused, another owner's SHYK is not.
      await expect(
        now.asOwner((db) =>
          db.execute(
            sql`insert into tasks.required_items (code, name, kinds, frequency) values ('SHYK', 'x', '{BRANCH}', 'YEARLY')`,
          ),
        ),
      ).rejects.toThrow();
      await now.asOwner((db) =>
        db.execute(
          sql`insert into tasks.required_items (owner_id, code, name, kinds, frequency) values (5, 'SHYK', 'x', '{BRANCH}', 'YEARLY')`,
        ),
      );
      // The change record is kept as before: never updated.
      await expect(
        now.asOwner((db) => db.execute(sql`update tasks.required_item_changes set code = 'X'`)),
      ).rejects.toThrow();
    } finally {
      await now.close();
    }
  });
});
