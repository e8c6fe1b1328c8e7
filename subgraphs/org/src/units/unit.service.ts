/**
 * Writes to units, fact versions and links. Each mutation validates with the same checks as
 * the import (interchange/validate.ts), runs in one transaction, and either writes everything
 * or nothing. Errors name the offending input field. Transactions declare the caller's scope
 * (access/rls.ts), so the database's row-level security holds them to the same jurisdiction.
 */
import { and, eq, gt, isNull, or, sql } from 'drizzle-orm';
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, outOfReach, type Db } from '@tiaokuai/platform';
import { addDays, overlaps, within, type Day } from '@tiaokuai/leadership';
import type { Access } from '../access/jurisdiction';
import { scopedTransaction } from '../access/rls';
import { recordAudit } from '../audit/audit.store';
import { lockForWrite } from './locks';
import { links, unitFacts, units } from '../db/schema';
import type { LinkRecord, UnitRecord } from '../domain/types';
import type { ChangeFactsInput, CreateLinkInput, CreateUnitInput, FactsInput, UpdateLinkInput, UpdateUnitInput } from '../graphql/inputs';
import { checkLink, checkUnit, newChecker } from '../interchange/validate';
import { factsByUnitIds, linkById, linksInto, linksOutOf, toLink, toUnit, unitsByCodes } from './unit.store';

function throwFirst(problems: Array<{ path: string; message: string }>): void {
  if (problems.length === 0) return;
  const [first] = problems;
  throw new BadInputError(first.path, `${first.path}：${first.message}`, { problems });
}

/**
 * The unit a write names, if the caller may write it. For anyone but the operator an unknown
 * code and a unit outside the jurisdiction get the same FORBIDDEN: the answer does not tell
 * whether the unit exists. (`access.visible()` is resolved before the transaction starts:
 * scopedTransaction.)
 */
async function unitByCode(tx: Db, code: string, field: string, access: Access): Promise<UnitRecord> {
  const [u] = await unitsByCodes(tx, [code]);
  if (u && (await access.canSee(u.id))) return u;
  throw refusal(access, field, `未知单位代码：${code}`, code);
}

/**
 * Missing (operator: NOT_FOUND) or out of reach (anyone else: FORBIDDEN, the same either way,
 * platform's `outOfReach`). The operator sees everything, so only it gets the precise answer.
 */
function refusal(access: Access, field: string, notFound: string, what: string): Error {
  if (access.identity.hubAdmin) return new NotFoundError(field, notFound);
  return outOfReach(access.identity, field, what);
}

async function resolveFacts(tx: Db, f: FactsInput | null | undefined, field: string, access: Access) {
  const ref = async (code: string | null | undefined, name: string) => (code ? Number((await unitByCode(tx, code, `${field}.${name}`, access)).id) : null);
  return {
    partyRelationMode: f?.partyRelationMode ?? null,
    businessMode: f?.businessMode ?? null,
    competentDepartmentId: await ref(f?.competentDepartment, 'competentDepartment'),
    localityId: await ref(f?.locality, 'locality'),
  };
}

/**
 * A write's transaction: the caller's scope declared for row-level security (access/rls.ts),
 * then the write's lock on its unit or link (units/locks.ts), then `fn`.
 */
function writeTransaction<T>(db: Db, access: Access, what: 'unit' | 'link', key: string, fn: (tx: Db) => Promise<T>): Promise<T> {
  return scopedTransaction(db, access, async (tx) => {
    await lockForWrite(tx, what, key);
    return fn(tx);
  });
}

const hasAnyFact = (f: FactsInput | null | undefined) => !!f && [f.partyRelationMode, f.businessMode, f.competentDepartment, f.locality].some((x) => x != null);

export async function createUnit(db: Db, access: Access, input: CreateUnitInput): Promise<UnitRecord> {
  access.requireRole('EDITOR', '新建单位');
  if (!access.identity.hubAdmin && !input.facts?.locality && !input.facts?.competentDepartment) {
    throw new ForbiddenError('新建单位须以本单位管辖范围内的单位为属地（locality）或主管部门（competentDepartment）', { field: 'input.facts' });
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
    const [row] = await tx.insert(units).values({
      code: input.code, name: input.name, kind: input.kind, level: input.level, region: input.region,
      validFrom: input.validFrom, validTo: input.validTo ?? null,
    }).returning();
    if (facts) await tx.insert(unitFacts).values({ unitId: row.id, validFrom: input.validFrom, validTo: input.validTo ?? null, ...facts });
    const created = toUnit(row);
    await recordAudit(tx, access.identity, { operation: 'createUnit', unitId: created.id, target: created.code, after: { unit: created, facts } });
    return created;
  });
}

