/**
 * Live updates across processes over NATS (docs/live-updates.md): with NATS_URL set, an org
 * write (the org process) wakes the tasks process's subscription; and, on PostgreSQL, a write
 * through one tasks replica reaches a subscription served by another. Skipped, saying so, only
 * when NATS cannot be reached (NATS_URL, else 127.0.0.1:4222); the replicas' test needs a
 * database both processes share, so it runs on PostgreSQL only (DATABASE_URL).
 */
import net from 'node:net';
import { UNITS } from './fixtures';
import { startTestHub, type TestHub } from './hub';
import { subscribe, subscribeDirect } from './live';

const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';
const reachable = (url: string) =>
  new Promise<boolean>((resolve) => {
    const u = new URL(url);
    const s = net.connect(Number(u.port || 4222), u.hostname);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });

const FINDINGS = `subscription($scope: String!) { taskFindingsChanged(scope: $scope, from: "2026-01-01", to: "2026-12-31") {
  kind total appeared { kind unit { code } } settled { kind unit { code } } } }`;
const FACTS = (mode: string, from: string) => `mutation { changeUnitFacts(input: { unit: "SC-DZJ", validFrom: "${from}",
  partyRelationMode: ${mode}, businessMode: VERTICAL, competentDepartment: "DZJ-DZ", locality: "SC-JGGW" }) { code } }`;
const changed = (r: { data?: any }) => r.data?.taskFindingsChanged?.kind === 'CHANGED';

let t: TestHub | undefined;
let up = false;
beforeAll(async () => {
  up = await reachable(NATS_URL);
  if (!up) {
    console.warn(`live over NATS skipped: ${NATS_URL} cannot be reached`);
    return;
  }
  t = await startTestHub({ NATS_URL });
  expect(
    (await t.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok } }`, { d: UNITS })).errors,
  ).toBeUndefined();
  // 地震局 led territorially: a task from 省直机关工委 is within its reach, no finding yet.
  expect((await t.gql(FACTS('TERRITORIAL', '2026-01-01'))).errors).toBeUndefined();
  const issued =
    await t.gql(`mutation { issueTask(input: { issuer: "SC-JGGW", key: "NATS", title: "开展党史学习教育", category: IDEOLOGICAL,
    priority: KEY, startsOn: "2026-03-01", dueOn: "2026-06-30", targets: ["SC-DZJ"] }) { id } }`);
  expect(issued.errors).toBeUndefined();
});
afterAll(async () => {
  await t?.close();
});

describe('live updates over NATS', () => {
  it("an org write (another process) makes a finding appear in tasks' subscription through the gateway", async () => {
    if (!up) return;
    const sub = subscribe(t!.url, t!.hub.operatorToken, FINDINGS, { scope: 'SC-JGGW' });
    try {
      const ready = await sub.until(() => true);
      expect(ready.data?.taskFindingsChanged).toMatchObject({ kind: 'READY', total: 0 });
      // The department's party group takes over (VERTICAL): the task now oversteps. Written by org, not tasks.
      expect((await t!.gql(FACTS('VERTICAL', '2026-02-01'))).errors).toBeUndefined();
      const got = await sub.until(changed);
      expect(got.data.taskFindingsChanged).toEqual({
        kind: 'CHANGED',
        total: 1,
        appeared: [{ kind: 'OVERREACH', unit: { code: 'SC-DZJ' } }],
        settled: [],
      });
    } finally {
      sub.close();
    }
  });

  const onPostgres = process.env.DATABASE_URL ? it : it.skip;
  if (!process.env.DATABASE_URL)
    console.warn('tasks replicas over NATS: skipped on PGlite (no database two processes share)');
  onPostgres('a write through one tasks replica reaches a subscription served by another', async () => {
    if (!up) return;
    const replica = await t!.hub.replica('tasks');
    // Straight to the replica: only tasks' own fields (a unit by its id; its code is org's, joined by the gateway).
    const direct = FINDINGS.replace(/unit \{ code \}/g, 'unit { id }');
    const body = JSON.stringify({ query: direct, variables: { scope: 'SC-JGGW' } });
    const sub = subscribeDirect(replica, body, t!.hub.subgraphHeaders('tasks', body, replica));
    try {
      const ready = await sub.until(() => true);
      expect(ready.data?.taskFindingsChanged).toMatchObject({ kind: 'READY', total: 1 });
      // The writer: through the gateway, to the first tasks process.
      const ids = await t!.gql(
        `{ unit(by: { code: "SC-DZJ" }) { id assignments(from: "2026-01-01", to: "2026-12-31") { nodes { id } } } }`,
      );
      const assignment = ids.data!.unit.assignments.nodes[0].id;
      const withdrawn = await t!.gql(
        `mutation($a: ID!) { withdrawAssignment(id: $a, note: "越权，撤回") { status } }`,
        {
          a: assignment,
        },
      );
      expect(withdrawn.errors).toBeUndefined();
      const got = await sub.until(changed);
      expect(got.data.taskFindingsChanged).toEqual({
        kind: 'CHANGED',
        total: 0,
        appeared: [],
        settled: [{ kind: 'OVERREACH', unit: { id: ids.data!.unit.id } }],
      });
    } finally {
      sub.close();
    }
  });
});
