/**
 * The README's guided tour (README.md and its continuation, docs/tour.md) must work as written: every
 * ```graphql block of either file runs against the demo
 * (blocks that need variables are skipped; the bad-input example must fail as it says), and
 * every row of the table of planted problems is reported as the table claims.
 */
import { loadDemoIfEmpty } from '@tiaokuai/tools';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestHub, type TestHub } from './hub';
import { allNodes } from './pages';

/**
 * The tour is the README's first part and docs/tour.md's continuation, read as one text; docs/authentication.md's
 * example runs too.
 */
const README = ['README.md', 'docs/tour.md', 'docs/authentication.md']
  .map((f) => readFileSync(path.resolve(__dirname, '..', '..', f), 'utf8'))
  .join('\n');
const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  // The whole demo, as npm start loads it: units and links, responsibility list, tasks, progress.
  const demo = await loadDemoIfEmpty(t.url, t.hub.operatorToken);
  expect(demo.loaded).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

it('the README has a guided tour', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(8);
});

const ANOMALIES = `query($after: String, $from: Date, $to: Date) { leadershipAnomalies(from: $from, to: $to, first: 100, after: $after) {
  nodes { code unit { code } from to } pageInfo { hasNextPage endCursor } } }`;

it('every row of the planted-problems table is reported as claimed, on the day or in the year it says', async () => {
  const today = await allNodes(t, ANOMALIES, {}, (d) => d.leadershipAnomalies);
  const foundToday = new Set(today.map((a: any) => `${a.unit.code}:${a.code}`));
  expect(today.every((a: any) => a.from === null && a.to === null)).toBe(true); // a day's answer carries no period
  const rows = README.split('\n').filter((l) => /^\| [A-Z]{2,}-[A-Z0-9-]* /.test(l)); // unit codes: "SC-SWJ …"
  expect(rows.length).toBeGreaterThanOrEqual(8);
  let pastRows = 0;
  for (const row of rows) {
    const cells = row.split('|').map((c) => c.trim());
    const code = cells[1].split(/[ /]/)[0];
    const anomalies = cells[3]
      .replace(/\(.*?\)/g, '')
      .split(/,|\band\b/)
      .map((s) => s.trim())
      .filter((s) => /^[A-Z_]+$/.test(s));
    expect(anomalies.length).toBeGreaterThan(0);
    const asked = cells[4];
    if (asked === 'today') {
      for (const a of anomalies) expect(foundToday).toContain(`${code}:${a}`);
      continue;
    }
    // A year: the period question finds it with the period the row gives, and today's list does not hold it.
    expect(asked).toMatch(/^\d{4}$/);
    pastRows++;
    const year = await allNodes(
      t,
      ANOMALIES,
      { from: `${asked}-01-01`, to: `${asked}-12-31` },
      (d) => d.leadershipAnomalies,
    );
    const period = /\((\d{4}-\d{2}-\d{2}) to (\d{4}-\d{2}-\d{2})\)/.exec(cells[3]);
    for (const a of anomalies) {
      expect(
        year.filter((f: any) => f.unit.code === code && f.code === a).map((f: any) => `${f.from}..${f.to}`),
      ).toEqual([`${period![1]}..${period![2]}`]);
      expect(foundToday).not.toContain(`${code}:${a}`);
    }
  }
  expect(pastRows).toBeGreaterThan(0);
});

it('every row of the planted task-findings table is returned by the scope query it names, and only branches outside SC-JGGW are left out of it', async () => {
  const rows = README.split('\n')
    .filter((l) => /^\| (DUPLICATE|CONFLICT|MISSING|OVERREACH|CHERRY_PICKING) \|/.test(l))
    .map((row) => {
      const [, kind, unit, scope] = row.split('|').map((c) => c.trim());
      return { kind, unit, scope };
    });
  expect(new Set(rows.map((r) => r.kind))).toEqual(
    new Set(['DUPLICATE', 'CONFLICT', 'MISSING', 'OVERREACH', 'CHERRY_PICKING']),
  );
  const inScope = new Map<string, Set<string>>();
  for (const scope of new Set([...rows.map((r) => r.scope), 'SC-JGGW'])) {
    const all = await allNodes(
      t,
      `query($after: String, $scope: String!) { taskConflicts(scope: $scope, from: "2026-01-01", to: "2026-12-31", first: 100, after: $after) {
      pageInfo { hasNextPage endCursor } nodes { kind unit { code } } } }`,
      { scope },
      (d) => d.taskConflicts,
    );
    inScope.set(scope, new Set(all.map((f: any) => `${f.unit.code}:${f.kind}`)));
  }
  for (const { kind, unit, scope } of rows) {
    expect(inScope.get(scope)).toContain(`${unit}:${kind}`);
    // What the README says of 省直机关工委's scope: a row naming another scope is not in it.
    if (scope !== 'SC-JGGW') expect([...inScope.get('SC-JGGW')!].filter((f) => f.startsWith(`${unit}:`))).toEqual([]);
  }
  expect(rows.some((r) => r.scope !== 'SC-JGGW')).toBe(true);
});

it('every row of the planted assessment-findings table is reported as claimed, and nothing else', async () => {
  const all = await allNodes(
    t,
    `query($after: String) { assessmentFindings(scope: "ZY", year: 2026, first: 100, after: $after) {
    pageInfo { hasNextPage endCursor } nodes { kind unit { code } } } }`,
    {},
    (d) => d.assessmentFindings,
  );
  const found = all.map((f: any) => `${f.unit.code}:${f.kind}`);
  const rows = README.split('\n').filter((l) =>
    /^\| (MULTIPLE_INSPECTIONS|EVALUATION_ONLY|GRADED_BY_NON_LEADER) \|/.test(l),
  );
  expect(new Set(rows.map((row) => row.split('|')[1].trim()))).toEqual(
    new Set(['MULTIPLE_INSPECTIONS', 'EVALUATION_ONLY', 'GRADED_BY_NON_LEADER']),
  );
  for (const row of rows) {
    const [, kind, unit] = row.split('|').map((c) => c.trim());
    expect(found).toContain(`${unit}:${kind}`);
  }
  // …and the table names every kind of finding at every unit the demo produces.
  const claimed = new Set(
    rows.map((row) => {
      const [, kind, unit] = row.split('|').map((c) => c.trim());
      return `${unit}:${kind}`;
    }),
  );
  expect(new Set(found)).toEqual(claimed);
});

it.each(blocks.map((b, i) => [i + 1, b] as const))('graphql block %d runs as the README says', async (_i, block) => {
  const source = block.replace(/#.*$/gm, '');
  if (/\$\w+/.test(source)) return; // needs variables: shown for frontends, exercised in contract tests
  const r = await t.gql(source);
  if (/关系不能指向自身/.test(block)) {
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
  } else {
    expect(r.errors).toBeUndefined();
    expect(r.data).toBeTruthy();
  }
});
