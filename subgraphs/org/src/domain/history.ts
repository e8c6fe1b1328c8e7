import { addDays } from '@tiaokuai/common';
import { LINK_LABEL, MODE_LABEL, nameOf, period } from './labels';
import type { Directory, FactVersion, LinkRecord, UnitRecord } from './types';

/** The kinds of history events, in the order they come on one date. */
export const HISTORY_KINDS = ['UNIT_STARTED', 'FACTS_CHANGED', 'LINK_STARTED', 'LINK_ENDED', 'UNIT_ENDED'] as const;

export interface HistoryEntry {
  date: string;
  kind: (typeof HISTORY_KINDS)[number];
  description: string;
  changed: string[];
  link: LinkRecord | null;
  facts: FactVersion | null;
}

const FACT_KEYS = ['partyRelationMode', 'businessMode', 'competentDepartmentId', 'localityId'] as const;
const FACT_NAME: Record<(typeof FACT_KEYS)[number], string> = {
  partyRelationMode: 'partyRelationMode', businessMode: 'businessMode', competentDepartmentId: 'competentDepartment', localityId: 'locality',
};

/**
 * What changed, and when, in valid time: the unit's start and end, each fact version that
 * differs from the one before, and each link into or out of it starting or ending.
 * Ordered by date; on one date, starts before ends.
 */
export function unitHistory(unit: UnitRecord, facts: FactVersion[], incoming: LinkRecord[], outgoing: LinkRecord[], dir: Directory): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const who = nameOf(dir, unit.id);
  out.push({ date: unit.validFrom, kind: 'UNIT_STARTED', description: `${who}成立`, changed: [], link: null, facts: null });
  if (unit.validTo) out.push({ date: unit.validTo, kind: 'UNIT_ENDED', description: `${who}撤销（最后一日）`, changed: [], link: null, facts: null });
  const sorted = [...facts].sort((a, b) => a.validFrom.localeCompare(b.validFrom));
  sorted.forEach((v, i) => {
    const prev = i > 0 && sorted[i - 1].validTo === addDays(v.validFrom, -1) ? sorted[i - 1] : null;
    const changed = FACT_KEYS.filter((k) => !prev || prev[k] !== v[k]).map((k) => FACT_NAME[k]);
    if (prev && changed.length === 0) return;
    const desc = [
      v.partyRelationMode ? `党组织关系${MODE_LABEL[v.partyRelationMode]}` : null,
      v.businessMode ? `业务${MODE_LABEL[v.businessMode]}` : null,
      v.localityId ? `属地 ${nameOf(dir, v.localityId)}` : null,
      v.competentDepartmentId ? `主管部门 ${nameOf(dir, v.competentDepartmentId)}` : null,
    ].filter(Boolean).join('，');
    out.push({
      date: v.validFrom, kind: 'FACTS_CHANGED', changed, link: null, facts: v,
      description: `事实${prev ? '变更' : '登记'}（${period(v.validFrom, v.validTo)}）：${desc || '无'}${prev ? `；变更项：${changed.join('、')}` : ''}`,
    });
  });
  for (const l of [...incoming, ...outgoing]) {
    const text = `${nameOf(dir, l.fromId)} → ${nameOf(dir, l.toId)} 的${LINK_LABEL[l.kind]}关系`;
    out.push({ date: l.validFrom, kind: 'LINK_STARTED', description: `${text}开始${l.basis ? `（依据：${l.basis}）` : ''}`, changed: [], link: l, facts: null });
    if (l.validTo) out.push({ date: l.validTo, kind: 'LINK_ENDED', description: `${text}终止（最后一日）`, changed: [], link: l, facts: null });
  }
  const rank = { UNIT_STARTED: 0, FACTS_CHANGED: 1, LINK_STARTED: 2, LINK_ENDED: 3, UNIT_ENDED: 4 };
  return out.sort((a, b) => a.date.localeCompare(b.date) || rank[a.kind] - rank[b.kind]);
}
