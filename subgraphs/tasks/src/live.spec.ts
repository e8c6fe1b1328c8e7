/**
 * `taskFindingsChanged` (platform's live.ts): a subscriber gets READY, then what a write changed
 * in the scope it may see; subscribers of the same question share one watch, which goes with the
 * last of them. The write's wake-up is published here as the subgraph server publishes it after a
 * mutation (subgraph.ts); the e2e test (test/src/live.e2e.spec.ts) runs the real path.
 */
import type { ExecutionResult } from 'graphql';
import { inProcessBus, topics, type Identity } from '@tiaokuai/platform';
import { cachesOf } from './context';
import { province } from './testing/fixtures';
import { tasksHarness, type TasksHarness } from './testing';

const FINDINGS = `subscription($scope: String!) { taskFindingsChanged(scope: $scope, from: "2026-01-01", to: "2026-12-31") {
  kind scope total appeared { kind unit { id } tasks { title } } settled { kind unit { id } } } }`;
const ISSUE = `mutation($i: IssueTaskInput!) { issueTask(input: $i) { id assignments { nodes { id version } } } }`;

let h: TasksHarness;
let ids: Record<string, string>;
const viewerOf = (body: string): Identity => ({ subject: `viewer@${body}`, body, role: 'VIEWER', hubAdmin: false });
const wrote = () => inProcessBus().publish(topics.written('tasks'), { subgraph: 'tasks', by: 'spec', at: Date.now() });

async function stream(query: string, variables: Record<string, unknown>, who?: Identity) {
  const r = await h.subscribe(query, variables, who);
  if (!(Symbol.asyncIterator in r)) throw new Error(`not a stream: ${JSON.stringify(r)}`);
  return r as AsyncGenerator<ExecutionResult<any>>;
}
const next = async (it: AsyncGenerator<ExecutionResult<any>>) => {
  const r = await it.next();
  if (r.done) throw new Error('stream ended');
  expect(r.value.errors).toBeUndefined();
  return r.value.data!.taskFindingsChanged;
};

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

describe('taskFindingsChanged', () => {
  it('sends READY, then the finding a write made appear, then the same finding settled', async () => {
    const it = await stream(FINDINGS, { scope: 'SC-JGGW' }, viewerOf('SC-JGGW'));
    try {
      const ready = await next(it);
      expect(ready).toMatchObject({ kind: 'READY', scope: 'SC-JGGW', appeared: [], settled: [] });
      const issued = await h.ok(ISSUE, {
        i: {
          issuer: 'SC-JGGW',
          title: '开展党史学习教育',
          category: 'IDEOLOGICAL',
          priority: 'KEY',
          startsOn: '2026-03-01',
          dueOn: '2026-06-30',
          targets: ['SC-DZJ'],
        },
      });
      wrote();
      const changed = await next(it);
      expect(changed).toEqual({
        kind: 'CHANGED',
        scope: 'SC-JGGW',
        total: ready.total + 1,
        appeared: [{ kind: 'OVERREACH', unit: { id: ids['SC-DZJ'] }, tasks: [{ title: '开展党史学习教育' }] }],
        settled: [],
      });
      const a = issued.issueTask.assignments.nodes[0];
      await h.ok(`mutation($id: ID!) { withdrawAssignment(id: $id, note: "撤回") { status } }`, { id: a.id });
      wrote();
      expect(await next(it)).toEqual({
        kind: 'CHANGED',
        scope: 'SC-JGGW',
        total: ready.total,
        appeared: [],
        settled: [{ kind: 'OVERREACH', unit: { id: ids['SC-DZJ'] } }],
      });
    } finally {
      await it.return(undefined);
    }
  });

  it("refuses a scope out of the caller's sight as the query does, before any event", async () => {
    const r = await h.subscribe(FINDINGS, { scope: 'SC-JGGW' }, viewerOf('JS-SW'));
    expect(Symbol.asyncIterator in r).toBe(false);
    const query = await h.run(
      `{ taskConflicts(scope: "SC-JGGW", from: "2026-01-01", to: "2026-12-31") { totalCount } }`,
      {},
      viewerOf('JS-SW'),
    );
    const refused = (r as ExecutionResult).errors![0];
    expect(refused.extensions?.code).toBe(query.errors![0].extensions!.code);
    expect(refused.extensions?.field).toBe('scope');
  });

  it('shares one watch between subscribers of the same question, and drops it and its bus subscriptions with the last', async () => {
    const live = cachesOf(h.database).live;
    const handlers = inProcessBus().size;
    const a = await stream(FINDINGS, { scope: 'SC-JGGW' }, viewerOf('SC-JGGW'));
    const b = await stream(FINDINGS, { scope: 'SC-JGGW' }, viewerOf('SC-JGGW'));
    await Promise.all([next(a), next(b)]);
    expect([live.subscribers, live.watching]).toEqual([2, 1]);
    expect(inProcessBus().size).toBe(handlers + 2); // the watch's two topics: tasks' and org's writes
    await a.return(undefined);
    expect([live.subscribers, live.watching]).toEqual([1, 1]);
    await b.return(undefined);
    expect([live.subscribers, live.watching]).toEqual([0, 0]);
    expect(inProcessBus().size).toBe(handlers);
  });
});
