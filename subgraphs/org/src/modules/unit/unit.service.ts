/**
 * Units: reads for the resolvers (loaders for single units, keyset pages for lists, a unit's
 * history), and the writes to units and fact versions. Each write validates with the same
 * checks as the import (domain/interchange/), runs in one transaction, and either writes
 * everything or nothing. Errors name the offending input field. Transactions declare the
 * caller's scope (access/rls.ts), so the database's row-level security holds them to the same
 * jurisdiction.
 */
import {
  BadInputError,
  compareKeys,
  ConflictError,
  connectionFromRows,
  ForbiddenError,
  isRowIdKey,
  NotFoundError,
  pageOfList,
  pageWindow,
  today,
  type Db,
  type PageArgs,
} from '@tiaokuai/platform';
import { addDays, within, type Day } from '@tiaokuai/leadership';
import { unitAnomalyPeriods } from '../../domain/anomaly-periods';
import { HISTORY_KINDS, unitHistory } from '../../domain/history';
import { newChecker } from '../../domain/interchange/checker';
import { checkUnit } from '../../domain/interchange/unit-entry';
import { countsBy, historyKey } from '../../domain/list-keys';
import { scopeOf } from '../../domain/scope';
import { factsAt } from '../../domain/timeline';
import type { ManagementMode, UnitKind, UnitLevel, UnitRecord } from '../../domain/types';
import type { OrgContext } from '../../request';
import type { Access } from '../access/access';
import { recordAudit } from '../audit/audit.store';
import { endLinksAfter, linksInto, linksOutOf } from '../link/link.store';
import { snapshot } from '../organisation/organisation.service';
import { LIST } from '../shared/lists';
import { refusal, throwFirst, writeTransaction } from '../shared/write';
import {
  endFactsAfter,
  endFactVersion,
  endUnitRow,
  factsByUnitIds,
  insertFacts,
  insertUnit,
  listUnits,
  touchUnit,
  unitsByCodes,
  updateUnitFields,
} from './unit.store';

/** A unit's facts as a write states them; codes name other units. */
export interface FactsFields {
  partyRelationMode?: ManagementMode | null;
  businessMode?: ManagementMode | null;
  competentDepartment?: string | null;
  locality?: string | null;
}

/** `createUnit`'s input (unit.input.ts `CreateUnitInput`). */
export interface NewUnit {
  code: string;
  name: string;
  kind: UnitKind;
  level: UnitLevel;
  region: string;
  validFrom: Day;
  validTo?: Day | null;
  facts?: FactsFields | null;
}

/** `updateUnit`'s input: the unit's code and the fields to change (absent fields stay). */
export interface UnitChanges {
  code: string;
  name?: string;
  level?: UnitLevel;
  region?: string;
  validFrom?: Day;
}

/** `changeUnitFacts`'s input: the unit's code, the new version's facts and first day. */
export interface NewFactVersion extends FactsFields {
  unit: string;
  validFrom: Day;
}

/** `units`' filter (unit.input.ts `UnitFilterInput`). */
export interface UnitListFilter {
  kinds?: UnitKind[];
  levels?: UnitLevel[];
  region?: string;
  under?: string;
  search?: string;
  existingOn?: Day;
}

/** At most this many codes in one `unitsByCode`. */
const MAX_CODES = 100_000;

/** `unit`: by id or by code (both: they must agree); a unit outside the jurisdiction reads as absent. */
export async function findUnit(
  ctx: OrgContext,
  by: { id: string | null; code: string | null },
): Promise<UnitRecord | null> {
  // The schema's @oneOf refuses both or neither before this runs; a direct call is held to the same.
  const { id, code } = by;
  if ((id === null) === (code === null)) throw new BadInputError('by', '需要 id 或 code 之一，且只能给一个');
  const u = id !== null ? await ctx.loaders.unitById.load(id) : await ctx.loaders.unitByCode.load(code!);
  if (!u) return null;
  return (await ctx.access.canSee(u.id)) ? u : null; // outside the jurisdiction: as if absent
}

/** A unit named by code in a read; unknown and invisible answer the same NOT_FOUND. */
export async function requireCode(ctx: OrgContext, code: string, field: string): Promise<UnitRecord> {
  const u = await ctx.loaders.unitByCode.load(code);
  if (!u || !(await ctx.access.canSee(u.id))) throw new NotFoundError(field, `未知单位代码：${code}`);
  return u;
}

