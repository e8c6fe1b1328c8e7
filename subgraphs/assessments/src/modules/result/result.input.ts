/** Star levels as Scheme.stars takes them. */
import 'reflect-metadata';
import { Field, Float, InputType, Int } from 'type-graphql';

@InputType({
  description:
    '星级设置：A star level: the largest share of the units graded (none on the last level), optionally a least score',
})
export class StarLevelInput {
  @Field(() => Int, { description: '星数 (how many stars)' }) stars!: number;
  @Field(() => Float, {
    description: "比例：该星级的名额比例 (the level's quota, a share of the units)",
    nullable: true,
  })
  share?: number;
  @Field(() => Float, { description: '分数线：达到该星级的最低分 (the lowest score for the level)', nullable: true })
  minScore?: number;
}
