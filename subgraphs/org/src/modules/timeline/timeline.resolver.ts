/** `leadershipTimeline` and its compact form, and a period's leaders and guides: arguments to the services. */
import { JSONScalar } from '@tiaokuai/platform';
import { Args, Ctx, Directive, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../../request';
import * as units from '../unit/unit.service';
import { Unit } from '../unit/unit.type';
import { TimelineArgs } from './timeline.input';
import * as timelines from './timeline.service';
import { LeadershipPeriod, LeadershipTimeline } from './timeline.type';

@Resolver()
export class TimelineResolver {
  @Query(() => [LeadershipTimeline], {
    description:
      'Who led and who guided units over a period [from, to], cut where the answer changes: the units given by id, or a scope ' +
      '(a unit code: its subtree and the units it leads or guides on any day of the period), or everything visible; with ancestors ' +
      '(default), also every body above them, so that "the body that leads its leader" can be followed. The answer the tasks subgraph builds authority on.',
  })
  @Directive('@inaccessible')
  leadershipTimeline(@Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: OrgContext) {
    return timelines.leadershipTimelineOf(ctx, args);
  }

  @Query(() => JSONScalar, {
    description:
      'leadershipTimeline as one compact JSON value, for services that read a whole province (no per-field GraphQL work): ' +
      '{ units: [[id, code, kind, name, requested, [[from, to, [leaderIds], [guideIds], [leaderFlavours]], …]], …] } ' +
      '(leaderFlavours: UNIFIED, SPECIFIC or null for each leader, index for index)',
  })
  @Directive('@inaccessible')
  leadershipTimelineTable(@Args(() => TimelineArgs) args: TimelineArgs, @Ctx() ctx: OrgContext) {
    return timelines.leadershipTimelineTable(ctx, args);
  }
}

@Resolver(() => LeadershipPeriod)
export class LeadershipPeriodResolver {
  @FieldResolver(() => [Unit])
  leaders(@Root() p: LeadershipPeriod, @Ctx() ctx: OrgContext) {
    return units.unitsByIdList(ctx, p.leaderIds);
  }

  @FieldResolver(() => [Unit])
  guides(@Root() p: LeadershipPeriod, @Ctx() ctx: OrgContext) {
    return units.unitsByIdList(ctx, p.guideIds);
  }
}
