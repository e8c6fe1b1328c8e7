/**
 * Row-level security (migration 0003) as the backstop of the service layer: raw statements
 * inside a scoped transaction stand for a service-layer bug that forgot a jurisdiction check.
 * Runs on PGlite and on PostgreSQL alike (both hold the application to the same role).
 * Fixture (src/testing/fixtures.ts): 江苏省应急管理厅党组 (JS-YJT-DZ) leads JS-YJT-JGDW and JS-YJT-ZB1;
 * 苏州市税务局 (SZ-SWJ) is outside its jurisdiction.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type Identity, type Role } from '@tiaokuai/platform';
import { smallProvince } from '../../testing/fixtures';
import { orgHarness, type OrgHarness } from '../../testing';
import { Access } from './access';
import { JurisdictionCache } from './jurisdiction.cache';
import { scopedTransaction } from './rls';

let h: OrgHarness;
let ids: Record<string, number>;
beforeAll(async () => {
  h = await orgHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.resetTo(smallProvince());
  const rows = await h.database.rows<{ id: number; code: string }>(sql`select id, code from org.units`);
  ids = Object.fromEntries(rows.map((r) => [r.code, Number(r.id)]));
});

const caller = (role: Role, body = 'JS-YJT-DZ'): Access =>
  new Access({ subject: `t-${role}`, body, role, hubAdmin: false } as Identity, h.database.db, new JurisdictionCache());
const operator = (): Access =>
  new Access(
    { subject: 'op', body: null, role: 'ADMIN', hubAdmin: true } as Identity,
    h.database.db,
    new JurisdictionCache(),
  );

/** The error's own message and its cause's (drizzle wraps the driver's error). */
const failure = (p: Promise<unknown>) =>
  p.then(
    () => 'no error',
    (e: Error & { cause?: Error }) => `${e.message} ${e.cause?.message ?? ''}`,
  );
const renameUnit = (tx: Db, code: string) =>
  rowsOf(tx, sql`update org.units set name = name || '*' where id = ${ids[code]} returning id`);

describe('the application runs as a role the policies hold', () => {
  it('is neither owner, superuser nor able to bypass RLS, and every guarded table forces RLS', async () => {
    const [me] = await h.database.rows<{ who: string; su: boolean; bypass: boolean }>(
      sql`select current_user as who, rolsuper as su, rolbypassrls as bypass from pg_roles where rolname = current_user`,
    );
    expect(me).toEqual({ who: 'tiaokuai_org', su: false, bypass: false });
    const tables = await h.database.rows<{ t: string; rls: boolean; force: boolean; owner: string }>(sql`
      select c.relname as t, c.relrowsecurity as rls, c.relforcerowsecurity as force, pg_get_userbyid(c.relowner) as owner
      from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'org' and c.relname in ('units', 'unit_facts', 'links', 'audit_log') order by 1`);
    expect(tables.map((t) => t.t)).toEqual(['audit_log', 'links', 'unit_facts', 'units']);
    for (const t of tables) expect(t).toMatchObject({ rls: true, force: true });
    expect(tables.every((t) => t.owner !== 'tiaokuai_org')).toBe(true);
  });

  it('a transaction that declared no scope can read but not write', async () => {
    expect((await h.database.rows(sql`select id from org.units`)).length).toBe(8);
    const err = await failure(
      h.database.db.transaction((tx) => rowsOf(tx as unknown as Db, sql`update org.units set name = 'x' returning id`)),
    );
    expect(err).toBe('no error'); // an UPDATE outside the policies matches no row …
    expect(
      (await h.database.rows<{ n: number }>(sql`select count(*)::int as n from org.units where name = 'x'`))[0].n,
    ).toBe(0); // … and changes nothing
    const insert = await failure(
      h.database.db.execute(
        sql`insert into org.units (code, name, kind, level, region, valid_from) values ('NEW', 'n', 'BRANCH', 'COUNTY', '320000', '2024-01-01')`,
      ),
    );
    expect(insert).toMatch(/row-level security/);
  });
});

