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
  @Mutation(() => Link)
  createLink(@Arg('input', () => CreateLinkInput) input: CreateLinkInput, @Ctx() ctx: OrgContext) {
    return links.createLink(ctx.db, ctx.access, input);
  }

  @Mutation(() => Link)
  updateLink(@Arg('input', () => UpdateLinkInput) input: UpdateLinkInput, @Ctx() ctx: OrgContext) {
    return links.updateLink(ctx.db, ctx.access, input);
  }

  @Mutation(() => Link, { description: 'Ends a link on `on`, its last day' })
  endLink(@Arg('id', () => ID) id: string, @Arg('on', () => DateScalar) on: Day, @Ctx() ctx: OrgContext) {
    return links.endLink(ctx.db, ctx.access, id, on);
  }

  @FieldResolver(() => Unit, {
    description: '上级 (the superior): always a unit, shown whole whatever the jurisdiction',
  })
  from(@Root() l: Link, @Ctx() ctx: OrgContext) {
    return units.unitById(ctx, l.fromId);
  }

  @FieldResolver(() => Unit, {
    description: '下级 (the subordinate): always a unit, shown whole whatever the jurisdiction',
  })
  to(@Root() l: Link, @Ctx() ctx: OrgContext) {
    return units.unitById(ctx, l.toId);
  }
}
