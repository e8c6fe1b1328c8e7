/**
 * The README's guided tour must work as written: every ```graphql block runs against the demo
 * (blocks that need variables are skipped; the bad-input example must fail as it says), and
 * every row of the table of planted problems is reported as the table claims.
 */
import { DEMO_FILE, IMPORT_MUTATION } from '@tiaokuai/tools';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { startTestHub, type TestHub } from './hub';

const README = readFileSync(path.resolve(__dirname, '..', '..', 'README.md'), 'utf8');
const blocks = [...README.matchAll(/```graphql\n([\s\S]*?)```/g)].map((m) => m[1]);

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  const r = await t.gql(IMPORT_MUTATION, { document: JSON.parse(readFileSync(DEMO_FILE, 'utf8')) });
  expect(r.data.importUnits.ok).toBe(true);
});
afterAll(async () => { await t?.close(); });

it('the README has a guided tour', () => {
  expect(blocks.length).toBeGreaterThanOrEqual(8);
});

it('every row of the planted-problems table is reported as claimed', async () => {
  const all = (await t.gql(`{ leadershipAnomalies { code unit { code } } }`)).data.leadershipAnomalies;
  const found = new Set(all.map((a: any) => `${a.unit.code}:${a.code}`));
  const rows = README.split('\n').filter((l) => /^\| [A-Z]{2,}-[A-Z0-9-]* /.test(l)); // unit codes: "SC-SWJ …"
  expect(rows.length).toBeGreaterThanOrEqual(8);
  for (const row of rows) {
    const cells = row.split('|').map((c) => c.trim());
    const code = cells[1].split(/[ /]/)[0];
    const anomalies = cells[3].replace(/\(.*?\)/g, '').split(/,|\band\b/).map((s) => s.trim()).filter((s) => /^[A-Z_]+$/.test(s));
    expect(anomalies.length).toBeGreaterThan(0);
    for (const a of anomalies) expect(found).toContain(`${code}:${a}`);
  }
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
