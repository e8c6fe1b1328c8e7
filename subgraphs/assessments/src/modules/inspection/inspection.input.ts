/** Inspections as the mutations take them (the service's ScheduleInput, AcceptJointInput). */
import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Field, ID, InputType } from 'type-graphql';

@InputType()
export class InspectionIndicatorInput {
  @Field() code!: string;
  @Field() name!: string;
}

@InputType()
export class ScheduleInspectionInput {
  @Field({ description: 'Inspecting body (unit code, in your jurisdiction); it must lead or guide each unit' })
  inspector!: string;
  @Field(() => [String]) units!: string[];
  @Field() title!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => ID, { nullable: true, description: 'The scheme applied (its indicators, unless given)' })
  scheme?: string;
  @Field(() => [InspectionIndicatorInput], { nullable: true }) indicators?: InspectionIndicatorInput[];
  @Field(() => String, { nullable: true, description: 'Your reference: idempotent per unit' }) key?: string;
}

@InputType({
  description: 'Accept the proposed joint inspection of a unit for a quarter (choices default to the proposal)',
})
export class AcceptJointInspectionInput {
  @Field() unit!: string;
  @Field(() => DateScalar, { description: 'Any day of the quarter' }) on!: string;
  @Field(() => String, { nullable: true, description: 'Organiser: one of the bodies involved' }) lead?: string;
  @Field(() => DateScalar, { nullable: true }) from?: string;
  @Field(() => DateScalar, { nullable: true }) to?: string;
  @Field(() => String, { nullable: true }) note?: string;
}