export async function updateUnit(db: Db, access: Access, input: UpdateUnitInput): Promise<UnitRecord> {
  access.requireRole('EDITOR', '修改单位');
  return writeTransaction(db, access, 'unit', input.code, async (tx) => {
    const u = await unitByCode(tx, input.code, 'input.code', access);
    const next = { ...u, ...Object.fromEntries(Object.entries({ name: input.name, level: input.level, region: input.region, validFrom: input.validFrom }).filter(([, v]) => v != null)) };
    const c = newChecker();
    checkUnit(c, { code: next.code, name: next.name, kind: next.kind, level: next.level, region: next.region, validFrom: next.validFrom, validTo: next.validTo }, 'input');
    throwFirst(c.problems);
    if (input.validFrom && input.validFrom > u.validFrom) {
      const facts = await factsByUnitIds(tx, [u.id]);
      const early = [...facts.filter((f) => f.validFrom < input.validFrom!), ...(await linksInto(tx, [u.id])).filter((l) => l.validFrom < input.validFrom!)];
      if (early.length) throw new ConflictError('input.validFrom', `有事实版本或关系早于新的成立日期 ${input.validFrom}，请先调整它们`);
    }
    const [row] = await tx.update(units).set({ name: next.name, level: next.level, region: next.region, validFrom: next.validFrom, updatedAt: sql`now()` })
      .where(eq(units.id, Number(u.id))).returning();
    const after = toUnit(row);
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
    const u = await unitByCode(tx, code, 'code', access);
    if (on < u.validFrom) throw new BadInputError('on', `撤销日期 ${on} 早于成立日期 ${u.validFrom}`);
    const facts = await factsByUnitIds(tx, [u.id]);
    const ls = [...(await linksInto(tx, [u.id])), ...(await linksOutOf(tx, [u.id]))];
    const later = [...facts.filter((f) => f.validFrom > on).map((f) => `事实版本（${f.validFrom}起）`), ...ls.filter((l) => l.validFrom > on).map((l) => `关系#${l.id}（${l.validFrom}起）`)];
    if (later.length) throw new ConflictError('on', `以下记录在 ${on} 之后才开始，请先处理：${later.join('、')}`);
    const factAfter = or(isNull(unitFacts.validTo), gt(unitFacts.validTo, on));
    await tx.update(unitFacts).set({ validTo: on }).where(and(eq(unitFacts.unitId, Number(u.id)), factAfter));
    const linkAfter = or(isNull(links.validTo), gt(links.validTo, on));
    await tx.update(links).set({ validTo: on, updatedAt: sql`now()` }).where(and(or(eq(links.fromId, Number(u.id)), eq(links.toId, Number(u.id))), linkAfter));
    const [row] = await tx.update(units).set({ validTo: on, updatedAt: sql`now()` }).where(eq(units.id, Number(u.id))).returning();
    const after = toUnit(row);
    await recordAudit(tx, access.identity, { operation: 'endUnit', unitId: u.id, target: u.code, before: { unit: u, facts, links: ls }, after: { unit: after } });
    return after;
  });
}

/**
 * A new fact version from `validFrom` on. The version in force that day ends the day before;
 * the new one runs until the next version starts (or open-ended). A version that starts on the
 * same day is a conflict (change that one instead of stacking a second).
 */
export async function changeUnitFacts(db: Db, access: Access, input: ChangeFactsInput): Promise<UnitRecord> {
  access.requireRole('EDITOR', '变更单位事实');
  return writeTransaction(db, access, 'unit', input.unit, async (tx) => {
    const u = await unitByCode(tx, input.unit, 'input.unit', access);
    if (!within(input.validFrom, u.validFrom, u.validTo)) {
      throw new BadInputError('input.validFrom', `${input.validFrom} 不在 ${u.code} 的存续期内`);
    }
    const facts = await resolveFacts(tx, input, 'input', access);
    if (facts.localityId === Number(u.id) || facts.competentDepartmentId === Number(u.id)) {
      throw new BadInputError(facts.localityId === Number(u.id) ? 'input.locality' : 'input.competentDepartment', '单位不能以自身为属地或主管部门');
    }
    const versions = await factsByUnitIds(tx, [u.id]);
    if (versions.some((v) => v.validFrom === input.validFrom)) {
      throw new ConflictError('input.validFrom', `${input.validFrom} 起已有一个事实版本`);
    }
    const next = versions.find((v) => v.validFrom > input.validFrom);
    const current = versions.find((v) => within(input.validFrom, v.validFrom, v.validTo));
    if (current) await tx.update(unitFacts).set({ validTo: addDays(input.validFrom, -1) }).where(eq(unitFacts.id, Number(current.id)));
    const validTo = next ? addDays(next.validFrom, -1) : current?.validTo && current.validTo >= input.validFrom ? current.validTo : u.validTo;
    await tx.insert(unitFacts).values({ unitId: Number(u.id), validFrom: input.validFrom, validTo, ...facts });
    await tx.update(units).set({ updatedAt: sql`now()` }).where(eq(units.id, Number(u.id)));
    await recordAudit(tx, access.identity, { operation: 'changeUnitFacts', unitId: u.id, target: u.code, before: versions, after: await factsByUnitIds(tx, [u.id]) });
    return u;
  });
}

