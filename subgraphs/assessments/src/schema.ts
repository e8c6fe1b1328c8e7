import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@tiaokuai/platform';
import type { AssessmentsContext } from './context';
import { canSeeSubmission } from './assessments/submission.service';
import { isId } from './assessments/store';
import {
  AssessmentFindingResolver, InspectionResolver, InterchangeResolver, JointInspectionResolver, JointProposalResolver, MergedIndicatorResolver, ResultRowResolver, ScoreOutlierResolver, SchemeResolver,
  StarGradingResolver, StarRowResolver, SubmissionResolver, UnitAssessmentResolver, UnitResolver,
} from './graphql/resolvers';

/**
 * `Unit` is org's entity; this subgraph adds its assessments and findings. `Scheme`,
 * `Submission`, `Inspection` and `JointInspection` are this subgraph's entities; references go
 * through the request's DataLoaders and answer null out of sight.
 */
export function buildAssessmentsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema<AssessmentsContext>({
    name: 'assessments',
    resolvers: [
      SchemeResolver, SubmissionResolver, InterchangeResolver, UnitAssessmentResolver, ResultRowResolver, StarGradingResolver, StarRowResolver, AssessmentFindingResolver, JointProposalResolver,
      MergedIndicatorResolver, InspectionResolver, ScoreOutlierResolver, JointInspectionResolver, UnitResolver,
    ],
    federationImports: ['@key', '@shareable'],
    references: {
      Unit: (ref) => ({ id: String(ref.id) }),
      Scheme: (ref, ctx) => (isId(String(ref.id)) ? ctx.loaders.scheme.load(String(ref.id)) : null),
      Submission: async (ref, ctx) => {
        const s = isId(String(ref.id)) ? await ctx.loaders.submission.load(String(ref.id)) : null;
        return s && (await canSeeSubmission(ctx, s)) ? s : null;
      },
      Inspection: async (ref, ctx) => {
        const i = isId(String(ref.id)) ? await ctx.loaders.inspection.load(String(ref.id)) : null;
        return i && ((await ctx.org.canSee(i.unitId)) || (await ctx.org.canSee(i.inspectorId))) ? i : null;
      },
      JointInspection: async (ref, ctx) => {
        const j = isId(String(ref.id)) ? await ctx.loaders.joint.load(String(ref.id)) : null;
        return j && ((await ctx.org.canSee(j.unitId)) || (await ctx.org.canSee(j.leadId))) ? j : null;
      },
    },
  });
}
