/**
 * The fields the `tiaokuai/v1` file knows in the sections tasks owns (`requiredItems`, `tasks`;
 * docs/interchange.md "Unknown fields are refused"), one list per record kind, and the walk that
 * names every other field with its path. Pure; importTasks reports these with every other problem.
 */
import { DOCUMENT_FIELDS, unknownFields } from '@tiaokuai/leadership';
import type { Problem } from './validate';

/** An item of a responsibility list as exportTasks writes it (validate-required-item.ts reads it). */
export const REQUIRED_ITEM_FIELDS: ReadonlySet<string> = new Set([
  'owner',
  'code',
  'name',
  'kinds',
  'frequency',
  'description',
  'retiredOn',
]);
/** A task as exportTasks writes it, or as a file of new tasks gives it (`targets`, validate-task.ts). */
export const TASK_FIELDS: ReadonlySet<string> = new Set([
  'issuer',
  'key',
  'title',
  'description',
  'category',
  'priority',
  'startsOn',
  'dueOn',
  'deliverable',
  'requiredItem',
  'requiredItemOwner',
  'binding',
  'indicator',
  'target',
  'targets',
  'scope',
  'incompatibleWith',
  'assignments',
]);
/** A task's `scope`. */
export const SCOPE_FIELDS: ReadonlySet<string> = new Set(['unit', 'relation', 'kinds']);
/** A task's recorded assignment (restore.ts). */
export const ASSIGNMENT_FIELDS: ReadonlySet<string> = new Set(['unit', 'status', 'into']);
/** A merged assignment's `into`: the task it went into. */
export const TASK_REF_FIELDS: ReadonlySet<string> = new Set(['issuer', 'key']);

const TOP_LEVEL: ReadonlySet<string> = new Set(DOCUMENT_FIELDS);

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/**
 * Every field of the document, of its items and tasks and of their nested objects that the format
 * does not know. What is no object where one belongs is left to the other checks.
 */
export function unknownTaskFields(doc: unknown): Problem[] {
  if (!isObject(doc)) return [];
  const problems = unknownFields(doc, TOP_LEVEL, '$');
  list(doc.requiredItems).forEach((item, i) => {
    if (isObject(item)) problems.push(...unknownFields(item, REQUIRED_ITEM_FIELDS, `requiredItems[${i}]`));
  });
  list(doc.tasks).forEach((task, i) => {
    if (!isObject(task)) return;
    const at = `tasks[${i}]`;
    problems.push(...unknownFields(task, TASK_FIELDS, at));
    if (isObject(task.scope)) problems.push(...unknownFields(task.scope, SCOPE_FIELDS, `${at}.scope`));
    list(task.assignments).forEach((a, j) => {
      if (!isObject(a)) return;
      problems.push(...unknownFields(a, ASSIGNMENT_FIELDS, `${at}.assignments[${j}]`));
      if (isObject(a.into)) problems.push(...unknownFields(a.into, TASK_REF_FIELDS, `${at}.assignments[${j}].into`));
    });
  });
  return problems;
}
