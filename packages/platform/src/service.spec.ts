import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import http from 'node:http';
import { HubError } from './errors';
import { readsEverything, type Identity } from './identity';
import { serviceClient, UpstreamError } from './service';
import { GATEWAY_KEYID, signRequest, STALE_SIGNATURE_HEADER } from './signature';
import { formatSubgraphError, startSubgraphServer, type RunningServer } from './subgraph';

const GATEWAY_SECRET = 'org-gateway-secret-0123456789';
const TASKS_SECRET = 'tasks-to-org-secret-0123456789';
const editor: Identity = { subject: 'li.si', body: 'SC-JGGW', role: 'EDITOR', hubAdmin: false, requestId: 'req-7' };

/**
 * A stand-in for org with the real grant names (identity.ts SERVICE_GRANTS): `unitsByCode` is
 * under `leadership-facts`, `visibleUnitIds` under `jurisdiction`; `auditLog` and the mutation
 * are under none.
 */
describe('service-to-service reads (tasks → org)', () => {
  let server: RunningServer;
  const seen: Identity[] = [];
  let writes = 0;
  let auditReads = 0;

  beforeAll(async () => {
    const schema = buildSubgraphSchema([
      {
        typeDefs:
          parse(`type Query { unitsByCode(codes: [String!]!): [String] visibleUnitIds: [ID] auditLog: [String] refuse: String }
        type Mutation { write: Int! }`),
        resolvers: {
          Query: {
            unitsByCode: (_: unknown, __: unknown, ctx: { identity: Identity }) => {
              seen.push(ctx.identity);
              return [
                `${ctx.identity.service}:${ctx.identity.subject}:${ctx.identity.grant}:${readsEverything(ctx.identity) ? 'wide' : 'own'}`,
              ];
            },
            visibleUnitIds: (_: unknown, __: unknown, ctx: { identity: Identity }) => {
              seen.push(ctx.identity);
              return [readsEverything(ctx.identity) ? 'all' : 'own'];
            },
            auditLog: () => {
              auditReads++;
              return ['everything'];
            },
            refuse: () => {
              throw new HubError('BAD_USER_INPUT', 'no', { field: 'x' });
            },
          },
          Mutation: { write: () => ++writes },
        },
      },
    ]);
    server = await startSubgraphServer(
      {
        name: 'org',
        schema,
        secret: GATEWAY_SECRET,
        serviceSecrets: { tasks: TASKS_SECRET },
        context: (_req, identity) => ({ identity }),
      },
      0,
    );
  });
  afterAll(() => server.close());

  const client = (url = server.url) =>
    serviceClient({ service: 'tasks', target: 'org', url, secret: TASKS_SECRET, timeoutMs: 2000 });
  const send = (headers: Record<string, string>, body: string, url = server.url) =>
    fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
  const asTasks = (body: string, identity: Identity, secret = TASKS_SECRET, keyid = 'tasks') =>
    signRequest({ method: 'POST', url: server.url, body }, { keyid, secret, target: 'org', identity });

  it('acts for the user it serves (their identity, the calling service and the grant), never as the operator', async () => {
    await expect(
      client().query<{ unitsByCode: string[] }>(
        'query($c: [String!]!) { unitsByCode(codes: $c) }',
        { c: ['A'] },
        editor,
        'leadership-facts',
      ),
    ).resolves.toEqual({ unitsByCode: ['tasks:li.si:leadership-facts:wide'] });
    expect(seen.at(-1)).toEqual({ ...editor, service: 'tasks', grant: 'leadership-facts' });
    expect(seen.at(-1)!.hubAdmin).toBe(false);
    // Under `jurisdiction` the target applies the user's own visibility.
    await expect(client().query('{ visibleUnitIds }', {}, editor, 'jurisdiction')).resolves.toEqual({
      visibleUnitIds: ['own'],
    });
  });

  it.each([
    ['a mutation', 'mutation { write }', 'leadership-facts'],
    [
      'a mutation beside a granted query',
      'query q { unitsByCode(codes: ["A"]) } mutation m { write }',
      'leadership-facts',
    ],
    ['the audit log', '{ auditLog }', 'leadership-facts'],
    ['the audit log beside a granted field', '{ unitsByCode(codes: ["A"]) auditLog }', 'leadership-facts'],
    ['the audit log inside a fragment', 'query { ...F } fragment F on Query { auditLog }', 'leadership-facts'],
    ['a field of another grant', '{ visibleUnitIds }', 'leadership-facts'],
    ['introspection', '{ __schema { types { name } } }', 'leadership-facts'],
    ['a grant meant for another target', '{ unitsByCode(codes: ["A"]) }', 'assignment-activity'],
  ] as const)('refuses %s with 403 before anything runs', async (_name, query, grant) => {
    await expect(client().query(query, {}, editor, grant)).rejects.toMatchObject({ target: 'org', unavailable: false });
    await expect(client().query(query, {}, editor, grant)).rejects.toBeInstanceOf(UpstreamError);
    const body = JSON.stringify({ query });
    const res = await send(asTasks(body, { ...editor, service: 'tasks', grant }), body);
    expect(res.status).toBe(403);
    expect((await res.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(writes).toBe(0);
    expect(auditReads).toBe(0);
  });

  it('refuses a service call that names no grant with 403', async () => {
    const body = JSON.stringify({ query: '{ visibleUnitIds }' });
    const res = await send(asTasks(body, { ...editor, service: 'tasks' }), body);
    expect(res.status).toBe(403);
  });

  it.each([
    [
      'a wrong secret',
      (b: string) => asTasks(b, { ...editor, service: 'tasks', grant: 'jurisdiction' }, 'not-the-secret-0123456789'),
    ],
    [
      'the right secret for another service name',
      (b: string) => asTasks(b, { ...editor, service: 'assessments', grant: 'jurisdiction' }),
    ],
    ['the right secret without naming the service', (b: string) => asTasks(b, editor)],
    [
      "the gateway's secret claiming to be a service",
      (b: string) => asTasks(b, { ...editor, service: 'tasks', grant: 'jurisdiction' }, GATEWAY_SECRET, GATEWAY_KEYID),
    ],
  ])('refuses %s with 401', async (_name, headers) => {
    const body = JSON.stringify({ query: '{ visibleUnitIds }' });
    expect((await send(headers(body), body)).status).toBe(401);
  });

  it('a captured service call cannot be replayed, neither as it was nor with another body', async () => {
    // A proxy between tasks and org records what tasks actually sent.
    const captured: Array<{ headers: Record<string, string>; body: string }> = [];
    const target = new URL(server.url);
    const proxy = http.createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers)
            .filter(([k]) => k !== 'host' && k !== 'connection')
            .map(([k, v]) => [k, String(v)]),
        );
        captured.push({ headers, body: Buffer.concat(chunks).toString('utf8') });
        const up = http.request(
          { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        up.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', () => r()));
    try {
      const viaProxy = `http://127.0.0.1:${(proxy.address() as { port: number }).port}/graphql`;
      await expect(client(viaProxy).query('{ visibleUnitIds }', {}, editor, 'jurisdiction')).resolves.toEqual({
        visibleUnitIds: ['own'],
      });
      expect(captured).toHaveLength(1);
      const [
        {
          headers: { 'content-length': _length, ...headers },
          body,
        },
      ] = captured;
      const replayed = await send(headers, body);
      expect(replayed.status).toBe(401);
      const swapped = await send(headers, JSON.stringify({ query: '{ auditLog }' }));
      expect(swapped.status).toBe(401);
      expect(auditReads).toBe(0);
    } finally {
      proxy.close();
    }
  });

  it("passes the target's client errors on with their code", async () => {
    const body = JSON.stringify({ query: '{ refuse }' });
    // `refuse` is in no grant: as a service call it is refused at the door…
    expect((await send(asTasks(body, { ...editor, service: 'tasks', grant: 'leadership-facts' }), body)).status).toBe(
      403,
    );
    // …so the error path is checked on a granted field given a bad argument.
    await expect(client().query('{ unitsByCode(codes: 1) }', {}, editor, 'leadership-facts')).rejects.toBeInstanceOf(
      UpstreamError,
    );
    await expect(
      client().query('query($c: [String!]!) { unitsByCode(codes: $c) }', { c: null }, editor, 'leadership-facts'),
    ).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('reports an unreachable target as an upstream failure after retrying', async () => {
    const dead = serviceClient({
      service: 'tasks',
      target: 'org',
      url: 'http://127.0.0.1:9/graphql',
      secret: TASKS_SECRET,
      timeoutMs: 500,
    });
    await expect(dead.query('{ visibleUnitIds }', {}, editor, 'jurisdiction')).rejects.toThrow(/org unreachable/);
    await expect(dead.query('{ visibleUnitIds }', {}, editor, 'jurisdiction')).rejects.toMatchObject({
      target: 'org',
      unavailable: true,
    });
    // Reported to the client as SUBGRAPH_UNAVAILABLE naming the dependency, without the details.
    const error = (await dead
      .query('{ visibleUnitIds }', {}, editor, 'jurisdiction')
      .catch((e: UpstreamError) => e)) as UpstreamError;
    expect(formatSubgraphError({ message: error.message, path: ['task'] }, error)).toEqual({
      message: '子图 org 暂不可用',
      path: ['task'],
      extensions: { code: 'SUBGRAPH_UNAVAILABLE', dependency: 'org' },
    });
  });

  it('answers a stale signature 401 saying so (nothing ran), and the service client signs it afresh once more', async () => {
    const body = JSON.stringify({ query: '{ visibleUnitIds }' });
    const old = signRequest(
      { method: 'POST', url: server.url, body },
      {
        keyid: 'tasks',
        secret: TASKS_SECRET,
        target: 'org',
        identity: { ...editor, service: 'tasks', grant: 'jurisdiction' },
        now: Date.now() - 60_000,
      },
    );
    const res = await send(old, body);
    expect(res.status).toBe(401);
    expect(res.headers.get(STALE_SIGNATURE_HEADER)).toBe('stale');
    // Any other refusal says nothing of the kind.
    const wrong = await send(
      asTasks(body, { ...editor, service: 'tasks', grant: 'jurisdiction' }, 'not-the-secret-0123456789'),
      body,
    );
    expect(wrong.status).toBe(401);
    expect(wrong.headers.get(STALE_SIGNATURE_HEADER)).toBeNull();
    // A proxy that holds the first attempt's answer back as a busy target would: stale; then passes the second.
    const nonces: string[] = [];
    const target = new URL(server.url);
    const slow = http.createServer((req, res2) => {
      nonces.push(/nonce="([^"]+)"/.exec(String(req.headers['signature-input']))![1]);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const headers = Object.fromEntries(
          Object.entries(req.headers)
            .filter(([k]) => k !== 'host' && k !== 'connection')
            .map(([k, v]) => [k, String(v)]),
        );
        if (nonces.length === 1)
          headers['signature-input'] = headers['signature-input'].replace(
            /created=\d+/,
            `created=${Math.floor(Date.now() / 1000) - 60}`,
          );
        const up = http.request(
          { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
          (answer) => {
            res2.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res2);
          },
        );
        up.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((r) => slow.listen(0, '127.0.0.1', () => r()));
    try {
      // The tampered `created` breaks the first attempt's signature: it is refused as stale before the HMAC is checked.
      const url = `http://127.0.0.1:${(slow.address() as { port: number }).port}/graphql`;
      await expect(client(url).query('{ visibleUnitIds }', {}, editor, 'jurisdiction')).resolves.toEqual({
        visibleUnitIds: ['own'],
      });
      expect(nonces).toHaveLength(2);
      expect(nonces[0]).not.toBe(nonces[1]);
    } finally {
      slow.close();
    }
  });

  it('signs every attempt afresh: a retry after a lost connection carries a new nonce', async () => {
    // The first connection is dropped unanswered; the second attempt reaches org.
    const nonces: string[] = [];
    const target = new URL(server.url);
    const flaky = http.createServer((req, res) => {
      nonces.push(/nonce="([^"]+)"/.exec(String(req.headers['signature-input']))![1]);
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        if (nonces.length === 1) {
          req.socket.destroy();
          return;
        }
        const headers = Object.fromEntries(
          Object.entries(req.headers)
            .filter(([k]) => k !== 'host' && k !== 'connection')
            .map(([k, v]) => [k, String(v)]),
        );
        const up = http.request(
          { host: target.hostname, port: target.port, path: target.pathname, method: 'POST', headers },
          (answer) => {
            res.writeHead(answer.statusCode ?? 502, answer.headers);
            answer.pipe(res);
          },
        );
        up.end(Buffer.concat(chunks));
      });
    });
    await new Promise<void>((r) => flaky.listen(0, '127.0.0.1', () => r()));
    try {
      const url = `http://127.0.0.1:${(flaky.address() as { port: number }).port}/graphql`;
      await expect(client(url).query('{ visibleUnitIds }', {}, editor, 'jurisdiction')).resolves.toEqual({
        visibleUnitIds: ['own'],
      });
      expect(nonces).toHaveLength(2);
      expect(nonces[0]).not.toBe(nonces[1]);
    } finally {
      flaky.close();
    }
  });
});