/** The visible part of `ids` (all of them for the operator); `undefined` = no restriction. */
export async function visibleIds(ctx: OrgContext, ids: string[] | undefined): Promise<string[] | undefined> {
  const v = await ctx.access.visible();
  if (v.all) return ids;
  return ids ? ids.filter((id) => v.ids.has(id)) : [...v.ids];
}

/** `units`: keyset pages by id over the filter (ARCHITECTURE.md, "Bounded answers"). */
export async function listUnitsPage(ctx: OrgContext, filter: UnitListFilter, page: PageArgs) {
  const w = pageWindow(LIST.units, page, { validKey: isRowIdKey });
  let ids: string[] | undefined;
  if (filter.under) {
    const root = await requireCode(ctx, filter.under, 'filter.under');
    const snap = await snapshot(ctx.db, filter.existingOn ?? today());
    ids = [...scopeOf(root.id, snap.evaluations)];
  }
  if (filter.region !== undefined && !/^\d{2,6}$/.test(filter.region))
    throw new BadInputError('filter.region', '区划代码应为2–6位数字');
  // No stored text holds a NUL character, and PostgreSQL refuses one in a parameter.
  if (filter.search?.includes('\u0000')) throw new BadInputError('filter.search', '搜索词不能包含 NUL 字符');
  ids = await visibleIds(ctx, ids);
  const { rows, total } = await listUnits(ctx.db, { ...filter, ids }, w);
  const conn = connectionFromRows(LIST.units, rows, (u) => u.id, w, total);
  for (const u of conn.nodes) ctx.loaders.unitById.prime(u.id, u);
  return conn;
}

/** `unitsByCode`: each code's unit, in order; null for a code that names no unit the caller may see. */
export async function unitsByCode(ctx: OrgContext, codes: string[]) {
  if (codes.length > MAX_CODES) throw new BadInputError('codes', `一次最多 ${MAX_CODES} 个代码`);
  const found = await ctx.loaders.unitByCode.loadMany(codes);
  const visible = await ctx.access.visible();
  return found.map((u) => (u && !(u instanceof Error) && (visible.all || visible.ids.has(u.id)) ? u : null));
}

/** `visibleUnitIds`: the caller's jurisdiction today; null for the operator, who sees everything. */
export async function visibleUnitIds(ctx: OrgContext): Promise<string[] | null> {
  const v = await ctx.access.visible();
  return v.all ? null : [...v.ids];
}

/** A unit named by id (a link's end, a fact's locality): shown in its identity whoever asks. */
export const unitById = (ctx: OrgContext, id: string | null) => (id ? ctx.loaders.unitById.load(id) : null);

/** The units named by these ids that exist, in order. */
export const unitsByIdList = async (ctx: OrgContext, ids: string[]) =>
  (await ctx.loaders.unitById.loadMany(ids)).filter((u) => u && !(u instanceof Error));

/** `Unit.facts`: the fact version in force on `asOf`. */
export async function factsOn(ctx: OrgContext, unit: UnitRecord, asOf: Day) {
  await ctx.access.requireDetails(unit, 'facts');
  return factsAt(await ctx.loaders.factsByUnit.load(unit.id), asOf);
}

/** `Unit.factVersions`: every fact version, oldest first. */
export async function factVersions(ctx: OrgContext, unit: UnitRecord) {
  await ctx.access.requireDetails(unit, 'factVersions');
  return ctx.loaders.factsByUnit.load(unit.id);
}

/**
 * `Unit.history`: every event of the unit (its links' starts and ends among them, so it grows
 * with the units a committee leads), and the start and end of each of its anomalies over its
 * whole life (CYCLE aside: it needs the graph; `leadershipAnomalies(from, to)` has it), in date
 * order by stable key, by page, with a summary by kind.
 */
