/**
 * Re-importing a tasks file after late changes (docs/interchange.md "Round trip"): a task stored under its key and
 * given again unchanged was judged when it was issued, so the same file imports again with
 * nothing changed whatever org learnt since, and whatever became of its assignments (withdrawn)
 * or of the item it fulfils (retired). One test per kind of late change.
 */
import { sql } from 'drizzle-orm';
import { province } from './testing/fixtures';
import { tasksHarness, type TasksHarness } from './testing';

let h: TasksHarness;
beforeAll(async () => {
  h = await tasksHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.resetTo(province());
});

const IMPORT = `mutation($d: JSON!) { importTasks(document: $d) { ok created updated unchanged problems { path message } } }`;
const task = (key: string, over: Record<string, unknown> = {}) => ({
  issuer: 'SC-JGGW',
  key,
  title: `任务 ${key}`,
  category: 'ORGANIZATIONAL',
  priority: 'ROUTINE',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  ...over,
});
const ITEM = { code: 'SHYK', name: '三会一课', kinds: ['BRANCH'], frequency: 'QUARTERLY' };
const file = (tasks: unknown[], requiredItems?: unknown[]) => ({
  format: 'tiaokuai/v1',
  ...(requiredItems ? { requiredItems } : {}),
  tasks,
});
const rows = async () =>
  h.database.rows<{ key: string; unit: string; status: string }>(
    sql`select t.key, a.unit_id::text as unit, a.status from tasks.tasks t join tasks.assignments a on a.task_id = t.id order by t.key, a.unit_id`,
  );

/**
 * Imports `doc`, applies the late change, and imports it again: nothing created, nothing updated, every row
 * as it was.
 */
async function reimportAfter(doc: unknown, change: () => Promise<void>): Promise<void> {
  const first = (await h.ok(IMPORT, { d: doc })).importTasks;
  expect(first).toMatchObject({ ok: true, problems: [] });
  expect(first.created).toBeGreaterThan(0);
  await change();
  const before = await rows();
  const again = await h.run(IMPORT, { d: doc });
  expect(again.errors).toBeUndefined();
  expect(again.data!.importTasks).toMatchObject({
    ok: true,
    created: 0,
    updated: 0,
    unchanged: first.created,
    problems: [],
  });
  expect(await rows()).toEqual(before);
}

const linkInto = async (code: string, from: string) => {
  const d = await h.org(
    `{ unit(by: { code: "${code}" }) { links(kinds: [AFFILIATION], direction: IN) { nodes { id from { code } } } } }`,
  );
  return d.unit.links.nodes.find((l: any) => l.from.code === from).id as string;
};
const endAffiliation = async (code: string, from: string, on: string) => {
  await h.org(`mutation { endLink(id: "${await linkInto(code, from)}", on: "${on}") { id } }`);
};

