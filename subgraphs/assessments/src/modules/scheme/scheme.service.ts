/**
 * Defining schemes (考核方案; DOMAIN.md "Assessments (考核评价)"). A scheme is checked whole (domain/scheme/validate.ts: every
 * problem with its field), its issuer must be a body in the caller's jurisdiction, and it is
 * idempotent by the issuer's key: the same scheme again changes nothing; a different scheme
 * under a used key is refused with CONFLICT (a scheme units were assessed under is never
 * rewritten). Schemes are readable by every caller: they are published to the units assessed.
 */
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  isRlsRefusal,
  isUniqueViolation,
  NotFoundError,
  outOfReach,
  requireRole,
  scopedTransaction,
  today,
  type Connection,
  type PageArgs,
} from '@tiaokuai/platform';
import { LeadershipIndex } from '@tiaokuai/leadership';
import { definitionOf, sameScheme } from '../../domain/scheme/definition';
import { validateScheme } from '../../domain/scheme/validate';
import type { AssessmentsContext } from '../../request';
import { isId } from '../shared/ids';
import { checkPage, NS, pageOf, schemeKey } from '../shared/pages';
import { insertScheme, schemeRowByKey, schemesWhere, toScheme, type SchemeRecord } from './scheme.store';

export type { SchemeRecord } from './scheme.store';

export async function defineScheme(ctx: AssessmentsContext, input: Record<string, unknown>): Promise<SchemeRecord> {
  requireRole(ctx.identity, 'EDITOR', '制定考核方案');
  const { scheme, problems } = validateScheme(input, 'input', Number(today().slice(0, 4)));
  if (!scheme) throw new BadInputError(problems[0].path, problems[0].message, { problems });
  const issuer = (await ctx.org.unitsByCode([scheme.issuer])).get(scheme.issuer);
  if (!issuer || !(await ctx.org.canSee(issuer.id))) throw unitOutOfReach(ctx, 'input.issuer', scheme.issuer);
  const definition = definitionOf(scheme);
  if (scheme.key) {
    const existing = await schemeRowByKey(ctx.db, issuer.id, scheme.key);
    if (existing) {
      if (sameScheme(existing, scheme)) return toScheme(existing, scheme.issuer);
      throw new ConflictError(
        'input.key',
        `key「${scheme.key}」已用于 ${scheme.issuer} 的考核方案 #${existing.id}「${existing.name}」：方案不覆盖，请换用新的 key`,
        { scheme: String(existing.id) },
      );
    }
  }
  try {
    return await scopedTransaction(ctx.db, ctx.org, ctx.identity, (tx) =>
      insertScheme(
        tx,
        {
          issuerId: issuer.id,
          key: scheme.key,
          year: scheme.year,
          name: scheme.name,
          definition,
          createdBy: ctx.identity.subject,
        },
        scheme.issuer,
      ),
    );
  } catch (e) {
    if (isRlsRefusal(e))
      throw new ForbiddenError(`无权以 ${scheme.issuer} 的名义制定考核方案`, { field: 'input.issuer' });
    if (isUniqueViolation(e))
      throw new ConflictError('input.key', `key「${scheme.key}」刚被另一请求使用：请刷新后重试`);
    throw e;
  }
}

/** A page of the schemes the caller may see (listSchemes), newest year first, then by id; nodes made by `node`. */
export async function schemesPage<N>(
  ctx: AssessmentsContext,
  filter: { issuer?: string | null; year?: number | null },
  page: PageArgs,
  node: (s: SchemeRecord) => N,
): Promise<Connection<N>> {
  checkPage(NS.schemes, page);
  return pageOf(NS.schemes, await listSchemes(ctx, filter), schemeKey, page, node);
}

export async function listSchemes(
  ctx: AssessmentsContext,
  filter: { issuer?: string | null; year?: number | null },
): Promise<SchemeRecord[]> {
  let issuerId: string | null = null;
  if (filter.issuer) {
    const u = (await ctx.org.unitsByCode([filter.issuer])).get(filter.issuer);
    if (!u) {
      // An issuer that does not exist lists nothing, as one whose schemes the caller may not see
      // does: only the operator, who sees every issuer, is told the code is unknown.
      if (ctx.identity.hubAdmin) throw new NotFoundError('issuer', `未知单位代码：${filter.issuer}`);
      return [];
    }
    issuerId = u.id;
  }
  return visibleSchemes(ctx, await schemesWhere(ctx.db, issuerId, filter.year));
}

