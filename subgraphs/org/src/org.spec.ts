import { orgHarness, type OrgHarness } from './testing';
import { smallProvince } from './testing/fixtures';

let h: OrgHarness;
beforeAll(async () => {
  h = await orgHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.reset();
});

const IMPORT = `mutation($d: JSON!, $dry: Boolean) { importUnits(document: $d, dryRun: $dry) {
  ok dryRun created updated unchanged problems { path message } units { created updated unchanged } links { created updated unchanged } changedCodes } }`;
const PB = `query($code: String!, $asOf: Date) { unit(by: { code: $code }) { code partyBuilding(asOf: $asOf) {
  rule explanation leaders { code } guides { code } roles { role flavour basis unit { code } } declared { kind from { code } } anomalies { code message } } } }`;

async function load() {
  const r = await h.ok(IMPORT, { d: smallProvince() });
  expect(r.importUnits.ok).toBe(true);
}

describe('importUnits', () => {
  it('imports a file, then importing it again changes nothing', async () => {
    const first = (await h.ok(IMPORT, { d: smallProvince() })).importUnits;
    expect(first).toMatchObject({
      ok: true,
      created: 19,
      updated: 0,
      unchanged: 0,
      units: { created: 8 },
      links: { created: 11 },
    });
    const again = (await h.ok(IMPORT, { d: smallProvince() })).importUnits;
    expect(again).toMatchObject({ ok: true, created: 0, updated: 0, unchanged: 19, changedCodes: [] });
  });

  it('a dry run reports what it would do and writes nothing', async () => {
    const dry = (await h.ok(IMPORT, { d: smallProvince(), dry: true })).importUnits;
    expect(dry).toMatchObject({ ok: true, dryRun: true, created: 19 });
    expect((await h.ok(`{ units { totalCount } }`)).units.totalCount).toBe(0);
  });

  it('reports an update and a changed fact history by code', async () => {
    await load();
    const doc = smallProvince();
    doc.units[3].name = '江苏省省级机关工委';
    doc.units[7].versions[1].competentDepartment = undefined;
    doc.units[7].competentDepartment = undefined;
    const r = (await h.ok(IMPORT, { d: doc })).importUnits;
    expect(r).toMatchObject({ ok: true, updated: 2, changedCodes: ['JS-JGGW', 'SZ-SWJ'] });
    const pb = (await h.ok(PB, { code: 'SZ-SWJ', asOf: '2024-01-01' })).unit.partyBuilding;
    expect(pb.guides).toEqual([]);
  });

  it('refuses a file with bad entries, lists every problem with its path, and writes nothing', async () => {
    const doc = smallProvince();
    doc.units[1].kind = 'MINISTRY';
    doc.units[2].validTo = '1999-01-01';
    doc.units.push({ ...doc.units[0] });
    doc.units[7].versions[1].validFrom = '2018-06-01';
    doc.links[0].to = 'NOPE';
    doc.links[1].to = 'ZY';
    doc.links[2].flavour = 'UNIFIED';
    doc.links[3].validFrom = '2023-02-30';
    const r = (await h.ok(IMPORT, { d: doc })).importUnits;
    expect(r.ok).toBe(false);
    const paths = r.problems.map((p: any) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining([
        'units[1].kind',
        'units[2].validTo',
        'units[8].code',
        'units[7].versions',
        'links[0].to',
        'links[1].to',
        'links[2].flavour',
        'links[3].validFrom',
      ]),
    );
    expect(r.problems.find((p: any) => p.path === 'units[1].kind').message).toContain('MINISTRY');
    expect((await h.ok(`{ units { totalCount } }`)).units.totalCount).toBe(0);
  });

  it('export → import into an empty hub → export gives the same file', async () => {
    await load();
    const first = (await h.ok(`{ exportUnits }`)).exportUnits;
    expect(first.units).toHaveLength(8);
    expect(first.units.find((u: any) => u.code === 'SZ-SWJ').versions).toHaveLength(2);
    await h.reset();
    expect((await h.ok(IMPORT, { d: first })).importUnits.ok).toBe(true);
    const second = (await h.ok(`{ exportUnits }`)).exportUnits;
    expect(second).toEqual(first);
  });

  it('free text with tabs, newlines, quotes and backslashes survives the bulk read (export, anomaly scan)', async () => {
    const doc = smallProvince();
    // A name is one line (leadership's text.ts): quotes and backslashes; the note-like basis keeps tabs and newlines.
    doc.units[0].name = '中共中央 "引号" 第二行 \\ 反斜杠';
    doc.links[0].basis = '依据：\n第一条\t第二条 "《条例》" \\';
    expect((await h.ok(IMPORT, { d: doc })).importUnits.ok).toBe(true);
    const out = (await h.ok(`{ exportUnits }`)).exportUnits;
    expect(out.units.find((u: any) => u.code === doc.units[0].code).name).toBe(doc.units[0].name);
    expect(out.links.map((l: any) => l.basis)).toContain(doc.links[0].basis);
    expect(out.units).toHaveLength(doc.units.length);
    const shared = (await h.ok(`{ leadershipAnomalies(asOf: "2024-01-01") { nodes { code } } }`)).leadershipAnomalies
      .nodes;
    expect(shared).toEqual([]);
  });
});

