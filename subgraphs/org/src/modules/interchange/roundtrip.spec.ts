/**
 * Round trip of units and links after late changes (docs/interchange.md "Round trip"): whatever was recorded after
 * the file's records were made (a transfer entered late, an ended link or unit, a new version of
 * a unit's facts, a changed start date, a link changed in place), the hub's export re-imports
 * into the same hub with nothing changed and into an empty hub, whose export is the same bytes.
 * One test per kind of late change.
 */
import { type Identity } from '@tiaokuai/platform';
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

const IMPORT = `mutation($d: JSON!) { importUnits(document: $d) { ok created updated unchanged problems { path message } } }`;
const exportAll = async (who?: Identity, scope?: string) => {
  const r = await h.run(`query($s: String) { exportUnits(scope: $s) }`, { s: scope ?? null }, who);
  if (r.errors) throw new Error(JSON.stringify(r.errors));
  return r.data!.exportUnits;
};
const linkId = async (to: string, from: string, kind: string) => {
  const d = await h.ok(
    `{ unit(by: { code: "${to}" }) { links(direction: IN, first: 500) { nodes { id kind from { code } } } } }`,
  );
  return d.unit.links.nodes.find((l: any) => l.from.code === from && l.kind === kind).id as string;
};

/**
 * Same hub: nothing created, nothing updated. Empty hub: everything created, and its export is byte for
 * byte the first.
 */
async function roundTrip(): Promise<any> {
  const before = await exportAll();
  const same = (await h.ok(IMPORT, { d: before })).importUnits;
  expect(same).toMatchObject({ ok: true, created: 0, updated: 0, problems: [] });
  expect(same.unchanged).toBe(before.units.length + before.links.length);
  await h.reset();
  const fresh = (await h.ok(IMPORT, { d: before })).importUnits;
  expect(fresh).toMatchObject({
    ok: true,
    created: before.units.length + before.links.length,
    updated: 0,
    problems: [],
  });
  expect(JSON.stringify(await exportAll())).toBe(JSON.stringify(before));
  return before;
}

describe('units and links round trip after late changes', () => {
  it('a late transfer (转隶): the leading link ended and another begun, both before today', async () => {
    await h.ok(
      `mutation { endLink(id: "${await linkId('JS-YJT-ZB1', 'JS-YJT-JGDW', 'AFFILIATION')}", on: "2024-06-30") { id } }`,
    );
    await h.ok(
      `mutation { createLink(input: { from: "JS-JGGW", to: "JS-YJT-ZB1", kind: AFFILIATION, validFrom: "2024-07-01" }) { id } }`,
    );
    const file = await roundTrip();
    expect(file.links.filter((l: any) => l.to === 'JS-YJT-ZB1').map((l: any) => [l.from, l.validTo])).toEqual([
      ['JS-JGGW', null],
      ['JS-YJT-JGDW', '2024-06-30'],
    ]);
  });

  it('an ended link, nothing in its place', async () => {
    await h.ok(`mutation { endLink(id: "${await linkId('SZ-SWJ', 'SZ-DW', 'BUSINESS')}", on: "2020-12-31") { id } }`);
    await roundTrip();
  });

  it('a link changed in place (flavour, end, basis)', async () => {
    await h.ok(
      `mutation { updateLink(input: { id: "${await linkId('JS-YJT-JGDW', 'JS-JGGW', 'LEADERSHIP')}", flavour: SPECIFIC, validTo: "2025-12-31", basis: "补录" }) { id } }`,
    );
    await roundTrip();
  });

  it('an ended unit (撤销), its facts and links ending with it', async () => {
    await h.ok(`mutation { endUnit(code: "SZ-SWJ", on: "2023-03-31") { id } }`);
    const file = await roundTrip();
    expect(file.units.find((u: any) => u.code === 'SZ-SWJ').validTo).toBe('2023-03-31');
  });

  it("changed facts: a new version of a unit's facts from a past day", async () => {
    await h.ok(
      `mutation { changeUnitFacts(input: { unit: "SZ-SWJ", validFrom: "2021-01-01", partyRelationMode: VERTICAL, businessMode: VERTICAL, competentDepartment: "SZ-DW", locality: "JS-JGGW" }) { id } }`,
    );
    const file = await roundTrip();
    expect(file.units.find((u: any) => u.code === 'SZ-SWJ').versions).toHaveLength(3);
  });

  it('facts given to a unit that had none (top-level facts become a history)', async () => {
    await h.ok(
      `mutation { changeUnitFacts(input: { unit: "JS-YJT-ZB1", validFrom: "2022-05-01", locality: "JS-JGGW" }) { id } }`,
    );
    await roundTrip();
  });

  it("a unit's start date and name changed afterwards", async () => {
    await h.ok(
      `mutation { updateUnit(input: { code: "JS-YJT-DZ", name: "江苏省应急管理厅党组（补录）", validFrom: "2018-09-01" }) { id } }`,
    );
    await roundTrip();
  });

  it("a committee's scoped export re-imports by its ADMIN after a late change, though it names a competent department outside its jurisdiction", async () => {
    const admin: Identity = { subject: 'admin@JS-JGGW', body: 'JS-JGGW', role: 'ADMIN', hubAdmin: false };
    await h.ok(
      `mutation { endLink(id: "${await linkId('SZ-SWJ', 'JS-JGGW', 'AFFILIATION')}", on: "2024-06-30") { id } }`,
    );
    const mine = await exportAll(admin, 'JS-JGGW');
    expect(mine.units.find((u: any) => u.code === 'SZ-SWJ').competentDepartment).toBe('SZ-DW'); // SZ-DW itself is not the committee's
    const r = await h.run(IMPORT, { d: mine }, admin);
    expect(r.data?.importUnits).toMatchObject({ ok: true, created: 0, updated: 0, problems: [] });
    // Only what its units' stored facts already name: SZ-DW given as a new locality is still an unknown code.
    const other = JSON.parse(JSON.stringify(mine));
    const zb1 = other.units.findIndex((u: any) => u.code === 'JS-YJT-ZB1');
    other.units[zb1].locality = 'SZ-DW';
    const refused = (await h.run(IMPORT, { d: other }, admin)).data?.importUnits;
    expect(refused.problems).toEqual([{ path: `units[${zb1}].locality`, message: '未知单位代码：SZ-DW' }]);
  });
});
