/**
 * Writes that race: each check-then-write runs under advisory locks (shared/write.ts and
 * write-locks.store.ts), so concurrent conflicting writes end as one success and
 * clean CONFLICTs, never a duplicate or a 500. Meaningful on PostgreSQL (a pool of
 * connections); on PGlite (one connection) the same assertions hold trivially.
 */
import { sql } from 'drizzle-orm';
import { smallProvince } from '../../testing/fixtures';
import { orgHarness, type OrgHarness } from '../../testing';

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

const codes = (r: { errors?: Array<{ extensions?: Record<string, any> }> }) =>
  (r.errors ?? []).map((e) => e.extensions?.code);

it('the same fact version written eight times at once: one is stored, seven get CONFLICT', async () => {
  const m = `mutation { changeUnitFacts(input: { unit: "SZ-SWJ", validFrom: "2025-03-01", partyRelationMode: VERTICAL }) { code } }`;
  const results = await Promise.all(Array.from({ length: 8 }, () => h.run(m)));
  expect(results.filter((r) => !r.errors).length).toBe(1);
  expect(results.flatMap(codes).sort()).toEqual(Array(7).fill('CONFLICT'));
  const [n] = await h.database.rows<{ n: number }>(
    sql`select count(*)::int as n from org.unit_facts f join org.units u on u.id = f.unit_id where u.code = 'SZ-SWJ' and f.valid_from = '2025-03-01'`,
  );
  expect(n.n).toBe(1);
});

it('an import and a createUnit of the same new code at once: never a 500, the unit exists once', async () => {
  for (let i = 0; i < 4; i++) {
    const code = `RACE-${i}`;
    const unit = {
      code,
      name: '竞争',
      kind: 'BRANCH',
      level: 'PROVINCIAL',
      region: '320000',
      validFrom: '2024-01-01',
      validTo: null,
      competentDepartment: 'JS-YJT-DZ',
    };
    const [imp, created] = await Promise.all([
      h.run(`mutation($d: JSON!) { importUnits(document: $d) { ok } }`, {
        d: { format: 'tiaokuai/v1', units: [unit] },
      }),
      h.run(
        `mutation { createUnit(input: { code: "${code}", name: "竞争", kind: BRANCH, level: PROVINCIAL, region: "320000", validFrom: "2024-01-01", facts: { competentDepartment: "JS-YJT-DZ" } }) { code } }`,
      ),
    ]);
    expect(imp.errors).toBeUndefined();
    expect(imp.data?.importUnits.ok).toBe(true);
    expect(codes(created).every((c) => c === 'CONFLICT')).toBe(true);
    const [n] = await h.database.rows<{ n: number }>(
      sql`select count(*)::int as n from org.units where code = ${code}`,
    );
    expect(n.n).toBe(1);
  }
});
