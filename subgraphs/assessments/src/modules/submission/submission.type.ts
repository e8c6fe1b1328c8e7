/** Submissions as GraphQL shows them. */
import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { enumOf } from '@tiaokuai/leadership';
import { Directive, Field, Float, ID, Int, ObjectType, registerEnumType } from 'type-graphql';

export const SubmissionRoleEnum = enumOf(['GRADING', 'OPINION'] as const);

registerEnumType(SubmissionRoleEnum, {
  name: 'SubmissionRole',
  description:
    'GRADING: the assessor led the unit on the day (its grade counts); OPINION: it guided it (a weighted opinion)',
});

@ObjectType({
  description: "One indicator's score in a submission (a SATISFACTION indicator: the groups' ratings weighted)",
})
export class IndicatorScore {
  @Field() indicator!: string;
  @Field(() => Float) score!: number;
  @Field(() => Float, { description: 'weight × score / maxScore: its part of the party-building score' })
  contribution!: number;
}

@ObjectType({ description: 'A rating of a SATISFACTION indicator by an evaluator group, as given' })
export class Rating {
  @Field() indicator!: string;
  @Field() group!: string;
  @Field(() => Float) score!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: "One body's assessment of one unit under a scheme" })
export class Submission {
  @Field(() => ID) id!: string;
  @Field(() => SubmissionRoleEnum) role!: string;
  @Field(() => DateScalar) assessedOn!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { description: 'Optimistic concurrency: pass it back when correcting' }) version!: number;
  @Field({ description: "Who submitted it (the token's subject)" }) submittedBy!: string;
}

@ObjectType({ description: 'A version of a submission as it was (kept; the submission holds the latest)' })
export class SubmissionRevision {
  @Field(() => Int) version!: number;
  @Field(() => SubmissionRoleEnum) role!: string;
  @Field(() => DateScalar) assessedOn!: string;
  @Field(() => Float) partyScore!: number;
  @Field(() => Float) businessScore!: number;
  @Field(() => Float, { nullable: true }) finalScore!: number | null;
  @Field() grade!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field() by!: string;
  @Field(() => String, { nullable: true }) byBody!: string | null;
  @Field() at!: Date;
}

export const SubmissionRevisionConnection = connectionType('SubmissionRevision', SubmissionRevision, {
  description: "A page of a submission's versions (修订), oldest first",
});
export type SubmissionRevisionConnection = InstanceType<typeof SubmissionRevisionConnection>;
