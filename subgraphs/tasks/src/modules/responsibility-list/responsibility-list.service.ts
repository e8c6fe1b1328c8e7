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
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  outOfReach,
  requireRole,
  today,
  scopedTransaction,
} from '@tiaokuai/platform';
import { isDay } from '@tiaokuai/leadership';
import type { RequiredItemRow } from '../../domain/records';
import { responsibilityList, type ResponsibilityEntry } from '../../domain/responsibility-list';
import { LIST_OWNER_KINDS, type Problem } from '../../domain/validate';
import { validateRequiredItem } from '../../domain/validate-required-item';
import type { TasksContext } from '../../request';
import { unitYear } from '../finding/finding.service';
import { requiredItemRows, retireItem, upsertRequiredItem } from './responsibility-list.store';

/** A problem found resolving owners: FORBIDDEN (out of reach) or BAD_USER_INPUT. */
export interface OwnerProblem extends Problem {
  code: 'FORBIDDEN' | 'BAD_USER_INPUT';
}

/**
 * The owners named (unit codes, each with the path of the field naming it) as org unit ids, and
 * every problem: out of the caller's reach, no such unit, not a body that issues lists. A null
 * code (hub-wide) needs the operator.
 */
export async function resolveOwners(
  ctx: TasksContext,
  named: ReadonlyArray<{ owner: string | null; path: string }>,
): Promise<{ ids: Map<string, string>; problems: OwnerProblem[] }> {
  const problems: OwnerProblem[] = [];
  const codes = [...new Set(named.map((n) => n.owner).filter((c): c is string => !!c))];
  const units = await ctx.org.unitsByCode(codes);
  // unitsByCode answers under leadership-facts, whatever the caller's sight: sight is asked apart.
  const visible = await ctx.org.visible();
  const ids = new Map<string, string>();
  for (const { owner, path } of named) {
    if (!owner) {
      if (!ctx.identity.hubAdmin)
        problems.push({
          path,
          code: 'FORBIDDEN',
          message: '全平台责任清单（不给出 owner 的事项）由平台运营方统一维护；本单位的清单请给出 owner',
        });
      continue;
    }
    const found = units.get(owner);
    const unit = found && (visible.all || visible.ids.has(found.id)) ? found : null;
    if (!unit) {
      problems.push(
        ctx.identity.hubAdmin
          ? { path, code: 'BAD_USER_INPUT', message: `未知单位代码：${owner}` }
          : { path, code: 'FORBIDDEN', message: outOfReach(ctx.identity, path, owner).message },
      );
    } else if (!LIST_OWNER_KINDS.includes(unit.kind)) {
      problems.push({
        path,
        code: 'BAD_USER_INPUT',
        message: `${owner} 不能发布责任清单：清单属于机关工委、党组（党委）或机关党委（实为 ${unit.kind}）`,
      });
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

/** An item as given to defineRequiredItem (checked by domain/validate.ts). */
export interface RequiredItemRequest {
  owner?: string | null;
  code: string;
  name: string;
  kinds: string[];
  frequency: string;
  description?: string | null;
}

/** Creates an item, or changes one (and reinstates it if it was retired). */
export async function defineRequiredItem(ctx: TasksContext, input: RequiredItemRequest): Promise<RequiredItemRow> {
  const { spec, problems } = validateRequiredItem({ ...input }, 'input');
  if (!spec) throw new BadInputError(problems[0].path, problems[0].message, { problems });
  const ownerId = await ownerFor(ctx, spec.owner, 'input.owner');
  return scopedTransaction(ctx.db, ctx.org, ctx.identity, (tx) =>
    upsertRequiredItem(tx, ownerId, spec, ctx.identity, 'DEFINE', true),
  );
}

/** Retires an item (owner, code) from `on` (default today): periods beginning on or after it no longer require it. */
export async function retireRequiredItem(
  ctx: TasksContext,
  code: string,
  owner: string | null,
  on: string | null,
): Promise<RequiredItemRow> {
  const day = on ?? today();
  if (!isDay(day)) throw new BadInputError('on', `不是有效日期：${day}`);
  const ownerId = await ownerFor(ctx, owner, 'owner');
  const current = (await requiredItemRows(ctx.db)).find((i) => i.code === code && i.ownerId === ownerId);
  if (!current)
    throw new NotFoundError(
      'code',
      owner ? `${owner} 的责任清单中没有事项：${code}` : `未知的全平台责任清单事项：${code}`,
    );
  if (current.retiredOn) throw new ConflictError('code', `事项 ${code} 已于 ${current.retiredOn} 停用`);
  return scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const row = await retireItem(tx, current.id, day, ctx.identity);
    if (!row) throw new ConflictError('code', `事项 ${code} 刚被停用`);
    return row;
  });
}

/**
 * The lists (`requiredItems`): retired items only when asked, only `owner`'s list (a unit code;
 * one naming no unit keeps nothing) when given.
 */
export async function listRequiredItems(
  ctx: TasksContext,
  includeRetired: boolean,
  owner: string | null,
): Promise<RequiredItemRow[]> {
  const ownerId = owner ? ((await ctx.org.unitsByCode([owner])).get(owner)?.id ?? '-') : null;
  return (await requiredItemRows(ctx.db)).filter(
    (r) => (includeRetired || !r.retiredOn) && (!owner || r.ownerId === ownerId),
  );
}

/**
 * `Unit.responsibilityList(year)`: the unit's 责任清单 page in one query (DOMAIN.md "Tasks (任务)"). One question
 * to org for the unit's leadership over the year (with every body above it), one statement for
 * its assignments, the lists; then the pure rules (list-reach.ts, detectors' MISSING,
 * responsibility-list.ts). Null when the caller may not see the unit.
 */
export async function unitResponsibilityList(
  ctx: TasksContext,
  unitId: string,
  year: number,
): Promise<ResponsibilityEntry[] | null> {
  const y = await unitYear(ctx, unitId, year);
  return (
    y &&
    responsibilityList({
      unitId,
      unitKind: y.unit.kind,
      from: y.from,
      to: y.to,
      items: y.items,
      reach: y.reach,
      assignments: y.facts.get(unitId) ?? [],
      missing: y.missing,
    })
  );
}
