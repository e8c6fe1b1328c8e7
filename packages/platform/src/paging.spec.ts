import 'reflect-metadata';
import { graphql, printSchema } from 'graphql';
import { Args, buildSchema, Field, Int, ObjectType, Query, Resolver } from 'type-graphql';
import {
  compareKeys,
  compareNumericKeys,
  connectionFromRows,
  decodeCursor,
  encodeCursor,
  isRowIdKey,
  MAX_PAGE_SIZE,
  pageOfList,
  pageWindow,
  type PageArgs,
} from './paging';
import { connectionType, PageArgsType } from './paging.types';

const NS = 'thing';
const items = ['a', 'b', 'c', 'd', 'e', 'f', 'g'];
const id = (s: string) => s;
const cur = (k: string) => encodeCursor(NS, k);
const page = (args: PageArgs, list = items) => pageOfList(NS, list, id, compareKeys, pageWindow(NS, args));

describe('pageWindow: the arguments checked', () => {
  it.each<[string, PageArgs, string]>([
    ['first and last together', { first: 2, last: 2 }, 'last'],
    ['a negative first', { first: -1 }, 'first'],
    ['first over the cap', { first: MAX_PAGE_SIZE + 1 }, 'first'],
    ['a fractional last', { last: 1.5 }, 'last'],
    ['an after cursor of another list', { after: encodeCursor('other', 'a') }, 'after'],
    ['a before cursor that is not base64url', { before: '!!' }, 'before'],
    ['an empty key', { after: encodeCursor(NS, '') }, 'after'],
  ])('refuses %s, naming the argument', (_, args, field) => {
    expect(() => pageWindow(NS, args)).toThrow(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'BAD_USER_INPUT', field }) }),
    );
  });

  it('defaults to 50, and to at most the cap given', () => {
    expect(pageWindow(NS, {}).size).toBe(50);
    expect(pageWindow(NS, {}, { max: 10 }).size).toBe(10);
    expect(pageWindow(NS, { last: 3 })).toEqual({ after: null, before: null, size: 3, fromEnd: true });
  });

  it('refuses a key the list never hands out', () => {
    expect(() => pageWindow(NS, { after: cur(String(2 ** 31)) }, { validKey: isRowIdKey })).toThrow(/游标无效/);
    expect(pageWindow(NS, { after: cur('17') }, { validKey: isRowIdKey }).after).toBe('17');
  });

  it('round-trips any key, Chinese included', () => {
    expect(decodeCursor(NS, encodeCursor(NS, 'DUPLICATE|四川:12'), 'after')).toBe('DUPLICATE|四川:12');
  });
});

describe('pageOfList: a list held in memory', () => {
  it.each<[string, PageArgs, string[], boolean, boolean]>([
    // args, page, hasPreviousPage, hasNextPage
    ['the first page', { first: 3 }, ['a', 'b', 'c'], false, true],
    ['after a cursor', { first: 3, after: cur('c') }, ['d', 'e', 'f'], true, true],
    ['the end', { first: 3, after: cur('e') }, ['f', 'g'], true, false],
    ['the last page', { last: 2 }, ['f', 'g'], true, false],
    ['backwards before a cursor', { last: 2, before: cur('c') }, ['a', 'b'], false, true],
    ['between two cursors', { first: 10, after: cur('b'), before: cur('f') }, ['c', 'd', 'e'], true, true],
    ['after a cursor whose item has gone', { first: 2, after: cur('cc') }, ['d', 'e'], true, true],
    ['an empty page', { first: 0 }, [], false, true],
    ['past the end', { first: 5, after: cur('g') }, [], true, false],
  ])('%s', (_, args, expected, hasPreviousPage, hasNextPage) => {
    const c = page(args);
    expect(c.nodes).toEqual(expected);
    expect(c.edges.map((e) => decodeCursor(NS, e.cursor, 'x'))).toEqual(expected);
    expect(c.pageInfo).toEqual({
      hasPreviousPage,
      hasNextPage,
      startCursor: expected.length ? cur(expected[0]) : null,
      endCursor: expected.length ? cur(expected[expected.length - 1]) : null,
    });
    expect(c.totalCount).toBe(items.length);
  });

  it('walks the whole list forwards and backwards, each item once', () => {
    const forward: string[] = [];
    let after: string | null = null;
    for (;;) {
      const c = page({ first: 3, after });
      forward.push(...c.nodes);
      if (!c.pageInfo.hasNextPage) break;
      after = c.pageInfo.endCursor;
    }
    const backward: string[] = [];
    let before: string | null = null;
    for (;;) {
      const c = page({ last: 2, before });
      backward.unshift(...c.nodes);
      if (!c.pageInfo.hasPreviousPage) break;
      before = c.pageInfo.startCursor;
    }
    expect(forward).toEqual(items);
    expect(backward).toEqual(items);
  });

  it('numeric keys page as numbers (9 before 10)', () => {
    const nums = ['2', '9', '10', '11', '100'];
    const c = pageOfList(NS, nums, id, compareNumericKeys, pageWindow(NS, { first: 2, after: cur('9') }));
    expect(c.nodes).toEqual(['10', '11']);
  });
});

