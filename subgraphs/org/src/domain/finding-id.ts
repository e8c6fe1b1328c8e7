/**
 * The parts of an anomaly's global id (docs/api.md "Ids"): what it is about, never where a list
 * put it, so a scan tomorrow gives the same anomaly the same id and a link to it keeps working.
 * Pure.
 */
import type { Day } from '@tiaokuai/leadership';
import type { Finding } from './types';

/** How the anomaly was found: over a period (its own first day) or on a day (the day asked about). */
export type AnomalyWhen = { period: Day } | { day: Day };

/**
 * The parts that name an anomaly: its unit, its code, `P` and its period's first day (a period
 * question) or `D` and the day asked about (a day question, where an anomaly has no period), and
 * the units and links involved (ids sorted, so the order a scan found them in does not matter).
 * `digest` turns the last two into one short part.
 */
export function anomalyIdParts(
  f: Pick<Finding, 'unitId' | 'code' | 'relatedUnitIds' | 'linkIds'>,
  when: AnomalyWhen,
  digest: (about: string[]) => string,
  sorted: (ids: readonly string[]) => string[],
): string[] {
  const [mark, day] = 'period' in when ? ['P', when.period] : ['D', when.day];
  return [f.unitId, f.code, mark, day, digest([sorted(f.relatedUnitIds).join(','), sorted(f.linkIds).join(',')])];
}

/** The unit and the question an anomaly's id parts name, or null when they are not an anomaly's. */
export function anomalyQuestionOf(
  parts: readonly string[],
): { unitId: string; code: string; when: AnomalyWhen } | null {
  if (parts.length !== 5) return null;
  const [unitId, code, mark, day] = parts;
  if (!/^\d+$/.test(unitId) || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return null;
  if (mark === 'P') return { unitId, code, when: { period: day } };
  if (mark === 'D') return { unitId, code, when: { day } };
  return null;
}