describe('a scoped transaction writes inside the jurisdiction only', () => {
  it('EDITOR: a unit inside changes, one outside is untouched even by a raw UPDATE', async () => {
    const inside = await scopedTransaction(h.database.db, caller('EDITOR'), (tx) => renameUnit(tx, 'JS-YJT-ZB1'));
    const outside = await scopedTransaction(h.database.db, caller('EDITOR'), (tx) => renameUnit(tx, 'SZ-SWJ'));
    expect(inside).toHaveLength(1);
    expect(outside).toHaveLength(0);
    const names = await h.database.rows<{ code: string; name: string }>(
      sql`select code, name from org.units where code in ('JS-YJT-ZB1', 'SZ-SWJ') order by code`,
    );
    expect(names.find((n) => n.code === 'JS-YJT-ZB1')!.name.endsWith('*')).toBe(true);
    expect(names.find((n) => n.code === 'SZ-SWJ')!.name.endsWith('*')).toBe(false);
  });

  it('VIEWER writes nothing, even inside', async () => {
    expect(await scopedTransaction(h.database.db, caller('VIEWER'), (tx) => renameUnit(tx, 'JS-YJT-ZB1'))).toHaveLength(
      0,
    );
  });

  it('links: only an ADMIN, and only with both ends inside', async () => {
    const link = (from: string, to: string) => (tx: Db) =>
      rowsOf(
        tx,
        sql`insert into org.links (from_id, to_id, kind, valid_from)
      values (${ids[from]}, ${ids[to]}, 'GUIDANCE', '2025-01-01') returning id`,
      );
    expect(await failure(scopedTransaction(h.database.db, caller('EDITOR'), link('JS-YJT-DZ', 'JS-YJT-ZB1')))).toMatch(
      /row-level security/,
    );
    expect(await failure(scopedTransaction(h.database.db, caller('ADMIN'), link('JS-YJT-DZ', 'SZ-SWJ')))).toMatch(
      /row-level security/,
    );
    expect(await scopedTransaction(h.database.db, caller('ADMIN'), link('JS-YJT-DZ', 'JS-YJT-ZB1'))).toHaveLength(1);
  });

  it('a new unit may get fact versions only when placed inside the jurisdiction', async () => {
    const create = (code: string, locality: string) => async (tx: Db) => {
      const [u] = await rowsOf<{ id: number }>(
        tx,
        sql`insert into org.units (code, name, kind, level, region, valid_from)
        values (${code}, 'n', 'BRANCH', 'COUNTY', '320000', '2024-01-01') returning id`,
      );
      return rowsOf(
        tx,
        sql`insert into org.unit_facts (unit_id, valid_from, locality_id) values (${u.id}, '2024-01-01', ${ids[locality]}) returning unit_id`,
      );
    };
    expect(await scopedTransaction(h.database.db, caller('EDITOR'), create('NEW-IN', 'JS-YJT-DZ'))).toHaveLength(1);
    expect(await failure(scopedTransaction(h.database.db, caller('EDITOR'), create('NEW-OUT', 'SZ-SWJ')))).toMatch(
      /row-level security/,
    );
    // … and a fact version for an existing unit outside is refused, whatever it names.
    expect(
      await failure(
        scopedTransaction(h.database.db, caller('EDITOR'), (tx) =>
          rowsOf(
            tx,
            sql`
      insert into org.unit_facts (unit_id, valid_from, locality_id) values (${ids['SZ-SWJ']}, '2030-01-01', ${ids['JS-YJT-DZ']})`,
          ),
        ),
      ),
    ).toMatch(/row-level security/);
  });

  it('the scope lives only as long as its transaction', async () => {
    await scopedTransaction(h.database.db, operator(), (tx) => renameUnit(tx, 'SZ-SWJ'));
    const [after] = await h.database.rows<{ scope: string | null }>(
      sql`select current_setting('hub.scope', true) as scope`,
    );
    expect(after.scope ?? '').toBe('');
    expect(await h.database.db.transaction((tx) => renameUnit(tx as unknown as Db, 'SZ-SWJ'))).toHaveLength(0);
  });
});

describe('the audit trail', () => {
  it('is read through the policies: a body sees the records of its jurisdiction, an undeclared reader none', async () => {
    await h.run(
      `mutation { changeUnitFacts(input: { unit: "JS-YJT-ZB1", validFrom: "2025-01-01", partyRelationMode: TERRITORIAL }) { code } }`,
    );
    await h.run(
      `mutation { changeUnitFacts(input: { unit: "SZ-SWJ", validFrom: "2025-01-01", partyRelationMode: TERRITORIAL }) { code } }`,
    );
    // The log outlives the other tables between cases (append-only): compare sets of targets.
    const targets = async (access: Access) =>
      new Set(
        (
          await scopedTransaction(h.database.db, access, (tx) =>
            rowsOf<{ target: string }>(tx, sql`select target from org.audit_log`),
          )
        ).map((r) => r.target),
      );
    expect([...(await targets(caller('ADMIN')))]).toEqual(['JS-YJT-ZB1']);
    expect([...(await targets(operator()))].sort()).toEqual(['JS-YJT-ZB1', 'SZ-SWJ', 'import']);
    expect(await h.database.rows(sql`select id from org.audit_log`)).toEqual([]);
  });

  it('cannot be changed by the application role, whatever scope it declares', async () => {
    for (const stmt of [
      sql`update org.audit_log set subject = 'x'`,
      sql`delete from org.audit_log`,
      sql`truncate org.audit_log`,
    ]) {
      expect(await failure(scopedTransaction(h.database.db, operator(), (tx) => tx.execute(stmt)))).toMatch(
        /permission denied/,
      );
    }
  });
});
