/** `auditLog` and an entry's unit: arguments to the service, nothing else. */
import { PageArgsType, type Connection } from '@tiaokuai/platform';
import { Arg, Args, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { OrgContext } from '../../request';
import { Unit } from '../unit/unit.type';
import * as audit from './audit.service';
import type { AuditEntry as Entry } from './audit.service';
import { AuditEntryConnection, AuditEntryType } from './audit.type';

export { AuditEntryType };

@Resolver(() => AuditEntryType)
export class AuditResolver {
  @Query(() => AuditEntryConnection, {
    description:
      '审计日志：The audit trail, newest first (ADMIN: entries about units in the jurisdiction; operator: all), in pages of at most 500: ' +
      '`first`/`after` go back in time, `last`/`before` forwards',
  })
  auditLog(
    @Arg('unit', () => String, { nullable: true, description: '单位：Only entries about this unit (code)' })
    unit: string | null,
    @Args(() => PageArgsType) page: PageArgsType,
    @Ctx() ctx: OrgContext,
  ): Promise<Connection<Entry>> {
    return audit.auditLog(ctx, unit, page);
  }

  @FieldResolver(() => Unit, {
    nullable: true,
    description: '涉及单位：The unit concerned (for a link: its subordinate end)',
  })
  unit(@Root() e: Entry, @Ctx() ctx: OrgContext) {
    return audit.auditedUnit(ctx, e);
  }
}
