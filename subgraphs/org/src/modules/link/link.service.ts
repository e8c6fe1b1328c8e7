/**
 * Links: the writes (create, update, end; ADMIN inside its jurisdiction, both ends visible) and
 * the reads for the resolvers (a unit's links by page, an anomaly's links). Writes validate
 * with the import's entry check (domain/interchange/link-entry.ts), in one scoped, locked
 * transaction, with their audit entry.
 */
import {
  BadInputError,
  compareNumericKeys,
  ConflictError,
  isRowIdKey,
  pageOfList,
  pageWindow,
  type Db,
  type PageArgs,
} from '@tiaokuai/platform';
import { overlaps, within, type Day } from '@tiaokuai/leadership';
import { newChecker } from '../../domain/interchange/checker';
import { checkLink } from '../../domain/interchange/link-entry';
import { countsBy } from '../../domain/list-keys';
import {
  LINK_KINDS,
  type LeadershipFlavour,
  type LinkKind,
  type LinkRecord,
  type UnitRecord,
} from '../../domain/types';
import type { OrgContext } from '../../request';
import type { Access } from '../access/access';
import { recordAudit } from '../audit/audit.store';
import { LIST } from '../shared/lists';
import { refusal, throwFirst, writeTransaction } from '../shared/write';
import { writableUnit } from '../unit/unit.service';
import { insertLink, linkById, linksInto, updateLinkFields } from './link.store';

/** `createLink`'s input (link.input.ts `CreateLinkInput`): codes of the superior and the subordinate. */
export interface NewLink {
  from: string;
  to: string;
  kind: LinkKind;
  flavour?: LeadershipFlavour | null;
  validFrom: Day;
  validTo?: Day | null;
  basis?: string | null;
}

/** `updateLink`'s input: the link's id and the fields to change (absent fields stay). */
export interface LinkChanges {
  id: string;
  flavour?: LeadershipFlavour | null;
  validTo?: Day | null;
  basis?: string | null;
}

/**
 * `Unit.links`: the unit's links (a work committee declares thousands), filtered, in id order,
 * by page, with a summary of the whole filtered list by kind.
 */
export async function unitLinks(
  ctx: OrgContext,
  unit: UnitRecord,
  direction: 'IN' | 'OUT' | 'BOTH',
  kinds: LinkKind[] | null,
  asOf: Day | null,
  page: PageArgs,
) {
  await ctx.access.requireDetails(unit, 'links');
  const unitId = unit.id;
  const w = pageWindow(LIST.links, page, { validKey: isRowIdKey });
  const lists = await Promise.all([
    direction !== 'OUT' ? ctx.loaders.linksInto.load(unitId) : [],
    direction !== 'IN' ? ctx.loaders.linksOutOf.load(unitId) : [],
  ]);
  const list = lists
    .flat()
    .filter((l) => (!kinds || kinds.includes(l.kind)) && (!asOf || within(asOf, l.validFrom, l.validTo)))
    .sort((x, y) => compareNumericKeys(x.id, y.id));
  const conn = pageOfList(LIST.links, list, (l) => l.id, compareNumericKeys, w);
  const byKind = countsBy(list, (l) => l.kind, LINK_KINDS).map(({ value, count }) => ({ kind: value, count }));
  return { ...conn, summary: { total: list.length, byKind } };
}

/** `Anomaly.links`: the declared links into the anomaly's unit it names. */
export async function anomalyLinks(ctx: OrgContext, unitId: string, linkIds: string[]): Promise<LinkRecord[]> {
  if (linkIds.length === 0) return [];
  const ids = new Set(linkIds);
  const lists = await ctx.loaders.linksInto.load(unitId);
  return lists.filter((l) => ids.has(l.id));
}

export async function createLink(db: Db, access: Access, input: NewLink): Promise<LinkRecord> {
  access.requireRole('ADMIN', '管理关系');
  const c = newChecker();
  checkLink(
    c,
    { ...input, validTo: input.validTo ?? null, flavour: input.flavour ?? null, basis: input.basis ?? null },
    'input',
  );
  throwFirst(c.problems);
  return writeTransaction(db, access, 'unit', input.to, async (tx) => {
    // the checks below read the links into `to`
    const from = await writableUnit(tx, input.from, 'input.from', access);
    const to = await writableUnit(tx, input.to, 'input.to', access);
    const same = (await linksInto(tx, [to.id])).find(
      (l) => l.fromId === from.id && l.kind === input.kind && l.validFrom === input.validFrom,
    );
    if (same) throw new ConflictError('input.validFrom', `已有同一上下级、同类型、同起始日期的关系（#${same.id}）`);
    const overlapping = (await linksInto(tx, [to.id])).find(
      (l) =>
        l.fromId === from.id &&
        l.kind === input.kind &&
        overlaps(l.validFrom, l.validTo, input.validFrom, input.validTo ?? null),
    );
    if (overlapping)
      throw new ConflictError(
        'input.validFrom',
        `与已有关系 #${overlapping.id}（${overlapping.validFrom}–${overlapping.validTo ?? '…'}）时间重叠`,
      );
    const link = await insertLink(tx, {
      fromId: Number(from.id),
      toId: Number(to.id),
      kind: input.kind,
      flavour: input.flavour ?? null,
      validFrom: input.validFrom,
      validTo: input.validTo ?? null,
      basis: input.basis ?? null,
    });
    await recordAudit(tx, access.identity, {
      operation: 'createLink',
      unitId: to.id,
      target: `link #${link.id} ${from.code}→${to.code}`,
      after: link,
    });
    return link;
  });
}

/** A link the caller may manage: both its ends inside the jurisdiction (else as if absent). */
async function writableLink(tx: Db, access: Access, id: string, field: string): Promise<LinkRecord> {
  const l = await linkById(tx, id);
  if (l && (await access.canSee(l.fromId)) && (await access.canSee(l.toId))) return l;
  throw refusal(access, field, `未知关系：${id}`, `关系 ${id}`);
}

export async function updateLink(db: Db, access: Access, input: LinkChanges): Promise<LinkRecord> {
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
    const after = await updateLinkFields(tx, l.id, next);
    await recordAudit(tx, access.identity, {
      operation: 'updateLink',
      unitId: l.toId,
      target: `link #${l.id}`,
      before: l,
      after,
    });
    return after;
  });
}

export async function endLink(db: Db, access: Access, id: string, on: Day): Promise<LinkRecord> {
  access.requireRole('ADMIN', '管理关系');
  return writeTransaction(db, access, 'link', id, async (tx) => {
    const l = await writableLink(tx, access, id, 'id');
    if (on < l.validFrom) throw new BadInputError('on', `终止日期 ${on} 早于关系起始日期 ${l.validFrom}`);
    if (l.validTo !== null && l.validTo < on) throw new ConflictError('on', `关系已于 ${l.validTo} 终止`);
    const after = await updateLinkFields(tx, l.id, { validTo: on });
    await recordAudit(tx, access.identity, {
      operation: 'endLink',
      unitId: l.toId,
      target: `link #${l.id}`,
      before: l,
      after,
    });
    return after;
  });
}
