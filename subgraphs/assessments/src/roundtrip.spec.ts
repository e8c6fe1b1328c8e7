/**
 * Round trip after late changes (docs/interchange.md "Round trip"): a hub's export re-imports into the same hub, and
 * into an empty one, unchanged, whatever org learnt after the submissions were made. One test per
 * kind of late change; the empty hub is loaded with the first hub's own org export.
 */
process.env.HUB_TODAY = '2026-12-20';
import { rowsOf, type Identity } from '@tiaokuai/platform';
import { sql } from 'drizzle-orm';
import { province, schemeInput, scoresAt } from './testing/fixtures';
import { assessmentsHarness, type AssessmentsHarness } from './testing';

let h: AssessmentsHarness;
beforeAll(async () => {
  h = await assessmentsHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
  delete process.env.HUB_TODAY;
});
beforeEach(async () => {
  await h.resetTo(province());
});

const as = (body: string, role: Identity['role']): Identity => ({
  subject: `${role.toLowerCase()}@${body}`,
  body,
  role,
  hubAdmin: false,
});
const IMPORT = `mutation($d: JSON!) { importAssessments(document: $d) { ok created updated unchanged problems { path message } } }`;
const EXPORT = `{ exportAssessments }`;
const FINDINGS = `{ assessmentFindings(scope: "SC-SW", year: 2026, first: 500) { nodes { kind unit { id } bodies { id } } } }`;
const sub = (unit: string, assessor: string, p: number, on = '2026-12-10') => ({
  scheme: { issuer: 'SC-JGGW', key: 'KH-2026' },
  unit,
  assessor,
  on,
  businessScore: 90,
  ...scoresAt(p),
});
const file = (assessments: unknown) => ({ format: 'tiaokuai/v1', assessments });
const roles = async () =>
  (await rowsOf<{ role: string }>(h.database.db, sql`select role from assessments.submissions order by role, id`)).map(
    (r) => r.role,
  );
const count = async () =>
  (await rowsOf<{ n: number }>(h.database.db, sql`select count(*)::int as n from assessments.submissions`))[0].n;
const findings = async () => (await h.ok(FINDINGS)).assessmentFindings.nodes.map((f: any) => f.kind).sort();

/**
 * SC-JGGW grades the emergency department's branch, and both it and DZJ-DZ assess the earthquake bureau:
 * all by today's rules.
 */
async function recordAssessments() {
  const r = (
    await h.ok(IMPORT, {
      d: file({
        schemes: [schemeInput()],
        submissions: [sub('SC-YJT-ZB1', 'SC-JGGW', 90), sub('SC-DZJ', 'SC-JGGW', 70), sub('SC-DZJ', 'DZJ-DZ', 95)],
      }),
    })
  ).importAssessments;
  expect(r).toMatchObject({ ok: true, created: 4 });
}

const linkInto = async (code: string, from: string) => {
  const d = await h.org(
    `{ unit(by: { code: "${code}" }) { links(kinds: [AFFILIATION], direction: IN) { nodes { id from { code } } } } }`,
  );
  return d.unit.links.nodes.find((l: any) => l.from.code === from).id as string;
};

/**
 * The round trip itself: the hub's export re-imports into it unchanged; then into an empty hub
 * loaded with the first hub's org export, where it is all created and exported byte for byte.
 */
async function roundTrip(): Promise<{ before: any; findingsBefore: string[] }> {
  const before = (await h.ok(EXPORT)).exportAssessments;
  const findingsBefore = await findings();
  const same = (await h.ok(IMPORT, { d: file(before) })).importAssessments;
  expect(same).toMatchObject({
    ok: true,
    created: 0,
    updated: 0,
    unchanged: before.schemes.length + before.submissions.length,
    problems: [],
  });
  const orgFile = (await h.org('{ exportUnits }')).exportUnits;
  await h.resetTo(orgFile);
  const fresh = (await h.ok(IMPORT, { d: file(before) })).importAssessments;
  expect(fresh).toMatchObject({
    ok: true,
    created: before.schemes.length + before.submissions.length,
    updated: 0,
    problems: [],
  });
  const after = (await h.ok(EXPORT)).exportAssessments;
  expect(JSON.stringify(after)).toBe(JSON.stringify(before));
  // The restored records cause the findings they caused in the first hub.
  expect(await findings()).toEqual(findingsBefore);
  // And a second import into the new hub is idempotent.
  expect((await h.ok(IMPORT, { d: file(before) })).importAssessments).toMatchObject({
    ok: true,
    created: 0,
    updated: 0,
  });
  return { before, findingsBefore };
}

