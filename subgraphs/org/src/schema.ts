import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@tiaokuai/common';
import type { OrgContext } from './context';
import { AuditResolver } from './graphql/audit.resolver';
import { MutationResolver } from './graphql/mutation.resolver';
import { AnomalyResolver, LeadershipPeriodResolver, LinkResolver, PartyBuildingResolver, RoleResolver, UnitFactsResolver } from './graphql/related.resolver';
import { UnitResolver } from './graphql/unit.resolver';

/**
 * Entity fetches (`_entities`) go through the request's DataLoaders: N representations cost
 * one statement (Apollo technote TN0019).
 */
export function buildOrgSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema<OrgContext>({
    name: 'org',
    resolvers: [UnitResolver, MutationResolver, AuditResolver, UnitFactsResolver, LinkResolver, RoleResolver, AnomalyResolver, PartyBuildingResolver, LeadershipPeriodResolver],
    federationImports: ['@key', '@shareable'],
    references: {
      // Entity fetches bypass the query resolvers: the same visibility rule applies here.
      Unit: async (ref, ctx) => {
        const u = typeof ref.id === 'string' ? await ctx.loaders.unitById.load(ref.id) : await ctx.loaders.unitByCode.load(String(ref.code));
        return u && (await ctx.access.canSee(u.id)) ? u : null;
      },
    },
  });
}
