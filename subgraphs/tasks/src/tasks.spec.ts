import { sql } from 'drizzle-orm';
import type { Identity } from '@tiaokuai/platform';
import { province } from './testing/fixtures';
import { tasksHarness, type TasksHarness } from './testing';
import { cachesOf } from './context';
import { ScanCache } from './modules/finding/scan-cache';

const ISSUE = `mutation($i: IssueTaskInput!) { issueTask(input: $i) { id key title binding issuer { id }
  assignments { nodes { id unit { id } authority(asOf: "2026-04-01") relation(asOf: "2026-04-01") status version } } } }`;
const task = (over: Record<string, unknown> = {}) => ({
  issuer: 'SC-JGGW',
  title: '开展党史学习教育',
  category: 'IDEOLOGICAL',
  priority: 'KEY',
  startsOn: '2026-03-01',
  dueOn: '2026-06-30',
  ...over,
});
const CONFLICTS = `query($scope: String!) { taskConflicts(scope: $scope, from: "2026-01-01", to: "2026-12-31") {
  nodes { kind message suggestion requiredItem { code } from to unit { id } tasks { id title } assignments { id } issuers { id } } } }`;

let h: TasksHarness;
let ids: Record<string, string>;
const editorOf = (body: string): Identity => ({ subject: `editor@${body}`, body, role: 'EDITOR', hubAdmin: false });

beforeAll(async () => {
  h = await tasksHarness();
}, 120_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.resetTo(province());
  const codes = province().units.map((u) => u.code);
  const d = await h.org(`{ unitsByCode(codes: ${JSON.stringify(codes)}) { id code } }`);
  ids = Object.fromEntries(d.unitsByCode.map((u: any) => [u.code, u.id]));
});

const countTasks = async () =>
  (
    await h.database.rows<{ n: number }>(
      sql`select (select count(*) from tasks.tasks)::int + (select count(*) from tasks.assignments)::int as n`,
    )
  )[0].n;

