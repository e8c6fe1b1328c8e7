/**
 * `leadershipAnomalies`: a scope's anomalies on a day or over a period, computed whole once per
 * revision, question and scope (anomaly.cache.ts), served by page with a summary by code.
 */
import {
  BadInputError,
  checkWindow,
  compareKeys,
  pageOfList,
  pageWindow,
  today,
  type PageArgs,
} from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { countsBy } from '../../domain/list-keys';
import { ANOMALY_CODES } from '../../domain/types';
import type { OrgContext } from '../../request';
import { LIST } from '../shared/lists';
import { timelinesInScope } from '../timeline/timeline.service';
import { requireCode } from '../unit/unit.service';

/** What `leadershipAnomalies` is asked about: one day, or a period (ARCHITECTURE.md, "Days and periods"). */
export type AnomalyQuestion = { asOf: Day } | { from: Day; to: Day };

/**
 * The question `leadershipAnomalies` was given: `asOf` (default today) XOR both `from` and `to`
 * (a window checked like every period question: platform's `checkWindow`). Anything else is
 * BAD_USER_INPUT naming the field at fault.
 */
export function anomalyQuestion(args: { asOf?: Day | null; from?: Day | null; to?: Day | null }): AnomalyQuestion {
  const { asOf, from, to } = args;
  if (asOf != null && (from != null || to != null)) {
    throw new BadInputError(from != null ? 'from' : 'to', 'asOf（某一天）与 from/to（一段时间）只能给出其一');
  }
  if (from == null && to == null) return { asOf: asOf ?? today() };
  if (from == null) throw new BadInputError('from', '给出 to 时也需要 from');
  if (to == null) throw new BadInputError('to', '给出 from 时也需要 to');
  checkWindow(from, to);
  return { from, to };
}

/**
 * `leadershipAnomalies`: the scope's findings on a day, or those whose period overlaps a
 * window, computed whole once per revision, question and scope (anomaly.cache.ts), in the order
 * of their stable keys (domain/list-keys.ts); only the page is served, with a summary of the
 * whole list by code. Over a period the scope is its members on any day of the period (the
 * same as `leadershipTimeline(scope)`).
 */
export async function leadershipAnomalies(
  ctx: OrgContext,
  scope: string | null,
  question: AnomalyQuestion,
  page: PageArgs,
) {
  const w = pageWindow(LIST.anomalies, page);
  const root = scope ? await requireCode(ctx, scope, 'scope') : null;
  const v = await ctx.access.visible();
  const scan =
    'asOf' in question
      ? await ctx.anomalies.scan(ctx.db, root?.id ?? null, question.asOf)
      : await ctx.anomalies.scanPeriod(ctx.db, root?.id ?? null, question.from, question.to, async () =>
          root
            ? new Set(
                (await timelinesInScope(ctx.db, ctx.timelines, root.id, question.from, question.to, false)).map(
                  (t) => t.unit.id,
                ),
              )
            : null,
        );
  const list = v.all ? scan.findings : scan.findings.filter((f) => v.ids.has(f.unitId));
  const conn = pageOfList(LIST.anomalies, list, (f) => f.key, compareKeys, w);
  // Only the units the page names: a province's 50,000 would outlive the page in the loader.
  for (const f of conn.nodes) {
    for (const id of [f.unitId, ...f.relatedUnitIds]) {
      const u = scan.units.get(id);
      if (u) ctx.loaders.unitById.prime(id, u);
    }
  }
  const byCode = countsBy(list, (f) => f.code, ANOMALY_CODES).map(({ value, count }) => ({ code: value, count }));
  return { ...conn, summary: { total: list.length, byCode } };
}
