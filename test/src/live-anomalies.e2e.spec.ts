/**
 * `anomaliesChanged` through the gateway (docs/live-updates.md): a subscriber (over server-sent
 * events through the gateway) receives the anomaly a write by another client made, and again as
 * gone when the write is undone; org serves both the write and the subscription (in-process bus).
 * Visibility is `leadershipAnomalies`': a VIEWER of another committee is refused the scope.
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

const ANOMALIES = `subscription($scope: String) { anomaliesChanged(scope: $scope, asOf: "2026-06-01") {
  kind scope total appeared { code unit { code name } related { code } } settled { code unit { code } } } }`;

const changed = (r: { data?: any }) => r.data?.anomaliesChanged?.kind === 'CHANGED';

describe('anomaliesChanged through the gateway', () => {
  it('a write by another client reaches subscribers as the anomaly that appeared and as gone; another committee sees only its own', async () => {
    const viewer = await t.hub.token({ body: 'SC-JGGW', role: 'VIEWER' });
    const other = await t.hub.token({ body: 'JS-SW', role: 'VIEWER' });
    const sub = subscribe(t.url, viewer, ANOMALIES, { scope: 'SC-JGGW' });
    // JS-SW's VIEWER, over everything in its sight (no scope).
    const js = subscribe(t.url, other, ANOMALIES, {});
    try {
      const first = await sub.until(() => true);
      expect(first.errors).toBeUndefined();
      expect(first.data.anomaliesChanged).toEqual({
        kind: 'READY',
        scope: 'SC-JGGW',
        total: 0,
        appeared: [],
        settled: [],
      });
      expect((await js.until(() => true)).data.anomaliesChanged).toMatchObject({
        kind: 'READY',
        scope: null,
        total: 0,
      });
      // The writer: the operator, through the gateway (another client). SC-DZJ affiliated twice.
      const linked = await t.gql(
        `mutation { createLink(input: { from: "SC-JGGW", to: "SC-DZJ", kind: AFFILIATION, validFrom: "2026-01-01" }) { id } }`,
      );
      expect(linked.errors).toBeUndefined();
      const appeared = await sub.until(changed);
      expect(appeared.errors).toBeUndefined();
      expect(appeared.data.anomaliesChanged).toEqual({
        kind: 'CHANGED',
        scope: 'SC-JGGW',
        total: 1,
        appeared: [
          {
            code: 'MULTIPLE_AFFILIATION',
            unit: { code: 'SC-DZJ', name: '四川省地震局' },
            related: [{ code: 'DZJ-DZ' }, { code: 'SC-JGGW' }],
          },
        ],
        settled: [],
      });
      // Gone: the link ended before the day watched.
      const ended = await t.gql(`mutation($id: ID!) { endLink(id: $id, on: "2026-01-01") { id } }`, {
        id: linked.data!.createLink.id,
      });
      expect(ended.errors).toBeUndefined();
      const settled = await sub.until((r) => changed(r) && r.data.anomaliesChanged.settled.length > 0);
      expect(settled.data.anomaliesChanged).toEqual({
        kind: 'CHANGED',
        scope: 'SC-JGGW',
        total: 0,
        appeared: [],
        settled: [{ code: 'MULTIPLE_AFFILIATION', unit: { code: 'SC-DZJ' } }],
      });
      // A write within JS-SW's sight: its subscriber's first change is that one, never SC-DZJ's.
      const unit = await t.gql(
        `mutation { createUnit(input: { code: "JS-X", name: "江苏某局", kind: GRASSROOTS_UNIT, level: PROVINCIAL, region: "320000", validFrom: "2000-01-01" }) { code } }`,
      );
      expect(unit.errors).toBeUndefined();
      for (const from of ['JS-SW', 'ZY']) {
        const l = await t.gql(
          `mutation($f: String!) { createLink(input: { from: $f, to: "JS-X", kind: AFFILIATION, validFrom: "2026-01-01" }) { id } }`,
          { f: from },
        );
        expect(l.errors).toBeUndefined();
      }
      const own = await js.until(
        (r) => changed(r) && r.data.anomaliesChanged.appeared.some((a: any) => a.code === 'MULTIPLE_AFFILIATION'),
      );
      for (const r of js.results) {
        expect(JSON.stringify(r)).not.toContain('SC-DZJ');
      }
      expect(own.data.anomaliesChanged.appeared).toContainEqual({
        code: 'MULTIPLE_AFFILIATION',
        unit: { code: 'JS-X', name: '江苏某局' },
        related: [{ code: 'JS-SW' }, { code: 'ZY' }],
      });
    } finally {
      sub.close();
      js.close();
    }
  });

  it('a VIEWER of another committee is refused the scope as leadershipAnomalies refuses it (NOT_FOUND), and the stream ends', async () => {
    const other = await t.hub.token({ body: 'JS-SW', role: 'VIEWER' });
    const query = await t.gql(
      `query { leadershipAnomalies(scope: "SC-JGGW", asOf: "2026-06-01") { totalCount } }`,
      {},
      other,
    );
    expect(query.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'scope' });
    const sub = subscribe(t.url, other, ANOMALIES, { scope: 'SC-JGGW' });
    try {
      await sub.ended;
      expect(sub.results.length).toBeGreaterThan(0);
      expect(sub.results.every((r) => r.data?.anomaliesChanged == null)).toBe(true);
      expect(sub.results[0].errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'scope' });
    } finally {
      sub.close();
    }
  });
});
