/**
 * Reading the audit trail (数据留痕): ADMIN only, entries about units in the jurisdiction (the
 * operator: all), newest first, by page.
 */
import { connectionFromRows, pageWindow, type Connection, type PageArgs } from '@tiaokuai/platform';
import type { OrgContext } from '../../request';
import { scopedTransaction } from '../access/rls';
import { countAudit, listAudit, type AuditEntry } from './audit.store';

export type { AuditEntry } from './audit.store';

/** The cursor namespace of auditLog: its cursors are refused by every other list. */
const AUDIT_NS = 'auditLog';

/** Audit ids are bigint identities: a cursor names one (positive, at most 18 digits). */
const isAuditId = (key: string) => /^[1-9]\d{0,17}$/.test(key);

/** `auditLog`: the trail (only about the unit with code `unit`, when given) by page. */
export async function auditLog(ctx: OrgContext, unit: string | null, page: PageArgs): Promise<Connection<AuditEntry>> {
  ctx.access.requireRole('ADMIN', '查看留痕记录');
  const w = pageWindow(AUDIT_NS, page, { validKey: isAuditId });
  let unitId: string | undefined;
  if (unit) {
    const u = await ctx.loaders.unitByCode.load(unit);
    if (!u || !(await ctx.access.canSee(u.id))) return connectionFromRows(AUDIT_NS, [], (e: AuditEntry) => e.id, w, 0);
    unitId = u.id;
  }
  const v = await ctx.access.visible();
  const filter = { unitIds: v.all ? undefined : [...v.ids], unitId };
  // Read in a scoped transaction: the audit log's row-level security (migration 0003) holds
  // the page to the jurisdiction even if the filter here were wrong.
  const [rows, total] = await scopedTransaction(
    ctx.db,
    ctx.access,
    async (tx) => [await listAudit(tx, filter, w), await countAudit(tx, filter)] as const,
  );
  return connectionFromRows(AUDIT_NS, rows, (e) => e.id, w, total);
}

/** `AuditEntry.unit`: the unit concerned (for a link: its subordinate end). */
export const auditedUnit = (ctx: OrgContext, e: AuditEntry) => (e.unitId ? ctx.loaders.unitById.load(e.unitId) : null);
