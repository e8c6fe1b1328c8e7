import type { TaskFinding } from '../../domain/types';
import { fromGlobalId } from '@tiaokuai/platform';
import { conflictId, conflictQuestionOf, digest, findingKey, findingSummary, keyed, pageOf } from './pages';

const finding = (over: Partial<TaskFinding>): TaskFinding => ({
  kind: 'MISSING',
  unitId: '7',
  assignmentIds: [],
  taskIds: [],
  issuerIds: ['3'],
  message: 'm',
  suggestion: 's',
  ...over,
});

describe('findingKey', () => {
  it('orders by unit id as a number, then kind, whatever the text says', () => {
    const keys = [
      finding({ unitId: '10', kind: 'DUPLICATE' }),
      finding({ unitId: '9', kind: 'MISSING' }),
      finding({ unitId: '9', kind: 'DUPLICATE', message: 'other words' }),
    ].map(findingKey);
    expect([...keys].sort()).toEqual([keys[2], keys[1], keys[0]]);
  });

  it('is the same for the same finding and differs for what it concerns', () => {
    const a = finding({ requiredItemId: 'SHYK', from: '2026-07-01', to: '2026-09-30' });
    expect(findingKey({ ...a, message: '另一种说法' })).toBe(findingKey(a));
    expect(findingKey({ ...a, from: '2026-10-01', to: '2026-12-31' })).not.toBe(findingKey(a));
    expect(findingKey(finding({ kind: 'DUPLICATE', assignmentIds: ['1', '2'] }))).not.toBe(
      findingKey(finding({ kind: 'DUPLICATE', assignmentIds: ['1', '3'] })),
    );
  });
});

describe('conflictId', () => {
  const year = { from: '2026-01-01', to: '2026-12-31' };

  it('is the same whatever order a scan met the assignments and tasks in, and whatever the words', () => {
    const a = finding({ kind: 'DUPLICATE', assignmentIds: ['12', '3'], taskIds: ['5', '40'] });
    const b = finding({ kind: 'DUPLICATE', assignmentIds: ['3', '12'], taskIds: ['40', '5'], message: '另一种说法' });
    expect(conflictId(a, year)).toBe(conflictId(b, year));
  });

  it.each([
    ['another unit', { unitId: '8' }],
    ['another kind', { kind: 'CONFLICT' as const }],
    ['another assignment', { assignmentIds: ['3', '13'] }],
    ['another issuer', { issuerIds: ['4'] }],
    ['another list item', { itemIds: ['1', '2'] }],
  ])('differs for %s', (_what, over) => {
    const base = finding({ kind: 'DUPLICATE', assignmentIds: ['3', '12'] });
    expect(conflictId({ ...base, ...over }, year)).not.toBe(conflictId(base, year));
  });

  it("names a MISSING finding's own period, else the window asked about, and reads them back", () => {
    const missing = finding({ requiredItemCode: 'SHYK', from: '2026-07-01', to: '2026-09-30' });
    expect(conflictId(missing, year)).toBe(conflictId(missing, { from: '2026-08-01', to: '2026-08-01' }));
    expect(conflictQuestionOf(fromGlobalId(conflictId(missing, year))!.parts)).toEqual({
      unitId: '7',
      window: { from: '2026-07-01', to: '2026-09-30' },
    });
    const dup = finding({ kind: 'DUPLICATE', assignmentIds: ['3', '12'] });
    expect(conflictQuestionOf(fromGlobalId(conflictId(dup, year))!.parts)).toEqual({ unitId: '7', window: year });
    expect(conflictId(dup, year)).not.toBe(conflictId(dup, { from: '2026-01-01', to: '2026-06-30' }));
  });

  it.each([[[]], [['x', 'MISSING', '2026-01-01', '2026-12-31', 'd']], [['7', 'MISSING', 'soon', '2026-12-31', 'd']]])(
    'reads %j as no task finding',
    (parts) => {
      expect(conflictQuestionOf(parts)).toBeNull();
    },
  );
});

describe('digest', () => {
  it('is fixed: 11 base-36 characters, the same on every run and machine, different for different text', () => {
    expect(digest('')).toMatch(/^[0-9a-z]{11}$/);
    expect(digest('SHYK|2026-07-01|2026-09-30|||3')).toBe(digest('SHYK|2026-07-01|2026-09-30|||3'));
    const many = new Set(Array.from({ length: 10_000 }, (_, i) => digest(`${i},${i + 1}`)));
    expect(many.size).toBe(10_000);
    // cyrb53's published value for the empty string (seed 0): 3338908027751811
    expect(digest('')).toBe((3338908027751811).toString(36).padStart(11, '0'));
  });
});

describe('keyed', () => {
  it('keeps keys unique when two items share one, in their given order', () => {
    expect(keyed(['b', 'a', 'b', 'b'], (x) => x).map((x) => x.key)).toEqual(['a', 'b', 'b~1', 'b~2']);
  });
});

describe('pageOf and findingSummary', () => {
  it('pages a list by key and counts every kind, zeros included', () => {
    const list = [finding({ unitId: '2' }), finding({ unitId: '1', kind: 'OVERREACH' }), finding({ unitId: '3' })];
    const page = pageOf('t', list, findingKey, { first: 2 }, (f) => f.unitId);
    expect(page.nodes).toEqual(['1', '2']);
    expect(page.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false });
    expect(pageOf('t', list, findingKey, { first: 2, after: page.pageInfo.endCursor }, (f) => f.unitId).nodes).toEqual([
      '3',
    ]);
    expect(findingSummary(list)).toEqual({
      total: 3,
      byKind: [
        { kind: 'DUPLICATE', count: 0 },
        { kind: 'CONFLICT', count: 0 },
        { kind: 'MISSING', count: 2 },
        { kind: 'OVERREACH', count: 1 },
        { kind: 'CHERRY_PICKING', count: 0 },
      ],
    });
  });
});
