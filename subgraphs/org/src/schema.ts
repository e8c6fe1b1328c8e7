import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@tiaokuai/platform';
import type { OrgContext } from './request';
// Imported in the order their Query and Mutation fields are published (type-graphql registers
// fields as their classes are declared): auditLog first, then the unit's, the links',
// leadershipTimeline, then exportUnits and importUnits last.
import { AuditResolver } from './modules/audit/audit.resolver';
import { UnitFactsResolver, UnitResolver } from './modules/unit/unit.resolver';
import { LinkResolver } from './modules/link/link.resolver';
import { LeadershipPeriodResolver, TimelineResolver } from './modules/timeline/timeline.resolver';
import { InterchangeResolver } from './modules/interchange/interchange.resolver';
import { AnomalyResolver } from './modules/anomaly/anomaly.resolver';
import { PartyBuildingResolver, RoleResolver } from './modules/party-building/party-building.resolver';
import { anomalyNode } from './modules/anomaly/anomaly.service';

/**
 * Entity fetches (`_entities`) go through the request's DataLoaders: N representations cost
 * one statement (Apollo technote TN0019).
 */
export function buildOrgSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema<OrgContext>({
    name: 'org',
    resolvers: [
      AuditResolver,
      UnitResolver,
      UnitFactsResolver,
      LinkResolver,
      TimelineResolver,
      LeadershipPeriodResolver,
      InterchangeResolver,
      AnomalyResolver,
      PartyBuildingResolver,
      RoleResolver,
    ],
    federationImports: ['@key', '@shareable', '@inaccessible'],
    oneOfInputs: ['UnitLookup'],
    references: {
      // A reference comes from a record another subgraph has already let the caller see (a
      // task's issuer, a grading's assessor, a finding's bodies): the unit it names is shown
      // whole in its identity (id, code, name, kind, level, region, validity), as the units a
      // visible unit names in org are (its leaders, guides, links' ends). Its own records
      // (partyBuilding, facts, factVersions, links, history) stay guarded by the resolvers
      // (modules/access/access.ts requireDetails), and the other subgraphs' Unit fields answer nothing
      // for it. So every field that names a unit is non-null and never comes back null
      // (ARCHITECTURE.md, "What callers may learn"). Only a reference to no unit at all is null.
      Unit: async (ref, ctx) => {
        const u =
          typeof ref.id === 'string'
            ? await ctx.loaders.unitById.load(ref.id)
            : await ctx.loaders.unitByCode.load(String(ref.code));
        return u ?? null;
      },
      // node(id) of an anomaly (docs/api.md "Ids"): assessments' `node` asks here whether it is still there and in
      // sight, then the gateway fetches its fields: scanned again, null when settled or out of sight.
      Anomaly: (ref, ctx) => anomalyNode(ctx, String(ref.id)),
      TaskConflict: (ref) => ({ id: String(ref.id) }),
      AssessmentFinding: (ref) => ({ id: String(ref.id) }),
    },
  });
}
