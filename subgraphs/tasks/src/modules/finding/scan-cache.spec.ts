import type { TimelineAnswer } from '@tiaokuai/platform';
import { ActiveAssignments, assignmentFacts } from './scan-cache';
import type { AssignmentRecord, AssignmentRows, TaskRecord } from '../../domain/records';

// Units 1 and 2, led by 10; 20 guides unit 2.
const answer: TimelineAnswer = {
  units: new Map(),
  requested: ['1', '2'],
  timelines: new Map([
    ['1', [{ from: '2026-01-01', to: '2026-12-31', leaders: ['10'], guides: [] }]],
    ['2', [{ from: '2026-01-01', to: '2026-12-31', leaders: ['10'], guides: ['20'] }]],
    ['10', [{ from: '2026-01-01', to: '2026-12-31', leaders: [], guides: [] }]],
  ]),
};

const task = (id: string, issuerId: string, startsOn: string, over: Partial<TaskRecord> = {}): TaskRecord => ({
  id,
  issuerId,
  key: null,
  title: `任务${id}`,
  description: null,
  category: 'ORGANIZATIONAL',
  priority: 'ROUTINE',
  startsOn,
  dueOn: '2026-12-31',
  deliverable: null,
  requiredItemId: null,
  binding: true,
  scope: null,
  indicator: null,
  target: null,
  incompatibleWith: [],
  createdAt: new Date(0),
  createdBy: 't',
  ...over,
});
const assignment = (id: string, taskId: string, unitId: string): AssignmentRecord => ({
  id,
  taskId,
  unitId,
  status: 'ASSIGNED',
  progress: 0,
  note: null,
  version: 1,
  mergedInto: null,
  value: null,
  doneOn: null,
  reportedOn: null,
  updatedAt: new Date(0),
  updatedBy: null,
});

const tasks = [
  task('5', '10', '2026-03-01'),
  task('6', '20', '2026-02-01', { deliverable: '报告' }),
  task('7', '10', '2026-03-01', { incompatibleWith: ['6'] }),
];
// Ids chosen so that string order and numeric order differ (9 < 10 < 100).
const rows = [
  ['100', '5', '1'],
  ['9', '7', '1'],
  ['10', '5', '2'],
  ['11', '6', '2'],
  ['12', '7', '2'],
  ['8', '6', '1'],
].map(([id, t, u]) => ({ a: assignment(id, t, u), t: tasks.find((x) => x.id === t)! }));

const columns = (list: typeof rows, active = true, withTasks: TaskRecord[] = tasks): AssignmentRows => ({
  tasks: new Map(withTasks.map((t) => [Number(t.id), t])),
  ids: list.map((r) => Number(r.a.id)),
  taskIds: list.map((r) => Number(r.a.taskId)),
  unitIds: list.map((r) => Number(r.a.unitId)),
  active: list.map(() => active),
});
const activeFacts = (read: AssignmentRows, from: string) => new ActiveAssignments(read).facts(answer, from);
const idsOf = (set: ActiveAssignments, unit: string) =>
  set
    .facts(answer, '2026-01-01')
    .get(unit)
    ?.map((f) => f.id);

const fields = (f: any) => ({
  id: f.id,
  taskId: f.taskId,
  unitId: f.unitId,
  issuerId: f.issuerId,
  title: f.title,
  category: f.category,
  priority: f.priority,
  startsOn: f.startsOn,
  dueOn: f.dueOn,
  authority: f.authority,
  binding: f.binding,
  relation: f.relation,
  deliverable: f.deliverable,
  requiredItemId: f.requiredItemId,
  incompatibleTaskIds: f.incompatibleTaskIds,
});

describe("activeFacts (the scan's columnar read) and assignmentFacts (rows) agree", () => {
  it.each([
    ['as read', rows],
    ['reversed', [...rows].reverse()],
  ])('in %s order: same facts, by task start then numeric id', (_name, list) => {
    // assignmentFacts takes rows already in assignmentsOfUnits' order (task start, then id).
    const ordered = [...rows].sort(
      (x, y) => x.t.startsOn.localeCompare(y.t.startsOn) || Number(x.a.id) - Number(y.a.id),
    );
    const expected = assignmentFacts(answer, ordered, '2026-01-01');
    const got = activeFacts(columns(list), '2026-01-01');
    for (const unit of ['1', '2']) expect(got.get(unit)!.map(fields)).toEqual(expected.get(unit)!.map(fields));
    expect(got.get('1')!.map((f) => f.id)).toEqual(['8', '9', '100']);
    expect(got.get('3')).toBeUndefined();
  });

  it('judges authority per assignment: binding from the leader, advisory from a guide', () => {
    const got = activeFacts(columns(rows), '2026-01-01');
    expect(got.get('2')!.map((f) => [f.id, f.relation, f.authority])).toEqual([
      ['11', 'GUIDES', 'ADVISORY'],
      ['10', 'LEADS', 'BINDING'],
      ['12', 'LEADS', 'BINDING'],
    ]);
  });

  it('leaves out an assignment whose task the second statement did not read, until a later read brings the task', () => {
    const read = columns(rows);
    read.tasks.delete(7);
    const set = new ActiveAssignments(read);
    expect(idsOf(set, '1')).toEqual(['8', '100']);
    set.apply(columns([], true, [tasks[2]]));
    expect(idsOf(set, '1')).toEqual(['8', '9', '100']);
    expect(idsOf(set, '2')).toEqual(['11', '10', '12']);
  });
});

describe('ActiveAssignments brought up to date by what was written since', () => {
  const byId = (id: string) => rows.filter((r) => r.a.id === id);

  it('takes new assignments in, in order, and settled ones out', () => {
    const set = new ActiveAssignments(columns(rows.slice(0, 3)));
    expect(idsOf(set, '1')).toEqual(['9', '100']);
    set.apply(columns(rows.slice(3)));
    expect(idsOf(set, '1')).toEqual(['8', '9', '100']);
    expect(idsOf(set, '2')).toEqual(['11', '10', '12']);
    set.apply(columns([...byId('9'), ...byId('11')], false)); // withdrawn or merged
    expect(idsOf(set, '1')).toEqual(['8', '100']);
    expect(idsOf(set, '2')).toEqual(['10', '12']);
    expect(set.size).toBe(4);
    set.apply(columns(byId('10'), false));
    set.apply(columns(byId('12'), false));
    expect(idsOf(set, '2')).toBeUndefined();
  });

  it('is idempotent: a change read twice, or an unchanged assignment read again, changes nothing', () => {
    const once = new ActiveAssignments(columns(rows));
    const twice = new ActiveAssignments(columns(rows));
    for (const set of [once, twice]) set.apply(columns(byId('9'), false));
    twice.apply(columns(byId('9'), false));
    twice.apply(columns(rows.filter((r) => r.a.id !== '9')));
    for (const unit of ['1', '2']) expect(idsOf(twice, unit)).toEqual(idsOf(once, unit));
    expect(twice.size).toBe(once.size);
  });

  it("ignores a settled assignment it never held, and takes a changed task's new facts", () => {
    const set = new ActiveAssignments(columns(rows.slice(0, 3)));
    set.apply(columns(byId('12'), false));
    expect(idsOf(set, '2')).toEqual(['10']);
    set.apply(columns([], true, [{ ...tasks[0], incompatibleWith: ['7'] }]));
    expect(set.facts(answer, '2026-01-01').get('2')![0].incompatibleTaskIds).toEqual(['7']);
  });
});