describe('a tasks file re-imports after late changes', () => {
  it('a late transfer: the target moved, before the task began, to a body the issuer neither leads nor guides', async () => {
    await reimportAfter(file([task('T-1', { targets: ['SC-YJT-ZB1'] })]), async () => {
      await endAffiliation('SC-YJT-ZB1', 'SC-YJT-JGDW', '2026-02-28');
      await h.org(
        `mutation { createLink(input: { from: "JS-SW", to: "SC-YJT-ZB1", kind: AFFILIATION, validFrom: "2026-03-01" }) { id } }`,
      );
      // A new task today would be refused: the change is real.
      const r = await h.run(IMPORT, { d: file([task('T-2', { targets: ['SC-YJT-ZB1'] })]) });
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'tasks[0].targets' });
    });
  });

  it('an ended link: the target lost its leading link before the task began', async () => {
    await reimportAfter(file([task('T-1', { targets: ['SC-YJT-ZB1'] })]), () =>
      endAffiliation('SC-YJT-ZB1', 'SC-YJT-JGDW', '2026-02-28'),
    );
  });

  it('an ended unit: the target was 撤销 before the task began', async () => {
    await reimportAfter(file([task('T-1', { targets: ['SC-YJT-ZB1', 'SC-DZJ'], binding: false })]), async () => {
      await h.org(`mutation { endUnit(code: "SC-YJT-ZB1", on: "2026-02-28") { id } }`);
    });
  });

  it("changed facts: the target's facts changed from before the task began (the issuer no longer guides it)", async () => {
    await reimportAfter(file([task('T-1', { targets: ['SC-DZJ'], binding: false })]), async () => {
      await h.org(
        `mutation { changeUnitFacts(input: { unit: "SC-DZJ", validFrom: "2026-01-01", partyRelationMode: VERTICAL, businessMode: VERTICAL, competentDepartment: "DZJ-DZ" }) { id } }`,
      );
    });
  });

  it('a scope task: a unit entered the scope late (effective before the task began); the scope is not expanded again', async () => {
    const doc = file([task('T-1', { scope: { unit: 'SC-JGGW', relation: 'LED_BY', kinds: ['BRANCH'] } })]);
    await reimportAfter(doc, async () => {
      await h.org(
        `mutation { createUnit(input: { code: "SC-YJT-ZB9", name: "四川省应急管理厅第九党支部", kind: BRANCH, level: PROVINCIAL, region: "510000", validFrom: "2018-10-01" }) { id } }`,
      );
      await h.org(
        `mutation { createLink(input: { from: "SC-YJT-JGDW", to: "SC-YJT-ZB9", kind: AFFILIATION, validFrom: "2018-10-01" }) { id } }`,
      );
    });
  });

  it('a withdrawn assignment stays withdrawn', async () => {
    await reimportAfter(file([task('T-1', { targets: ['SC-YJT-ZB1'] })]), async () => {
      const [a] = await h.database.rows<{ id: number }>(sql`select id from tasks.assignments`);
      await h.ok(`mutation { withdrawAssignment(id: "${a.id}") { id } }`);
    });
    expect((await rows()).map((r) => r.status)).toEqual(['WITHDRAWN']);
  });

  it('a retired item stays retired, and the task that fulfilled it re-imports', async () => {
    await reimportAfter(file([task('T-1', { targets: ['SC-YJT-ZB1'], requiredItem: 'SHYK' })], [ITEM]), async () => {
      await h.ok(`mutation { retireRequiredItem(code: "SHYK", on: "2026-04-01") { code } }`);
    });
    const [item] = await h.database.rows<{ retired_on: string }>(
      sql`select retired_on::text from tasks.required_items`,
    );
    expect(item.retired_on).toBe('2026-04-01');
  });

  it('a different task under a stored key is judged as a new one: refused after a late change, naming the targets', async () => {
    await reimportAfter(file([task('T-1', { targets: ['SC-YJT-ZB1'] })]), () =>
      endAffiliation('SC-YJT-ZB1', 'SC-YJT-JGDW', '2026-02-28'),
    );
    const r = await h.run(IMPORT, { d: file([task('T-1', { targets: ['SC-YJT-ZB1'], title: '改了' })]) });
    const problems = r.data?.importTasks.problems ?? r.errors?.[0].extensions?.problems;
    expect(problems.map((p: any) => p.path)).toContain('tasks[0].targets');
  });
});

