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
@ObjectType()
export class ImportProblem {
  @Field({ description: 'JSON path of the offending entry, e.g. units[3].kind' }) path!: string;
  @Field() message!: string;
}

@Directive('@shareable')
@ObjectType()
export class ImportCounts {
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
}

@Directive('@shareable')
@ObjectType({ description: 'What an import did (or, with dryRun, would do)' })
export class ImportReport {
  @Field() ok!: boolean;
  @Field() dryRun!: boolean;
  @Field(() => Int) created!: number;
  @Field(() => Int) updated!: number;
  @Field(() => Int) unchanged!: number;
  @Field(() => [ImportProblem]) problems!: ImportProblem[];
  @Field(() => ImportCounts, { description: 'Units (org imports)' }) units!: ImportCounts;
  @Field(() => ImportCounts, { description: 'Links (org imports)' }) links!: ImportCounts;
  @Field(() => ImportCounts, { description: 'Tasks (tasks imports)' }) tasks!: ImportCounts;
  @Field(() => ImportCounts, { description: 'Responsibility-list items (tasks imports)' }) requiredItems!: ImportCounts;
  @Field(() => ImportCounts, { description: 'Assessment schemes (assessments imports)' }) schemes!: ImportCounts;
  @Field(() => ImportCounts, { description: 'Assessment submissions (assessments imports)' })
  submissions!: ImportCounts;
  @Field(() => [String], { description: 'Codes of the units created or updated (org imports)' })
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
