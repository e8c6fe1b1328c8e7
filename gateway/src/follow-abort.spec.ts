import { getEventListeners } from 'node:events';
import { followAbort } from './follow-abort';

const listeners = (s: AbortSignal) => getEventListeners(s, 'abort').length;

describe('followAbort: one listener on a long-lived signal, however many follow it', () => {
  it('a hundred followers put one listener on the signal; the last to stop following takes it off', () => {
    const outer = new AbortController();
    const stops = Array.from({ length: 100 }, () => followAbort(outer.signal, () => undefined));
    expect(listeners(outer.signal)).toBe(1);
    for (const stop of stops.slice(0, 99)) stop();
    expect(listeners(outer.signal)).toBe(1);
    stops[99]();
    expect(listeners(outer.signal)).toBe(0);
  });

  it('an abort reaches every follower still following, with the reason, and leaves no listener', () => {
    const outer = new AbortController();
    const seen: unknown[] = [];
    const stops = [1, 2, 3].map((n) => followAbort(outer.signal, (reason) => seen.push([n, reason])));
    stops[1]();
    const reason = new Error('gateway disposed');
    outer.abort(reason);
    expect(seen).toEqual([
      [1, reason],
      [3, reason],
    ]);
    expect(listeners(outer.signal)).toBe(0);
    for (const stop of stops) stop(); // after the abort: nothing happens, nothing throws
    expect(seen).toHaveLength(2);
  });

  it('stopping twice is stopping once; the same callback following twice is two followers', () => {
    const outer = new AbortController();
    let calls = 0;
    const cb = () => {
      calls++;
    };
    const a = followAbort(outer.signal, cb);
    const b = followAbort(outer.signal, cb);
    a();
    a();
    expect(listeners(outer.signal)).toBe(1); // b still follows
    outer.abort();
    expect(calls).toBe(1);
    b();
  });

  it('a signal followed again after everyone stopped gets its one listener back', () => {
    const outer = new AbortController();
    followAbort(outer.signal, () => undefined)();
    expect(listeners(outer.signal)).toBe(0);
    let aborted = false;
    followAbort(outer.signal, () => {
      aborted = true;
    });
    expect(listeners(outer.signal)).toBe(1);
    outer.abort();
    expect(aborted).toBe(true);
  });
});