describe('Unit.partyBuilding', () => {
  beforeEach(load);

  it('follows a change of facts: the day before and the day of', async () => {
    const before = (await h.ok(PB, { code: 'SZ-SWJ', asOf: '2018-06-14' })).unit.partyBuilding;
    expect(before).toMatchObject({
      rule: 'GRASSROOTS_TERRITORIAL_TERRITORIAL',
      leaders: [{ code: 'JS-JGGW' }],
      guides: [],
      anomalies: [],
    });
    const after = (await h.ok(PB, { code: 'SZ-SWJ', asOf: '2018-06-15' })).unit.partyBuilding;
    expect(after).toMatchObject({
      rule: 'GRASSROOTS_TERRITORIAL_VERTICAL',
      leaders: [{ code: 'JS-JGGW' }],
      guides: [{ code: 'SZ-DW' }],
      anomalies: [],
    });
    expect(after.explanation).toContain('国家税务总局苏州市税务局');
    expect(after.explanation).toContain('2018-06-15');
  });

  it("answers the organ party committee's dual leadership with flavours, and the declared links", async () => {
    const pb = (await h.ok(PB, { code: 'JS-YJT-JGDW', asOf: '2024-01-01' })).unit.partyBuilding;
    expect(pb.rule).toBe('ORGAN_PARTY_COMMITTEE_DUAL_2019');
    expect(pb.roles).toEqual([
      { role: 'LEADS', flavour: 'UNIFIED', basis: 'LOCALITY', unit: { code: 'JS-JGGW' } },
      { role: 'LEADS', flavour: 'SPECIFIC', basis: 'COMPETENT_DEPARTMENT', unit: { code: 'JS-YJT-DZ' } },
    ]);
    expect(pb.declared.map((l: any) => `${l.kind}:${l.from.code}`).sort()).toEqual([
      'AFFILIATION:JS-JGGW',
      'LEADERSHIP:JS-JGGW',
      'LEADERSHIP:JS-YJT-DZ',
    ]);
    expect(pb.anomalies).toEqual([]);
    const old = (await h.ok(PB, { code: 'JS-YJT-JGDW', asOf: '2019-11-28' })).unit.partyBuilding;
    expect(old).toMatchObject({ rule: 'ORGAN_PARTY_COMMITTEE_2010', guides: [{ code: 'JS-YJT-DZ' }], anomalies: [] });
  });

  it("changing a unit's facts through the API changes the answer from that day on", async () => {
    await h.ok(
      `mutation { changeUnitFacts(input: { unit: "SZ-SWJ", validFrom: "2025-01-01", partyRelationMode: VERTICAL, businessMode: VERTICAL, competentDepartment: "SZ-DW", locality: "JS-JGGW" }) { code } }`,
    );
    expect((await h.ok(PB, { code: 'SZ-SWJ', asOf: '2024-12-31' })).unit.partyBuilding.leaders).toEqual([
      { code: 'JS-JGGW' },
    ]);
    const pb = (await h.ok(PB, { code: 'SZ-SWJ', asOf: '2025-01-01' })).unit.partyBuilding;
    expect(pb.leaders).toEqual([{ code: 'SZ-DW' }]);
    // Its party relation now sits with the locality, against the rule's vertical line: still one affiliation, no leader
    // duplicate.
    expect(pb.anomalies).toEqual([]);
    const versions = (await h.ok(`{ unit(by: { code: "SZ-SWJ" }) { factVersions { validFrom validTo } } }`)).unit
      .factVersions;
    expect(versions).toEqual([
      { validFrom: '2000-01-01', validTo: '2018-06-14' },
      { validFrom: '2018-06-15', validTo: '2024-12-31' },
      { validFrom: '2025-01-01', validTo: null },
    ]);
  });

  it("resolving N units' leaders costs a number of SQL statements that does not grow with N", async () => {
    const codes = ['ZY', 'SZ-DW', 'JS-SW', 'JS-JGGW', 'JS-YJT-DZ', 'JS-YJT-JGDW', 'JS-YJT-ZB1', 'SZ-SWJ'];
    const q = (n: number) =>
      `{ ${codes
        .slice(0, n)
        .map(
          (c, i) =>
            `u${i}: unit(by: { code: "${c}" }) { partyBuilding(asOf: "2024-01-01") { leaders { code name } guides { code } anomalies { code } } }`,
        )
        .join(' ')} }`;
    const count = async (n: number) => {
      h.database.statements.reset();
      await h.ok(q(n));
      return h.database.statements.count;
    };
    const two = await count(2);
    const eight = await count(8);
    expect(two).toBeGreaterThan(0);
    expect(eight).toBe(two);
  });
});

