/**
 * The audit trail (数据留痕; ARCHITECTURE.md "What callers may learn"): every mutation records who (subject,
 * body, role), when, the request id, what it touched and the state before and after, in the same transaction
 * as the change itself: a write without its record cannot commit, and a refused or failed write leaves
 * neither. The table is append-only (migration 0002's triggers refuse UPDATE, DELETE and TRUNCATE); the
 * application has no code path that changes a row.
 */
import { sql, type SQL } from 'drizzle-orm';
import { rowsOf, type Db, type Identity, type PageWindow, type Role } from '@tiaokuai/platform';
import type { AuditOperation } from '../../domain/types';

export interface AuditInput {
  operation: AuditOperation;
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
  role: Role;
  hubAdmin: boolean;
  requestId: string | null;
  operation: AuditOperation;
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
  id: string | number;
  at: string | Date;
  subject: string;
  body: string | null;
  role: Role;
  hub_admin: boolean;
  request_id: string | null;
  operation: AuditOperation;
  unit_id: number | null;
  target: string;
  before: unknown;
  after: unknown;
}

/**
 * Which entries a read covers. `unitIds`: only entries about these units (a jurisdiction); absent = every
 * entry (the operator).
 */
export interface AuditFilter {
  unitIds?: readonly string[];
  unitId?: string;
}

function filterSql(f: AuditFilter): SQL[] {
  const where = [sql`true`];
  if (f.unitIds)
    where.push(f.unitIds.length ? sql`unit_id = any(${`{${f.unitIds.map(Number).join(',')}}`}::int[])` : sql`false`);
  if (f.unitId) where.push(sql`unit_id = ${Number(f.unitId)}`);
  return where;
}

/**
 * One page of the trail, newest first (by id, descending), read by key: at most `w.size + 1`
 * entries strictly between the cursors, in the direction asked (newest first for `first`,
 * oldest first for `last`), as `connectionFromRows` takes them. `after`/`before` are ids.
 */
export async function listAudit(db: Db, f: AuditFilter, w: PageWindow): Promise<AuditEntry[]> {
  const where = filterSql(f);
  // The list runs from the newest id down: "after" a cursor is an older (smaller) id.
  if (w.after !== null) where.push(sql`id < ${Number(w.after)}`);
  if (w.before !== null) where.push(sql`id > ${Number(w.before)}`);
  const order = w.fromEnd ? sql`id asc` : sql`id desc`;
  const rows = await rowsOf<Row>(
    db,
    sql`select id, at, subject, body, role, hub_admin, request_id, operation, unit_id, target, before, after
    from org.audit_log where ${sql.join(where, sql` and `)} order by ${order} limit ${w.size + 1}`,
  );
  const parse = (v: unknown) => (typeof v === 'string' ? JSON.parse(v) : v);
  return rows.map((r) => ({
    id: String(r.id),
    at: new Date(r.at).toISOString(),
    subject: r.subject,
    body: r.body,
    role: r.role,
    hubAdmin: r.hub_admin,
    requestId: r.request_id,
    operation: r.operation,
    unitId: r.unit_id == null ? null : String(r.unit_id),
    target: r.target,
    before: parse(r.before),
    after: parse(r.after),
  }));
}

/** Entries the filter covers, every page. */
export async function countAudit(db: Db, f: AuditFilter): Promise<number> {
  const [row] = await rowsOf<{ n: number | string }>(
    db,
    sql`select count(*)::int as n from org.audit_log where ${sql.join(filterSql(f), sql` and `)}`,
  );
  return Number(row?.n ?? 0);
}
