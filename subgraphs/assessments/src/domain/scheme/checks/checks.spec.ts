/**
 * Each scheme rule by itself, table by table: what passes, and the problems (paths relative to the scheme) of what does
 * not.
 */
import { bandBounds } from './band-bounds';
import { bandsCoverScale } from './bands-cover-scale';
import { combinationMethod } from './combination-method';
import { gradeMatrix } from './grade-matrix';
import { hasGradeBands } from './has-grade-bands';
import { hasIndicators } from './has-indicators';
import { knownMeasure } from './known-measure';
import { knownPart } from './known-part';
import { opinionWeight } from './opinion-weight';
import { positiveMaxScore } from './positive-max-score';
import { satisfactionNeedsEvaluators } from './satisfaction-needs-evaluators';
import { unique } from './unique';
import { weightInRange } from './weight-in-range';
import { weightedSum } from './weighted-sum';
import { weightsSumTo100 } from './weights-sum-to-100';
import { yearInRange } from './year-in-range';
import type { Indicator, Problem } from '../scheme';

const paths = (ps: Problem[]) => ps.map((p) => p.path);

describe('yearInRange: 2000 to next year', () => {
  it.each<[string, unknown, string[]]>([
    ['this year', 2026, []],
    ['next year', 2027, []],
    ['2000', 2000, []],
    ['two years ahead', 2028, ['year']],
    ['before 2000', 1999, ['year']],
    ['not a whole year', 2026.5, ['year']],
    ['a string', '2026', ['year']],
  ])('%s', (_n, year, expected) => expect(paths(yearInRange(year, 2026))).toEqual(expected));

  it('names the limit', () => expect(yearInRange(2028, 2026)[0].message).toBe('考核年度 2028 超过明年（2027）'));
});

describe('hasIndicators / hasGradeBands: at least one', () => {
  it.each<[string, unknown, string[]]>([
    ['absent', undefined, ['indicators']],
    ['null', null, ['indicators']],
    ['empty', [], ['indicators']],
    ['one', [{}], []],
    ['not a list (the reading reports it)', 'x', []],
  ])('indicators %s', (_n, raw, expected) => expect(paths(hasIndicators(raw))).toEqual(expected));

  it.each<[string, unknown, string[]]>([
    ['absent', undefined, ['gradeBands']],
    ['empty', [], ['gradeBands']],
    ['one', [{}], []],
    ['not a list (the reading reports it)', {}, []],
  ])('gradeBands %s', (_n, raw, expected) => expect(paths(hasGradeBands(raw))).toEqual(expected));
});

describe("an indicator's own fields", () => {
  it.each<[string, unknown, string[]]>([
    ['RESULTS', 'RESULTS', []],
    ['SATISFACTION', 'SATISFACTION', []],
    ['OTHER', 'OTHER', ['k.part']],
    ['absent', undefined, ['k.part']],
  ])('knownPart %s', (_n, v, expected) => expect(paths(knownPart(v, 'k'))).toEqual(expected));

  it.each<[string, unknown, string[]]>([
    ['absent (QUANTITATIVE)', undefined, []],
    ['QUALITATIVE', 'QUALITATIVE', []],
    ['OTHER', 'OTHER', ['k.measure']],
  ])('knownMeasure %s', (_n, v, expected) => expect(paths(knownMeasure(v, 'k'))).toEqual(expected));

  it.each<[string, unknown, string[]]>([
    ['100', 100, []],
    ['0.5', 0.5, []],
    ['0', 0, ['k.weight']],
    ['101', 101, ['k.weight']],
    ['NaN', NaN, ['k.weight']],
    ['a string', '10', ['k.weight']],
  ])('weightInRange %s', (_n, v, expected) => expect(paths(weightInRange(v, 'k'))).toEqual(expected));

  it.each<[string, unknown, string[]]>([
    ['30', 30, []],
    ['0', 0, ['k.maxScore']],
    ['-1', -1, ['k.maxScore']],
    ['absent', undefined, ['k.maxScore']],
  ])('positiveMaxScore %s', (_n, v, expected) => expect(paths(positiveMaxScore(v, 'k'))).toEqual(expected));
});

describe('unique: a code or grade once', () => {
  it.each<[string, string | null, string[], string[]]>([
    ['new', 'B', ['A'], []],
    ['taken', 'A', ['A'], ['k.code']],
    ['unread (null)', null, ['A'], []],
  ])('%s', (_n, value, taken, expected) => expect(paths(unique(value, taken, 'k.code', '指标代码'))).toEqual(expected));

  it('names the kind', () => expect(unique('优秀', ['优秀'], 'g', '格次')[0].message).toBe('重复的格次：优秀'));
});

