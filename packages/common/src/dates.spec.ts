import { addDays, checkWindow, isDay, MAX_WINDOW_DAYS, overlaps, today, within } from './dates';

describe('calendar dates', () => {
  it.each([
    ['2024-02-29', true], ['2023-02-29', false], ['2023-02-30', false], ['2019-11-29', true],
    ['2019-1-29', false], ['20191129', false], [null, false], [20191129, false], ['2019-13-01', false],
  ])('isDay(%j) is %s', (v, ok) => expect(isDay(v)).toBe(ok));

  it.each([
    ['2019-11-28', 1, '2019-11-29'], ['2024-02-28', 1, '2024-02-29'], ['2024-03-01', -1, '2024-02-29'], ['2018-12-31', 1, '2019-01-01'],
  ])('addDays(%s, %d) = %s', (d, n, out) => expect(addDays(d, n)).toBe(out));

  it('intervals are inclusive of both ends; null is open-ended', () => {
    expect(within('2019-11-29', '2019-11-29', '2019-11-29')).toBe(true);
    expect(within('2019-11-30', '2019-11-29', '2019-11-29')).toBe(false);
    expect(within('2099-01-01', '2019-11-29', null)).toBe(true);
    expect(overlaps('2018-01-01', '2018-03-31', '2018-03-31', null)).toBe(true);
    expect(overlaps('2018-01-01', '2018-03-31', '2018-04-01', null)).toBe(false);
  });

  it('today is the day in Beijing, or HUB_TODAY when pinned', () => {
    expect(isDay(today())).toBe(true);
    process.env.HUB_TODAY = '2026-11-22';
    expect(today()).toBe('2026-11-22');
    delete process.env.HUB_TODAY;
  });
});

describe('checkWindow: a period question\'s window', () => {
  it.each([
    ['2026-01-01', '2026-12-31', null],
    ['2026-01-01', '2026-01-01', null],
    ['2026-01-01', addDays('2026-01-01', MAX_WINDOW_DAYS), null],
    ['2026-01-01', addDays('2026-01-01', MAX_WINDOW_DAYS + 1), 'to'],
    ['2026-12-31', '2026-01-01', 'to'],
    ['2026-02-30', '2026-12-31', 'from'],
    ['2026-01-01', 'soon', 'to'],
  ])('[%s, %s]: %s', (from, to, field) => {
    let err: any = null;
    try { checkWindow(from, to); } catch (e) { err = e; }
    expect(err?.extensions?.field ?? null).toBe(field);
    if (field) expect(err.extensions.code).toBe('BAD_USER_INPUT');
  });
});
