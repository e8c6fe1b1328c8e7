import { mayRestore } from './restore';

describe("mayRestore: who may restore a record today's rules would refuse", () => {
  it.each<[string, { hubAdmin: boolean; role: 'VIEWER' | 'EDITOR' | 'ADMIN' }, boolean, boolean]>([
    ['the operator, anywhere', { hubAdmin: true, role: 'ADMIN' }, false, true],
    ['an ADMIN within its jurisdiction', { hubAdmin: false, role: 'ADMIN' }, true, true],
    ['an ADMIN outside its jurisdiction', { hubAdmin: false, role: 'ADMIN' }, false, false],
    ['an EDITOR within its jurisdiction', { hubAdmin: false, role: 'EDITOR' }, true, false],
    ['a VIEWER', { hubAdmin: false, role: 'VIEWER' }, true, false],
  ])('%s', (_, who, inside, expected) => {
    expect(mayRestore(who, inside)).toBe(expected);
  });
});
