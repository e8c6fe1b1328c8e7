import 'reflect-metadata';
import { connectionType, DateScalar, type PageArgsType } from '@tiaokuai/platform';
import { Field, Int, ObjectType } from 'type-graphql';
import type { TaskFinding } from '../../domain/types';
import { LiveChangeKindEnum, TaskConflictKindEnum } from '../shared/enums';
import { findingKey, findingSummary, NS, pageOf } from '../shared/pages';

@ObjectType({ description: 'A duplicated, conflicting, missing, overreaching or cherry-picked task at one unit' })
export class TaskConflict {
  @Field(() => TaskConflictKindEnum) kind!: string;
  @Field({ description: 'Chinese: what was found' }) message!: string;
  @Field({ description: 'Chinese: what to do (which assignment to keep, which to turn into a reference)' })
  suggestion!: string;
  @Field(() => String, {
    nullable: true,
    description: "For MISSING: the responsibility-list item's code (its owner: requiredItemOwner)",
  })
  requiredItem!: string | null;
  requiredItemOwnerId!: string | null;
  /**
   * For a list-level DUPLICATE: the two items (RequiredItem ids), the one to keep first (TaskConflictResolver.items).
   */
  itemIds!: string[];
  @Field(() => DateScalar, { nullable: true, description: 'For MISSING: the period it was due in' }) from!:
    string | null;
  @Field(() => DateScalar, { nullable: true }) to!: string | null;
  unitId!: string;
  taskIds!: string[];
  assignmentIds!: string[];
  issuerIds!: string[];
}

// Connections (Relay cursor connections: packages/platform/src/paging.ts). Each list that grows
// with a scope or with time is served a page at a time; its order is documented with its field.

@ObjectType({ description: 'How many findings of one kind the whole list holds' })
export class TaskConflictKindCount {
  @Field(() => TaskConflictKindEnum) kind!: string;
  @Field(() => Int) count!: number;
}

@ObjectType({ description: 'Figures about every finding of the list, not only the page: for dashboards' })
export class TaskConflictSummary {
  @Field(() => Int, { description: 'Findings in the whole list' }) total!: number;
  @Field(() => [TaskConflictKindCount], {
    description: 'Every kind, in TaskConflictKind order, with its count (0 included)',
  })
  byKind!: TaskConflictKindCount[];
}

export const TaskConflictConnection = connectionType('TaskConflict', TaskConflict, {
  summary: TaskConflictSummary,
  description:
    'A page of task findings, ordered by unit id, then kind, then a digest of the assignments, tasks and period concerned (a finding keeps its key from one scan to the next)',
});
export type TaskConflictConnection = InstanceType<typeof TaskConflictConnection>;

export const toConflict = (f: TaskFinding): TaskConflict => ({
  kind: f.kind,
  message: f.message,
  suggestion: f.suggestion,
  requiredItem: f.requiredItemCode ?? null,
  requiredItemOwnerId: f.requiredItemOwnerId ?? null,
  itemIds: f.itemIds ?? [],
  from: f.from ?? null,
  to: f.to ?? null,
  unitId: f.unitId,
  taskIds: f.taskIds,
  assignmentIds: f.assignmentIds,
  issuerIds: f.issuerIds,
});

/**
 * A page of findings (order: shared/pages.ts) with the summary of them all. Only the page is
 * turned into GraphQL objects; the findings themselves live as long as the request.
 */
export const conflictPage = (findings: readonly TaskFinding[], page: PageArgsType): TaskConflictConnection => ({
  ...pageOf(NS.taskConflicts, findings, findingKey, page, toConflict),
  summary: findingSummary(findings),
});

@ObjectType({
  description:
    '范围内任务问题的实时变更 (a live change of the task findings in a scope): sent after a write changes what the subscriber may see',
})
export class TaskFindingsChange {
  @Field(() => LiveChangeKindEnum, { description: '变更种类 (kind of change)' }) kind!: string;
  @Field({ description: '范围：单位代码 (scope: the unit code subscribed to)' }) scope!: string;
  @Field(() => [TaskConflict], { description: '新出现的问题 (findings that appeared)' }) appeared!: TaskConflict[];
  @Field(() => [TaskConflict], {
    description: '已消除的问题，如任务已撤回或合并 (findings settled or gone, e.g. an assignment withdrawn or merged)',
  })
  settled!: TaskConflict[];
  @Field(() => Int, { description: '变更后范围内的问题总数 (findings in the scope after this change)' }) total!: number;
}
