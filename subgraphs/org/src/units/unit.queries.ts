/** Read-side orchestration for the resolvers: loaders for single units, snapshots for scopes. */
import { BadInputError, callerKey, checkWindow, compareKeys, compareNumericKeys, connectionFromRows, isRowIdKey, NotFoundError, pageOfList, pageWindow, today, type PageArgs } from '@tiaokuai/platform';
import { within, type Day } from '@tiaokuai/leadership';
import type { OrgContext } from '../context';
import { unitAnomalyPeriods } from '../domain/anomaly-periods';
import { HISTORY_KINDS, unitHistory } from '../domain/history';
import { countsBy, historyKey } from '../domain/list-keys';
import { scopeOf } from '../domain/scope';
import { ANOMALY_CODES, LINK_KINDS, type LinkKind, type UnitRecord } from '../domain/types';
import type { AnomalyConnection, HistoryEventConnection, LinkConnection, UnitConnection } from '../graphql/connections';
import type { LeadershipTimeline, PartyBuilding } from '../graphql/types';
import type { UnitFilterInput } from '../graphql/inputs';
import { exportDocument } from '../interchange/export';
import { sharedBetween, snapshot } from './party-building.service';
import { listUnits, loadAll } from './unit.store';
import { timelinesFor, timelinesInScope, type UnitTimeline } from './relations.service';

export async function findUnit(ctx: OrgContext, id: string | null, code: string | null): Promise<UnitRecord | null> {
  if (!id && !code) throw new BadInputError('id', '需要 id 或 code 之一');
  const u = id ? await ctx.loaders.unitById.load(id) : await ctx.loaders.unitByCode.load(code!);
  if (!u || (id && code && u.code !== code)) return null;
  return (await ctx.access.canSee(u.id)) ? u : null; // outside the jurisdiction: as if absent
}

/** A unit named by code in a read; unknown and invisible answer the same NOT_FOUND. */
async function requireCode(ctx: OrgContext, code: string, field: string): Promise<UnitRecord> {
  const u = await ctx.loaders.unitByCode.load(code);
  if (!u || !(await ctx.access.canSee(u.id))) throw new NotFoundError(field, `未知单位代码：${code}`);
  return u;
}

/** The visible part of `ids` (all of them for the operator); `undefined` = no restriction. */
async function visibleIds(ctx: OrgContext, ids: string[] | undefined): Promise<string[] | undefined> {
  const v = await ctx.access.visible();
  if (v.all) return ids;
  return ids ? ids.filter((id) => v.ids.has(id)) : [...v.ids];
}

/**
 * The cursor namespaces of org's lists (paging.ts of @tiaokuai/platform): a cursor of one list is
 * refused by every other.
 */
export const LIST = {
  units: 'units', sharedUnits: 'sharedUnits', anomalies: 'leadershipAnomalies', links: 'links', history: 'history',
} as const;

/** `units`: keyset pages by id over the filter (ARCHITECTURE.md, "Bounded answers"). */
export async function listUnitsPage(ctx: OrgContext, filter: UnitFilterInput, page: PageArgs): Promise<UnitConnection> {
  const w = pageWindow(LIST.units, page, { validKey: isRowIdKey });
  let ids: string[] | undefined;
  if (filter.under) {
    const root = await requireCode(ctx, filter.under, 'filter.under');
    const snap = await snapshot(ctx.db, filter.existingOn ?? today());
    ids = [...scopeOf(root.id, snap.evaluations)];
  }
  if (filter.region !== undefined && !/^\d{2,6}$/.test(filter.region)) throw new BadInputError('filter.region', '区划代码应为2–6位数字');
  // No stored text holds a NUL character, and PostgreSQL refuses one in a parameter.
  if (filter.search?.includes('\u0000')) throw new BadInputError('filter.search', '搜索词不能包含 NUL 字符');
  ids = await visibleIds(ctx, ids);
  const { rows, total } = await listUnits(ctx.db, { ...filter, ids }, w);
  const conn = connectionFromRows(LIST.units, rows, (u) => u.id, w, total);
  for (const u of conn.nodes) ctx.loaders.unitById.prime(u.id, u);
  return conn;
}