describe('weightsSumTo100', () => {
  it.each<[string, number[], string[]]>([
    ['100', [60, 40], []],
    ['100 by decimal fractions', [33.3, 33.3, 33.4], []],
    ['90', [50, 40], ['indicators']],
    ['110', [60, 50], ['indicators']],
    ['an empty list', [], []],
  ])('%s', (_n, weights, expected) =>
    expect(
      paths(
        weightsSumTo100(
          weights.map((weight) => ({ weight })),
          'indicators',
          '指标',
        ),
      ),
    ).toEqual(expected),
  );

  it('says the sum', () =>
    expect(weightsSumTo100([{ weight: 50 }, { weight: 40 }], 'indicators', '指标')[0].message).toBe(
      '指标权重之和应为 100%，实为 90%',
    ));
});

describe('satisfactionNeedsEvaluators', () => {
  const k = (part: Indicator['part']): Indicator => ({
    code: 'K',
    name: 'K',
    part,
    weight: 100,
    maxScore: 10,
    measure: 'QUANTITATIVE',
  });
  it.each<[string, Indicator[], number, string[]]>([
    ['satisfaction with groups', [k('SATISFACTION')], 2, []],
    ['satisfaction without groups', [k('SATISFACTION')], 0, ['evaluatorGroups']],
    ['results only, no groups', [k('RESULTS')], 0, []],
  ])('%s', (_n, indicators, groups, expected) =>
    expect(paths(satisfactionNeedsEvaluators(indicators, groups))).toEqual(expected),
  );
});

describe('bandBounds: [min, max) on 0–100, not empty', () => {
  it.each<[string, unknown, unknown, string[]]>([
    ['0–60', 0, 60, []],
    ['min below 0', -1, 60, ['b.min']],
    ['max above 100', 0, 101, ['b.max']],
    ['upside down', 60, 0, ['b.max']],
    ['empty', 60, 60, ['b.max']],
    ['neither a number', 'a', null, ['b.min', 'b.max']],
  ])('%s', (_n, min, max, expected) => expect(paths(bandBounds(min, max, 'b'))).toEqual(expected));
});

describe('bandsCoverScale: 0–100, no overlap, no gap', () => {
  const band = (grade: string, min: number, max: number) => ({ grade, min, max });
  it.each<[string, Array<ReturnType<typeof band>>, string[]]>([
    ['covering, in any order', [band('B', 60, 100), band('C', 0, 60)], []],
    ['overlapping', [band('A', 50, 100), band('B', 0, 60)], ['gradeBands[0].min']],
    ['a gap', [band('A', 70, 100), band('B', 0, 60)], ['gradeBands[0].min']],
    ['not from 0', [band('A', 10, 100)], ['gradeBands[0].min']],
    ['not to 100', [band('A', 0, 99)], ['gradeBands[0].max']],
    ['none (hasGradeBands says so)', [], []],
  ])('%s', (_n, bands, expected) => expect(paths(bandsCoverScale(bands))).toEqual(expected));
});

describe('the 双百分 combination', () => {
  it.each<[string, unknown, string[]]>([
    ['WEIGHTED_SUM', { method: 'WEIGHTED_SUM' }, []],
    ['GRADE_MATRIX', { method: 'GRADE_MATRIX' }, []],
    ['absent', undefined, ['combination']],
    ['unknown', { method: 'AVERAGE' }, ['combination.method']],
  ])('combinationMethod %s', (_n, c, expected) => expect(paths(combinationMethod(c))).toEqual(expected));

  it.each<[string, Record<string, unknown>, string[]]>([
    ['40 + 60', { partyWeight: 40, businessWeight: 60 }, []],
    ['summing to 90%', { partyWeight: 40, businessWeight: 50 }, ['combination']],
    ['a negative weight', { partyWeight: -10, businessWeight: 110 }, ['combination.partyWeight']],
    ['a weight missing', { partyWeight: 40 }, ['combination.businessWeight']],
  ])('weightedSum %s', (_n, c, expected) => expect(paths(weightedSum(c))).toEqual(expected));

  const grades = new Set(['好', '差']);
  const full = [
    { party: '好', business: '好', grade: '好' },
    { party: '好', business: '差', grade: '差' },
    { party: '差', business: '好', grade: '差' },
    { party: '差', business: '差', grade: '差' },
  ];
  it.each<[string, unknown, string[]]>([
    ['every pair once', full, []],
    ['not a list', 'x', ['combination.matrix']],
    ['a pair missing', full.slice(1), ['combination.matrix']],
    ['a pair twice', [...full, full[0]], ['combination.matrix[4]']],
    [
      'an unknown grade',
      [...full.slice(1), { party: '好', business: '好', grade: '优' }],
      ['combination.matrix[3].grade'],
    ],
  ])('gradeMatrix %s', (_n, matrix, expected) => expect(paths(gradeMatrix({ matrix }, grades))).toEqual(expected));
});

describe('opinionWeight: 0–50, absent is 0', () => {
  it.each<[string, unknown, string[]]>([
    ['absent', undefined, []],
    ['null', null, []],
    ['0', 0, []],
    ['50', 50, []],
    ['51', 51, ['opinionWeight']],
    ['-1', -1, ['opinionWeight']],
    ['a string', '10', ['opinionWeight']],
  ])('%s', (_n, w, expected) => expect(paths(opinionWeight(w))).toEqual(expected));
});
