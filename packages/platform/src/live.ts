/**
 * Live watches: what a subscription is, here (docs/live-updates.md). A subscriber watches a list
 * (say a scope's task findings, for its caller); subscribers asking the same question as the same
 * caller share one watch. A watch is woken by events on its topics (events.ts), recomputes the
 * list from the database through the caller's own access rules, and sends each subscriber what
 * appeared and what went (by key). The event carries no data: the database stays the truth.
 *
 * Memory is bounded: at most `maxSubscribers` subscribers per process (more are refused with
 * SERVICE_UNAVAILABLE); each subscriber queues at most `queueLength` changes, and a subscriber
 * that falls further behind (a slow client: the SSE writer waits for its socket to drain before
 * it takes the next change) has its queue replaced by one RESYNC (re-read the list); a watch and
 * its bus subscriptions go with its last subscriber (a client's disconnect ends its iterator).
 * Recomputes of one watch never overlap: events during one mark it dirty and run it once more.
 */
import { HubError } from './errors';
import type { EventBus } from './events';
import { log } from './log';

export type LiveChangeKind = 'READY' | 'CHANGED' | 'RESYNC';

export interface LiveChange<T> {
  /** READY: the first event, the list counted; CHANGED: what appeared and went; RESYNC: fell behind, re-read. */
  kind: LiveChangeKind;
  appeared: T[];
  settled: T[];
  /** How many items the list holds after this change. */
  total: number;
}

export interface LiveLimits {
  /** Subscribers per process (LIVE_MAX_SUBSCRIBERS, default 5000). */
  maxSubscribers: number;
  /** Changes queued per subscriber before it is told to RESYNC (LIVE_QUEUE_LENGTH, default 16). */
  queueLength: number;
}

export function liveLimitsFromEnv(env: NodeJS.ProcessEnv = process.env): LiveLimits {
  const int = (name: string, v: string | undefined, fallback: number) => {
    if (v === undefined || v === '') return fallback;
    const n = Number(v);
    if (!Number.isInteger(n) || n < 1) throw new Error(`${name} must be a positive integer, not ${JSON.stringify(v)}`);
    return n;
  };
  return {
    maxSubscribers: int('LIVE_MAX_SUBSCRIBERS', env.LIVE_MAX_SUBSCRIBERS, 5000),
    queueLength: int('LIVE_QUEUE_LENGTH', env.LIVE_QUEUE_LENGTH, 16),
  };
}

export interface WatchSpec<T> {
  /** Same key, same list for the same caller: shared (include the caller's key and the question). */
  key: string;
  /** Event topics that wake it. */
  topics: string[];
  /** The list now, as the caller may see it (a fresh request context each time: nothing cached from before). */
  compute: () => Promise<readonly T[]>;
  /** An item's identity across recomputes. */
  keyOf: (item: T) => string;
}

class Subscriber<T> {
  private queue: LiveChange<T>[] = [];
  private waiting?: (r: IteratorResult<LiveChange<T>>) => void;
  done = false;

  constructor(
    private readonly limit: number,
    private readonly leave: (s: Subscriber<T>) => void,
  ) {}

  push(change: LiveChange<T>) {
    if (this.done) return;
    if (this.waiting) {
      const w = this.waiting;
      this.waiting = undefined;
      return w({ value: change, done: false });
    }
    if (this.queue.length >= this.limit) {
      this.queue = [{ kind: 'RESYNC', appeared: [], settled: [], total: change.total }];
    } else if (this.queue.length === 1 && this.queue[0].kind === 'RESYNC') {
      this.queue[0] = { ...this.queue[0], total: change.total };
    } else this.queue.push(change);
  }

  get queued() {
    return this.queue.length;
  }

  iterator(): AsyncIterableIterator<LiveChange<T>> {
    const it: AsyncIterableIterator<LiveChange<T>> = {
      next: () => {
        if (this.queue.length > 0) return Promise.resolve({ value: this.queue.shift()!, done: false });
        if (this.done) return Promise.resolve({ value: undefined, done: true });
        return new Promise((resolve) => (this.waiting = resolve));
      },
      return: () => {
        this.end();
        return Promise.resolve({ value: undefined, done: true });
      },
      throw: (e?: unknown) => {
        this.end();
        return Promise.reject(e);
      },
      [Symbol.asyncIterator]: () => it,
    };
    return it;
  }

