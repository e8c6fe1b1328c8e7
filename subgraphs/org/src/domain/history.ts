import { addDays } from '@tiaokuai/leadership';
import { LINK_LABEL, MODE_LABEL, nameOf, period } from './labels';
import type { PeriodFinding } from './anomaly-periods';
import type { Directory, FactVersion, Finding, LinkRecord, UnitRecord } from './types';

/** The kinds of history events, in the order they come on one date. */
export const HISTORY_KINDS = [
  'UNIT_STARTED',
  'FACTS_CHANGED',
  'LINK_STARTED',
  'ANOMALY_STARTED',
  'LINK_ENDED',
  'ANOMALY_ENDED',
  'UNIT_ENDED',
] as const;

export interface HistoryEntry {
  date: string;
  kind: (typeof HISTORY_KINDS)[number];
  description: string;
  changed: string[];
  link: LinkRecord | null;
  facts: FactVersion | null;
  /** For ANOMALY_STARTED / ANOMALY_ENDED: the anomaly, with its period. */
  anomaly: Finding | null;
}

const FACT_KEYS = ['partyRelationMode', 'businessMode', 'competentDepartmentId', 'localityId'] as const;
const FACT_NAME: Record<(typeof FACT_KEYS)[number], string> = {
  partyRelationMode: 'partyRelationMode',
  businessMode: 'businessMode',
  competentDepartmentId: 'competentDepartment',
  localityId: 'locality',
};

/**
 * What changed, and when, in valid time: the unit's start and end, each fact version that
 * differs from the one before, each link into or out of it starting or ending, and each of its
 * anomalies (`anomalies`: anomaly-periods.ts `unitAnomalyPeriods`) starting and ending, so that
 * a gap closed long ago stays in the unit's history though no day after it reports it.
 * Ordered by date; on one date, starts before ends.
 */
export function unitHistory(
  unit: UnitRecord,
  facts: FactVersion[],
  incoming: LinkRecord[],
  outgoing: LinkRecord[],
  dir: Directory,
  anomalies: readonly PeriodFinding[] = [],
): HistoryEntry[] {
  const out: HistoryEntry[] = [];
  const who = nameOf(dir, unit.id);
  out.push({
    date: unit.validFrom,
    kind: 'UNIT_STARTED',
    description: `${who}成立`,
    changed: [],
    link: null,
    facts: null,
    anomaly: null,
  });
  if (unit.validTo)
    out.push({
      date: unit.validTo,
      kind: 'UNIT_ENDED',
      description: `${who}撤销（最后一日）`,
      changed: [],
      link: null,
      facts: null,
      anomaly: null,
    });
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
    ]
      .filter(Boolean)
      .join('，');
    out.push({
      date: v.validFrom,
      kind: 'FACTS_CHANGED',
      changed,
      link: null,
      facts: v,
      anomaly: null,
      description: `事实${prev ? '变更' : '登记'}（${period(v.validFrom, v.validTo)}）：${desc || '无'}${prev ? `；变更项：${changed.join('、')}` : ''}`,
    });
  });
  for (const l of [...incoming, ...outgoing]) {
    const text = `${nameOf(dir, l.fromId)} → ${nameOf(dir, l.toId)} 的${LINK_LABEL[l.kind]}关系`;
    out.push({
      date: l.validFrom,
      kind: 'LINK_STARTED',
      description: `${text}开始${l.basis ? `（依据：${l.basis}）` : ''}`,
      changed: [],
      link: l,
      facts: null,
      anomaly: null,
    });
    if (l.validTo)
      out.push({
        date: l.validTo,
        kind: 'LINK_ENDED',
        description: `${text}终止（最后一日）`,
        changed: [],
        link: l,
        facts: null,
        anomaly: null,
      });
  }
  for (const f of anomalies) {
    out.push({
      date: f.from,
      kind: 'ANOMALY_STARTED',
      description: `${f.code}（${period(f.from, f.to)}）：${f.message}`,
      changed: [],
      link: null,
      facts: null,
      anomaly: f,
    });
    if (f.to)
      out.push({
        date: f.to,
        kind: 'ANOMALY_ENDED',
        description: `${f.code}结束（最后一日，${period(f.from, f.to)}）`,
        changed: [],
        link: null,
        facts: null,
        anomaly: f,
      });
  }
  return out.sort(
    (a, b) => a.date.localeCompare(b.date) || HISTORY_KINDS.indexOf(a.kind) - HISTORY_KINDS.indexOf(b.kind),
  );
}
