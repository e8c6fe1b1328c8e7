import { addDays, isDay, overlaps, within } from './days';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2023-02-30', false],
    ['2019-11-29', true],
    ['2019-1-29', false],
    ['20191129', false],
    [null, false],
    [20191129, false],
    ['2019-13-01', false],
  ])('isDay(%j) is %s', (v, ok) => expect(isDay(v)).toBe(ok));

  it.each([
    ['2019-11-28', 1, '2019-11-29'],
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-03-01', -1, '2024-02-29'],
    ['2018-12-31', 1, '2019-01-01'],
  ])('addDays(%s, %d) = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it('intervals are inclusive of both ends; null is open-ended', () => {
    expect(within('2019-11-29', '2019-11-29', '2019-11-29')).toBe(true);
    expect(within('2019-11-30', '2019-11-29', '2019-11-29')).toBe(false);
    expect(within('2099-01-01', '2019-11-29', null)).toBe(true);
    expect(overlaps('2018-01-01', '2018-03-31', '2018-03-31', null)).toBe(true);
    expect(overlaps('2018-01-01', '2018-03-31', '2018-04-01', null)).toBe(false);
  });
});
