/**
 * Targets, progress and results for a year (目标书、进度表、成绩单; ARCHITECTURE.md "Tasks: progress, reports, calendar"), and the
 * indicator values far from their peers. Pure: the service supplies the lines (one per active
 * assignment of the year) of the units reported on and of their peers.
 *
 * Per unit, as of a day:
 * - assigned: active assignments (WITHDRAWN / MERGED are settled, not counted);
 * - done, inProgress, notStarted; overdue: not DONE and due before the day;
 * - completionRate = done / assigned; onTimeRate = done on or before dueOn / assignments due by
 *   the day (null when none is due yet); averageProgress = mean progress (DONE counts 100).
 *
 * Outliers (OUTLIER_RULE): a value is compared with its peers' values, the unit's own left out:
 * z = (value − peer mean) / s, where s is the peers' standard deviation, but never less than 5%
 * of the peer mean's magnitude nor than a floor per measure (0.1 for the rates, 10 points for
 * average progress, 1 or 5% of the target for an indicator), so that near-identical peers (all
 * at 0 in February, say) do not make every small difference infinite. A value is flagged when
 * |z| ≥ 2 and it has at least 4 peers; with fewer, no peer figures are given at all (they would
 * reveal the peers' own values). Peers: for the unit measures (completion rate, on-time rate,
 * average progress), the units of the same kind among those reported on; for a task's
 * indicator, the other units that received the same task and reported a value. Only units the
 * caller may see are ever peers (the service's job).
 */
import {
  leaveOneOut,
  OUTLIER_MIN_PEERS,
  OUTLIER_MIN_SPREAD,
  OUTLIER_Z,
  type PeerComparison,
} from '@tiaokuai/leadership';

export { OUTLIER_MIN_PEERS, OUTLIER_MIN_SPREAD, OUTLIER_Z, peerComparison } from '@tiaokuai/leadership';
/** The least spread per measure (see above). */
export const SPREAD_FLOOR = { COMPLETION_RATE: 0.1, ON_TIME_RATE: 0.1, AVERAGE_PROGRESS: 10, INDICATOR: 1 } as const;
export const OUTLIER_RULE = `与同类单位（同一任务的其他承担单位）相比，偏离均值 ${OUTLIER_Z} 个标准差及以上；标准差不小于均值的 ${OUTLIER_MIN_SPREAD * 100}%，且完成率、按时完成率不小于 0.1，平均进度不小于 10 个百分点，指标值不小于 1 或目标值的 ${OUTLIER_MIN_SPREAD * 100}%；至少 ${OUTLIER_MIN_PEERS} 个同类，不足时不作比较`;

export interface ReportLine {
  assignmentId: string;
  unitId: string;
  taskId: string;
  dueOn: string;
  status: string;
  progress: number;
  doneOn: string | null;
  indicator: string | null;
  target: number | null;
  value: number | null;
}

export interface ProgressSummary {
  assigned: number;
  done: number;
  inProgress: number;
  notStarted: number;
  overdue: number;
  dueByNow: number;
  doneOnTime: number;
  completionRate: number | null;
  onTimeRate: number | null;
  averageProgress: number | null;
}

export const UNIT_MEASURES = ['COMPLETION_RATE', 'ON_TIME_RATE', 'AVERAGE_PROGRESS'] as const;
export type Measure = (typeof UNIT_MEASURES)[number] | 'INDICATOR';

export interface IndicatorResult {
  unitId: string;
  measure: Measure;
  /** For INDICATOR: the task and its indicator and target. */
  taskId: string | null;
  indicator: string | null;
  target: number | null;
  value: number;
  peerCount: number;
  peerMean: number | null;
  peerStdDev: number | null;
  zScore: number | null;
  outlier: boolean;
  /** Chinese, for people. */
  message: string;
}

export const isOverdue = (l: ReportLine, asOf: string) => l.status !== 'DONE' && l.dueOn < asOf;

/**
 * A line as it stood at the end of `asOf`, from the reports made for days up to it (the latest
 * by day, then version); no report by then: not started. `reports` are the line's own.
 */
export function lineAsOf<L extends ReportLine>(
  line: L,
  reports: ReadonlyArray<{ on: string; version: number; status: string; progress: number; value: number | null }>,
  asOf: string,
): L {
  let latest: (typeof reports)[number] | undefined;
  for (const r of reports) {
    if (r.on > asOf) continue;
    if (!latest || r.on > latest.on || (r.on === latest.on && r.version > latest.version)) latest = r;
  }
  if (!latest) return { ...line, status: 'ASSIGNED', progress: 0, value: null, doneOn: null };
  const doneOn =
    latest.status !== 'DONE' ? null : line.doneOn !== null && line.doneOn <= asOf ? line.doneOn : latest.on;
  return { ...line, status: latest.status, progress: latest.progress, value: latest.value, doneOn };
}

export function summarize(lines: readonly ReportLine[], asOf: string): ProgressSummary {
  const s: ProgressSummary = {
    assigned: 0,
    done: 0,
    inProgress: 0,
    notStarted: 0,
    overdue: 0,
    dueByNow: 0,
    doneOnTime: 0,
    completionRate: null,
    onTimeRate: null,
    averageProgress: null,
  };
  let progress = 0;
  for (const l of lines) {
    s.assigned++;
    progress += l.status === 'DONE' ? 100 : l.progress;
    if (l.status === 'DONE') s.done++;
    else if (l.status === 'IN_PROGRESS') s.inProgress++;
    else s.notStarted++;
    if (isOverdue(l, asOf)) s.overdue++;
    if (l.dueOn < asOf) s.dueByNow++;
    if (l.status === 'DONE' && l.doneOn !== null && l.doneOn <= l.dueOn && l.dueOn < asOf) s.doneOnTime++;
  }
  if (s.assigned > 0) {
    s.completionRate = s.done / s.assigned;
    s.averageProgress = progress / s.assigned;
  }
  if (s.dueByNow > 0) s.onTimeRate = s.doneOnTime / s.dueByNow;
  return s;
}

