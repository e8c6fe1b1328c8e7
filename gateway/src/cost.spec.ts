import { buildSchema, parse } from 'graphql';
import { readFileSync } from 'node:fs';
import { costError, costLimitPlugin, DEFAULT_LIST_ESTIMATE, LIST_ESTIMATES, operationCost } from './cost';
import { DEFAULT_SUPERGRAPH } from './index';

/**
 * A schema with each shape the rule must handle: a list paged with first (default 50), a Relay
 * connection (first/last, edges/nodes), a list without paging arguments (declared estimate or
 * the default), scalars and lists of scalars.
 */
const schema = buildSchema(`
  type Query {
    unit(code: String!): Unit
    units(first: Int = 50, offset: Int): [Unit!]!
    conn(first: Int, after: String, last: Int, before: String): UnitConnection!
    findings(scope: String!): [Finding!]!
    tags: [String!]!
  }
  type Unit { code: String! name: String! leaders: [Unit!]! children(first: Int! = 20): [Unit!]! }
  type Finding { kind: String! unit: Unit! }
  type UnitConnection { totalCount: Int! edges: [Edge!]! nodes: [Unit!]! pageInfo: PageInfo! }
  type Edge { cursor: String! node: Unit! }
  type PageInfo { hasNextPage: Boolean! endCursor: String }
`);
const estimates = { 'Query.findings': 1000 };
const cost = (query: string, variables?: Record<string, unknown>, operationName?: string) =>
  operationCost(schema, parse(query), { variables, operationName, listEstimates: estimates, defaultListEstimate: 10 });

describe('operation cost counts list sizes', () => {
  it.each([
    ['one object, two scalars', '{ unit(code: "A") { code name } }', 3],
    ['__typename is free', '{ unit(code: "A") { __typename code } }', 2],
    ['a list of scalars is one value', '{ tags }', 1],
    ['a paged list: its default page (50) times what it selects', '{ units { code name } }', 1 + 50 * 2],
    ['a paged list: the page asked for', '{ units(first: 7) { code } }', 1 + 7],
    ['a page of 0', '{ units(first: 0) { code } }', 1],
    ['a list without paging: its declared estimate', '{ findings(scope: "X") { kind } }', 1 + 1000],
    ['a list without paging nor estimate: the default', '{ unit(code: "A") { leaders { code } } }', 1 + 1 + 10],
    [
      'nested lists multiply',
      '{ units(first: 10) { children(first: 3) { leaders { code } } } }',
      1 + 10 * (1 + 3 * (1 + 10)),
    ],
    [
      'an estimated list under an estimated list',
      '{ findings(scope: "X") { unit { leaders { code } } } }',
      1 + 1000 * (1 + 1 + 10),
    ],
    [
      'a connection: first sizes edges and nodes, once',
      '{ conn(first: 100) { totalCount edges { cursor node { code } } } }',
      1 + 100 * (1 + 1 + 1 + 2),
    ],
    [
      'a connection: nodes',
      '{ conn(first: 100) { nodes { code name } pageInfo { hasNextPage } } }',
      1 + 100 * (1 + 2 + 2),
    ],
    ['a connection: last', '{ conn(last: 30) { nodes { code } } }', 1 + 30 * 2],
    ['a connection: first and last, the larger', '{ conn(first: 5, last: 40) { nodes { code } } }', 1 + 40 * 2],
    [
      'a connection without a page: its own nodes are still not multiplied twice',
      '{ conn { nodes { code } } }',
      1 + 1 + 10 * 1,
    ],
    ['aliases each count', '{ a: units(first: 10) { code } b: units(first: 10) { code } }', 2 * (1 + 10)],
  ])('%s', (_name, query, expected) => {
    expect(cost(query)).toBe(expected);
  });

  it.each([
    ['a variable', 'query($n: Int) { units(first: $n) { code } }', { n: 200 }, 1 + 200],
    [
      'a variable left out: its default in the operation',
      'query($n: Int = 4) { units(first: $n) { code } }',
      {},
      1 + 4,
    ],
    [
      "a variable left out without a default: the argument's default",
      'query($n: Int) { units(first: $n) { code } }',
      {},
      1 + 50,
    ],
    [
      'a variable inside a connection',
      'query($n: Int) { conn(first: $n) { edges { node { code } } } }',
      { n: 3 },
      1 + 3 * (1 + 2),
    ],
  ])('%s', (_name, query, variables, expected) => {
    expect(cost(query, variables)).toBe(expected);
  });

  it('fragments count where they are spread, and the named operation is the one counted', () => {
    const doc = `
      fragment U on Unit { code leaders { code } }
      query Small { unit(code: "A") { ...U } }
      query Big { units(first: 10) { ...U ... on Unit { name } } }`;
    expect(cost(doc, undefined, 'Small')).toBe(1 + 1 + (1 + 10));
    expect(cost(doc, undefined, 'Big')).toBe(1 + 10 * (1 + 11 + 1));
  });

  it('a cyclic fragment (refused by validation) does not loop', () => {
    expect(cost('fragment A on Unit { leaders { ...A } } { unit(code: "x") { ...A } }')).toBeGreaterThan(0);
  });

  it('unknown fields count 1 each (validation reports them)', () => {
    expect(cost('{ nothing { here } unit(code: "A") { nope } }')).toBe(1 + 1 + 1);
  });
});

