/** Link mutations and a link's ends: arguments to the services, nothing else. */
import { DateScalar } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { Arg, Ctx, FieldResolver, ID, Mutation, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../../request';
import * as units from '../unit/unit.service';
import { Unit } from '../unit/unit.type';
import { CreateLinkInput, UpdateLinkInput } from './link.input';
import * as links from './link.service';
import { Link } from './link.type';

@Resolver(() => Link)
export class LinkResolver {
  @Mutation(() => Link, { description: '新建关系：声明两个单位间的关系 (declares a link between two units)' })
  createLink(
    @Arg('input', () => CreateLinkInput, { description: '新建关系 (the new link)' }) input: CreateLinkInput,
    @Ctx() ctx: OrgContext,
  ) {
    return links.createLink(ctx.db, ctx.access, input);
  }

  @Mutation(() => Link, {
    description: "修改关系：依据、领导方式或失效日 (changes a link's basis, flavour or last day)",
  })
  updateLink(
    @Arg('input', () => UpdateLinkInput, { description: '修改内容 (the changes)' }) input: UpdateLinkInput,
    @Ctx() ctx: OrgContext,
  ) {
    return links.updateLink(ctx.db, ctx.access, input);
  }

  @Mutation(() => Link, { description: '终止关系：Ends a link on `on`, its last day' })
  endLink(
    @Arg('id', () => ID, { description: "关系编号 (the link's id)" }) id: string,
    @Arg('on', () => DateScalar, { description: '终止日：最后一天 (its last day)' }) on: Day,
    @Ctx() ctx: OrgContext,
  ) {
    return links.endLink(ctx.db, ctx.access, id, on);
  }

  @FieldResolver(() => Unit, {
    description:
      '上级：总是一个单位，无论辖区都完整显示 (the superior: always a unit, shown whole whatever the jurisdiction)',
  })
  from(@Root() l: Link, @Ctx() ctx: OrgContext) {
    return units.unitById(ctx, l.fromId);
  }

  @FieldResolver(() => Unit, {
    description:
      '下级：总是一个单位，无论辖区都完整显示 (the subordinate: always a unit, shown whole whatever the jurisdiction)',
  })
  to(@Root() l: Link, @Ctx() ctx: OrgContext) {
    return units.unitById(ctx, l.toId);
  }
}
