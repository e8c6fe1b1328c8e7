import { ImportReport, JSONScalar } from '@tiaokuai/platform';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AssessmentsContext } from '../../request';
import { exportAssessments, importAssessments } from './interchange.service';

@Resolver()
export class InterchangeResolver {
  @Mutation(() => ImportReport, {
    description:
      '导入考核：Imports the `assessments` section (schemes, submissions) of a tiaokuai/v1 document: all-or-nothing, idempotent',
  })
  importAssessments(
    @Arg('document', () => JSONScalar, { description: '导入文件：tiaokuai/v1 文档 (a tiaokuai/v1 document)' })
    document: unknown,
    @Arg('dryRun', { description: '试运行：只检查不写入 (check only, write nothing)', defaultValue: false })
    dryRun: boolean,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return importAssessments(ctx, document, dryRun);
  }

  @Query(() => JSONScalar, {
    description:
      '导出考核：The `assessments` section of a tiaokuai/v1 document: schemes issued by and submissions about the units you see (within `scope`, of `year`, when given)',
  })
  exportAssessments(
    @Arg('scope', () => String, {
      description: '范围：单位代码，空为全部可见 (a scope, a unit code; default everything visible)',
      nullable: true,
    })
    scope: string | null,
    @Arg('year', () => Int, { description: '年度：空为全部 (the year; default every year)', nullable: true })
    year: number | null,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return exportAssessments(ctx, scope, year);
  }
}
