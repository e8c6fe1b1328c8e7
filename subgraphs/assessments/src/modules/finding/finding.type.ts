/** Assessment findings as GraphQL shows them. */
import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { enumOf } from '@tiaokuai/leadership';
import { Directive, Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { Node } from '../node/node.type';

export const AssessmentFindingKindEnum = enumOf([
  'MULTIPLE_INSPECTIONS',
  'EVALUATION_ONLY',
  'GRADED_BY_NON_LEADER',
] as const);

registerEnumType(AssessmentFindingKindEnum, {
  name: 'AssessmentFindingKind',
  description: 'MULTIPLE_INSPECTIONS 多头检查, EVALUATION_ONLY 平时不管“评”时管, GRADED_BY_NON_LEADER 非领导单位评定',
});

@ObjectType()
export class MergedIndicator {
  @Field() code!: string;
  @Field() name!: string;
}

@ObjectType({ description: '基层一次迎检: one joint visit proposed instead of several' })
export class JointProposal {
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  description:
    '考核问题 (assessment finding): a dual-management problem in assessment, with what to do about it. Its id names the unit, the kind, the year, the period and what it is about, so it stays the same from one scan to the next',
})
export class AssessmentFinding {
  @Field(() => ID, {
    description:
      '全局标识 (global id): from the unit, the kind, the assessment year, the period and the submissions, inspections and bodies concerned; node(id) finds it again',
  })
  id!: string;
  @Field(() => AssessmentFindingKindEnum) kind!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field({ description: 'What was found, in Chinese, naming the bodies' }) explanation!: string;
  @Field({ description: 'What to do' }) suggestion!: string;
}

@ObjectType({ description: 'How many findings of one kind the whole list holds' })
export class AssessmentFindingKindCount {
  @Field(() => AssessmentFindingKindEnum) kind!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Figures about every finding of the list, not only the page: for dashboards' })
export class AssessmentFindingSummary {
  @Field(() => Int, { description: 'Findings in the whole list' }) total!: number;
  @Field(() => [AssessmentFindingKindCount], {
    description: 'Every kind, in AssessmentFindingKind order, with its count (0 included)',
  })
  byKind!: AssessmentFindingKindCount[];
}

export const AssessmentFindingConnection = connectionType('AssessmentFinding', AssessmentFinding, {
  summary: AssessmentFindingSummary,
  description:
    'A page of assessment findings, by unit id, then kind, then period, then a digest of what the finding is about (a finding keeps its key from one scan to the next)',
});
export type AssessmentFindingConnection = InstanceType<typeof AssessmentFindingConnection>;
