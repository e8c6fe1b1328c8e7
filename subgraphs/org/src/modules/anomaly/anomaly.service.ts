/**
 * `leadershipAnomalies`: a scope's anomalies on a day or over a period, computed whole once per
 * revision, question and scope (anomaly.cache.ts), served by page with a summary by code.
 */
import {
  aboutDigest,
  BadInputError,
  callerKey,
  fromGlobalId,
  checkWindow,
  compareKeys,
  pageOfList,
  pageWindow,
  sortedIds,
  today,
  toGlobalId,
  topics,
  type LiveChange,
  type PageArgs,
} from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { anomalyIdParts, anomalyQuestionOf, type AnomalyWhen } from '../../domain/finding-id';
import { countsBy } from '../../domain/list-keys';
import { ANOMALY_CODES, type Finding } from '../../domain/types';
import type { OrgContext } from '../../request';
import { LIST } from '../shared/lists';
import { timelinesInScope } from '../timeline/timeline.service';
import { requireCode } from '../unit/unit.service';
import type { KeyedFinding } from './anomaly.scan';

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
  const { list, scan } = await scopeAnomalies(ctx, scope, question);
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

/**
 * The scope's whole list of anomalies as the caller may see it (the scan, shared while org's
 * revision stands, filtered by the caller's visibility): `leadershipAnomalies` pages it,
 * `anomaliesChanged` diffs it. An unknown or unseen scope is NOT_FOUND on `scope`.
 */
async function scopeAnomalies(ctx: OrgContext, scope: string | null, question: AnomalyQuestion) {
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
  return { list, scan };
}

/**
 * `anomaliesChanged`: a live watch (platform's live.ts) of the scope's anomalies for the caller,
 * the same list and visibility as `leadershipAnomalies` with the same arguments. READY first (a
 * scope out of sight is refused before, as the query refuses it); woken by org's writes (this
 * process's own without NATS, every replica's with it), it recomputes the list with a fresh
 * request context and yields what appeared and what went, by the anomaly's stable key. A day
 * question without `asOf` watches the day it was subscribed on. Subscribers with the same
 * caller, scope and question share one recompute.
 */
export function watchAnomalies(
  ctx: OrgContext,
  scope: string | null,
  question: AnomalyQuestion,
): Promise<AsyncIterableIterator<LiveChange<KeyedFinding>>> {
  return ctx.live.watch<KeyedFinding>({
    key: JSON.stringify([LIST.anomalies, callerKey(ctx.identity), scope, question]),
    topics: [topics.written('org')],
    compute: async () => (await scopeAnomalies(ctx.renew(), scope, question)).list,
    keyOf: (f) => f.key,
  });
}

/** What an anomaly's id is made from: the finding, and the day asked about on a day's question. */
type AnomalyIdentity = Pick<Finding, 'unitId' | 'code' | 'relatedUnitIds' | 'linkIds' | 'from'> & {
  asOf?: Day | null;
};

/**
 * An anomaly's global id (docs/api.md "Ids"): its unit, code, the units and links involved, and
 * its period's first day, or on a day's question (no period) the day asked about.
 */
export function anomalyId(a: AnomalyIdentity): string {
  const when: AnomalyWhen = a.from ? { period: a.from } : { day: a.asOf ?? today() };
  return toGlobalId('Anomaly', ...anomalyIdParts(a, when, aboutDigest, sortedIds));
}

/**
 * `node(id)` of an anomaly: the scan its id names again (a day's, or the period of its first day,
 * over every unit: both cached while org's revision stands), and the anomaly of that unit with that
 * id; null when the unit is out of the caller's sight or the anomaly is settled.
 */
export async function anomalyById(ctx: OrgContext, id: string, parts: readonly string[]): Promise<KeyedFinding | null> {
  const q = anomalyQuestionOf(parts);
  if (!q || !(await ctx.access.canSee(q.unitId))) return null;
  const scan =
    'day' in q.when
      ? await ctx.anomalies.scan(ctx.db, null, q.when.day)
      : await ctx.anomalies.scanPeriod(ctx.db, null, q.when.period, q.when.period, () => Promise.resolve(null));
  const found = scan.findings.find((f) => f.unitId === q.unitId && f.code === q.code && anomalyId(f) === id);
  if (!found) return null;
  for (const uid of [found.unitId, ...found.relatedUnitIds]) {
    const u = scan.units.get(uid);
    if (u) ctx.loaders.unitById.prime(uid, u);
  }
  return found;
}

/** An anomaly by its global id alone (the gateway's entity fetch for `node(id)`): null as `anomalyById` says. */
export async function anomalyNode(ctx: OrgContext, id: string): Promise<KeyedFinding | null> {
  const g = fromGlobalId(id);
  return g?.type === 'Anomaly' ? anomalyById(ctx, id, g.parts) : null;
}
