/**
 * MISSING (DOMAIN.md, 都想管重点不想管一般, and Tasks, responsibility lists 责任清单: "A unit whose
 * leader did not assign a required item is a gap"): for one unit and a window [from, to], every
 * responsibility-list item that applies to the unit must be assigned, with authority BINDING
 * (by a body leading the unit), in each of its frequency periods.
 *
 * Which items apply (DOMAIN.md "Tasks (任务)", list-reach.ts): a hub-wide item (no owner) to every unit of its
 * kinds; an owner's item to the units of its kinds the owner leads, directly or through bodies
 * it leads, on the days it leads them (`reach`). An item of 四川省直机关工委 asks nothing of a
 * 湖北 unit.
 *
 * The rule:
 * - the window selects the item's frequency periods (calendar years; quarters Jan–Mar,
 *   Apr–Jun, Jul–Sep, Oct–Dec; calendar months) that share a day with it, each judged whole:
 *   a period question answers every finding whose own period overlaps the window, with that
 *   period, never cut at the window (ARCHITECTURE.md, "Days and periods");
 * - a period that begins on or after the item's retirement day (retiredOn) is not required;
 * - a period counts only when the item applied to the unit on at least one of its days (for a
 *   hub-wide item: the unit existed, some RelationPeriod overlaps it; days no period covers are
 *   days the unit did not exist; for an owner's: the owner's list reached the unit on one of
 *   them), judged over the whole period, as everything else;
 * - the item is covered in a period when an assignment of this unit naming the item (its id:
 *   owner and code) and with authority BINDING overlaps the frequency period: a yearly item
 *   assigned in January covers the year even when the window starts in June;
 *   an ADVISORY assignment (a guide's) does not count;
 * - each uncovered period is one finding: requiredItemId, from/to = the frequency period,
 *   no assignments or tasks, issuerIds = the unit's leaders on the days it existed in the
 *   period (each once, in order of the periods). Findings follow the items' order, then time.
 *
 * Suggestion: the leading body assigns the item; if a guide's advisory assignment exists for
 * it, that one does not count and the leader should confirm it or issue it as binding; if the
 * unit had no leader at all in the period (都不管), its leadership must be settled first.
 */
import { overlaps } from '@tiaokuai/leadership';
import { appliesDuring, type ReachPeriod } from '../list-reach';
import type { AssignmentFact, Frequency, RelationPeriod, RequiredItem, TaskFinding } from '../types';

export interface MissingInput {
  unitId: string;
  unitKind: string;
  from: string;
  to: string;
  items: readonly RequiredItem[];
  /** This unit's assignments (others are ignored). */
  assignments: readonly AssignmentFact[];
  /** This unit's relation periods; days none covers are days the unit did not exist. */
  periods: readonly RelationPeriod[];
  /**
   * The owners whose lists reach the unit (list-reach.ts reachDuring) over every day of the
   * frequency periods the window touches, not the window alone (periods are judged whole:
   * finding.service works it out over the whole years); none when absent.
   */
  reach?: readonly ReachPeriod[];
}

/** One frequency period: the whole period, and a label such as 2026年第二季度. */
export interface FrequencyPeriod {
  from: string;
  to: string;
  label: string;
}

const QUARTERS = ['一', '二', '三', '四'];
const pad = (n: number): string => String(n).padStart(2, '0');
const day = (y: number, m: number, d: number): string => `${y}-${pad(m)}-${pad(d)}`;
/** Last day of month m (1–12) of year y. */
const lastDay = (y: number, m: number): number => new Date(Date.UTC(y, m, 0)).getUTCDate();

/** The frequency periods (whole, not clipped) that share a day with [from, to], in order. */
export function frequencyPeriods(frequency: Frequency, from: string, to: string): FrequencyPeriod[] {
  const out: FrequencyPeriod[] = [];
  if (from > to) return out;
  const months = frequency === 'YEARLY' ? 12 : frequency === 'QUARTERLY' ? 3 : 1;
  let y = +from.slice(0, 4);
  let m = Math.floor((+from.slice(5, 7) - 1) / months) * months + 1; // first month of the period holding `from`
  for (;;) {
    const start = day(y, m, 1);
    if (start > to) break;
    const endMonth = m + months - 1;
    const label =
      frequency === 'YEARLY'
        ? `${y}年度`
        : frequency === 'QUARTERLY'
          ? `${y}年第${QUARTERS[(m - 1) / 3]}季度`
          : `${y}年${m}月`;
    out.push({ from: start, to: day(y, endMonth, lastDay(y, endMonth)), label });
    m += months;
    if (m > 12) {
      m -= 12;
      y++;
    }
  }
  return out;
}

export function detectMissing(input: MissingInput): TaskFinding[] {
  const { unitId, unitKind, from, to } = input;
  const mine = input.assignments.filter((a) => a.unitId === unitId);
  const findings: TaskFinding[] = [];
  const reach = input.reach ?? [];
  for (const item of input.items) {
    if (!item.kinds.includes(unitKind)) continue;
    const forItem = mine.filter((a) => a.requiredItemId === item.id);
    for (const p of frequencyPeriods(item.frequency, from, to)) {
      if (item.retiredOn && p.from >= item.retiredOn) continue; // retired: no longer required
      if (!appliesDuring(item, unitKind, reach, input.periods, p.from, p.to)) continue; // not asked of the unit then
      const existed = input.periods.filter((r) => overlaps(r.from, r.to, p.from, p.to));
      const during = forItem.filter((a) => overlaps(a.startsOn, a.dueOn, p.from, p.to));
      if (during.some((a) => a.authority === 'BINDING')) continue;
      const leaders = [...new Set(existed.flatMap((r) => r.leaders))];
      const advisory = during.find((a) => a.authority === 'ADVISORY');
      findings.push({
        kind: 'MISSING',
        unitId,
        assignmentIds: [],
        taskIds: [],
        issuerIds: leaders,
        requiredItemId: item.id,
        requiredItemCode: item.code,
        requiredItemOwnerId: item.ownerId ?? null,
        from: p.from,
        to: p.to,
        message: `${p.label}（${p.from}至${p.to}）责任清单事项「${item.name}」无人以领导关系下达（缺项）`,
        suggestion: suggestion(item, p.label, leaders.length > 0, advisory),
      });
    }
  }
  return findings;
}

function suggestion(
  item: RequiredItem,
  label: string,
  hasLeader: boolean,
  advisory: AssignmentFact | undefined,
): string {
  const note = advisory
    ? `；指导方下达的「${advisory.title}」为指导性任务，不计入，请领导方确认该任务或以领导关系正式下达`
    : '';
  return hasLeader
    ? `请领导方下达${label}的「${item.name}」${note}`
    : `本单位该期间没有党建领导方（都不管）：请先明确领导关系，再由领导方下达${label}的「${item.name}」${note}`;
}
