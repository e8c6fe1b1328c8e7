/**
 * Live updates through the gateway (docs/live-updates.md): a subscriber (this test process, over
 * server-sent events through the gateway) receives a task finding after a write made by another
 * client; the tasks subgraph's process serves both the write and the subscription (in-process bus).
 * Visibility is the queries': a VIEWER of another committee is refused the scope; the SSE request
 * needs a token like any other.
 */
import { UNITS } from './fixtures';
import { startTestHub, type TestHub } from './hub';
import { subscribe } from './live';

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  const imported = await t.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok } }`, { d: UNITS });
  expect(imported.data?.importUnits).toEqual({ ok: true });
  // 四川省地震局 led vertically by its department's party group: a task from 省直机关工委 oversteps.
  const changed =
    await t.gql(`mutation { changeUnitFacts(input: { unit: "SC-DZJ", validFrom: "2026-01-01", partyRelationMode: VERTICAL,
      businessMode: VERTICAL, competentDepartment: "DZJ-DZ", locality: "SC-JGGW" }) { code } }`);
  expect(changed.errors).toBeUndefined();
});
afterAll(async () => {
  await t?.close();
});

const FINDINGS = `subscription($scope: String!) { taskFindingsChanged(scope: $scope, from: "2026-01-01", to: "2026-12-31") {
  kind scope total appeared { kind unit { code name } tasks { title } issuers { code } } settled { kind unit { code } } } }`;

const changed = (r: { data?: any }) => r.data?.taskFindingsChanged?.kind === 'CHANGED';

describe('live updates through the gateway', () => {
  it('a write by another client reaches a subscriber of the scope as the finding that appeared, and again as settled', async () => {
    const viewer = await t.hub.token({ body: 'SC-JGGW', role: 'VIEWER' });
    const sub = subscribe(t.url, viewer, FINDINGS, { scope: 'SC-JGGW' });
    try {
      const first = await sub.until(() => true);
      expect(first.errors).toBeUndefined();
      expect(first.data.taskFindingsChanged).toEqual({
        kind: 'READY',
        scope: 'SC-JGGW',
        total: 0,
        appeared: [],
        settled: [],
      });
      // The writer: the operator, through the gateway (another client, another connection).
      const issued =
        await t.gql(`mutation { issueTask(input: { issuer: "SC-JGGW", key: "LIVE", title: "开展党史学习教育", category: IDEOLOGICAL,
        priority: KEY, startsOn: "2026-03-01", dueOn: "2026-06-30", targets: ["SC-DZJ"] }) { id assignments { nodes { id } } } }`);
      expect(issued.errors).toBeUndefined();
      const appeared = await sub.until(changed);
      expect(appeared.errors).toBeUndefined();
      expect(appeared.data.taskFindingsChanged).toEqual({
        kind: 'CHANGED',
        scope: 'SC-JGGW',
        total: 1,
        appeared: [
          {
            kind: 'OVERREACH',
            unit: { code: 'SC-DZJ', name: '四川省地震局' },
            tasks: [{ title: '开展党史学习教育' }],
            issuers: [{ code: 'SC-JGGW' }],
          },
        ],
        settled: [],
      });
      // Settled: the assignment withdrawn, the finding goes.
      const assignment = issued.data!.issueTask.assignments.nodes[0].id;
      const withdrawn = await t.gql(
        `mutation($a: ID!) { withdrawAssignment(id: $a, note: "越权下达，撤回") { status } }`,
        { a: assignment },
      );
      expect(withdrawn.errors).toBeUndefined();
      const settled = await sub.until((r) => changed(r) && r.data.taskFindingsChanged.settled.length > 0);
      expect(settled.data.taskFindingsChanged).toMatchObject({
        total: 0,
        appeared: [],
        settled: [{ kind: 'OVERREACH', unit: { code: 'SC-DZJ' } }],
      });
    } finally {
      sub.close();
    }
  });

  it('a VIEWER of another committee receives nothing of the scope: refused as the query is, and the stream ends', async () => {
    const other = await t.hub.token({ body: 'JS-SW', role: 'VIEWER' });
    const sub = subscribe(t.url, other, FINDINGS, { scope: 'SC-JGGW' });
    try {
      await sub.ended;
      expect(sub.results.length).toBeGreaterThan(0);
      expect(sub.results.every((r) => r.data?.taskFindingsChanged == null)).toBe(true);
      // Out of sight reads as absent, as for the query taskConflicts.
      expect(sub.results[0].errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'scope' });
    } finally {
      sub.close();
    }
  });

  it('refuses the SSE request without a valid token, as any request', async () => {
    for (const authorization of [undefined, 'Bearer forged']) {
      const res = await fetch(t.url, {
        method: 'POST',
        headers: {
          accept: 'text/event-stream',
          'content-type': 'application/json',
          ...(authorization ? { authorization } : {}),
        },
        body: JSON.stringify({ query: FINDINGS, variables: { scope: 'SC-JGGW' } }),
      });
      expect(res.status).toBe(401);
      expect((await res.json()).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    }
  });
});

const DEFERRED = `{ unit(by: { code: "SC-DZJ" }) { code ... @defer { assessmentFindings(year: 2026) { totalCount } } } }`;

/** The parts of a streamed answer (SSE), in order. */
async function parts(url: string, token: string, query: string) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'text/event-stream', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query }),
  });
  expect(res.status).toBe(200);
  return (await res.text())
    .split('\n\n')
    .filter((m) => m.startsWith('event: next'))
    .map((m) => JSON.parse(m.slice(m.indexOf('data:') + 5)));
}

describe('@defer through the gateway', () => {
  it('is accepted (no longer an unknown directive); the default Rust planner answers the fragment with the rest', async () => {
    const got = await parts(t.url, t.hub.operatorToken, DEFERRED);
    expect(got).toHaveLength(1);
    expect(got[0].errors).toBeUndefined();
    expect(got[0].data).toEqual({ unit: { code: 'SC-DZJ', assessmentFindings: { totalCount: 0 } } });
  });

  it('with the JS planner (GATEWAY_QUERY_PLANNER=js) the deferred scope question comes in a part of its own', async () => {
    const js = await startTestHub({ GATEWAY_QUERY_PLANNER: 'js' });
    try {
      await js.gql(`mutation($d: JSON!) { importUnits(document: $d) { ok } }`, { d: UNITS });
      const got = await parts(js.url, js.hub.operatorToken, DEFERRED);
      expect(got).toEqual([
        { data: { unit: { code: 'SC-DZJ' } }, hasNext: true },
        { incremental: [{ data: { assessmentFindings: { totalCount: 0 } }, path: ['unit'] }], hasNext: false },
      ]);
    } finally {
      await js.close();
    }
  });
});