export async function partyBuilding(ctx: OrgContext, unitId: string, asOf: Day): Promise<PartyBuilding> {
  const a = await ctx.loaders.partyBuilding.load(`${unitId}|${asOf}`);
  return {
    asOf,
    rule: a.outcome.rule,
    explanation: a.outcome.explanation,
    exists: a.exists,
    leaderIds: [...new Set(a.outcome.leaders.map((r) => r.unitId))],
    guideIds: [...new Set(a.outcome.guides.map((r) => r.unitId))],
    roleList: [
      ...a.outcome.leaders.map((r) => ({ role: 'LEADS' as const, flavour: r.flavour, basis: r.basis, unitId: r.unitId })),
      ...a.outcome.guides.map((r) => ({ role: 'GUIDES' as const, flavour: r.flavour, basis: r.basis, unitId: r.unitId })),
    ],
    declaredLinks: a.declared,
    anomalyList: a.anomalies,
  };
}

/**
 * `sharedUnits`: computed whole from the snapshot on a walk's first page, served by page in
 * unit-code order; the walk's following pages (same caller, a, b, asOf) are cut from the
 * units kept, without evaluating a snapshot again (platform's walks.ts).
 */
export async function sharedUnits(ctx: OrgContext, a: string, b: string, asOf: Day, page: PageArgs): Promise<UnitConnection> {
  const conn = await ctx.walks.page({
    namespace: LIST.sharedUnits,
    caller: callerKey(ctx.identity),
    question: JSON.stringify([a, b, asOf]),
    page,
    node: (u: UnitRecord) => u,
    compute: async () => {
      const [ua, ub] = await Promise.all([requireCode(ctx, a, 'a'), requireCode(ctx, b, 'b')]);
      const shared = await ctx.access.filter(sharedBetween(await snapshot(ctx.db, asOf), ua.id, ub.id));
      return { items: shared.map((u) => ({ key: u.code, item: u })).sort((x, y) => compareKeys(x.key, y.key)), summary: null };
    },
  });
  for (const u of conn.nodes) ctx.loaders.unitById.prime(u.id, u);
  return { edges: conn.edges, nodes: conn.nodes, pageInfo: conn.pageInfo, totalCount: conn.totalCount };
}

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
 * window, computed whole once per revision, question and scope (anomaly-cache.ts), in the order
 * of their stable keys (domain/list-keys.ts); only the page is served, with a summary of the
 * whole list by code. Over a period the scope is its members on any day of the period (the
 * same as `leadershipTimeline(scope)`).
 */
