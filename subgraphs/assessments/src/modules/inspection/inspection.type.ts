/** Inspections and joint inspections as GraphQL shows them. */
import 'reflect-metadata';
import { DateScalar } from '@tiaokuai/platform';
import { Directive, Field, ID, ObjectType } from 'type-graphql';

@ObjectType()
export class InspectionIndicator {
  @Field() code!: string;
  @Field() name!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "One body's inspection (检查) of one unit" })
export class Inspection {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true }) key!: string | null;
  @Field() title!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => [InspectionIndicator]) indicators!: InspectionIndicator[];
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'An accepted joint inspection (kept)' })
export class JointInspection {
  @Field(() => ID) id!: string;
  @Field(() => DateScalar) startsOn!: string;
  @Field(() => DateScalar) endsOn!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() acceptedBy!: string;
  @Field(() => String, { nullable: true }) acceptedFor!: string | null;
  @Field() acceptedAt!: Date;
}
