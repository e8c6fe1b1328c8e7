/**
 * The event bus (events.ts): in-process, and NATS across connections (two buses stand for two
 * processes). The NATS tests need the server at NATS_URL or 127.0.0.1:4222; they are skipped,
 * saying so, only when it cannot be reached.
 */
import net from 'node:net';
import { eventBusFromEnv, InProcessBus, inProcessBus, NatsBus, topics } from './events';

const NATS_URL = process.env.NATS_URL || 'nats://127.0.0.1:4222';

function reachable(url: string): Promise<boolean> {
  const u = new URL(url);
  return new Promise((resolve) => {
    const s = net.connect(Number(u.port || 4222), u.hostname);
    s.once('connect', () => {
      s.destroy();
      resolve(true);
    });
    s.once('error', () => resolve(false));
  });
}

/** Resolves with the next `n` payloads a handler receives on `topic`. */
function receive(bus: { subscribe: InProcessBus['subscribe'] }, topic: string, n = 1) {
  const got: unknown[] = [];
  let off!: () => void;
  const done = new Promise<unknown[]>((resolve) => {
    off = bus.subscribe(topic, (p) => {
      got.push(p);
      if (got.length === n) resolve(got);
    });
  });
  return { done, off: () => off(), got };
}

describe('topics', () => {
  it('names writes by subgraph and jobs by id, a job id kept to one subject token', () => {
    expect(topics.written('tasks')).toBe('tiaokuai.written.tasks');
    expect(topics.jobProgress('job-42')).toBe('tiaokuai.jobs.job-42.progress');
    expect(topics.jobProgress('a.b>*')).toBe('tiaokuai.jobs.a_b__.progress');
  });
});

describe('InProcessBus', () => {
  it('delivers to the handlers of the topic only, after the publisher returns, and not after unsubscribe', async () => {
    const bus = new InProcessBus();
    const a = receive(bus, 't.a', 2);
    const b = receive(bus, 't.b');
    bus.publish('t.a', { n: 1 });
    expect(a.got).toEqual([]); // not inside the publisher's call
    bus.publish('t.a', { n: 2 });
    expect(await a.done).toEqual([{ n: 1 }, { n: 2 }]);
    a.off();
    bus.publish('t.a', { n: 3 });
    await bus.flush();
    expect(a.got).toEqual([{ n: 1 }, { n: 2 }]);
    expect(b.got).toEqual([]);
    b.off();
    expect(bus.size).toBe(0);
  });

  it('a failing handler does not keep the event from the others', async () => {
    const bus = new InProcessBus();
    bus.subscribe('t', () => {
      throw new Error('boom');
    });
    const ok = receive(bus, 't');
    bus.publish('t', 1);
    expect(await ok.done).toEqual([1]);
  });

  it('is the default without NATS_URL, one per process', async () => {
    expect(await eventBusFromEnv({})).toBe(inProcessBus());
  });
});

describe('NatsBus', () => {
  let up = false;
  beforeAll(async () => {
    up = await reachable(NATS_URL);
    if (!up) console.warn(`NATS tests skipped: ${NATS_URL} cannot be reached`);
  });

  it('carries an event from one connection (process) to the handlers of another, and stops after the last unsubscribe', async () => {
    if (!up) return;
    const [writer, reader] = await Promise.all([NatsBus.connect(NATS_URL), NatsBus.connect(NATS_URL)]);
    try {
      const topic = topics.written(`spec-${process.pid}-${Date.now()}`);
      const one = receive(reader, topic, 2);
      const two = receive(reader, topic, 2);
      await reader.flush(); // the subscription has reached the server
      writer.publish(topic, { subgraph: 'tasks', at: 1 });
      writer.publish(topic, { subgraph: 'tasks', at: 2 });
      await writer.flush();
      expect(await one.done).toEqual([
        { subgraph: 'tasks', at: 1 },
        { subgraph: 'tasks', at: 2 },
      ]);
      expect(await two.done).toHaveLength(2);
      one.off();
      two.off();
      await reader.flush();
      // After the last handler went, the server delivers nothing more to this connection: a later event on the
      // topic reaches only a third handler subscribed afresh, which sees just it.
      const three = receive(reader, topic);
      await reader.flush();
      writer.publish(topic, { at: 3 });
      await writer.flush();
      expect(await three.done).toEqual([{ at: 3 }]);
      expect(one.got).toHaveLength(2);
      three.off();
    } finally {
      await Promise.all([writer.close(), reader.close()]);
    }
  });

  it('is what eventBusFromEnv gives with NATS_URL set', async () => {
    if (!up) return;
    const bus = await eventBusFromEnv({ NATS_URL });
    try {
      expect(bus.kind).toBe('nats');
    } finally {
      await bus.close();
    }
  });
});
