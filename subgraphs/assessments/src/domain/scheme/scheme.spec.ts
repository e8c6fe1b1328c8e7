import { gradeOf, type Scheme } from './scheme';
import { validateScheme } from './validate';
import { gradeScores, scoreSubmission, unitResult } from '../scoring';
import { goodScheme } from '../../testing/scheme-fixtures';

const GRADES = ['优秀', '良好', '一般', '较差'];
const matrix = () =>
  GRADES.flatMap((p, i) => GRADES.map((b, j) => ({ party: p, business: b, grade: GRADES[Math.max(i, j)] })));

const check = (over: (s: ReturnType<typeof goodScheme>) => unknown) => {
  const s = goodScheme();
  const raw = over(s) ?? s;
  return validateScheme(raw, 'input', 2026);
};

describe('validateScheme: a bad scheme names the field at fault', () => {
  it.each<[string, (s: any) => unknown, string]>([
    [
      'indicator weights summing to 90%',
      (s) => {
        s.indicators[0].weight = 20;
      },
      'input.indicators',
    ],
    [
      'evaluator weights summing to 110%',
      (s) => {
        s.evaluatorGroups[0].weight = 50;
      },
      'input.evaluatorGroups',
    ],
    [
      'overlapping bands',
      (s) => {
        s.gradeBands[1].max = 95;
      },
      'input.gradeBands[0].min',
    ],
    [
      'a gap between bands',
      (s) => {
        s.gradeBands[2].max = 75;
      },
      'input.gradeBands[1].min',
    ],
    [
      'bands not reaching 100',
      (s) => {
        s.gradeBands[0].max = 99;
      },
      'input.gradeBands[0].max',
    ],
    [
      'bands not starting at 0',
      (s) => {
        s.gradeBands[3].min = 10;
      },
      'input.gradeBands[3].min',
    ],
    [
      'a band upside down',
      (s) => {
        s.gradeBands[3].max = 0;
      },
      'input.gradeBands[3].max',
    ],
    [
      'duplicate indicator codes',
      (s) => {
        s.indicators[1].code = 'ZZJS';
      },
      'input.indicators[1].code',
    ],
    [
      'an unknown part',
      (s) => {
        s.indicators[0].part = 'OTHER';
      },
      'input.indicators[0].part',
    ],
    [
      'a zero maximum',
      (s) => {
        s.indicators[0].maxScore = 0;
      },
      'input.indicators[0].maxScore',
    ],
    [
      'satisfaction without evaluator groups',
      (s) => {
        s.evaluatorGroups = [];
      },
      'input.evaluatorGroups',
    ],
    [
      'a year more than one year ahead',
      (s) => {
        s.year = 2028;
      },
      'input.year',
    ],
    [
      'party and business weights summing to 90%',
      (s) => {
        s.combination.businessWeight = 50;
      },
      'input.combination',
    ],
    [
      'an unknown combination',
      (s) => {
        s.combination = { method: 'AVERAGE' };
      },
      'input.combination.method',
    ],
    [
      'a matrix naming an unknown grade',
      (s) => {
        s.combination = {
          method: 'GRADE_MATRIX',
          matrix: [...matrix().slice(1), { party: '优秀', business: '优秀', grade: '特优' }],
        };
      },
      'input.combination.matrix[15].grade',
    ],
    [
      'a matrix missing a pair',
      (s) => {
        s.combination = { method: 'GRADE_MATRIX', matrix: matrix().slice(1) };
      },
      'input.combination.matrix',
    ],
    [
      'no indicators',
      (s) => {
        s.indicators = [];
      },
      'input.indicators',
    ],
  ])('%s', (_n, over, path) => {
    const { scheme, problems } = check(over);
    expect(scheme).toBeUndefined();
    expect(problems.map((p) => p.path)).toContain(path);
  });

  it('a good scheme, next year included', () => {
    expect(check(() => undefined).problems).toEqual([]);
    expect(
      check((s) => {
        s.year = 2027;
      }).scheme?.year,
    ).toBe(2027);
    expect(
      check((s) => {
        s.combination = { method: 'GRADE_MATRIX', matrix: matrix() } as never;
      }).problems,
    ).toEqual([]);
  });
});

describe('gradeOf: bands are [min, max), the top one closed', () => {
  const bands = goodScheme().gradeBands;
  it.each([
    [100, '优秀'],
    [90, '优秀'],
    [89.99, '良好'],
    [80, '良好'],
    [59.99, '较差'],
    [0, '较差'],
  ])('%d → %s', (score, grade) => {
    expect(gradeOf(bands, score as number)).toBe(grade);
  });
});

