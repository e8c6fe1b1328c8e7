/**
 * Submitting and correcting assessments (ARCHITECTURE.md "Assessments: who grades, findings, results").
 *
 * Who may submit, by org's answer for the assessment day (leadershipTimeline, through the
 * leadership's LeadershipIndex: directly or up the chain of leaders):
 * - a body that LEADS the unit: its submission is the GRADING assessment;
 * - a body that GUIDES it: recorded as a weighted OPINION (domain/scoring.ts unitResult);
 * - anyone else: FORBIDDEN, naming the unit.
 * The caller acts for the assessing body (it must be in the caller's jurisdiction, EDITOR).
 *
 * One submission per scheme, unit and assessor. A correction names the version it was based
 * on; a stale one is refused with CONFLICT (`currentVersion`), never applied over the other
 * change. Each version's input and result is kept in submission_revisions; the result is always
 * scored afresh from the whole corrected input, never patched.
 */
import {
  BadInputError,
  ConflictError,
  ForbiddenError,
  NotFoundError,
  requireRole,
  scopedTransaction,
  today,
  isRlsRefusal,
  isUniqueViolation,
} from '@tiaokuai/platform';
import { textProblem, LeadershipIndex, type Relation } from '@tiaokuai/leadership';
import { assessmentDayProblem } from '../../domain/scheme/assessment-day';
import { canonical } from '../../domain/scheme/definition';
import { scoreSubmission, type ScoreResult, type Submission } from '../../domain/scoring';
import type { AssessmentsContext } from '../../request';
import { isId } from '../shared/ids';
import { schemeOf, unitOutOfReach } from '../scheme/scheme.service';
import type { SchemeRecord } from '../scheme/scheme.store';
import {
  insertRevision,
  insertSubmission,
  otherGrading,
  submissionOf,
  updateSubmission,
  type RevisionRecord,
  type SubmissionRecord,
  type SubmissionRole,
  type SubmissionVersion,
  type Writer,
} from './submission.store';

export type { SubmissionRecord } from './submission.store';

export interface SubmitInput {
  scheme: string;
  unit: string;
  assessor: string;
  on: string;
  scores?: Submission['scores'] | null;
  ratings?: Submission['ratings'] | null;
  businessScore: number;
  note?: string | null;
}

export interface CorrectInput {
  submission: string;
  version: number;
  on?: string | null;
  scores?: Submission['scores'] | null;
  ratings?: Submission['ratings'] | null;
  businessScore?: number | null;
  note?: string | null;
}

const NOTE_MAX = 2000;

/** The assessment day: a day, not in the future, within the scheme's year or the first half of the next. */
function checkDay(scheme: SchemeRecord, on: string, field: string): void {
  const problem = assessmentDayProblem(scheme.year, on, today());
  if (problem) throw new BadInputError(field, problem);
}

function score(scheme: SchemeRecord, input: Submission): ScoreResult {
  const { result, problems } = scoreSubmission(scheme.scheme, input, 'input');
  if (!result) throw new BadInputError(problems[0].path, problems[0].message, { problems });
  return result;
}

function checkNote(note: string | null | undefined): string | null {
  if (note == null || note.trim() === '') return null;
  if (note.length > NOTE_MAX) throw new BadInputError('input.note', `说明过长（最多 ${NOTE_MAX} 字）`);
  const problem = textProblem(note.trim(), 'MULTILINE');
  if (problem) throw new BadInputError('input.note', `input.note：${problem}`);
  return note.trim();
}

/** How `assessorId` relates to `unitId` on `day`, by org's answer (asked as the operator). */
export async function relationOn(
  ctx: AssessmentsContext,
  assessorId: string,
  unitId: string,
  day: string,
): Promise<Relation> {
  const answer = await ctx.org.timelines({ units: [unitId], from: day, to: day });
  return new LeadershipIndex(answer.timelines).relation(assessorId, unitId, day);
}

/**
 * The refusal of a unit the assessor neither leads nor guides. For anyone but the operator it
 * also stands for a unit code that names nothing (submitAssessment), so the answer does not
 * tell whether the unit exists (ARCHITECTURE.md, "What callers may learn").
 */
export function notAssessable(
  ctx: AssessmentsContext,
  assessor: string,
  day: string,
  unit: string,
  field: string,
): ForbiddenError {
  const nobody = ctx.identity.hubAdmin ? '' : '，或单位不存在';
  return new ForbiddenError(
    `${assessor} 于 ${day} 既不领导也不指导 ${unit}（直接或经其领导的单位）${nobody}：不能考核评价它`,
    { field, units: [unit] },
  );
}

