import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@tiaokuai/platform';
import type { TasksContext } from './context';
import { AssignmentResolver, canSeeTask, SettlementResolver, TaskConflictResolver, TaskResolver, UnitResolver } from './graphql/resolvers';
import {
  CalendarEntryResolver, IndicatorResultResolver, ProgressResolver, ReportLineResolver, RequiredItemResolver, ResponsibilityListEntryResolver, ScopeReportResolver,
  UnitProgressResolver, UnitReportResolver, WorkReportResolver,
} from './graphql/report.resolvers';

/**
 * `Unit` is org's entity; this subgraph adds its assignments and findings. `Task` and
 * `Assignment` are this subgraph's entities; their references go through the request's
 * DataLoaders (one statement per batch) and answer null out of sight.
 */
export function buildTasksSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema<TasksContext>({
    name: 'tasks',
    resolvers: [
      TaskResolver, AssignmentResolver, SettlementResolver, TaskConflictResolver, UnitResolver, ProgressResolver, RequiredItemResolver,
      UnitReportResolver, ScopeReportResolver, WorkReportResolver, UnitProgressResolver, ReportLineResolver, IndicatorResultResolver, CalendarEntryResolver,
      ResponsibilityListEntryResolver,
    ],
    federationImports: ['@key', '@shareable'],
    references: {
      Unit: (ref) => ({ id: String(ref.id) }),
      Task: async (ref, ctx) => {
        const t = await ctx.loaders.task.load(String(ref.id));
        return t && (await canSeeTask(ctx, t)) ? t : null;
      },
      Assignment: async (ref, ctx) => {
        // As for settling: the unit's side or the issuer's side sees it.
        const a = await ctx.loaders.assignment.load(String(ref.id));
        const t = a && (await ctx.loaders.task.load(a.taskId));
        return a && t && ((await ctx.org.canSee(a.unitId)) || (await ctx.org.canSee(t.issuerId))) ? a : null;
      },
    },
  });
}
