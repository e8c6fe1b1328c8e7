import { PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, Int, Resolver, Root } from 'type-graphql';
import type { AssessmentsContext } from '../../request';
import { unitFindingsPage, withId } from '../finding/finding.service';
import { AssessmentFinding, AssessmentFindingConnection } from '../finding/finding.type';
import { inspectionsOfUnitInYear } from '../inspection/inspection.service';
import { Inspection } from '../inspection/inspection.type';
import { unitAssessmentsOfYear } from '../result/result.service';
import { UnitAssessment } from '../result/result.type';
import { Unit } from './unit.type';

/** org's `Unit`, with what this subgraph knows of it: its assessments, inspections and assessment findings. */
@Resolver(() => Unit)
export class UnitResolver {
  @FieldResolver(() => [UnitAssessment], {
    description: '考核结果：Its results under the schemes of `year` (nothing when out of sight)',
  })
  async assessments(
    @Root() u: { id: string },
    @Arg('year', () => Int, { description: '年度 (the year)' }) year: number,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return unitAssessmentsOfYear(ctx, u.id, year);
  }

  @FieldResolver(() => [Inspection], {
    description: '检查：Inspections of it beginning in `year`, each with the joint inspection it was merged into',
  })
  async inspections(
    @Root() u: { id: string },
    @Arg('year', () => Int, { description: '年度 (the year)' }) year: number,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return inspectionsOfUnitInYear(ctx, u.id, year);
  }

  @FieldResolver(() => AssessmentFindingConnection, {
    description:
      '考核问题：Its assessment findings in `year` (batched across units), a page at a time (the order of Query.assessmentFindings); empty when out of sight',
  })
  async assessmentFindings(
    @Root() u: { id: string },
    @Arg('year', () => Int, { description: '年度 (the year)' }) year: number,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AssessmentsContext,
  ): Promise<AssessmentFindingConnection> {
    return unitFindingsPage(ctx, u.id, year, page, (f) => withId(f, year) as unknown as AssessmentFinding);
  }
}
