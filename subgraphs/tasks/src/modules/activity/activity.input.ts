import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'How many assignments did `issuer` give `unit` over [from, to]' })
export class ActivityQuestionInput {
  @Field(() => ID) issuer!: string;
  @Field(() => ID) unit!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
}
