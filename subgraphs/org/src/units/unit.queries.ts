/** Read-side orchestration for the resolvers: loaders for single units, snapshots for scopes. */
import { BadInputError, NotFoundError, today, within, type Day } from '@tiaokuai/common';
import type { OrgContext } from '../context';
import { scopeOf } from '../domain/scope';
import type { LinkKind, UnitRecord } from '../domain/types';
import type { LeadershipTimeline, PartyBuilding, UnitConnection } from '../graphql/types';
import type { UnitFilterInput } from '../graphql/inputs';
import { exportDocument } from '../interchange/export';
import { anomaliesIn, sharedBetween, snapshot } from './party-building.service';
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

const encodeCursor = (id: string) => Buffer.from(`unit:${id}`).toString('base64url');
function decodeCursor(cursor: string): number {
  const raw = Buffer.from(cursor, 'base64url').toString();
  const m = /^unit:(\d+)$/.exec(raw);
  // Ids are PostgreSQL integers: a larger number is no cursor this API handed out (and would fail the query).
  if (!m || Number(m[1]) > 2 ** 31 - 1) throw new BadInputError('after', '游标无效');
  return Number(m[1]);
}

export async function listUnitsPage(ctx: OrgContext, filter: UnitFilterInput, first: number, after: string | null): Promise<UnitConnection> {
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
  const { rows, total } = await listUnits(ctx.db, { ...filter, ids }, after ? decodeCursor(after) : null, first);
  const page = rows.slice(0, first);
  for (const u of page) ctx.loaders.unitById.prime(u.id, u);
  return {
    edges: page.map((u) => ({ cursor: encodeCursor(u.id), node: u })),
    nodes: page,
    pageInfo: { hasNextPage: rows.length > first, hasPreviousPage: after !== null, startCursor: page.length ? encodeCursor(page[0].id) : null, endCursor: page.length ? encodeCursor(page[page.length - 1].id) : null },
    totalCount: total,
  };
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

export async function sharedUnits(ctx: OrgContext, a: string, b: string, asOf: Day) {
  const [ua, ub] = await Promise.all([requireCode(ctx, a, 'a'), requireCode(ctx, b, 'b')]);
  const shared = await ctx.access.filter(sharedBetween(await snapshot(ctx.db, asOf), ua.id, ub.id));
  for (const u of shared) ctx.loaders.unitById.prime(u.id, u);
  return shared;
}

export async function leadershipAnomalies(ctx: OrgContext, scope: string | null, asOf: Day) {
  const root = scope ? await requireCode(ctx, scope, 'scope') : null;
  const snap = await snapshot(ctx.db, asOf);
  for (const u of snap.units) ctx.loaders.unitById.prime(u.id, u);
  const v = await ctx.access.visible();
  const all = anomaliesIn(snap, root?.id ?? null);
  return v.all ? all : all.filter((f) => v.ids.has(f.unitId));
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

export async function unitLinks(ctx: OrgContext, unitId: string, direction: 'IN' | 'OUT' | 'BOTH', kinds: LinkKind[] | null, asOf: Day | null) {
  const lists = await Promise.all([
    direction !== 'OUT' ? ctx.loaders.linksInto.load(unitId) : [],
    direction !== 'IN' ? ctx.loaders.linksOutOf.load(unitId) : [],
  ]);
  return lists.flat().filter((l) => (!kinds || kinds.includes(l.kind)) && (!asOf || within(asOf, l.validFrom, l.validTo)));
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
    periods: t.periods.map((p) => ({ from: p.from, to: p.to, leaderIds: p.leaders, guideIds: p.guides })),
  }));
}