interface Sample {
  unitId: string;
  value: number;
}

const pct = (x: number) => `${Math.round(x * 1000) / 10}%`;
const num = (x: number) => String(Math.round(x * 100) / 100);
const MEASURE_NAMES: Record<(typeof UNIT_MEASURES)[number], string> = {
  COMPLETION_RATE: '完成率',
  ON_TIME_RATE: '按时完成率',
  AVERAGE_PROGRESS: '平均进度',
};

function compare(
  samples: readonly Sample[],
  unitIds: ReadonlySet<string>,
  floor: number,
  make: (s: Sample, c: PeerComparison, peers: number) => IndicatorResult,
): IndicatorResult[] {
  // Each value against the others (its own left out); only the units reported on are returned.
  return leaveOneOut(samples, floor)
    .filter((r) => unitIds.has(r.sample.unitId))
    .map((r) => make(r.sample, { mean: r.mean, sd: r.sd, z: r.z, outlier: r.outlier }, r.peers));
}

/**
 * The results (成绩单) of `unitIds`: each unit measure and each reported indicator value, with
 * its peer comparison. `lines` holds the lines of the units reported on and of their peers;
 * `kindOf` gives each unit's kind (the peers of the unit measures).
 */
export function results(
  lines: readonly ReportLine[],
  unitIds: ReadonlySet<string>,
  kindOf: (unitId: string) => string | undefined,
  asOf: string,
): IndicatorResult[] {
  const out: IndicatorResult[] = [];
  const byUnit = new Map<string, ReportLine[]>();
  for (const l of lines) {
    const list = byUnit.get(l.unitId);
    if (list) list.push(l);
    else byUnit.set(l.unitId, [l]);
  }
  const summaries = new Map([...byUnit].map(([u, ls]) => [u, summarize(ls, asOf)]));
  const byKind = new Map<string, string[]>();
  for (const u of byUnit.keys()) {
    const k = kindOf(u) ?? '?';
    const list = byKind.get(k);
    if (list) list.push(u);
    else byKind.set(k, [u]);
  }
  for (const measure of UNIT_MEASURES) {
    const field =
      measure === 'COMPLETION_RATE' ? 'completionRate' : measure === 'ON_TIME_RATE' ? 'onTimeRate' : 'averageProgress';
    for (const units of byKind.values()) {
      const samples = units
        .map((u) => ({ unitId: u, value: summaries.get(u)![field] }))
        .filter((s): s is Sample => s.value !== null);
      out.push(
        ...compare(samples, unitIds, SPREAD_FLOOR[measure], (s, c, peers) => {
          const show = measure === 'AVERAGE_PROGRESS' ? (x: number) => `${num(x)}%` : pct;
          const message = c.outlier
            ? `${MEASURE_NAMES[measure]} ${show(s.value)}，明显${c.z! > 0 ? '高于' : '低于'}同类单位均值 ${show(c.mean!)}（${peers} 个同类，z=${num(c.z!)}）`
            : `${MEASURE_NAMES[measure]} ${show(s.value)}${c.mean === null ? '' : `，同类单位均值 ${show(c.mean)}`}`;
          return {
            unitId: s.unitId,
            measure,
            taskId: null,
            indicator: null,
            target: null,
            value: s.value,
            peerCount: peers,
            peerMean: c.mean,
            peerStdDev: c.sd,
            zScore: c.z,
            outlier: c.outlier,
            message,
          };
        }),
      );
    }
  }
  const byTask = new Map<string, ReportLine[]>();
  for (const l of lines) {
    if (l.indicator === null || l.value === null) continue;
    const list = byTask.get(l.taskId);
    if (list) list.push(l);
    else byTask.set(l.taskId, [l]);
  }
  for (const [taskId, ls] of byTask) {
    const { indicator, target } = ls[0];
    const floor = Math.max(SPREAD_FLOOR.INDICATOR, target === null ? 0 : OUTLIER_MIN_SPREAD * target);
    out.push(
      ...compare(
        ls.map((l) => ({ unitId: l.unitId, value: l.value! })),
        unitIds,
        floor,
        (s, c, peers) => {
          const reached =
            target === null ? '' : s.value >= target ? `，达到目标值 ${num(target)}` : `，未达目标值 ${num(target)}`;
          const message = c.outlier
            ? `「${indicator}」${num(s.value)}${reached}，明显${c.z! > 0 ? '高于' : '低于'}同一任务其他单位均值 ${num(c.mean!)}（${peers} 个单位，z=${num(c.z!)}）`
            : `「${indicator}」${num(s.value)}${reached}${c.mean === null ? '' : `，同一任务其他单位均值 ${num(c.mean)}`}`;
          return {
            unitId: s.unitId,
            measure: 'INDICATOR',
            taskId,
            indicator,
            target,
            value: s.value,
            peerCount: peers,
            peerMean: c.mean,
            peerStdDev: c.sd,
            zScore: c.z,
            outlier: c.outlier,
            message,
          };
        },
      ),
    );
  }
  return out;
}
