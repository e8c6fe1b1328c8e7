/**
 * PostgreSQL restarted under the running hub: the services survive it without a restart of
 * their own. The hub runs on a private PostgreSQL cluster started here (initdb in a temporary
 * folder, a free port on 127.0.0.1, its unix socket in the same folder), so it can be stopped
 * and restarted without disturbing the machine's shared server. Runs in the PostgreSQL leg
 * (DATABASE_URL set), like the other PostgreSQL-only fault tests.
 */
import { execFile } from 'node:child_process';
import { chownSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { freePort } from '@tiaokuai/tools';
import postgres from 'postgres';
import { startTestHub, type TestHub } from './hub';

const run = promisify(execFile);
const BIN = '/usr/lib/postgresql/15/bin';

/** A throw-away PostgreSQL cluster owned by the `postgres` OS user (we run as root). */
class PrivateCluster {
  readonly dir = mkdtempSync(path.join(os.tmpdir(), 'tk-pg-'));
  readonly data = path.join(this.dir, 'data');
  port = 0;
  get url(): string {
    return `postgres://postgres@127.0.0.1:${this.port}/hub`;
  }

  private pgCtl(...args: string[]) {
    return run('runuser', ['-u', 'postgres', '--', `${BIN}/pg_ctl`, '-D', this.data, ...args], { timeout: 60_000 });
  }

  private get startArgs(): string[] {
    return [
      '-w',
      '-t',
      '30',
      '-l',
      path.join(this.dir, 'server.log'),
      '-o',
      `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off`,
    ];
  }

  async init(): Promise<void> {
    const { stdout } = await run('id', ['-u', 'postgres']);
    const { stdout: gid } = await run('id', ['-g', 'postgres']);
    chownSync(this.dir, Number(stdout.trim()), Number(gid.trim()));
    await run(
      'runuser',
      [
        '-u',
        'postgres',
        '--',
        `${BIN}/initdb`,
        '-D',
        this.data,
        '--auth=trust',
        '-U',
        'postgres',
        '-E',
        'UTF8',
        '--no-locale',
        '--no-sync',
      ],
      { timeout: 120_000 },
    );
    this.port = await freePort();
    await this.start();
    const admin = postgres(`postgres://postgres@127.0.0.1:${this.port}/postgres`, {
      max: 1,
      onnotice: () => undefined,
    });
    try {
      await admin.unsafe('create database hub');
    } finally {
      await admin.end();
    }
  }

  start() {
    return this.pgCtl('start', ...this.startArgs);
  }
  stop() {
    return this.pgCtl('stop', '-m', 'fast', '-w');
  }
  restart() {
    return this.pgCtl('restart', '-m', 'fast', ...this.startArgs);
  }

  async destroy(): Promise<void> {
    await this.pgCtl('stop', '-m', 'immediate', '-w').catch(() => undefined);
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const HAS_POSTGRES = Boolean(process.env.DATABASE_URL);
let pg: PrivateCluster;
let t: TestHub | undefined;

beforeAll(async () => {
  if (!HAS_POSTGRES) return;
  pg = new PrivateCluster();
  await pg.init();
  t = await startTestHub({}, { databaseUrl: pg.url });
}, 180_000);
afterAll(async () => {
  try {
    await t?.close();
  } finally {
    await pg?.destroy();
  }
});

const READ = `{ units(first: 50) { totalCount } }`;
const create = (code: string, name: string) =>
  `mutation { createUnit(input: { code: "${code}", name: "${name}", kind: BRANCH, level: COUNTY, region: "510100", validFrom: "2024-01-01" }) { code } }`;

/** Process ids of the hub, to prove nothing was restarted. */
function pids(): Record<string, number | undefined> {
  return Object.fromEntries([...t!.hub.processes].map(([name, p]) => [name, p.child.pid]));
}

function allAlive(): void {
  for (const [name, p] of t!.hub.processes) {
    expect({ name, exitCode: p.child.exitCode, signal: p.child.signalCode }).toEqual({
      name,
      exitCode: null,
      signal: null,
    });
  }
}

/**
 * The first request after the restart may meet a pooled connection the server closed; it is
 * retried for a few seconds, provided every failure in between is a clean GraphQL answer.
 */
async function readSoon(): Promise<{ totalCount: number; failures: unknown[] }> {
  const failures: unknown[] = [];
  const deadline = Date.now() + 10_000;
  for (;;) {
    const r = await t!.gql(READ); // throws on a non-JSON answer: that would be a crash, not an error
    if (!r.errors) return { totalCount: r.data.units.totalCount, failures };
    expect(r.status).toBe(200);
    expect(r.errors[0].extensions?.code).toEqual(expect.any(String));
    expect(JSON.stringify(r.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack|postgres:\/\//);
    failures.push(r.errors);
    if (Date.now() > deadline)
      throw new Error(`still failing after the restart: ${JSON.stringify(failures.slice(-3))}`);
    await new Promise((res) => setTimeout(res, 200));
  }
}

(HAS_POSTGRES ? describe : describe.skip)('PostgreSQL restarted under the running hub', () => {
  it('pg_ctl restart -m fast: the next read and write go through, no hub process restarted', async () => {
    expect((await t!.gql(create('PG-RESTART-1', '重启前新建'))).errors).toBeUndefined();
    const before = await t!.gql(READ);
    expect(before.errors).toBeUndefined();
    const count = before.data.units.totalCount;
    const processes = pids();

    await pg.restart();

    const read = await readSoon();
    expect(read.totalCount).toBe(count);
    const write = await t!.gql(create('PG-RESTART-2', '重启后新建'));
    expect(write.errors).toBeUndefined();
    expect((await t!.gql(`{ unit(by: { code: "PG-RESTART-2" }) { name } }`)).data.unit.name).toBe('重启后新建');
    expect(pids()).toEqual(processes);
    allAlive();
  }, 120_000);

  it('PostgreSQL stopped: clean errors and not ready meanwhile; started again: reads and writes resume, same processes', async () => {
    const processes = pids();
    const org = t!.hub.processes.get('org')!;
    await pg.stop();
    try {
      const down = await t!.gql(READ);
      expect(down.status).toBe(200);
      expect(down.errors?.[0].extensions?.code).toEqual(expect.any(String));
      expect(JSON.stringify(down.errors)).not.toMatch(/127\.0\.0\.1|ECONNREFUSED|stack|postgres:\/\//);
      const write = await t!.gql(create('PG-DOWN-1', '停机时新建'));
      expect(write.errors?.[0].extensions?.code).toEqual(expect.any(String));
      expect((await fetch(`http://127.0.0.1:${org.port}/readyz`)).status).toBe(503);
      expect((await fetch(`http://127.0.0.1:${org.port}/healthz`)).status).toBe(200);
      allAlive();
    } finally {
      await pg.start();
    }

    await readSoon();
    expect((await t!.gql(create('PG-DOWN-2', '恢复后新建'))).errors).toBeUndefined();
    const r = await t!.gql(
      `{ a: unit(by: { code: "PG-DOWN-1" }) { name } b: unit(by: { code: "PG-DOWN-2" }) { name } }`,
    );
    expect(r.data.a).toBeNull(); // the write during the outage was refused, not half-applied
    expect(r.data.b.name).toBe('恢复后新建');
    expect((await fetch(`http://127.0.0.1:${org.port}/readyz`)).status).toBe(200);
    expect(pids()).toEqual(processes);
    allAlive();
  }, 120_000);
});

/** Polls `probe` until it returns a value (not undefined), failing after `ms` with the last seen. */
async function until<T>(what: string, probe: () => Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  let last: unknown;
  for (;;) {
    try {
      const v = await probe();
      if (v !== undefined) return v;
      last = 'not yet';
    } catch (e) {
      last = (e as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`${what}: not within ${ms} ms (last: ${String(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * A supervised hub (as `npm start` runs it): a subgraph that dies is started again by the
 * launcher, logged; the gateway's /readyz says not ready, naming the subgraph, while it is down.
 */
describe('supervised hub', () => {
  let s: TestHub;
  beforeAll(async () => {
    s = await startTestHub({}, { supervise: { initialDelayMs: 100, maxDelayMs: 2_000, resetAfterMs: 60_000 } });
  }, 120_000);
  afterAll(async () => {
    await s?.close();
  });

  const readyz = async () => {
    const res = await fetch(new URL('/readyz', s.url));
    return { status: res.status, body: (await res.json()) as { status: string; down: Record<string, string> } };
  };

  it('/readyz is 200 while every subgraph is ready, 503 naming org while org is down, 200 again once it is back', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', ready: true, down: {} } });
    await s.hub.kill('org'); // held down: kill() is not a crash, the supervisor leaves it
    const down = await until('/readyz not ready', async () => {
      const r = await readyz();
      return r.status === 503 ? r : undefined;
    });
    expect(down.body.status).toBe('not ready');
    expect(Object.keys(down.body.down)).toEqual(['org']);
    expect(s.hub.restarts).toEqual([]);
    await s.hub.restart('org');
    await until('/readyz ready again', async () => ((await readyz()).status === 200 ? true : undefined));
  }, 60_000);

  it('SIGKILLed, tasks is restarted by the supervisor and answers again; the restart is logged as a JSON line', async () => {
    const before = s.hub.processes.get('tasks')!.child.pid;
    await s.hub.crash('tasks');
    const answered = await until('a query joining org and tasks answered again', async () => {
      const r = await s.gql(`{ units(first: 1) { totalCount } task(id: "1") { id } }`);
      return r.errors ? undefined : r.data;
    });
    expect(answered).toEqual({ units: { totalCount: expect.any(Number) }, task: null });
    expect(s.hub.processes.get('tasks')!.child.pid).not.toBe(before);
    expect(s.hub.restarts).toEqual([
      { process: 'tasks', code: null, signal: 'SIGKILL', uptimeMs: expect.any(Number), attempt: 1, delayMs: 100 },
    ]);
    const lines = s.hub
      .output('launcher')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l));
    expect(lines).toEqual([
      expect.objectContaining({
        level: 'warn',
        msg: 'process exited; restarting',
        component: 'launcher',
        process: 'tasks',
        code: null,
        signal: 'SIGKILL',
        delayMs: 100,
        attempt: 1,
      }),
    ]);
  }, 60_000);

  it('crashes in a row back off: each restart waits twice the one before, up to the cap', async () => {
    for (let n = 0; n < 3; n++) {
      const before = s.hub.processes.get('assessments')!.child.pid;
      await s.hub.crash('assessments');
      await until('assessments relaunched', async () =>
        s.hub.processes.get('assessments')!.child.pid !== before ? true : undefined,
      );
    }
    await until('assessments ready', async () =>
      (await fetch(`http://127.0.0.1:${s.hub.processes.get('assessments')!.port}/readyz`)).status === 200
        ? true
        : undefined,
    );
    expect(s.hub.restarts.filter((r) => r.process === 'assessments').map((r) => [r.attempt, r.delayMs])).toEqual([
      [1, 100],
      [2, 200],
      [3, 400],
    ]);
  }, 90_000);
});
