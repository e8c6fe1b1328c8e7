import { taskTarget } from './task-target';

describe('taskTarget', () => {
  it.each<[string, unknown, string | null, { target?: number | null; problem?: string }]>([
    ['none', undefined, null, { target: null }],
    ['null', null, '次数', { target: null }],
    ['a value with an indicator', 12, '主题党日开展次数', { target: 12 }],
    ['zero', 0, '次数', { target: 0 }],
    ['negative', -1, '次数', { problem: '目标值应为不小于 0 的数：-1' }],
    ['not a number', '12', '次数', { problem: '目标值应为不小于 0 的数：12' }],
    ['infinite', Infinity, '次数', { problem: '目标值应为不小于 0 的数：Infinity' }],
    ['without an indicator', 12, null, { problem: '有目标值时须给出指标名称（indicator）' }],
  ])('%s', (_n, target, indicator, expected) => {
    expect(taskTarget(target, indicator)).toEqual(expected);
  });
});
