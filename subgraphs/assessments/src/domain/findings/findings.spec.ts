import { evaluationOnly } from './evaluation-only';
import { gradedByNonLeader } from './graded-by-non-leader';
import { multipleInspections, quarterOf } from './multiple-inspections';
import type { Visit } from './types';

const names = (id: string) => `〈${id}〉`;
/** Who leads whom, by day: L led U until 2026-06-30, N from 2026-07-01; G guides U throughout. */
const leads = (b: string, u: string, day: string) =>
  u === 'U' && ((b === 'L' && day <= '2026-06-30') || (b === 'N' && day >= '2026-07-01'));
const leadersOn = (u: string, day: string) => (u !== 'U' ? [] : day <= '2026-06-30' ? ['L'] : ['N']);

describe('GRADED_BY_NON_LEADER', () => {
  it.each<[string, { assessorId: string; assessedOn: string }, string[] | null]>([
    ['the leader on the day: nothing', { assessorId: 'L', assessedOn: '2026-06-30' }, null],
    ['the old leader the day after the transfer', { assessorId: 'L', assessedOn: '2026-07-01' }, ['N']],
    ['the new leader the day before it', { assessorId: 'N', assessedOn: '2026-06-30' }, ['L']],
    ['a guide', { assessorId: 'G', assessedOn: '2026-03-01' }, ['L']],
  ])('%s', (_, g, shouldBe) => {
    const found = gradedByNonLeader([{ id: 's1', unitId: 'U', ...g }], leads, leadersOn, names);
    if (!shouldBe) return expect(found).toEqual([]);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      kind: 'GRADED_BY_NON_LEADER',
      unitId: 'U',
      bodyIds: [g.assessorId],
      submissionIds: ['s1'],
      from: g.assessedOn,
    });
    expect(found[0].suggestion).toContain(shouldBe.map(names).join('、'));
  });

  it('a unit with no leader that day: the suggestion asks for one first', () => {
    const [f] = gradedByNonLeader(
      [{ id: 's', unitId: 'X', assessorId: 'L', assessedOn: '2026-01-01' }],
      leads,
      leadersOn,
      names,
    );
    expect(f.explanation).toContain('没有领导单位');
    expect(f.suggestion).toContain('明确');
  });
});

describe('EVALUATION_ONLY', () => {
  const activity = (counts: Record<string, number>) => (b: string, u: string, from: string, to: string) =>
    counts[`${b}|${u}|${from}|${to}`] ?? 0;
  it.each<[string, Record<string, number>, boolean]>([
    ['no assignment all year up to the assessment', {}, true],
    ['one assignment in the window', { 'L|U|2026-01-01|2026-12-10': 1 }, false],
    ['assignments counted over another window do not help', { 'L|U|2025-01-01|2025-12-10': 3 }, true],
  ])('%s', (_, counts, found) => {
    const r = evaluationOnly(
      [{ kind: 'SUBMISSION', id: 's1', unitId: 'U', bodyId: 'L', on: '2026-12-10', year: 2026 }],
      activity(counts),
      names,
    );
    expect(r.length).toBe(found ? 1 : 0);
    if (found)
      expect(r[0]).toMatchObject({
        kind: 'EVALUATION_ONLY',
        from: '2026-01-01',
        to: '2026-12-10',
        bodyIds: ['L'],
        submissionIds: ['s1'],
      });
  });

  it('one finding per body, unit and year, naming every assessment, judged up to the last one', () => {
    const seen: string[] = [];
    const r = evaluationOnly(
      [
        { kind: 'INSPECTION', id: 'i1', unitId: 'U', bodyId: 'L', on: '2026-04-01', year: 2026 },
        { kind: 'SUBMISSION', id: 's1', unitId: 'U', bodyId: 'L', on: '2026-12-10', year: 2026 },
        { kind: 'SUBMISSION', id: 's2', unitId: 'U', bodyId: 'G', on: '2026-12-11', year: 2026 },
      ],
      (b, u, from, to) => {
        seen.push(`${b}|${from}|${to}`);
        return 0;
      },
      names,
    );
    expect(r.map((f) => [f.bodyIds[0], f.inspectionIds, f.submissionIds])).toEqual([
      ['L', ['i1'], ['s1']],
      ['G', [], ['s2']],
    ]);
    expect(seen).toEqual(['L|2026-01-01|2026-12-10', 'G|2026-01-01|2026-12-11']);
  });

  it('a grading of the year made early the next year looks back over the year assessed', () => {
    const seen: string[] = [];
    evaluationOnly(
      [{ kind: 'SUBMISSION', id: 's', unitId: 'U', bodyId: 'L', on: '2027-01-20', year: 2026 }],
      (b, u, from, to) => {
        seen.push(`${from}|${to}`);
        return 3;
      },
      names,
    );
    expect(seen).toEqual(['2026-01-01|2027-01-20']);
  });
});

