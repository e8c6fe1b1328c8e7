import 'reflect-metadata';
import { connectionType, DateScalar, type PageArgsType } from '@tiaokuai/platform';
import { Directive, Field, ID, Int, ObjectType } from 'type-graphql';
import type { TaskFinding } from '../../domain/types';
import { LiveChangeKindEnum, TaskConflictKindEnum } from '../shared/enums';
import { conflictId, findingKey, findingSummary, NS, pageOf, type Window } from '../shared/pages';

@Directive('@key(fields: "id")')
@ObjectType({
  description:
    '任务问题：某单位的重复、冲突、缺失、越权或选择性任务；其编号各次扫描不变 (task finding: a duplicated, conflicting, missing, overreaching or cherry-picked task at one unit; its id stays the same from one scan to the next)',
})
export class TaskConflict {
  @Field(() => ID, {
    description:
      '全局标识：由单位、类型、所涉分派、任务、条目、时期与所问窗口构成，node(id) 可再找到它 (global id: from the unit, the kind, what it is about and the window; node(id) finds it again)',
  })
  id!: string;
  @Field(() => TaskConflictKindEnum, { description: '问题类型 (what kind of finding)' }) kind!: string;
  @Field({ description: '说明：Chinese: what was found' }) message!: string;
  @Field({ description: '处理建议：Chinese: what to do (which assignment to keep, which to turn into a reference)' })
  suggestion!: string;
  /** For MISSING: the item (RequiredItem id), exposed as the object `requiredItem` (TaskConflictResolver). */
  requiredItemId!: string | null;
  requiredItemOwnerId!: string | null;
  /**
   * For a list-level DUPLICATE: the two items (RequiredItem ids), the one to keep first (TaskConflictResolver.items).
   */
  itemIds!: string[];
  @Field(() => DateScalar, { nullable: true, description: '开始日：For MISSING: the period it was due in' }) from!:
    string | null;
  @Field(() => DateScalar, { description: '结束日 (last day of the period concerned)', nullable: true }) to!:
    string | null;
  unitId!: string;
  taskIds!: string[];
  assignmentIds!: string[];
  issuerIds!: string[];
}

// Connections (Relay cursor connections: packages/platform/src/paging.ts). Each list that grows
// with a scope or with time is served a page at a time; its order is documented with its field.

@ObjectType({ description: '问题计数：How many findings of one kind the whole list holds' })
export class TaskConflictKindCount {
  @Field(() => TaskConflictKindEnum, { description: '问题类型 (the finding kind)' }) kind!: string;
  @Field(() => Int, { description: '数量 (how many findings of that kind)' }) count!: number;
}

@ObjectType({ description: '任务问题汇总：Figures about every finding of the list, not only the page: for dashboards' })
export class TaskConflictSummary {
  @Field(() => Int, { description: '总数：Findings in the whole list' }) total!: number;
  @Field(() => [TaskConflictKindCount], {
    description: '按类型计数：Every kind, in TaskConflictKind order, with its count (0 included)',
  })
  byKind!: TaskConflictKindCount[];
}

export const TaskConflictConnection = connectionType('TaskConflict', TaskConflict, {
  summary: TaskConflictSummary,
  description:
    '任务问题分页：A page of task findings, ordered by unit id, then kind, then a digest of the assignments, tasks and period concerned (a finding keeps its key from one scan to the next)',
});
export type TaskConflictConnection = InstanceType<typeof TaskConflictConnection>;

/** A finding as GraphQL shows it, found over `window` (part of its id). */
export const toConflict = (f: TaskFinding, window: Window): TaskConflict => ({
  id: conflictId(f, window),
  kind: f.kind,
  message: f.message,
  suggestion: f.suggestion,
  requiredItemId: f.requiredItemId ?? null,
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
export const conflictPage = (
  findings: readonly TaskFinding[],
  page: PageArgsType,
  window: Window,
): TaskConflictConnection => ({
  ...pageOf(NS.taskConflicts, findings, findingKey, page, (f) => toConflict(f, window)),
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
