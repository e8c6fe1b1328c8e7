import { HUB_OPERATOR } from '@tiaokuai/platform';
import { smallProvince } from '../../testing/fixtures';
import { orgHarness, type OrgHarness } from '../../testing';

let h: OrgHarness;
beforeAll(async () => {
  h = await orgHarness();
  await h.resetTo(smallProvince());
}, 60_000);
afterAll(async () => {
  await h?.close();
});

const TIMELINE = `query($units: [ID!], $scope: String, $from: Date!, $to: Date!, $ancestors: Boolean) {
  leadershipTimeline(units: $units, scope: $scope, from: $from, to: $to, ancestors: $ancestors) {
    unit { id code kind } requested periods { from to leaderIds guideIds leaders { code } guides { code } } } }`;

async function ids(...codes: string[]): Promise<string[]> {
  const d = await h.ok(`{ ${codes.map((c, i) => `u${i}: unit(by: { code: "${c}" }) { id }`).join(' ')} }`);
  return codes.map((_, i) => d[`u${i}`].id);
}

const byCode = (list: any[]) => Object.fromEntries(list.map((t) => [t.unit.code, t]));
const codesOf = (p: any) =>
  `${p.leaders.map((u: any) => u.code).join(',')}|${p.guides.map((u: any) => u.code).join(',')}`;

