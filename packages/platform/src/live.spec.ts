/**
 * Live watches (live.ts): shared per key, woken by the bus, recomputed without overlap, the
 * difference sent; bounded (a subscriber cap, a queue that collapses into RESYNC), cleaned up with
 * the last subscriber.
 */
import { InProcessBus } from './events';
import { LiveHub, liveLimitsFromEnv, type LiveChange } from './live';

type Item = { id: string };
const items = (...ids: string[]) => ids.map((id) => ({ id }));

/** A list the test changes; `computes` counts the recomputes. */
function source(initial: Item[]) {
  const s = { list: initial, computes: 0 };
  return {
    s,
    spec: (key = 'k') => ({
      key,
      topics: ['w'],
      compute: async () => {
        s.computes++;
        return s.list;
      },
      keyOf: (i: Item) => i.id,
    }),
  };
}

const take = async <T>(it: AsyncIterator<LiveChange<T>>) => (await it.next()).value as LiveChange<T>;

describe('LiveHub', () => {
  it('sends READY with the count, then what appeared and what went after a wake-up', async () => {
    const bus = new InProcessBus();
    const hub = new LiveHub(bus, { maxSubscribers: 10, queueLength: 4 });
    const { s, spec } = source(items('a', 'b'));
    const it = await hub.watch(spec());
    expect(await take(it)).toEqual({ kind: 'READY', appeared: [], settled: [], total: 2 });
    s.list = items('b', 'c');
    bus.publish('w', {});
    expect(await take(it)).toEqual({ kind: 'CHANGED', appeared: items('c'), settled: items('a'), total: 2 });
    await it.return!();
  });

  it('shares one watch and one recompute per wake-up between subscribers of one key', async () => {
    const bus = new InProcessBus();
    const hub = new LiveHub(bus, { maxSubscribers: 10, queueLength: 4 });
    const { s, spec } = source(items('a'));
    const its = await Promise.all([hub.watch(spec()), hub.watch(spec()), hub.watch(spec())]);
    expect(s.computes).toBe(1);
    expect(hub.watching).toBe(1);
    for (const it of its) await take(it);
    s.list = items('a', 'b');
    bus.publish('w', {});
    for (const it of its) expect((await take(it)).appeared).toEqual(items('b'));
    expect(s.computes).toBe(2);
    for (const it of its) await it.return!();
    expect([hub.subscribers, hub.watching, bus.size]).toEqual([0, 0, 0]);
  });

  it('refuses a subscriber over the cap with SERVICE_UNAVAILABLE, and takes one again after one left', async () => {
    const hub = new LiveHub(new InProcessBus(), { maxSubscribers: 2, queueLength: 4 });
    const { spec } = source([]);
    const a = await hub.watch(spec('a'));
    await hub.watch(spec('b'));
    await expect(hub.watch(spec('c'))).rejects.toMatchObject({
      extensions: { code: 'SERVICE_UNAVAILABLE', limit: 'LIVE_MAX_SUBSCRIBERS' },
    });
    await a.return!();
    await expect(hub.watch(spec('c'))).resolves.toBeDefined();
  });

  it("replaces a slow subscriber's full queue with one RESYNC carrying the latest count", async () => {
    const bus = new InProcessBus();
    const hub = new LiveHub(bus, { maxSubscribers: 10, queueLength: 2 });
    const { s, spec } = source([]);
    const slow = await hub.watch(spec());
    const fast = await hub.watch(spec());
    await take(fast);
    // READY still unread by `slow`; five changes, each awaited by `fast`.
    for (let n = 1; n <= 5; n++) {
      s.list = items(...Array.from({ length: n }, (_, i) => `i${i}`));
      bus.publish('w', {});
      expect((await take(fast)).total).toBe(n);
    }
    expect(await take(slow)).toEqual({ kind: 'RESYNC', appeared: [], settled: [], total: 5 });
    s.list = [];
    bus.publish('w', {});
    expect((await take(slow)).settled).toHaveLength(5);
    await Promise.all([slow.return!(), fast.return!()]);
  });

  it('throws a failed first compute to its subscriber and keeps no watch of it', async () => {
    const bus = new InProcessBus();
    const hub = new LiveHub(bus);
    await expect(
      hub.watch({ key: 'x', topics: ['w'], compute: () => Promise.reject(new Error('refused')), keyOf: String }),
    ).rejects.toThrow('refused');
    expect([hub.subscribers, hub.watching, bus.size]).toEqual([0, 0, 0]);
  });

  it('reads its limits from the environment, refusing nonsense', () => {
    expect(liveLimitsFromEnv({})).toEqual({ maxSubscribers: 5000, queueLength: 16 });
    expect(liveLimitsFromEnv({ LIVE_MAX_SUBSCRIBERS: '10', LIVE_QUEUE_LENGTH: '2' })).toEqual({
      maxSubscribers: 10,
      queueLength: 2,
    });
    expect(() => liveLimitsFromEnv({ LIVE_MAX_SUBSCRIBERS: '0' })).toThrow('LIVE_MAX_SUBSCRIBERS');
  });
});
