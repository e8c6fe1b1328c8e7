/**
 * Checks of a task as given (issueTask's input, an entry of the interchange file's `tasks`),
 * before anything is asked of org or written. Pure: every problem with the path of its field.
 */
import type { TextKind } from '@tiaokuai/leadership';
import { taskPeriodProblems } from './rules/task-period';
import { taskTarget } from './rules/task-target';
import { textField } from './rules/text-field';
import { TASK_CATEGORIES, type TaskCategory, type TaskPriority } from './types';
import {
  itemRef,
  MAX_DESCRIPTION,
  MAX_SHORT,
  MAX_TARGETS,
  MAX_TITLE,
  SCOPE_RELATIONS,
  UNIT_KINDS,
  type Problem,
  type ScopeRelation,
} from './validate';

export interface ScopeSpec {
  unit: string;
  /**
   * UNDER: the unit's whole scope (subtree, and what it leads or guides); LED_BY / GUIDED_BY: only where it leads /
   * guides.
   */
  relation: ScopeRelation;
  kinds: string[] | null;
}
export interface TaskSpec {
  issuer: string;
  key: string | null;
  title: string;
  description: string | null;
  category: TaskCategory;
  priority: TaskPriority;
  startsOn: string;
  dueOn: string;
  deliverable: string | null;
  /** The item this task fulfils: its code, and its owner's unit code (null: the hub-wide item of that code). */
  requiredItem: string | null;
  requiredItemOwner: string | null;
  binding: boolean;
  /** What is measured (指标) and the value each unit should reach (目标值); target needs an indicator. */
  indicator: string | null;
  target: number | null;
  targets: string[];
  scope: ScopeSpec | null;
  /** Keys of the same issuer's tasks this one cannot be carried out together with. */
  incompatibleWith: string[];
}
/**
 * `raw` as a TaskSpec, or the problems. `base` prefixes paths (`input`, `tasks[3]`);
 * `knownItems` are the responsibility-list items by `itemRef` (the file's own included).
 */
export function validateTask(
  raw: unknown,
  base: string,
  knownItems: ReadonlySet<string>,
): { spec?: TaskSpec; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (field: string, message: string) => problems.push({ path: `${base}.${field}`, message });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { problems: [{ path: base, message: '应为对象' }] };
  const r = raw as Record<string, unknown>;
  const text = (field: string, max: number, required: boolean, kind: TextKind = 'LINE'): string | null => {
    const checked = textField(r[field], max, required, kind);
    if (checked.problem !== undefined) {
      bad(field, checked.problem);
      return null;
    }
    return checked.value;
  };
  const issuer = text('issuer', MAX_SHORT, true);
  const key = text('key', MAX_SHORT, false);
  const title = text('title', MAX_TITLE, true);
  const description = text('description', MAX_DESCRIPTION, false, 'MULTILINE');
  const deliverable = text('deliverable', MAX_SHORT, false);
  const requiredItem = text('requiredItem', MAX_SHORT, false);
  const requiredItemOwner = text('requiredItemOwner', MAX_SHORT, false);
  if (requiredItemOwner && !requiredItem)
    bad('requiredItemOwner', '给出清单所属单位时须同时给出事项代码（requiredItem）');
  else if (requiredItem && !knownItems.has(itemRef(requiredItemOwner, requiredItem))) {
    bad(
      'requiredItem',
      requiredItemOwner
        ? `${requiredItemOwner} 的责任清单中没有事项：${requiredItem}`
        : `未知的全平台责任清单事项：${requiredItem}（某单位清单中的事项须给出 requiredItemOwner）`,
    );
  }
  const category = r.category as TaskCategory;
  if (!TASK_CATEGORIES.includes(category))
    bad('category', `未知的任务类别：${String(r.category)}（可选 ${TASK_CATEGORIES.join('、')}）`);
  const priority = r.priority as TaskPriority;
  if (priority !== 'KEY' && priority !== 'ROUTINE')
    bad('priority', `未知的优先级：${String(r.priority)}（KEY 或 ROUTINE）`);
  const startsOn = r.startsOn;
  const dueOn = r.dueOn;
  for (const p of taskPeriodProblems(startsOn, dueOn)) bad(p.field, p.message);
  const indicator = text('indicator', MAX_SHORT, false);
  const checkedTarget = taskTarget(r.target, indicator);
  if (checkedTarget.problem !== undefined) bad('target', checkedTarget.problem);
  const target = checkedTarget.target ?? null;
  const binding = r.binding === undefined || r.binding === null ? true : r.binding;
  if (typeof binding !== 'boolean') bad('binding', '应为 true 或 false');

  let targets: string[] = [];
  if (r.targets !== undefined && r.targets !== null) {
    if (!Array.isArray(r.targets) || r.targets.some((t) => typeof t !== 'string' || t.trim() === ''))
      bad('targets', '应为单位代码的列表');
    else if (r.targets.length > MAX_TARGETS) bad('targets', `一次最多 ${MAX_TARGETS} 个单位`);
    else targets = [...new Set((r.targets as string[]).map((t) => t.trim()))];
  }
  let scope: ScopeSpec | null = null;
  if (r.scope !== undefined && r.scope !== null) {
    const s = r.scope as Record<string, unknown>;
    if (typeof s !== 'object' || Array.isArray(s) || typeof s.unit !== 'string' || s.unit.trim() === '')
      bad('scope.unit', '范围需要一个单位代码');
    else {
      const relation = (s.relation ?? 'UNDER') as ScopeRelation;
      if (!SCOPE_RELATIONS.includes(relation))
        bad('scope.relation', `未知的范围关系：${String(s.relation)}（${SCOPE_RELATIONS.join('、')}）`);
      let kinds: string[] | null = null;
      if (s.kinds !== undefined && s.kinds !== null) {
        if (!Array.isArray(s.kinds) || s.kinds.some((k) => !UNIT_KINDS.includes(k as never)))
          bad('scope.kinds', `未知的单位类型（可选 ${UNIT_KINDS.join('、')}）`);
        else kinds = s.kinds as string[];
      }
      scope = { unit: s.unit.trim(), relation, kinds };
    }
  }
  if (
    targets.length === 0 &&
    !scope &&
    !problems.some((p) => p.path.startsWith(`${base}.targets`) || p.path.startsWith(`${base}.scope`))
  ) {
    bad('targets', '目标单位为空：给出 targets 或 scope');
  }
  let incompatibleWith: string[] = [];
  if (r.incompatibleWith !== undefined && r.incompatibleWith !== null) {
    if (!Array.isArray(r.incompatibleWith) || r.incompatibleWith.some((k) => typeof k !== 'string' || k === ''))
      bad('incompatibleWith', '应为同一下达单位的任务 key 列表');
    else incompatibleWith = [...new Set(r.incompatibleWith as string[])];
  }
  if (problems.length > 0) return { problems };
  return {
    problems,
    spec: {
      issuer: issuer!,
      key,
      title: title!,
      description,
      category,
      priority,
      startsOn: startsOn as string,
      dueOn: dueOn as string,
      deliverable,
      requiredItem,
      requiredItemOwner: requiredItem ? requiredItemOwner : null,
      binding: binding as boolean,
      indicator,
      target,
      targets,
      scope,
      incompatibleWith,
    },
  };
}
