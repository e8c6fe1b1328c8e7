import type { UnitKind } from '../types';
import { branchRule } from './branch';
import { departmentPartyGroupRule } from './department-party-group';
import { grassrootsRule } from './grassroots';
import { localPartyCommitteeRule } from './local-party-committee';
import { organPartyCommitteeRule } from './organ-party-committee';
import type { LeadershipRule } from './rule';
import { workCommitteeRule } from './work-committee';

export type { LeadershipRule, RuleInput } from './rule';
export { DUAL_LEADERSHIP_FROM } from './organ-party-committee';

export const RULES: readonly LeadershipRule[] = [
  localPartyCommitteeRule,
  workCommitteeRule,
  departmentPartyGroupRule,
  organPartyCommitteeRule,
  branchRule,
  grassrootsRule,
];

const BY_KIND = new Map<UnitKind, LeadershipRule>();
for (const rule of RULES) for (const kind of rule.kinds) BY_KIND.set(kind, rule);

export function ruleFor(kind: UnitKind): LeadershipRule {
  const rule = BY_KIND.get(kind);
  if (!rule) throw new Error(`no leadership rule for kind ${kind}`);
  return rule;
}
