/**
 * What a subgraph (tasks, assessments) asks the org subgraph, the one source of truth for units and
 * leadership (ARCHITECTURE.md, "Leadership facts for other subgraphs"). Nothing here is
 * stored: every question goes to org's GraphQL API (service.ts, a signed read-only call), at
 * most once per kind of question and request.
 *
 * Every question acts for the end user (identity.ts; never as the hub's operator), under a grant:
 * - units by code or id, and who led and guided units over a period (with every body above
 *   them): under `leadership-facts`, because authority depends on bodies the caller may not see
 *   (the central line leading a provincial unit); org answers those fields, and only those,
 *   whatever the user's jurisdiction;
 * - the caller's jurisdiction: under `jurisdiction`, so org's own access rules decide.
 */
import { declareHubScope } from './access';
import type { Db } from './db';
import { NotFoundError } from './errors';
import type { Identity } from './identity';
import type { RelationPeriod, Timelines, Visibility } from '@tiaokuai/leadership';
import type { ServiceClient } from './service';

export interface OrgUnit {
  id: string;
  code: string;
  kind: string;
  /** In timeline answers (and unitsById); not asked by unitsByCode. */
  name?: string;
}

export interface NamedUnit extends OrgUnit {
  name: string;
}

export interface TimelineAnswer {
  units: Map<string, OrgUnit>;
  timelines: Timelines;
  /** The units asked for (or the scope's members), without the bodies above them. */
  requested: string[];
}

/** How a unit is named in explanations: 名称（CODE）, the code alone when the name is not known, #id when nothing is. */
export const unitLabel = (u: { name?: string; code: string } | undefined, id: string): string =>
  u?.name ? `${u.name}（${u.code}）` : u ? u.code : `#${id}`;

/** The compact form of leadershipTimeline: one JSON value, no per-field GraphQL work for a province's 20,000 units. */
const TIMELINE = `query Timeline($units: [ID!], $scope: String, $from: Date!, $to: Date!) {
  leadershipTimelineTable(units: $units, scope: $scope, from: $from, to: $to) }`;

type TimelineRow = [
  id: string,
  code: string,
  kind: string,
  name: string,
  requested: boolean,
  periods: Array<
    [from: string, to: string, leaderIds: string[], guideIds: string[], leaderFlavours?: Array<string | null>]
  >,
];

export class OrgDirectory {
  private visibility?: Promise<Visibility>;
  private readonly byCode = new Map<string, Promise<OrgUnit | null>>();

  constructor(
    private readonly client: ServiceClient,
    private readonly identity: Identity,
  ) {}

  /** Each code's unit (null: no such unit), one call for all codes not asked before. */
  async unitsByCode(codes: readonly string[]): Promise<Map<string, OrgUnit | null>> {
    const missing = [...new Set(codes)].filter((c) => !this.byCode.has(c));
    if (missing.length > 0) {
      const call = this.client.query<{ unitsByCode: Array<OrgUnit | null> }>(
        'query Codes($codes: [String!]!) { unitsByCode(codes: $codes) { id code kind } }',
        { codes: missing },
        this.identity,
        'leadership-facts',
      );
      missing.forEach((c, i) =>
        this.byCode.set(
          c,
          call.then((r) => r.unitsByCode[i] ?? null),
        ),
      );
    }
    const out = new Map<string, OrgUnit | null>();
    for (const c of codes) out.set(c, await this.byCode.get(c)!);
    return out;
  }

  /**
   * Units by id with their names (federation's `_entities` on org, under `leadership-facts`: names
   * of issuers the caller may not see are still shown on its own assignments). Unknown ids are left out.
   */
  async unitsById(ids: readonly string[]): Promise<Map<string, NamedUnit>> {
    const unique = [...new Set(ids)];
    if (unique.length === 0) return new Map();
    const data = await this.client.query<{ _entities: Array<NamedUnit | null> }>(
      'query Units($r: [_Any!]!) { _entities(representations: $r) { ... on Unit { id code name kind } } }',
      { r: unique.map((id) => ({ __typename: 'Unit', id })) },
      this.identity,
      'leadership-facts',
    );
    return new Map(
      data._entities.filter((u): u is NamedUnit => u != null && typeof u.id === 'string').map((u) => [u.id, u]),
    );
  }

