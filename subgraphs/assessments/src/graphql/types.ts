import 'reflect-metadata';
import { connectionType, DateScalar } from '@tiaokuai/platform';
import { enumOf } from '@tiaokuai/leadership';
import { Directive, Field, Float, ID, InputType, Int, ObjectType, registerEnumType } from 'type-graphql';
import { MEASURES, PARTS } from '../domain/scheme';

export const IndicatorPartEnum = enumOf(PARTS);
export const IndicatorMeasureEnum = enumOf(MEASURES);
export const CombinationMethodEnum = enumOf(['WEIGHTED_SUM', 'GRADE_MATRIX'] as const);
export const SubmissionRoleEnum = enumOf(['GRADING', 'OPINION'] as const);
export const AssessmentFindingKindEnum = enumOf(['MULTIPLE_INSPECTIONS', 'EVALUATION_ONLY', 'GRADED_BY_NON_LEADER'] as const);
export const ExportFormatEnum = enumOf(['CSV', 'XLSX'] as const);
export const BranchKindEnum = enumOf(['ORGAN_PARTY_COMMITTEE', 'GENERAL_BRANCH', 'BRANCH', 'GRASSROOTS_UNIT', 'DEPARTMENT_PARTY_GROUP', 'WORK_COMMITTEE', 'LOCAL_PARTY_COMMITTEE'] as const);

registerEnumType(IndicatorPartEnum, { name: 'IndicatorPart', description: 'RESULTS 实绩考核 (scored directly), SATISFACTION 满意度评价 (rated by evaluator groups)' });
registerEnumType(IndicatorMeasureEnum, { name: 'IndicatorMeasure', description: 'QUANTITATIVE 定量, QUALITATIVE 定性' });
registerEnumType(CombinationMethodEnum, { name: 'CombinationMethod', description: '双百分: WEIGHTED_SUM (party and business scores weighted, the sum banded) or GRADE_MATRIX (each banded, the pair looked up)' });
registerEnumType(SubmissionRoleEnum, { name: 'SubmissionRole', description: 'GRADING: the assessor led the unit on the day (its grade counts); OPINION: it guided it (a weighted opinion)' });
registerEnumType(AssessmentFindingKindEnum, { name: 'AssessmentFindingKind', description: 'MULTIPLE_INSPECTIONS 多头检查, EVALUATION_ONLY 平时不管“评”时管, GRADED_BY_NON_LEADER 非领导单位评定' });
registerEnumType(ExportFormatEnum, { name: 'ExportFormat', description: 'CSV (UTF-8 with BOM, CRLF) or XLSX' });
registerEnumType(BranchKindEnum, { name: 'GradedUnitKind', description: 'Unit kinds that may be star-graded' });

@Directive('@key(fields: "id")')
@ObjectType({ description: 'A unit (owned by the org subgraph); here its assessments and assessment findings' })
export class Unit {
  @Field(() => ID) id!: string;
}

@ObjectType()
export class SchemeIndicator {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => IndicatorPartEnum) part!: string;
  @Field(() => Float, { description: 'Percent of the party-building score' }) weight!: number;
  @Field(() => Float) maxScore!: number;
  @Field(() => IndicatorMeasureEnum) measure!: string;
}

@ObjectType({ description: '评价主体 and its weight (知者权重)' })
export class EvaluatorGroup {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float) weight!: number;
}

@ObjectType({ description: '格次: [min, max), the top band closed at 100' })
export class GradeBand {
  @Field() grade!: string;
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
}

@ObjectType()
export class GradeMatrixCell {
  @Field() party!: string;
  @Field() business!: string;
  @Field() grade!: string;
}

@ObjectType({ description: '双百分: how the party-building and business scores make the final grade' })
export class Combination {
  @Field(() => CombinationMethodEnum) method!: string;
  @Field(() => Float, { nullable: true }) partyWeight!: number | null;
  @Field(() => Float, { nullable: true }) businessWeight!: number | null;
  @Field(() => [GradeMatrixCell], { nullable: true }) matrix!: GradeMatrixCell[] | null;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: '考核方案: an issuer\'s scheme for a year' })
