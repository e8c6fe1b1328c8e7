import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseManifest } from '@tiaokuai/gateway/trusted-documents';
import { trustedDocumentsManifest } from './trusted-documents';

const SCHEMA = readFileSync(path.resolve(__dirname, '..', '..', 'schema', 'supergraph.graphql'), 'utf8');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('npm run trusted-documents', () => {
  const page = {
    name: 'page.graphql',
    text: 'query UnitPage($code: String!) { unit(by: { code: $code }) { ...Head partyBuilding { leaders { ...Ref } } } }\nfragment Head on Unit { code name }',
  };
  const shared = {
    name: 'shared.graphql',
    text: 'fragment Ref on Unit { code }\nfragment Unused on Unit { name }\nmutation End($code: String!) { endUnit(code: $code, on: "2026-01-01") { code } }',
  };

  it('writes one document per operation with the fragments it uses, its id the sha256 of the text, which the gateway accepts', () => {
    const m = trustedDocumentsManifest([page, shared]);
    expect(m.format).toBe('apollo-persisted-query-manifest');
    expect(m.operations.map((o) => [o.name, o.type])).toEqual([
      ['UnitPage', 'query'],
      ['End', 'mutation'],
    ]);
    const [unitPage, end] = m.operations;
    expect(unitPage.body).toMatch(/^query UnitPage[\s\S]*fragment Head on Unit[\s\S]*fragment Ref on Unit/);
    expect(unitPage.body).not.toContain('Unused');
    expect(end.body).not.toContain('fragment');
    for (const o of m.operations) expect(o.id).toBe(sha256(o.body));
    expect([...parseManifest(m).keys()]).toEqual([unitPage.id, end.id]);
  });

  it('the same operation gives the same id however it is formatted', () => {
    const spaced = {
      name: 'b.graphql',
      text: page.text.replace(/ /g, '   ').replace('{ code name }', '{\n  code\n  name\n}'),
    };
    expect(trustedDocumentsManifest([spaced, shared]).operations[0].id).toBe(
      trustedDocumentsManifest([page, shared]).operations[0].id,
    );
  });

  it.each([
    [
      'an anonymous operation',
      [{ name: 'a.graphql', text: '{ unit(by: { code: "A" }) { code } }' }],
      /a\.graphql: every operation needs a name/,
    ],
    ['a missing fragment', [page], /page\.graphql: operation UnitPage uses fragment Ref/],
    [
      'an operation named twice',
      [shared, { name: 'c.graphql', text: 'query End { unit(by: { code: "A" }) { code } }' }],
      /c\.graphql: operation End is defined twice/,
    ],
    ['a syntax error', [{ name: 'd.graphql', text: 'query Q {' }], /d\.graphql: Syntax Error/],
    [
      'a type definition',
      [{ name: 'e.graphql', text: 'type T { a: Int }' }],
      /e\.graphql: only operations and fragments/,
    ],
  ])('refuses %s, naming the file', (_n, sources, why) => {
    expect(() => trustedDocumentsManifest(sources)).toThrow(why);
  });

  it('refuses an operation the schema does not accept', () => {
    expect(trustedDocumentsManifest([page, shared], SCHEMA).operations).toHaveLength(2);
    const wrong = { name: 'f.graphql', text: 'query Anomalies { leadershipAnomalies { nope } }' };
    expect(() => trustedDocumentsManifest([wrong], SCHEMA)).toThrow(
      /f\.graphql: operation Anomalies: Cannot query field "nope"/,
    );
  });
});
