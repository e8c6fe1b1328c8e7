import { PageArgsType } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, Int, Query, Resolver, Root } from 'type-graphql';
import type { AssessmentsContext } from '../../request';
import { inspectionsByIds } from '../inspection/inspection.service';
import { Inspection } from '../inspection/inspection.type';
import { unitRef } from '../shared/unit-ref';
import { submissionsByIds } from '../submission/submission.service';
import { Submission } from '../submission/submission.type';
import { Unit } from '../unit/unit.type';
import {
  scopeFindingsPage,
  withId,
  type AssessmentFinding as Finding,
  type JointProposal as Proposal,
} from './finding.service';
import {
  AssessmentFinding,
  AssessmentFindingConnection,
  AssessmentFindingKindEnum,
  JointProposal,
  MergedIndicator,
} from './finding.type';

@Resolver(() => AssessmentFinding)
export class AssessmentFindingResolver {
  @Query(() => AssessmentFindingConnection, {
    description:
      "考核问题：Assessment findings of a committee's scope (a unit code) in a year, of `kinds` when given, a page at a time: by unit id, then kind, then period (a finding keeps its key from one scan to the next); the pages that follow a first page's cursors are cut from that page's list, for the same caller and arguments, at most WALK_MAX_AGE_MS old (a walk); `summary` counts every finding the filters select",
  })
  async assessmentFindings(
    @Arg('scope', { description: "范围：机构的单位代码 (the committee's scope, a unit code)" }) scope: string,
    @Arg('year', () => Int, { description: '年度 (the year)' }) year: number,
    @Arg('kinds', () => [AssessmentFindingKindEnum], {
      description: '问题类型：空为全部 (only these kinds; default all)',
      nullable: true,
    })
    kinds: string[] | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AssessmentsContext,
  ): Promise<AssessmentFindingConnection> {
    return scopeFindingsPage(ctx, scope, year, kinds, page, (f) => withId(f, year) as unknown as AssessmentFinding);
  }

  @FieldResolver(() => Unit, { description: '单位：被考核的单位 (the unit assessed)' }) unit(@Root() f: Finding) {
    return unitRef(f.unitId);
  }
  @FieldResolver(() => [Unit], { description: '涉及的机构：The assessors or inspectors concerned' }) bodies(
    @Root() f: Finding,
  ) {
    return f.bodyIds.map(unitRef);
  }
  @FieldResolver(() => [Submission], { description: '考核提交：涉及的考核 (the submissions concerned)' })
  async submissions(@Root() f: Finding, @Ctx() ctx: AssessmentsContext) {
    return submissionsByIds(ctx, f.submissionIds);
  }
  @FieldResolver(() => [Inspection], { description: '检查：涉及的检查 (the inspections concerned)' }) async inspections(
    @Root() f: Finding,
    @Ctx() ctx: AssessmentsContext,
  ) {
    return inspectionsByIds(ctx, f.inspectionIds);
  }
  @FieldResolver(() => JointProposal, {
    nullable: true,
    description: '一次迎检建议：MULTIPLE_INSPECTIONS: the single visit proposed (acceptJointInspection)',
  })
  proposal(@Root() f: Finding) {
    return f.proposal;
  }
}

@Resolver(() => JointProposal)
export class JointProposalResolver {
  @FieldResolver(() => Unit, {
    description: "牵头方：Organiser: the unit's leader among the bodies, else the first to come",
  })
  lead(@Root() p: Proposal) {
    return unitRef(p.leadId);
  }
  @FieldResolver(() => [MergedIndicator], { description: '合并指标：Every indicator any body asked for, once' })
  indicators(@Root() p: Proposal) {
    return p.indicators;
  }
}

@Resolver(() => MergedIndicator)
export class MergedIndicatorResolver {
  @FieldResolver(() => [Unit], { description: '提出方：The bodies that asked for it' }) bodies(
    @Root() k: { bodyIds: string[] },
  ) {
    return k.bodyIds.map(unitRef);
  }
}