export class Scheme {
  @Field(() => ID) id!: string;
  @Field(() => String, { nullable: true, description: 'The issuer\'s own reference' }) key!: string | null;
  @Field(() => Int) year!: number;
  @Field() name!: string;
}

@ObjectType({ description: 'One indicator\'s score in a submission (a SATISFACTION indicator: the groups\' ratings weighted)' })
export class IndicatorScore {
  @Field() indicator!: string;
  @Field(() => Float) score!: number;
  @Field(() => Float, { description: 'weight × score / maxScore: its part of the party-building score' }) contribution!: number;
}

@ObjectType({ description: 'A rating of a SATISFACTION indicator by an evaluator group, as given' })
export class Rating {
  @Field() indicator!: string;
  @Field() group!: string;
  @Field(() => Float) score!: number;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One body\'s assessment of one unit under a scheme' })
export class Submission {
  @Field(() => ID) id!: string;
  @Field(() => SubmissionRoleEnum) role!: string;
  @Field(() => DateScalar) assessedOn!: string;
  @Field(() => String, { nullable: true }) note!: string | null;
  @Field(() => Int, { description: 'Optimistic concurrency: pass it back when correcting' }) version!: number;
  @Field({ description: 'Who submitted it (the token\'s subject)' }) submittedBy!: string;
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

@ObjectType({ description: 'A unit\'s result under one scheme: the leader\'s grading, guides\' opinions weighted in by the scheme\'s opinionWeight' })
export class UnitAssessment {
  @Field(() => Boolean, { description: 'false: no grading by a leader yet (opinions alone never grade)' }) graded!: boolean;
  @Field(() => Float, { nullable: true }) partyScore!: number | null;
  @Field(() => Float, { nullable: true }) businessScore!: number | null;
  @Field(() => Float, { nullable: true, description: 'WEIGHTED_SUM only' }) finalScore!: number | null;
  @Field(() => String, { nullable: true }) partyGrade!: string | null;
  @Field(() => String, { nullable: true }) businessGrade!: string | null;
  @Field(() => String, { nullable: true, description: 'The final grade (等次)' }) grade!: string | null;
  @Field(() => Int, { description: 'Opinions weighed into the party-building score' }) opinionsCounted!: number;
}

@ObjectType({ description: 'A ranked unit under a scheme' })
export class ResultRow extends UnitAssessment {
  @Field(() => Int, { description: 'Equal results share a rank; the next rank skips (1, 2, 2, 4)' }) rank!: number;
}

export const ResultRowConnection = connectionType('ResultRow', ResultRow, {
  description: 'A page of ranked results, by rank then unit id; ranks are the whole list\'s, so they stay right on every page; totalCount: the graded units in the scope you may see',
});
export type ResultRowConnection = InstanceType<typeof ResultRowConnection>;

@ObjectType()
export class StarRow {
  @Field(() => Float) score!: number;
  @Field(() => Int) rank!: number;
  @Field(() => Int) stars!: number;
  @Field() starName!: string;
  @Field({ description: 'Why this level (rank, quota, and why not higher)' }) explanation!: string;
}

@ObjectType({ description: '党支部达标定级: star levels with quotas, never exceeded' })
export class StarGrading {
  @Field(() => Int) graded!: number;
  @Field({ description: 'The quota rule as applied' }) rule!: string;
  /** Every row (served a page at a time: SchemeResolver's StarGrading.rows). */
  allRows!: StarRow[];
}

export const StarRowConnection = connectionType('StarRow', StarRow, { description: 'A page of star rows, by rank then unit id' });
export type StarRowConnection = InstanceType<typeof StarRowConnection>;

@ObjectType({ description: 'A score far from those of the other graded units in the scope' })
export class ScoreOutlier {
  @Field({ description: 'An indicator code, or PARTY_SCORE / BUSINESS_SCORE' }) measure!: string;
  @Field() name!: string;
  @Field(() => Float) value!: number;
  @Field(() => Int) peerCount!: number;
  @Field(() => Float) peerMean!: number;
  @Field(() => Float) zScore!: number;
  @Field() message!: string;
}

@ObjectType()
export class ScoreOutliers {
  @Field({ description: 'The rule, in Chinese' }) rule!: string;
  @Field(() => [ScoreOutlier]) rows!: ScoreOutlier[];
}

@ObjectType({ description: 'A file: also downloadable from the gateway at /assessments/{scheme}/results.csv|xlsx?scope=' })
export class ExportFile {
  @Field() filename!: string;
  @Field() contentType!: string;
  @Field({ description: 'utf8 (CSV) or base64 (XLSX)' }) encoding!: string;
  @Field() content!: string;
  @Field(() => Int, { description: 'Units exported' }) rows!: number;
}

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

@ObjectType({ description: 'A dual-management problem in assessment, with what to do about it' })
export class AssessmentFinding {
  @Field(() => AssessmentFindingKindEnum) kind!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field({ description: 'What was found, in Chinese, naming the bodies' }) explanation!: string;
  @Field({ description: 'What to do' }) suggestion!: string;
}

@ObjectType()
export class InspectionIndicator {
  @Field() code!: string;
  @Field() name!: string;
}

@Directive('@key(fields: "id")')
@ObjectType({ description: 'One body\'s inspection (检查) of one unit' })
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

// ---- inputs

@InputType()
export class IndicatorInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => IndicatorPartEnum) part!: string;
  @Field(() => Float) weight!: number;
  @Field(() => Float) maxScore!: number;
  @Field(() => IndicatorMeasureEnum, { nullable: true, defaultValue: 'QUANTITATIVE' }) measure!: string;
}

