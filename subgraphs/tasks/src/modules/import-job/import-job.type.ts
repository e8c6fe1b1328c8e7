import 'reflect-metadata';
import { ImportProblem, ImportReport } from '@tiaokuai/platform';
import { Field, ID, Int, ObjectType, registerEnumType } from 'type-graphql';
import { IMPORT_KINDS } from './import-job.service';

export const ImportKindEnum = Object.fromEntries(IMPORT_KINDS.map((k) => [k, k])) as Record<
  (typeof IMPORT_KINDS)[number],
  string
>;
registerEnumType(ImportKindEnum, {
  name: 'ImportKind',
  description: '导入类别：作业导入文件的哪些部分 (what an import job imports)',
  valuesConfig: {
    TASKS: { description: '任务：责任清单事项与任务 (the requiredItems and tasks sections, as importTasks)' },
  },
});

export const ImportJobStateEnum = {
  RECEIVING: 'RECEIVING',
  CHECKING: 'CHECKING',
  COMMITTING: 'COMMITTING',
  DONE: 'DONE',
  FAILED: 'FAILED',
} as const;
registerEnumType(ImportJobStateEnum, {
  name: 'ImportJobState',
  description: '导入作业的状态 (where an import job stands)',
  valuesConfig: {
    RECEIVING: { description: '接收中：等待分块，可从 received 续传 (waiting for chunks; resume from received)' },
    CHECKING: { description: '检查中：文件已收齐，正在解析与检查 (parsing and checking the file)' },
    COMMITTING: { description: '提交中：检查通过，正在一个事务中写入 (writing, in one transaction)' },
    DONE: { description: '完成：已写入（试运行：检查通过，未写入） (written; a dry run: checked, nothing written)' },
    FAILED: { description: '失败：未写入任何内容，见 problems (nothing written; see problems)' },
  },
});

@ObjectType({
  description:
    '导入作业：一个任意大小的导入，分块上传、检查后在一个事务中提交，全有或全无 (an import of any size: uploaded in chunks, checked, committed in one transaction, all or nothing)',
})
export class ImportJob {
  @Field(() => ID, { description: '作业标识 (the job id)' }) id!: string;
  @Field(() => ImportKindEnum, { description: '导入类别 (what it imports)' }) kind!: string;
  @Field(() => ImportJobStateEnum, { description: '状态 (where it stands)' }) state!: string;
  @Field({ description: '试运行：只检查，不写入 (dry run: checked, never written)' }) dryRun!: boolean;
  @Field(() => Int, { description: '已收到的分块数；续传从此序号开始 (chunks taken; an upload resumes at this seq)' })
  received!: number;
  @Field(() => Int, { description: '分块总数 (chunks the file was announced in)' }) total!: number;
  @Field(() => Int, { description: '已收到的字节数，UTF-8 (bytes taken)' }) receivedBytes!: number;
  @Field(() => Int, {
    nullable: true,
    description: '文件中的任务数，解析后可知 (tasks in the file, once parsed)',
  })
  records!: number | null;
  @Field(() => Int, {
    description: '已写入的任务数，随提交增加至 records (tasks written so far; reaches records when done)',
  })
  processed!: number;
  @Field(() => [ImportProblem], {
    description: '问题：每个问题带文件中的 JSON 路径 (every problem, at its JSON path in the file)',
  })
  problems!: ImportProblem[];
  @Field({ description: '开始时间，ISO 时间戳 (when the job was started)' }) startedAt!: string;
  @Field(() => String, { nullable: true, description: '结束时间，ISO 时间戳 (when it ended: DONE or FAILED)' })
  finishedAt!: string | null;
  @Field(() => ImportReport, {
    nullable: true,
    description: '导入报告：同 importTasks 的报告 (the report, as importTasks gives it), once checked',
  })
  report!: ImportReport | null;
}