export async function createLink(db: Db, access: Access, input: CreateLinkInput): Promise<LinkRecord> {
  access.requireRole('ADMIN', '管理关系');
  const c = newChecker();
  checkLink(c, { ...input, validTo: input.validTo ?? null, flavour: input.flavour ?? null, basis: input.basis ?? null }, 'input');
  throwFirst(c.problems);
  return writeTransaction(db, access, 'unit', input.to, async (tx) => { // the checks below read the links into `to`
    const from = await unitByCode(tx, input.from, 'input.from', access);
    const to = await unitByCode(tx, input.to, 'input.to', access);
    const same = (await linksInto(tx, [to.id])).find((l) => l.fromId === from.id && l.kind === input.kind && l.validFrom === input.validFrom);
    if (same) throw new ConflictError('input.validFrom', `已有同一上下级、同类型、同起始日期的关系（#${same.id}）`);
    const overlapping = (await linksInto(tx, [to.id])).find((l) => l.fromId === from.id && l.kind === input.kind && overlaps(l.validFrom, l.validTo, input.validFrom, input.validTo ?? null));
    if (overlapping) throw new ConflictError('input.validFrom', `与已有关系 #${overlapping.id}（${overlapping.validFrom}–${overlapping.validTo ?? '…'}）时间重叠`);
    const [row] = await tx.insert(links).values({
      fromId: Number(from.id), toId: Number(to.id), kind: input.kind, flavour: input.flavour ?? null,
      validFrom: input.validFrom, validTo: input.validTo ?? null, basis: input.basis ?? null,
    }).returning();
    const link = toLink(row);
    await recordAudit(tx, access.identity, { operation: 'createLink', unitId: to.id, target: `link #${link.id} ${from.code}→${to.code}`, after: link });
    return link;
  });
}

/** A link the caller may manage: both its ends inside the jurisdiction (else as if absent). */
async function writableLink(tx: Db, access: Access, id: string, field: string): Promise<LinkRecord> {
  const l = await linkById(tx, id);
  if (l && (await access.canSee(l.fromId)) && (await access.canSee(l.toId))) return l;
  throw refusal(access, field, `未知关系：${id}`, `关系 ${id}`);
}

export async function updateLink(db: Db, access: Access, input: UpdateLinkInput): Promise<LinkRecord> {
  access.requireRole('ADMIN', '管理关系');
  return writeTransaction(db, access, 'link', input.id, async (tx) => {
    const l = await writableLink(tx, access, input.id, 'input.id');
    const next = {
      flavour: input.flavour !== undefined ? input.flavour : l.flavour,
      validTo: input.validTo !== undefined ? input.validTo : l.validTo,
      basis: input.basis !== undefined ? input.basis : l.basis,
    };
    const c = newChecker();
    checkLink(c, { from: 'X', to: 'Y', kind: l.kind, validFrom: l.validFrom, ...next }, 'input');
    throwFirst(c.problems);
    const [row] = await tx.update(links).set({ ...next, updatedAt: sql`now()` }).where(eq(links.id, Number(l.id))).returning();
    const after = toLink(row);
    await recordAudit(tx, access.identity, { operation: 'updateLink', unitId: l.toId, target: `link #${l.id}`, before: l, after });
    return after;
  });
}

export async function endLink(db: Db, access: Access, id: string, on: Day): Promise<LinkRecord> {
  access.requireRole('ADMIN', '管理关系');
  return writeTransaction(db, access, 'link', id, async (tx) => {
    const l = await writableLink(tx, access, id, 'id');
    if (on < l.validFrom) throw new BadInputError('on', `终止日期 ${on} 早于关系起始日期 ${l.validFrom}`);
    if (l.validTo !== null && l.validTo < on) throw new ConflictError('on', `关系已于 ${l.validTo} 终止`);
    const [row] = await tx.update(links).set({ validTo: on, updatedAt: sql`now()` }).where(eq(links.id, Number(l.id))).returning();
    const after = toLink(row);
    await recordAudit(tx, access.identity, { operation: 'endLink', unitId: l.toId, target: `link #${l.id}`, before: l, after });
    return after;
  });
}
