import { fromGlobalId } from '@tiaokuai/platform';
import type { AssessmentFinding } from '../../domain/findings/types';
import { findingId, findingQuestionOf } from './pages';

const finding = (over: Partial<AssessmentFinding> = {}): AssessmentFinding => ({
  kind: 'MULTIPLE_INSPECTIONS',
  unitId: '33',
  bodyIds: ['4', '12'],
  from: '2026-04-01',
  to: '2026-06-30',
  submissionIds: [],
  inspectionIds: ['7', '8'],
  proposal: null,
  explanation: 'e',
  suggestion: 's',
  ...over,
});

describe('findingId', () => {
  it('is the same whatever order a scan met the bodies and inspections in, and whatever the words', () => {
    expect(
      findingId(finding({ bodyIds: ['12', '4'], inspectionIds: ['8', '7'], explanation: '另一种说法' }), 2026),
    ).toBe(findingId(finding(), 2026));
  });

  it.each([
    ['another unit', { unitId: '34' }],
    ['another kind', { kind: 'EVALUATION_ONLY' as const }],
    ['another period', { from: '2026-07-01', to: '2026-09-30' }],
    ['another body', { bodyIds: ['4', '13'] }],
    ['another inspection', { inspectionIds: ['7'] }],
    ['a submission', { submissionIds: ['1'] }],
  ])('differs for %s', (_what, over) => {
    expect(findingId(finding(over), 2026)).not.toBe(findingId(finding(), 2026));
  });

  it('names the assessment year (a period may run into the next) and reads it back with the unit', () => {
    expect(findingId(finding(), 2025)).not.toBe(findingId(finding(), 2026));
    expect(findingQuestionOf(fromGlobalId(findingId(finding(), 2026))!.parts)).toEqual({ unitId: '33', year: 2026 });
  });

  it.each([[[]], [['x', 'K', '2026', 'a', 'b', 'd']], [['33', 'K', '26', 'a', 'b', 'd']]])(
    'reads %j as no finding',
    (parts) => {
      expect(findingQuestionOf(parts)).toBeNull();
    },
  );
});
