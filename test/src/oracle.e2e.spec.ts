/**
 * What callers may learn, through the gateway (ARCHITECTURE.md, "What callers may learn"):
 * - a unit that a visible record names is shown by id, code, name and kind, wherever it lies, so
 *   no field that names a unit (all non-null) comes back null; its own records stay refused;
 * - a VIEWER lists the schemes that assess its jurisdiction and those its body issued, no others;
 * - a write naming a unit out of reach answers as one naming a code that does not exist;
 * - control characters in names are refused naming the field.
 * Real processes over HTTP, with the demo loaded.
 */
import { loadDemoIfEmpty } from '@tiaokuai/tools';
import { startTestHub, type TestHub } from './hub';

let t: TestHub;
let viewerDzj: string; // 四川省地震局: led by 中国地震局党组 (DZJ-DZ), guided by 四川省直机关工委 (SC-JGGW), both outside its jurisdiction
let viewerZb1: string; // a branch of the emergency department, led through SC-JGGW
beforeAll(async () => {
  t = await startTestHub();
  await loadDemoIfEmpty(t.url, t.hub.operatorToken);
  viewerDzj = await t.hub.token({ body: 'SC-DZJ', role: 'VIEWER' });
  viewerZb1 = await t.hub.token({ body: 'SC-YJT-ZB1', role: 'VIEWER' });
});
afterAll(async () => {
  await t?.close();
});

const U = 'fragment U on Unit { __typename id code name kind }';

/** Every object of the answer that is a Unit (asked with __typename), wherever it sits. */
function unitsIn(x: unknown, out: Array<Record<string, unknown>> = []): Array<Record<string, unknown>> {
  if (Array.isArray(x)) for (const v of x) unitsIn(v, out);
  else if (x && typeof x === 'object') {
    const o = x as Record<string, unknown>;
    if (o.__typename === 'Unit') out.push(o);
    for (const v of Object.values(o)) unitsIn(v, out);
  }
  return out;
}

/** Each query asks, from SC-DZJ's own records, every field that names another unit. */
const QUERIES: Array<[string, string]> = [
  [
    'org: leaders, guides, roles, declared links, anomalies, facts, links',
    `{ unit(by: { code: "SC-DZJ" }) {
    partyBuilding { leaders { ...U } guides { ...U } roles { unit { ...U } } declared { from { ...U } to { ...U } } anomalies { unit { ...U } related { ...U } } }
    facts { locality { ...U } competentDepartment { ...U } }
    links { nodes { from { ...U } to { ...U } } } } } ${U}`,
  ],
  [
    "tasks: assignments, their tasks' issuers, findings",
    `{ unit(by: { code: "SC-DZJ" }) {
    assignments(from: "2026-01-01", to: "2026-12-31") { nodes { unit { ...U } task { issuer { ...U } } } }
    taskConflicts(from: "2026-01-01", to: "2026-12-31") { nodes { unit { ...U } issuers { ...U } tasks { issuer { ...U } } } } } } ${U}`,
  ],
  [
    'tasks: the work report and the calendar',
    `{ unit(by: { code: "SC-DZJ" }) {
    workReport(year: 2026) { unit { ...U } results { unit { ...U } task { issuer { ...U } } } }
    calendar(year: 2026) { issuer { ...U } task { issuer { ...U } } } } } ${U}`,
  ],
  [
    "assessments: results, gradings, opinions, schemes' issuers",
    `{ unit(by: { code: "SC-DZJ" }) {
    assessments(year: 2026) { unit { ...U } scheme { issuer { ...U } } grading { unit { ...U } assessor { ...U } } opinions { unit { ...U } assessor { ...U } } } } } ${U}`,
  ],
  [
    'assessments: inspections and findings',
    `{ unit(by: { code: "SC-DZJ" }) {
    inspections(year: 2026) { inspector { ...U } unit { ...U } joint { unit { ...U } lead { ...U } bodies { ...U } } }
    assessmentFindings(year: 2026) { nodes { unit { ...U } bodies { ...U } proposal { lead { ...U } indicators { bodies { ...U } } } } } } } ${U}`,
  ],
  ['assessments: the schemes it may list', `{ schemes(year: 2026) { nodes { issuer { ...U } } } } ${U}`],
];

describe('a field that names a unit never comes back null', () => {
  it.each(QUERIES)(
    '%s: a VIEWER gets no error, and every unit named shows its code, name and kind',
    async (_n, query) => {
      const r = await t.gql(query, undefined, viewerDzj);
      expect(r.errors).toBeUndefined();
      const named = unitsIn(r.data);
      expect(named.length).toBeGreaterThan(0);
      for (const u of named)
        expect([typeof u.id, typeof u.code, typeof u.name, typeof u.kind]).toEqual([
          'string',
          'string',
          'string',
          'string',
        ]);
    },
  );

  it("the units SC-DZJ's records name outside its jurisdiction are among them, named as the operator sees them", async () => {
    const all = [];
    for (const [, q] of QUERIES) all.push(...unitsIn((await t.gql(q, undefined, viewerDzj)).data));
    const codes = new Set(all.map((u) => u.code));
    for (const outside of ['DZJ-DZ', 'SC-JGGW']) {
      expect(codes).toContain(outside);
      // … and they are outside: read directly, they are absent.
      expect(
        (await t.gql(`{ unit(by: { code: "${outside}" }) { code } }`, undefined, viewerDzj)).data?.unit,
      ).toBeNull();
      const seen = all.find((u) => u.code === outside)!;
      const truth = (await t.gql(`{ unit(by: { code: "${outside}" }) { id code name kind } }`)).data?.unit;
      expect({ id: seen.id, code: seen.code, name: seen.name, kind: seen.kind }).toEqual(truth);
    }
  });

  it('the records of a unit named from outside the jurisdiction stay refused', async () => {
    const r = await t.gql(
      `{ unit(by: { code: "SC-DZJ" }) { assignments(from: "2026-01-01", to: "2026-12-31") { nodes { task { issuer { code links { nodes { id } } } } } } } }`,
      undefined,
      viewerDzj,
    );
    expect(r.errors?.map((e) => e.extensions?.code)).toContain('FORBIDDEN');
    expect(r.errors?.find((e) => e.extensions?.code === 'FORBIDDEN')?.extensions?.field).toBe('links');
  });
});

