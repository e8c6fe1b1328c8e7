/** `exportUnits` and `importUnits`: arguments to the service, nothing else. */
import { ImportReport, JSONScalar } from '@tiaokuai/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { OrgContext } from '../../request';
import * as interchange from './interchange.service';

@Resolver()
export class InterchangeResolver {
  @Query(() => JSONScalar, {
    description: "导出单位：The hub's units and links as a tiaokuai/v1 document (optionally only a scope)",
  })
  exportUnits(
    @Arg('scope', () => String, {
      description: '范围：单位代码，空为全部可见 (a scope, a unit code; default everything visible)',
      nullable: true,
    })
    scope: string | null,
    @Ctx() ctx: OrgContext,
  ) {
    return interchange.exportUnits(ctx, scope);
  }

  @Mutation(() => ImportReport, {
    description: '导入单位：Imports a tiaokuai/v1 document (units and links): all-or-nothing, idempotent by code',
  })
  importUnits(
    @Arg('document', () => JSONScalar, { description: '导入文件：tiaokuai/v1 文档 (a tiaokuai/v1 document)' })
    document: unknown,
    @Arg('dryRun', { description: '试运行：只检查不写入 (check only, write nothing)', defaultValue: false })
    dryRun: boolean,
    @Ctx() ctx: OrgContext,
  ) {
    // ADMIN: inside its jurisdiction only (interchange.service.ts placeInside); the operator: anything.
    return interchange.importUnits(ctx, document, dryRun);
  }
}