describe('round trip of the assessments section after late changes in org', () => {
  it('a late transfer (转隶 effective before the grading, entered after it): the grading is restored, GRADED_BY_NON_LEADER stays reported', async () => {
    await recordAssessments();
    await h.org(`mutation { endLink(id: "${await linkInto('SC-YJT-ZB1', 'SC-YJT-JGDW')}", on: "2026-11-30") { id } }`);
    await h.org(
      `mutation { createLink(input: { from: "SC-DZJ", to: "SC-YJT-ZB1", kind: AFFILIATION, validFrom: "2026-12-01" }) { id } }`,
    );
    // Before this issue, the hub refused its own export here: submissions[…].unit "既不领导也不指导".
    const { before, findingsBefore } = await roundTrip();
    expect(before.submissions.find((s: any) => s.unit === 'SC-YJT-ZB1')).toMatchObject({
      assessor: 'SC-JGGW',
      role: 'GRADING',
    });
    expect(findingsBefore).toContain('GRADED_BY_NON_LEADER');
    expect(await roles()).toEqual(['GRADING', 'GRADING', 'OPINION']);
  });

  it('an ended link (the leading link ended before the grading, entered late, nothing in its place)', async () => {
    await recordAssessments();
    await h.org(`mutation { endLink(id: "${await linkInto('SC-YJT-ZB1', 'SC-YJT-JGDW')}", on: "2026-11-30") { id } }`);
    await roundTrip();
    expect(await roles()).toEqual(['GRADING', 'GRADING', 'OPINION']);
  });

  it('an ended unit (撤销 recorded with a last day before its grading)', async () => {
    await recordAssessments();
    await h.org(`mutation { endUnit(code: "SC-YJT-ZB1", on: "2026-11-30") { id } }`);
    const { before } = await roundTrip();
    expect(before.submissions).toHaveLength(3);
  });

  it("changed facts (a new version of the unit's facts, effective before the gradings): each role stays as recorded", async () => {
    await recordAssessments();
    // The earthquake bureau's party relation becomes territorial (属地) from 2026-10-01: SC-JGGW now leads it, DZJ-DZ
    // guides it.
    await h.org(
      `mutation { changeUnitFacts(input: { unit: "SC-DZJ", validFrom: "2026-10-01", partyRelationMode: TERRITORIAL, businessMode: VERTICAL, competentDepartment: "DZJ-DZ", locality: "SC-JGGW" }) { id } }`,
    );
    const pb = await h.org(
      `{ unit(by: { code: "SC-DZJ" }) { partyBuilding(asOf: "2026-12-10") { leaders { code } guides { code } } } }`,
    );
    expect(pb.unit.partyBuilding.leaders.map((u: any) => u.code)).not.toContain('DZJ-DZ');
    const { before } = await roundTrip();
    expect(before.submissions.filter((s: any) => s.unit === 'SC-DZJ').map((s: any) => [s.assessor, s.role])).toEqual([
      ['DZJ-DZ', 'GRADING'],
      ['SC-JGGW', 'OPINION'],
    ]);
  });
});

