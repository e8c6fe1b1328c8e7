/**
 * Defining schemes (考核方案; issue 5 §1). A scheme is checked whole (domain/scheme.ts: every
 * problem with its field), its issuer must be a body in the caller's jurisdiction, and it is
 * idempotent by the issuer's key: the same scheme again changes nothing; a different scheme
 * under a used key is refused with CONFLICT (a scheme units were assessed under is never
 * rewritten). Schemes are readable by every caller: they are published to the units assessed.
 */
import { BadInputError, ConflictError, ForbiddenError, isRlsRefusal, isUniqueViolation, NotFoundError, requireRole, rowsOf, scopedTransaction, today } from '@tiaokuai/common';
import { sql } from 'drizzle-orm';
import type { AssessmentsContext } from '../context';
import { schemes } from '../db/schema';
import { validateScheme, type Scheme } from '../domain/scheme';
import { isId, toScheme, type SchemeDefinition, type SchemeRecord } from './store';

/** JSON with sorted keys: two definitions are the same scheme when these are equal. */
export const canonical = (v: unknown): string => JSON.stringify(v, (_k, x) => (x && typeof x === 'object' && !Array.isArray(x)
  ? Object.fromEntries(Object.keys(x).sort().map((k) => [k, (x as Record<string, unknown>)[k]])) : x));

/** What a scheme row's `definition` holds (the rest of a Scheme is in columns). */
export const definitionOf = (s: Scheme): SchemeDefinition => ({
  indicators: s.indicators, evaluatorGroups: s.evaluatorGroups, gradeBands: s.gradeBands, combination: s.combination, opinionWeight: s.opinionWeight,
});

/** A stored scheme row is `scheme` (same year, name and definition): defining it again changes nothing. */
export const sameScheme = (stored: Record<string, any>, scheme: Scheme): boolean => Number(stored.year) === scheme.year && stored.name === scheme.name
  && canonical(typeof stored.definition === 'string' ? JSON.parse(stored.definition) : stored.definition) === canonical(definitionOf(scheme));

export async function defineScheme(ctx: AssessmentsContext, input: Record<string, unknown>): Promise<SchemeRecord> {
  requireRole(ctx.identity, 'EDITOR', '制定考核方案');
  const { scheme, problems } = validateScheme(input, 'input', Number(today().slice(0, 4)));
  if (!scheme) throw new BadInputError(problems[0].path, problems[0].message, { problems });
  const issuer = (await ctx.org.unitsByCode([scheme.issuer])).get(scheme.issuer);
  if (!issuer || !(await ctx.org.canSee(issuer.id))) throw new NotFoundError('input.issuer', `未知单位代码：${scheme.issuer}`);
  const definition = definitionOf(scheme);
  if (scheme.key) {
    const [existing] = await rowsOf<Record<string, any>>(ctx.db, sql`select * from assessments.schemes where issuer_id = ${Number(issuer.id)} and key = ${scheme.key}`);
    if (existing) {
      if (sameScheme(existing, scheme)) return toScheme(existing, scheme.issuer);
      throw new ConflictError('input.key', `key「${scheme.key}」已用于 ${scheme.issuer} 的考核方案 #${existing.id}「${existing.name}」：方案不覆盖，请换用新的 key`, { scheme: String(existing.id) });
    }
  }
  try {
    const row = await scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
      const [r] = await tx.insert(schemes).values({
        issuerId: Number(issuer.id), key: scheme.key, year: scheme.year, name: scheme.name, definition, createdBy: ctx.identity.subject,
      }).returning();
      return r;
    });
    return toScheme({ ...row, issuer_id: row.issuerId, created_by: row.createdBy, created_at: row.createdAt }, scheme.issuer);
  } catch (e) {
    if (isRlsRefusal(e)) throw new ForbiddenError(`无权以 ${scheme.issuer} 的名义制定考核方案`, { field: 'input.issuer' });
    if (isUniqueViolation(e)) throw new ConflictError('input.key', `key「${scheme.key}」刚被另一请求使用：请刷新后重试`);
    throw e;
  }
}

export async function listSchemes(ctx: AssessmentsContext, filter: { issuer?: string | null; year?: number | null }): Promise<SchemeRecord[]> {
  let issuerId: string | null = null;
  if (filter.issuer) {
    const u = (await ctx.org.unitsByCode([filter.issuer])).get(filter.issuer);
    if (!u) throw new NotFoundError('issuer', `未知单位代码：${filter.issuer}`);
    issuerId = u.id;
  }
  const rows = await rowsOf<Record<string, any>>(ctx.db, sql`select * from assessments.schemes where true
    ${issuerId ? sql`and issuer_id = ${Number(issuerId)}` : sql``} ${filter.year != null ? sql`and year = ${filter.year}` : sql``} order by year desc, id`);
  return rows.map((r) => toScheme(r));
}

/** A scheme that must exist: NOT_FOUND on `field` otherwise. */
export async function schemeOf(ctx: AssessmentsContext, id: string, field: string): Promise<SchemeRecord> {
  const s = isId(id) ? await ctx.loaders.scheme.load(id) : null;
  if (!s) throw new NotFoundError(field, `未知考核方案：${id}`);
  return s;
}
