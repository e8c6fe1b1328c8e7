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
  valuesConfig: {
    EVALUATION_ONLY: {
      description:
        '平时不管“评”时管：考核方平时未布置任务或指导 (EVALUATION_ONLY: an assessor that gave the unit no tasks or guidance during the period)',
    },
    GRADED_BY_NON_LEADER: {
      description:
        '非领导方定等：不领导该单位的机构给出了定等 (GRADED_BY_NON_LEADER: a grading by a body that did not lead the unit)',
    },
    MULTIPLE_INSPECTIONS: {
      description:
        '多头检查：同一时期多次检查同一单位 (MULTIPLE_INSPECTIONS: several inspections of one unit in one period)',
    },
  },
});

@ObjectType({
  description: '合并指标：各方检查指标合并后的一项 (a merged indicator: one item of the joint inspection)',
})
export class MergedIndicator {
  @Field({ description: "指标代码 (the indicator's code)" }) code!: string;
  @Field({ description: "指标名称 (the indicator's name)" }) name!: string;
}

@ObjectType({ description: '基层一次迎检: one joint visit proposed instead of several' })
export class JointProposal {
  @Field(() => DateScalar, { description: '建议开始日 (proposed first day)' }) from!: string;
  @Field(() => DateScalar, { description: '建议结束日 (proposed last day)' }) to!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({
  implements: Node,
  description:
    '考核问题：考核中的双重管理问题及处理建议；其编号由单位、类型、年度、时期与所涉对象构成，各次扫描不变 (assessment finding: a dual-management problem in assessment, with what to do; its id stays the same from one scan to the next)',
})
export class AssessmentFinding {
  @Field(() => ID, {
    description:
      '全局标识：由单位、类型、考核年度、时期及所涉考核、检查与机构构成，node(id) 可再找到它 (global id: from the unit, the kind, the year, the period and what it is about; node(id) finds it again)',
  })
  id!: string;
  @Field(() => AssessmentFindingKindEnum, { description: '问题类型 (what kind of finding)' }) kind!: string;
  @Field(() => DateScalar, { description: '开始日 (first day of the period concerned)' }) from!: string;
  @Field(() => DateScalar, { description: '结束日 (last day of the period concerned)' }) to!: string;
  @Field({ description: '说明：What was found, in Chinese, naming the bodies' }) explanation!: string;
  @Field({ description: '处理建议：What to do' }) suggestion!: string;
}

@ObjectType({ description: '问题计数：How many findings of one kind the whole list holds' })
export class AssessmentFindingKindCount {
  @Field(() => AssessmentFindingKindEnum, { description: '问题类型 (the finding kind)' }) kind!: string;
  @Field(() => Int, { description: '数量 (how many findings of that kind)' }) count!: number;
}

@ObjectType({ description: '考核问题汇总：Figures about every finding of the list, not only the page: for dashboards' })
export class AssessmentFindingSummary {
  @Field(() => Int, { description: '总数：Findings in the whole list' }) total!: number;
  @Field(() => [AssessmentFindingKindCount], {
    description: '按类型计数：Every kind, in AssessmentFindingKind order, with its count (0 included)',
  })
  byKind!: AssessmentFindingKindCount[];
}

export const AssessmentFindingConnection = connectionType('AssessmentFinding', AssessmentFinding, {
  summary: AssessmentFindingSummary,
  description:
    '考核问题分页：A page of assessment findings, by unit id, then kind, then period, then a digest of what the finding is about (a finding keeps its key from one scan to the next)',
});
export type AssessmentFindingConnection = InstanceType<typeof AssessmentFindingConnection>;