  end() {
    if (this.done) return;
    this.done = true;
    this.queue = [];
    this.leave(this);
    const w = this.waiting;
    this.waiting = undefined;
    w?.({ value: undefined, done: true });
  }
}

class Watch<T> {
  readonly subscribers = new Set<Subscriber<T>>();
  current = new Map<string, T>();
  ready: Promise<void>;
  private running = false;
  private dirty = false;
  private offs: Array<() => void> = [];

  constructor(
    readonly spec: WatchSpec<T>,
    bus: EventBus,
  ) {
    // Subscribed before the first compute: a write during it marks the watch dirty.
    this.offs = spec.topics.map((t) => bus.subscribe(t, () => this.wake()));
    this.ready = this.spec.compute().then((items) => {
      this.current = new Map(items.map((i) => [spec.keyOf(i), i]));
    });
    this.ready.catch(() => undefined);
  }

  wake() {
    if (this.running) {
      this.dirty = true;
      return;
    }
    this.running = true;
    void this.run();
  }

  private async run() {
    try {
      await this.ready.catch(() => undefined);
      do {
        this.dirty = false;
        if (this.subscribers.size === 0) break;
        let items: readonly T[];
        try {
          items = await this.spec.compute();
        } catch (e) {
          // Kept as it was; the next event tries again (org down, say). Subscribers are not ended.
          log.warn('live recompute failed', { error: String((e as Error)?.message ?? e) });
          continue;
        }
        const next = new Map(items.map((i) => [this.spec.keyOf(i), i]));
        const appeared = [...next].filter(([k]) => !this.current.has(k)).map(([, v]) => v);
        const settled = [...this.current].filter(([k]) => !next.has(k)).map(([, v]) => v);
        this.current = next;
        if (appeared.length === 0 && settled.length === 0) continue;
        const change: LiveChange<T> = { kind: 'CHANGED', appeared, settled, total: next.size };
        for (const s of this.subscribers) s.push(change);
      } while (this.dirty);
    } finally {
      this.running = false;
    }
  }

  close() {
    for (const off of this.offs) off();
    this.offs = [];
  }
}

export class LiveHub {
  private readonly watches = new Map<string, Watch<unknown>>();
  private count = 0;

  constructor(
    readonly bus: EventBus,
    readonly limits: LiveLimits = liveLimitsFromEnv(),
  ) {}

  /** Subscribers in this process now. */
  get subscribers(): number {
    return this.count;
  }

  /** Watches (distinct questions) in this process now. */
  get watching(): number {
    return this.watches.size;
  }

  /**
   * A subscriber's changes: READY first (once the list has been computed; a refusal of the first
   * compute, FORBIDDEN say, is thrown here, before any event), then CHANGED or RESYNC.
   */
  async watch<T>(spec: WatchSpec<T>): Promise<AsyncIterableIterator<LiveChange<T>>> {
    if (this.count >= this.limits.maxSubscribers) {
      throw new HubError('SERVICE_UNAVAILABLE', `订阅已满：本进程最多 ${this.limits.maxSubscribers} 个订阅`, {
        limit: 'LIVE_MAX_SUBSCRIBERS',
      });
    }
    let watch = this.watches.get(spec.key) as Watch<T> | undefined;
    if (!watch) {
      watch = new Watch(spec, this.bus);
      this.watches.set(spec.key, watch as Watch<unknown>);
    }
    const w = watch;
    this.count++;
    const sub = new Subscriber<T>(this.limits.queueLength, (s) => {
      this.count--;
      w.subscribers.delete(s);
      if (w.subscribers.size === 0 && this.watches.get(spec.key) === w) {
        w.close();
        this.watches.delete(spec.key);
      }
    });
    w.subscribers.add(sub);
    try {
      await w.ready;
    } catch (e) {
      sub.end();
      // A failed first compute is not kept for the next subscriber.
      if (this.watches.get(spec.key) === w) {
        w.close();
        this.watches.delete(spec.key);
      }
      throw e;
    }
    sub.push({ kind: 'READY', appeared: [], settled: [], total: w.current.size });
    return sub.iterator();
  }
}
