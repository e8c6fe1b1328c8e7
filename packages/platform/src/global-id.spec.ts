import { aboutDigest, fromGlobalId, sortedIds, toGlobalId } from './global-id';

describe('global ids', () => {
  it('round-trips a type and its parts, and is opaque base64url', () => {
    const id = toGlobalId('Anomaly', '42', 'GAP', '2026-01-01', 'abc');
    expect(id).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(id).not.toContain('Anomaly');
    expect(fromGlobalId(id)).toEqual({ type: 'Anomaly', parts: ['42', 'GAP', '2026-01-01', 'abc'] });
  });

  it('keeps parts apart whatever they hold', () => {
    const a = toGlobalId('T', 'a:b', 'c');
    const b = toGlobalId('T', 'a', 'b:c');
    expect(a).not.toBe(b);
    expect(fromGlobalId(a)?.parts).toEqual(['a:b', 'c']);
  });

  it.each([
    ['empty', ''],
    ['not base64url', 'abc+/=='],
    ['a plain row id', '42'],
    ['not JSON', Buffer.from('Unit:42').toString('base64url')],
    ['not an array', Buffer.from('{"a":1}').toString('base64url')],
    ['a number part', Buffer.from('["Unit",42]').toString('base64url')],
    ['a lower-case type', Buffer.from('["unit","42"]').toString('base64url')],
    ['another spelling', Buffer.from('[ "Unit","42"]').toString('base64url')],
    ['too long', 'A'.repeat(600)],
  ])('reads %s as no id', (_what, id) => {
    expect(fromGlobalId(id)).toBeNull();
  });

  it('digests what a finding is about, the same for the same parts only', () => {
    expect(aboutDigest(['1,2', '3'])).toBe(aboutDigest(['1,2', '3']));
    expect(aboutDigest(['1,2', '3'])).not.toBe(aboutDigest(['1', '2,3']));
    expect(aboutDigest(['x'])).toMatch(/^[0-9a-f]{16}$/);
  });

  it('sorts ids as numbers, so the order a scan found them in does not matter', () => {
    expect(sortedIds(['10', '9', '100'])).toEqual(['9', '10', '100']);
    expect(aboutDigest(sortedIds(['3', '1']))).toBe(aboutDigest(sortedIds(['1', '3'])));
  });
});
