/** Star levels as Scheme.stars takes them. */
import 'reflect-metadata';
import { Field, Float, InputType, Int } from 'type-graphql';

@InputType({
  description: 'A star level: the largest share of the units graded (none on the last level), optionally a least score',
})
export class StarLevelInput {
  @Field(() => Int) stars!: number;
  @Field(() => Float, { nullable: true }) share?: number;
  @Field(() => Float, { nullable: true }) minScore?: number;
}
