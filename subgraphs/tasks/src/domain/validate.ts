/**
 * What the checks of what callers give share (validate-task.ts, validate-required-item.ts): the
 * limits, the kinds of unit and of scope, a problem (the path of its field and a message), and
 * how an item of a responsibility list is named. Pure.
 */

export const MAX_TITLE = 200;
export const MAX_DESCRIPTION = 10_000;
export const MAX_SHORT = 200;
export const MAX_TARGETS = 100_000;
export const UNIT_KINDS = [
  'LOCAL_PARTY_COMMITTEE',
  'WORK_COMMITTEE',
  'DEPARTMENT_PARTY_GROUP',
  'ORGAN_PARTY_COMMITTEE',
  'GENERAL_BRANCH',
  'BRANCH',
  'GRASSROOTS_UNIT',
] as const;
/**
 * Kinds of body that issue a responsibility list (DOMAIN.md "Tasks (任务)"): a work committee, a party group,
 * an organ party committee.
 */
export const LIST_OWNER_KINDS: readonly string[] = [
  'WORK_COMMITTEE',
  'DEPARTMENT_PARTY_GROUP',
  'ORGAN_PARTY_COMMITTEE',
];
export const SCOPE_RELATIONS = ['UNDER', 'LED_BY', 'GUIDED_BY'] as const;
export type ScopeRelation = (typeof SCOPE_RELATIONS)[number];

export interface Problem {
  path: string;
  message: string;
}

/** How an item is named in a task and in `knownItems`: owner code (empty for hub-wide) and code. */
export const itemRef = (owner: string | null | undefined, code: string): string => `${owner ?? ''}|${code}`;