describe('connectionFromRows: rows a store read past the cursor', () => {
  it.each<[string, PageArgs, string[], string[], boolean, boolean]>([
    // args, rows read (in the direction asked), page, hasPreviousPage, hasNextPage
    ['a first page with more', { first: 2 }, ['a', 'b', 'c'], ['a', 'b'], false, true],
    ['a last full page', { first: 2, after: cur('e') }, ['f', 'g'], ['f', 'g'], true, false],
    ['backwards, rows read in reverse', { last: 2, before: cur('e') }, ['d', 'c', 'b'], ['c', 'd'], true, true],
    ['backwards to the start', { last: 2 }, ['g', 'f'], ['f', 'g'], false, false],
  ])('%s', (_, args, rows, expected, hasPreviousPage, hasNextPage) => {
    const c = connectionFromRows(NS, rows, id, pageWindow(NS, args), 7);
    expect(c.nodes).toEqual(expected);
    expect(c.pageInfo.hasPreviousPage).toBe(hasPreviousPage);
    expect(c.pageInfo.hasNextPage).toBe(hasNextPage);
    expect(c.totalCount).toBe(7);
  });
});

describe('connectionType: the GraphQL types', () => {
  @ObjectType()
  class Thing {
    @Field() name!: string;
  }
  @ObjectType()
  class ThingSummary {
    @Field(() => Int) total!: number;
  }
  const ThingConnection = connectionType('Thing', Thing, { summary: ThingSummary });
  const PlainConnection = connectionType('Plain', Thing);

  @Resolver()
  class ThingResolver {
    @Query(() => ThingConnection)
    things(@Args(() => PageArgsType) args: PageArgsType) {
      const c = pageOfList(
        NS,
        items.map((name) => ({ name })),
        (t) => t.name,
        compareKeys,
        pageWindow(NS, args),
      );
      return { ...c, summary: { total: c.totalCount } };
    }
    @Query(() => PlainConnection)
    plain() {
      return pageOfList(NS, [], (t: Thing) => t.name, compareKeys, pageWindow(NS, {}));
    }
  }

  it('builds Relay types with a summary, and answers a page', async () => {
    const schema = await buildSchema({ resolvers: [ThingResolver], validate: false });
    const sdl = printSchema(schema);
    expect(sdl).toMatch(/type ThingConnection \{[^}]*summary: ThingSummary!/s);
    expect(sdl).not.toMatch(/type PlainConnection \{[^}]*summary/s);
    const things = schema.getQueryType()!.getFields().things;
    expect(things.args.map((a) => `${a.name}: ${String(a.type)}`)).toEqual([
      'first: Int',
      'after: String',
      'last: Int',
      'before: String',
    ]);
    expect(String(things.type)).toBe('ThingConnection!');
    const r = await graphql({
      schema,
      source: '{ things(first: 2) { nodes { name } pageInfo { hasNextPage endCursor } totalCount summary { total } } }',
    });
    expect(r.errors).toBeUndefined();
    expect(r.data).toEqual({
      things: {
        nodes: [{ name: 'a' }, { name: 'b' }],
        pageInfo: { hasNextPage: true, endCursor: cur('b') },
        totalCount: 7,
        summary: { total: 7 },
      },
    });
  });
});