describe('MULTIPLE_INSPECTIONS', () => {
  const visit = (
    id: string,
    bodyId: string,
    from: string,
    to = from,
    codes: string[] = [],
    kind: Visit['kind'] = 'INSPECTION',
  ) => ({ kind, id, bodyId, unitId: 'U', from, to, indicators: codes.map((c) => ({ code: c, name: `指标${c}` })) });

  it('quarters', () => {
    expect(quarterOf('2026-01-01')).toEqual({ label: '2026-Q1', from: '2026-01-01', to: '2026-03-31' });
    expect(quarterOf('2026-06-30')).toEqual({ label: '2026-Q2', from: '2026-04-01', to: '2026-06-30' });
    expect(quarterOf('2026-12-31')).toEqual({ label: '2026-Q4', from: '2026-10-01', to: '2026-12-31' });
  });

  it.each<[string, Array<ReturnType<typeof visit>>, number]>([
    ['one body, twice in a quarter: not 多头', [visit('1', 'L', '2026-04-10'), visit('2', 'L', '2026-05-10')], 0],
    ['two bodies in one quarter', [visit('1', 'L', '2026-04-10'), visit('2', 'G', '2026-06-30')], 1],
    ['two bodies in different quarters', [visit('1', 'L', '2026-03-31'), visit('2', 'G', '2026-04-01')], 0],
    [
      "an inspection and another body's submission",
      [visit('1', 'L', '2026-11-02', '2026-11-06'), visit('s', 'G', '2026-12-10', '2026-12-10', [], 'SUBMISSION')],
      1,
    ],
  ])('%s', (_, visits, n) => {
    expect(multipleInspections(visits, [], leads, names)).toHaveLength(n);
  });

  it('proposes one visit: the leader organises, the shared days, every indicator once with who asked', () => {
    const [f] = multipleInspections(
      [
        visit('1', 'G', '2026-05-06', '2026-05-20', ['A', 'B']),
        visit('2', 'L', '2026-05-11', '2026-05-15', ['B', 'C']),
        visit('3', 'X', '2026-05-12', '2026-05-30', ['C']),
      ],
      [],
      leads,
      names,
    );
    expect(f).toMatchObject({
      kind: 'MULTIPLE_INSPECTIONS',
      bodyIds: ['G', 'L', 'X'],
      inspectionIds: ['1', '2', '3'],
      from: '2026-04-01',
      to: '2026-06-30',
    });
    expect(f.proposal).toEqual({
      leadId: 'L',
      from: '2026-05-12',
      to: '2026-05-15',
      indicators: [
        { code: 'A', name: '指标A', bodyIds: ['G'] },
        { code: 'B', name: '指标B', bodyIds: ['G', 'L'] },
        { code: 'C', name: '指标C', bodyIds: ['L', 'X'] },
      ],
    });
    expect(f.suggestion).toContain('由 〈L〉 牵头');
  });

  it("windows that share no day: the organiser's own window; no leader among them: the first to come", () => {
    const [f] = multipleInspections(
      [visit('1', 'G', '2026-04-01', '2026-04-03'), visit('2', 'X', '2026-06-01', '2026-06-02')],
      [],
      leads,
      names,
    );
    expect(f.proposal).toMatchObject({ leadId: 'G', from: '2026-04-01', to: '2026-04-03' });
  });

  it("settled: merged inspections and the joint inspection's gradings leave; later inspections are new visits", () => {
    const merged = [
      { ...visit('1', 'L', '2026-05-06'), jointId: 'j1' },
      { ...visit('2', 'G', '2026-05-07'), jointId: 'j1' },
    ];
    const accepted = [{ unitId: 'U', from: '2026-05-06', bodyIds: ['L', 'G'] }];
    expect(multipleInspections(merged, accepted, leads, names)).toEqual([]);
    // Gradings by the joint inspection's bodies in its quarter are part of it.
    const gradings = [
      visit('s1', 'L', '2026-06-01', '2026-06-01', [], 'SUBMISSION'),
      visit('s2', 'G', '2026-06-02', '2026-06-02', [], 'SUBMISSION'),
    ];
    expect(multipleInspections([...merged, ...gradings], accepted, leads, names)).toEqual([]);
    // A newcomer alone is one body: not 多头; two newcomers are.
    expect(multipleInspections([...merged, visit('3', 'X', '2026-06-07')], accepted, leads, names)).toEqual([]);
    expect(
      multipleInspections(
        [...merged, visit('3', 'X', '2026-06-07'), visit('4', 'Y', '2026-06-20')],
        accepted,
        leads,
        names,
      ).map((x) => x.bodyIds),
    ).toEqual([['X', 'Y']]);
    // The joint inspection's own bodies inspecting again, separately, is 多头 again.
    expect(
      multipleInspections(
        [...merged, visit('5', 'L', '2026-06-10'), visit('6', 'G', '2026-06-20')],
        accepted,
        leads,
        names,
      ).map((x) => x.inspectionIds),
    ).toEqual([['5', '6']]);
  });
});
