import { buildSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { HubError } from './errors';
import { HUB_OPERATOR, IDENTITY_HEADER, signIdentity, SIGNATURE_HEADER, type Identity } from './identity';
import { serviceClient, UpstreamError } from './service';
import { formatSubgraphError, startSubgraphServer, type RunningServer } from './subgraph';

const GATEWAY_SECRET = 'org-gateway-secret-0123456789';
const TASKS_SECRET = 'tasks-to-org-secret-0123456789';
const editor: Identity = { subject: 'li.si', body: 'SC-JGGW', role: 'EDITOR', hubAdmin: false, requestId: 'req-7' };

describe('service-to-service reads (tasks → org)', () => {
  let server: RunningServer;
  const seen: Identity[] = [];
  let writes = 0;

  beforeAll(async () => {
    const schema = buildSubgraphSchema([{
      typeDefs: parse('type Query { whoami: String! refuse: String } type Mutation { write: Int! }'),
      resolvers: {
        Query: {
          whoami: (_: unknown, __: unknown, ctx: { identity: Identity }) => { seen.push(ctx.identity); return `${ctx.identity.service}:${ctx.identity.subject}`; },
          refuse: () => { throw new HubError('BAD_USER_INPUT', 'no', { field: 'x' }); },
        },
        Mutation: { write: () => ++writes },
      },
    }]);
    server = await startSubgraphServer({
      name: 'org', schema, secret: GATEWAY_SECRET, serviceSecrets: { tasks: TASKS_SECRET },
      context: (_req, identity) => ({ identity }),
    }, 0);
  });
  afterAll(() => server.close());

  const client = (secret = TASKS_SECRET, service = 'tasks') => serviceClient({ service, target: 'org', url: server.url, secret, timeoutMs: 2000 });

  it('reads on behalf of the user it serves, who arrives with the calling service named', async () => {
    await expect(client().query<{ whoami: string }>('{ whoami }', {}, editor)).resolves.toEqual({ whoami: 'tasks:li.si' });
    expect(seen.at(-1)).toEqual({ ...editor, service: 'tasks' });
  });

  it('may not write: a mutation is refused before it runs', async () => {
    await expect(client().query('mutation { write }', {}, HUB_OPERATOR)).rejects.toMatchObject({ target: 'org', unavailable: false });
    await expect(client().query('mutation { write }', {}, HUB_OPERATOR)).rejects.toBeInstanceOf(UpstreamError);
    const res = await fetch(server.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...signIdentity(TASKS_SECRET, 'org', { ...HUB_OPERATOR, service: 'tasks' }) },
      body: JSON.stringify({ query: 'query q { whoami } mutation m { write }', operationName: 'q' }),
    });
    expect(res.status).toBe(403);
    expect((await res.json()).errors[0].extensions.code).toBe('FORBIDDEN');
    expect(writes).toBe(0);
  });

  it.each([
    ['a wrong secret', () => signIdentity('not-the-secret-0123456789', 'org', { ...editor, service: 'tasks' })],
    ['the right secret for another service name', () => signIdentity(TASKS_SECRET, 'org', { ...editor, service: 'assessments' })],
    ['the right secret without naming the service', () => signIdentity(TASKS_SECRET, 'org', editor)],
    ["the gateway's secret claiming to be a service", () => signIdentity(GATEWAY_SECRET, 'org', { ...editor, service: 'tasks' })],
  ])('refuses %s with 401', async (_name, headers) => {
    const h = headers();
    const res = await fetch(server.url, {
      method: 'POST', headers: { 'content-type': 'application/json', [IDENTITY_HEADER]: h[IDENTITY_HEADER], [SIGNATURE_HEADER]: h[SIGNATURE_HEADER] },
      body: JSON.stringify({ query: '{ whoami }' }),
    });
    expect(res.status).toBe(401);
  });

  it("passes the target's client errors on with their code and field", async () => {
    await expect(client().query('{ refuse }', {}, editor)).rejects.toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'x' } });
  });

  it('reports an unreachable target as an upstream failure after retrying', async () => {
    const dead = serviceClient({ service: 'tasks', target: 'org', url: 'http://127.0.0.1:9/graphql', secret: TASKS_SECRET, timeoutMs: 500 });
    await expect(dead.query('{ whoami }', {}, editor)).rejects.toThrow(/org unreachable/);
    await expect(dead.query('{ whoami }', {}, editor)).rejects.toMatchObject({ target: 'org', unavailable: true });
    // Reported to the client as SUBGRAPH_UNAVAILABLE naming the dependency, without the details.
    const error = await dead.query('{ whoami }', {}, editor).catch((e: UpstreamError) => e) as UpstreamError;
    expect(formatSubgraphError({ message: error.message, path: ['task'] }, error)).toEqual({ message: '子图 org 暂不可用', path: ['task'], extensions: { code: 'SUBGRAPH_UNAVAILABLE', dependency: 'org' } });
  });
});