  /** Who led and guided these units (or a scope's members) over [from, to], and every body above them. */
  async timelines(args: {
    units?: readonly string[];
    scope?: string;
    from: string;
    to: string;
  }): Promise<TimelineAnswer> {
    if (args.units && args.units.length === 0) return { units: new Map(), timelines: new Map(), requested: [] };
    const data = await this.client.query<{ leadershipTimelineTable: { units: TimelineRow[] } }>(
      TIMELINE,
      { units: args.units ?? null, scope: args.scope ?? null, from: args.from, to: args.to },
      this.identity,
      'leadership-facts',
    );
    const units = new Map<string, OrgUnit>();
    const timelines = new Map<string, RelationPeriod[]>();
    const requested: string[] = [];
    for (const [id, code, kind, name, isRequested, periods] of data.leadershipTimelineTable.units) {
      units.set(id, { id, code, kind, name });
      timelines.set(
        id,
        periods.map(([from, to, leaders, guides, leaderFlavours]) => ({
          from,
          to,
          leaders,
          guides,
          ...(leaderFlavours ? { leaderFlavours } : {}),
        })),
      );
      if (isRequested) requested.push(id);
    }
    return { units, timelines, requested };
  }

  /** The caller's jurisdiction, as org answers it for the caller. */
  visible(): Promise<Visibility> {
    this.visibility ??= this.identity.hubAdmin
      ? Promise.resolve({ all: true })
      : this.client
          .query<{ visibleUnitIds: string[] | null }>('{ visibleUnitIds }', {}, this.identity, 'jurisdiction')
          .then((r) => (r.visibleUnitIds === null ? { all: true } : { all: false, ids: new Set(r.visibleUnitIds) }));
    return this.visibility;
  }

  /** Those of `ids` the caller may see, in order. */
  async onlyVisible(ids: readonly string[]): Promise<string[]> {
    const v = await this.visible();
    return v.all ? [...ids] : ids.filter((id) => v.ids.has(id));
  }

  /**
   * A committee's scope over [from, to] (a unit code): its root, org's timeline answer for it,
   * and the members the caller may see. NOT_FOUND (field `scope`) for an unknown root or one
   * out of sight.
   */
  async scope(
    code: string,
    from: string,
    to: string,
  ): Promise<{ rootId: string; answer: TimelineAnswer; members: string[] }> {
    const root = (await this.unitsByCode([code])).get(code);
    if (!root || !(await this.canSee(root.id))) throw new NotFoundError('scope', `未知单位代码：${code}`);
    const answer = await this.timelines({ scope: code, from, to });
    return { rootId: root.id, answer, members: await this.onlyVisible(answer.requested) };
  }

  async canSee(unitId: string): Promise<boolean> {
    const v = await this.visible();
    return v.all || v.ids.has(unitId);
  }
}

/**
 * A write transaction under row-level security: the caller's jurisdiction (as org answers it)
 * and role declared first (access.ts declareHubScope), so the policies refuse any row outside them.
 */
export async function scopedTransaction<T>(
  db: Db,
  org: Pick<OrgDirectory, 'visible'>,
  identity: Identity,
  fn: (tx: Db) => Promise<T>,
): Promise<T> {
  // Asked before the transaction opens: org is another service, and PGlite's one connection
  // would otherwise be held while waiting.
  const v = await org.visible();
  return db.transaction(async (tx) => {
    await declareHubScope(tx as unknown as Db, v, identity.role);
    return fn(tx as unknown as Db);
  });
}