describe('leadershipTimeline', () => {
  it('answers a unit over a period, cut where the rules change, with every body above it', async () => {
    const [branch] = await ids('JS-YJT-ZB1');
    const out = byCode(
      (await h.ok(TIMELINE, { units: [branch], from: '2019-01-01', to: '2019-12-31' })).leadershipTimeline,
    );
    expect(out['JS-YJT-ZB1'].requested).toBe(true);
    expect(out['JS-YJT-ZB1'].periods.map(codesOf)).toEqual(['JS-YJT-JGDW|']);
    // The organ party committee: guided by its party group until 2019-11-28, led by both from 2019-11-29.
    expect(out['JS-YJT-JGDW']).toMatchObject({ requested: false });
    expect(out['JS-YJT-JGDW'].periods.map((p: any) => [p.from, p.to, codesOf(p)])).toEqual([
      ['2019-01-01', '2019-11-28', 'JS-JGGW|JS-YJT-DZ'],
      ['2019-11-29', '2019-12-31', 'JS-JGGW,JS-YJT-DZ|'],
    ]);
    // ... and so on up to the top, which nobody leads.
    expect(Object.keys(out).sort()).toEqual(['JS-JGGW', 'JS-SW', 'JS-YJT-DZ', 'JS-YJT-JGDW', 'JS-YJT-ZB1', 'ZY']);
    expect(out.ZY.periods.map(codesOf)).toEqual(['|']);
    expect(out['JS-YJT-JGDW'].periods[1].leaderIds).toEqual(await ids('JS-JGGW', 'JS-YJT-DZ'));
  });

  it('without ancestors, only the units asked for', async () => {
    const [tax] = await ids('SZ-SWJ');
    const out = (await h.ok(TIMELINE, { units: [tax], from: '2018-01-01', to: '2018-12-31', ancestors: false }))
      .leadershipTimeline;
    expect(out.map((t: any) => t.unit.code)).toEqual(['SZ-SWJ']);
    // Territorial/territorial until 2018-06-14, then the tax line guides it.
    expect(out[0].periods.map((p: any) => [p.from, p.to, codesOf(p)])).toEqual([
      ['2018-01-01', '2018-06-14', 'JS-JGGW|'],
      ['2018-06-15', '2018-12-31', 'JS-JGGW|SZ-DW'],
    ]);
  });

  it('a scope over a period: its members requested, the bodies above them added', async () => {
    const out = byCode(
      (await h.ok(TIMELINE, { scope: 'JS-JGGW', from: '2024-01-01', to: '2024-12-31' })).leadershipTimeline,
    );
    const requested = Object.values(out)
      .filter((t: any) => t.requested)
      .map((t: any) => t.unit.code)
      .sort();
    expect(requested).toEqual(['JS-JGGW', 'JS-YJT-DZ', 'JS-YJT-JGDW', 'JS-YJT-ZB1', 'SZ-SWJ']);
    expect(out['JS-SW'].requested).toBe(false);
    expect(out['SZ-DW'].requested).toBe(false);
    expect(out['JS-YJT-ZB1'].periods.map(codesOf)).toEqual(['JS-YJT-JGDW|']);
  });

  it('reads the same whatever the number of units or the depth: a batch costs a fixed number of statements', async () => {
    // Over a period no scope has asked for, so the whole organisation is not held (see the cache's tests below).
    const loads = h.caches.timelines.loads;
    const count = async (codes: string[]) => {
      const list = await ids(...codes);
      h.database.statements.reset();
      await h.ok(TIMELINE, { units: list, from: '2022-01-01', to: '2022-12-31' });
      return h.database.statements.count;
    };
    const one = await count(['JS-YJT-ZB1']);
    const many = await count(['JS-YJT-ZB1', 'SZ-SWJ', 'JS-YJT-JGDW', 'JS-YJT-DZ', 'JS-JGGW']);
    expect(one).toBeGreaterThan(0);
    expect(many).toBeLessThanOrEqual(one);
    // A branch five levels down (branch, organ committee, party group / work committee, 省委, ZY)
    // costs what the top body costs: the bodies above are found by one recursive statement.
    const top = await count(['ZY']);
    expect(one).toBe(top);
    expect(one).toBeLessThanOrEqual(5);
    expect(h.caches.timelines.loads).toBe(loads);
  });

  describe('the whole organisation, kept per period and revision', () => {
    const period = { from: '2021-01-01', to: '2021-12-31' };
    const statements = async (vars: Record<string, unknown>) => {
      h.database.statements.reset();
      const out = (await h.ok(TIMELINE, vars)).leadershipTimeline;
      return { out, count: h.database.statements.count };
    };

    it('a scope evaluates it once; the next scope over the period is the revision check alone', async () => {
      const loads = h.caches.timelines.loads;
      const first = await statements({ scope: 'JS-JGGW', ...period });
      expect(h.caches.timelines.loads).toBe(loads + 1);
      expect(first.count).toBeGreaterThan(3);
      const again = await statements({ scope: 'JS-JGGW', ...period });
      const other = await statements({ scope: 'SZ-DW', ...period });
      expect(h.caches.timelines.loads).toBe(loads + 1);
      expect(again.out).toEqual(first.out);
      // The revision, and the scope root by code.
      expect(again.count).toBeLessThanOrEqual(2);
      expect(other.count).toBeLessThanOrEqual(2);
      expect(
        other.out
          .filter((t: any) => t.requested)
          .map((t: any) => t.unit.code)
          .sort(),
      ).toEqual(['SZ-DW', 'SZ-SWJ']);
    });

    it('units over a period it holds are answered from it, as the direct path answers them', async () => {
      const codes = ['JS-YJT-ZB1', 'SZ-SWJ', 'ZY'];
      const list = await ids(...codes);
      const over = { from: '2020-01-01', to: '2020-12-31' };
      const cold = await statements({ units: list, ...over });
      await h.ok(TIMELINE, { scope: 'ZY', ...over });
      const warm = await statements({ units: list, ...over });
      expect(warm.out).toEqual(cold.out);
      expect(cold.count).toBeGreaterThan(1);
      expect(warm.count).toBe(1);
    });

    it('a write is seen by the next question (the revision moved), whichever path answers it', async () => {
      const [branch] = await ids('JS-YJT-ZB1');
      await h.ok(TIMELINE, { scope: 'JS-JGGW', ...period });
      const loads = h.caches.timelines.loads;
      await h.ok(`mutation { updateUnit(input: { code: "JS-YJT-ZB1", name: "改名后的支部" }) { name } }`);
      try {
        const named = (list: any[]) => list.find((t: any) => t.unit.code === 'JS-YJT-ZB1');
        const NAMED = TIMELINE.replace('unit { id code kind }', 'unit { id code kind name }');
        expect(named((await h.ok(NAMED, { units: [branch], ...period })).leadershipTimeline).unit.name).toBe(
          '改名后的支部',
        );
        expect(named((await h.ok(NAMED, { scope: 'JS-JGGW', ...period })).leadershipTimeline).unit.name).toBe(
          '改名后的支部',
        );
        expect(h.caches.timelines.loads).toBe(loads + 1);
      } finally {
        await h.resetTo(smallProvince());
      }
    });
    it('warming after a write evaluates again what was held and the current year: the next question is the revision check alone', async () => {
      await h.ok(TIMELINE, { scope: 'JS-JGGW', ...period });
      await h.ok(`mutation { updateUnit(input: { code: "JS-YJT-ZB1", name: "预热后的支部" }) { name } }`);
      try {
        const loads = h.caches.timelines.loads;
        await h.caches.timelines.warm(h.database.db); // what platform's warmer.ts runs once the revision stands still
        expect(h.caches.timelines.loads).toBe(loads + 2); // 2021, and this year
        const warm = await statements({ scope: 'JS-JGGW', ...period });
        expect(warm.count).toBeLessThanOrEqual(2);
        expect(h.caches.timelines.loads).toBe(loads + 2);
        const NAMED = TIMELINE.replace('unit { id code kind }', 'unit { id code kind name }');
        const out = (await h.ok(NAMED, { scope: 'JS-JGGW', ...period })).leadershipTimeline;
        expect(out.find((t: any) => t.unit.code === 'JS-YJT-ZB1').unit.name).toBe('预热后的支部');
        await h.caches.timelines.warm(h.database.db); // nothing written since: nothing evaluated
        expect(h.caches.timelines.loads).toBe(loads + 2);
      } finally {
        await h.resetTo(smallProvince());
      }
    });
  });

  it.each([
    ['to before from', { from: '2024-02-01', to: '2024-01-31' }, 'to'],
    ['both units and scope', { units: ['1'], scope: 'ZY', from: '2024-01-01', to: '2024-01-31' }, 'scope'],
  ])('refuses %s naming the field', async (_name, vars, field) => {
    const r = await h.run(TIMELINE, vars);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
  });

  it('a caller sees only its jurisdiction; a scope outside it reads as unknown', async () => {
    const asTax = { ...HUB_OPERATOR, hubAdmin: false, body: 'SZ-DW', role: 'VIEWER' as const, subject: 't' };
    const [tax] = await ids('SZ-SWJ');
    const out = (await h.run(TIMELINE, { units: [tax], from: '2024-01-01', to: '2024-12-31' }, asTax)).data!
      .leadershipTimeline;
    // SZ-DW guides SZ-SWJ: it sees it, and itself; not the province's committees above the unit.
    expect(out.map((t: any) => t.unit.code).sort()).toEqual(['SZ-DW', 'SZ-SWJ']);
    const r = await h.run(TIMELINE, { scope: 'JS-JGGW', from: '2024-01-01', to: '2024-12-31' }, asTax);
    expect(r.errors?.[0].extensions).toMatchObject({ code: 'NOT_FOUND', field: 'scope' });
  });

  it('leadershipTimelineTable is the same answer as one compact JSON value (what the other subgraphs read)', async () => {
    const TABLE = `query($units: [ID!], $scope: String, $from: Date!, $to: Date!) { leadershipTimelineTable(units: $units, scope: $scope, from: $from, to: $to) }`;
    const FULL = `query($units: [ID!], $scope: String, $from: Date!, $to: Date!) { leadershipTimeline(units: $units, scope: $scope, from: $from, to: $to) {
      unit { id code kind name } requested periods { from to leaderIds guideIds leaderFlavours } } }`;
    const [tax] = await ids('SZ-SWJ');
    for (const vars of [
      { scope: 'JS-JGGW', from: '2018-01-01', to: '2024-12-31' },
      { units: [tax], from: '2018-01-01', to: '2024-12-31' },
    ]) {
      const full = (await h.ok(FULL, vars)).leadershipTimeline;
      const table = (await h.ok(TABLE, vars)).leadershipTimelineTable.units;
      expect(full.length).toBeGreaterThan(1);
      expect(table).toEqual(
        full.map((t: any) => [
          t.unit.id,
          t.unit.code,
          t.unit.kind,
          t.unit.name,
          t.requested,
          t.periods.map((p: any) => [p.from, p.to, p.leaderIds, p.guideIds, p.leaderFlavours]),
        ]),
      );
    }
    // The caller's jurisdiction applies as in the typed form.
    const asTax = { ...HUB_OPERATOR, hubAdmin: false, body: 'SZ-DW', role: 'VIEWER' as const, subject: 't' };
    const mine = (await h.run(TABLE, { units: [tax], from: '2024-01-01', to: '2024-12-31' }, asTax)).data!
      .leadershipTimelineTable.units;
    expect(mine.map((r: any[]) => r[1]).sort()).toEqual(['SZ-DW', 'SZ-SWJ']);
  });
});

