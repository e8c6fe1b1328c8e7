/**
 * The gateway's edge on the real hub (ARCHITECTURE.md, "The edge"): GraphQL over HTTP as the
 * graphql-http audits check it, malformed requests, the cost limit and the answer-size cap on
 * the Rust planner's path, refused tokens before the body, and every process's log lines.
 */
import { DEMO_FILE, IMPORT_MUTATION, type RunningHub } from '@tiaokuai/tools';
import { serverAudits } from 'graphql-http';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { startTestHub, type TestHub } from './hub';

const MAX_COST = 3000;
const MAX_RESPONSE = 20_000;

let t: TestHub;
let hub: RunningHub;
beforeAll(async () => {
  t = await startTestHub({ LOG_LEVEL: 'info', LIMIT_MAX_COST: String(MAX_COST), LIMIT_MAX_RESPONSE_BYTES: String(MAX_RESPONSE) });
  hub = t.hub;
  const r = await t.gql(IMPORT_MUTATION, { document: JSON.parse(readFileSync(DEMO_FILE, 'utf8')) });
  expect(r.data.importUnits.ok).toBe(true);
});
afterAll(async () => { await t?.close(); });

describe('GraphQL over HTTP', () => {
  it('passes every graphql-http server audit (MUST, SHOULD and MAY) with a valid token', async () => {
    const fetchFn = (input: RequestInfo | URL, init: RequestInit = {}) =>
      fetch(input, { ...init, headers: { ...(init.headers as Record<string, string>), authorization: `Bearer ${hub.operatorToken}` } });
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
    ['an object for operationName', JSON.stringify({ query: '{ __typename }', operationName: { a: 1 } }), 'operationName'],
    ['a string for variables', JSON.stringify({ query: '{ __typename }', variables: 'x' }), 'variables'],
  ])('%s: 400 BAD_REQUEST naming the field, whatever the client accepts', async (_n, body, field) => {
    for (const accept of ['application/json', 'application/graphql-response+json']) {
      const res = await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', accept, authorization: `Bearer ${hub.operatorToken}` }, body });
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
    expect(big.errors?.[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'LIMIT_MAX_COST', max: MAX_COST, found: 1 + 500 * 6 });
    expect(big.errors?.[0].message).toContain(`LIMIT_MAX_COST = ${MAX_COST}`);
    expect(big.data).toBeUndefined();
    const small = await t.gql(q(50));
    expect(small.errors).toBeUndefined();
    expect(small.data.units.nodes.length).toBeGreaterThan(0);
  });

  it('an answer over LIMIT_MAX_RESPONSE_BYTES is refused with RESPONSE_TOO_LARGE; a smaller one is served', async () => {
    const all = await t.gql('{ exportUnits }');
    expect(all.errors).toEqual([expect.objectContaining({ extensions: { code: 'RESPONSE_TOO_LARGE', limit: 'LIMIT_MAX_RESPONSE_BYTES', max: MAX_RESPONSE } })]);
    expect(all.data ?? null).toBeNull();
    const one = await t.gql('{ unit(code: "SC-DZJ") { code name } }');
    expect(one.data.unit.code).toBe('SC-DZJ');
  });
});

describe('authentication before the body', () => {
  it('a request announcing 24 MB without a token gets 401 and a closed connection before its body is sent', async () => {
    // Headers and a 64 KB start of the body, then nothing: a gateway that read the body first
    // would wait for the rest; this one answers and closes at once. The socket is closed by the
    // gateway while 24 MB are still owed (the kernel's reset after the answer is expected).
    const { port } = new URL(t.url);
    const answer = await new Promise<{ text: string; closedByServer: boolean }>((resolve) => {
      const sock = net.connect(Number(port), '127.0.0.1', () => {
        sock.write(`POST /graphql HTTP/1.1\r\nhost: x\r\ncontent-type: application/json\r\ncontent-length: ${24 * 1024 * 1024}\r\n\r\n`);
        sock.write(Buffer.alloc(64 * 1024, 0x20));
      });
      let text = '';
      let closedByServer = false;
      sock.on('data', (d) => { text += d; });
      sock.on('end', () => { closedByServer = true; });
      sock.on('error', (e) => { if ((e as NodeJS.ErrnoException).code === 'ECONNRESET') closedByServer = true; });
      sock.on('close', () => resolve({ text, closedByServer }));
    });
    expect(answer.closedByServer).toBe(true);
    expect(answer.text).toMatch(/^HTTP\/1\.1 401/);
    expect(answer.text.toLowerCase()).toContain('connection: close');
    const body = answer.text.slice(answer.text.indexOf('\r\n\r\n') + 4);
    expect(JSON.parse(body).errors[0].extensions).toEqual({ code: 'UNAUTHENTICATED' });
  });
});

describe('log lines', () => {
  it('every process writes JSON lines of at most 4 KB, the gateway included, never a request\'s variables', async () => {
    // Something for every process to log about: a refused token, a bad request, a failed import.
    await fetch(t.url, { method: 'POST', headers: { 'content-type': 'application/json', authorization: 'Bearer bad.bad.bad' }, body: '{}' });
    const marker = 'E2E-VARIABLE-MARKER';
    await t.gql('query($c: String!) { unit(code: $c) { name } }', { c: `${marker}-${'x'.repeat(10_000)}` });
    const names = [...hub.processes.keys()];
    expect(names).toEqual(expect.arrayContaining(['gateway', 'org', 'tasks', 'assessments']));
    for (const name of names) {
      const lines = hub.output(name).split('\n').filter((l) => l.trim() !== '');
      for (const line of lines) {
        expect({ name, bytes: Buffer.byteLength(line) <= 4096 }).toEqual({ name, bytes: true });
        expect(() => JSON.parse(line)).not.toThrow();
        expect(line).not.toContain(marker);
      }
    }
    // The gateway logs its start and its refusals as JSON too (it used to be coloured blocks).
    expect(hub.output('gateway')).toMatch(/"msg":"gateway ready"/);
  });
});