async function roleFor(
  ctx: AssessmentsContext,
  assessor: { id: string; code: string },
  unit: { id: string; code: string },
  day: string,
  field: string,
): Promise<SubmissionRole> {
  const relation = await relationOn(ctx, assessor.id, unit.id, day);
  if (relation === 'NONE') throw notAssessable(ctx, assessor.code, day, unit.code, field);
  return relation === 'LEADS' ? 'GRADING' : 'OPINION';
}

export async function submitAssessment(ctx: AssessmentsContext, input: SubmitInput): Promise<SubmissionRecord> {
  requireRole(ctx.identity, 'EDITOR', '提交考核评价');
  const scheme = await schemeOf(ctx, input.scheme, 'input.scheme', { visibleOnly: true });
  checkDay(scheme, input.on, 'input.on');
  const codes = await ctx.org.unitsByCode([input.unit, input.assessor]);
  const unit = codes.get(input.unit);
  const assessor = codes.get(input.assessor);
  // The assessor first: whether the unit exists is only answered to a caller acting for a body it may see.
  if (!assessor || !(await ctx.org.canSee(assessor.id))) throw unitOutOfReach(ctx, 'input.assessor', input.assessor);
  if (!unit)
    throw ctx.identity.hubAdmin
      ? new NotFoundError('input.unit', `未知单位代码：${input.unit}`)
      : notAssessable(ctx, assessor.code, input.on, input.unit, 'input.unit');
  const given: Submission = {
    scores: input.scores ?? [],
    ratings: input.ratings ?? [],
    businessScore: input.businessScore,
  };
  const result = score(scheme, given);
  const note = checkNote(input.note);
  const role = await roleFor(ctx, assessor, unit, input.on, 'input.unit');
  const e = await submissionOf(ctx.db, scheme.id, unit.id, assessor.id);
  if (e) {
    // The same submission again (a retried request) changes nothing.
    if (e.assessedOn === input.on && canonical(e.input) === canonical(given) && e.note === note) return e;
    throw new ConflictError(
      'input.unit',
      `${input.assessor} 已在方案 #${scheme.id} 下考核过 ${input.unit}（#${e.id}，版本 ${e.version}）：请用 correctAssessment 更正`,
      { submission: e.id, currentVersion: e.version },
    );
  }
  if (role === 'GRADING') await refuseSecondGrading(ctx, scheme.id, unit.id, null, 'input.unit');
  try {
    const version: SubmissionVersion = { role, assessedOn: input.on, input: given, result, note };
    return await scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
      const row = await insertSubmission(
        tx,
        { schemeId: scheme.id, unitId: unit.id, assessorId: assessor.id },
        version,
        writer(ctx),
      );
      await insertRevision(tx, row, version, writer(ctx));
      return row;
    });
  } catch (e) {
    if (isRlsRefusal(e))
      throw new ForbiddenError(`无权以 ${input.assessor} 的名义提交考核评价`, { field: 'input.assessor' });
    if (isUniqueViolation(e))
      throw new ConflictError(
        'input.unit',
        `${input.assessor} 对 ${input.unit} 的考核刚被另一请求提交：请刷新后用 correctAssessment 更正`,
      );
    throw e;
  }
}

