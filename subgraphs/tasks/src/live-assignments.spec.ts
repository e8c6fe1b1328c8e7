/**
 * `assignmentIssued` (platform's live.ts, assignment.service.ts watchUnitAssignments): the unit named
 * by code or by id is one question (one shared watch); a subscriber's return() releases the watch
 * at once, while it waits for a change (the id-tagging wrapper passes return() through); a unit out
 * of sight is refused before any event. The e2e test (test/src/live-assignments.e2e.spec.ts) runs
 * the path through the gateway.
 */
import type { ExecutionResult } from 'graphql';
import { inProcessBus, type Identity } from '@tiaokuai/platform';
import { cachesOf } from './context';
import { province } from './testing/fixtures';
import { tasksHarness, type TasksHarness } from './testing';

const ISSUED = `subscription($unit: String!) { assignmentIssued(unit: $unit, from: "2026-01-01", to: "2026-12-31") {
  kind total unit { id } issued { id } } }`;

let h: TasksHarness;
let ids: Record<string, string>;
const viewerOf = (body: string): Identity => ({ subject: `viewer@${body}`, body, role: 'VIEWER', hubAdmin: false });

async function stream(variables: Record<string, unknown>, who?: Identity) {
  const r = await h.subscribe(ISSUED, variables, who);
  if (!(Symbol.asyncIterator in r)) throw new Error(`not a stream: ${JSON.stringify(r)}`);
  return r as AsyncGenerator<ExecutionResult<any>>;
}

beforeAll(async () => {
  h = await tasksHarness();
  await h.resetTo(province());
  const codes = province().units.map((u) => u.code);
  const d = await h.org(`{ unitsByCode(codes: ${JSON.stringify(codes)}) { id code } }`);
  ids = Object.fromEntries(d.unitsByCode.map((u: any) => [u.code, u.id]));
}, 120_000);
afterAll(async () => {
  await h?.close();
});

describe('assignmentIssued', () => {
  it('names the unit by id whether asked by code or id, shares one watch, and return() releases it while waiting', async () => {
    const live = cachesOf(h.database).live;
    const handlers = inProcessBus().size;
    const a = await stream({ unit: 'SC-DZJ' }, viewerOf('SC-JGGW'));
    const b = await stream({ unit: ids['SC-DZJ'] }, viewerOf('SC-JGGW'));
    for (const it of [a, b]) {
      const r = await it.next();
      expect(r.value.errors).toBeUndefined();
      expect(r.value.data.assignmentIssued).toMatchObject({ kind: 'READY', unit: { id: ids['SC-DZJ'] }, issued: [] });
    }
    expect([live.subscribers, live.watching]).toEqual([2, 1]);
    // Waiting for a change that will not come; return() ends it now.
    const pending = a.next();
    await a.return(undefined);
    expect((await pending).done).toBe(true);
    expect([live.subscribers, live.watching]).toEqual([1, 1]);
    await b.return(undefined);
    expect([live.subscribers, live.watching]).toEqual([0, 0]);
    expect(inProcessBus().size).toBe(handlers);
  });

  it('refuses a unit out of sight (NOT_FOUND on unit), before any event', async () => {
    const r = await h.subscribe(ISSUED, { unit: 'SC-DZJ' }, viewerOf('JS-SW'));
    expect(Symbol.asyncIterator in r).toBe(false);
    expect((r as ExecutionResult).errors![0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'unit' });
  });
});