describe('unitsByCode and visibleUnitIds', () => {
  it('answers each code in order, null for unknown or invisible ones', async () => {
    const asTax = { ...HUB_OPERATOR, hubAdmin: false, body: 'SZ-DW', role: 'VIEWER' as const, subject: 't' };
    const q = `{ unitsByCode(codes: ["SZ-SWJ", "NOPE", "JS-SW"]) { code kind } }`;
    expect((await h.ok(q)).unitsByCode).toEqual([
      { code: 'SZ-SWJ', kind: 'GRASSROOTS_UNIT' },
      null,
      { code: 'JS-SW', kind: 'LOCAL_PARTY_COMMITTEE' },
    ]);
    expect((await h.run(q, {}, asTax)).data!.unitsByCode).toEqual([
      { code: 'SZ-SWJ', kind: 'GRASSROOTS_UNIT' },
      null,
      null,
    ]);
  });

  it("lists the caller's jurisdiction, and null for the operator", async () => {
    const asTax = { ...HUB_OPERATOR, hubAdmin: false, body: 'SZ-DW', role: 'VIEWER' as const, subject: 't' };
    expect((await h.ok(`{ visibleUnitIds }`)).visibleUnitIds).toBeNull();
    const ids2 = (await h.run(`{ visibleUnitIds }`, {}, asTax)).data!.visibleUnitIds;
    expect([...ids2].sort()).toEqual((await ids('SZ-DW', 'SZ-SWJ')).sort());
  });
});
