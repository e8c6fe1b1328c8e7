import { gradeStars, quotaProblems, type StarLevel } from './stars';

const LEVELS: StarLevel[] = [
  { stars: 5, share: 0.1, minScore: 90 },
  { stars: 4, share: 0.4, minScore: 80 },
  { stars: 3, share: 0.3, minScore: 60 },
  { stars: 2 },
];
const units = (scores: number[]) => scores.map((score, i) => ({ unitId: `u${String(i + 1).padStart(2, '0')}`, score }));
const starsOf = (scores: number[], levels = LEVELS) =>
  gradeStars(units(scores), levels)
    .sort((a, b) => a.unitId.localeCompare(b.unitId))
    .map((r) => r.stars);

describe('gradeStars: quotas of 10% five-star, 40% four-star, 30% three-star', () => {
  it.each<[string, number[], number[]]>([
    [
      'ten units, all high: 1 / 4 / 3 / the rest',
      [99, 98, 97, 96, 95, 94, 93, 92, 91, 90.5],
      [5, 4, 4, 4, 4, 3, 3, 3, 2, 2],
    ],
    [
      "places go in rank order; a score under a level's minimum goes down though places remain",
      [99, 85, 50, 95, 94, 93, 92, 91, 90.5, 62],
      [5, 3, 2, 4, 4, 4, 4, 3, 3, 2],
    ],
    [
      'a tie at a boundary goes down whole: the quota is not exceeded, equal scores get equal stars',
      [95, 95, 80, 80, 80, 70, 70, 70, 60, 10],
      [4, 4, 3, 3, 3, 2, 2, 2, 2, 2],
    ],
    [
      'nine units: floor(10% × 9) = 0 five-star places',
      [99, 98, 97, 96, 95, 94, 93, 92, 91],
      [4, 4, 4, 3, 3, 2, 2, 2, 2],
    ],
  ])('%s', (_n, scores, expected) => {
    expect(starsOf(scores)).toEqual(expected);
  });

  it('never exceeds a quota, whatever the scores', () => {
    const scores = Array.from({ length: 200 }, (_, i) => Math.round(((i * 7919) % 101) * 10) / 10);
    const r = gradeStars(units(scores), LEVELS);
    const count = (s: number) => r.filter((x) => x.stars === s).length;
    expect(count(5)).toBeLessThanOrEqual(20);
    expect(count(4)).toBeLessThanOrEqual(80);
    expect(count(3)).toBeLessThanOrEqual(60);
    expect(r).toHaveLength(200);
    // Equal scores, equal stars.
    const byScore = new Map<number, Set<number>>();
    for (const x of r) byScore.set(x.score, (byScore.get(x.score) ?? new Set()).add(x.stars));
    expect([...byScore.values()].every((s) => s.size === 1)).toBe(true);
  });

  it('explains each grade in Chinese, with the reason when a unit went down', () => {
    const r = gradeStars(units([95, 95, 80, 80, 80, 70, 70, 70, 60, 10]), LEVELS);
    const say = (u: string) => r.find((x) => x.unitId === u)!.explanation;
    expect(say('u01')).toBe(
      '得分 95，第 1 名/共 10 个，四星级名额 4 个（40% × 10）：定为四星级（五星级名额 1 个不足，并列者一同顺延）',
    );
    expect(say('u03')).toBe(
      '得分 80，第 3 名/共 10 个，三星级名额 3 个（30% × 10）：定为三星级（四星级名额 4 个已满，并列者一同顺延）',
    );
    expect(say('u06')).toBe('得分 70，第 6 名/共 10 个：定为二星级（三星级名额 3 个已满，并列者一同顺延）');
    expect(say('u09')).toBe('得分 60，第 9 名/共 10 个：定为二星级（三星级名额已满）');
    expect(say('u10')).toBe('得分 10，第 10 名/共 10 个：定为二星级（未达三星级最低分 60）');
  });
});

describe('quotaProblems', () => {
  it.each<[string, StarLevel[], string]>([
    ['shares over 100%', [{ stars: 5, share: 0.6 }, { stars: 4, share: 0.6 }, { stars: 3 }], 'levels'],
    [
      'a share on the last level',
      [
        { stars: 5, share: 0.1 },
        { stars: 4, share: 0.2 },
      ],
      'levels[1].share',
    ],
    ['a level without a share above the last', [{ stars: 5 }, { stars: 4 }], 'levels[0].share'],
    ['levels out of order', [{ stars: 3, share: 0.1 }, { stars: 4 }], 'levels[1].stars'],
  ])('%s', (_n, levels, path) => {
    expect(quotaProblems(levels).map((p) => p.path)).toContain(path);
  });
  it('accepts 10 / 40 / 30 / the rest', () => expect(quotaProblems(LEVELS)).toEqual([]));
});

describe('quotas and binary fractions', () => {
  it('29% of 100 units is 29 places, not 28 (0.29 × 100 = 28.999999999999996)', () => {
    const units = Array.from({ length: 100 }, (_, i) => ({ unitId: `u${i}`, score: 100 - i }));
    const r = gradeStars(units, [{ stars: 5, share: 0.29 }, { stars: 4 }]);
    expect(r.filter((x) => x.stars === 5)).toHaveLength(29);
  });
});
