import { DateScalar, PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { TasksContext } from '../../request';
import { Assignment } from '../assignment/assignment.type';
import { checkPage, itemKey, NS, pageOf } from '../shared/pages';
import { unitRef } from '../shared/refs';
import { Unit } from '../unit/unit.type';
import { RequiredItemInput } from './responsibility-list.input';
import { defineRequiredItem, listRequiredItems, retireRequiredItem } from './responsibility-list.service';
import { RequiredItem, RequiredItemConnection, ResponsibilityListEntry } from './responsibility-list.type';

@Resolver(() => RequiredItem)
export class RequiredItemResolver {
  @Query(() => RequiredItemConnection, {
    description:
      "The responsibility lists (责任清单), a page at a time: hub-wide items first, then by owner id, then code; `owner` (a unit code) keeps only that body's list",
  })
  async requiredItems(
    @Arg('includeRetired', {
      description: '含已停止：也列出已停止的事项 (also the items no longer required)',
      defaultValue: false,
    })
    includeRetired: boolean,
    @Arg('owner', () => String, {
      description: '所属方：单位代码，空为全平台清单 (the owner, a unit code; default the hub-wide lists)',
      nullable: true,
    })
    owner: string | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: TasksContext,
  ): Promise<RequiredItemConnection> {
    checkPage(NS.requiredItems, page);
    const rows = await listRequiredItems(ctx, includeRetired, owner);
    return pageOf(NS.requiredItems, rows, itemKey, page, (r) => r as RequiredItem);
  }

  @Mutation(() => RequiredItem, {
    description:
      "定义清单事项：Adds an item to a list, or changes one (reinstating it if retired); each change is kept. An owner's list: an EDITOR or ADMIN whose jurisdiction holds the owner; hub-wide items (no owner): the operator",
  })
  defineRequiredItem(
    @Arg('input', () => RequiredItemInput, { description: '清单事项 (the item)' }) input: RequiredItemInput,
    @Ctx() ctx: TasksContext,
  ) {
    return defineRequiredItem(ctx, input);
  }

  @Mutation(() => RequiredItem, {
    description:
      '停止清单事项：Stops requiring the item (owner, code) in periods beginning on or after `on` (default today); kept on record. Who may: as defineRequiredItem',
  })
  retireRequiredItem(
    @Arg('code', { description: "事项代码 (the item's code)" }) code: string,
    @Arg('owner', () => String, {
      nullable: true,
      description: "所属方：Unit code of the item's owner; absent: the hub-wide item",
    })
    owner: string | null,
    @Arg('on', () => DateScalar, {
      description: '停止日：自此日开始的周期不再要求，默认今天 (periods beginning on or after this day; default today)',
      nullable: true,
    })
    on: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return retireRequiredItem(ctx, code, owner, on);
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description:
      '所属方：The body whose list it is (a work committee, party group or organ party committee); null: hub-wide',
  })
  owner(@Root() i: RequiredItem) {
    return i.ownerId ? unitRef(i.ownerId) : null;
  }
}

@Resolver(() => ResponsibilityListEntry)
export class ResponsibilityListEntryResolver {
  @FieldResolver(() => Unit, { nullable: true, description: '所属方：The body whose list it is; null: hub-wide' })
  owner(@Root() e: ResponsibilityListEntry) {
    return e.ownerId ? unitRef(e.ownerId) : null;
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: '经由：For CASCADE: the body the owner leads directly on the way to the unit',
  })
  through(@Root() e: ResponsibilityListEntry) {
    return e.throughId ? unitRef(e.throughId) : null;
  }

  @FieldResolver(() => [Assignment], {
    description: '履行的任务分配：The binding assignments of the unit fulfilling it, whose period touches the year',
  })
  async assignments(@Root() e: ResponsibilityListEntry, @Ctx() ctx: TasksContext) {
    return (await ctx.loaders.assignment.loadMany(e.assignmentIds)).filter((a) => a && !(a instanceof Error));
  }
}
