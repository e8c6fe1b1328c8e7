/**
 * The event bus: wake-ups between the process that wrote and the processes that serve
 * subscriptions (docs/live-updates.md). An event says only "something of this kind changed";
 * the database stays the truth: a subscriber woken recomputes what its caller may see (live.ts)
 * and sends the difference. So a lost or doubled event costs a late or an idle recompute, never
 * a wrong answer, and nothing about a unit travels on the bus.
 *
 * Two implementations behind one interface:
 * - `InProcessBus` (the embedded default, no NATS_URL): handlers in this process only. Each
 *   subgraph is its own process (tools/src/launcher.ts), so it carries a subgraph's own writes to
 *   that subgraph's own subscriptions, which is what every subscription here needs: task findings
 *   are written and served by tasks. Across processes and replicas it carries nothing.
 * - `NatsBus` (NATS_URL set): core NATS publish/subscribe, across processes and replicas. Not
 *   JetStream: a wake-up missed while a subscriber was away is worthless (the subscriber recomputes
 *   from the database when it comes back), so nothing is stored.
 *
 * Topics (NATS subjects; also the in-process bus's keys), all under `tiaokuai.`:
 * - `tiaokuai.written.<subgraph>`: a mutation ran on that subgraph (payload `WrittenEvent`),
 *   published by the subgraph server after every mutation (subgraph.ts).
 * - `tiaokuai.jobs.<jobId>.progress`: reserved for import jobs' progress (payload: the job's own,
 *   e.g. `{ done, total, state }`), for a later `jobProgress(id)` subscription: publish with
 *   `topics.jobProgress(id)`, wake the subscription on it, read the job's row for the truth.
 */
import { connect, JSONCodec, type NatsConnection } from 'nats';
import { log } from './log';

/** The topics' names, in one place (the scheme above). */
export const topics = {
  written: (subgraph: string) => `tiaokuai.written.${subgraph}`,
  /** The extension point for import jobs (`jobProgress(id)`): one topic per job. */
  jobProgress: (jobId: string) => `tiaokuai.jobs.${jobId.replace(/[^A-Za-z0-9_-]/g, '_')}.progress`,
} as const;

/** What `tiaokuai.written.<subgraph>` carries: who wrote, when; never what (the subscriber reads it). */
export interface WrittenEvent {
  subgraph: string;
  /** The writing process (host:pid), for logs. */
  by: string;
  /** Milliseconds since the epoch, when the mutation's answer was sent (bench: write-to-delivery). */
  at: number;
}

export type EventHandler = (payload: unknown, topic: string) => void;

export interface EventBus {
  /** `nats` or `in-process` (logs, readiness). */
  readonly kind: 'nats' | 'in-process';
  /** Fire and forget: a failure is logged, never thrown into the write that published. */
  publish(topic: string, payload: unknown): void;
  /** Calls `handler` for each event on `topic` from now on; returns the unsubscribe. */
  subscribe(topic: string, handler: EventHandler): () => void;
  /** Waits until what was published so far has left this process (NATS flush; in-process: nothing). */
  flush(): Promise<void>;
  close(): Promise<void>;
}

function deliver(handler: EventHandler, payload: unknown, topic: string) {
  try {
    handler(payload, topic);
  } catch (e) {
    log.error('event handler failed', { topic, error: String((e as Error)?.stack ?? e) });
  }
}

/** Handlers in this process, called on the next tick (never inside the publisher's own call). */
export class InProcessBus implements EventBus {
  readonly kind = 'in-process' as const;
  private readonly handlers = new Map<string, Set<EventHandler>>();

  publish(topic: string, payload: unknown): void {
    const set = this.handlers.get(topic);
    if (!set || set.size === 0) return;
    const copy = [...set];
    setImmediate(() => {
      for (const h of copy) deliver(h, payload, topic);
    });
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    let set = this.handlers.get(topic);
    if (!set) this.handlers.set(topic, (set = new Set()));
    set.add(handler);
    return () => {
      set.delete(handler);
      if (set.size === 0 && this.handlers.get(topic) === set) this.handlers.delete(topic);
    };
  }

  /** The handlers of one topic now (NatsBus fans its messages out through them). */
  handlersOf(topic: string): EventHandler[] {
    const set = this.handlers.get(topic);
    return set ? [...set] : [];
  }

  /** Handlers subscribed, over all topics (tests: clean-up on disconnect). */
  get size(): number {
    let n = 0;
    for (const s of this.handlers.values()) n += s.size;
    return n;
  }

  async flush(): Promise<void> {
    await new Promise((r) => setImmediate(r));
  }

  async close(): Promise<void> {
    this.handlers.clear();
  }
}

const codec = JSONCodec();

/**
 * Core NATS: one connection per process, one NATS subscription per topic however many local
 * handlers (the handlers fan out here), dropped with its last handler.
 */
export class NatsBus implements EventBus {
  readonly kind = 'nats' as const;
  private readonly local = new InProcessBus();
  private readonly subs = new Map<string, { unsubscribe(): void }>();

  private constructor(private readonly nc: NatsConnection) {}

  static async connect(url: string, name = `tiaokuai-${process.pid}`): Promise<NatsBus> {
    const nc = await connect({ servers: url, name, maxReconnectAttempts: -1, reconnectTimeWait: 1000 });
    void (async () => {
      for await (const s of nc.status()) {
        if (s.type === 'disconnect' || s.type === 'reconnect' || s.type === 'error')
          log.warn('nats', { status: s.type, data: String(s.data) });
      }
    })().catch(() => undefined);
    return new NatsBus(nc);
  }

  publish(topic: string, payload: unknown): void {
    try {
      this.nc.publish(topic, codec.encode(payload));
    } catch (e) {
      log.error('event not published', { topic, error: String((e as Error)?.message ?? e) });
    }
  }

  subscribe(topic: string, handler: EventHandler): () => void {
    if (!this.subs.has(topic)) {
      const sub = this.nc.subscribe(topic, {
        callback: (err, msg) => {
          if (err) return log.error('nats subscription failed', { topic, error: err.message });
          let payload: unknown;
          try {
            payload = codec.decode(msg.data);
          } catch {
            return log.warn('nats event not JSON', { topic });
          }
          // Straight to the handlers (the in-process bus's own delivery is on the next tick).
          for (const h of this.local.handlersOf(topic)) deliver(h, payload, topic);
        },
      });
      this.subs.set(topic, sub);
    }
    const off = this.local.subscribe(topic, handler);
    return () => {
      off();
      if (this.local.handlersOf(topic).length === 0) {
        this.subs.get(topic)?.unsubscribe();
        this.subs.delete(topic);
      }
    };
  }

  async flush(): Promise<void> {
    await this.nc.flush();
  }

  async close(): Promise<void> {
    await this.local.close();
    this.subs.clear();
    await this.nc.drain().catch(() => this.nc.close());
  }
}

let processBus: InProcessBus | undefined;

/** This process's in-process bus (one per process: every subgraph started in a test's process shares it). */
export function inProcessBus(): InProcessBus {
  return (processBus ??= new InProcessBus());
}

/**
 * The bus the environment asks for: NATS at `NATS_URL` when set (the start fails if NATS cannot be
 * reached: replicas would silently miss each other's writes), else this process's in-process bus.
 */
export async function eventBusFromEnv(env: NodeJS.ProcessEnv = process.env): Promise<EventBus> {
  const url = env.NATS_URL?.trim();
  if (!url) return inProcessBus();
  const bus = await NatsBus.connect(url);
  log.info('event bus', { kind: 'nats', url: url.replace(/\/\/[^@/]*@/, '//…@') });
  return bus;
}