export async function leadershipAnomalies(ctx: OrgContext, scope: string | null, question: AnomalyQuestion, page: PageArgs): Promise<AnomalyConnection> {
  const w = pageWindow(LIST.anomalies, page);
  const root = scope ? await requireCode(ctx, scope, 'scope') : null;
  const v = await ctx.access.visible();
  const scan = 'asOf' in question
    ? await ctx.anomalies.scan(ctx.db, root?.id ?? null, question.asOf)
    : await ctx.anomalies.scanPeriod(ctx.db, root?.id ?? null, question.from, question.to, async () => root
      ? new Set((await timelinesInScope(ctx.db, ctx.timelines, root.id, question.from, question.to, false)).map((t) => t.unit.id))
      : null);
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

export async function exportUnits(ctx: OrgContext, scope: string | null) {
  const all = await loadAll(ctx.db);
  let only: Set<string> | undefined;
  if (scope) {
    const root = await requireCode(ctx, scope, 'scope');
    only = scopeOf(root.id, (await snapshot(ctx.db, today())).evaluations);
  }
  const visible = await visibleIds(ctx, only ? [...only] : undefined);
  return exportDocument(all, visible ? new Set(visible) : undefined);
}

/**
 * `Unit.links`: the unit's links (a work committee declares thousands), filtered, in id order,
 * by page, with a summary of the whole filtered list by kind.
 */
export async function unitLinks(
  ctx: OrgContext, unitId: string, direction: 'IN' | 'OUT' | 'BOTH', kinds: LinkKind[] | null, asOf: Day | null, page: PageArgs,
): Promise<LinkConnection> {
  const w = pageWindow(LIST.links, page, { validKey: isRowIdKey });
  const lists = await Promise.all([
    direction !== 'OUT' ? ctx.loaders.linksInto.load(unitId) : [],
    direction !== 'IN' ? ctx.loaders.linksOutOf.load(unitId) : [],
  ]);
  const list = lists.flat()
    .filter((l) => (!kinds || kinds.includes(l.kind)) && (!asOf || within(asOf, l.validFrom, l.validTo)))
    .sort((x, y) => compareNumericKeys(x.id, y.id));
  const conn = pageOfList(LIST.links, list, (l) => l.id, compareNumericKeys, w);
  const byKind = countsBy(list, (l) => l.kind, LINK_KINDS).map(({ value, count }) => ({ kind: value, count }));
  return { ...conn, summary: { total: list.length, byKind } };
}

/**
 * `Unit.history`: every event of the unit (its links' starts and ends among them, so it grows
 * with the units a committee leads), and the start and end of each of its anomalies over its
 * whole life (CYCLE aside: it needs the graph; `leadershipAnomalies(from, to)` has it), in date
 * order by stable key, by page, with a summary by kind.
 */
export async function unitHistoryPage(ctx: OrgContext, unit: UnitRecord, page: PageArgs): Promise<HistoryEventConnection> {
  const w = pageWindow(LIST.history, page);
  const [facts, incoming, outgoing] = await Promise.all([
    ctx.loaders.factsByUnit.load(unit.id), ctx.loaders.linksInto.load(unit.id), ctx.loaders.linksOutOf.load(unit.id),
  ]);
  const ids = new Set<string>([unit.id]);
  for (const l of [...incoming, ...outgoing]) { ids.add(l.fromId); ids.add(l.toId); }
  for (const f of facts) for (const x of [f.localityId, f.competentDepartmentId]) if (x) ids.add(x);
  const known = new Map<string, UnitRecord>();
  for (const u of await ctx.loaders.unitById.loadMany([...ids])) if (u && !(u instanceof Error)) known.set(u.id, u);
  const dir = { get: (id: string) => known.get(id) };
  const anomalies = unitAnomalyPeriods({ unit, facts, incoming }, dir);
  const keyed = unitHistory(unit, facts, incoming, outgoing, dir, anomalies).map((e) => ({ ...e, key: historyKey(e) }));
  keyed.sort((a, b) => compareKeys(a.key, b.key));
  const conn = pageOfList(LIST.history, keyed, (e) => e.key, compareKeys, w);
  const byKind = countsBy(keyed, (e) => e.kind, HISTORY_KINDS).map(({ value, count }) => ({ kind: value, count }));
  return { ...conn, summary: { total: keyed.length, byKind } };
}

/** At most this many ids in one `leadershipTimeline(units:)` (a province is about 20,000). */
const MAX_TIMELINE_UNITS = 100_000;

export async function leadershipTimeline(
  ctx: OrgContext,
  args: { units: string[] | null; scope: string | null; from: Day; to: Day; ancestors: boolean },
): Promise<LeadershipTimeline[]> {
  if (args.to < args.from) throw new BadInputError('to', `to（${args.to}）早于 from（${args.from}）`);
  if (args.units && args.scope) throw new BadInputError('scope', 'units 与 scope 只能给出其一');
  if (args.units && args.units.length > MAX_TIMELINE_UNITS) throw new BadInputError('units', `一次最多 ${MAX_TIMELINE_UNITS} 个单位`);
  let out: UnitTimeline[];
  if (args.units) {
    out = await timelinesFor(ctx.db, ctx.loaders, ctx.timelines, args.units, args.from, args.to, args.ancestors);
  } else {
    const root = args.scope ? await requireCode(ctx, args.scope, 'scope') : null;
    out = await timelinesInScope(ctx.db, ctx.timelines, root?.id ?? null, args.from, args.to, args.ancestors);
  }
  // Leaders and guides named in the answer are among its units (when ancestors are followed): no statement for them.
  for (const t of out) ctx.loaders.unitById.prime(t.unit.id, t.unit);
  const v = await ctx.access.visible();
  // A unit outside the jurisdiction reads as absent, as everywhere (its id may still be named as a leader).
  return (v.all ? out : out.filter((t) => v.ids.has(t.unit.id))).map((t) => ({
    unit: t.unit,
    requested: t.requested,
    periods: t.periods.map((p) => ({ from: p.from, to: p.to, leaderIds: p.leaders, guideIds: p.guides, leaderFlavours: p.leaderFlavours })),
  }));
}
