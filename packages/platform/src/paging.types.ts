import 'reflect-metadata';
import { ArgsType, Directive, Field, Int, ObjectType, type ClassType } from 'type-graphql';
import { MAX_PAGE_SIZE, type PageArgs } from './paging';

/**
 * `PageInfo` of every connection (paging.ts): one shared value type (`@shareable`, the same
 * fields in every subgraph).
 */
@Directive('@shareable')
@ObjectType('PageInfo', {
  description: '分页信息：本页在列表中的位置 (where a page sits in its list, Relay cursor connections)',
})
export class PageInfoType {
  @Field({ description: '有下一页：本页之后还有条目 (there are items after this page)' }) hasNextPage!: boolean;
  @Field({ description: '有上一页：本页之前还有条目 (there are items before this page)' }) hasPreviousPage!: boolean;
  @Field(() => String, {
    nullable: true,
    description: "首项游标：空页为 null (the first item's cursor, null for an empty page)",
  })
  startCursor!: string | null;
  @Field(() => String, {
    nullable: true,
    description: "末项游标：空页为 null (the last item's cursor, null for an empty page)",
  })
  endCursor!: string | null;
}

/** The four paging arguments, for `@Args(() => PageArgsType)` beside a field's own arguments. */
@ArgsType()
export class PageArgsType implements PageArgs {
  @Field(() => Int, {
    nullable: true,
    description: `前 n 项：after 之后的 n 项 (the first n items after \`after\`, at most ${MAX_PAGE_SIZE}; default 50)`,
  })
  first?: number | null;
  @Field(() => String, {
    nullable: true,
    description: '之后：此游标之后的条目 (a cursor from this list: items after it)',
  })
  after?: string | null;
  @Field(() => Int, {
    nullable: true,
    description: `后 n 项：before 之前的 n 项 (the last n items before \`before\`, at most ${MAX_PAGE_SIZE})`,
  })
  last?: number | null;
  @Field(() => String, {
    nullable: true,
    description: '之前：此游标之前的条目 (a cursor from this list: items before it)',
  })
  before?: string | null;
}

/**
 * The edge and connection types of a list of `node`: `<Name>Edge { cursor node }` and
 * `<Name>Connection { edges nodes pageInfo totalCount }`, plus `summary` when a summary type is
 * given: figures about the whole list beside the page (counts by kind), which answer a
 * dashboard without the list. The service fills `summary` with the page.
 */
export function connectionType<T extends object, S extends object = never>(
  name: string,
  node: ClassType<T>,
  opts: { description?: string; summary?: ClassType<S> } = {},
) {
  @ObjectType(`${name}Edge`, { description: `边：列表中的一项及其游标 (an edge: one ${name} item and its cursor)` })
  class EdgeType {
    @Field({ description: '游标：本项的位置，供 after/before 使用 (where this item sits, for after/before)' })
    cursor!: string;
    @Field(() => node, { description: '条目：这一项本身 (the item itself)' }) node!: T;
  }
  @ObjectType(`${name}Connection`, { description: opts.description ?? `分页：A page of ${name} items` })
  class ConnectionType {
    @Field(() => [EdgeType], { description: "边：本页各项及其游标 (the edges: this page's items with their cursors)" })
    edges!: EdgeType[];
    @Field(() => [node], {
      description: "条目：本页各项，不需要游标时使用 (the edges' nodes, when no cursor per item is needed)",
    })
    nodes!: T[];
    @Field(() => PageInfoType, { description: '分页信息：本页位置 (where this page sits in the list)' })
    pageInfo!: PageInfoType;
    @Field(() => Int, { description: '总数：整个列表的条目数 (items in the whole list, every page)' })
    totalCount!: number;
  }
  if (!opts.summary) return ConnectionType as ClassType<ConnectionType & { summary?: never }>;
  const summary = opts.summary;
  @ObjectType(`${name}Connection`, { description: opts.description ?? `分页：A page of ${name} items` })
  class SummarisedConnectionType extends ConnectionType {
    @Field(() => summary, { description: '汇总：整个列表的统计 (figures about the whole list, not only this page)' })
    summary!: S;
  }
  return SummarisedConnectionType as ClassType<ConnectionType & { summary: S }>;
}
