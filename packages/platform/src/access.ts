import { sql } from 'drizzle-orm';
import type { Db } from './db';
import { ForbiddenError } from './errors';
import type { Identity, Role } from './identity';

const RANK: Record<Role, number> = { VIEWER: 0, EDITOR: 1, ADMIN: 2 };

/** Refuses a caller whose role is below `role` (VIEWER < EDITOR < ADMIN); the hub's operator passes. */
export function requireRole(identity: Identity, role: Role, what: string): void {
  if (identity.hubAdmin) return;
  if (RANK[identity.role] < RANK[role]) throw new ForbiddenError(`${what}需要 ${role} 角色（当前 ${identity.role}）`);
}

/**
 * The statement that opens every write transaction under row-level security (org migration
 * 0003, tasks migration 0001): the caller's rights as transaction-local settings, never per
 * session. `hub.scope` is 'all' (the operator) or 'units', `hub.units` the jurisdiction's ids
 * as an array literal, `hub.role` the role the policies compare.
 */
export async function declareHubScope(
  tx: Db,
  visibility: { all: true } | { all: false; ids: Iterable<string> },
  role: Role,
): Promise<void> {
  const units = visibility.all ? '' : `{${[...visibility.ids].join(',')}}`;
  await tx.execute(sql`select set_config('hub.scope', ${visibility.all ? 'all' : 'units'}, true),
    set_config('hub.units', ${units}, true), set_config('hub.role', ${role}, true)`);
}

/**
 * The one answer to a write that names a unit (or a record) the caller may not see, whether it
 * exists or not (ARCHITECTURE.md, "What callers may learn"): FORBIDDEN naming the field, the
 * message the same but for the code the caller sent. Every subgraph uses it, so an existing
 * unit outside the jurisdiction and a code that names nothing cannot be told apart.
 */
export function outOfReach(identity: Identity, field: string, what: string): ForbiddenError {
  return new ForbiddenError(`${field}：${what} 不在本单位（${identity.body ?? '—'}）的管辖范围内或不存在`, { field });
}