describe('scoreSubmission (双百分)', () => {
  const scheme = validateScheme(goodScheme(), 'input', 2026).scheme as Scheme;
  const full = {
    scores: [
      { indicator: 'ZZJS', score: 27 },
      { indicator: 'SXJS', score: 18 },
      { indicator: 'ZFJS', score: 9 },
    ],
    ratings: [
      { indicator: 'MYD', group: 'LEADER', score: 90 },
      { indicator: 'MYD', group: 'DEPT', score: 80 },
      { indicator: 'MYD', group: 'MEMBERS', score: 95 },
      { indicator: 'MYD', group: 'PUBLIC', score: 70 },
    ],
    businessScore: 92,
  };

  it('weights each indicator, each evaluator group, then party and business', () => {
    const { result, problems } = scoreSubmission(scheme, full);
    expect(problems).toEqual([]);
    // MYD = .4×90 + .3×80 + .2×95 + .1×70 = 86; party = 27 + 18 + 18 + 30×.86 = 88.8
    expect(result!.indicators.find((i) => i.indicator === 'MYD')).toEqual({
      indicator: 'MYD',
      score: 86,
      contribution: 25.8,
    });
    expect(result).toMatchObject({
      partyScore: 88.8,
      businessScore: 92,
      finalScore: 90.72,
      partyGrade: '良好',
      businessGrade: '优秀',
      grade: '优秀',
    });
  });

  it('rescales the evaluator weights when a group did not rate', () => {
    const { result } = scoreSubmission(scheme, { ...full, ratings: full.ratings.slice(0, 2) });
    // (.4×90 + .3×80) / .7 = 85.714…
    expect(result!.indicators.find((i) => i.indicator === 'MYD')!.score).toBe(85.71);
  });

  it('the grade matrix takes the worse of the two grades here', () => {
    const m = validateScheme(
      { ...goodScheme(), combination: { method: 'GRADE_MATRIX', matrix: matrix() } },
      'input',
      2026,
    ).scheme as Scheme;
    expect(scoreSubmission(m, full).result).toMatchObject({
      partyGrade: '良好',
      businessGrade: '优秀',
      grade: '良好',
      finalScore: null,
    });
  });

  it('a corrected input gives the result scored afresh, not patched', () => {
    const before = scoreSubmission(scheme, full).result!;
    const after = scoreSubmission(scheme, {
      ...full,
      scores: [{ indicator: 'ZZJS', score: 30 }, ...full.scores.slice(1)],
    }).result!;
    expect(after.partyScore).toBeCloseTo(before.partyScore + 3, 10);
  });

  it.each<[string, Partial<typeof full>, string]>([
    [
      'a score above the maximum',
      { scores: [{ indicator: 'ZZJS', score: 31 }, ...full.scores.slice(1)] },
      'input.scores[0].score',
    ],
    [
      'a negative score',
      { scores: [{ indicator: 'ZZJS', score: -1 }, ...full.scores.slice(1)] },
      'input.scores[0].score',
    ],
    [
      'an unknown indicator',
      { scores: [...full.scores, { indicator: 'NOPE', score: 1 }] },
      'input.scores[3].indicator',
    ],
    [
      'a rating from an unknown group',
      { ratings: [...full.ratings, { indicator: 'MYD', group: 'MEDIA', score: 80 }] },
      'input.ratings[4].group',
    ],
    ['a missing indicator score', { scores: full.scores.slice(1) }, 'input.scores'],
    ['no rating for a satisfaction indicator', { ratings: [] }, 'input.ratings'],
    ['a business score over 100', { businessScore: 101 }, 'input.businessScore'],
    [
      'a direct score for a satisfaction indicator',
      { scores: [...full.scores, { indicator: 'MYD', score: 80 }] },
      'input.scores[3].indicator',
    ],
  ])('refuses %s', (_n, over, path) => {
    const { result, problems } = scoreSubmission(scheme, { ...full, ...over });
    expect(result).toBeUndefined();
    expect(problems.map((p) => p.path)).toContain(path);
  });
});

describe("unitResult: the leader grades, opinions weigh in only by the scheme's share", () => {
  const base = validateScheme(goodScheme(), 'input', 2026).scheme!;
  const withShare = validateScheme({ ...goodScheme(), opinionWeight: 20 }, 'input', 2026).scheme!;
  it.each<
    [
      string,
      typeof base,
      [number, number] | null,
      Array<[number, number]>,
      { partyScore: number; finalScore: number; opinionsCounted: number } | null,
    ]
  >([
    ['no grading: no result, whatever the opinions', withShare, null, [[100, 100]], null],
    [
      'share 0: opinions change nothing',
      base,
      [80, 90],
      [[40, 50]],
      { partyScore: 80, finalScore: 86, opinionsCounted: 0 },
    ],
    [
      'share 20%: 80% of 80 + 20% of mean(60, 70)',
      withShare,
      [80, 90],
      [
        [60, 0],
        [70, 0],
      ],
      { partyScore: 77, finalScore: 84.8, opinionsCounted: 2 },
    ],
    [
      'share 20% without opinions: the grading alone',
      withShare,
      [80, 90],
      [],
      { partyScore: 80, finalScore: 86, opinionsCounted: 0 },
    ],
  ])('%s', (_, scheme, grading, opinions, expected) => {
    const r = unitResult(
      scheme,
      grading && gradeScores(scheme, ...grading),
      opinions.map((o) => gradeScores(scheme, ...o)),
    );
    if (!expected) return expect(r).toBeNull();
    expect(r).toMatchObject({ ...expected, businessScore: grading![1] });
  });

  it.each([[-1], [51], ['10']])('opinionWeight %p is refused, naming the field', (w) => {
    expect(validateScheme({ ...goodScheme(), opinionWeight: w }, 'input', 2026).problems.map((p) => p.path)).toEqual([
      'input.opinionWeight',
    ]);
  });
});

describe('gradeScores bands the business score as shown', () => {
  it('89.996 is shown as 90 and graded as 90, not as 89.996', () => {
    const scheme = validateScheme(goodScheme(), 'input', 2026).scheme!;
    expect(gradeScores(scheme, 95, 89.996)).toMatchObject({ businessScore: 90, businessGrade: '优秀' });
  });
});
