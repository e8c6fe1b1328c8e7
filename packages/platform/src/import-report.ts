import 'reflect-metadata';
import { Directive, Field, Int, ObjectType } from 'type-graphql';

/**
 * The answer of every import mutation (`importUnits` on org, `importTasks` on tasks,
 * `importAssessments` on assessments): one
 * shared value type (`@shareable`, the same fields in every subgraph, so that any field a
 * client selects is answered by whichever subgraph ran the import). Each subgraph fills the
 * sections it imports and reports zero for the others, which is the truth: an org import
 * creates no tasks.
 */
@Directive('@shareable')
@ObjectType({ description: '导入问题：文件中的一处错误 (an import problem: one error in the document)' })
export class ImportProblem {
  @Field({ description: '位置：JSON path of the offending entry, e.g. units[3].kind' }) path!: string;
  @Field({ description: '说明 (what is wrong)' }) message!: string;
}

@Directive('@shareable')
@ObjectType({ description: '导入计数：新建、更新、未变 (import counts: created, updated, unchanged)' })
export class ImportCounts {
  @Field(() => Int, { description: '新建数 (records created)' }) created!: number;
  @Field(() => Int, { description: '更新数 (records updated)' }) updated!: number;
  @Field(() => Int, { description: '未变数 (records already as given)' }) unchanged!: number;
}

@Directive('@shareable')
@ObjectType({ description: '导入报告：What an import did (or, with dryRun, would do)' })
export class ImportReport {
  @Field({ description: '成功：没有问题 (no problems)' }) ok!: boolean;
  @Field({ description: '试运行：只检查不写入 (only checked, nothing written)' }) dryRun!: boolean;
  @Field(() => Int, { description: '新建数 (records created)' }) created!: number;
  @Field(() => Int, { description: '更新数 (records updated)' }) updated!: number;
  @Field(() => Int, { description: '未变数 (records already as given)' }) unchanged!: number;
  @Field(() => [ImportProblem], { description: '问题：全部错误及其位置 (every problem, with its path)' })
  problems!: ImportProblem[];
  @Field(() => ImportCounts, { description: '单位：Units (org imports)' }) units!: ImportCounts;
  @Field(() => ImportCounts, { description: '关系：Links (org imports)' }) links!: ImportCounts;
  @Field(() => ImportCounts, { description: '任务：Tasks (tasks imports)' }) tasks!: ImportCounts;
  @Field(() => ImportCounts, { description: '清单事项：Responsibility-list items (tasks imports)' })
  requiredItems!: ImportCounts;
  @Field(() => ImportCounts, { description: '考核方案：Assessment schemes (assessments imports)' })
  schemes!: ImportCounts;
  @Field(() => ImportCounts, { description: '考核提交：Assessment submissions (assessments imports)' })
  submissions!: ImportCounts;
  @Field(() => [String], { description: '变更的单位代码：Codes of the units created or updated (org imports)' })
  changedCodes!: string[];
}

export const noCounts = (): ImportCounts => ({ created: 0, updated: 0, unchanged: 0 });

/** A report with nothing counted and no problems: each subgraph fills its own sections. */
export const emptyReport = (dryRun: boolean): ImportReport => ({
  ok: false,
  dryRun,
  ...noCounts(),
  problems: [],
  changedCodes: [],
  units: noCounts(),
  links: noCounts(),
  tasks: noCounts(),
  requiredItems: noCounts(),
  schemes: noCounts(),
  submissions: noCounts(),
});
