import { PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, Float, ID, Int, Mutation, Query, Resolver, Root } from 'type-graphql';
import type { AssessmentsContext } from '../../request';
import { exportResults, type ExportFormat } from '../result/export.service';
import { StarLevelInput } from '../result/result.input';
import { outliersOfScheme, schemeResultsPage, schemeStars } from '../result/result.service';
import {
  BranchKindEnum,
  ExportFile,
  ExportFormatEnum,
  ResultRow,
  ResultRowConnection,
  ScoreOutliers,
  StarGrading,
} from '../result/result.type';
import { unitRef } from '../shared/unit-ref';
import { Unit } from '../unit/unit.type';
import { SchemeInput } from './scheme.input';
import { defineScheme, schemesPage, visibleScheme, type SchemeRecord } from './scheme.service';
import { Combination, EvaluatorGroup, GradeBand, Scheme, SchemeConnection, SchemeIndicator } from './scheme.type';

@Resolver(() => Scheme)
export class SchemeResolver {
  @Query(() => Scheme, { nullable: true, description: '考核方案：A scheme by id' })
  async scheme(
    @Arg('id', () => ID, { description: "方案编号 (the scheme's id)" }) id: string,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return visibleScheme(ctx, id);
  }

  @Query(() => SchemeConnection, {
    description:
      "考核方案列表：Schemes, a page at a time, newest year first, then by id: those the caller's body issued and those that assess a unit of its jurisdiction",
  })
  async schemes(
    @Arg('issuer', () => String, { description: '发布方：单位代码 (the issuer, a unit code)', nullable: true })
    issuer: string | null,
    @Arg('year', () => Int, { description: '年度 (the year)', nullable: true }) year: number | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AssessmentsContext,
  ): Promise<SchemeConnection> {
    return schemesPage(ctx, { issuer, year }, page, (s) => s as unknown as Scheme);
  }

  @Mutation(() => Scheme, {
    description: 'Defines a scheme (checked whole: weights, bands, 双百分 rule); idempotent by key, never rewritten',
  })
  defineScheme(
    @Arg('input', () => SchemeInput, { description: '考核方案 (the scheme)' }) input: SchemeInput,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return defineScheme(ctx, JSON.parse(JSON.stringify(input)));
  }

  @FieldResolver(() => Unit, { description: '发布方 (the issuing body)' }) issuer(@Root() s: SchemeRecord) {
    return unitRef(s.issuerId);
  }
  @FieldResolver(() => [SchemeIndicator], { description: '考核指标 (the indicators)' }) indicators(
    @Root() s: SchemeRecord,
  ) {
    return s.scheme.indicators;
  }
  @FieldResolver(() => [EvaluatorGroup], { description: '评价组 (the evaluator groups)' }) evaluatorGroups(
    @Root() s: SchemeRecord,
  ) {
    return s.scheme.evaluatorGroups;
  }
  @FieldResolver(() => [GradeBand], { description: '格次：分数段与等次 (the grade bands)' }) gradeBands(
    @Root() s: SchemeRecord,
  ) {
    return s.scheme.gradeBands;
  }
  @FieldResolver(() => Float, { description: "意见权重：Percent of the party-building score from guides' opinions" })
  opinionWeight(@Root() s: SchemeRecord) {
    return s.scheme.opinionWeight;
  }
  @FieldResolver(() => Combination, { description: '双百分合成 (how the two scores decide the grade)' })
  combination(@Root() s: SchemeRecord) {
    const c = s.scheme.combination;
    return c.method === 'WEIGHTED_SUM'
      ? { method: c.method, partyWeight: c.partyWeight, businessWeight: c.businessWeight, matrix: null }
      : { method: c.method, partyWeight: null, businessWeight: null, matrix: c.matrix };
  }

  @FieldResolver(() => ResultRowConnection, {
    description:
      "考核排名：Graded units ranked (within `scope`, a unit code, when given; else every unit you may see), a page at a time: by rank, then unit id. Ranks are the whole list's, so they stay right on every page",
  })
  async results(
    @Root() s: SchemeRecord,
    @Arg('scope', () => String, { description: '范围：单位代码 (a scope, a unit code)', nullable: true })
    scope: string | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AssessmentsContext,
  ): Promise<ResultRowConnection> {
    return schemeResultsPage(ctx, s.id, scope, page, (r) => r as unknown as ResultRow);
  }

  @FieldResolver(() => ScoreOutliers, {
    description:
      "异常得分：Scores far from the other graded units' (within `scope` when given): per indicator, party-building and business score",
  })
  async outliers(
    @Root() s: SchemeRecord,
    @Arg('scope', () => String, { description: '范围：单位代码 (a scope, a unit code)', nullable: true })
    scope: string | null,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return outliersOfScheme(ctx, s.id, scope);
  }

  @FieldResolver(() => ExportFile, {
    description: '导出结果：The ranked results (within `scope` when given) as a spreadsheet file',
  })
  export(
    @Root() s: SchemeRecord,
    @Arg('format', () => ExportFormatEnum, { description: '文件格式 (the file format)' }) format: ExportFormat,
    @Arg('scope', () => String, { description: '范围：单位代码 (a scope, a unit code)', nullable: true })
    scope: string | null,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return exportResults(ctx, s.id, scope, format);
  }

  @FieldResolver(() => StarGrading, {
    description:
      '党支部达标定级 of the graded units of `kinds` in `scope`, quotas never exceeded (default 10% five-star, 40% four-star, 30% three-star, the rest two-star)',
  })
  async stars(
    @Root() s: SchemeRecord,
    @Arg('scope', { description: '范围：单位代码 (a scope, a unit code)' }) scope: string,
    @Arg('levels', () => [StarLevelInput], {
      description: '星级设置：各星级的比例或分数线 (the star levels: quota shares or minimum scores)',
      nullable: true,
    })
    levels: StarLevelInput[] | null,
    @Arg('kinds', () => [BranchKindEnum], {
      description: '定级类型：参与定级的党组织类型 (the kinds of unit graded)',
      defaultValue: ['BRANCH', 'GENERAL_BRANCH'],
    })
    kinds: string[],
    @Ctx() ctx: AssessmentsContext,
  ) {
    return schemeStars(ctx, s.id, scope, levels, kinds);
  }
}
