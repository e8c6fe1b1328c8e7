import { restartDelay, supervisionFromEnv } from './launcher';

describe('supervision backoff', () => {
  it('doubles with each crash in a row from the initial delay, up to the cap', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => restartDelay(n))).toEqual([
      250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000,
    ]);
    expect([1, 2, 3, 4].map((n) => restartDelay(n, { initialDelayMs: 100, maxDelayMs: 300 }))).toEqual([
      100, 200, 300, 300,
    ]);
    expect(restartDelay(10_000)).toBe(30_000); // no overflow on a long crash loop
  });

  it('reads its settings from the environment, ignoring what is not a number', () => {
    expect(
      supervisionFromEnv({
        SUPERVISE_INITIAL_DELAY_MS: '50',
        SUPERVISE_MAX_DELAY_MS: 'x',
        SUPERVISE_RESET_AFTER_MS: '1000',
      }),
    ).toEqual({ initialDelayMs: 50, maxDelayMs: undefined, resetAfterMs: 1000 });
  });
});
