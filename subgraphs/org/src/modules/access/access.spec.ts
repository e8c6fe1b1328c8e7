/**
 * Role × operation × inside/outside the jurisdiction, on the small province of src/testing/fixtures.ts.
 * 江苏省应急管理厅党组 (JS-YJT-DZ) leads its organ party committee (JS-YJT-JGDW, 2019 regulation)
 * and through it that committee's branch (JS-YJT-ZB1); 苏州市税务局 (SZ-SWJ) is outside.
 */
import { HUB_OPERATOR, type Identity, type Role } from '@tiaokuai/platform';
import { smallProvince } from '../../testing/fixtures';
import { orgHarness, type OrgHarness } from '../../testing';
import { JurisdictionCache } from './jurisdiction.cache';

let h: OrgHarness;
beforeAll(async () => {
  h = await orgHarness();
}, 60_000);
afterAll(async () => {
  await h?.close();
});
beforeEach(async () => {
  await h.resetTo(smallProvince());
});

const as = (role: Role, body = 'JS-YJT-DZ'): Identity => ({ subject: `t-${role}`, body, role, hubAdmin: false });
const snapshot = async () => (await h.run(`{ exportUnits }`)).data?.exportUnits;

describe('reads: outside the jurisdiction reads as absent', () => {
  it('a unit inside is visible, one outside answers exactly like one that does not exist', async () => {
    const v = as('VIEWER');
    expect((await h.run(`{ unit(by: { code: "JS-YJT-ZB1" }) { code } }`, {}, v)).data?.unit).toEqual({
      code: 'JS-YJT-ZB1',
    });
    const outside = await h.run(`{ unit(by: { code: "SZ-SWJ" }) { code } }`, {}, v);
    const unknown = await h.run(`{ unit(by: { code: "NOPE" }) { code } }`, {}, v);
    expect(outside).toEqual({ data: { unit: null } });
    expect(unknown).toEqual(outside);
    const scopeOut = await h.run(`{ leadershipAnomalies(scope: "SZ-SWJ") { nodes { code } } }`, {}, v);
    const scopeNone = await h.run(`{ leadershipAnomalies(scope: "NOPE") { nodes { code } } }`, {}, v);
    expect(scopeOut.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'scope' });
    expect(scopeOut.errors?.[0].message.replace('SZ-SWJ', 'X')).toBe(
      scopeNone.errors?.[0].message.replace('NOPE', 'X'),
    );
  });

  it('lists and exports hold only the jurisdiction; the operator sees everything', async () => {
    const v = as('VIEWER');
    const codes = (await h.run(`{ units(first: 100) { totalCount nodes { code } } }`, {}, v)).data?.units;
    expect(codes.nodes.map((n: any) => n.code).sort()).toEqual(['JS-YJT-DZ', 'JS-YJT-JGDW', 'JS-YJT-ZB1']);
    expect(codes.totalCount).toBe(3);
    const exported = (await h.run(`{ exportUnits }`, {}, v)).data?.exportUnits;
    expect(exported.units.map((u: any) => u.code).sort()).toEqual(['JS-YJT-DZ', 'JS-YJT-JGDW', 'JS-YJT-ZB1']);
    const all = (await h.run(`{ units(first: 100) { totalCount } }`)).data?.units.totalCount;
    expect(all).toBe(8);
  });

  it("an entity fetch (a unit another subgraph's visible record names) shows the unit's identity, never its records", async () => {
    const v = as('VIEWER');
    const ids = (await h.run(`{ a: unit(by: { code: "SZ-SWJ" }) { id } b: unit(by: { code: "JS-YJT-ZB1" }) { id } }`))
      .data!;
    const ent = await h.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { id code name kind level } } }`,
      {
        r: [
          { __typename: 'Unit', id: ids.a.id },
          { __typename: 'Unit', id: ids.b.id },
          { __typename: 'Unit', id: '999999' },
        ],
      },
      v,
    );
    expect(ent.errors).toBeUndefined();
    expect(ent.data?._entities).toEqual([
      { id: ids.a.id, code: 'SZ-SWJ', name: expect.any(String), kind: 'GRASSROOTS_UNIT', level: expect.any(String) },
      { id: ids.b.id, code: 'JS-YJT-ZB1', name: expect.any(String), kind: 'BRANCH', level: expect.any(String) },
      null, // no such unit: nothing to show
    ]);
    for (const field of [
      'links { nodes { id } }',
      'history { nodes { date } }',
      'facts { partyRelationMode }',
      'partyBuilding { rule }',
    ]) {
      const r = await h.run(
        `query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { code ${field} } } }`,
        { r: [{ __typename: 'Unit', id: ids.a.id }] },
        v,
      );
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: field.split(' ')[0] });
    }
    // … while the same records of a unit inside are served.
    const inside = await h.run(
      `query($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { code links { nodes { id } } } } }`,
      { r: [{ __typename: 'Unit', id: ids.b.id }] },
      v,
    );
    expect(inside.errors).toBeUndefined();
  });

  it('a leader outside the jurisdiction is named, but its own records are refused', async () => {
    const named = await h.run(
      `{ unit(by: { code: "JS-YJT-JGDW" }) { partyBuilding(asOf: "2024-01-01") { leaders { code name } } } }`,
      {},
      as('VIEWER'),
    );
    expect(named.data?.unit.partyBuilding.leaders.map((l: any) => l.code).sort()).toEqual(['JS-JGGW', 'JS-YJT-DZ']);
    // Asking for the outside leader's own records is refused (non-null fields then null the answer up to `unit`).
    const r = await h.run(
      `{ unit(by: { code: "JS-YJT-JGDW" }) { partyBuilding(asOf: "2024-01-01") { leaders { code links { nodes { id } } } } } }`,
      {},
      as('VIEWER'),
    );
    expect(r.data?.unit).toBeNull();
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'links' });
    expect(r.errors?.[0].message).toMatch(/^JS-JGGW /);
    const own = (
      await h.run(
        `{ unit(by: { code: "JS-YJT-JGDW" }) { partyBuilding(asOf: "2024-01-01") { leaders { code } } links { nodes { id } } history { nodes { date } } } }`,
        {},
        as('VIEWER'),
      )
    ).errors;
    expect(own).toBeUndefined();
  });

  it('a body with no units (or an unknown body) sees nothing', async () => {
    const r = await h.run(
      `{ units { totalCount } leadershipAnomalies { totalCount nodes { code } summary { total byCode { code count } } } }`,
      {},
      as('ADMIN', 'NO-SUCH-BODY'),
    );
    expect(r.data).toEqual({
      units: { totalCount: 0 },
      leadershipAnomalies: { totalCount: 0, nodes: [], summary: { total: 0, byCode: [] } },
    });
  });
});

describe('writes: role × inside/outside', () => {
  const rename = (code: string) => `mutation { updateUnit(input: { code: "${code}", name: "改名" }) { name } }`;
  const link = (from: string, to: string) =>
    `mutation { createLink(input: { from: "${from}", to: "${to}", kind: GUIDANCE, validFrom: "2024-01-01" }) { id } }`;

  it.each([
    ['VIEWER', rename('JS-YJT-ZB1'), 'FORBIDDEN'],
    ['EDITOR', rename('JS-YJT-ZB1'), null],
    ['EDITOR', rename('SZ-SWJ'), 'FORBIDDEN'],
    ['EDITOR', rename('NOPE'), 'FORBIDDEN'],
    ['EDITOR', link('JS-YJT-DZ', 'JS-YJT-ZB1'), 'FORBIDDEN'],
    ['ADMIN', link('JS-YJT-DZ', 'JS-YJT-ZB1'), null],
    ['ADMIN', link('JS-YJT-DZ', 'SZ-SWJ'), 'FORBIDDEN'],
    ['ADMIN', `mutation { endUnit(code: "SZ-SWJ", on: "2025-01-01") { code } }`, 'FORBIDDEN'],
    [
      'ADMIN',
      `mutation { createUnit(input: { code: "NEW-1", name: "新支部", kind: BRANCH, level: PROVINCIAL, region: "320000", validFrom: "2024-01-01" }) { code } }`,
      'FORBIDDEN',
    ],
    [
      'EDITOR',
      `mutation { createUnit(input: { code: "NEW-2", name: "新支部", kind: BRANCH, level: PROVINCIAL, region: "320000", validFrom: "2024-01-01", facts: { competentDepartment: "JS-YJT-DZ" } }) { code } }`,
      null,
    ],
    ['ADMIN', `mutation($d: JSON!) { importUnits(document: $d) { ok } }`, 'FORBIDDEN'],
  ] as const)('%s: %s → %s', async (role, mutation, code) => {
    const before = await snapshot();
    const r = await h.run(mutation, { d: smallProvince() }, as(role));
    if (code === null) {
      expect(r.errors).toBeUndefined();
      expect(await snapshot()).not.toEqual(before);
    } else {
      expect(r.errors?.[0].extensions?.code).toBe(code);
      expect(await snapshot()).toEqual(before); // nothing written
    }
  });

  it('a refusal does not tell a hidden unit from a missing one', async () => {
    const hidden = await h.run(rename('SZ-SWJ'), {}, as('EDITOR'));
    const missing = await h.run(rename('NOPE'), {}, as('EDITOR'));
    expect(hidden.errors?.[0].message.replace('SZ-SWJ', 'X')).toBe(missing.errors?.[0].message.replace('NOPE', 'X'));
  });

  /** The answer with the code the caller sent replaced, for comparing a hidden unit's with an unknown one's. */
  const shape = (r: { errors?: Array<{ message: string; extensions?: Record<string, any> }> }, code: string) =>
    JSON.parse(
      JSON.stringify(r.errors ?? null)
        .split(code)
        .join('<code>'),
    );

  it.each([
    [
      'updateUnit',
      (c: string) => `mutation { updateUnit(input: { code: "${c}", name: "改名" }) { name } }`,
      'EDITOR',
      'input.code',
    ],
    ['endUnit', (c: string) => `mutation { endUnit(code: "${c}", on: "2025-01-01") { code } }`, 'EDITOR', 'code'],
    [
      'changeUnitFacts: the unit',
      (c: string) =>
        `mutation { changeUnitFacts(input: { unit: "${c}", validFrom: "2025-01-01", partyRelationMode: TERRITORIAL }) { code } }`,
      'EDITOR',
      'input.unit',
    ],
    [
      'changeUnitFacts: a locality',
      (c: string) =>
        `mutation { changeUnitFacts(input: { unit: "JS-YJT-ZB1", validFrom: "2025-01-01", locality: "${c}" }) { code } }`,
      'EDITOR',
      'input.locality',
    ],
    [
      'createUnit: a competent department',
      (c: string) =>
        `mutation { createUnit(input: { code: "NEW-9", name: "新支部", kind: BRANCH, level: PROVINCIAL, region: "320000", validFrom: "2024-01-01", facts: { competentDepartment: "${c}" } }) { code } }`,
      'EDITOR',
      'input.facts.competentDepartment',
    ],
    [
      'createLink: from',
      (c: string) =>
        `mutation { createLink(input: { from: "${c}", to: "JS-YJT-ZB1", kind: GUIDANCE, validFrom: "2024-01-01" }) { id } }`,
      'ADMIN',
      'input.from',
    ],
    [
      'createLink: to',
      (c: string) =>
        `mutation { createLink(input: { from: "JS-YJT-DZ", to: "${c}", kind: GUIDANCE, validFrom: "2024-01-01" }) { id } }`,
      'ADMIN',
      'input.to',
    ],
  ] as const)(
    '%s: a unit outside and a code that names nothing get the same FORBIDDEN naming %s',
    async (_n, mutation, role, field) => {
      const before = await snapshot();
      const hidden = await h.run(mutation('SZ-SWJ'), {}, as(role));
      const missing = await h.run(mutation('NOPE-7'), {}, as(role));
      expect(hidden.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field });
      expect(hidden.errors?.[0].message).toContain('管辖范围内或不存在');
      expect(shape(hidden, 'SZ-SWJ')).toEqual(shape(missing, 'NOPE-7'));
      expect(await snapshot()).toEqual(before);
      // The operator, who sees everything, is told which: the hidden unit is found, the unknown code is NOT_FOUND.
      const op = await h.run(mutation('NOPE-7'));
      expect(op.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field });
    },
  );

  it('a link out of reach and a link id that names nothing get the same FORBIDDEN', async () => {
    const links = (await h.run(`{ unit(by: { code: "SZ-SWJ" }) { links(direction: IN) { nodes { id } } } }`)).data?.unit
      .links.nodes;
    for (const m of [
      (id: string) => `mutation { endLink(id: "${id}", on: "2025-01-01") { id } }`,
      (id: string) => `mutation { updateLink(input: { id: "${id}", basis: "x" }) { id } }`,
    ]) {
      const hidden = await h.run(m(links[0].id), {}, as('ADMIN'));
      const missing = await h.run(m('987654'), {}, as('ADMIN'));
      expect(hidden.errors?.[0].extensions?.code).toBe('FORBIDDEN');
      expect(shape(hidden, links[0].id)).toEqual(shape(missing, '987654'));
    }
  });

  it('createUnit with a code taken outside the jurisdiction: FORBIDDEN naming input.code, never "already exists"; a duplicate the caller sees is a CONFLICT', async () => {
    const create = (code: string, dept = 'JS-YJT-DZ') =>
      `mutation { createUnit(input: { code: "${code}", name: "新支部", kind: BRANCH, level: PROVINCIAL, region: "320000", validFrom: "2024-01-01", facts: { competentDepartment: "${dept}" } }) { code } }`;
    const before = await snapshot();
    const hidden = await h.run(create('SZ-SWJ'), {}, as('EDITOR'));
    expect(hidden.errors?.[0].extensions).toEqual({ code: 'FORBIDDEN', field: 'input.code' });
    expect(hidden.errors?.[0].message).not.toContain('已存在');
    // The same answer as a write naming a unit outside by that code (updateUnit), but for the field.
    const update = await h.run(
      `mutation { updateUnit(input: { code: "SZ-SWJ", name: "改名" }) { name } }`,
      {},
      as('EDITOR'),
    );
    expect(hidden.errors?.[0].message).toBe(update.errors?.[0].message);
    expect(await snapshot()).toEqual(before);
    const visible = await h.run(create('JS-YJT-ZB1'), {}, as('EDITOR'));
    expect(visible.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
    const operator = await h.run(create('SZ-SWJ'));
    expect(operator.errors?.[0].extensions).toMatchObject({ code: 'CONFLICT', field: 'input.code' });
  });

  it("the jurisdiction follows the organisation: end the branch's affiliation and it leaves the scope", async () => {
    const v = as('VIEWER');
    expect((await h.run(`{ unit(by: { code: "JS-YJT-ZB1" }) { code } }`, {}, v)).data?.unit).not.toBeNull();
    const links = (
      await h.run(
        `{ unit(by: { code: "JS-YJT-ZB1" }) { links(direction: IN) { nodes { id kind } } } }`,
        {},
        HUB_OPERATOR,
      )
    ).data?.unit.links.nodes;
    const aff = links.find((l: any) => l.kind === 'AFFILIATION');
    expect(
      (await h.run(`mutation($id: ID!) { endLink(id: $id, on: "2020-01-01") { id } }`, { id: aff.id })).errors,
    ).toBeUndefined();
    expect((await h.run(`{ unit(by: { code: "JS-YJT-ZB1" }) { code } }`, {}, v)).data?.unit).toBeNull();
  });
});

describe('an ADMIN imports inside its jurisdiction', () => {
  const IMPORT = `mutation($d: JSON!, $dry: Boolean) { importUnits(document: $d, dryRun: $dry) { ok created updated problems { path message } } }`;
  const file = (units: unknown[], links: unknown[] = []) => ({ format: 'tiaokuai/v1', units, links });
  const unit = (code: string, extra: Record<string, unknown> = {}) => ({
    code,
    name: `${code}名称`,
    kind: 'BRANCH',
    level: 'PROVINCIAL',
    region: '320000',
    validFrom: '2024-01-01',
    validTo: null,
    ...extra,
  });

  it('creates new units hanging off its own (and off each other), links them, and updates its own', async () => {
    const doc = file(
      [
        unit('NEW-JGDW', { kind: 'ORGAN_PARTY_COMMITTEE', competentDepartment: 'JS-YJT-DZ' }),
        unit('NEW-ZB', { competentDepartment: 'NEW-JGDW' }),
        { ...smallProvince().units.find((u: any) => u.code === 'JS-YJT-ZB1'), name: '办公室党支部（更名）' },
      ],
      [
        {
          from: 'JS-YJT-DZ',
          to: 'NEW-JGDW',
          kind: 'LEADERSHIP',
          flavour: 'SPECIFIC',
          validFrom: '2024-01-01',
          validTo: null,
        },
        { from: 'NEW-JGDW', to: 'NEW-ZB', kind: 'AFFILIATION', validFrom: '2024-01-01', validTo: null },
      ],
    );
    const dry = await h.run(IMPORT, { d: doc, dry: true }, as('ADMIN'));
    expect(dry.data?.importUnits).toMatchObject({ ok: true, created: 4, updated: 1 });
    const r = await h.run(IMPORT, { d: doc }, as('ADMIN'));
    expect(r.errors).toBeUndefined();
    expect(r.data?.importUnits).toMatchObject({ ok: true, created: 4, updated: 1 });
    const seen = (await h.run(`{ units(first: 100) { nodes { code name } } }`, {}, as('VIEWER'))).data?.units.nodes;
    expect(seen.map((n: any) => n.code).sort()).toEqual([
      'JS-YJT-DZ',
      'JS-YJT-JGDW',
      'JS-YJT-ZB1',
      'NEW-JGDW',
      'NEW-ZB',
    ]);
    expect(seen.find((n: any) => n.code === 'JS-YJT-ZB1').name).toBe('办公室党支部（更名）');
    expect((await h.run(IMPORT, { d: doc }, as('ADMIN'))).data?.importUnits).toMatchObject({
      ok: true,
      created: 0,
      updated: 0,
    }); // idempotent
  });

  it('a unit it defines outside the jurisdiction: FORBIDDEN naming the path, nothing written, dry run too', async () => {
    // SZ-SWJ exists outside; the file would pull it in under JS-YJT-DZ.
    const doc = file([
      unit('NEW-ZB', { competentDepartment: 'JS-YJT-DZ' }),
      unit('SZ-SWJ', { kind: 'GRASSROOTS_UNIT', competentDepartment: 'JS-YJT-DZ' }),
    ]);
    const before = await snapshot();
    for (const dry of [false, true]) {
      const r = await h.run(IMPORT, { d: doc, dry }, as('ADMIN'));
      expect(r.errors?.[0].extensions).toMatchObject({ code: 'FORBIDDEN', field: 'units[1].code' });
      expect(r.errors?.[0].extensions?.problems).toEqual([
        { path: 'units[1].code', message: expect.stringContaining('SZ-SWJ') },
      ]);
    }
    expect(await snapshot()).toEqual(before);
  });

  it('a reference to a unit outside reads exactly like one to a unit that does not exist', async () => {
    const outside = await h.run(
      IMPORT,
      { d: file([unit('NEW-ZB', { competentDepartment: 'JS-YJT-DZ', locality: 'SZ-SWJ' })]) },
      as('ADMIN'),
    );
    const missing = await h.run(
      IMPORT,
      { d: file([unit('NEW-ZB', { competentDepartment: 'JS-YJT-DZ', locality: 'NOPE-1' })]) },
      as('ADMIN'),
    );
    expect(outside.data?.importUnits.ok).toBe(false);
    expect(JSON.stringify(outside.data).replace('SZ-SWJ', 'X')).toBe(
      JSON.stringify(missing.data).replace('NOPE-1', 'X'),
    );
    // … while the operator may use it.
    expect(
      (await h.run(IMPORT, { d: file([unit('NEW-ZB', { competentDepartment: 'JS-YJT-DZ', locality: 'SZ-SWJ' })]) }))
        .data?.importUnits.ok,
    ).toBe(true);
  });

  it('a new unit not placed inside (no fact version naming a unit inside) is FORBIDDEN', async () => {
    const before = await snapshot();
    const loose = await h.run(IMPORT, { d: file([unit('NEW-ZB', { partyRelationMode: 'TERRITORIAL' })]) }, as('ADMIN'));
    expect(loose.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(loose.errors?.[0].extensions?.field).toMatch(/^units\[0\]/);
    // Two new units naming only each other reach nothing inside.
    const island = await h.run(
      IMPORT,
      { d: file([unit('NEW-A', { competentDepartment: 'NEW-B' }), unit('NEW-B', { competentDepartment: 'NEW-A' })]) },
      as('ADMIN'),
    );
    expect(island.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(await snapshot()).toEqual(before);
  });

  it('EDITOR and VIEWER may not import', async () => {
    for (const role of ['EDITOR', 'VIEWER'] as const) {
      const r = await h.run(IMPORT, { d: file([unit('NEW-ZB', { competentDepartment: 'JS-YJT-DZ' })]) }, as(role));
      expect(r.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('the jurisdiction cache', () => {
  it('requests that find it stale at once share one evaluation, and a write makes it stale again', async () => {
    const cache = new JurisdictionCache();
    const burst = () =>
      Promise.all(Array.from({ length: 10 }, (_, i) => cache.scope(h.database.db, i % 2 ? 'JS-YJT-DZ' : 'SZ-SWJ')));
    const first = await burst();
    expect(cache.loads).toBe(1);
    expect(first[1].size).toBe(3);
    expect(first.filter((_, i) => i % 2).every((ids) => ids === first[1])).toBe(true);
    await h.run(`mutation { updateUnit(input: { code: "JS-YJT-ZB1", name: "改名" }) { name } }`);
    await burst();
    expect(cache.loads).toBe(2);
  });
});