describe('queries', () => {
  beforeEach(load);

  it('leadershipAnomalies is set-based: its SQL statement count does not grow with the organisation', async () => {
    const scan = async () => {
      h.database.statements.reset();
      await h.ok(
        `{ leadershipAnomalies(scope: "JS-JGGW", asOf: "2024-01-01") { nodes { code unit { code name } related { code } } } }`,
      );
      return h.database.statements.count;
    };
    const small = await scan();
    // Ten more departments, each with an organ party committee and two branches.
    const units = [];
    const links = [];
    for (let i = 0; i < 10; i++) {
      units.push({
        code: `D${i}`,
        name: `厅${i}党组`,
        kind: 'DEPARTMENT_PARTY_GROUP',
        level: 'PROVINCIAL',
        region: '320000',
        validFrom: '2000-01-01',
        validTo: null,
        locality: 'JS-JGGW',
      });
      units.push({
        code: `D${i}-J`,
        name: `厅${i}机关党委`,
        kind: 'ORGAN_PARTY_COMMITTEE',
        level: 'PROVINCIAL',
        region: '320000',
        validFrom: '2000-01-01',
        validTo: null,
        locality: 'JS-JGGW',
        competentDepartment: `D${i}`,
      });
      links.push({ from: 'JS-SW', to: `D${i}`, kind: 'AFFILIATION', validFrom: '2000-01-01', validTo: null });
      links.push({ from: 'JS-JGGW', to: `D${i}-J`, kind: 'AFFILIATION', validFrom: '2000-01-01', validTo: null });
      for (let b = 0; b < 2; b++) {
        units.push({
          code: `D${i}-B${b}`,
          name: `支部${b}`,
          kind: 'BRANCH',
          level: 'PROVINCIAL',
          region: '320000',
          validFrom: '2000-01-01',
          validTo: null,
        });
        links.push({ from: `D${i}-J`, to: `D${i}-B${b}`, kind: 'AFFILIATION', validFrom: '2000-01-01', validTo: null });
      }
    }
    expect((await h.ok(IMPORT, { d: { format: 'tiaokuai/v1', units, links } })).importUnits.ok).toBe(true);
    const large = await scan();
    expect(small).toBeGreaterThan(0);
    expect(small).toBeLessThanOrEqual(5);
    expect(large).toBe(small);
  });

  it('units: filters by kind, level, region, scope, and pages with a cursor', async () => {
    const q = `query($f: UnitFilterInput, $first: Int, $after: String) { units(filter: $f, first: $first, after: $after) { totalCount nodes { code } pageInfo { hasNextPage endCursor } } }`;
    expect((await h.ok(q, { f: { kinds: ['GRASSROOTS_UNIT'] } })).units.nodes).toEqual([{ code: 'SZ-SWJ' }]);
    expect((await h.ok(q, { f: { levels: ['CENTRAL'] } })).units.totalCount).toBe(2);
    expect((await h.ok(q, { f: { region: '320500' } })).units.nodes).toEqual([{ code: 'SZ-SWJ' }]);
    expect((await h.ok(q, { f: { region: '320000' } })).units.totalCount).toBe(6);
    const under = (await h.ok(q, { f: { under: 'JS-JGGW', existingOn: '2024-01-01' } })).units.nodes
      .map((u: any) => u.code)
      .sort();
    expect(under).toEqual(['JS-JGGW', 'JS-YJT-DZ', 'JS-YJT-JGDW', 'JS-YJT-ZB1', 'SZ-SWJ']);
    const p1 = (await h.ok(q, { first: 3 })).units;
    expect(p1.nodes).toHaveLength(3);
    expect(p1.pageInfo.hasNextPage).toBe(true);
    const p3 = (await h.ok(q, { first: 5, after: p1.pageInfo.endCursor })).units;
    expect(p3.nodes).toHaveLength(5);
    expect(p3.pageInfo.hasNextPage).toBe(false);
    expect(new Set([...p1.nodes, ...p3.nodes].map((n: any) => n.code)).size).toBe(8);
    const back = `query($last: Int, $before: String) { units(last: $last, before: $before) { nodes { code } pageInfo { hasPreviousPage startCursor } } }`;
    const b1 = (await h.ok(back, { last: 5 })).units;
    expect(b1.nodes).toEqual(p3.nodes);
    expect(b1.pageInfo.hasPreviousPage).toBe(true);
    const b2 = (await h.ok(back, { last: 5, before: b1.pageInfo.startCursor })).units;
    expect(b2.nodes).toEqual(p1.nodes);
    expect(b2.pageInfo.hasPreviousPage).toBe(false);
  });

  it('sharedUnits: the units where both bodies have a role', async () => {
    const r = await h.ok(`{ sharedUnits(a: "JS-JGGW", b: "SZ-DW", asOf: "2024-01-01") { nodes { code } } }`);
    expect(r.sharedUnits.nodes).toEqual([{ code: 'SZ-SWJ' }]);
    const before = await h.ok(`{ sharedUnits(a: "JS-JGGW", b: "SZ-DW", asOf: "2018-01-01") { nodes { code } } }`);
    expect(before.sharedUnits.nodes).toEqual([]);
  });

  it('leadershipAnomalies: a clean province has none; a planted one is found within its scope only', async () => {
    expect(
      (await h.ok(`{ leadershipAnomalies(asOf: "2024-01-01") { nodes { code } } }`)).leadershipAnomalies.nodes,
    ).toEqual([]);
    await h.ok(
      `mutation { createLink(input: { from: "SZ-DW", to: "SZ-SWJ", kind: LEADERSHIP, validFrom: "2020-01-01" }) { id } }`,
    );
    const all = (await h.ok(`{ leadershipAnomalies(asOf: "2024-01-01") { nodes { code unit { code } message } } }`))
      .leadershipAnomalies.nodes;
    expect(all.map((a: any) => `${a.code}:${a.unit.code}`)).toEqual([
      'DUPLICATE_LEADER:SZ-SWJ',
      'RULE_MISMATCH:SZ-SWJ',
    ]);
    const scoped = (await h.ok(`{ leadershipAnomalies(scope: "JS-YJT-DZ", asOf: "2024-01-01") { nodes { code } } }`))
      .leadershipAnomalies.nodes;
    expect(scoped).toEqual([]);
    const scopedGw = (await h.ok(`{ leadershipAnomalies(scope: "JS-JGGW", asOf: "2024-01-01") { nodes { code } } }`))
      .leadershipAnomalies.nodes;
    expect(scopedGw).toHaveLength(2);
  });

  it('history: what changed, when', async () => {
    const r = await h.ok(`{ unit(by: { code: "SZ-SWJ" }) { history { nodes { date kind changed } } } }`);
    const facts = r.unit.history.nodes.filter((e: any) => e.kind === 'FACTS_CHANGED');
    expect(facts).toEqual([
      {
        date: '2000-01-01',
        kind: 'FACTS_CHANGED',
        changed: ['partyRelationMode', 'businessMode', 'competentDepartment', 'locality'],
      },
      { date: '2018-06-15', kind: 'FACTS_CHANGED', changed: ['businessMode', 'competentDepartment'] },
    ]);
    expect(r.unit.history.nodes[0]).toMatchObject({ date: '2000-01-01', kind: 'UNIT_STARTED' });
    expect(r.unit.history.nodes.some((e: any) => e.kind === 'LINK_STARTED' && e.date === '2018-06-15')).toBe(true);
  });
});

