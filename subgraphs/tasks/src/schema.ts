import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@tiaokuai/common';
import type { TasksContext } from './context';
import { AssignmentResolver, canSeeTask, SettlementResolver, TaskConflictResolver, TaskResolver, UnitResolver } from './graphql/resolvers';

/**
 * `Unit` is org's entity; this subgraph adds its assignments and findings. `Task` and
 * `Assignment` are this subgraph's entities; their references go through the request's
 * DataLoaders (one statement per batch) and answer null out of sight.
 */
export function buildTasksSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema<TasksContext>({
    name: 'tasks',
    resolvers: [TaskResolver, AssignmentResolver, SettlementResolver, TaskConflictResolver, UnitResolver],
    federationImports: ['@key', '@shareable'],
    references: {
      Unit: (ref) => ({ id: String(ref.id) }),
      Task: async (ref, ctx) => {
        const t = await ctx.loaders.task.load(String(ref.id));
        return t && (await canSeeTask(ctx, t)) ? t : null;
      },
      Assignment: async (ref, ctx) => {
        const a = await ctx.loaders.assignment.load(String(ref.id));
        return a && (await ctx.org.canSee(a.unitId)) ? a : null;
      },
    },
  });
}
