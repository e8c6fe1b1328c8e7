/**
 * The interchange file's `assessments` section (CONTRACT.md: tiaokuai/v1; docs/interchange.md):
 *
 *   "assessments": {
 *     "schemes": [{ "issuer", "key", "year", "name", "indicators", "evaluatorGroups", "gradeBands", "combination", "opinionWeight" }],
 *     "submissions": [{ "scheme": { "issuer", "key" }, "unit", "assessor", "role", "on", "scores", "ratings", "businessScore", "note" }]
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
 */
import { ConflictError, emptyReport, ForbiddenError, mayRestore, requireRole, RESTORE_NEEDS_ADMIN, rowsOf, scopedTransaction, today, type ImportReport, isRlsRefusal, isUniqueViolation } from '@tiaokuai/platform';
import { isDay, LeadershipIndex, textProblem } from '@tiaokuai/leadership';
import { sql } from 'drizzle-orm';
import type { AssessmentsContext } from '../context';
import { schemes, submissionRevisions, submissions } from '../db/schema';
import { assessmentDayProblem, validateScheme, type Scheme } from '../domain/scheme';
import { judgeRole, ROLES, type SubmissionRole as RecordedRole } from '../domain/restore';
import { scoreSubmission, type ScoreResult, type Submission } from '../domain/scoring';
import { canonical, definitionOf, sameScheme, visibleSchemes } from './scheme.service';
import { notAssessable } from './submission.service';
import { toScheme, toSubmission, type SchemeDefinition, type SubmissionRecord, type SubmissionRole } from './store';

interface Problem { path: string; message: string }

interface PlannedScheme { base: string; scheme: Scheme; issuerId: string; existingId: string | null }
interface PlannedSubmission {
  base: string; schemeRef: string; unitId: string; assessorId: string; role: SubmissionRole; on: string;
  input: Submission; result: ScoreResult; note: string | null; existing: SubmissionRecord | null;
  /** The role the file recorded (a hub's export writes it): null for a new record. */
  recorded: RecordedRole | null;
}

const isObject = (x: unknown): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x);