@InputType()
export class EvaluatorGroupInput {
  @Field() code!: string;
  @Field() name!: string;
  @Field(() => Float) weight!: number;
}

@InputType()
export class GradeBandInput {
  @Field() grade!: string;
  @Field(() => Float) min!: number;
  @Field(() => Float) max!: number;
}

@InputType()
export class GradeMatrixCellInput {
  @Field() party!: string;
  @Field() business!: string;
  @Field() grade!: string;
}

@InputType()
export class CombinationInput {
  @Field(() => CombinationMethodEnum) method!: string;
  @Field(() => Float, { nullable: true }) partyWeight?: number;
  @Field(() => Float, { nullable: true }) businessWeight?: number;
  @Field(() => [GradeMatrixCellInput], { nullable: true }) matrix?: GradeMatrixCellInput[];
}

@InputType({ description: 'A scheme: checked whole, every problem named by its field' })
export class SchemeInput {
  @Field({ description: 'Issuer unit code (a body in your jurisdiction)' }) issuer!: string;
  @Field(() => String, { nullable: true, description: 'Your reference: the same scheme under the same key again changes nothing' }) key?: string;
  @Field(() => Int, { description: 'At most next year' }) year!: number;
  @Field() name!: string;
  @Field(() => [IndicatorInput], { description: 'Weights sum to 100' }) indicators!: IndicatorInput[];
  @Field(() => [EvaluatorGroupInput], { nullable: true, description: 'Weights sum to 100; needed when any indicator is SATISFACTION' }) evaluatorGroups?: EvaluatorGroupInput[];
  @Field(() => [GradeBandInput], { description: 'Covering 0–100 without overlap or gap' }) gradeBands!: GradeBandInput[];
  @Field(() => CombinationInput) combination!: CombinationInput;
  @Field(() => Float, { nullable: true, description: 'Percent (0–50) of the party-building score from guides\' opinions; default 0' }) opinionWeight?: number;
}

@InputType()
export class ScoreInput {
  @Field() indicator!: string;
  @Field(() => Float) score!: number;
}

@InputType()
export class RatingInput {
  @Field() indicator!: string;
  @Field({ description: 'Evaluator group code' }) group!: string;
  @Field(() => Float) score!: number;
}

