/**
 * The interchange file's `assessments` section (CONTRACT.md: tiaokuai/v1; docs/interchange.md):
 *
 *   "assessments": {
 *     "schemes": [{ "issuer", "key", "year", "name", "indicators", "evaluatorGroups", "gradeBands",
 *                   "combination", "opinionWeight" }],
 *     "submissions": [{ "scheme": { "issuer", "key" }, "unit", "assessor", "role", "on", "scores", "ratings",
 *                       "businessScore", "note" }]
 *   }
 *
 * Import (importAssessments) is all-or-nothing, every problem listed with its JSON path, and
 * idempotent: schemes by issuer and key (a stored scheme is never rewritten: a different one
 * under its key is a problem), submissions by scheme, unit and assessor (the same again is
 * unchanged; a different one is a correction: a new version, the old one kept in the
 * revisions). Each new submission is checked as submitAssessment checks it, including who may
 * assess (org's answer on its day: leader → GRADING, guide → OPINION, anyone else refused).
 *
 * Round trip (docs/interchange.md "Round trip"; platform's restore.ts): export writes each submission's `role`, the one
 * it was accepted with. A submission stored and unchanged is not judged again. One carrying a
 * `role` that today's org disagrees with (a transfer entered late, a link ended earlier, facts
 * corrected) is restored with that role by the operator or an ADMIN whose jurisdiction holds
 * the unit and the assessor, and refused (`.role`) for anyone else; it never corrects a stored
 * submission (a different one is refused naming the field). So export → import into the same
 * hub or an empty one → export gives the same section, whatever changed in org since.
 *
 * An import runs in three parts: the file's shape (domain/interchange/shape.ts), the plan of what
 * is created, corrected or left unchanged given what is stored and what org says
 * (domain/interchange/plan.ts), and the writes, in one transaction (writeImport).
 */
import {
  ConflictError,
  emptyReport,
  ForbiddenError,
  mayRestore,
  requireRole,
  RESTORE_NEEDS_ADMIN,
  scopedTransaction,
  today,
  type ImportReport,
  isRlsRefusal,
  isUniqueViolation,
} from '@tiaokuai/platform';
import { LeadershipIndex } from '@tiaokuai/leadership';
import {
  changed,
  checkSubmissions,
  planCounts,
  planSchemes,
  planSubmissions,
  type Facts,
  type PlannedScheme,
  type PlannedSubmission,
} from '../../domain/interchange/plan';
import { sectionShape, unitCodesOf, unknownAssessmentFields } from '../../domain/interchange/shape';
import { definitionOf } from '../../domain/scheme/definition';
import type { AssessmentsContext } from '../../request';
import { visibleSchemes } from '../scheme/scheme.service';
import { insertScheme, keyedSchemeRows, schemesOfYear, toScheme } from '../scheme/scheme.store';
import { notAssessable, writer } from '../submission/submission.service';
import {
  insertRevision,
  insertSubmission,
  updateSubmission,
  type SubmissionVersion,
} from '../submission/submission.store';
import { keyedSubmissionsOfUnits, submissionsOfYear } from './interchange.store';

export async function importAssessments(
  ctx: AssessmentsContext,
  document: unknown,
  dryRun: boolean,
): Promise<ImportReport> {
  requireRole(ctx.identity, 'EDITOR', '导入考核');
  const report = emptyReport(dryRun);
  const problems = report.problems;
  const { problems: shape, section } = sectionShape(document);
  problems.push(...shape);
  // Unknown fields (docs/interchange.md "Unknown fields are refused"): reported with every other problem.
  problems.push(...unknownAssessmentFields(document));
  if (!section) {
    report.ok = problems.length === 0;
    return report;
  }

  // Every unit code in the file, in one question to org; the stored schemes with a key.
  const units = await ctx.org.unitsByCode(unitCodesOf(section));
  const visible = await ctx.org.visible();
  const stored = await keyedSchemeRows(ctx.db);
  const facts: Facts = {
    units,
    sees: (id) => visible.all || visible.ids.has(id),
    hubAdmin: ctx.identity.hubAdmin,
    today: today(),
    storedSchemes: new Map(stored.map((r) => [`${r.issuer_id}|${r.key}`, { row: r, scheme: toScheme(r).scheme }])),
    notAssessable: (assessor, day, unit) => notAssessable(ctx, assessor, day, unit, '').message,
  };
  const planned = planSchemes(section.schemes, facts, Number(today().slice(0, 4)), problems);
  const checked = checkSubmissions(section.submissions, facts, planned, problems);
  if (problems.length > 0) return report;

  let subs: PlannedSubmission[] = [];
  if (checked.length > 0) {
    // Who may assess: org's answer over the file's days; what is stored about the file's units.
    const days = checked.map((p) => p.on).sort();
    const unitIds = [...new Set(checked.map((p) => p.unitId))];
    const answer = await ctx.org.timelines({ units: unitIds, from: days[0], to: days[days.length - 1] });
    const index = new LeadershipIndex(answer.timelines);
    const rows = await keyedSubmissionsOfUnits(ctx.db, unitIds);
    subs = planSubmissions(
      checked,
      facts,
      {
        existing: new Map(
          rows.map((r) => [`${r.schemeRef}|${r.submission.unitId}|${r.submission.assessorId}`, r.submission]),
        ),
        existingScheme: new Map(rows.map((r) => [r.submission.id, r.schemeRef])),
        relation: (assessorId, unitId, day) => index.relation(assessorId, unitId, day),
        mayRestore: (inJurisdiction) => mayRestore(ctx.identity, inJurisdiction),
        restoreNeedsAdmin: RESTORE_NEEDS_ADMIN,
      },
      problems,
    );
    if (problems.length > 0) return report;
  }

  const counts = planCounts(planned, subs);
  report.schemes = counts.schemes;
  report.submissions = counts.submissions;
  report.created = report.schemes.created + report.submissions.created;
  report.updated = report.submissions.updated;
  report.unchanged = report.schemes.unchanged + report.submissions.unchanged;
  report.ok = true;
  if (dryRun) return report;

  try {
    await writeImport(ctx, planned, subs, facts);
  } catch (e) {
    if (isRlsRefusal(e))
      throw new ForbiddenError('文件中有超出本单位管辖范围的写入：未做任何更改', { field: 'document' });
    if (isUniqueViolation(e))
      throw new ConflictError('document', '文件中的方案或考核刚被另一请求写入：请重新导入，未做任何更改');
    throw e;
  }
  return report;
}

