/**
 * The gateway's edge on the real hub (ARCHITECTURE.md, "The edge"): GraphQL over HTTP as the
 * graphql-http audits check it, malformed requests, the cost limit and the answer-size cap on
 * the Rust planner's path, refused tokens before the body (and answered readably while the
 * client still sends: the lingering close), and every process's log lines, process warnings
 * included.
 */
import { DEMO_FILE, IMPORT_MUTATION, postBigBody, type RunningHub } from '@tiaokuai/tools';
import { serverAudits } from 'graphql-http';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { startTestHub, type TestHub } from './hub';

const MAX_COST = 3000;
const MAX_RESPONSE = 20_000;
const WARNING_FIXTURE = path.resolve(__dirname, '..', 'fixtures', 'emit-warning.cjs');
/** The gateway's bound on what it reads of a refused body (gateway/src/linger.ts LINGER_MAX_BYTES). */
const LINGER_MAX_BYTES = 1024 * 1024;

let t: TestHub;
let hub: RunningHub;
beforeAll(async () => {
  t = await startTestHub({
    LOG_LEVEL: 'info',
    LIMIT_MAX_COST: String(MAX_COST),
    LIMIT_MAX_RESPONSE_BYTES: String(MAX_RESPONSE),
    // Every process emits one process warning once started (fixtures/emit-warning.cjs).
    NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --require ${WARNING_FIXTURE}`.trim(),
  });
  hub = t.hub;
  const r = await t.gql(IMPORT_MUTATION, { document: JSON.parse(readFileSync(DEMO_FILE, 'utf8')) });
  expect(r.data.importUnits.ok).toBe(true);
});
afterAll(async () => {
  await t?.close();
});

describe('GraphQL over HTTP', () => {
  it('passes every graphql-http server audit (MUST, SHOULD and MAY) with a valid token', async () => {
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) =>
      fetch(input, {
        ...init,
        headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${hub.operatorToken}` },
      });
    const failed: string[] = [];
    let ran = 0;
    for (const audit of serverAudits({ url: t.url, fetchFn })) {
      const result = await audit.fn();
      ran++;
      if (result.status !== 'ok') failed.push(`${result.status}: ${audit.name}: ${result.reason}`);
    }
    expect(ran).toBeGreaterThan(50);
    expect(failed).toEqual([]);
  });

  it.each([
    ['malformed JSON', '{"query": "{ __typename }"', 'body'],
    ['an empty body', '', 'body'],
    ['a number for operationName', JSON.stringify({ query: '{ __typename }', operationName: 5 }), 'operationName'],
    [
      'an object for operationName',
      JSON.stringify({ query: '{ __typename }', operationName: { a: 1 } }),
      'operationName',
    ],
    ['a string for variables', JSON.stringify({ query: '{ __typename }', variables: 'x' }), 'variables'],
  ])('%s: 400 BAD_REQUEST naming the field, whatever the client accepts', async (_n, body, field) => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const res = await fetch(t.url, {
        method: 'POST',
        headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${hub.operatorToken}` },
        body,
      });
      expect({ accept, status: res.status }).toEqual({ accept, status: 400 });
      const answer = await res.json();
      expect(answer.errors[0].extensions).toEqual({ code: 'BAD_REQUEST', field });
    }
  });
});

describe('limits on the Rust planner path', () => {
  it('the cost counts the page asked for: 500 units refused, 50 served', async () => {
    const q = (n: number) => `{ units(first: ${n}) { nodes { code name kind level region } } }`;
    const big = await t.gql(q(500));
    // units 1 + 500 × (nodes 1 + 5 fields): the page's nodes counted once per item.
    expect(big.errors?.[0].extensions).toEqual({
      code: 'QUERY_TOO_COMPLEX',
      limit: 'LIMIT_MAX_COST',
      max: MAX_COST,
      found: 1 + 500 * 6,
    });
    expect(big.errors?.[0].message).toContain(`LIMIT_MAX_COST = ${MAX_COST}`);
    expect(big.data).toBeUndefined();
    const small = await t.gql(q(50));
    expect(small.errors).toBeUndefined();
    expect(small.data.units.nodes.length).toBeGreaterThan(0);
  });

  it('an answer over LIMIT_MAX_RESPONSE_BYTES is refused with RESPONSE_TOO_LARGE; a smaller one is served', async () => {
    const all = await t.gql('{ exportUnits }');
    expect(all.errors).toEqual([
      expect.objectContaining({
        extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'LIMIT_MAX_RESPONSE_BYTES', max: MAX_RESPONSE },
      }),
    ]);
    expect(all.data ?? null).toBeNull();
    const one = await t.gql('{ unit(by: { code: "SC-DZJ" }) { code name } }');
    expect(one.data.unit.code).toBe('SC-DZJ');
  });
});

describe('authentication before the body', () => {
  it('a request announcing 24 MB without a token gets 401 and a closed connection before its body is sent', async () => {
    // Headers and a 64 KB start of the body, then nothing: a gateway that read the body first
    // would wait for the rest; this one answers at once and ends its side of the connection
    // while 24 MB are still owed (lingering: it closes when the client does, or at its bound).
    const { port } = new URL(t.url);
    const answer = await new Promise<{ text: string; closedByServer: boolean }>((resolve) => {
      const sock = net.connect(Number(port), '127.0.0.1', () => {
        sock.write(
          `POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${24 * 1024 * 1024}\r\n\r\n`,
        );
        sock.write(Buffer.alloc(64 * 1024, 0x20));
      });
      let text = '';
      let closedByServer = false;
      sock.on('data', (d) => {
        text += d;
      });
      sock.on('end', () => {
        closedByServer = true;
      });
      sock.on('error', (e) => {
        if ((e as NodeJS.ErrnoException).code === 'ECONNRESET') closedByServer = true;
      });
      sock.on('close', () => resolve({ text, closedByServer }));
    });
    expect(answer.closedByServer).toBe(true);
    expect(answer.text).toMatch(/^HTTP\/1\.1 401/);
    expect(answer.text.toLowerCase()).toContain('connection: close');
    const body = answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});

describe('the refusal of a big body reaches the client (lingering close)', () => {
  /** The gateway's count of refused bodies' bytes read and dropped after the refusal. */
  const discarded = async () => {
    const text = await (await fetch(t.url.replace('/graphql', '/metrics'))).text();
    return Number(/^tiaokuai_gateway_refused_body_bytes_total\{[^}]*\} (\d+)/m.exec(text)?.[1] ?? NaN);
  };

  it('20 MB bodies without a token, four clients at once as in the hostile run: 20 of 20 read their 401, each read at most the linger bound', async () => {
    const before = await discarded();
    const statuses: number[] = [];
    await Promise.all(
      Array.from({ length: 4 }, async () => {
        for (let i = 0; i < 5; i++) statuses.push((await postBigBody(t.url, 20_000_000)).status);
      }),
    );
    expect(statuses).toEqual(Array(20).fill(401));
    // The connections close behind the answers (the client's close, or the time bound): wait
    // for their counts, then check what the gateway read of the 400 MB offered.
    let after = await discarded();
    for (let i = 0; i < 100 && after === before; i++) {
      await new Promise((r) => setTimeout(r, 100));
      after = await discarded();
    }
    expect(after - before).toBeGreaterThan(0);
    expect(after - before).toBeLessThanOrEqual(20 * (LINGER_MAX_BYTES + 64 * 1024));
  });
});

describe('log lines', () => {
  it("every process writes JSON lines of at most 4 KB, the gateway included, never a request's variables", async () => {
    // Something for every process to log about: a refused token, a bad request, a failed import.
    await fetch(t.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: 'Bearer bad.bad.bad' },
      body: '{}',
    });
    const marker = 'E2E-VARIABLE-MARKER';
    await t.gql('query($c: String!) { unit(by: { code: $c }) { name } }', { c: `${marker}-${'x'.repeat(10_000)}` });
    // A burst: 40 distinct queries at once, many fetches in flight to org together (at 11, the
    // gateway used to print Node's MaxListenersExceededWarning as text).
    const burst = await Promise.all(
      Array.from({ length: 40 }, (_, i) =>
        t.gql('query($c: String!) { unit(by: { code: $c }) { code } }', { c: `SC-BURST-${i}` }),
      ),
    );
    expect(burst.filter((r) => r.errors).map((r) => r.errors)).toEqual([]);
    const names = [...hub.processes.keys()];
    expect(names).toEqual(expect.arrayContaining(['gateway', 'org', 'tasks', 'assessments']));
    for (const name of names) {
      const lines = hub
        .output(name)
        .split('\n')
        .filter((l) => l.trim() !== '');
      for (const line of lines) {
        expect({ name, bytes: Buffer.byteLength(line) <= 4096 }).toEqual({ name, bytes: true });
        expect(() => JSON.parse(line)).not.toThrow();
        expect(line).not.toContain(marker);
      }
    }
    // The gateway logs its start and its refusals as JSON too (it used to be coloured blocks).
    expect(hub.output('gateway')).toMatch(/"msg":"gateway ready"/);
    // Process warnings as JSON lines in every process (the fixture's), and none from the burst.
    for (const name of names) {
      const warnings = hub
        .output(name)
        .split('\n')
        .filter((l) => l.includes('"msg":"process warning"'))
        .map((l) => JSON.parse(l));
      expect({ name, warnings: warnings.map((w) => [w.name, w.code]) }).toEqual({
        name,
        warnings: [['TestWarning', 'E2E0001']],
      });
    }
  });
});
