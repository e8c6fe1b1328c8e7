/**
 * Managing responsibility lists (责任清单; DOMAIN.md "Tasks (任务)"). An item belongs to a body, its owner (a work
 * committee, party group or organ party committee), or to the whole hub (no owner: the duties
 * the regulation itself sets).
 * - An owner's items are defined, changed and retired by an EDITOR or ADMIN whose jurisdiction
 *   (as org answers it) holds the owner; the database policy says the same (migration 0005).
 * - Hub-wide items only by the hub's operator.
 * - An owner the caller may not see, or a code naming no unit, is refused as out of reach
 *   (FORBIDDEN, ARCHITECTURE.md "What callers may learn"); the operator, who sees everything, is
 *   told BAD_USER_INPUT for a code naming no unit. A unit that issues no list (a branch, a
 *   grassroots unit) is BAD_USER_INPUT on `owner`.
 * Every change is kept (required_item_changes: the item after the change, who, when). An item
 * is never deleted (tasks refer to it): retiring it stops it being required in periods that
 * begin on or after the day given; defining it again reinstates it.
 */
import { BadInputError, ConflictError, ForbiddenError, NotFoundError, outOfReach, requireRole, today, scopedTransaction } from '@tiaokuai/platform';
import { isDay } from '@tiaokuai/leadership';
import { and, eq, sql } from 'drizzle-orm';
import type { TasksContext } from '../context';
import { requiredItems } from '../db/schema';
import { LIST_OWNER_KINDS, validateRequiredItem, type Problem } from '../domain/validate';
import { recordItemChange, requiredItemRows, toRequiredItemRow, upsertRequiredItem, type RequiredItemRow } from './task.store';

/** A problem found resolving owners: FORBIDDEN (out of reach) or BAD_USER_INPUT. */
export interface OwnerProblem extends Problem {
  code: 'FORBIDDEN' | 'BAD_USER_INPUT';
}

/**
 * The owners named (unit codes, each with the path of the field naming it) as org unit ids, and
 * every problem: out of the caller's reach, no such unit, not a body that issues lists. A null
 * code (hub-wide) needs the operator.
 */
export async function resolveOwners(ctx: TasksContext, named: ReadonlyArray<{ owner: string | null; path: string }>): Promise<{ ids: Map<string, string>; problems: OwnerProblem[] }> {
  const problems: OwnerProblem[] = [];
  const codes = [...new Set(named.map((n) => n.owner).filter((c): c is string => !!c))];
  const units = await ctx.org.unitsByCode(codes);
  // unitsByCode answers under leadership-facts, whatever the caller's sight: sight is asked apart.
  const visible = await ctx.org.visible();
  const ids = new Map<string, string>();
  for (const { owner, path } of named) {
    if (!owner) {
      if (!ctx.identity.hubAdmin) problems.push({ path, code: 'FORBIDDEN', message: '全平台责任清单（不给出 owner 的事项）由平台运营方统一维护；本单位的清单请给出 owner' });
      continue;
    }
    const found = units.get(owner);
    const unit = found && (visible.all || visible.ids.has(found.id)) ? found : null;
    if (!unit) {
      problems.push(ctx.identity.hubAdmin
        ? { path, code: 'BAD_USER_INPUT', message: `未知单位代码：${owner}` }
        : { path, code: 'FORBIDDEN', message: outOfReach(ctx.identity, path, owner).message });
    } else if (!LIST_OWNER_KINDS.includes(unit.kind)) {
      problems.push({ path, code: 'BAD_USER_INPUT', message: `${owner} 不能发布责任清单：清单属于机关工委、党组（党委）或机关党委（实为 ${unit.kind}）` });
    } else {
      ids.set(owner, unit.id);
    }
  }
  return { ids, problems };
}

/** The first problem as an error (FORBIDDEN before bad input), every problem in `extensions.problems`. */
export function raiseOwnerProblems(problems: readonly OwnerProblem[]): void {
  if (problems.length === 0) return;
  const first = problems.find((p) => p.code === 'FORBIDDEN') ?? problems[0];
  const extra = { problems: problems.map(({ path, message }) => ({ path, message })) };
  if (first.code === 'FORBIDDEN') throw new ForbiddenError(first.message, { field: first.path, ...extra });
  throw new BadInputError(first.path, first.message, extra);
}

/** The owner's id (null: hub-wide), checked for the caller; throws on any problem. */
async function ownerFor(ctx: TasksContext, owner: string | null, path: string): Promise<string | null> {
  if (owner) requireRole(ctx.identity, 'EDITOR', '维护本单位的责任清单');
  const { ids, problems } = await resolveOwners(ctx, [{ owner, path }]);
  raiseOwnerProblems(problems);
  return owner ? ids.get(owner)! : null;
}

/** Creates an item, or changes one (and reinstates it if it was retired). */
export async function defineRequiredItem(ctx: TasksContext, input: Record<string, unknown>): Promise<RequiredItemRow> {
  const { spec, problems } = validateRequiredItem(input, 'input');
  if (!spec) throw new BadInputError(problems[0].path, problems[0].message, { problems });
  const ownerId = await ownerFor(ctx, spec.owner, 'input.owner');
  return scopedTransaction(ctx.db, ctx.org, ctx.identity, (tx) => upsertRequiredItem(tx, ownerId, spec, ctx.identity, 'DEFINE', true));
}

/** Retires an item (owner, code) from `on` (default today): periods beginning on or after it no longer require it. */
export async function retireRequiredItem(ctx: TasksContext, code: string, owner: string | null, on: string | null): Promise<RequiredItemRow> {
  const day = on ?? today();
  if (!isDay(day)) throw new BadInputError('on', `不是有效日期：${day}`);
  const ownerId = await ownerFor(ctx, owner, 'owner');
  const current = (await requiredItemRows(ctx.db)).find((i) => i.code === code && i.ownerId === ownerId);
  if (!current) throw new NotFoundError('code', owner ? `${owner} 的责任清单中没有事项：${code}` : `未知的全平台责任清单事项：${code}`);
  if (current.retiredOn) throw new ConflictError('code', `事项 ${code} 已于 ${current.retiredOn} 停用`);
  return scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const [row] = await tx.update(requiredItems).set({ retiredOn: day, updatedAt: sql`now()` })
      .where(and(eq(requiredItems.id, Number(current.id)), sql`${requiredItems.retiredOn} is null`)).returning();
    if (!row) throw new ConflictError('code', `事项 ${code} 刚被停用`);
    await recordItemChange(tx, row, 'RETIRE', ctx.identity);
    return toRequiredItemRow(row);
  });
}
