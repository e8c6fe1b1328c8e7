/**
 * Party building (党建): who leads and who guides a unit on a day, and why (the rules and
 * detectors are pure, domain/; the request's loader batches the units asked for, context.ts),
 * and the units where two bodies both hold a role.
 */
import { callerKey, compareKeys, type PageArgs } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import type { UnitRecord } from '../../domain/types';
import type { OrgContext } from '../../request';
import { snapshot, type Snapshot } from '../organisation/organisation.service';
import { LIST } from '../shared/lists';
import { requireCode } from '../unit/unit.service';

/**
 * `Unit.partyBuilding`: who leads and who guides the unit on `asOf`, and why, with that day's
 * anomalies (the request's loader evaluates every unit asked for on one day together).
 */
export async function partyBuilding(ctx: OrgContext, unit: UnitRecord, asOf: Day) {
  await ctx.access.requireDetails(unit, 'partyBuilding');
  const a = await ctx.loaders.partyBuilding.load(`${unit.id}|${asOf}`);
  return {
    asOf,
    rule: a.outcome.rule,
    explanation: a.outcome.explanation,
    exists: a.exists,
    leaderIds: [...new Set(a.outcome.leaders.map((r) => r.unitId))],
    guideIds: [...new Set(a.outcome.guides.map((r) => r.unitId))],
    roleList: [
      ...a.outcome.leaders.map((r) => ({
        role: 'LEADS' as const,
        flavour: r.flavour,
        basis: r.basis,
        unitId: r.unitId,
      })),
      ...a.outcome.guides.map((r) => ({
        role: 'GUIDES' as const,
        flavour: r.flavour,
        basis: r.basis,
        unitId: r.unitId,
      })),
    ],
    declaredLinks: a.declared,
    // A day's anomalies have no period: the day asked about names them (their id).
    anomalyList: a.anomalies.map((f) => ({ ...f, asOf })),
  };
}

/**
 * `sharedUnits`: computed whole from the snapshot on a walk's first page, served by page in
 * unit-code order; the walk's following pages (same caller, a, b, asOf) are cut from the
 * units kept, without evaluating a snapshot again (platform's walks.ts).
 */
export async function sharedUnits(ctx: OrgContext, a: string, b: string, asOf: Day, page: PageArgs) {
  const conn = await ctx.walks.page({
    namespace: LIST.sharedUnits,
    caller: callerKey(ctx.identity),
    question: JSON.stringify([a, b, asOf]),
    page,
    node: (u: UnitRecord) => u,
    compute: async () => {
      const [ua, ub] = await Promise.all([requireCode(ctx, a, 'a'), requireCode(ctx, b, 'b')]);
      const shared = await ctx.access.filter(sharedBetween(await snapshot(ctx.db, asOf), ua.id, ub.id));
      return {
        items: shared.map((u) => ({ key: u.code, item: u })).sort((x, y) => compareKeys(x.key, y.key)),
        summary: null,
      };
    },
  });
  for (const u of conn.nodes) ctx.loaders.unitById.prime(u.id, u);
  return { edges: conn.edges, nodes: conn.nodes, pageInfo: conn.pageInfo, totalCount: conn.totalCount };
}

/**
 * Units where both `a` and `b` hold a party-building role (lead or guide) by the rules, or by
 * a declared LEADERSHIP / GUIDANCE link ("or both claim one").
 */
export function sharedBetween(snap: Snapshot, a: string, b: string): UnitRecord[] {
  const out: UnitRecord[] = [];
  for (const ev of snap.evaluations.values()) {
    if (!ev.exists) continue;
    const roles = new Set<string>();
    for (const r of [...ev.outcome.leaders, ...ev.outcome.guides]) roles.add(r.unitId);
    for (const l of ev.declared) if (l.kind === 'LEADERSHIP' || l.kind === 'GUIDANCE') roles.add(l.fromId);
    if (roles.has(a) && roles.has(b)) out.push(ev.unit);
  }
  return out.sort((x, y) => compareKeys(x.code, y.code));
}
