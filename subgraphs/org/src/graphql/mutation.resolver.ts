import { DateScalar, JSONScalar, emptyReport } from '@tiaokuai/platform';
import { type Day } from '@tiaokuai/leadership';
import { Arg, Ctx, ID, Mutation, Resolver } from 'type-graphql';
import type { OrgContext } from '../context';
import { recordAudit } from '../audit/audit.store';
import { scopedTransaction } from '../access/rls';
import { importDocument } from '../interchange/import.service';
import * as service from '../units/unit.service';
import { ChangeFactsInput, CreateLinkInput, CreateUnitInput, UpdateLinkInput, UpdateUnitInput } from './inputs';
import { ImportReport, Link, Unit } from './types';

@Resolver()
export class MutationResolver {
  @Mutation(() => Unit, { description: 'Creates a unit, optionally with its facts from validFrom on' })
  createUnit(@Arg('input', () => CreateUnitInput) input: CreateUnitInput, @Ctx() ctx: OrgContext) {
    return service.createUnit(ctx.db, ctx.access, input);
  }

  @Mutation(() => Unit, { description: 'Changes a unit\'s name, level, region or start date' })
  updateUnit(@Arg('input', () => UpdateUnitInput) input: UpdateUnitInput, @Ctx() ctx: OrgContext) {
    return service.updateUnit(ctx.db, ctx.access, input);
  }

  @Mutation(() => Unit, { description: 'Ends (撤销) a unit on `on`, its last day; its open facts and links end with it' })
  endUnit(@Arg('code') code: string, @Arg('on', () => DateScalar) on: Day, @Ctx() ctx: OrgContext) {
    return service.endUnit(ctx.db, ctx.access, code, on);
  }

  @Mutation(() => Unit, { description: 'Records a new version of a unit\'s facts from validFrom on (a transfer, 转隶)' })
  changeUnitFacts(@Arg('input', () => ChangeFactsInput) input: ChangeFactsInput, @Ctx() ctx: OrgContext) {
    return service.changeUnitFacts(ctx.db, ctx.access, input);
  }

  @Mutation(() => Link)
  createLink(@Arg('input', () => CreateLinkInput) input: CreateLinkInput, @Ctx() ctx: OrgContext) {
    return service.createLink(ctx.db, ctx.access, input);
  }

  @Mutation(() => Link)
  updateLink(@Arg('input', () => UpdateLinkInput) input: UpdateLinkInput, @Ctx() ctx: OrgContext) {
    return service.updateLink(ctx.db, ctx.access, input);
  }

  @Mutation(() => Link, { description: 'Ends a link on `on`, its last day' })
  endLink(@Arg('id', () => ID) id: string, @Arg('on', () => DateScalar) on: Day, @Ctx() ctx: OrgContext) {
    return service.endLink(ctx.db, ctx.access, id, on);
  }

  @Mutation(() => ImportReport, { description: 'Imports a tiaokuai/v1 document (units and links): all-or-nothing, idempotent by code' })
  async importUnits(@Arg('document', () => JSONScalar) document: unknown, @Arg('dryRun', { defaultValue: false }) dryRun: boolean, @Ctx() ctx: OrgContext) {
    // ADMIN: inside its jurisdiction only (import.service.ts placeInside); the operator: anything.
    ctx.access.requireRole('ADMIN', '导入');
    const visible = await ctx.access.visible();
    const report = await importDocument({
      transaction: (fn) => scopedTransaction(ctx.db, ctx.access, fn),
      asOwner: (fn) => ctx.database.asOwner(fn),
      jurisdiction: visible.all ? undefined : visible.ids,
      audit: (tx, r) => recordAudit(tx, ctx.identity, {
        operation: 'importUnits', target: 'import',
        after: { created: r.created, updated: r.updated, unchanged: r.unchanged, units: r.units, links: r.links, changedCodes: r.changedCodes },
      }),
    }, document, dryRun);
    return { ...emptyReport(report.dryRun), ...report };
  }
}
