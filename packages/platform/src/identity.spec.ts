import {
  decodeIdentity,
  encodeIdentity,
  HUB_OPERATOR,
  readsEverything,
  SERVICE_GRANTS,
  type Identity,
} from './identity';

const editor: Identity = { subject: 'zhang.san', body: 'SC-JGGW', role: 'EDITOR', hubAdmin: false, requestId: 'r-1' };
const enc = (v: unknown) => Buffer.from(JSON.stringify(v)).toString('base64url');

describe('the identity header (x-hub-identity)', () => {
  it('round-trips an identity, the operator and a service call with its grant included', () => {
    expect(decodeIdentity(encodeIdentity(editor))).toEqual(editor);
    expect(decodeIdentity(encodeIdentity(HUB_OPERATOR))).toEqual(HUB_OPERATOR);
    const call: Identity = { ...editor, service: 'tasks', grant: 'leadership-facts' };
    expect(decodeIdentity(encodeIdentity(call))).toEqual(call);
  });

  it.each([
    ['nothing', undefined],
    ['not base64url JSON', 'not json at all'],
    ['JSON that is not an object', enc(42)],
    ['an unknown role', enc({ ...editor, role: 'ROOT' })],
    ['no body and not the operator', enc({ ...editor, body: null })],
    ['hubAdmin not a boolean', enc({ ...editor, hubAdmin: 'yes' })],
    ['a grant that does not exist', enc({ ...editor, service: 'tasks', grant: 'everything' })],
    ['a grant without a service', enc({ ...editor, grant: 'leadership-facts' })],
    ['an oversized header', 'a'.repeat(9000)],
  ])('refuses %s', (_name, value) => {
    expect(decodeIdentity(value)).toBeNull();
  });
});

describe('who reads beyond their jurisdiction', () => {
  it.each<[string, Identity, boolean]>([
    ['the operator', HUB_OPERATOR, true],
    ['an end user', editor, false],
    ['a service call under a wide grant', { ...editor, service: 'tasks', grant: 'leadership-facts' }, true],
    ["a service call under the user's own jurisdiction", { ...editor, service: 'tasks', grant: 'jurisdiction' }, false],
    ['a grant without a service (never decoded, but never wide)', { ...editor, grant: 'leadership-facts' }, false],
  ])('%s: %s', (_name, identity, expected) => {
    expect(readsEverything(identity)).toBe(expected);
  });

  it('no grant opens a write or the audit log', () => {
    for (const grant of Object.values(SERVICE_GRANTS)) {
      for (const field of grant.fields) expect(field).not.toMatch(/^Mutation\.|auditLog/);
    }
  });
});

describe('log lines inside a request', () => {
  it('carry the request id of the request being handled', async () => {
    const { log, requestScope } = await import('./log');
    const lines: string[] = [];
    const write = process.stderr.write;
    const level = process.env.LOG_LEVEL;
    process.env.LOG_LEVEL = 'info';
    process.stderr.write = ((chunk: string) => {
      lines.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      await requestScope.run({ requestId: 'rid-7', subgraph: 'org' }, async () => {
        await new Promise((r) => setTimeout(r, 1));
        log.info('inside');
      });
      log.info('outside');
    } finally {
      process.stderr.write = write;
      if (level === undefined) delete process.env.LOG_LEVEL;
      else process.env.LOG_LEVEL = level;
    }
    const [inside, outside] = lines.map((l) => JSON.parse(l));
    expect(inside).toMatchObject({ msg: 'inside', requestId: 'rid-7', subgraph: 'org' });
    expect(outside.requestId).toBeUndefined();
  });
});
