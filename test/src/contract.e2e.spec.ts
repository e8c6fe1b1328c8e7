/**
 * The public contract (CONTRACT.md) through the running gateway, on the demo scenario that
 * `npm start` ships: every query, the import's promises, the CLI, and bad input.
 */
import { DEMO_FILE, IMPORT_MUTATION } from '@tiaokuai/tools';
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startTestHub, type TestHub } from './hub';
import { allNodes } from './pages';

const run = promisify(execFile);
const ROOT = path.resolve(__dirname, '..', '..');
const demo = () => JSON.parse(readFileSync(DEMO_FILE, 'utf8'));
const ALL_CODES = [
  'CYCLE',
  'DUPLICATE_LEADER',
  'MISSING_AFFILIATION',
  'MISSING_LEADER',
  'MULTIPLE_AFFILIATION',
  'OUTDATED_LINK',
  'RULE_MISMATCH',
  'UNDEFINED_RULE',
];

let t: TestHub;
beforeAll(async () => {
  t = await startTestHub();
  const r = await t.gql(IMPORT_MUTATION, { document: demo() });
  expect(r.errors).toBeUndefined();
  expect(r.data.importUnits.ok).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

const ANOMALIES = `query($s: String, $n: Int, $after: String) { leadershipAnomalies(scope: $s, first: $n, after: $after) {
  nodes { code unit { code name } message } pageInfo { hasNextPage endCursor } } }`;
const ANOMALIES_BACK = `query($n: Int, $before: String) { leadershipAnomalies(last: $n, before: $before) {
  nodes { code unit { code name } message } pageInfo { hasPreviousPage startCursor } } }`;

describe('the demo scenario through the gateway', () => {
  it('importing it again changes nothing (idempotent by code)', async () => {
    const doc = demo();
    const r = await t.gql(IMPORT_MUTATION, { document: doc });
    expect(r.data.importUnits).toMatchObject({
      ok: true,
      created: 0,
      updated: 0,
      unchanged: doc.units.length + doc.links.length,
    });
  });

  it('plants at least one case of every anomaly, found by leadershipAnomalies', async () => {
    const all = await allNodes(t, ANOMALIES, { n: 10 }, (d) => d.leadershipAnomalies);
    const codes = [...new Set(all.map((a: any) => a.code))].sort();
    expect(codes).toEqual(ALL_CODES);
    for (const a of all) expect(a.message.length).toBeGreaterThan(10);
  });

  it('leadershipAnomalies pages through the gateway: every page both ways is the whole list once; the summary agrees', async () => {
    const r = await t.gql(
      `query($n: Int) { leadershipAnomalies(first: $n) { totalCount summary { total byCode { code count } } nodes { code unit { code name } message } pageInfo { hasNextPage } } }`,
      { n: 500 },
    );
    expect(r.errors).toBeUndefined();
    const whole = r.data.leadershipAnomalies;
    expect(whole.pageInfo.hasNextPage).toBe(false);
    expect(whole.nodes.length).toBeGreaterThan(8); // several pages of 4 each way
    const forwards = await allNodes(t, ANOMALIES, { n: 4 }, (d) => d.leadershipAnomalies);
    const backwards = await allNodes(t, ANOMALIES_BACK, { n: 4 }, (d) => d.leadershipAnomalies, { backwards: true });
    expect(forwards).toEqual(whole.nodes);
    expect(backwards).toEqual(whole.nodes);
    expect(whole.totalCount).toBe(whole.nodes.length);
    expect(whole.summary.total).toBe(whole.nodes.length);
    const byCode = new Map<string, number>();
    for (const a of whole.nodes) byCode.set(a.code, (byCode.get(a.code) ?? 0) + 1);
    expect(whole.summary.byCode.map((x: any) => [x.code, x.count]).sort()).toEqual([...byCode].sort());
    const over = await t.gql(`{ leadershipAnomalies(first: 501) { totalCount } }`);
    expect(over.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    const unitsCursor = (await t.gql(`{ units(first: 1) { pageInfo { endCursor } } }`)).data.units.pageInfo.endCursor;
    const foreign = await t.gql(`query($c: String) { leadershipAnomalies(after: $c) { totalCount } }`, {
      c: unitsCursor,
    });
    expect(foreign.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('unit by code and by id answer the same partyBuilding, with rule, explanation and anomalies', async () => {
    const byCode = await t.gql(
      `{ unit(by: { code: "SC-DZJ" }) { id code name kind partyBuilding { rule explanation leaders { code } guides { code } anomalies { code } } } }`,
    );
    expect(byCode.errors).toBeUndefined();
    const u = byCode.data.unit;
    expect(u.kind).toBe('GRASSROOTS_UNIT');
    expect(u.partyBuilding.rule).toBe('GRASSROOTS_VERTICAL_VERTICAL');
    expect(u.partyBuilding.explanation).toContain(u.name);
    const byId = await t.gql(
      `query($id: ID) { unit(by: { id: $id }) { code partyBuilding { rule leaders { code } guides { code } } } }`,
      { id: u.id },
    );
    expect(byId.data.unit.partyBuilding).toEqual({
      rule: u.partyBuilding.rule,
      leaders: u.partyBuilding.leaders,
      guides: u.partyBuilding.guides,
    });
  });

  it('sharedUnits finds the units where a central line and the provincial work committee both have a role', async () => {
    const pb = await t.gql(`{ unit(by: { code: "SC-DZJ" }) { partyBuilding { leaders { code } guides { code } } } }`);
    const [a] = pb.data.unit.partyBuilding.leaders.map((x: any) => x.code);
    const [b] = pb.data.unit.partyBuilding.guides.map((x: any) => x.code);
    const shared = await allNodes(
      t,
      `query($a: String!, $b: String!, $after: String) { sharedUnits(a: $a, b: $b, first: 3, after: $after) { nodes { code } pageInfo { hasNextPage endCursor } } }`,
      { a, b },
      (d) => d.sharedUnits,
    );
    expect(shared.map((x: any) => x.code)).toContain('SC-DZJ');
  });

  it('units pages through everything with a cursor, without repeats', async () => {
    const seen = new Set<string>();
    let after: string | null = null;
    let total = 0;
    for (;;) {
      const r: any = await t.gql(
        `query($after: String) { units(first: 25, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }`,
        { after },
      );
      total = r.data.units.totalCount;
      for (const n of r.data.units.nodes) seen.add(n.code);
      if (!r.data.units.pageInfo.hasNextPage) break;
      after = r.data.units.pageInfo.endCursor;
    }
    expect(seen.size).toBe(total);
    expect(total).toBe(demo().units.length);
  });

  it('a scope only reports its own units', async () => {
    const all = await allNodes(t, ANOMALIES, { n: 500 }, (d) => d.leadershipAnomalies);
    const scoped = await allNodes(t, ANOMALIES, { n: 500, s: 'SC-YJT-DZ' }, (d) => d.leadershipAnomalies);
    expect(scoped.length).toBeLessThan(all.length);
    const inScope = (
      await t.gql(`{ units(first: 500, filter: { under: "SC-YJT-DZ" }) { nodes { code } } }`)
    ).data.units.nodes.map((n: any) => n.code);
    for (const a of scoped) expect(inScope).toContain(a.unit.code);
  });
});

describe('bad input through the gateway', () => {
  it('an invalid file is refused whole, every problem listed with its path', async () => {
    const doc = demo();
    doc.units[0].kind = 'MINISTRY';
    doc.links[0].validTo = '1900-01-01';
    const r = await t.gql(IMPORT_MUTATION, { document: doc });
    expect(r.data.importUnits.ok).toBe(false);
    expect(r.data.importUnits.problems.map((p: any) => p.path)).toEqual(
      expect.arrayContaining(['units[0].kind', 'links[0].validTo']),
    );
  });

  it('a mutation with bad input gets BAD_USER_INPUT naming the field', async () => {
    const r = await t.gql(
      `mutation { createLink(input: { from: "SC-DZJ", to: "SC-DZJ", kind: GUIDANCE, validFrom: "2020-01-01" }) { id } }`,
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.to' });
  });

  it('an unknown enum value or a bad date in variables gets BAD_USER_INPUT naming the variable', async () => {
    const kinds = await t.gql(`query($k: [UnitKind!]) { units(filter: { kinds: $k }) { totalCount } }`, {
      k: ['BRANCH', 'MINISTRY'],
    });
    expect(kinds.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'k[1]' });
    const date = await t.gql(`query($d: Date) { unit(by: { code: "SC-DZJ" }) { partyBuilding(asOf: $d) { rule } } }`, {
      d: '2023-02-30',
    });
    expect(date.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'd' });
    expect(date.errors?.[0].message).toContain('2023-02-30');
    // An enum literal written into the query text is a validation error, as the GraphQL spec says.
    const literal = await t.gql(`{ units(filter: { kinds: [MINISTRY] }) { totalCount } }`);
    expect(literal.errors?.[0].extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  it('an unknown code gets NOT_FOUND, a duplicate code CONFLICT', async () => {
    const nf = await t.gql(`{ sharedUnits(a: "NOPE", b: "SC-DZJ") { nodes { code } } }`);
    expect(nf.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'a' });
    const dup = await t.gql(
      `mutation { createUnit(input: { code: "SC-DZJ", name: "x", kind: BRANCH, level: COUNTY, region: "510100", validFrom: "2020-01-01" }) { id } }`,
    );
    expect(dup.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
  });
});

describe('npm run import and npm run export', () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'tk-e2e-'));
  const cli = (script: string, args: string[]) =>
    run(process.execPath, [path.join(ROOT, 'tools', 'dist', script), ...args], {
      env: { ...process.env, GATEWAY_URL: t.url, TOKEN: t.hub.operatorToken },
    }).then(
      (r) => ({ code: 0, out: r.stdout, err: r.stderr }),
      (e) => ({ code: e.code as number, out: e.stdout as string, err: e.stderr as string }),
    );

  it('import prints the report and exits 0 for a good file', async () => {
    const file = path.join(dir, 'good.json');
    writeFileSync(file, JSON.stringify(demo()));
    const r = await cli('import.js', [file]);
    expect(r.code).toBe(0);
    // The units report as before (the units are loaded already); the demo's tasks section went to importTasks.
    expect(JSON.parse(r.out)).toMatchObject({
      ok: true,
      created: 0,
      sections: { tasks: { ok: true, tasks: { created: demo().tasks.length } } },
    });
  });

  it('import exits non-zero and lists the problems for a refused file', async () => {
    const file = path.join(dir, 'bad.json');
    writeFileSync(file, JSON.stringify({ format: 'tiaokuai/v1', units: [{ code: 'X', kind: 'NOPE' }] }));
    const r = await cli('import.js', [file]);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).problems.map((p: any) => p.path)).toEqual(
      expect.arrayContaining(['units[0].kind', 'units[0].name']),
    );
  });

  it('a dry run of a file creating units does not refuse its tasks section for those units: it says it skipped it', async () => {
    const file = path.join(dir, 'new-units.json');
    writeFileSync(
      file,
      JSON.stringify({
        format: 'tiaokuai/v1',
        units: [
          {
            code: 'NEW-ZB',
            name: '新党支部',
            kind: 'BRANCH',
            level: 'PROVINCIAL',
            region: '510000',
            validFrom: '2020-01-01',
          },
        ],
        links: [{ from: 'SC-JGGW', to: 'NEW-ZB', kind: 'AFFILIATION', validFrom: '2020-01-01' }],
        tasks: [
          {
            issuer: 'SC-JGGW',
            key: 'NEW-1',
            title: '新支部建设',
            category: 'ORGANIZATIONAL',
            priority: 'ROUTINE',
            startsOn: '2026-03-01',
            dueOn: '2026-03-31',
            targets: ['NEW-ZB'],
          },
        ],
      }),
    );
    const r = await cli('import.js', [file, '--dry-run']);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.out);
    expect(report).toMatchObject({
      ok: true,
      dryRun: true,
      units: { created: 1 },
      sections: { tasks: { skipped: expect.stringContaining('dry run') } },
    });
    expect((await t.gql(`{ unit(by: { code: "NEW-ZB" }) { code } }`)).data.unit).toBeNull();
  });

  it('export writes the same document the API returns', async () => {
    const file = path.join(dir, 'out.json');
    const r = await cli('export.js', [file]);
    expect(r.code).toBe(0);
    const api = (await t.gql(`{ exportUnits exportTasks exportAssessments }`)).data;
    const { assessments, requiredItems, tasks, ...units } = JSON.parse(readFileSync(file, 'utf8'));
    expect(units).toEqual(api.exportUnits);
    expect({ requiredItems: requiredItems ?? [], tasks: tasks ?? [] }).toEqual(api.exportTasks);
    expect(api.exportTasks.tasks.length).toBeGreaterThan(0); // the demo's tasks travel too
    expect(assessments ?? { schemes: [], submissions: [] }).toEqual(api.exportAssessments);
    expect(api.exportUnits.units).toHaveLength(demo().units.length);
    // The demo hub's own export re-imports into it with nothing created or updated (docs/interchange.md "Round trip").
    const again = await cli('import.js', [file]);
    expect(again.code).toBe(0);
    const report = JSON.parse(again.out);
    expect(report).toMatchObject({ ok: true, created: 0, updated: 0 });
    for (const section of Object.values(report.sections ?? {}) as any[])
      expect(section).toMatchObject({ ok: true, created: 0, updated: 0 });
    expect(Object.keys(report.sections)).toEqual(['tasks', ...(assessments ? ['assessments'] : [])]);
  });
});