describe("schemes: a VIEWER sees those that assess its jurisdiction, and its own body's", () => {
  const issuers = async (token: string) =>
    (
      (
        await t.gql(
          `{ schemes(year: 2026, first: 500) { nodes { issuer { code } indicators { code } } } }`,
          undefined,
          token,
        )
      ).data?.schemes.nodes ?? []
    )
      .map((s: any) => s.issuer.code)
      .sort();

  it("the earthquake bureau sees its leader's and its guide's schemes; a branch of the emergency department its leader's only", async () => {
    expect(await issuers(viewerDzj)).toEqual(['DZJ-DZ', 'SC-JGGW']);
    expect(await issuers(viewerZb1)).toEqual(['SC-JGGW']);
    // The operator sees the three of the demo, 成都's included.
    expect(await issuers(t.hub.operatorToken)).toEqual(['CD-YJJ-JGDW', 'DZJ-DZ', 'SC-JGGW']);
  });

  it('a body sees the schemes it issued, and by id the others read as absent', async () => {
    expect(await issuers(await t.hub.token({ body: 'DZJ-DZ', role: 'VIEWER' }))).toContain('DZJ-DZ');
    const all = (await t.gql(`{ schemes(year: 2026, first: 500) { nodes { id issuer { code } } } }`)).data!.schemes
      .nodes;
    const cd = all.find((s: any) => s.issuer.code === 'CD-YJJ-JGDW').id;
    const byId = async (id: string) => await t.gql(`query($id: ID!) { scheme(id: $id) { id } }`, { id }, viewerZb1);
    expect(await byId(cd)).toEqual(await byId('987654'));
    expect((await byId(cd)).data?.scheme).toBeNull();
  });
});

describe('a write naming a unit out of reach answers as one naming a code that does not exist', () => {
  const shape = (r: { errors?: Array<{ message: string; extensions?: Record<string, any> }> }, code: string) =>
    JSON.parse(
      JSON.stringify(r.errors ?? null)
        .split(code)
        .join('<code>'),
    );

  const SCHEME = (issuer: string) => ({
    issuer,
    key: 'E2E-KH',
    year: 2026,
    name: '方案',
    indicators: [{ code: 'A', name: '实绩', part: 'RESULTS', weight: 100, maxScore: 100 }],
    gradeBands: [
      { grade: '好', min: 60, max: 100 },
      { grade: '差', min: 0, max: 60 },
    ],
    combination: { method: 'WEIGHTED_SUM', partyWeight: 50, businessWeight: 50 },
  });
  it.each([
    [
      'createUnit facts',
      `mutation($c: String!) { createUnit(input: { code: "SC-NEW-1", name: "新支部", kind: BRANCH, level: PROVINCIAL, region: "510000", validFrom: "2026-01-01", facts: { locality: $c } }) { code } }`,
      (c: string) => ({ c }),
      'input.facts.locality',
    ],
    [
      'issueTask targets',
      `mutation($c: String!) { issueTask(input: { issuer: "SC-JGGW", title: "学习", category: IDEOLOGICAL, priority: KEY, startsOn: "2026-03-01", dueOn: "2026-06-30", targets: ["SC-DZJ", $c] }) { id } }`,
      (c: string) => ({ c }),
      'input.targets',
    ],
    [
      'defineScheme issuer',
      `mutation($i: SchemeInput!) { defineScheme(input: $i) { id } }`,
      (c: string) => ({ i: SCHEME(c) }),
      'input.issuer',
    ],
  ] as const)('%s', async (_n, mutation, vars, field) => {
    const token = await t.hub.token({ body: 'SC-JGGW', role: 'EDITOR' });
    const hidden = await t.gql(mutation, vars('HGZS-DW'), token); // 海关总署党委: exists, outside SC-JGGW's reach
    const unknown = await t.gql(mutation, vars('NOPE-7'), token);
    expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field });
    expect(shape(hidden, 'HGZS-DW')).toEqual(shape(unknown, 'NOPE-7'));
  });
});

describe('control characters in names are refused naming the field', () => {
  it.each([
    ['ESC', '党支部\u001b[2J'],
    ['BEL', '党支部\u0007'],
    ['CR/LF', '党支部\r\n第二行'],
  ])("%s in a unit's name: BAD_USER_INPUT on input.name", async (_n, name) => {
    const r = await t.gql(`mutation($n: String!) { updateUnit(input: { code: "SC-DZJ", name: $n }) { name } }`, {
      n: name,
    });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect((await t.gql(`{ unit(by: { code: "SC-DZJ" }) { name } }`)).data?.unit.name).toBe('四川省地震局');
  });
});
