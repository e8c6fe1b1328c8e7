/**
 * Managing the responsibility list (责任清单): it is the whole hub's, so only the hub's operator
 * changes it (the database policy says the same), and every change is kept
 * (required_item_changes: the item after the change, who, when).
 * An item is never deleted (tasks refer to it): retiring it stops it being required in
 * periods that begin on or after the day given; defining it again reinstates it.
 */
import { BadInputError, ConflictError, ForbiddenError, isDay, NotFoundError, today, scopedTransaction } from '@tiaokuai/common';
import { sql } from 'drizzle-orm';
import type { TasksContext } from '../context';
import { requiredItems } from '../db/schema';
import { validateRequiredItem } from '../domain/validate';
import { recordItemChange, requiredItemRows, toRequiredItemRow, type RequiredItemRow } from './task.store';

/** The list is the whole hub's: an ADMIN of one body may not change what every unit must carry. */
export function requireOperator(ctx: TasksContext): void {
  if (!ctx.identity.hubAdmin) throw new ForbiddenError('责任清单由平台运营方统一维护（各单位的管理员不能修改）', { field: 'requiredItems' });
}


/** Creates an item, or changes one (and reinstates it if it was retired). */
export async function defineRequiredItem(ctx: TasksContext, input: Record<string, unknown>): Promise<RequiredItemRow> {
  requireOperator(ctx);
  const { spec, problems } = validateRequiredItem(input, 'input');
  if (!spec) throw new BadInputError(problems[0].path, problems[0].message, { problems });
  return scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const [row] = await tx.insert(requiredItems).values({ ...spec }).onConflictDoUpdate({
      target: requiredItems.code,
      set: { name: spec.name, kinds: spec.kinds, frequency: spec.frequency, description: spec.description, retiredOn: null, updatedAt: sql`now()` },
    }).returning();
    await recordItemChange(tx, row, 'DEFINE', ctx.identity);
    return toRequiredItemRow(row);
  });
}

/** Retires an item from `on` (default today): periods beginning on or after it no longer require it. */
export async function retireRequiredItem(ctx: TasksContext, code: string, on: string | null): Promise<RequiredItemRow> {
  requireOperator(ctx);
  const day = on ?? today();
  if (!isDay(day)) throw new BadInputError('on', `不是有效日期：${day}`);
  const current = (await requiredItemRows(ctx.db)).find((i) => i.code === code);
  if (!current) throw new NotFoundError('code', `未知的责任清单事项：${code}`);
  if (current.retiredOn) throw new ConflictError('code', `事项 ${code} 已于 ${current.retiredOn} 停用`);
  return scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const [row] = await tx.update(requiredItems).set({ retiredOn: day, updatedAt: sql`now()` })
      .where(sql`${requiredItems.code} = ${code} and ${requiredItems.retiredOn} is null`).returning();
    if (!row) throw new ConflictError('code', `事项 ${code} 刚被停用`);
    await recordItemChange(tx, row, 'RETIRE', ctx.identity);
    return toRequiredItemRow(row);
  });
}
