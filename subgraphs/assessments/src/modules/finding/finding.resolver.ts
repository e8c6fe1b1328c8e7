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
      "Assessment findings of a committee's scope (a unit code) in a year, of `kinds` when given, a page at a time: by unit id, then kind, then period (a finding keeps its key from one scan to the next); the pages that follow a first page's cursors are cut from that page's list, for the same caller and arguments, at most WALK_MAX_AGE_MS old (a walk); `summary` counts every finding the filters select",
  })
  async assessmentFindings(
    @Arg('scope') scope: string,
    @Arg('year', () => Int) year: number,
    @Arg('kinds', () => [AssessmentFindingKindEnum], { nullable: true }) kinds: string[] | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: AssessmentsContext,
  ): Promise<AssessmentFindingConnection> {
    return scopeFindingsPage(ctx, scope, year, kinds, page, (f) => withId(f, year) as unknown as AssessmentFinding);
  }

  @FieldResolver(() => Unit) unit(@Root() f: Finding) {
    return unitRef(f.unitId);
  }
  @FieldResolver(() => [Unit], { description: 'The assessors or inspectors concerned' }) bodies(@Root() f: Finding) {
    return f.bodyIds.map(unitRef);
  }
  @FieldResolver(() => [Submission]) async submissions(@Root() f: Finding, @Ctx() ctx: AssessmentsContext) {
    return submissionsByIds(ctx, f.submissionIds);
  }
  @FieldResolver(() => [Inspection]) async inspections(@Root() f: Finding, @Ctx() ctx: AssessmentsContext) {
    return inspectionsByIds(ctx, f.inspectionIds);
  }
  @FieldResolver(() => JointProposal, {
    nullable: true,
    description: 'MULTIPLE_INSPECTIONS: the single visit proposed (acceptJointInspection)',
  })
  proposal(@Root() f: Finding) {
    return f.proposal;
  }
}

@Resolver(() => JointProposal)
export class JointProposalResolver {
  @FieldResolver(() => Unit, { description: "Organiser: the unit's leader among the bodies, else the first to come" })
  lead(@Root() p: Proposal) {
    return unitRef(p.leadId);
  }
  @FieldResolver(() => [MergedIndicator], { description: 'Every indicator any body asked for, once' }) indicators(
    @Root() p: Proposal,
  ) {
    return p.indicators;
  }
}

@Resolver(() => MergedIndicator)
export class MergedIndicatorResolver {
  @FieldResolver(() => [Unit], { description: 'The bodies that asked for it' }) bodies(
    @Root() k: { bodyIds: string[] },
  ) {
    return k.bodyIds.map(unitRef);
  }
}