@InputType()
export class SubmitAssessmentInput {
  @Field(() => ID) scheme!: string;
  @Field({ description: 'Unit code assessed' }) unit!: string;
  @Field({ description: 'Assessing body (unit code, in your jurisdiction): grades if it leads the unit on the day, gives an opinion if it guides it' }) assessor!: string;
  @Field(() => DateScalar, { description: 'The assessment day (not in the future)' }) on!: string;
  @Field(() => [ScoreInput], { nullable: true, description: 'RESULTS indicators' }) scores?: ScoreInput[];
  @Field(() => [RatingInput], { nullable: true, description: 'SATISFACTION indicators, per evaluator group' }) ratings?: RatingInput[];
  @Field(() => Float, { description: 'The business (economic and social) score, of 100' }) businessScore!: number;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: 'A correction: what is given replaces what was there; the result is scored afresh' })
export class CorrectAssessmentInput {
  @Field(() => ID) submission!: string;
  @Field(() => Int, { description: 'The version you corrected (stale: CONFLICT)' }) version!: number;
  @Field(() => DateScalar, { nullable: true }) on?: string;
  @Field(() => [ScoreInput], { nullable: true }) scores?: ScoreInput[];
  @Field(() => [RatingInput], { nullable: true }) ratings?: RatingInput[];
  @Field(() => Float, { nullable: true }) businessScore?: number;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType()
export class InspectionIndicatorInput {
  @Field() code!: string;
  @Field() name!: string;
}

@InputType()
export class ScheduleInspectionInput {
  @Field({ description: 'Inspecting body (unit code, in your jurisdiction); it must lead or guide each unit' }) inspector!: string;
  @Field(() => [String]) units!: string[];
  @Field() title!: string;
  @Field(() => DateScalar) from!: string;
  @Field(() => DateScalar) to!: string;
  @Field(() => ID, { nullable: true, description: 'The scheme applied (its indicators, unless given)' }) scheme?: string;
  @Field(() => [InspectionIndicatorInput], { nullable: true }) indicators?: InspectionIndicatorInput[];
  @Field(() => String, { nullable: true, description: 'Your reference: idempotent per unit' }) key?: string;
}

@InputType({ description: 'Accept the proposed joint inspection of a unit for a quarter (choices default to the proposal)' })
export class AcceptJointInspectionInput {
  @Field() unit!: string;
  @Field(() => DateScalar, { description: 'Any day of the quarter' }) on!: string;
  @Field(() => String, { nullable: true, description: 'Organiser: one of the bodies involved' }) lead?: string;
  @Field(() => DateScalar, { nullable: true }) from?: string;
  @Field(() => DateScalar, { nullable: true }) to?: string;
  @Field(() => String, { nullable: true }) note?: string;
}

@InputType({ description: 'A star level: the largest share of the units graded (none on the last level), optionally a least score' })
export class StarLevelInput {
  @Field(() => Int) stars!: number;
  @Field(() => Float, { nullable: true }) share?: number;
  @Field(() => Float, { nullable: true }) minScore?: number;
}

@ObjectType({ description: 'How many findings of one kind the whole list holds' })
export class AssessmentFindingKindCount {
  @Field(() => AssessmentFindingKindEnum) kind!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Figures about every finding of the list, not only the page: for dashboards' })
export class AssessmentFindingSummary {
  @Field(() => Int, { description: 'Findings in the whole list' }) total!: number;
  @Field(() => [AssessmentFindingKindCount], { description: 'Every kind, in AssessmentFindingKind order, with its count (0 included)' }) byKind!: AssessmentFindingKindCount[];
}

export const AssessmentFindingConnection = connectionType('AssessmentFinding', AssessmentFinding, {
  summary: AssessmentFindingSummary,
  description: 'A page of assessment findings, by unit id, then kind, then period, then a digest of what the finding is about (a finding keeps its key from one scan to the next)',
});
export type AssessmentFindingConnection = InstanceType<typeof AssessmentFindingConnection>;
export const SchemeConnection = connectionType('Scheme', Scheme, { description: 'A page of schemes, newest year first, then by id' });
export type SchemeConnection = InstanceType<typeof SchemeConnection>;
