/**
 * `assignmentIssued` through the gateway (docs/live-updates.md): a subscriber of a unit (over
 * server-sent events through the gateway) receives the assignment a task issued by another client
 * gave it; tasks serves both the write and the subscription (in-process bus). Visibility is
 * `Unit.assignments`': a VIEWER of another committee is refused the unit (NOT_FOUND).
 */
import { UNITS } from './fixtures';
import { startTestHub, type TestHub } from './hub';
import { subscribe } from './live';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  const imported = await t.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok } }`, { d: UNITS });
  expect(imported.data?.importUnits).toEqual({ ok: true });
});
afterAll(async () => {
  await t?.close();
});

const ISSUED = `subscription($unit: String!) { assignmentIssued(unit: $unit, from: "2026-01-01", to: "2026-12-31") {
  kind total unit { code name } issued { id status task { title } unit { code } } } }`;

const changed = (r: { data?: any }) => r.data?.assignmentIssued?.kind === 'CHANGED';

describe('assignmentIssued through the gateway', () => {
  it('a task issued by another client reaches the subscribers of the unit (by code and by id) as its assignment', async () => {
    const viewer = await t.hub.token({ body: 'SC-JGGW', role: 'VIEWER' });
    const unit = await t.gql(`{ unit(by: { code: "SC-DZJ" }) { id } }`);
    const id = unit.data!.unit.id;
    const byCode = subscribe(t.url, viewer, ISSUED, { unit: 'SC-DZJ' });
    const byId = subscribe(t.url, viewer, ISSUED, { unit: id });
    try {
      for (const sub of [byCode, byId]) {
        const first = await sub.until(() => true);
        expect(first.errors).toBeUndefined();
        expect(first.data.assignmentIssued).toEqual({
          kind: 'READY',
          total: 0,
          unit: { code: 'SC-DZJ', name: '四川省地震局' },
          issued: [],
        });
      }
      const issued =
        await t.gql(`mutation { issueTask(input: { issuer: "SC-JGGW", key: "LIVE-A", title: "开展安全生产检查", category: IDEOLOGICAL,
        priority: KEY, startsOn: "2026-03-01", dueOn: "2026-06-30", targets: ["SC-DZJ"] }) { id assignments { nodes { id } } } }`);
      expect(issued.errors).toBeUndefined();
      const assignment = issued.data!.issueTask.assignments.nodes[0].id;
      for (const sub of [byCode, byId]) {
        const got = await sub.until(changed);
        expect(got.errors).toBeUndefined();
        expect(got.data.assignmentIssued).toEqual({
          kind: 'CHANGED',
          total: 1,
          unit: { code: 'SC-DZJ', name: '四川省地震局' },
          issued: [
            { id: assignment, status: 'ASSIGNED', task: { title: '开展安全生产检查' }, unit: { code: 'SC-DZJ' } },
          ],
        });
      }
      // A write that issues nothing to the unit (a withdrawal) sends nothing new: the next change is the next task's.
      const withdrawn = await t.gql(`mutation($a: ID!) { withdrawAssignment(id: $a, note: "撤回") { status } }`, {
        a: assignment,
      });
      expect(withdrawn.errors).toBeUndefined();
      const again =
        await t.gql(`mutation { issueTask(input: { issuer: "SC-JGGW", key: "LIVE-B", title: "开展防灾演练", category: IDEOLOGICAL,
        priority: KEY, startsOn: "2026-03-01", dueOn: "2026-06-30", targets: ["SC-DZJ"] }) { id } }`);
      expect(again.errors).toBeUndefined();
      const second = await byCode.until((r) => changed(r) && r.data.assignmentIssued.total === 2);
      expect(second.data.assignmentIssued.issued.map((a: any) => a.task.title)).toEqual(['开展防灾演练']);
      expect(byCode.results.filter(changed)).toHaveLength(2);
    } finally {
      byCode.close();
      byId.close();
    }
  });

  it('a VIEWER of another committee is refused the unit (NOT_FOUND on unit), and the stream ends', async () => {
    const other = await t.hub.token({ body: 'JS-SW', role: 'VIEWER' });
    const sub = subscribe(t.url, other, ISSUED, { unit: 'SC-DZJ' });
    try {
      await sub.ended;
      expect(sub.results.length).toBeGreaterThan(0);
      expect(sub.results.every((r) => r.data?.assignmentIssued == null)).toBe(true);
      expect(sub.results[0].errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'unit' });
    } finally {
      sub.close();
    }
  });
});
