import { unknownAssessmentFields } from './shape';

const scheme = (over: Record<string, unknown> = {}) => ({
  issuer: 'GW',
  key: 's1',
  year: 2024,
  name: '方案',
  indicators: [{ code: 'A', name: '指标', part: 'RESULTS', weight: 100, maxScore: 10, measure: 'QUANTITATIVE' }],
  evaluatorGroups: [{ code: 'G', name: '群众', weight: 100 }],
  gradeBands: [{ grade: '好', min: 0, max: 100 }],
  combination: { method: 'WEIGHTED_SUM', partyWeight: 50, businessWeight: 50 },
  opinionWeight: 0,
  ...over,
});
const matrix = { method: 'GRADE_MATRIX', matrix: [{ party: '好', business: '好', grade: '好' }] };
const submission = (over: Record<string, unknown> = {}) => ({
  scheme: { issuer: 'GW', key: 's1' },
  unit: 'U1',
  assessor: 'GW',
  role: 'GRADING',
  on: '2024-12-01',
  scores: [{ indicator: 'A', score: 9 }],
  ratings: [{ indicator: 'A', group: 'G', score: 9 }],
  businessScore: 90,
  note: '说明',
  ...over,
});
const doc = (section: Record<string, unknown>, over: Record<string, unknown> = {}) => ({
  format: 'tiaokuai/v1',
  assessments: { schemes: [scheme()], submissions: [submission()], ...section },
  ...over,
});

describe('unknownAssessmentFields: every field the format does not know, at each level, with its path', () => {
  const S = 'assessments.schemes[0]';
  const U = 'assessments.submissions[0]';
  it.each<[string, unknown, Array<[string, string]>]>([
    ['every field exportAssessments writes', doc({ schemes: [scheme(), scheme({ combination: matrix })] }), []],
    ['the other sections at the top level', doc({}, { units: [], links: [], tasks: [], requiredItems: [] }), []],
    ['the top level', doc({}, { extra: 1 }), [['$.extra', '未知字段：extra']]],
    ['the section', doc({ results: [] }), [['assessments.results', '未知字段：results']]],
    ['a scheme', doc({ schemes: [scheme({ yaer: 2024 })] }), [[`${S}.yaer`, '未知字段：yaer']]],
    [
      'an indicator',
      doc({ schemes: [scheme({ indicators: [{ code: 'A', name: 'n', weight: 100, maxScore: 1, unit: '%' }] })] }),
      [[`${S}.indicators[0].unit`, '未知字段：unit']],
    ],
    [
      'an evaluator group',
      doc({ schemes: [scheme({ evaluatorGroups: [{ code: 'G', name: 'n', weight: 100, size: 3 }] })] }),
      [[`${S}.evaluatorGroups[0].size`, '未知字段：size']],
    ],
    [
      'a grade band',
      doc({ schemes: [scheme({ gradeBands: [{ grade: '好', min: 0, max: 100, colour: 'red' }] })] }),
      [[`${S}.gradeBands[0].colour`, '未知字段：colour']],
    ],
    [
      'a combination (a field of the other method)',
      doc({
        schemes: [scheme({ combination: { method: 'WEIGHTED_SUM', partyWeight: 50, businessWeight: 50, matrix: [] } })],
      }),
      [[`${S}.combination.matrix`, '未知字段：matrix']],
    ],
    [
      'a cell of the grade matrix',
      doc({
        schemes: [
          scheme({
            combination: { method: 'GRADE_MATRIX', matrix: [{ party: '好', business: '好', grade: '好', note: 1 }] },
          }),
        ],
      }),
      [[`${S}.combination.matrix[0].note`, '未知字段：note']],
    ],
    ['a submission', doc({ submissions: [submission({ score: 90 })] }), [[`${U}.score`, '未知字段：score']]],
    [
      "a submission's scheme",
      doc({ submissions: [submission({ scheme: { issuer: 'GW', key: 's1', year: 2024 } })] }),
      [[`${U}.scheme.year`, '未知字段：year']],
    ],
    [
      'a score',
      doc({ submissions: [submission({ scores: [{ indicator: 'A', score: 9, max: 10 }] })] }),
      [[`${U}.scores[0].max`, '未知字段：max']],
    ],
    [
      'a rating',
      doc({ submissions: [submission({ ratings: [{ indicator: 'A', group: 'G', score: 9, by: 'x' }] })] }),
      [[`${U}.ratings[0].by`, '未知字段：by']],
    ],
    [
      'what is no object is left to the other checks',
      doc({ schemes: ['x'], submissions: [submission({ scores: [1] })] }),
      [],
    ],
  ])('%s', (_, raw, expected) => {
    expect(unknownAssessmentFields(raw).map((p) => [p.path, p.message])).toEqual(expected);
  });
});
