import { HUB_OPERATOR, IDENTITY_HEADER, SIGNATURE_HEADER, signIdentity, verifyIdentity, type Identity } from './identity';

const editor: Identity = { subject: 'zhang.san', body: 'SC-JGGW', role: 'EDITOR', hubAdmin: false, requestId: 'r-1' };
const SECRET = 'org-secret';
const T = 1_800_000_000_000;

function headers(identity: Identity, secret = SECRET, subgraph = 'org', now = T) {
  const h = signIdentity(secret, subgraph, identity, now);
  return [h[IDENTITY_HEADER], h[SIGNATURE_HEADER]] as const;
}

describe('the gateway → subgraph identity envelope', () => {
  it('round-trips a signed identity, the operator included', () => {
    expect(verifyIdentity(SECRET, 'org', ...headers(editor), T + 1000)).toEqual(editor);
    expect(verifyIdentity(SECRET, 'org', ...headers(HUB_OPERATOR), T)).toEqual(HUB_OPERATOR);
  });

  it.each([
    ['no headers', () => [undefined, undefined] as const],
    ['a signature under another secret', () => headers(editor, 'other-secret')],
    ['a signature made for another subgraph', () => headers(editor, SECRET, 'tasks')],
    ['a truncated signature', () => { const [p, s] = headers(editor); return [p, s.slice(0, 10)] as const; }],
    ['claims changed after signing', () => {
      const [, s] = headers(editor);
      const forged = Buffer.from(JSON.stringify({ ...editor, hubAdmin: true, exp: T + 60_000 })).toString('base64url');
      return [forged, s] as const;
    }],
    ['an envelope past its expiry', () => headers(editor, SECRET, 'org', T - 120_000)],
  ])('refuses %s', (_name, make) => {
    const [p, s] = make();
    expect(verifyIdentity(SECRET, 'org', p, s, T)).toBeNull();
  });

  it('refuses a validly signed envelope whose claims are malformed', () => {
    const bad = { ...editor, role: 'ROOT' } as unknown as Identity;
    expect(verifyIdentity(SECRET, 'org', ...headers(bad), T)).toBeNull();
    const nobody = { ...editor, body: null };
    expect(verifyIdentity(SECRET, 'org', ...headers(nobody), T)).toBeNull();
  });
});

describe('log lines inside a request', () => {
  it('carry the request id of the request being handled', async () => {
    const { log, requestScope } = await import('./log');
    const lines: string[] = [];
    const write = process.stderr.write;
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'info';
    process.stderr.write = ((chunk: string) => { lines.push(String(chunk)); return true; }) as typeof process.stderr.write;
    try {
      await requestScope.run({ requestId: 'rid-7', subgraph: 'org' }, async () => {
        await new Promise((r) => setTimeout(r, 1));
        log.info('inside');
      });
      log.info('outside');
    } finally {
      process.stderr.write = write;
      if (level === undefined) delete process.env.LOG_LEVEL; else process.env.LOG_LEVEL = level;
    }
    const [inside, outside] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({ msg: 'inside', requestId: 'rid-7', subgraph: 'org' });
    expect(outside.requestId).toBeUndefined();
  });
});