describe('the cost limit plugin', () => {
  /** Runs the plugin's check as the runtime does; the refusal's `found`, or undefined when it passes. */
  function check(
    plugin: ReturnType<typeof costLimitPlugin>,
    document: ReturnType<typeof parse>,
    variableValues: Record<string, unknown> = {},
  ): number | undefined {
    let found: number | undefined;
    const onExecute = plugin.onExecute as unknown as (p: unknown) => void;
    onExecute({
      args: { schema, document, variableValues },
      setResultAndStopExecution: (r: { errors: Array<{ extensions: { found: number } }> }) => {
        found = r.errors[0].extensions.found;
      },
    });
    return found;
  }

  it("a document whose cost reads a variable is counted again for each request's variables", () => {
    const plugin = costLimitPlugin({ maxCost: 100, listEstimates: estimates, defaultListEstimate: 10 });
    const doc = parse('query($n: Int) { units(first: $n) { code } }');
    expect(check(plugin, doc, { n: 5 })).toBeUndefined();
    expect(check(plugin, doc, { n: 500 })).toBe(1 + 500);
    expect(check(plugin, doc, { n: 5 })).toBeUndefined();
  });

  it("a document whose cost reads no variable is counted once (the same parsed document: the runtime's parser cache)", () => {
    const listEstimates = { ...estimates };
    const plugin = costLimitPlugin({ maxCost: 1500, listEstimates, defaultListEstimate: 10 });
    const doc = parse('query($s: String!) { findings(scope: $s) { kind } }');
    expect(check(plugin, doc, { s: 'A' })).toBeUndefined();
    listEstimates['Query.findings'] = 2000; // a walk would now refuse it: the kept count does not
    expect(check(plugin, doc, { s: 'B' })).toBeUndefined();
    expect(check(plugin, parse('query($s: String!) { findings(scope: $s) { kind } }'), { s: 'A' })).toBe(1 + 2000);
  });

  it('an operation over the limit is refused every time, not only when first counted', () => {
    const plugin = costLimitPlugin({ maxCost: 100, listEstimates: estimates, defaultListEstimate: 10 });
    const doc = parse('{ units(first: 200) { code } }');
    expect(check(plugin, doc)).toBe(201);
    expect(check(plugin, doc)).toBe(201);
  });
});

describe("on the hub's supergraph", () => {
  const hub = buildSchema(readFileSync(DEFAULT_SUPERGRAPH, 'utf8'), { assumeValidSDL: true });
  const hubCost = (q: string) => operationCost(hub, parse(q), {});

  it('the scope-wide list of the issue counts its estimate, or its page once it is a connection', () => {
    const args = 'scope: "SC-JGGW", from: "2026-01-01", to: "2026-12-31"';
    const type = String((hub.getQueryType()!.getFields().taskConflicts as { type: unknown }).type);
    if (type.startsWith('[')) {
      expect(hubCost(`{ taskConflicts(${args}) { kind unit { code name } } }`)).toBe(
        1 + LIST_ESTIMATES['Query.taskConflicts'] * (1 + 3),
      );
    } else {
      expect(hubCost(`{ taskConflicts(${args}, first: 500) { nodes { kind unit { code name } } } }`)).toBe(
        1 + 500 * (1 + 1 + 3),
      );
    }
  });

  it('every key of the estimates table names a field of the supergraph (a renamed field is noticed)', () => {
    // A field that became a connection paged with first/last keeps its entry unused: harmless.
    for (const key of Object.keys(LIST_ESTIMATES)) {
      const [type, field] = key.split('.');
      const t = hub.getType(type) as unknown as { getFields(): Record<string, unknown> } | undefined;
      expect({ key, exists: !!t?.getFields()[field] }).toEqual({ key, exists: true });
    }
    expect(DEFAULT_LIST_ESTIMATE).toBeGreaterThan(1);
  });

  it('the refusal names the limit and its value, not a syntax error', () => {
    const e = costError(120_000, 100_000);
    expect(e.message).not.toMatch(/Syntax Error/);
    expect(e.message).toMatch(/LIMIT_MAX_COST = 100000/);
    expect(e.extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', limit: 'LIMIT_MAX_COST', max: 100_000, found: 120_000 });
  });
});
