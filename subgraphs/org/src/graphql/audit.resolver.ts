import { connectionFromRows, PageArgsType, pageWindow, type Connection } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { scopedTransaction } from '../access/rls';
import type { OrgContext } from '../context';
import { countAudit, listAudit, type AuditEntry as Entry } from '../audit/audit.store';
import { AuditEntryType } from './audit.type';
import { AuditEntryConnection } from './connections';
import { Unit } from './types';

export { AuditEntryType };

/** The cursor namespace of auditLog: its cursors are refused by every other list. */
const AUDIT_NS = 'auditLog';

/** Audit ids are bigint identities: a cursor names one (positive, at most 18 digits). */
const isAuditId = (key: string) => /^[1-9]\d{0,17}$/.test(key);

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description: 'The audit trail, newest first (ADMIN: entries about units in the jurisdiction; operator: all), in pages of at most 500: '
      + '`first`/`after` go back in time, `last`/`before` forwards',
  })
  async auditLog(
    @Arg('unit', () => String, { nullable: true, description: 'Only entries about this unit (code)' }) unit: string | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ): Promise<Connection<Entry>> {
    ctx.access.requireRole('ADMIN', '查看留痕记录');
    const w = pageWindow(AUDIT_NS, page, { validKey: isAuditId });
    let unitId: string | undefined;
    if (unit) {
      const u = await ctx.loaders.unitByCode.load(unit);
      if (!u || !(await ctx.access.canSee(u.id))) return connectionFromRows(AUDIT_NS, [], (e: Entry) => e.id, w, 0);
      unitId = u.id;
    }
    const v = await ctx.access.visible();
    const filter = { unitIds: v.all ? undefined : [...v.ids], unitId };
    // Read in a scoped transaction: the audit log's row-level security (migration 0003) holds
    // the page to the jurisdiction even if the filter here were wrong.
    const [rows, total] = await scopedTransaction(ctx.db, ctx.access, async (tx) => [await listAudit(tx, filter, w), await countAudit(tx, filter)] as const);
    return connectionFromRows(AUDIT_NS, rows, (e) => e.id, w, total);
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit concerned (for a link: its subordinate end)' })
  unit(@Root() e: Entry, @Ctx() ctx: OrgContext) {
    return e.unitId ? ctx.loaders.unitById.load(e.unitId) : null;
  }
}
