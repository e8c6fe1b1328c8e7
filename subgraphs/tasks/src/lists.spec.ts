/**
 * Issue 18: responsibility lists have owners, lists meet on a unit, a unit's list. Through the
 * real org subgraph (src/testing/index.ts): which lists reach a unit is org's answer, never a guess.
 */
import { sql } from 'drizzle-orm';
import type { Identity } from '@tiaokuai/platform';
import { province } from './testing/fixtures';
import { tasksHarness, type TasksHarness } from './testing';

/** The 四川 fixture and a 湖北 beside it: each committee leads a grassroots unit of its own. */
const twoProvinces = () => {
  const doc = province();
  doc.units.push(
    {
      code: 'SC-GU',
      name: '四川省某基层单位',
      kind: 'GRASSROOTS_UNIT',
      level: 'PROVINCIAL',
      region: '510000',
      validFrom: '2000-01-01',
      partyRelationMode: 'TERRITORIAL',
      businessMode: 'TERRITORIAL',
      locality: 'SC-JGGW',
    } as never,
    {
      code: 'HB-SW',
      name: '湖北省委',
      kind: 'LOCAL_PARTY_COMMITTEE',
      level: 'PROVINCIAL',
      region: '420000',
      validFrom: '2000-01-01',
    },
    {
      code: 'HB-JGGW',
      name: '湖北省直机关工委',
      kind: 'WORK_COMMITTEE',
      level: 'PROVINCIAL',
      region: '420000',
      validFrom: '2000-01-01',
    },
    {
      code: 'HB-GU',
      name: '湖北省某基层单位',
      kind: 'GRASSROOTS_UNIT',
      level: 'PROVINCIAL',
      region: '420000',
      validFrom: '2000-01-01',
      partyRelationMode: 'TERRITORIAL',
      businessMode: 'TERRITORIAL',
      locality: 'HB-JGGW',
    } as never,
  );
  doc.links.push(
    { from: 'SC-JGGW', to: 'SC-GU', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'ZY', to: 'HB-SW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'HB-SW', to: 'HB-JGGW', kind: 'AFFILIATION', validFrom: '2000-01-01' },
    { from: 'HB-JGGW', to: 'HB-GU', kind: 'AFFILIATION', validFrom: '2000-01-01' },
  );
  return doc;
};

const DEFINE = `mutation($i: RequiredItemInput!) { defineRequiredItem(input: $i) { code name owner { id } } }`;
const ISSUE = `mutation($i: IssueTaskInput!) { issueTask(input: $i) { id requiredItem requiredItemOwner { id } } }`;
const CONFLICTS = `query($scope: String!) { taskConflicts(scope: $scope, from: "2026-01-01", to: "2026-12-31") {
  nodes { kind message suggestion requiredItem { code } requiredItemOwner { id } from to unit { id } issuers { id } items { code owner { id } } } } }`;
const LIST = `query($id: ID!) { _entities(representations: [{ __typename: "Unit", id: $id }]) { ... on Unit { responsibilityList(year: 2026) {
  nodes { item { code owner { id } } owner { id } relation flavour depth through { id } from to missing { from to } assignments { id } } } } } }`;
const SJSZ = {
  code: 'SJSZ',
  name: '书记抓党建述职评议',
  kinds: ['GRASSROOTS_UNIT', 'ORGAN_PARTY_COMMITTEE'],
  frequency: 'YEARLY',
};

let h: TasksHarness;
let ids: Record<string, string>;
const as = (body: string, role: Identity['role'] = 'EDITOR'): Identity => ({
  subject: `${role.toLowerCase()}@${body}`,
  body,
  role,
  hubAdmin: false,
});
const itemCount = async () =>
  (
    await h.database.rows<{ n: number }>(
      sql`select (select count(*) from tasks.required_items)::int + (select count(*) from tasks.required_item_changes)::int as n`,
    )
  )[0].n;
const unitList = async (code: string) => (await h.ok(LIST, { id: ids[code] }))._entities[0].responsibilityList.nodes;
const task = (over: Record<string, unknown>) => ({
  title: '开展书记抓党建述职评议',
  category: 'ORGANIZATIONAL',
  priority: 'ROUTINE',
  startsOn: '2026-01-05',
  dueOn: '2026-03-31',
  ...over,
});

beforeAll(async () => {
  h = await tasksHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.resetTo(twoProvinces());
  const codes = twoProvinces().units.map((u) => u.code);
  const d = await h.org(`{ unitsByCode(codes: ${JSON.stringify(codes)}) { id code } }`);
  ids = Object.fromEntries(d.unitsByCode.map((u: any) => [u.code, u.id]));
});

describe('lists have owners', () => {
  it("the owner's EDITOR defines its items; two owners may use one code; the same code without owner is another item", async () => {
    expect((await h.ok(DEFINE, { i: { ...SJSZ, owner: 'SC-JGGW' } }, as('SC-JGGW'))).defineRequiredItem).toEqual({
      code: 'SJSZ',
      name: SJSZ.name,
      owner: { id: ids['SC-JGGW'] },
    });
    expect((await h.ok(DEFINE, { i: { ...SJSZ, owner: 'HB-JGGW' } }, as('HB-JGGW'))).defineRequiredItem.owner).toEqual({
      id: ids['HB-JGGW'],
    });
    const all = (await h.ok(`{ requiredItems { nodes { code owner { id } } } }`)).requiredItems.nodes;
    expect(all).toEqual(
      expect.arrayContaining([
        { code: 'SJSZ', owner: { id: ids['SC-JGGW'] } },
        { code: 'SJSZ', owner: { id: ids['HB-JGGW'] } },
      ]),
    );
    expect(all).toHaveLength(2);
    const mine = (await h.ok(`{ requiredItems(owner: "HB-JGGW") { nodes { owner { id } } } }`)).requiredItems.nodes;
    expect(mine).toEqual([{ owner: { id: ids['HB-JGGW'] } }]);
    // Retiring names the owner: 湖北's item stays.
    await h.ok(
      `mutation { retireRequiredItem(code: "SJSZ", owner: "SC-JGGW", on: "2027-01-01") { code } }`,
      {},
      as('SC-JGGW', 'ADMIN'),
    );
    const retired = (await h.ok(`{ requiredItems(includeRetired: true) { nodes { owner { id } retiredOn } } }`))
      .requiredItems.nodes;
    expect(retired).toEqual(
      expect.arrayContaining([
        { owner: { id: ids['SC-JGGW'] }, retiredOn: '2027-01-01' },
        { owner: { id: ids['HB-JGGW'] }, retiredOn: null },
      ]),
    );
  });

  it.each<[string, Record<string, unknown>, Identity | undefined, string, string]>([
    ["an owner outside the caller's jurisdiction", { owner: 'SC-JGGW' }, as('HB-JGGW'), 'FORBIDDEN', 'input.owner'],
    [
      'a code naming no unit, for a caller (out of reach: it cannot tell which)',
      { owner: 'NOPE' },
      as('HB-JGGW'),
      'FORBIDDEN',
      'input.owner',
    ],
    ['a code naming no unit, for the operator', { owner: 'NOPE' }, undefined, 'BAD_USER_INPUT', 'input.owner'],
    ['a unit that issues no list (a branch)', { owner: 'SC-YJT-ZB1' }, as('SC-JGGW'), 'BAD_USER_INPUT', 'input.owner'],
    ['a viewer', { owner: 'SC-JGGW' }, as('SC-JGGW', 'VIEWER'), 'FORBIDDEN', ''],
    ['a hub-wide item, for anyone but the operator', {}, as('SC-JGGW', 'ADMIN'), 'FORBIDDEN', 'input.owner'],
  ])('refuses %s, and writes nothing', async (_name, over, who, code, field) => {
    const r = await h.run(DEFINE, { i: { ...SJSZ, ...over } }, who);
    expect(r.errors?.[0].extensions?.code).toBe(code);
    if (field) expect(r.errors?.[0].extensions?.field).toBe(field);
    expect(await itemCount()).toBe(0);
  });

  it("a file: owner per item; a code twice in one owner's list is bad input at its path; nothing written", async () => {
    const doc = {
      format: 'tiaokuai/v1',
      requiredItems: [
        { ...SJSZ, owner: 'SC-JGGW' },
        { ...SJSZ, owner: 'SC-JGGW', name: '另一个' },
        { ...SJSZ, owner: 'SC-YJT-DZ' },
      ],
    };
    const r = (
      await h.ok(
        `mutation($d: JSON!) { importTasks(document: $d) { ok problems { path message } } }`,
        { d: doc },
        as('SC-JGGW'),
      )
    ).importTasks;
    expect(r.ok).toBe(false);
    expect(r.problems.map((p: any) => p.path)).toEqual(['requiredItems[1].code']);
    expect(await itemCount()).toBe(0);
    // Out of reach in a file: FORBIDDEN, nothing written.
    const far = await h.run(
      `mutation($d: JSON!) { importTasks(document: $d) { ok } }`,
      { d: { format: 'tiaokuai/v1', requiredItems: [{ ...SJSZ, owner: 'HB-JGGW' }] } },
      as('SC-JGGW'),
    );
    expect(far.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'requiredItems[0].owner' });
    expect(await itemCount()).toBe(0);
    // Without owners the file keeps today's meaning: hub-wide items, the operator's.
    const hub = (
      await h.ok(`mutation($d: JSON!) { importTasks(document: $d) { ok requiredItems { created } } }`, {
        d: { format: 'tiaokuai/v1', requiredItems: [SJSZ] },
      })
    ).importTasks;
    expect(hub).toEqual({ ok: true, requiredItems: { created: 1 } });
    expect((await h.ok(`{ requiredItems { nodes { code owner { id } } } }`)).requiredItems.nodes).toEqual([
      { code: 'SJSZ', owner: null },
    ]);
  });

  it('a task names its item by owner and code; without owner it names the hub-wide item', async () => {
    await h.ok(DEFINE, { i: { ...SJSZ, owner: 'SC-JGGW' } }, as('SC-JGGW'));
    const bad = await h.run(ISSUE, { i: task({ issuer: 'SC-JGGW', targets: ['SC-GU'], requiredItem: 'SJSZ' }) });
    expect(bad.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requiredItem' });
    const other = await h.run(ISSUE, {
      i: task({ issuer: 'SC-JGGW', targets: ['SC-GU'], requiredItem: 'SJSZ', requiredItemOwner: 'HB-JGGW' }),
    });
    expect(other.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.requiredItem' });
    const t = (
      await h.ok(ISSUE, {
        i: task({ issuer: 'SC-JGGW', targets: ['SC-GU'], requiredItem: 'SJSZ', requiredItemOwner: 'SC-JGGW' }),
      })
    ).issueTask;
    expect(t).toMatchObject({ requiredItem: 'SJSZ', requiredItemOwner: { id: ids['SC-JGGW'] } });
  });
});

describe('an item applies to the units its owner leads', () => {
  it("two provinces' lists loaded together: each committee's findings are its own, no cross-talk", async () => {
    await h.ok(DEFINE, { i: { ...SJSZ, owner: 'SC-JGGW' } });
    await h.ok(DEFINE, { i: { ...SJSZ, owner: 'HB-JGGW' } });
    const missing = async (scope: string) =>
      (await h.ok(CONFLICTS, { scope })).taskConflicts.nodes
        .filter((f: any) => f.kind === 'MISSING')
        .map((f: any) => `${f.unit.id}:${f.requiredItem.code}@${f.requiredItemOwner.id}`)
        .sort();
    expect(await missing('HB-JGGW')).toEqual([`${ids['HB-GU']}:SJSZ@${ids['HB-JGGW']}`]);
    const sc = await missing('SC-JGGW');
    expect(sc).toContain(`${ids['SC-GU']}:SJSZ@${ids['SC-JGGW']}`);
    expect(sc.every((f: string) => f.endsWith(`@${ids['SC-JGGW']}`))).toBe(true);
    // 四川 assigns its item: its gap closes; 湖北's stays.
    await h.ok(ISSUE, {
      i: task({
        issuer: 'SC-JGGW',
        key: 'sjsz',
        scope: { unit: 'SC-JGGW', relation: 'LED_BY', kinds: ['GRASSROOTS_UNIT', 'ORGAN_PARTY_COMMITTEE'] },
        requiredItem: 'SJSZ',
        requiredItemOwner: 'SC-JGGW',
      }),
    });
    expect(await missing('SC-JGGW')).toEqual([]);
    expect(await missing('HB-JGGW')).toEqual([`${ids['HB-GU']}:SJSZ@${ids['HB-JGGW']}`]);
  });

  it("a department's list cascades below the committee's: the branch's list names each owner and the way it arrives", async () => {
    await h.ok(
      DEFINE,
      { i: { code: 'ZTDR', name: '主题党日', kinds: ['BRANCH'], frequency: 'MONTHLY', owner: 'SC-JGGW' } },
      as('SC-JGGW'),
    );
    await h.ok(
      DEFINE,
      { i: { code: 'ZBSC', name: '支部工作手册检查', kinds: ['BRANCH'], frequency: 'QUARTERLY', owner: 'SC-YJT-DZ' } },
      as('SC-YJT-DZ'),
    );
    await h.ok(DEFINE, { i: { code: 'SHYK', name: '三会一课', kinds: ['BRANCH'], frequency: 'YEARLY' } });
    await h.ok(DEFINE, {
      i: { code: 'HBZT', name: '湖北主题党日', kinds: ['BRANCH'], frequency: 'MONTHLY', owner: 'HB-JGGW' },
    });
    await h.ok(ISSUE, {
      i: task({
        issuer: 'SC-YJT-DZ',
        title: '检查支部工作手册',
        startsOn: '2026-01-01',
        dueOn: '2026-12-31',
        targets: ['SC-YJT-ZB1'],
        requiredItem: 'ZBSC',
        requiredItemOwner: 'SC-YJT-DZ',
      }),
    });
    const list = await unitList('SC-YJT-ZB1');
    const show = list.map(
      (e: any) =>
        `${e.item.code} ${e.relation} ${e.depth} ${e.owner?.id ?? '-'} via ${e.through?.id ?? '-'} ${e.flavour ?? '-'} missing ${e.missing.length} done ${e.assignments.length}`,
    );
    expect(show[0]).toBe('SHYK HUB_WIDE 0 - via - - missing 1 done 0'); // hub-wide items first
    expect(show.slice(1).sort()).toEqual(
      [
        `ZTDR CASCADE 2 ${ids['SC-JGGW']} via ${ids['SC-YJT-JGDW']} UNIFIED missing 12 done 0`,
        `ZBSC CASCADE 2 ${ids['SC-YJT-DZ']} via ${ids['SC-YJT-JGDW']} SPECIFIC missing 0 done 1`,
      ].sort(),
    );
    expect(list.find((e: any) => e.item.code === 'SHYK').missing).toEqual([{ from: '2026-01-01', to: '2026-12-31' }]);
  });

  it("the dual-leadership list duplicate: both owners named, the party group's (具体领导) item kept", async () => {
    await h.ok(DEFINE, { i: { ...SJSZ, owner: 'SC-JGGW' } }, as('SC-JGGW'));
    await h.ok(
      DEFINE,
      { i: { ...SJSZ, code: 'DZ-SJSZ', name: '机关党委书记抓党建述职评议', owner: 'SC-YJT-DZ' } },
      as('SC-YJT-DZ'),
    );
    const found = (await h.ok(CONFLICTS, { scope: 'SC-JGGW' })).taskConflicts.nodes.filter(
      (f: any) => f.kind === 'DUPLICATE' && f.items.length > 0,
    );
    expect(found).toHaveLength(1);
    const [d] = found;
    expect(d.unit.id).toBe(ids['SC-YJT-JGDW']);
    expect(d.issuers).toEqual([{ id: ids['SC-YJT-DZ'] }, { id: ids['SC-JGGW'] }]);
    expect(d.items).toEqual([
      { code: 'DZ-SJSZ', owner: { id: ids['SC-YJT-DZ'] } },
      { code: 'SJSZ', owner: { id: ids['SC-JGGW'] } },
    ]);
    expect(d.message).toContain('四川省直机关工委（SC-JGGW）（直接领导，统一领导）');
    expect(d.suggestion).toContain('保留具体领导方四川省应急管理厅党组（SC-YJT-DZ）');
    // The same two lists reach the organ party committee's list page, each with its flavour.
    const list = await unitList('SC-YJT-JGDW');
    expect(list.map((e: any) => `${e.item.code} ${e.relation} ${e.flavour}`).sort()).toEqual([
      'DZ-SJSZ DIRECT SPECIFIC',
      'SJSZ DIRECT UNIFIED',
    ]);
  });

  it('a unit out of sight has an empty list (never null), as has a unit with no list applying', async () => {
    const r = await h.run(LIST, { id: ids['HB-GU'] }, as('SC-JGGW', 'VIEWER'));
    expect(r.errors).toBeUndefined();
    expect(r.data?._entities[0].responsibilityList).toEqual({ nodes: [] });
    expect(await unitList('HB-GU')).toEqual([]);
  });
});
