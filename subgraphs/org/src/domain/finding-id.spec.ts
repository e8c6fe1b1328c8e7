import { aboutDigest, sortedIds } from '@tiaokuai/platform';
import { anomalyIdParts, anomalyQuestionOf } from './finding-id';
import type { Finding } from './types';

const f = (over: Partial<Finding> = {}): Finding => ({
  code: 'DUPLICATE_LEADER',
  unitId: '7',
  message: '…',
  relatedUnitIds: ['3', '12'],
  linkIds: ['40', '9'],
  from: null,
  to: null,
  ...over,
});

describe('anomaly id parts', () => {
  const parts = (x: Finding, when: Parameters<typeof anomalyIdParts>[1]) =>
    anomalyIdParts(x, when, aboutDigest, sortedIds);

  it('do not depend on the order a scan found the units and links in', () => {
    const a = parts(f(), { day: '2026-03-01' });
    const b = parts(f({ relatedUnitIds: ['12', '3'], linkIds: ['9', '40'] }), { day: '2026-03-01' });
    expect(a).toEqual(b);
  });

  it.each([
    ['another unit', f({ unitId: '8' }), { day: '2026-03-01' }],
    ['another code', f({ code: 'MISSING_LEADER' }), { day: '2026-03-01' }],
    ['another body', f({ relatedUnitIds: ['3', '13'] }), { day: '2026-03-01' }],
    ['another link', f({ linkIds: ['9'] }), { day: '2026-03-01' }],
    ['another day', f(), { day: '2026-03-02' }],
    ['a period from that day', f(), { period: '2026-03-01' }],
  ] as const)('differ for %s', (_what, other, when) => {
    expect(parts(other, when)).not.toEqual(parts(f(), { day: '2026-03-01' }));
  });

  it('read back to the unit and the question', () => {
    expect(anomalyQuestionOf(parts(f(), { period: '2025-01-01' }))).toEqual({
      unitId: '7',
      code: 'DUPLICATE_LEADER',
      when: { period: '2025-01-01' },
    });
    expect(anomalyQuestionOf(parts(f(), { day: '2025-01-01' }))?.when).toEqual({ day: '2025-01-01' });
  });

  it.each([
    [[]],
    [['x', 'C', 'D', '2025-01-01', 'd']],
    [['7', 'C', 'X', '2025-01-01', 'd']],
    [['7', 'C', 'D', 'soon', 'd']],
  ])('read %j as no anomaly', (p) => {
    expect(anomalyQuestionOf(p)).toBeNull();
  });
});