describe('exportTasks → importTasks into the same hub and into an empty one', () => {
  const EXPORT = `{ exportTasks }`;
  const doc = (x: any) => ({ format: 'tiaokuai/v1', ...x });

  /** Same hub: nothing changes. Empty hub (loaded with this hub's org export): all created, exported byte for byte. */
  async function roundTrip(): Promise<any> {
    const before = (await h.ok(EXPORT)).exportTasks;
    const same = (await h.ok(IMPORT, { d: doc(before) })).importTasks;
    expect(same).toMatchObject({ ok: true, created: 0, updated: 0, problems: [] });
    const orgFile = (await h.org('{ exportUnits }')).exportUnits;
    await h.resetTo(orgFile);
    const fresh = (await h.ok(IMPORT, { d: doc(before) })).importTasks;
    expect(fresh).toMatchObject({ ok: true, created: before.requiredItems.length + before.tasks.length, problems: [] });
    expect(JSON.stringify((await h.ok(EXPORT)).exportTasks)).toBe(JSON.stringify(before));
    expect((await h.ok(IMPORT, { d: doc(before) })).importTasks).toMatchObject({ ok: true, created: 0, updated: 0 });
    return before;
  }

  it('after a late transfer, a withdrawal, a merge, a retired item, a scope that grew late, and a task issued without a key', async () => {
    await h.ok(IMPORT, {
      d: file(
        [
          task('T-1', { targets: ['SC-YJT-ZB1', 'SC-DZJ'], binding: false, requiredItem: 'SHYK' }),
          task('T-2', { scope: { unit: 'SC-JGGW', relation: 'LED_BY', kinds: ['BRANCH'] } }),
          task('T-3', { targets: ['SC-DZJ'], binding: false, title: '另一项' }),
        ],
        [ITEM],
      ),
    });
    await h.ok(`mutation($i: IssueTaskInput!) { issueTask(input: $i) { id } }`, {
      i: { ...task('x', { targets: ['SC-YJT-ZB1'] }), key: undefined },
    });
    const [zb1] = await h.database.rows<{ id: number }>(
      sql`select a.id from tasks.assignments a join tasks.tasks t on t.id = a.task_id where t.key = 'T-1' order by a.unit_id limit 1`,
    );
    await h.ok(`mutation { withdrawAssignment(id: "${zb1.id}") { id } }`);
    const dzj = await h.database.rows<{ id: number; key: string }>(
      sql`select a.id, t.key from tasks.assignments a join tasks.tasks t on t.id = a.task_id where t.key in ('T-1', 'T-3') and a.status = 'ASSIGNED' order by t.key`,
    );
    await h.ok(`mutation { mergeAssignments(keep: "${dzj[0].id}", merge: "${dzj[1].id}") { id } }`);
    await h.ok(`mutation { retireRequiredItem(code: "SHYK", on: "2026-04-01") { code } }`);
    await endAffiliation('SC-YJT-ZB1', 'SC-YJT-JGDW', '2026-02-28');
    await h.org(
      `mutation { createLink(input: { from: "JS-SW", to: "SC-YJT-ZB1", kind: AFFILIATION, validFrom: "2026-03-01" }) { id } }`,
    );
    const before = await roundTrip();
    expect(before.requiredItems).toEqual([{ ...ITEM, retiredOn: '2026-04-01' }]);
    // In the new hub the retirement is kept in the item's changes, as retireRequiredItem keeps it.
    const changes = await h.database.rows<{ operation: string }>(
      sql`select operation from tasks.required_item_changes order by id`,
    );
    expect(changes.map((c) => c.operation)).toEqual(['IMPORT', 'RETIRE']);
    expect(before.tasks.map((t: any) => [t.key, t.assignments])).toEqual([
      ['T-1', [{ unit: 'SC-DZJ' }, { unit: 'SC-YJT-ZB1', status: 'WITHDRAWN' }]],
      ['T-2', [{ unit: 'SC-YJT-ZB1' }]],
      ['T-3', [{ unit: 'SC-DZJ', status: 'MERGED', into: { issuer: 'SC-JGGW', key: 'T-1' } }]],
      [expect.stringMatching(/^task-\d+$/), [{ unit: 'SC-YJT-ZB1' }]],
    ]);
  });

  it('lists with owners: each item keeps its owner, each task the item it named, where two lists use the same code', async () => {
    const OWNED = {
      owner: 'SC-JGGW',
      code: 'SHYK',
      name: '三会一课（工委清单）',
      kinds: ['BRANCH'],
      frequency: 'QUARTERLY',
    };
    const GROUP = {
      owner: 'SC-YJT-DZ',
      code: 'ZBSC',
      name: '支部工作手册季度检查',
      kinds: ['BRANCH'],
      frequency: 'QUARTERLY',
      description: '党组清单',
    };
    await h.ok(IMPORT, {
      d: file(
        [
          task('T-1', { targets: ['SC-YJT-ZB1'], requiredItem: 'SHYK', requiredItemOwner: 'SC-JGGW' }),
          task('T-2', { targets: ['SC-YJT-ZB1'], requiredItem: 'SHYK', title: '落实三会一课' }),
          task('T-3', {
            targets: ['SC-YJT-ZB1'],
            requiredItem: 'ZBSC',
            requiredItemOwner: 'SC-YJT-DZ',
            title: '手册检查',
          }),
        ],
        [GROUP, ITEM, OWNED],
      ),
    });
    await h.ok(`mutation { retireRequiredItem(code: "SHYK", owner: "SC-JGGW", on: "2026-07-01") { code } }`);
    const before = await roundTrip();
    // Hub-wide first, then by owner code, then code; the owner's item keeps its retirement.
    expect(before.requiredItems).toEqual([ITEM, { ...OWNED, retiredOn: '2026-07-01' }, GROUP]);
    expect(before.tasks.map((t: any) => [t.key, t.requiredItem, t.requiredItemOwner])).toEqual([
      ['T-1', 'SHYK', 'SC-JGGW'],
      ['T-2', 'SHYK', undefined],
      ['T-3', 'ZBSC', 'SC-YJT-DZ'],
    ]);
    // In the new hub each task points at the item of the list it named (owner by code: ids differ between hubs).
    const linked = await h.database.rows<{ key: string; owned: boolean; name: string }>(sql`
      select t.key, i.owner_id is not null as owned, i.name from tasks.tasks t join tasks.required_items i on i.id = t.required_item_id order by t.key`);
    expect(linked.map((r) => [r.key, r.owned, r.name])).toEqual([
      ['T-1', true, OWNED.name],
      ['T-2', false, ITEM.name],
      ['T-3', true, GROUP.name],
    ]);
  });

  it('restoring is not a way round the rules: an EDITOR gets FORBIDDEN for a recorded target out of reach today; a status differing from the stored one is refused naming it', async () => {
    await h.ok(IMPORT, { d: file([task('T-1', { targets: ['SC-YJT-ZB1'] })]) });
    await endAffiliation('SC-YJT-ZB1', 'SC-YJT-JGDW', '2026-02-28');
    const before = (await h.ok(EXPORT)).exportTasks;
    const spoilt = JSON.parse(JSON.stringify(before));
    spoilt.tasks[0].assignments[0].status = 'WITHDRAWN';
    expect((await h.ok(IMPORT, { d: doc(spoilt) })).importTasks.problems.map((p: any) => p.path)).toEqual([
      'tasks[0].assignments[0].status',
    ]);
    await h.resetTo((await h.org('{ exportUnits }')).exportUnits);
    const editor = { subject: 'editor@SC-JGGW', body: 'SC-JGGW', role: 'EDITOR' as const, hubAdmin: false };
    const r = await h.run(IMPORT, { d: doc({ tasks: before.tasks }) }, editor);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'tasks[0].targets' });
    expect((await h.ok(EXPORT)).exportTasks.tasks).toEqual([]);
  });
});

