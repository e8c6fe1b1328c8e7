import 'reflect-metadata';
import { buildFederatedSchema, type FederatedSchema } from '@tiaokuai/platform';
import type { TasksContext } from './request';
// The SDL lists Query's and Mutation's fields, and each type's resolved fields, in the order
// their resolvers are first imported (schema/tasks.graphql): keep this order.
import { TaskResolver } from './modules/task/task.resolver';
import { TaskConflictResolver } from './modules/finding/finding.resolver';
import { ActivityResolver } from './modules/activity/activity.resolver';
import { InterchangeResolver } from './modules/interchange/interchange.resolver';
import { ImportJobResolver } from './modules/import-job/import-job.resolver';
import { AssignmentResolver, ProgressResolver, SettlementResolver } from './modules/assignment/assignment.resolver';
import {
  RequiredItemResolver,
  ResponsibilityListEntryResolver,
} from './modules/responsibility-list/responsibility-list.resolver';
import {
  IndicatorResultResolver,
  ReportLineResolver,
  ScopeReportResolver,
  UnitProgressResolver,
  WorkReportResolver,
} from './modules/report/report.resolver';
import { UnitReportResolver, UnitResolver } from './modules/unit/unit.resolver';
import { CalendarEntryResolver } from './modules/calendar/calendar.resolver';
import { assignmentReference } from './modules/assignment/assignment.service';
import { visibleTask } from './modules/task/task.service';
import { findingById } from './modules/finding/finding.service';
import { toConflict } from './modules/finding/finding.type';

/**
 * `Unit` is org's entity; this subgraph adds its assignments and findings. `Task` and
 * `Assignment` are this subgraph's entities; their references go through the request's
 * DataLoaders (one statement per batch) and answer null out of sight.
 */
export function buildTasksSchema(): Promise<FederatedSchema> {
  return buildFederatedSchema<TasksContext>({
    name: 'tasks',
    resolvers: [
      TaskResolver,
      TaskConflictResolver,
      ActivityResolver,
      InterchangeResolver,
      ImportJobResolver,
      AssignmentResolver,
      SettlementResolver,
      ProgressResolver,
      RequiredItemResolver,
      ResponsibilityListEntryResolver,
      ScopeReportResolver,
      WorkReportResolver,
      UnitProgressResolver,
      ReportLineResolver,
      IndicatorResultResolver,
      UnitResolver,
      UnitReportResolver,
      CalendarEntryResolver,
    ],
    federationImports: ['@key', '@shareable', '@inaccessible'],
    references: {
      Unit: (ref) => ({ id: String(ref.id) }),
      Task: (ref, ctx) => visibleTask(ctx, String(ref.id)),
      // As for settling: the unit's side or the issuer's side sees it.
      Assignment: (ref, ctx) => assignmentReference(ctx, String(ref.id)),
      // node(id) of a finding (org routes its id here): scanned again, null when settled or out of sight.
      TaskConflict: async (ref, ctx) => {
        const r = await findingById(ctx, String(ref.id));
        return r && toConflict(r.finding, r.window);
      },
    },
  });
}
