import { DateScalar } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { ArgsType, Field, ID } from 'type-graphql';

/** The arguments of leadershipTimeline and of its compact form, leadershipTimelineTable. */
@ArgsType()
export class TimelineArgs {
  @Field(() => [ID], { nullable: true }) units?: string[] | null;
  @Field(() => String, { nullable: true }) scope?: string | null;
  @Field(() => DateScalar) from!: Day;
  @Field(() => DateScalar) to!: Day;
  @Field(() => Boolean, { defaultValue: true }) ancestors!: boolean;
}
