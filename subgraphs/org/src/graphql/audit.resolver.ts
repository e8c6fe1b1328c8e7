import { BadInputError, JSONScalar } from '@tiaokuai/common';
import { Arg, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { scopedTransaction } from '../access/rls';
import type { OrgContext } from '../context';
import { listAudit, type AuditEntry as Entry } from '../audit/audit.store';
import { Unit } from './types';

@ObjectType('AuditEntry', { description: '数据留痕: one mutation, who made it, when, and the state before and after' })
export class AuditEntryType {
  @Field(() => ID) id!: string;
  @Field({ description: 'When (ISO 8601, UTC)' }) at!: string;
  @Field({ description: 'Who (the token\'s subject)' }) subject!: string;
  @Field(() => String, { nullable: true, description: 'The body the caller acted for (null: the hub operator)' }) body!: string | null;
  @Field() role!: string;
  @Field() hubAdmin!: boolean;
  @Field(() => String, { nullable: true }) requestId!: string | null;
  @Field({ description: 'The mutation: createUnit, updateUnit, endUnit, changeUnitFacts, createLink, updateLink, endLink, importUnits' }) operation!: string;
  @Field() target!: string;
  @Field(() => JSONScalar, { nullable: true }) before!: unknown;
  @Field(() => JSONScalar, { nullable: true }) after!: unknown;
  unitId!: string | null;
}

const MAX_PAGE = 200;

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => [AuditEntryType], { description: 'The audit trail, newest first (ADMIN: entries about units in the jurisdiction; operator: all). Page with `before` = the last id seen.' })
  async auditLog(
    @Arg('unit', () => String, { nullable: true, description: 'Only entries about this unit (code)' }) unit: string | null,
    @Arg('first', () => Int, { defaultValue: 50 }) first: number,
    @Arg('before', () => ID, { nullable: true }) before: string | null,
    @Ctx() ctx: OrgContext,
  ): Promise<Entry[]> {
    ctx.access.requireRole('ADMIN', '查看留痕记录');
    if (first < 1 || first > MAX_PAGE) throw new BadInputError('first', `first 必须在 1 到 ${MAX_PAGE} 之间`);
    if (before != null && !/^\d{1,18}$/.test(before)) throw new BadInputError('before', '游标无效');
    let unitId: string | undefined;
    if (unit) {
      const u = await ctx.loaders.unitByCode.load(unit);
      if (!u || !(await ctx.access.canSee(u.id))) return [];
      unitId = u.id;
    }
    const v = await ctx.access.visible();
    // Read in a scoped transaction: the audit log's row-level security (migration 0003) holds
    // the page to the jurisdiction even if the filter here were wrong.
    return scopedTransaction(ctx.db, ctx.access, (tx) => listAudit(tx, { unitIds: v.all ? undefined : [...v.ids], unitId, beforeId: before ?? undefined, limit: first }));
  }

  @FieldResolver(() => Unit, { nullable: true, description: 'The unit concerned (for a link: its subordinate end)' })
  unit(@Root() e: Entry, @Ctx() ctx: OrgContext) {
    return e.unitId ? ctx.loaders.unitById.load(e.unitId) : null;
  }
}