export async function correctAssessment(ctx: AssessmentsContext, input: CorrectInput): Promise<SubmissionRecord> {
  requireRole(ctx.identity, 'EDITOR', '更正考核评价');
  const current = isId(input.submission) ? await ctx.loaders.submission.load(input.submission) : null;
  if (!current || !(await canSeeSubmission(ctx, current)))
    throw new NotFoundError('input.submission', `未知考核评价：${input.submission}`);
  if (!(await ctx.org.canSee(current.assessorId)))
    throw new ForbiddenError('只有作出考核评价的单位（或其上级）可以更正它', { field: 'input.submission' });
  if (current.version !== input.version) throw stale(current, input.version);
  const scheme = await schemeOf(ctx, current.schemeId, 'input.submission');
  const on = input.on ?? current.assessedOn;
  checkDay(scheme, on, 'input.on');
  const given: Submission = {
    scores: input.scores ?? current.input.scores,
    ratings: input.ratings ?? current.input.ratings,
    businessScore: input.businessScore ?? current.input.businessScore,
  };
  const result = score(scheme, given);
  const note = input.note === undefined ? current.note : checkNote(input.note);
  if (on === current.assessedOn && canonical(given) === canonical(current.input) && note === current.note) {
    throw new BadInputError('input', '更正与现有内容相同：没有任何更改');
  }
  // A new day may change who the assessor is to the unit.
  let role = current.role;
  if (on !== current.assessedOn) {
    const units = await ctx.org.unitsById([current.unitId, current.assessorId]);
    const code = (id: string) => units.get(id)?.code ?? id;
    role = await roleFor(
      ctx,
      { id: current.assessorId, code: code(current.assessorId) },
      { id: current.unitId, code: code(current.unitId) },
      on,
      'input.on',
    );
    if (role === 'GRADING' && current.role !== 'GRADING')
      await refuseSecondGrading(ctx, current.schemeId, current.unitId, current.id, 'input.on');
  }
  try {
    const version: SubmissionVersion = { role, assessedOn: on, input: given, result, note };
    return await scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
      const updated = await updateSubmission(tx, current.id, input.version, version);
      if (!updated)
        throw new ConflictError('input.version', `考核评价 ${current.id} 刚被他人更正：请刷新后重试，未做任何更改`);
      await insertRevision(tx, updated, version, writer(ctx));
      ctx.loaders.submission.clear(updated.id).prime(updated.id, updated);
      ctx.loaders.revisions.clear(updated.id);
      return updated;
    });
  } catch (e) {
    if (isRlsRefusal(e)) throw new ForbiddenError('无权更正该考核评价', { field: 'input.submission' });
    if (isUniqueViolation(e))
      throw new ConflictError('input.on', '该单位在此方案下刚由其他单位评定：请刷新后重试，未做任何更改');
    throw e;
  }
}

/**
 * One grading per scheme and unit (migration 0002): another body that also leads the unit (up
 * the chain, or after a transfer) is refused, naming the grading already made. That grading's
 * assessor corrects it; another leader's view can be recorded under another scheme.
 */
async function refuseSecondGrading(
  ctx: AssessmentsContext,
  schemeId: string,
  unitId: string,
  self: string | null,
  field: string,
): Promise<void> {
  const other = await otherGrading(ctx.db, schemeId, unitId, self);
  if (!other) return;
  const named = await ctx.org.unitsById([other.assessorId, unitId]);
  const code = (id: string) => named.get(id)?.code ?? `#${id}`;
  throw new ConflictError(
    field,
    `${code(unitId)} 在方案 #${schemeId} 下已由 ${code(other.assessorId)} 评定（#${other.id}）：一个单位在一个方案下只有一份评定，请由该单位更正`,
    { submission: other.id, currentVersion: other.version },
  );
}

function stale(s: SubmissionRecord, given: number): ConflictError {
  return new ConflictError(
    'input.version',
    `考核评价 ${s.id} 已是版本 ${s.version}（你给的是 ${given}）：请基于最新版本重新更正，未做任何更改`,
    { currentVersion: s.version },
  );
}

/** A submission is seen from the unit's side or the assessor's. */
export async function canSeeSubmission(ctx: AssessmentsContext, s: SubmissionRecord): Promise<boolean> {
  return (await ctx.org.canSee(s.unitId)) || ctx.org.canSee(s.assessorId);
}

/** Who writes a version: the caller (a revision's by_subject, by_body, request_id). */
export const writer = (ctx: AssessmentsContext): Writer => ({
  subject: ctx.identity.subject,
  body: ctx.identity.body,
  requestId: ctx.identity.requestId ?? null,
});

/** A submission by id, if the caller may see it (null otherwise: Query.submission, a `Submission` reference). */
export async function visibleSubmission(ctx: AssessmentsContext, id: string): Promise<SubmissionRecord | null> {
  const s = isId(id) ? await ctx.loaders.submission.load(id) : null;
  return s && (await canSeeSubmission(ctx, s)) ? s : null;
}

/** Submissions by id, those that exist (a finding's: already in sight with it). */
export async function submissionsByIds(ctx: AssessmentsContext, ids: readonly string[]): Promise<SubmissionRecord[]> {
  return (await ctx.loaders.submission.loadMany(ids)).filter(
    (x): x is SubmissionRecord => x != null && !(x instanceof Error),
  );
}

/** Every version of a submission, oldest first, as Submission.revisions shows it. */
export async function revisionsOfSubmission(ctx: AssessmentsContext, id: string) {
  return (await ctx.loaders.revisions.load(id)).map((r: RevisionRecord) => ({
    version: r.version,
    role: r.role,
    assessedOn: r.assessedOn,
    partyScore: r.result.partyScore,
    businessScore: r.result.businessScore,
    finalScore: r.result.finalScore,
    grade: r.result.grade,
    note: r.note,
    by: r.bySubject,
    byBody: r.byBody,
    at: r.at,
  }));
}
