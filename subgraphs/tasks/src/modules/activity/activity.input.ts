import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Directive, Field, ID, InputType } from 'type-graphql';

@InputType({ description: 'How many assignments did `issuer` give `unit` over [from, to]' })
@Directive('@inaccessible')
export class ActivityQuestionInput {
  @Field(() => ID) issuer!: string;
  @Field(() => ID) unit!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
}
