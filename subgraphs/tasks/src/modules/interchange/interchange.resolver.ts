import { ImportReport, JSONScalar } from '@tiaokuai/platform';
import { Arg, Ctx, Mutation, Query, Resolver } from 'type-graphql';
import type { TasksContext } from '../../request';
import { exportTasks, importTasks } from './interchange.service';

@Resolver()
export class InterchangeResolver {
  @Query(() => JSONScalar, {
    description:
      "导出任务：The `requiredItems` and `tasks` sections of a tiaokuai/v1 document: every responsibility list (hub-wide and each owner's, `owner` its code), and the tasks issued by units you see (by units in `scope` today, when given), each with the units it reached (`assignments`) and its item (`requiredItem`, `requiredItemOwner`), for importTasks to restore",
  })
  exportTasks(
    @Arg('scope', () => String, {
      description: '范围：单位代码，空为全部可见 (a scope, a unit code; default everything visible)',
      nullable: true,
    })
    scope: string | null,
    @Ctx() ctx: TasksContext,
  ) {
    return exportTasks(ctx, scope);
  }

  @Mutation(() => ImportReport, {
    description:
      "导入任务：Imports the requiredItems and tasks of a tiaokuai/v1 document: all-or-nothing, idempotent by each task's key",
  })
  importTasks(
    @Arg('document', () => JSONScalar, { description: '导入文件：tiaokuai/v1 文档 (a tiaokuai/v1 document)' })
    document: unknown,
    @Arg('dryRun', { description: '试运行：只检查不写入 (check only, write nothing)', defaultValue: false })
    dryRun: boolean,
    @Ctx() ctx: TasksContext,
  ) {
    return importTasks(ctx, document, dryRun);
  }
}
