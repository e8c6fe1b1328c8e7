import { sql } from 'drizzle-orm';
import type { Identity } from '@tiaokuai/platform';
import { smallProvince } from '../../testing/fixtures';
import { orgHarness, walkPages, type OrgHarness } from '../../testing';

let h: OrgHarness;
beforeAll(async () => {
  h = await orgHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.resetTo(smallProvince());
});

const editor: Identity = {
  subject: 'zhao.liu',
  body: 'JS-YJT-DZ',
  role: 'EDITOR',
  hubAdmin: false,
  requestId: 'req-audit-1',
};
const admin: Identity = { ...editor, subject: 'admin.dz', role: 'ADMIN', requestId: 'req-audit-2' };
const LOG = `query($u: String, $n: Int, $after: String) { auditLog(unit: $u, first: $n, after: $after) {
  totalCount pageInfo { hasNextPage endCursor } nodes { id at subject body role hubAdmin requestId operation target before after unit { code } } } }`;
/** The whole trail (newest first), every page: it outlives the test's resets. */
const log = async (vars: Record<string, unknown> = {}, identity?: Identity) =>
  walkPages(h.run, LOG, { n: 500, ...vars }, (d) => d.auditLog, { identity });

describe('the audit trail (数据留痕)', () => {
  it('a mutation writes one entry: who, when, request id, before and after', async () => {
    const before = await log();
    const t0 = Date.now();
    const r = await h.run(
      `mutation { updateUnit(input: { code: "JS-YJT-ZB1", name: "办公室第一党支部" }) { name } }`,
      {},
      editor,
    );
    expect(r.errors).toBeUndefined();
    const t1 = Date.now();
    const after = await log();
    expect(after).toHaveLength(before.length + 1);
    const [e] = after;
    expect(e).toMatchObject({
      subject: 'zhao.liu',
      body: 'JS-YJT-DZ',
      role: 'EDITOR',
      hubAdmin: false,
      requestId: 'req-audit-1',
      operation: 'updateUnit',
      target: 'JS-YJT-ZB1',
      unit: { code: 'JS-YJT-ZB1' },
    });
    expect(e.before.name).toBe('江苏省应急管理厅办公室党支部');
    expect(e.after.name).toBe('办公室第一党支部');
    // `at` is the time of the write: between the moments before and after the call (1 s for rounding between clocks)
    expect(Date.parse(e.at)).toBeGreaterThanOrEqual(t0 - 1000);
    expect(Date.parse(e.at)).toBeLessThanOrEqual(t1 + 1000);
  });

  it('links, facts and imports are recorded too; a dry run is not', async () => {
    const n = (await log()).length;
    await h.run(
      `mutation { createLink(input: { from: "JS-YJT-DZ", to: "JS-YJT-ZB1", kind: GUIDANCE, validFrom: "2024-01-01" }) { id } }`,
      {},
      admin,
    );
    await h.run(
      `mutation { changeUnitFacts(input: { unit: "SZ-SWJ", validFrom: "2025-01-01", partyRelationMode: VERTICAL }) { code } }`,
    );
    await h.run(`mutation($d: JSON!) { importUnits(document: $d, dryRun: true) { ok } }`, { d: smallProvince() });
    const entries = await log();
    expect(entries.slice(0, entries.length - n).map((e) => e.operation)).toEqual(['changeUnitFacts', 'createLink']);
    expect(entries.find((e) => e.operation === 'importUnits').after).toMatchObject({ created: 19 });
    const facts = entries[0];
    expect(facts.before).toHaveLength(2);
    expect(facts.after).toHaveLength(3);
  });

  it('a refused or failed mutation leaves no entry (and no change)', async () => {
    const n = (await log()).length;
    expect(
      (await h.run(`mutation { updateUnit(input: { code: "SZ-SWJ", name: "x" }) { name } }`, {}, editor)).errors?.[0]
        .extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (
        await h.run(
          `mutation { createLink(input: { from: "JS-SW", to: "JS-SW", kind: GUIDANCE, validFrom: "2024-01-01" }) { id } }`,
        )
      ).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(
      (await h.run(`mutation { endUnit(code: "JS-SW", on: "1990-01-01") { code } }`)).errors?.[0].extensions?.code,
    ).toBe('BAD_USER_INPUT');
    expect(await log()).toHaveLength(n);
  });

  it('ADMINs read the entries about their jurisdiction; VIEWERs and EDITORs may not read it', async () => {
    const last = Number((await log())[0]?.id ?? 0); // the trail outlives the test's resets
    await h.run(`mutation { updateUnit(input: { code: "JS-YJT-ZB1", name: "甲" }) { name } }`, {}, editor);
    await h.run(`mutation { updateUnit(input: { code: "SZ-SWJ", name: "乙" }) { name } }`);
    const mine = (await log({ n: 50 }, admin)).filter((e) => Number(e.id) > last);
    expect(mine.map((e) => e.target)).toEqual(['JS-YJT-ZB1']);
    const everything = (await log()).filter((e) => Number(e.id) > last);
    expect(everything.map((e) => e.target)).toEqual(['SZ-SWJ', 'JS-YJT-ZB1']);
    expect((await h.run(LOG, { u: 'SZ-SWJ' }, admin)).data?.auditLog).toMatchObject({ nodes: [], totalCount: 0 });
    for (const role of ['VIEWER', 'EDITOR'] as const) {
      expect((await h.run(LOG, {}, { ...admin, role })).errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });

  it('is append-only: the application role may not change it, and the database refuses even its owner', async () => {
    expect((await log()).length).toBeGreaterThan(0);
    for (const stmt of [
      sql`update org.audit_log set subject = 'x'`,
      sql`delete from org.audit_log`,
      sql`truncate org.audit_log`,
    ]) {
      const asApp = await h.database.db.execute(stmt).then(
        () => null,
        (e: Error & { cause?: Error }) => e,
      );
      expect(`${asApp?.message} ${asApp?.cause?.message}`).toMatch(/permission denied/);
      const asOwner = await h.database
        .asOwner((db) => db.execute(stmt))
        .then(
          () => null,
          (e: Error & { cause?: Error }) => e,
        );
      expect(`${asOwner?.message} ${asOwner?.cause?.message}`).toMatch(/append-only/);
    }
    expect((await log()).every((e) => e.subject !== 'x')).toBe(true);
  });
});