describe('restoring is not a way round the rules', () => {
  /** The late transfer's situation: SC-JGGW's grading of SC-YJT-ZB1 is one today's rules refuse. */
  async function transferredThenEmptied(): Promise<any> {
    await recordAssessments();
    await h.org(`mutation { endLink(id: "${await linkInto('SC-YJT-ZB1', 'SC-YJT-JGDW')}", on: "2026-11-30") { id } }`);
    await h.org(
      `mutation { createLink(input: { from: "SC-DZJ", to: "SC-YJT-ZB1", kind: AFFILIATION, validFrom: "2026-12-01" }) { id } }`,
    );
    const before = (await h.ok(EXPORT)).exportAssessments;
    await h.resetTo((await h.org('{ exportUnits }')).exportUnits);
    await h.ok(IMPORT, { d: file({ schemes: before.schemes, submissions: [] }) });
    return before;
  }

  it("an EDITOR may not restore a record today's rules refuse (`.role`), nor an ADMIN outside the unit's jurisdiction; nothing written", async () => {
    const before = await transferredThenEmptied();
    const zb1 = before.submissions.findIndex((s: any) => s.unit === 'SC-YJT-ZB1');
    for (const who of [as('SC-JGGW', 'EDITOR'), as('JS-SW', 'ADMIN')]) {
      const r = await h.run(IMPORT, { d: file(before) }, who);
      const paths = r.data
        ? r.data.importAssessments.problems.map((p: any) => p.path)
        : [r.errors?.[0].extensions?.field];
      expect(paths).toContain(`assessments.submissions[${zb1}].${who.role === 'EDITOR' ? 'role' : 'assessor'}`);
    }
    expect(await count()).toBe(0);
  });

  it('an ADMIN restores within its jurisdiction what its EDITOR may not', async () => {
    await recordAssessments();
    // SC-DZJ becomes territorial from 2026-10-01: DZJ-DZ only guides it now, its recorded grading is no longer today's
    // answer.
    await h.org(
      `mutation { changeUnitFacts(input: { unit: "SC-DZJ", validFrom: "2026-10-01", partyRelationMode: TERRITORIAL, businessMode: VERTICAL, competentDepartment: "DZJ-DZ", locality: "SC-JGGW" }) { id } }`,
    );
    const before = (await h.ok(EXPORT)).exportAssessments;
    const mine = before.submissions.filter((x: any) => x.assessor === 'DZJ-DZ');
    expect(mine).toEqual([expect.objectContaining({ unit: 'SC-DZJ', role: 'GRADING' })]);
    await h.resetTo((await h.org('{ exportUnits }')).exportUnits);
    // the scheme is SC-JGGW's: the operator restores it
    await h.ok(IMPORT, { d: file({ schemes: before.schemes, submissions: [] }) });
    const editor = (await h.ok(IMPORT, { d: file({ submissions: mine }) }, as('DZJ-DZ', 'EDITOR'))).importAssessments;
    expect(editor.problems.map((p: any) => p.path)).toEqual(['assessments.submissions[0].role']);
    expect(await count()).toBe(0);
    const admin = (await h.ok(IMPORT, { d: file({ submissions: mine }) }, as('DZJ-DZ', 'ADMIN'))).importAssessments;
    expect(admin).toMatchObject({ ok: true, created: 1, problems: [] });
    expect(await roles()).toEqual(['GRADING']);
  });

  it("a file labelled with a role that no one ever accepted: refused for an EDITOR, the record as today's rules see it otherwise", async () => {
    const r = (
      await h.ok(
        IMPORT,
        { d: file({ schemes: [schemeInput()], submissions: [{ ...sub('SC-DZJ', 'SC-JGGW', 70), role: 'GRADING' }] }) },
        as('SC-JGGW', 'EDITOR'),
      )
    ).importAssessments;
    expect(r.problems.map((p: any) => p.path)).toEqual(['assessments.submissions[0].role']);
    const bad = (
      await h.ok(IMPORT, {
        d: file({ schemes: [schemeInput()], submissions: [{ ...sub('SC-DZJ', 'SC-JGGW', 70), role: 'BOSS' }] }),
      })
    ).importAssessments;
    expect(bad.problems.map((p: any) => p.path)).toEqual(['assessments.submissions[0].role']);
    expect(await count()).toBe(0);
  });

  it("idempotent: the same export twice changes nothing; a different record under a stored one's key is refused naming the field, nothing overwritten", async () => {
    await recordAssessments();
    const before = (await h.ok(EXPORT)).exportAssessments;
    for (let i = 0; i < 2; i++)
      expect((await h.ok(IMPORT, { d: file(before) })).importAssessments).toMatchObject({
        ok: true,
        created: 0,
        updated: 0,
        unchanged: 4,
      });
    const spoilt = JSON.parse(JSON.stringify(before));
    spoilt.submissions[0].businessScore = 10;
    spoilt.submissions[1].role = spoilt.submissions[1].role === 'GRADING' ? 'OPINION' : 'GRADING';
    spoilt.submissions[2].on = '2026-12-11';
    const r = (await h.ok(IMPORT, { d: file(spoilt) })).importAssessments;
    expect(r.problems.map((p: any) => p.path)).toEqual([
      'assessments.submissions[0].businessScore',
      'assessments.submissions[1].role',
      'assessments.submissions[2].on',
    ]);
    expect(JSON.stringify((await h.ok(EXPORT)).exportAssessments)).toBe(JSON.stringify(before));
    // Without the recorded role, a different submission stays what it always was: a correction, judged by today's
    // rules.
    const { role: _role, ...correction } = spoilt.submissions[0];
    expect((await h.ok(IMPORT, { d: file({ submissions: [correction] }) })).importAssessments).toMatchObject({
      ok: true,
      updated: 1,
    });
  });
});

describe('unknown fields are refused (docs/interchange.md "Unknown fields are refused")', () => {
  it('an export with an unknown field at each level is refused whole, each path named with the other problems; nothing is written', async () => {
    await recordAssessments();
    const before = (await h.ok(EXPORT)).exportAssessments;
    const spoilt = JSON.parse(JSON.stringify(before));
    spoilt.results = [];
    spoilt.schemes[0].indicators[0].unit = '%';
    spoilt.schemes[0].combination.note = '';
    spoilt.submissions[0].scores[0].max = 10;
    spoilt.submissions[1].scheme.year = 2026;
    spoilt.submissions[2].businessScore = '90';
    await h.resetTo((await h.org('{ exportUnits }')).exportUnits);
    const r = (await h.ok(IMPORT, { d: { ...file(spoilt), extra: 1 } })).importAssessments;
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { path: '$.extra', message: '未知字段：extra' },
        { path: 'assessments.results', message: '未知字段：results' },
        { path: 'assessments.schemes[0].indicators[0].unit', message: '未知字段：unit' },
        { path: 'assessments.schemes[0].combination.note', message: '未知字段：note' },
        { path: 'assessments.submissions[0].scores[0].max', message: '未知字段：max' },
        { path: 'assessments.submissions[1].scheme.year', message: '未知字段：year' },
      ]),
    );
    expect(r.problems.map((p: any) => p.path)).toContain('assessments.submissions[2].businessScore');
    expect(await count()).toBe(0);
    expect(
      (await rowsOf<{ n: number }>(h.database.db, sql`select count(*)::int as n from assessments.schemes`))[0].n,
    ).toBe(0);
  });
});
