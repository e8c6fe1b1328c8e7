import { ImportReport, JSONScalar } from '@tiaokuai/platform';
import { Arg, Ctx, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { AssessmentsContext } from '../../request';
import { exportAssessments, importAssessments } from './interchange.service';

@Resolver()
export class InterchangeResolver {
  @Mutation(() => ImportReport, {
    description:
      'Imports the `assessments` section (schemes, submissions) of a tiaokuai/v1 document: all-or-nothing, idempotent',
  })
  importAssessments(
    @Arg('document', () => JSONScalar) document: unknown,
    @Arg('dryRun', { defaultValue: false }) dryRun: boolean,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return importAssessments(ctx, document, dryRun);
  }

  @Query(() => JSONScalar, {
    description:
      'The `assessments` section of a tiaokuai/v1 document: schemes issued by and submissions about the units you see (within `scope`, of `year`, when given)',
  })
  exportAssessments(
    @Arg('scope', () => String, { nullable: true }) scope: string | null,
    @Arg('year', () => Int, { nullable: true }) year: number | null,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return exportAssessments(ctx, scope, year);
  }
}
