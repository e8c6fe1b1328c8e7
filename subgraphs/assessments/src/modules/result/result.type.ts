/** Results under a scheme (ranks, star grading, outliers, the export file) as GraphQL shows them. */
import 'reflect-metadata';
import { connectionType, UNIT_KIND_VALUES } from '@tiaokuai/platform';
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

registerEnumType(ExportFormatEnum, {
  name: 'ExportFormat',
  description: '导出格式：CSV（UTF-8 带 BOM，CRLF）或 XLSX (export format: CSV or XLSX)',
  valuesConfig: {
    CSV: {
      description: '逗号分隔文本：UTF-8 带 BOM、CRLF 换行 (CSV: comma-separated text, UTF-8 with BOM, CRLF)',
    },
    XLSX: { description: 'Excel 工作簿：XLSX 文件 (XLSX: an Excel workbook)' },
  },
});
registerEnumType(BranchKindEnum, {
  name: 'GradedUnitKind',
  description: '可定级的党组织类型：Unit kinds that may be star-graded',
  valuesConfig: UNIT_KIND_VALUES,
});

@ObjectType({
  description:
    "单位考核结果：A unit's result under one scheme: the leader's grading, guides' opinions weighted in by the scheme's opinionWeight",
})
export class UnitAssessment {
  @Field(() => Boolean, { description: '已定等：false: no grading by a leader yet (opinions alone never grade)' })
  graded!: boolean;
  @Field(() => Float, { description: '党建分 (the party-building score)', nullable: true }) partyScore!: number | null;
  @Field(() => Float, { description: '业务分 (the business score)', nullable: true }) businessScore!: number | null;
  @Field(() => Float, { nullable: true, description: '总分：WEIGHTED_SUM only' }) finalScore!: number | null;
  @Field(() => String, { description: '党建等次 (the party-building grade)', nullable: true }) partyGrade!:
    string | null;
  @Field(() => String, { description: '业务等次 (the business grade)', nullable: true }) businessGrade!: string | null;
  @Field(() => String, { nullable: true, description: 'The final grade (等次)' }) grade!: string | null;
  @Field(() => Int, { description: '计入的意见数：Opinions weighed into the party-building score' })
  opinionsCounted!: number;
}

@ObjectType({ description: '排名行：A ranked unit under a scheme' })
export class ResultRow extends UnitAssessment {
  @Field(() => Int, { description: '名次：Equal results share a rank; the next rank skips (1, 2, 2, 4)' })
  rank!: number;
}

export const ResultRowConnection = connectionType('ResultRow', ResultRow, {
  description:
    "排名分页：A page of ranked results, by rank then unit id; ranks are the whole list's, so they stay right on every page; totalCount: the graded units in the scope you may see",
});
export type ResultRowConnection = InstanceType<typeof ResultRowConnection>;

@ObjectType({ description: "星级行：一个单位的定级结果 (a star row: one unit's star grade)" })
export class StarRow {
  @Field(() => Float, { description: '得分 (the score)' }) score!: number;
  @Field(() => Int, { description: '名次 (rank)' }) rank!: number;
  @Field(() => Int, { description: '星数 (how many stars)' }) stars!: number;
  @Field({ description: "星级名称 (the star level's name)" }) starName!: string;
  @Field({ description: '解释：Why this level (rank, quota, and why not higher)' }) explanation!: string;
}

@ObjectType({ description: '党支部达标定级: star levels with quotas, never exceeded' })
export class StarGrading {
  @Field(() => Int, { description: '定级数：参与定级的单位数 (how many units were graded)' }) graded!: number;
  @Field({ description: '名额规则：The quota rule as applied' }) rule!: string;
  /** Every row (served a page at a time: SchemeResolver's StarGrading.rows). */
  allRows!: StarRow[];
}

export const StarRowConnection = connectionType('StarRow', StarRow, {
  description: '定级分页：A page of star rows, by rank then unit id',
});
export type StarRowConnection = InstanceType<typeof StarRowConnection>;

@ObjectType({ description: '异常得分：A score far from those of the other graded units in the scope' })
export class ScoreOutlier {
  @Field({ description: '度量：An indicator code, or PARTY_SCORE / BUSINESS_SCORE' }) measure!: string;
  @Field({ description: "指标名称 (the indicator's name)" }) name!: string;
  @Field(() => Float, { description: '得分 (the score)' }) value!: number;
  @Field(() => Int, { description: '同类数 (how many peers)' }) peerCount!: number;
  @Field(() => Float, { description: "同类均值 (the peers' mean)" }) peerMean!: number;
  @Field(() => Float, { description: '标准分 (z-score)' }) zScore!: number;
  @Field({ description: '说明 (the explanation)' }) message!: string;
}

export const ScoreOutlierConnection = connectionType('ScoreOutlier', ScoreOutlier, {
  description: '异常得分分页：一页异常得分，按单位编号再按指标 (a page of score outliers, by unit id then measure)',
});
export type ScoreOutlierConnection = InstanceType<typeof ScoreOutlierConnection>;

@ObjectType({
  description: "异常得分：远离同类的得分及发现它们的规则 (score outliers: scores far from the peers', and the rule)",
})
export class ScoreOutliers {
  @Field({ description: '规则：The rule, in Chinese' }) rule!: string;
  /** Every outlier (served a page at a time: ScoreOutliersResolver.rows). */
  allRows!: unknown[];
}

@ObjectType({
  description: '导出文件：A file: also downloadable from the gateway at /assessments/{scheme}/results.csv|xlsx?scope=',
})
export class ExportFile {
  @Field({ description: '文件名 (file name)' }) filename!: string;
  @Field({ description: '媒体类型 (the MIME type)' }) contentType!: string;
  @Field({ description: '编码：utf8 (CSV) or base64 (XLSX)' }) encoding!: string;
  @Field({ description: "内容：文件内容（按 encoding 编码） (the file's content, in `encoding`)" }) content!: string;
  @Field(() => Int, { description: '行数：Units exported' }) rows!: number;
}
