import { goodScheme } from '../testing/scheme-fixtures';
import { rankResults } from './ranking';
import { validateScheme } from './scheme/validate';
import { gradeScores } from './scoring';

const weighted = validateScheme(goodScheme(), 'input', 2026).scheme!;
const GRADES = ['优秀', '良好', '一般', '较差'];
const matrixScheme = validateScheme(
  {
    ...goodScheme(),
    combination: {
      method: 'GRADE_MATRIX',
      matrix: GRADES.flatMap((p, i) =>
        GRADES.map((b, j) => ({ party: p, business: b, grade: GRADES[Math.max(i, j)] })),
      ),
    },
  },
  'input',
  2026,
).scheme!;

const row = (scheme: typeof weighted, unitId: string, party: number, business: number) => ({
  unitId,
  result: gradeScores(scheme, party, business),
});

describe('rankResults', () => {
  it.each<[string, typeof weighted, Array<[string, number, number]>, Array<[string, number]>]>([
    [
      'weighted sum: by the final score, ties share a rank and the next one skips',
      weighted,
      [
        ['a', 90, 90],
        ['b', 80, 80],
        ['c', 100, 80],
        ['d', 70, 70],
      ], // finals 90, 80, 88, 70
      [
        ['a', 1],
        ['c', 2],
        ['b', 3],
        ['d', 4],
      ],
    ],
    [
      'weighted sum: equal finals from different parts tie',
      weighted,
      [
        ['a', 100, 80],
        ['b', 70, 100],
        ['c', 50, 50],
      ], // 88, 88, 50
      [
        ['a', 1],
        ['b', 1],
        ['c', 3],
      ],
    ],
    [
      'grade matrix: the grade first, then the party score, then the business score',
      matrixScheme,
      [
        ['a', 95, 85],
        ['b', 85, 95],
        ['c', 92, 92],
        ['d', 85, 99],
      ], // 良好, 良好, 优秀, 良好
      [
        ['c', 1],
        ['a', 2],
        ['d', 3],
        ['b', 4],
      ],
    ],
    [
      'grade matrix: all keys equal tie',
      matrixScheme,
      [
        ['a', 85, 85],
        ['b', 85, 85],
        ['c', 50, 99],
      ],
      [
        ['a', 1],
        ['b', 1],
        ['c', 3],
      ],
    ],
  ])('%s', (_, scheme, rows, expected) => {
    const ranked = rankResults(
      scheme,
      rows.map(([u, p, b]) => row(scheme, u, p, b)),
    );
    expect(ranked.map((r) => [r.row.unitId, r.rank])).toEqual(expected);
  });
});