describe('bad input: a clear error naming the field, and nothing written', () => {
  beforeEach(load);
  const count = async () => {
    const r = await h.ok(`{ units { totalCount } ex: exportUnits }`);
    return `${r.units.totalCount}/${r.ex.links.length}`;
  };
  it.each([
    [
      'validTo before validFrom',
      `mutation { createUnit(input: { code: "X1", name: "X", kind: BRANCH, level: COUNTY, region: "320500", validFrom: "2020-01-01", validTo: "2019-01-01" }) { id } }`,
      'BAD_USER_INPUT',
      'input.validTo',
    ],
    [
      'a duplicate code',
      `mutation { createUnit(input: { code: "JS-SW", name: "X", kind: BRANCH, level: COUNTY, region: "320500", validFrom: "2020-01-01" }) { id } }`,
      'CONFLICT',
      'input.code',
    ],
    [
      'a bad region',
      `mutation { createUnit(input: { code: "X2", name: "X", kind: BRANCH, level: COUNTY, region: "32", validFrom: "2020-01-01" }) { id } }`,
      'BAD_USER_INPUT',
      'input.region',
    ],
    [
      'an unknown code in facts',
      `mutation { createUnit(input: { code: "X3", name: "X", kind: GRASSROOTS_UNIT, level: COUNTY, region: "320500", validFrom: "2020-01-01", facts: { locality: "NOPE" } }) { id } }`,
      'NOT_FOUND',
      'input.facts.locality',
    ],
    [
      'a link to itself',
      `mutation { createLink(input: { from: "JS-SW", to: "JS-SW", kind: GUIDANCE, validFrom: "2020-01-01" }) { id } }`,
      'BAD_USER_INPUT',
      'input.to',
    ],
    [
      'a link from an unknown code',
      `mutation { createLink(input: { from: "NOPE", to: "JS-SW", kind: GUIDANCE, validFrom: "2020-01-01" }) { id } }`,
      'NOT_FOUND',
      'input.from',
    ],
    [
      'a flavour on guidance',
      `mutation { createLink(input: { from: "JS-JGGW", to: "SZ-SWJ", kind: GUIDANCE, flavour: UNIFIED, validFrom: "2020-01-01" }) { id } }`,
      'BAD_USER_INPUT',
      'input.flavour',
    ],
    [
      'an overlapping link',
      `mutation { createLink(input: { from: "JS-JGGW", to: "SZ-SWJ", kind: AFFILIATION, validFrom: "2020-01-01" }) { id } }`,
      'CONFLICT',
      'input.validFrom',
    ],
    [
      'a fact version on an existing start day',
      `mutation { changeUnitFacts(input: { unit: "SZ-SWJ", validFrom: "2018-06-15", partyRelationMode: VERTICAL }) { id } }`,
      'CONFLICT',
      'input.validFrom',
    ],
    ['an unknown unit to end', `mutation { endUnit(code: "NOPE", on: "2020-01-01") { id } }`, 'NOT_FOUND', 'code'],
  ])('%s', async (_name, mutation, code, field) => {
    const before = await count();
    const r = await h.run(mutation);
    expect(r.errors?.[0].extensions).toMatchObject({ code, field });
    expect(await count()).toBe(before);
  });

  // Names are one line, notes keep LF and TAB only (leadership's text.ts); sent in variables, as a client would.
  it.each([
    [
      "ESC in a new unit's name",
      `mutation($t: String!) { createUnit(input: { code: "X5", name: $t, kind: BRANCH, level: COUNTY, region: "320500", validFrom: "2020-01-01" }) { id } }`,
      '党支部\u001b[2J',
      'input.name',
      'U+001B',
    ],
    [
      'BEL in a renamed unit',
      `mutation($t: String!) { updateUnit(input: { code: "JS-SW", name: $t }) { id } }`,
      '省委\u0007',
      'input.name',
      'U+0007',
    ],
    [
      'CR/LF in a name',
      `mutation($t: String!) { updateUnit(input: { code: "JS-SW", name: $t }) { id } }`,
      '省委\r\n伪造的第二行',
      'input.name',
      'U+000D',
    ],
    [
      'a C1 control in a name',
      `mutation($t: String!) { updateUnit(input: { code: "JS-SW", name: $t }) { id } }`,
      '省委\u009b',
      'input.name',
      'U+009B',
    ],
    [
      "ESC in a link's basis",
      `mutation($t: String!) { createLink(input: { from: "JS-JGGW", to: "SZ-SWJ", kind: GUIDANCE, validFrom: "2020-01-01", basis: $t }) { id } }`,
      '依据\u001b]0;x\u0007',
      'input.basis',
      'U+001B',
    ],
  ])('%s is BAD_USER_INPUT naming the field', async (_n, mutation, text, field, char) => {
    const before = await count();
    const r = await h.run(mutation, { t: text });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect(r.errors?.[0].message).toContain(char);
    expect(await count()).toBe(before);
  });

  it("a link's basis keeps its line breaks and tabs", async () => {
    const basis = '依据：\n第一条\t第二条';
    const r = await h.ok(
      `mutation($t: String!) { createLink(input: { from: "JS-JGGW", to: "SZ-SWJ", kind: GUIDANCE, validFrom: "2020-01-01", basis: $t }) { basis } }`,
      { t: basis },
    );
    expect(r.createLink.basis).toBe(basis);
  });

  it('an import names the JSON path of every name with a control character, and writes nothing', async () => {
    const before = await count();
    const doc = smallProvince();
    doc.units[1].name = 'a\u001bb';
    doc.units[2].name = 'a\nb';
    const r = (await h.ok(IMPORT, { d: doc })).importUnits;
    expect(r.ok).toBe(false);
    expect(r.problems).toEqual(
      expect.arrayContaining([
        { path: 'units[1].name', message: expect.stringContaining('U+001B ESC') },
        { path: 'units[2].name', message: expect.stringContaining('U+000A') },
      ]),
    );
    expect(await count()).toBe(before);
  });

  it('an unknown enum value in variables is BAD_USER_INPUT', async () => {
    const r = await h.run(
      `mutation($k: UnitKind!) { createUnit(input: { code: "X9", name: "X", kind: $k, level: COUNTY, region: "320500", validFrom: "2020-01-01" }) { id } }`,
      { k: 'MINISTRY' },
    );
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'k' });
  });

  it('an invalid date is BAD_USER_INPUT', async () => {
    const r = await h.run(`query($d: Date) { unit(by: { code: "JS-SW" }) { partyBuilding(asOf: $d) { rule } } }`, {
      d: '2023-02-30',
    });
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'd' });
  });

  it('ending a unit ends its open facts and links with it', async () => {
    await h.ok(`mutation { endUnit(code: "SZ-SWJ", on: "2025-12-31") { validTo } }`);
    const r = await h.ok(
      `{ unit(by: { code: "SZ-SWJ" }) { validTo factVersions { validTo } links { totalCount nodes { validTo } } } }`,
    );
    expect(r.unit.validTo).toBe('2025-12-31');
    expect(r.unit.factVersions.at(-1).validTo).toBe('2025-12-31');
    expect(r.unit.links.nodes).toHaveLength(r.unit.links.totalCount);
    expect(r.unit.links.nodes.every((l: any) => l.validTo === '2025-12-31')).toBe(true);
  });
});
