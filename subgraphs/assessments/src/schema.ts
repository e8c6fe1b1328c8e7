import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@tiaokuai/platform';
import type { AssessmentsContext } from './request';
// The resolvers in this order: type-graphql lists Query and Mutation fields as their modules are
// loaded, and the SDL checked in (schema/assessments.graphql) has them so.
import { SchemeResolver } from './modules/scheme/scheme.resolver';
import { InterchangeResolver } from './modules/interchange/interchange.resolver';
import {
  ResultRowResolver,
  ScoreOutlierResolver,
  ScoreOutliersResolver,
  StarGradingResolver,
  StarRowResolver,
  UnitAssessmentResolver,
} from './modules/result/result.resolver';
import { SubmissionResolver } from './modules/submission/submission.resolver';
import {
  AssessmentFindingResolver,
  JointProposalResolver,
  MergedIndicatorResolver,
} from './modules/finding/finding.resolver';
import { InspectionResolver, JointInspectionResolver } from './modules/inspection/inspection.resolver';
import { UnitResolver } from './modules/unit/unit.resolver';
import { visibleInspection, visibleJoint } from './modules/inspection/inspection.service';
import { schemeById } from './modules/scheme/scheme.service';
import { visibleSubmission } from './modules/submission/submission.service';
import { findingById } from './modules/finding/finding.service';
import { NodeResolver } from './modules/node/node.resolver';
// The other subgraphs' types that implement Node (their key alone), registered by their import.
import './modules/node/node.type';

/**
 * `Unit` is org's entity; this subgraph adds its assessments and findings. `Scheme`,
 * `Submission`, `Inspection` and `JointInspection` are this subgraph's entities; references go
 * through the request's DataLoaders and answer null out of sight.
 */
export function buildAssessmentsSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema<AssessmentsContext>({
    name: 'assessments',
    resolvers: [
      SchemeResolver,
      SubmissionResolver,
      InterchangeResolver,
      UnitAssessmentResolver,
      ResultRowResolver,
      StarGradingResolver,
      StarRowResolver,
      AssessmentFindingResolver,
      JointProposalResolver,
      MergedIndicatorResolver,
      InspectionResolver,
      ScoreOutlierResolver,
      ScoreOutliersResolver,
      JointInspectionResolver,
      UnitResolver,
      NodeResolver,
    ],
    federationImports: ['@key', '@shareable', '@inaccessible'],
    references: {
      Unit: (ref) => ({ id: String(ref.id) }),
      Scheme: (ref, ctx) => schemeById(ctx, String(ref.id)),
      Submission: (ref, ctx) => visibleSubmission(ctx, String(ref.id)),
      Inspection: (ref, ctx) => visibleInspection(ctx, String(ref.id)),
      JointInspection: (ref, ctx) => visibleJoint(ctx, String(ref.id)),
      // node(id) of a finding (org routes its id here): scanned again, null when settled or out of sight.
      AssessmentFinding: (ref, ctx) => findingById(ctx, String(ref.id)),
    },
  });
}