describe('issueTask: authority from org', () => {
  it('binds where the issuer leads (through the body it leads), advises where it guides', async () => {
    const t = (await h.ok(ISSUE, { i: task({ targets: ['SC-YJT-ZB1', 'SC-DZJ'] }) })).issueTask;
    const byUnit = Object.fromEntries(t.assignments.nodes.map((a: any) => [a.unit.id, a]));
    expect(byUnit[ids['SC-YJT-ZB1']]).toMatchObject({
      authority: 'BINDING',
      relation: 'LEADS',
      status: 'ASSIGNED',
      version: 1,
    });
    expect(byUnit[ids['SC-DZJ']]).toMatchObject({ authority: 'ADVISORY', relation: 'GUIDES' });
    expect(t.issuer.id).toBe(ids['SC-JGGW']);
  });

  it("acceptance: change the unit's partyRelationMode in org, and the assignment's authority flips", async () => {
    const t = (await h.ok(ISSUE, { i: task({ targets: ['SC-DZJ'] }) })).issueTask;
    expect(t.assignments.nodes[0].authority).toBe('ADVISORY');
    await h.org(`mutation { changeUnitFacts(input: { unit: "SC-DZJ", validFrom: "2026-01-01", partyRelationMode: TERRITORIAL,
      businessMode: VERTICAL, competentDepartment: "DZJ-DZ", locality: "SC-JGGW" }) { code } }`);
    const again = (
      await h.ok(
        `{ task(id: "${t.id}") { assignments { nodes { authority(asOf: "2026-04-01") relation(asOf: "2026-04-01") } } } }`,
      )
    ).task;
    expect(again.assignments.nodes[0]).toEqual({ authority: 'BINDING', relation: 'LEADS' });
  });

  it('refuses targets outside the reach with FORBIDDEN naming them, and writes nothing', async () => {
    const r = await h.run(ISSUE, { i: task({ issuer: 'JS-SW', targets: ['SC-DZJ', 'SC-YJT-ZB1'] }) });
    expect(r.errors?.[0].extensions).toMatchObject({
      code: 'FORBIDDEN',
      units: ['SC-DZJ', 'SC-YJT-ZB1'],
      field: 'input.targets',
    });
    expect(r.errors?.[0].message).toContain('SC-DZJ');
    expect(await countTasks()).toBe(0);
  });

  it('expands a scope as of the first day: the branches the work committee leads', async () => {
    const t = (await h.ok(ISSUE, { i: task({ scope: { unit: 'SC-JGGW', relation: 'LED_BY', kinds: ['BRANCH'] } }) }))
      .issueTask;
    expect(t.assignments.nodes.map((a: any) => a.unit.id)).toEqual([ids['SC-YJT-ZB1']]);
    const guided = (await h.ok(ISSUE, { i: task({ key: 'g', scope: { unit: 'SC-JGGW', relation: 'GUIDED_BY' } }) }))
      .issueTask;
    expect(guided.assignments.nodes.map((a: any) => a.unit.id).sort()).toEqual(
      [ids['SC-DZJ'], ids['SC-YJT-DZ']].sort(),
    );
  });

  it('is idempotent by key; a different task under a used key is a CONFLICT, not an overwrite', async () => {
    const first = (await h.ok(ISSUE, { i: task({ key: 'DSXX-2026', targets: ['SC-YJT-ZB1'] }) })).issueTask;
    const again = (await h.ok(ISSUE, { i: task({ key: 'DSXX-2026', targets: ['SC-YJT-ZB1'] }) })).issueTask;
    expect(again.id).toBe(first.id);
    expect(await countTasks()).toBe(2);
    const r = await h.run(ISSUE, { i: task({ key: 'DSXX-2026', title: '另一项任务', targets: ['SC-YJT-ZB1'] }) });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.key' });
    expect(await countTasks()).toBe(2);
  });

  it.each([
    ['a due date before the start', { dueOn: '2026-02-28', targets: ['SC-YJT-ZB1'] }, 'BAD_USER_INPUT', 'input.dueOn'],
    ['an empty target list', { targets: [] }, 'BAD_USER_INPUT', 'input.targets'],
    [
      'a title over 200 characters',
      { title: '党'.repeat(201), targets: ['SC-YJT-ZB1'] },
      'BAD_USER_INPUT',
      'input.title',
    ],
    [
      'an unknown required item',
      { requiredItem: 'NOPE', targets: ['SC-YJT-ZB1'] },
      'BAD_USER_INPUT',
      'input.requiredItem',
    ],
    ['an unknown target code', { targets: ['SC-YJT-ZB1', 'NOPE'] }, 'NOT_FOUND', 'input.targets[1]'],
    ['an unknown issuer', { issuer: 'NOPE', targets: ['SC-YJT-ZB1'] }, 'NOT_FOUND', 'input.issuer'],
    ['an unknown category', { category: 'SPORTS', targets: ['SC-YJT-ZB1'] }, 'BAD_USER_INPUT', 'i.category'],
    [
      'ESC and BEL in the title',
      { title: '开展\u001b]0;伪造\u0007学习', targets: ['SC-YJT-ZB1'] },
      'BAD_USER_INPUT',
      'input.title',
    ],
    [
      'CR/LF inside the title',
      { title: '开展学习\r\n第二行', targets: ['SC-YJT-ZB1'] },
      'BAD_USER_INPUT',
      'input.title',
    ],
    [
      'CR in the description',
      { description: '一\r\n二', targets: ['SC-YJT-ZB1'] },
      'BAD_USER_INPUT',
      'input.description',
    ],
  ])('refuses %s naming the field, and writes nothing', async (_name, over, code, field) => {
    const r = await h.run(ISSUE, { i: task(over) });
    expect(r.errors?.[0].extensions).toMatchObject({ code, field });
    expect(await countTasks()).toBe(0);
  });

  it('a task reached by reference (_entities) is absent to a caller who sees neither its issuer nor its units', async () => {
    const t = (await h.ok(ISSUE, { i: task({ targets: ['SC-YJT-ZB1'] }) })).issueTask;
    const ref = `{ _entities(representations: [{ __typename: "Task", id: "${t.id}" }]) { ... on Task { id } } }`;
    expect((await h.run(ref, {}, editorOf('JS-SW'))).data!._entities).toEqual([null]);
    expect((await h.run(ref, {}, editorOf('SC-JGGW'))).data!._entities).toEqual([{ id: t.id }]);
  });

  /** The errors with the code the caller sent replaced: a hidden unit's answer must equal an unknown one's. */
  const shape = (r: { errors?: Array<{ message: string; extensions?: Record<string, any> }> }, code: string) =>
    JSON.parse(
      JSON.stringify(r.errors ?? null)
        .split(code)
        .join('<code>'),
    );

  it.each([
    ['the issuer', (c: string) => task({ issuer: c, targets: ['SC-DZJ'] }), 'input.issuer'],
    ['a target', (c: string) => task({ targets: ['SC-YJT-ZB1', c] }), 'input.targets'],
    ['the scope', (c: string) => task({ scope: { unit: c, relation: 'LED_BY' } }), 'input.scope.unit'],
  ] as const)(
    "%s outside the caller's reach and a code that names nothing get the same FORBIDDEN naming the field",
    async (_n, input, field) => {
      const before = await countTasks();
      const hidden = await h.run(ISSUE, { i: input('JS-SW') }, editorOf('SC-JGGW'));
      const unknown = await h.run(ISSUE, { i: input('NOPE-7') }, editorOf('SC-JGGW'));
      expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field });
      expect(shape(hidden, 'JS-SW')).toEqual(shape(unknown, 'NOPE-7'));
      // The same in a file (importTasks): refused whole, alike.
      const file = (c: string) => ({ format: 'tiaokuai/v1', tasks: [{ ...input(c), key: 'k1' }] });
      const fHidden = await h.run(
        `mutation($d: JSON!) { importTasks(document: $d) { ok problems { path message } } }`,
        { d: file('JS-SW') },
        editorOf('SC-JGGW'),
      );
      const fUnknown = await h.run(
        `mutation($d: JSON!) { importTasks(document: $d) { ok problems { path message } } }`,
        { d: file('NOPE-7') },
        editorOf('SC-JGGW'),
      );
      expect(fHidden.errors?.[0].extensions).toMatchObject({
        code: 'FORBIDDEN',
        field: field.replace('input', 'tasks[0]'),
      });
      expect(shape(fHidden, 'JS-SW')).toEqual(shape(fUnknown, 'NOPE-7'));
      expect(await countTasks()).toBe(before);
    },
  );

  it('the operator is told which codes are unknown; a target it sees but the issuer does not reach stays FORBIDDEN with the units', async () => {
    const op = await h.run(ISSUE, { i: task({ targets: ['SC-YJT-ZB1', 'NOPE-7'] }) });
    expect(op.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'input.targets[1]' });
    const out = await h.run(ISSUE, { i: task({ targets: ['SC-YJT-ZB1', 'JS-SW'] }) });
    expect(out.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'input.targets', units: ['JS-SW'] });
    expect(out.errors?.[0].message).not.toContain('不存在');
  });

  it('a viewer may not issue; an editor issues for a body it sees', async () => {
    const v = await h.run(ISSUE, { i: task({ targets: ['SC-YJT-ZB1'] }) }, { ...editorOf('SC-JGGW'), role: 'VIEWER' });
    expect(v.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    const ok = await h.run(ISSUE, { i: task({ targets: ['SC-YJT-ZB1'] }) }, editorOf('SC-JGGW'));
    expect(ok.errors).toBeUndefined();
  });
});

