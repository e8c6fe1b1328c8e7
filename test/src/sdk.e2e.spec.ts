/**
 * @tiaokuai/client as a frontend team uses it: the sample app (packages/client/examples/tour)
 * compiles with `tsc --noEmit` against the built package, and run in Node it goes through the
 * README's tour on a hub started here (the demo loaded), each step's answer checked below.
 */
import { loadDemoIfEmpty } from '@tiaokuai/tools';
import { execFile } from 'node:child_process';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestHub, type TestHub } from './hub';

/** A command's exit code and output (a failure's output is what the assertion shows). */
const run = (file: string, args: string[], opts: { env?: NodeJS.ProcessEnv } = {}) =>
  promisify(execFile)(file, args, opts).then(
    (r) => ({ code: 0, stdout: r.stdout, stderr: r.stderr }),
    (e: { code: number; stdout: string; stderr: string }) => ({ code: e.code, stdout: e.stdout, stderr: e.stderr }),
  );
const ROOT = path.resolve(__dirname, '..', '..');
const APP = path.join(ROOT, 'packages', 'client', 'examples', 'tour');
const TSC = path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc');

let t: TestHub;
// Beside the app, so that Node resolves @tiaokuai/client from the workspace as the app's own code does.
const out = path.join(APP, 'dist');
beforeAll(async () => {
  t = await startTestHub();
  const demo = await loadDemoIfEmpty(t.url, t.hub.operatorToken);
  expect(demo.loaded).toBe(true);
});
afterAll(async () => {
  await t?.close();
  rmSync(out, { recursive: true, force: true });
});

it('the sample app compiles with tsc --noEmit', async () => {
  expect(await run(process.execPath, [TSC, '--noEmit', '-p', APP])).toEqual({ code: 0, stdout: '', stderr: '' });
});

it('the sample app runs the tour in Node through the SDK', async () => {
  expect(await run(process.execPath, [TSC, '-p', APP, '--outDir', out])).toMatchObject({ code: 0 });
  const result = await run(process.execPath, [path.join(out, 'tour.js')], {
    env: { ...process.env, HUB_URL: t.url, HUB_TOKEN: t.hub.operatorToken },
  });
  expect(result).toMatchObject({ code: 0, stderr: '' });
  const report = JSON.parse(result.stdout);
  // 1. Vertical party relations and business: the competent department leads, the locality guides.
  expect(report.whoLeads).toEqual({
    rule: 'GRASSROOTS_VERTICAL_VERTICAL',
    leaders: ['中国地震局党组'],
    guides: ['四川省直机关工委'],
  });
  // 2. The tax bureau's leader changed with the 2018 merger.
  expect(report.beforeAndAfter.before.rule).not.toEqual(report.beforeAndAfter.after.rule);
  expect(report.beforeAndAfter.historyEvents).toBeGreaterThan(0);
  // 3. From 2019-11-29 two leaders, UNIFIED and SPECIFIC.
  expect(report.organPartyCommittee.now).toEqual(
    expect.arrayContaining([expect.stringMatching(/\/UNIFIED\//), expect.stringMatching(/\/SPECIFIC\//)]),
  );
  // 4. The planted anomalies, labelled (today: the value names, until the schema describes its values).
  expect(report.anomalies.total).toBeGreaterThanOrEqual(8);
  expect(Object.values(report.anomalies.byCode).reduce((a: number, b) => a + (b as number), 0)).toBe(
    report.anomalies.total,
  );
  expect(report.anomalies.mine).toBeGreaterThan(0);
  expect(report.anomalies.in2018).toContain('MISSING_AFFILIATION@SC-XFZD:2018-10-09..2018-11-08');
  expect(report.shared).toContain('SC-DZJ');
  expect(report.units).toEqual(expect.arrayContaining(['SC-DZJ', 'SC-TJD', 'SC-XFZD']));
  // 7. Ending the outdated guidance link clears OUTDATED_LINK.
  expect(report.fix.before).toContain('OUTDATED_LINK');
  expect(report.fix.after).not.toContain('OUTDATED_LINK');
  // Bad input comes back as a TiaokuaiError naming the field.
  expect(report.refused).toEqual({
    code: 'BAD_USER_INPUT',
    field: 'input.to',
    message: expect.stringContaining('自身'),
  });
  // docs/tour.md: every kind of task finding, and a grade given by a body that does not lead.
  expect(Object.keys(report.taskConflicts).sort()).toEqual(
    ['CHERRY_PICKING', 'CONFLICT', 'DUPLICATE', 'MISSING', 'OVERREACH'].sort(),
  );
  expect(report.assessmentFindings.GRADED_BY_NON_LEADER).toBeGreaterThanOrEqual(1);
});
