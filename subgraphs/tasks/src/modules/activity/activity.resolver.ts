import { Arg, Ctx, Directive, Int, Query, Resolver } from 'type-graphql';
import type { TasksContext } from '../../request';
import { ActivityQuestionInput } from './activity.input';
import { assignmentActivity } from './activity.service';

@Resolver()
export class ActivityResolver {
  @Query(() => [Int], {
    description:
      "For other subgraphs (the hub's operator only): for each question, how many assignments the issuer gave the unit whose task period overlaps [from, to], not withdrawn. In order",
  })
  @Directive('@inaccessible')
  assignmentActivity(
    @Arg('pairs', () => [ActivityQuestionInput]) pairs: ActivityQuestionInput[],
    @Ctx() ctx: TasksContext,
  ) {
    return assignmentActivity(ctx, pairs);
  }
}
