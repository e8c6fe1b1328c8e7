/**
 * The audit trail (数据留痕, issue 3): every mutation records who (subject, body, role), when,
 * the request id, what it touched and the state before and after, in the same transaction as
 * the change itself: a write without its record cannot commit, and a refused or failed write
 * leaves neither. The table is append-only (migration 0002's triggers refuse UPDATE, DELETE
 * and TRUNCATE); the application has no code path that changes a row.
 */
import { sql } from 'drizzle-orm';
import { rowsOf, type Db, type Identity } from '@tiaokuai/common';

export interface AuditInput {
  operation: string;
  /** The unit the change concerns (for a link: its subordinate end), for filtering by jurisdiction. */
  unitId?: string | null;
  /** Human-readable: a unit code, `link #12`, `import`. */
  target: string;
  before?: unknown;
  after?: unknown;
}

export interface AuditEntry {
  id: string;
  at: string;
  subject: string;
  body: string | null;
  role: string;
  hubAdmin: boolean;
  requestId: string | null;
  operation: string;
  unitId: string | null;
  target: string;
  before: unknown;
  after: unknown;
}

const json = (v: unknown) => (v === undefined || v === null ? null : JSON.stringify(v));

export async function recordAudit(tx: Db, who: Identity, e: AuditInput): Promise<void> {
  await tx.execute(sql`insert into org.audit_log (subject, body, role, hub_admin, request_id, operation, unit_id, target, before, after)
    values (${who.subject}, ${who.body}, ${who.role}, ${who.hubAdmin}, ${who.requestId ?? null}, ${e.operation},
      ${e.unitId == null ? null : Number(e.unitId)}, ${e.target}, ${json(e.before)}::jsonb, ${json(e.after)}::jsonb)`);
}

interface Row {
  id: string | number; at: string | Date; subject: string; body: string | null; role: string; hub_admin: boolean;
  request_id: string | null; operation: string; unit_id: number | null; target: string; before: unknown; after: unknown;
}

/**
 * Newest first, in pages by id. `unitIds`: only entries about these units (a jurisdiction);
 * absent = every entry (the operator).
 */
export async function listAudit(db: Db, opts: { unitIds?: readonly string[]; unitId?: string; beforeId?: string; limit: number }): Promise<AuditEntry[]> {
  const where = [sql`true`];
  if (opts.unitIds) where.push(opts.unitIds.length ? sql`unit_id = any(${`{${opts.unitIds.map(Number).join(',')}}`}::int[])` : sql`false`);
  if (opts.unitId) where.push(sql`unit_id = ${Number(opts.unitId)}`);
  if (opts.beforeId) where.push(sql`id < ${Number(opts.beforeId)}`);
  const rows = await rowsOf<Row>(db, sql`select id, at, subject, body, role, hub_admin, request_id, operation, unit_id, target, before, after
    from org.audit_log where ${sql.join(where, sql` and `)} order by id desc limit ${opts.limit}`);
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return rows.map((r) => ({
    id: String(r.id), at: new Date(r.at).toISOString(), subject: r.subject, body: r.body, role: r.role, hubAdmin: r.hub_admin,
    requestId: r.request_id, operation: r.operation, unitId: r.unit_id == null ? null : String(r.unit_id), target: r.target,
    before: parse(r.before), after: parse(r.after),
  }));
}