/** The plan's writes, in one transaction: new schemes, then new and corrected submissions with their revisions. */
async function writeImport(
  ctx: AssessmentsContext,
  planned: Map<string, PlannedScheme>,
  subs: PlannedSubmission[],
  facts: Facts,
): Promise<void> {
  await scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const schemeIds = new Map<string, string>();
    for (const [k, s] of planned) {
      if (s.existingId) {
        schemeIds.set(k, s.existingId);
        continue;
      }
      const row = await insertScheme(tx, {
        issuerId: s.issuerId,
        key: s.scheme.key,
        year: s.scheme.year,
        name: s.scheme.name,
        definition: definitionOf(s.scheme),
        createdBy: ctx.identity.subject,
      });
      schemeIds.set(k, row.id);
    }
    for (const p of subs) {
      if (p.existing && !changed(p)) continue;
      const version: SubmissionVersion = {
        role: p.role,
        assessedOn: p.on,
        input: p.input,
        result: p.result,
        note: p.note,
      };
      const schemeId = schemeIds.get(p.schemeRef) ?? String(facts.storedSchemes.get(p.schemeRef)!.row.id);
      const row = p.existing
        ? await updateSubmission(tx, p.existing.id, p.existing.version, version)
        : await insertSubmission(tx, { schemeId, unitId: p.unitId, assessorId: p.assessorId }, version, writer(ctx));
      // Corrected by someone else since the file was checked: nothing of the file is kept.
      if (!row)
        throw new ConflictError(p.base, `考核评价 #${p.existing!.id} 在导入期间被他人更正：请重新导入，未做任何更改`);
      await insertRevision(tx, row, version, writer(ctx));
    }
  });
}

/**
 * The `assessments` section for the schemes issued by, and the submissions about, units the caller sees
 * (within `scope` when given).
 */
export async function exportAssessments(
  ctx: AssessmentsContext,
  scope: string | null,
  year: number | null,
): Promise<{ schemes: unknown[]; submissions: unknown[] }> {
  const [schemeRecords, subRecords] = await Promise.all([schemesOfYear(ctx.db, year), submissionsOfYear(ctx.db, year)]);
  const allowed = scope
    ? new Set((await ctx.org.scope(scope, `${year ?? 2000}-01-01`, year != null ? `${year}-12-31` : today())).members)
    : null;
  const keep = async (ids: string[]) =>
    new Set(allowed ? ids.filter((id) => allowed.has(id)) : await ctx.org.onlyVisible(ids));
  const okUnits = await keep([
    ...new Set([...schemeRecords.map((s) => s.issuerId), ...subRecords.map((s) => s.unitId)]),
  ]);
  const named = await ctx.org.unitsById([
    ...new Set([...schemeRecords.map((s) => s.issuerId), ...subRecords.flatMap((s) => [s.unitId, s.assessorId])]),
  ]);
  const code = (id: string) => named.get(id)?.code ?? `#${id}`;
  const keyOf = (s: (typeof schemeRecords)[number]) => s.key ?? `scheme-${s.id}`;
  const byId = new Map(schemeRecords.map((s) => [s.id, s]));
  // A submission's scheme goes with it (the file must hold what it refers to).
  const subsOut = subRecords.filter((s) => okUnits.has(s.unitId));
  // The schemes the caller may list (scheme.service visibleSchemes) among those of the units kept, and each exported
  // submission's.
  const listed = new Set(
    (
      await visibleSchemes(
        ctx,
        schemeRecords.filter((s) => okUnits.has(s.issuerId)),
      )
    ).map((s) => s.id),
  );
  const schemesOut = schemeRecords.filter((s) => listed.has(s.id) || subsOut.some((x) => x.schemeId === s.id));
  return {
    schemes: schemesOut
      .map((s) => ({
        issuer: code(s.issuerId),
        key: keyOf(s),
        year: s.year,
        name: s.name,
        indicators: s.scheme.indicators,
        evaluatorGroups: s.scheme.evaluatorGroups,
        gradeBands: s.scheme.gradeBands,
        combination: s.scheme.combination,
        opinionWeight: s.scheme.opinionWeight,
      }))
      .sort((a, b) => a.issuer.localeCompare(b.issuer) || a.key.localeCompare(b.key)),
    submissions: subsOut
      .map((s) => {
        const scheme = byId.get(s.schemeId)!;
        return {
          scheme: { issuer: code(scheme.issuerId), key: keyOf(scheme) },
          unit: code(s.unitId),
          assessor: code(s.assessorId),
          role: s.role,
          on: s.assessedOn,
          scores: s.input.scores,
          ratings: s.input.ratings,
          businessScore: s.input.businessScore,
          ...(s.note ? { note: s.note } : {}),
        };
      })
      .sort(
        (a, b) =>
          a.scheme.issuer.localeCompare(b.scheme.issuer) ||
          a.scheme.key.localeCompare(b.scheme.key) ||
          a.unit.localeCompare(b.unit) ||
          a.assessor.localeCompare(b.assessor),
      ),
  };
}