/**
 * The schemes of `list` the caller may see, in order (docs/tour.md "Assessments"): the operator sees
 * all; anyone else those its own body issued, and those that assess a unit of its jurisdiction,
 * that is, whose issuer leads or guides (leadership's leadership.ts `relation`: directly or through
 * the bodies it leads) a unit of the jurisdiction on some day of the scheme's year. Any other
 * body's scheme, with its indicators, reads as absent.
 *
 * Cost: one question to org per year among the schemes (the jurisdiction's timelines over that
 * year, with every body above them, as the operator), then memory: the bodies that reach the
 * jurisdiction are collected once per year, whatever the number of schemes.
 */
export async function visibleSchemes(ctx: AssessmentsContext, list: SchemeRecord[]): Promise<SchemeRecord[]> {
  const visible = await ctx.org.visible();
  if (visible.all || list.length === 0) return list;
  const body = ctx.identity.body ? (await ctx.org.unitsByCode([ctx.identity.body])).get(ctx.identity.body) : null;
  const others = list.filter((s) => s.issuerId !== body?.id);
  const reaching = new Map<number, ReadonlySet<string>>();
  for (const year of new Set(others.map((s) => s.year)))
    reaching.set(year, await bodiesReaching(ctx, [...visible.ids], year));
  return list.filter((s) => s.issuerId === body?.id || reaching.get(s.year)!.has(s.issuerId));
}

/** Every body that leads or guides (as leadership.ts `relation` counts) one of `unitIds` on some day of `year`. */
async function bodiesReaching(ctx: AssessmentsContext, unitIds: string[], year: number): Promise<ReadonlySet<string>> {
  const out = new Set<string>();
  if (unitIds.length === 0) return out;
  const answer = await ctx.org.timelines({ units: unitIds, from: `${year}-01-01`, to: `${year}-12-31` });
  const index = new LeadershipIndex(answer.timelines);
  for (const id of unitIds) {
    for (const p of answer.timelines.get(id) ?? []) {
      // Periods are cut where the answer changes, so one day of each period stands for all of it.
      const day = p.from < `${year}-01-01` ? `${year}-01-01` : p.from;
      for (const b of index.bindingBodies(id, day)) out.add(b);
      for (const g of p.guides) {
        out.add(g);
        for (const b of index.bindingBodies(g, day)) out.add(b);
      }
    }
  }
  return out;
}

/**
 * A scheme the caller may see by id (Query.scheme, and a write naming a scheme): null for one that does not
 * exist or is out of sight, alike.
 */
export async function visibleScheme(ctx: AssessmentsContext, id: string): Promise<SchemeRecord | null> {
  const s = isId(id) ? await ctx.loaders.scheme.load(id) : null;
  if (!s) return null;
  return (await visibleSchemes(ctx, [s]))[0] ?? null;
}

/**
 * A unit a write names that the caller may not see, or that does not exist: NOT_FOUND for the
 * operator (who sees everything), platform's `outOfReach`'s one FORBIDDEN for anyone else, so the
 * answer does not tell which (ARCHITECTURE.md, "What callers may learn").
 */
export function unitOutOfReach(ctx: AssessmentsContext, field: string, code: string): Error {
  return ctx.identity.hubAdmin
    ? new NotFoundError(field, `未知单位代码：${code}`)
    : outOfReach(ctx.identity, field, code);
}

/**
 * A scheme that must exist: NOT_FOUND on `field` otherwise. With `visibleOnly` (a scheme id the
 * caller typed, as in a write), one the caller may not see (visibleSchemes) gets the same
 * NOT_FOUND; without it (the scheme of a record the caller already sees: a submission, a
 * result), the scheme is shown, as the units such records name are.
 */
export async function schemeOf(
  ctx: AssessmentsContext,
  id: string,
  field: string,
  opts: { visibleOnly?: boolean } = {},
): Promise<SchemeRecord> {
  const s = opts.visibleOnly ? await visibleScheme(ctx, id) : isId(id) ? await ctx.loaders.scheme.load(id) : null;
  if (!s) throw new NotFoundError(field, `未知考核方案：${id}`);
  return s;
}

/** A scheme by id, whoever asks (a federation reference: `Scheme` entities are resolved as they are named). */
export async function schemeById(ctx: AssessmentsContext, id: string): Promise<SchemeRecord | null> {
  return isId(id) ? ctx.loaders.scheme.load(id) : null;
}
