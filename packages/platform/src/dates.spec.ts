import { addDays, isDay, MAX_WINDOW_DAYS } from '@tiaokuai/leadership';
import { checkWindow, today } from './dates';

describe('today', () => {
  it('today is the day in Beijing, or HUB_TODAY when pinned', () => {
    expect(isDay(today())).toBe(true);
    process.env.HUB_TODAY = '2026-11-22';
    expect(today()).toBe('2026-11-22');
    delete process.env.HUB_TODAY;
  });
});

describe("checkWindow: a period question's window", () => {
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
    try {
      checkWindow(from, to);
    } catch (e) {
      err = e;
    }
    expect(err?.extensions?.field ?? null).toBe(field);
    if (field) expect(err.extensions.code).toBe('BAD_USER_INPUT');
  });
});
