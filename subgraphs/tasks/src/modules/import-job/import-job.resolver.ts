import { Arg, Ctx, ID, Int, Mutation, Query, Resolver } from 'type-graphql';
import type { TasksContext } from '../../request';
import { appendImportChunk, importJob, startImport, type ImportJobRow } from './import-job.service';
import { ImportJob, ImportKindEnum } from './import-job.type';

const toType = (j: ImportJobRow): ImportJob => ({
  id: j.id,
  kind: j.kind,
  state: j.state,
  dryRun: j.dryRun,
  received: j.received,
  total: j.total,
  receivedBytes: j.receivedBytes,
  records: j.records,
  processed: j.processed,
  problems: j.problems,
  startedAt: j.startedAt.toISOString(),
  finishedAt: j.finishedAt ? j.finishedAt.toISOString() : null,
  report: j.report as ImportJob['report'],
});

@Resolver()
export class ImportJobResolver {
  @Query(() => ImportJob, {
    description:
      '导入作业：状态与进度；仅创建者与平台运维可见 (an import job, its state and progress: its creator and the operator only)',
  })
  async importJob(
    @Arg('id', () => ID, { description: '作业标识 (the job id)' }) id: string,
    @Ctx() ctx: TasksContext,
  ): Promise<ImportJob> {
    return toType(await importJob(ctx, id));
  }

  @Mutation(() => ImportJob, {
    description:
      '开始导入作业：宣告分块数，再以 appendImportChunk 逐块上传文件 (starts an import job: the file then comes in `chunks` pieces)',
  })
  async startImport(
    @Arg('kind', () => ImportKindEnum, { description: '导入类别 (what it imports)' }) kind: string,
    @Arg('chunks', () => Int, { description: '分块总数，1 至 10000 (how many chunks the file comes in)' })
    chunks: number,
    @Arg('dryRun', { defaultValue: false, description: '试运行：只检查，不写入 (check only)' }) dryRun: boolean,
    @Ctx() ctx: TasksContext,
  ): Promise<ImportJob> {
    return toType(await startImport(ctx, kind, chunks, dryRun));
  }

  @Mutation(() => ImportJob, {
    description:
      '上传一块：第 seq 块（从 0 起）须在第 received 块；重发的块只取一次；最后一块到齐后作业开始检查与提交 (one chunk of the file, in order; a repeat is taken once; the last one starts the job)',
  })
  async appendImportChunk(
    @Arg('jobId', () => ID, { description: '作业标识 (the job id)' }) jobId: string,
    @Arg('seq', () => Int, { description: '分块序号，从 0 起 (the chunk number, from 0)' }) seq: number,
    @Arg('text', { description: '文件的这一段文本，至多 4,000,000 字符 (this piece of the file’s text)' }) text: string,
    @Ctx() ctx: TasksContext,
  ): Promise<ImportJob> {
    return toType(await appendImportChunk(ctx, jobId, seq, text));
  }
}