export async function unitHistoryPage(ctx: OrgContext, unit: UnitRecord, page: PageArgs) {
  await ctx.access.requireDetails(unit, 'history');
  const w = pageWindow(LIST.history, page);
  const [facts, incoming, outgoing] = await Promise.all([
    ctx.loaders.factsByUnit.load(unit.id),
    ctx.loaders.linksInto.load(unit.id),
    ctx.loaders.linksOutOf.load(unit.id),
  ]);
  const ids = new Set<string>([unit.id]);
  for (const l of [...incoming, ...outgoing]) {
    ids.add(l.fromId);
    ids.add(l.toId);
  }
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

/**
 * The unit a write names, if the caller may write it. For anyone but the operator an unknown
 * code and a unit outside the jurisdiction get the same FORBIDDEN: the answer does not tell
 * whether the unit exists. (`access.visible()` is resolved before the transaction starts:
 * scopedTransaction.)
 */
export async function writableUnit(tx: Db, code: string, field: string, access: Access): Promise<UnitRecord> {
  const [u] = await unitsByCodes(tx, [code]);
  if (u && (await access.canSee(u.id))) return u;
  throw refusal(access, field, `未知单位代码：${code}`, code);
}

async function resolveFacts(tx: Db, f: FactsFields | null | undefined, field: string, access: Access) {
  const ref = async (code: string | null | undefined, name: string) =>
    code ? Number((await writableUnit(tx, code, `${field}.${name}`, access)).id) : null;
  return {
    partyRelationMode: f?.partyRelationMode ?? null,
    businessMode: f?.businessMode ?? null,
    competentDepartmentId: await ref(f?.competentDepartment, 'competentDepartment'),
    localityId: await ref(f?.locality, 'locality'),
  };
}

const hasAnyFact = (f: FactsFields | null | undefined) =>
  !!f && [f.partyRelationMode, f.businessMode, f.competentDepartment, f.locality].some((x) => x != null);

export async function createUnit(db: Db, access: Access, input: NewUnit): Promise<UnitRecord> {
  access.requireRole('EDITOR', '新建单位');
  if (!access.identity.hubAdmin && !input.facts?.locality && !input.facts?.competentDepartment) {
    throw new ForbiddenError('新建单位须以本单位管辖范围内的单位为属地（locality）或主管部门（competentDepartment）', {
      field: 'input.facts',
    });
  }
  const c = newChecker();
  checkUnit(c, { ...input, facts: undefined, validTo: input.validTo ?? null }, 'input');
  throwFirst(c.problems.filter((p) => !p.path.endsWith('.facts')));
  return writeTransaction(db, access, 'unit', input.code, async (tx) => {
    const [taken] = await unitsByCodes(tx, [input.code]);
    if (taken) {
      // Codes are unique across the hub. A duplicate the caller can see is a CONFLICT; one held
      // outside its jurisdiction is refused like any unit outside (docs/authentication.md "Jurisdiction"), never
      // "already exists" (ARCHITECTURE.md, "What callers may learn").
      if (await access.canSee(taken.id)) throw new ConflictError('input.code', `单位代码已存在：${input.code}`);
      throw refusal(access, 'input.code', `单位代码已存在：${input.code}`, input.code);
    }
    const facts = hasAnyFact(input.facts) ? await resolveFacts(tx, input.facts, 'input.facts', access) : null;
    const created = await insertUnit(tx, {
      code: input.code,
      name: input.name,
      kind: input.kind,
      level: input.level,
      region: input.region,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
    });
    if (facts)
      await insertFacts(tx, {
        unitId: Number(created.id),
        validFrom: input.validFrom,
        validTo: input.validTo ?? null,
        ...facts,
      });
    await recordAudit(tx, access.identity, {
      operation: 'createUnit',
      unitId: created.id,
      target: created.code,
      after: { unit: created, facts },
    });
    return created;
  });
}

export async function updateUnit(db: Db, access: Access, input: UnitChanges): Promise<UnitRecord> {
  access.requireRole('EDITOR', '修改单位');
  return writeTransaction(db, access, 'unit', input.code, async (tx) => {
    const u = await writableUnit(tx, input.code, 'input.code', access);
    const next = {
      ...u,
      ...Object.fromEntries(
        Object.entries({
          name: input.name,
          level: input.level,
          region: input.region,
          validFrom: input.validFrom,
        }).filter(([, v]) => v != null),
      ),
    };
    const c = newChecker();
    checkUnit(
      c,
      {
        code: next.code,
        name: next.name,
        kind: next.kind,
        level: next.level,
        region: next.region,
        validFrom: next.validFrom,
        validTo: next.validTo,
      },
      'input',
    );
    throwFirst(c.problems);
    if (input.validFrom && input.validFrom > u.validFrom) {
      const facts = await factsByUnitIds(tx, [u.id]);
      const early = [
        ...facts.filter((f) => f.validFrom < input.validFrom!),
        ...(await linksInto(tx, [u.id])).filter((l) => l.validFrom < input.validFrom!),
      ];
      if (early.length)
        throw new ConflictError('input.validFrom', `有事实版本或关系早于新的成立日期 ${input.validFrom}，请先调整它们`);
    }
    const after = await updateUnitFields(tx, u.id, {
      name: next.name,
      level: next.level,
      region: next.region,
      validFrom: next.validFrom,
    });
    await recordAudit(tx, access.identity, { operation: 'updateUnit', unitId: u.id, target: u.code, before: u, after });
    return after;
  });
}

/**
 * Ends a unit on `on` (its last day). Fact versions and links still open past that day end
 * with it; anything that would only start after it is a conflict to settle first.
 */
export async function endUnit(db: Db, access: Access, code: string, on: Day): Promise<UnitRecord> {
  access.requireRole('EDITOR', '撤销单位');
  return writeTransaction(db, access, 'unit', code, async (tx) => {
    const u = await writableUnit(tx, code, 'code', access);
    if (on < u.validFrom) throw new BadInputError('on', `撤销日期 ${on} 早于成立日期 ${u.validFrom}`);
    const facts = await factsByUnitIds(tx, [u.id]);
    const ls = [...(await linksInto(tx, [u.id])), ...(await linksOutOf(tx, [u.id]))];
    const later = [
      ...facts.filter((f) => f.validFrom > on).map((f) => `事实版本（${f.validFrom}起）`),
      ...ls.filter((l) => l.validFrom > on).map((l) => `关系#${l.id}（${l.validFrom}起）`),
    ];
    if (later.length) throw new ConflictError('on', `以下记录在 ${on} 之后才开始，请先处理：${later.join('、')}`);
    await endFactsAfter(tx, u.id, on);
    await endLinksAfter(tx, u.id, on);
    const after = await endUnitRow(tx, u.id, on);
    await recordAudit(tx, access.identity, {
      operation: 'endUnit',
      unitId: u.id,
      target: u.code,
      before: { unit: u, facts, links: ls },
      after: { unit: after },
    });
    return after;
  });
}

/**
 * A new fact version from `validFrom` on. The version in force that day ends the day before;
 * the new one runs until the next version starts (or open-ended). A version that starts on the
 * same day is a conflict (change that one instead of stacking a second).
 */
export async function changeUnitFacts(db: Db, access: Access, input: NewFactVersion): Promise<UnitRecord> {
  access.requireRole('EDITOR', '变更单位事实');
  return writeTransaction(db, access, 'unit', input.unit, async (tx) => {
    const u = await writableUnit(tx, input.unit, 'input.unit', access);
    if (!within(input.validFrom, u.validFrom, u.validTo)) {
      throw new BadInputError('input.validFrom', `${input.validFrom} 不在 ${u.code} 的存续期内`);
    }
    const facts = await resolveFacts(tx, input, 'input', access);
    if (facts.localityId === Number(u.id) || facts.competentDepartmentId === Number(u.id)) {
      throw new BadInputError(
        facts.localityId === Number(u.id) ? 'input.locality' : 'input.competentDepartment',
        '单位不能以自身为属地或主管部门',
      );
    }
    const versions = await factsByUnitIds(tx, [u.id]);
    if (versions.some((v) => v.validFrom === input.validFrom)) {
      throw new ConflictError('input.validFrom', `${input.validFrom} 起已有一个事实版本`);
    }
    const next = versions.find((v) => v.validFrom > input.validFrom);
    const current = versions.find((v) => within(input.validFrom, v.validFrom, v.validTo));
    if (current) await endFactVersion(tx, current.id, addDays(input.validFrom, -1));
    const validTo = next
      ? addDays(next.validFrom, -1)
      : current?.validTo && current.validTo >= input.validFrom
        ? current.validTo
        : u.validTo;
    await insertFacts(tx, { unitId: Number(u.id), validFrom: input.validFrom, validTo, ...facts });
    await touchUnit(tx, u.id);
    await recordAudit(tx, access.identity, {
      operation: 'changeUnitFacts',
      unitId: u.id,
      target: u.code,
      before: versions,
      after: await factsByUnitIds(tx, [u.id]),
    });
    return u;
  });
}