describe('who may restore a task', () => {
  it("an ADMIN over the units restores a recorded task today's org would refuse; its EDITOR may not", async () => {
    await h.ok(IMPORT, { d: file([task('T-1', { targets: ['SC-YJT-ZB1'] })]) });
    // A gap recorded late: the branch had no organisation from 2026-02-28 to 2026-03-14, the task's first day among
    // them.
    await endAffiliation('SC-YJT-ZB1', 'SC-YJT-JGDW', '2026-02-28');
    await h.org(
      `mutation { createLink(input: { from: "SC-YJT-JGDW", to: "SC-YJT-ZB1", kind: AFFILIATION, validFrom: "2026-03-15" }) { id } }`,
    );
    const before = (await h.ok(`{ exportTasks }`)).exportTasks;
    await h.resetTo((await h.org('{ exportUnits }')).exportUnits);
    const who = (role: 'EDITOR' | 'ADMIN') => ({ subject: `${role}@SC-JGGW`, body: 'SC-JGGW', role, hubAdmin: false });
    const d = { format: 'tiaokuai/v1', tasks: before.tasks };
    expect((await h.run(IMPORT, { d }, who('EDITOR'))).errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      field: 'tasks[0].targets',
    });
    expect((await h.run(IMPORT, { d }, who('ADMIN'))).data?.importTasks).toMatchObject({
      ok: true,
      created: 1,
      problems: [],
    });
    expect(JSON.stringify((await h.ok(`{ exportTasks }`)).exportTasks)).toBe(JSON.stringify(before));
  });
});

describe('unknown fields are refused (docs/interchange.md "Unknown fields are refused")', () => {
  it('an export with an unknown field at each level is refused whole, each path named with the other problems; nothing is written', async () => {
    await h.ok(IMPORT, { d: file([task('T-1', { targets: ['SC-YJT-ZB1'], requiredItem: 'SHYK' })], [ITEM]) });
    const exported = (await h.ok(`{ exportTasks }`)).exportTasks;
    const spoilt = JSON.parse(JSON.stringify({ format: 'tiaokuai/v1', ...exported }));
    spoilt.extra = true;
    spoilt.requiredItems[0].ownr = 'SC-JGGW';
    spoilt.tasks[0].assignments[0].progress = 'DONE';
    spoilt.tasks[0].category = 'PARTY';
    await h.resetTo((await h.org('{ exportUnits }')).exportUnits);
    const report = (await h.ok(IMPORT, { d: spoilt })).importTasks;
    expect(report.ok).toBe(false);
    expect(report.problems).toEqual(
      expect.arrayContaining([
        { path: '$.extra', message: '未知字段：extra' },
        { path: 'requiredItems[0].ownr', message: '未知字段：ownr' },
        { path: 'tasks[0].assignments[0].progress', message: '未知字段：progress' },
      ]),
    );
    expect(report.problems.map((p: any) => p.path)).toContain('tasks[0].category');
    expect(await h.database.rows(sql`select id from tasks.required_items`)).toEqual([]);
    expect(await h.database.rows(sql`select id from tasks.tasks`)).toEqual([]);
  });
});
