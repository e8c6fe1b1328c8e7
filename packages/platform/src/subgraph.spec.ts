/**
 * `@oneOf` through Apollo composition (withOneOf): the directive is linked from a feature and
 * `@composeDirective`d, so it reaches the supergraph, where graphql-js enforces it.
 */
import { composeServices } from '@apollo/composition';
import { buildASTSchema, parse, validate, type GraphQLInputObjectType } from 'graphql';
import { FEDERATION_URL, ONE_OF_URL, withOneOf } from './subgraph';

const PRINTED = `"""A lookup"""\ninput Lookup {\n  id: ID\n  code: String\n}\n\ninput Other {\n  x: Int\n}\n\ntype Thing @key(fields: "id") {\n  id: ID!\n}\n\ntype Query {\n  thing(by: Lookup!, other: Other): Thing\n}\n`;

const subgraph = (printed: string, inputs: string[]) => {
  const o = withOneOf(printed, inputs);
  const imports = ['@key', ...o.imports].map((d) => JSON.stringify(d)).join(', ');
  return `extend schema @link(url: "${FEDERATION_URL}", import: [${imports}])${o.link}\n\n${o.sdl}`;
};

const OTHER = `extend schema @link(url: "${FEDERATION_URL}", import: ["@key"])
type Thing @key(fields: "id") { id: ID! name: String }
type Query { other: Int }`;

function supergraph(inputs: string[]) {
  const r = composeServices([
    { name: 'a', typeDefs: parse(subgraph(PRINTED, inputs)), url: 'http://a' },
    { name: 'b', typeDefs: parse(OTHER), url: 'http://b' },
  ]);
  if (r.errors) throw new Error(r.errors.map((e) => e.message).join('; '));
  return buildASTSchema(parse(r.supergraphSdl!), { assumeValidSDL: true });
}

describe('withOneOf', () => {
  it('leaves a schema without oneOf inputs as it is', () => {
    expect(withOneOf(PRINTED, [])).toEqual({ sdl: PRINTED, link: '', imports: [] });
  });

  it('marks only the named input, links the directive and asks composition to keep it', () => {
    const o = withOneOf(PRINTED, ['Lookup']);
    expect(o.sdl).toContain('input Lookup @oneOf {');
    expect(o.sdl).toContain('input Other {');
    expect(o.sdl.startsWith('directive @oneOf on INPUT_OBJECT')).toBe(true);
    expect(o.link).toBe(` @link(url: "${ONE_OF_URL}", import: ["@oneOf"]) @composeDirective(name: "@oneOf")`);
    expect(o.imports).toEqual(['@composeDirective']);
  });

  it('refuses an input the schema does not have', () => {
    expect(() => withOneOf(PRINTED, ['Missing'])).toThrow(/no input Missing/);
  });

  it('composes: the supergraph keeps @oneOf on that input only', () => {
    const s = supergraph(['Lookup']);
    expect((s.getType('Lookup') as GraphQLInputObjectType).isOneOf).toBe(true);
    expect((s.getType('Other') as GraphQLInputObjectType).isOneOf).toBe(false);
  });

  it.each([
    ['one key', '{ thing(by: { id: "1" }) { id } }', []],
    ['the other key', '{ thing(by: { code: "c" }) { id } }', []],
    [
      'both keys',
      '{ thing(by: { id: "1", code: "c" }) { id } }',
      ['OneOf Input Object "Lookup" must specify exactly one key.'],
    ],
    ['no key', '{ thing(by: {}) { id } }', ['OneOf Input Object "Lookup" must specify exactly one key.']],
    ['a null key', '{ thing(by: { id: null }) { id } }', ['Field "Lookup.id" must be non-null.']],
    // graphql 16 does not ask a variable inside a oneOf input to be non-null (17 will): its value is checked later.
    ['a nullable variable inside', 'query($c: String) { thing(by: { code: $c }) { id } }', []],
  ])('the supergraph validates %s', (_name, query, errors) => {
    expect(validate(supergraph(['Lookup']), parse(query)).map((e) => e.message)).toEqual(errors);
  });

  it('without withOneOf, composition refuses the bare directive (why it is linked)', () => {
    const bare = `extend schema @link(url: "${FEDERATION_URL}", import: ["@key"])\n\n${PRINTED.replace('input Lookup {', 'input Lookup @oneOf {')}`;
    const r = composeServices([
      { name: 'a', typeDefs: parse(bare), url: 'http://a' },
      { name: 'b', typeDefs: parse(OTHER), url: 'http://b' },
    ]);
    expect(r.errors?.map((e) => e.message)).toEqual(['[a] Unknown directive "@oneOf".']);
  });
});