describe('task findings', () => {
  const seed = async () => {
    const items = {
      format: 'tiaokuai/v1',
      requiredItems: [{ code: 'SHYK', name: '三会一课', kinds: ['BRANCH'], frequency: 'QUARTERLY' }],
    };
    expect(
      (await h.ok(`mutation($d: JSON!) { importTasks(document: $d) { ok requiredItems { created } } }`, { d: items }))
        .importTasks,
    ).toEqual({ ok: true, requiredItems: { created: 1 } });
    // Both sides assign the same key work to the earthquake bureau; the guide even asks it to bind.
    await h.ok(ISSUE, { i: task({ issuer: 'DZJ-DZ', key: 'central', targets: ['SC-DZJ'] }) });
    await h.ok(ISSUE, { i: task({ key: 'local', title: '深入开展党史学习教育活动', targets: ['SC-DZJ'] }) });
    // The leader of SC-YJT-ZB1 assigns 三会一课 for the first half only.
    await h.ok(ISSUE, {
      i: task({
        key: 'shyk',
        title: '落实三会一课',
        priority: 'ROUTINE',
        category: 'ORGANIZATIONAL',
        requiredItem: 'SHYK',
        startsOn: '2026-01-01',
        dueOn: '2026-06-30',
        targets: ['SC-YJT-ZB1'],
      }),
    });
  };

  it('finds duplicates, overreach and missing routine items across a scope, with suggestions in Chinese', async () => {
    await seed();
    const found = (await h.ok(CONFLICTS, { scope: 'SC-JGGW' })).taskConflicts.nodes;
    const kinds = found.map((f: any) => `${f.kind}@${f.unit.id}`).sort();
    expect(kinds).toEqual(
      [
        `DUPLICATE@${ids['SC-DZJ']}`,
        `MISSING@${ids['SC-YJT-ZB1']}`,
        `MISSING@${ids['SC-YJT-ZB1']}`,
        `OVERREACH@${ids['SC-DZJ']}`,
      ].sort(),
    );
    const dup = found.find((f: any) => f.kind === 'DUPLICATE');
    expect(dup.issuers.map((u: any) => u.id)).toEqual([ids['DZJ-DZ'], ids['SC-JGGW']]);
    expect(dup.suggestion).toMatch(/^保留领导方下达的「开展党史学习教育」/);
    const missing = found
      .filter((f: any) => f.kind === 'MISSING')
      .map((f: any) => [f.requiredItem?.code ?? null, f.from, f.to]);
    expect(missing).toEqual([
      ['SHYK', '2026-07-01', '2026-09-30'],
      ['SHYK', '2026-10-01', '2026-12-31'],
    ]);
  });

  it('answers one unit through Unit.taskConflicts, the same as the scope for it', async () => {
    await seed();
    const r = await h.ok(
      `query($reps: [_Any!]!) { _entities(representations: $reps) { ... on Unit { taskConflicts(from: "2026-01-01", to: "2026-12-31") { nodes { kind } } } } }`,
      { reps: [{ __typename: 'Unit', id: ids['SC-DZJ'] }] },
    );
    expect(r._entities[0].taskConflicts.nodes.map((f: any) => f.kind).sort()).toEqual(['DUPLICATE', 'OVERREACH']);
  });

  it('merging a duplicate pair settles it: no longer reported, the record stays', async () => {
    await seed();
    const dup = (await h.ok(CONFLICTS, { scope: 'SC-JGGW' })).taskConflicts.nodes.find(
      (f: any) => f.kind === 'DUPLICATE',
    );
    const [keep, merge] = dup.assignments.map((a: any) => a.id);
    const merged = (
      await h.ok(`mutation { mergeAssignments(keep: "${keep}", merge: "${merge}", note: "合并落实") {
      id status mergedInto { id } settlements { kind by note at kept { id } } } }`)
    ).mergeAssignments;
    expect(merged).toMatchObject({
      status: 'MERGED',
      mergedInto: { id: keep },
      settlements: [{ kind: 'MERGE', by: 'hub-operator', note: '合并落实', kept: { id: keep } }],
    });
    const after = (await h.ok(CONFLICTS, { scope: 'SC-JGGW' })).taskConflicts.nodes.map((f: any) => f.kind);
    expect(after).not.toContain('DUPLICATE');
    const again = await h.run(`mutation { mergeAssignments(keep: "${keep}", merge: "${merge}") { id } }`);
    expect(again.errors?.[0].extensions?.code).toBe('CONFLICT');
  });

  it('withdrawing refuses a stale version with CONFLICT and keeps the record', async () => {
    await seed();
    const [a] = (
      await h.ok(
        `{ _entities(representations: [{ __typename: "Unit", id: "${ids['SC-YJT-ZB1']}" }]) { ... on Unit { assignments(from: "2026-01-01", to: "2026-12-31") { nodes { id version } } } } }`,
      )
    )._entities[0].assignments.nodes;
    const stale = await h.run(`mutation { withdrawAssignment(id: "${a.id}", version: ${a.version + 1}) { id } }`);
    expect(stale.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'version' });
    const done = (
      await h.ok(
        `mutation { withdrawAssignment(id: "${a.id}", version: ${a.version}, note: "改由支部自行安排") { status version settlements { kind } } }`,
      )
    ).withdrawAssignment;
    expect(done).toEqual({ status: 'WITHDRAWN', version: a.version + 1, settlements: [{ kind: 'WITHDRAW' }] });
  });

  it('a scan asking only the ids of the tasks and assignments names them without reading them again', async () => {
    await seed();
    const FULL = CONFLICTS.replace('assignments { id }', 'assignments { id status }');
    const IDS = CONFLICTS.replace(
      'tasks { id title } assignments { id }',
      'tasks { id __typename } assignments { ref: id }',
    );
    const cost = async (q: string) => {
      h.database.statements.reset();
      const out = (await h.ok(q, { scope: 'SC-JGGW' })).taskConflicts.nodes;
      return { out, statements: h.database.statements.count };
    };
    await cost(FULL); // the scan's read is then held (the next test): only the loaders differ below
    const full = await cost(FULL);
    const bare = await cost(IDS);
    expect(full.out.some((f: any) => f.tasks.length > 1)).toBe(true);
    expect(
      bare.out.map((f: any) => [f.kind, f.tasks.map((t: any) => t.id), f.assignments.map((a: any) => a.ref)]),
    ).toEqual(full.out.map((f: any) => [f.kind, f.tasks.map((t: any) => t.id), f.assignments.map((a: any) => a.id)]));
    expect(bare.out.find((f: any) => f.tasks.length > 0).tasks[0].__typename).toBe('Task');
    // The task and assignment loaders' statements are not run.
    expect(bare.statements).toBe(full.statements - 2);
  });

  it('a scan again reads only the revision while nothing changed, then only what each write changed', async () => {
    await seed();
    const caches = cachesOf(h.database);
    const scans = caches.scans;
    const scan = async () => {
      h.database.statements.reset();
      const out: string[] = (await h.ok(CONFLICTS, { scope: 'SC-JGGW' })).taskConflicts.nodes
        .map((f: any) => `${f.kind}@${f.unit.id}:${f.from}`)
        .sort();
      return { out, statements: h.database.statements.count };
    };
    const { loads, updates } = scans;
    const first = await scan();
    const again = await scan();
    expect(again.out).toEqual(first.out);
    // The two statements reading the assignments and their tasks are not run again.
    expect(again.statements).toBe(first.statements - 2);
    expect([scans.loads, scans.updates]).toEqual([loads + 1, updates]);
    // Withdrawing the first half's 三会一课 (a write to assignments) is seen by the next scan,
    // which reads what changed (two statements), not everything.
    const [a] = (
      await h.ok(
        `{ _entities(representations: [{ __typename: "Unit", id: "${ids['SC-YJT-ZB1']}" }]) { ... on Unit { assignments(from: "2026-01-01", to: "2026-12-31") { nodes { id version } } } } }`,
      )
    )._entities[0].assignments.nodes;
    await h.ok(`mutation { withdrawAssignment(id: "${a.id}", version: ${a.version}) { id } }`);
    const withdrawn = await scan();
    expect(withdrawn.out.filter((f) => f.startsWith('MISSING@'))).toHaveLength(4);
    expect(withdrawn.statements).toBe(first.statements);
    expect([scans.loads, scans.updates]).toEqual([loads + 1, updates + 1]);
    // So is a task issued afterwards (a write to tasks and assignments), found as a duplicate.
    await h.ok(ISSUE, {
      i: task({
        key: 'again',
        title: '落实三会一课制度',
        priority: 'ROUTINE',
        category: 'ORGANIZATIONAL',
        requiredItem: 'SHYK',
        startsOn: '2026-01-01',
        dueOn: '2026-12-31',
        targets: ['SC-YJT-ZB1'],
      }),
    });
    const issued = await scan();
    expect(issued.out.filter((f) => f.startsWith('MISSING@'))).toHaveLength(0);
    expect([scans.loads, scans.updates]).toEqual([loads + 1, updates + 2]);
    // What was brought up to date answers as a fresh read of everything does.
    caches.scans = new ScanCache();
    try {
      expect((await scan()).out).toEqual(issued.out);
    } finally {
      caches.scans = scans;
    }
  });

  it('warming after a write brings the held year up to date, so the next scan reads only the revision', async () => {
    await seed();
    const scans = cachesOf(h.database).scans;
    // The scan's statements only: a MISSING finding's requiredItem is one more (batched) read of the items, and the
    // write below settles the only MISSING findings.
    const SCAN_ONLY = CONFLICTS.replace('requiredItem { code } ', '');
    expect(SCAN_ONLY).not.toBe(CONFLICTS);
    const scan = async () => {
      h.database.statements.reset();
      const out = (await h.ok(SCAN_ONLY, { scope: 'SC-JGGW' })).taskConflicts.nodes.length as number;
      return { out, statements: h.database.statements.count };
    };
    await scan();
    const held = await scan();
    await h.ok(ISSUE, {
      i: task({
        key: 'warmed',
        title: '落实三会一课制度',
        priority: 'ROUTINE',
        category: 'ORGANIZATIONAL',
        requiredItem: 'SHYK',
        startsOn: '2026-01-01',
        dueOn: '2026-12-31',
        targets: ['SC-YJT-ZB1'],
      }),
    });
    const { loads, updates } = scans;
    await scans.warm(h.database.db); // what platform's warmer.ts runs once the revision stands still
    expect([scans.loads, scans.updates]).toEqual([loads, updates + 1]);
    const after = await scan();
    expect(after.statements).toBe(held.statements);
    expect(after.out).not.toBe(held.out); // the new task is seen: 三会一课 is no longer missing
    expect([scans.loads, scans.updates]).toEqual([loads, updates + 1]);
  });

  it('a scan reads everything again after the tables were truncated (a new epoch)', async () => {
    await seed();
    const scans = cachesOf(h.database).scans;
    const kinds = async () =>
      ((await h.ok(CONFLICTS, { scope: 'SC-JGGW' })).taskConflicts.nodes as Array<{ kind: string }>).map((f) => f.kind);
    expect(await kinds()).toContain('DUPLICATE');
    const { loads, updates } = scans;
    await h.database.asOwner((db) => db.execute(sql`truncate tasks.tasks, tasks.assignments cascade`));
    const after = await kinds();
    expect(after).not.toContain('DUPLICATE');
    expect(after).toContain('MISSING'); // the responsibility list stays; nobody assigns it now
    expect([scans.loads, scans.updates]).toEqual([loads + 1, updates]);
  });

  it('costs the same number of statements and org calls for one unit as for several', async () => {
    await seed();
    const q = (
      units: string[],
    ) => `{ _entities(representations: ${JSON.stringify(units.map((u) => ({ __typename: 'Unit', id: ids[u] }))).replace(/"(__typename|id)"/g, '$1')}) {
      ... on Unit { taskConflicts(from: "2026-01-01", to: "2026-12-31") { nodes { kind tasks { title } } } } } }`;
    const cost = async (units: string[]) => {
      h.database.statements.reset();
      h.orgCalls.count = 0;
      await h.ok(q(units));
      return [h.database.statements.count, h.orgCalls.count];
    };
    const one = await cost(['SC-DZJ']);
    const four = await cost(['SC-DZJ', 'SC-YJT-ZB1', 'SC-DZJ-ZB', 'SC-YJT-JGDW']);
    expect(one[0]).toBeGreaterThan(0);
    expect(four).toEqual(one);
  });
});