export async function importAssessments(ctx: AssessmentsContext, document: unknown, dryRun: boolean): Promise<ImportReport> {
  requireRole(ctx.identity, 'EDITOR', '导入考核');
  const report = emptyReport(dryRun);
  const problems: Problem[] = report.problems;
  if (!isObject(document)) return { ...report, problems: [{ path: '$', message: '应为 JSON 对象' }] };
  if (document.format !== 'tiaokuai/v1') problems.push({ path: 'format', message: `应为 "tiaokuai/v1"，实为 ${JSON.stringify(document.format)}` });
  const section = document.assessments;
  if (section === undefined) { report.ok = problems.length === 0; return report; }
  if (!isObject(section)) return { ...report, problems: [...problems, { path: 'assessments', message: '应为对象 { schemes, submissions }' }] };
  for (const k of ['schemes', 'submissions']) if (section[k] !== undefined && !Array.isArray(section[k])) problems.push({ path: `assessments.${k}`, message: '应为列表' });
  for (const k of Object.keys(section)) if (k !== 'schemes' && k !== 'submissions') problems.push({ path: `assessments.${k}`, message: '未知的字段' });
  if (problems.length > 0) return report;
  const rawSchemes = (section.schemes as unknown[] | undefined) ?? [];
  const rawSubs = (section.submissions as unknown[] | undefined) ?? [];

  // Every unit code in the file, in one question to org.
  const codes = new Set<string>();
  for (const s of rawSchemes) if (isObject(s) && typeof s.issuer === 'string') codes.add(s.issuer);
  for (const s of rawSubs) {
    if (!isObject(s)) continue;
    for (const f of ['unit', 'assessor']) if (typeof s[f] === 'string') codes.add(s[f] as string);
    if (isObject(s.scheme) && typeof s.scheme.issuer === 'string') codes.add(s.scheme.issuer);
  }
  const units = await ctx.org.unitsByCode([...codes]);
  const visible = await ctx.org.visible();
  const sees = (id: string) => visible.all || visible.ids.has(id);

  // Schemes.
  const year = Number(today().slice(0, 4));
  const planned = new Map<string, PlannedScheme>(); // "issuerId|key"
  const storedSchemes = new Map((await rowsOf<Record<string, any>>(ctx.db, sql`select * from assessments.schemes where key is not null`)).map((r) => [`${r.issuer_id}|${r.key}`, r]));
  rawSchemes.forEach((raw, i) => {
    const base = `assessments.schemes[${i}]`;
    const { scheme, problems: found } = validateScheme(raw, base, year);
    problems.push(...found);
    if (!scheme) return;
    if (!scheme.key) { problems.push({ path: `${base}.key`, message: '文件中的方案需要 key（再次导入时据此识别）' }); return; }
    const issuer = units.get(scheme.issuer);
    const k = issuer ? `${issuer.id}|${scheme.key}` : '';
    const stored = storedSchemes.get(k);
    // An issuer outside the caller's jurisdiction is refused, unless the file only repeats its
    // stored scheme (an export of the caller's units carries the schemes they were assessed under).
    if (!issuer || (!sees(issuer.id) && !(stored && sameScheme(stored, scheme)))) { problems.push({ path: `${base}.issuer`, message: `未知单位代码：${scheme.issuer}` }); return; }
    if (planned.has(k)) { problems.push({ path: `${base}.key`, message: `与 ${planned.get(k)!.base} 重复：${scheme.issuer} 的 key「${scheme.key}」` }); return; }
    if (stored) {
      if (!sameScheme(stored, scheme)) { problems.push({ path: `${base}.key`, message: `key「${scheme.key}」已用于 ${scheme.issuer} 的另一方案 #${stored.id}（方案不覆盖，请换用新的 key）` }); return; }
    }
    planned.set(k, { base, scheme, issuerId: issuer.id, existingId: stored ? String(stored.id) : null });
  });

  // Submissions: each against its scheme (in the file or stored), then who may assess.
  const subs: PlannedSubmission[] = [];
  const seen = new Map<string, string>();
  const pending: Array<Omit<PlannedSubmission, 'role' | 'existing'> & { unitCode: string; assessorCode: string; schemeYear: number; hidden: boolean }> = [];
  rawSubs.forEach((raw, i) => {
    const base = `assessments.submissions[${i}]`;
    if (!isObject(raw)) { problems.push({ path: base, message: '应为对象' }); return; }
    const ref = raw.scheme;
    if (!isObject(ref) || typeof ref.issuer !== 'string' || typeof ref.key !== 'string') { problems.push({ path: `${base}.scheme`, message: '应为 { issuer, key }' }); return; }
    const refIssuer = units.get(ref.issuer);
    const k = refIssuer ? `${refIssuer.id}|${ref.key}` : '';
    const scheme = planned.get(k)?.scheme ?? (storedSchemes.get(k) && toScheme(storedSchemes.get(k)!).scheme);
    if (!scheme) { problems.push({ path: `${base}.scheme`, message: `没有 ${ref.issuer} 的 key 为「${ref.key}」的考核方案` }); return; }
    const unit = typeof raw.unit === 'string' ? units.get(raw.unit) : undefined;
    const assessor = typeof raw.assessor === 'string' ? units.get(raw.assessor) : undefined;
    const on = raw.on;
    const dayProblem = assessmentDayProblem(scheme.year, on, today());
    if (dayProblem) problems.push({ path: `${base}.on`, message: dayProblem });
    // An assessor outside the caller's jurisdiction: only an unchanged stored submission may name it (checked below).
    // With a unit that names nothing, it reads as unknown at once, as an assessor that names nothing does.
    if (!assessor || (!unit && !sees(assessor.id))) problems.push({ path: `${base}.assessor`, message: `未知单位代码：${String(raw.assessor)}` });
    // A unit code that names nothing reads, for anyone but the operator, as a unit the assessor
    // does not reach (below): the same problem, so a file does not tell which units exist. Only
    // asked once the assessor and the day are known, as that problem is.
    else if (!unit && (ctx.identity.hubAdmin || typeof on !== 'string' || dayProblem)) problems.push({ path: `${base}.unit`, message: `未知单位代码：${String(raw.unit)}` });
    else if (!unit) problems.push({ path: `${base}.unit`, message: notAssessable(ctx, String(raw.assessor), on as string, String(raw.unit), '').message });
    const items = (field: 'scores' | 'ratings', keys: string[]): Array<Record<string, unknown>> | null => {
      const v = raw[field] ?? [];
      if (!Array.isArray(v)) { problems.push({ path: `${base}.${field}`, message: '应为列表' }); return null; }
      let ok = true;
      v.forEach((x, j) => {
        const fine = isObject(x) && keys.every((k) => (k === 'score' ? typeof x[k] === 'number' : typeof x[k] === 'string')) && Object.keys(x).every((k) => keys.includes(k));
        if (!fine) { ok = false; problems.push({ path: `${base}.${field}[${j}]`, message: `应为 { ${keys.join(', ')} }（score 为数）` }); }
      });
      return ok ? v : null;
    };
    const scores = items('scores', ['indicator', 'score']);
    const ratings = items('ratings', ['indicator', 'group', 'score']);
    if (typeof raw.businessScore !== 'number') { problems.push({ path: `${base}.businessScore`, message: '应为 0–100 的数' }); return; }
    if (!scores || !ratings) return;
    const input: Submission = { scores: scores as unknown as Submission['scores'], ratings: ratings as unknown as Submission['ratings'], businessScore: raw.businessScore };
    const { result, problems: scoring } = scoreSubmission(scheme, input, base);
    problems.push(...scoring);
    if (raw.note != null && typeof raw.note !== 'string') problems.push({ path: `${base}.note`, message: '应为字符串' });
    const note = typeof raw.note === 'string' && raw.note.trim() !== '' ? raw.note.trim() : null;
    if (note && note.length > 2000) problems.push({ path: `${base}.note`, message: '说明过长（最多 2000 字）' });
    const bad = note ? textProblem(note, 'MULTILINE') : null;
    if (bad) problems.push({ path: `${base}.note`, message: bad });
    // A recorded role (a hub's export writes it) marks a record accepted at the time (domain/restore.ts).
    if (raw.role !== undefined && !ROLES.includes(raw.role as RecordedRole)) problems.push({ path: `${base}.role`, message: `应为 ${ROLES.join(' 或 ')}（导出时记录的角色），实为 ${JSON.stringify(raw.role)}` });
    const recorded = (raw.role as RecordedRole | undefined) ?? null;
    if (!unit || !assessor || !result || !isDay(on)) return;
    const key = `${k}|${unit.id}|${assessor.id}`;
    if (seen.has(key)) { problems.push({ path: base, message: `与 ${seen.get(key)} 重复：同一方案、单位和考核单位只有一份考核` }); return; }
    seen.set(key, base);
    pending.push({ base, schemeRef: k, unitId: unit.id, assessorId: assessor.id, on, input, result, note, recorded, unitCode: raw.unit as string, assessorCode: raw.assessor as string, schemeYear: scheme.year, hidden: !sees(assessor.id) });
  });
  if (problems.length > 0) return report;

  const changed = (p: PlannedSubmission) => !(p.existing && p.existing.assessedOn === p.on && canonical(p.existing.input) === canonical(p.input) && p.existing.note === p.note);
  if (pending.length > 0) {
    const days = pending.map((p) => p.on).sort();
    const answer = await ctx.org.timelines({ units: [...new Set(pending.map((p) => p.unitId))], from: days[0], to: days[days.length - 1] });
    const index = new LeadershipIndex(answer.timelines);
    const rows = await rowsOf<Record<string, any>>(ctx.db, sql`select s.*, c.issuer_id as scheme_issuer, c.key as scheme_key from assessments.submissions s
      join assessments.schemes c on c.id = s.scheme_id where s.unit_id = any(${`{${[...new Set(pending.map((p) => p.unitId))].join(',')}}`}::int[])`);
    const existing = new Map(rows.map((r) => [`${r.scheme_issuer}|${r.scheme_key}|${r.unit_id}|${r.assessor_id}`, toSubmission(r)]));
    const existingScheme = new Map(rows.map((r) => [String(r.id), `${r.scheme_issuer}|${r.scheme_key}`]));
    const gradings = new Map<string, string>();
    for (const p of pending) {
      const stored = existing.get(`${p.schemeRef}|${p.unitId}|${p.assessorId}`) ?? null;
      const planned: PlannedSubmission = { ...p, role: stored?.role ?? 'OPINION', existing: stored };
      // The hidden assessor first: how it relates to the unit is not the caller's to learn.
      if (p.hidden && (!stored || changed(planned))) { problems.push({ path: `${p.base}.assessor`, message: `未知单位代码：${p.assessorCode}` }); continue; }
      if (stored && p.recorded && p.recorded !== stored.role) { problems.push({ path: `${p.base}.role`, message: `与已存的考核评价 #${stored.id} 的角色（${stored.role}）不同：导入不覆盖已存的记录` }); continue; }
      // Stored and unchanged: nothing is written, so nothing is judged again (the facts may have changed since).
      if (stored && !changed(planned)) { subs.push(planned); continue; }
      // A restored record never corrects a stored one: a different record under its key is refused, naming the field.
      if (stored && p.recorded) { problems.push({ path: `${p.base}.${differingField(stored, p)}`, message: `与已存的考核评价 #${stored.id} 不同：导出文件中的记录不覆盖已存的记录（更正请用 correctAssessment，或去掉 role 作为更正导入）` }); continue; }
      const verdict = judgeRole(p.recorded, index.relation(p.assessorId, p.unitId, p.on), mayRestore(ctx.identity, sees(p.unitId) && sees(p.assessorId)));
      if ('refused' in verdict) {
        const why = verdict.refused === 'NOT_ASSESSABLE' ? notAssessable(ctx, p.assessorCode, p.on, p.unitCode, '').message : '';
        problems.push(p.recorded
          ? { path: `${p.base}.role`, message: `${why ? `${why}。` : ''}${RESTORE_NEEDS_ADMIN}（记录的角色：${p.recorded}）` }
          : { path: `${p.base}.unit`, message: why });
        continue;
      }
      planned.role = verdict.role;
      if (planned.role === 'GRADING') {
        // One grading per scheme and unit (migration 0002), in the file and against the stored ones.
        const k = `${p.schemeRef}|${p.unitId}`;
        const other = [...existing.values()].find((e) => e.role === 'GRADING' && `${e.unitId}` === p.unitId && e.assessorId !== p.assessorId && existingScheme.get(e.id) === p.schemeRef);
        if (other || gradings.has(k)) {
          problems.push({ path: `${p.base}.assessor`, message: `${p.unitCode} 在该方案下已有一份评定（${other ? `#${other.id}` : gradings.get(k)}）：一个单位在一个方案下只有一份评定` });
          continue;
        }
        gradings.set(k, p.base);
      }
      subs.push(planned);
    }
    if (problems.length > 0) return report;
  }

  for (const s of planned.values()) report.schemes[s.existingId ? 'unchanged' : 'created']++;
  for (const p of subs) report.submissions[!p.existing ? 'created' : changed(p) ? 'updated' : 'unchanged']++;
  report.created = report.schemes.created + report.submissions.created;
  report.updated = report.submissions.updated;
  report.unchanged = report.schemes.unchanged + report.submissions.unchanged;
  report.ok = true;
  if (dryRun) return report;

  try {
    await writeImport(ctx, planned, subs, storedSchemes, changed);
  } catch (e) {
    if (isRlsRefusal(e)) throw new ForbiddenError('文件中有超出本单位管辖范围的写入：未做任何更改', { field: 'document' });
    if (isUniqueViolation(e)) throw new ConflictError('document', '文件中的方案或考核刚被另一请求写入：请重新导入，未做任何更改');
    throw e;
  }
  return report;
}

/** The first field in which a file's submission differs from the stored one. */
function differingField(stored: SubmissionRecord, p: Pick<PlannedSubmission, 'on' | 'input' | 'note'>): string {
  if (stored.assessedOn !== p.on) return 'on';
  for (const f of ['scores', 'ratings', 'businessScore'] as const) if (canonical(stored.input[f]) !== canonical(p.input[f])) return f;
  return 'note';
}

async function writeImport(
  ctx: AssessmentsContext, planned: Map<string, PlannedScheme>, subs: PlannedSubmission[], storedSchemes: Map<string, Record<string, any>>,
  changed: (p: PlannedSubmission) => boolean,
): Promise<void> {
  await scopedTransaction(ctx.db, ctx.org, ctx.identity, async (tx) => {
    const schemeIds = new Map<string, number>();
    for (const [k, s] of planned) {
      if (s.existingId) { schemeIds.set(k, Number(s.existingId)); continue; }
      const [row] = await tx.insert(schemes).values({
        issuerId: Number(s.issuerId), key: s.scheme.key, year: s.scheme.year, name: s.scheme.name, definition: definitionOf(s.scheme), createdBy: ctx.identity.subject,
      }).returning({ id: schemes.id });
      schemeIds.set(k, row.id);
    }
    for (const p of subs) {
      if (p.existing && !changed(p)) continue;
      const values = {
        role: p.role, assessedOn: p.on, input: p.input, result: p.result, partyScore: p.result.partyScore, businessScore: p.result.businessScore,
        finalScore: p.result.finalScore, grade: p.result.grade, note: p.note,
      };
      const schemeId = schemeIds.get(p.schemeRef) ?? Number(storedSchemes.get(p.schemeRef)!.id);
      const [row] = p.existing
        ? await tx.update(submissions).set({ ...values, version: sql`${submissions.version} + 1`, updatedAt: sql`now()` })
          .where(sql`${submissions.id} = ${Number(p.existing.id)} and ${submissions.version} = ${p.existing.version}`).returning()
        : await tx.insert(submissions).values({ ...values, schemeId, unitId: Number(p.unitId), assessorId: Number(p.assessorId), submittedBy: ctx.identity.subject, submittedFor: ctx.identity.body }).returning();
      // Corrected by someone else since the file was checked: nothing of the file is kept.
      if (!row) throw new ConflictError(p.base, `考核评价 #${p.existing!.id} 在导入期间被他人更正：请重新导入，未做任何更改`);
      await tx.insert(submissionRevisions).values({
        submissionId: row.id, version: row.version, role: p.role, assessedOn: p.on, input: p.input, result: p.result, note: p.note,
        bySubject: ctx.identity.subject, byBody: ctx.identity.body, requestId: ctx.identity.requestId ?? null,
      });
    }
  });
}

/**
 * The `assessments` section for the schemes issued by, and the submissions about, units the caller sees
 * (within `scope` when given).
 */
export async function exportAssessments(ctx: AssessmentsContext, scope: string | null, year: number | null): Promise<{ schemes: unknown[]; submissions: unknown[] }> {
  const [schemeRows, subRows] = await Promise.all([
    rowsOf<Record<string, any>>(ctx.db, sql`select * from assessments.schemes ${year != null ? sql`where year = ${year}` : sql``}`),
    rowsOf<Record<string, any>>(ctx.db, sql`select s.* from assessments.submissions s join assessments.schemes c on c.id = s.scheme_id ${year != null ? sql`where c.year = ${year}` : sql``}`),
  ]);
  const allowed = scope
    ? new Set((await ctx.org.scope(scope, `${year ?? 2000}-01-01`, year != null ? `${year}-12-31` : today())).members)
    : null;
  const keep = async (ids: string[]) => new Set(allowed ? ids.filter((id) => allowed.has(id)) : await ctx.org.onlyVisible(ids));
  const schemeRecords = schemeRows.map((r) => toScheme(r));
  const subRecords = subRows.map(toSubmission);
  const okUnits = await keep([...new Set([...schemeRecords.map((s) => s.issuerId), ...subRecords.map((s) => s.unitId)])]);
  const named = await ctx.org.unitsById([...new Set([...schemeRecords.map((s) => s.issuerId), ...subRecords.flatMap((s) => [s.unitId, s.assessorId])])]);
  const code = (id: string) => named.get(id)?.code ?? `#${id}`;
  const keyOf = (s: (typeof schemeRecords)[number]) => s.key ?? `scheme-${s.id}`;
  const byId = new Map(schemeRecords.map((s) => [s.id, s]));
  // A submission's scheme goes with it (the file must hold what it refers to).
  const subsOut = subRecords.filter((s) => okUnits.has(s.unitId));
  // The schemes the caller may list (scheme.service visibleSchemes) among those of the units kept, and each exported submission's.
  const listed = new Set((await visibleSchemes(ctx, schemeRecords.filter((s) => okUnits.has(s.issuerId)))).map((s) => s.id));
  const schemesOut = schemeRecords.filter((s) => listed.has(s.id) || subsOut.some((x) => x.schemeId === s.id));
  return {
    schemes: schemesOut.map((s) => ({
      issuer: code(s.issuerId), key: keyOf(s), year: s.year, name: s.name,
      indicators: s.scheme.indicators, evaluatorGroups: s.scheme.evaluatorGroups, gradeBands: s.scheme.gradeBands, combination: s.scheme.combination, opinionWeight: s.scheme.opinionWeight,
    })).sort((a, b) => a.issuer.localeCompare(b.issuer) || a.key.localeCompare(b.key)),
    submissions: subsOut.map((s) => {
      const scheme = byId.get(s.schemeId)!;
      return {
        scheme: { issuer: code(scheme.issuerId), key: keyOf(scheme) }, unit: code(s.unitId), assessor: code(s.assessorId), role: s.role, on: s.assessedOn,
        scores: s.input.scores, ratings: s.input.ratings, businessScore: s.input.businessScore, ...(s.note ? { note: s.note } : {}),
      };
    }).sort((a, b) => a.scheme.issuer.localeCompare(b.scheme.issuer) || a.scheme.key.localeCompare(b.scheme.key) || a.unit.localeCompare(b.unit) || a.assessor.localeCompare(b.assessor)),
  };
}
