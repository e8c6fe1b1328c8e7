/** Results under a scheme (ranks, star grading, outliers, the export file) as GraphQL shows them. */
import 'reflect-metadata';
import { connectionType } from '@tiaokuai/platform';
import { enumOf } from '@tiaokuai/leadership';
import { Field, Float, Int, ObjectType, registerEnumType } from 'type-graphql';

export const ExportFormatEnum = enumOf(['CSV', 'XLSX'] as const);
export const BranchKindEnum = enumOf([
  'ORGAN_PARTY_COMMITTEE',
  'GENERAL_BRANCH',
  'BRANCH',
  'GRASSROOTS_UNIT',
  'DEPARTMENT_PARTY_GROUP',
  'WORK_COMMITTEE',
  'LOCAL_PARTY_COMMITTEE',
] as const);

registerEnumType(ExportFormatEnum, { name: 'ExportFormat', description: 'CSV (UTF-8 with BOM, CRLF) or XLSX' });
registerEnumType(BranchKindEnum, { name: 'GradedUnitKind', description: 'Unit kinds that may be star-graded' });

@ObjectType({
  description:
    "A unit's result under one scheme: the leader's grading, guides' opinions weighted in by the scheme's opinionWeight",
})
export class UnitAssessment {
  @Field(() => Boolean, { description: 'false: no grading by a leader yet (opinions alone never grade)' })
  graded!: boolean;
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
  description:
    "A page of ranked results, by rank then unit id; ranks are the whole list's, so they stay right on every page; totalCount: the graded units in the scope you may see",
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

export const StarRowConnection = connectionType('StarRow', StarRow, {
  description: 'A page of star rows, by rank then unit id',
});
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

export const ScoreOutlierConnection = connectionType('ScoreOutlier', ScoreOutlier, {
  description: 'A page of score outliers, by unit id then measure',
});
export type ScoreOutlierConnection = InstanceType<typeof ScoreOutlierConnection>;

@ObjectType({ description: '异常分数 (scores far from their peers) under a scheme, and the rule that found them' })
export class ScoreOutliers {
  @Field({ description: 'The rule, in Chinese' }) rule!: string;
  /** Every outlier (served a page at a time: ScoreOutliersResolver.rows). */
  allRows!: unknown[];
}

@ObjectType({
  description: 'A file: also downloadable from the gateway at /assessments/{scheme}/results.csv|xlsx?scope=',
})
export class ExportFile {
  @Field() filename!: string;
  @Field() contentType!: string;
  @Field({ description: 'utf8 (CSV) or base64 (XLSX)' }) encoding!: string;
  @Field() content!: string;
  @Field(() => Int, { description: 'Units exported' }) rows!: number;
}
