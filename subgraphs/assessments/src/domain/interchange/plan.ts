/**
 * Planning an import of the `assessments` section (docs/interchange.md; the service's doc):
 * pure. Given the file's records (their shape: shape.ts), the units they name, what the caller
 * sees and what is stored, it decides what is created, corrected or left unchanged, and lists
 * every problem with its JSON path. Nothing is written here.
 */
import { isDay, textProblem } from '@tiaokuai/leadership';
import { judgeRole, ROLES, type Relation, type SubmissionRole } from '../restore';
import { assessmentDayProblem } from '../scheme/assessment-day';
import { canonical, sameScheme, type StoredScheme } from '../scheme/definition';
import type { Problem, Scheme } from '../scheme/scheme';
import { validateScheme } from '../scheme/validate';
import { scoreSubmission, type ScoreResult, type Submission } from '../scoring';
import {
  businessScoreShape,
  isObject,
  itemsShape,
  noteShape,
  RATING_FIELDS,
  schemeRefShape,
  SCORE_FIELDS,
} from './shape';

const NOTE_MAX = 2000;

/** A stored scheme with a key: its row (as sameScheme reads it) and the scheme it holds. */
export interface KeyedScheme {
  row: StoredScheme & { id: unknown };
  scheme: Scheme;
}

/** A stored submission, as the plan compares it with the file's. */
export interface StoredSubmission {
  id: string;
  unitId: string;
  assessorId: string;
  role: SubmissionRole;
  assessedOn: string;
  input: Submission;
  note: string | null;
  version: number;
}

/** What the plan is given about the units the file names and about the caller. */
export interface Facts {
  /** The file's unit codes that name a unit. */
  units: ReadonlyMap<string, { id: string } | null>;
  /** Whether the caller sees a unit (its jurisdiction). */
  sees: (id: string) => boolean;
  /** The operator: told which codes name nothing. */
  hubAdmin: boolean;
  today: string;
  /** Stored schemes with a key, by "issuerId|key". */
  storedSchemes: ReadonlyMap<string, KeyedScheme>;
  /** The refusal of an assessor that neither leads nor guides the unit on the day (its message). */
  notAssessable: (assessor: string, day: string, unit: string) => string;
}

export interface PlannedScheme {
  base: string;
  scheme: Scheme;
  issuerId: string;
  existingId: string | null;
}

/** A submission of the file that passed its checks, before who may assess is judged. */
export interface CheckedSubmission {
  base: string;
  schemeRef: string;
  unitId: string;
  assessorId: string;
  on: string;
  input: Submission;
  result: ScoreResult;
  note: string | null;
  /** The role the file recorded (a hub's export writes it): null for a new record. */
  recorded: SubmissionRole | null;
  unitCode: string;
  assessorCode: string;
  schemeYear: number;
  /** An assessor outside the caller's jurisdiction (only an unchanged stored submission may name it). */
  hidden: boolean;
}

export interface PlannedSubmission extends CheckedSubmission {
  role: SubmissionRole;
  existing: StoredSubmission | null;
}

/**
 * The file's schemes, by "issuerId|key": each checked whole (validateScheme), with a key, an
 * issuer the caller sees (or the stored scheme repeated unchanged), once in the file, never a
 * different scheme under a stored key.
 */
export function planSchemes(
  raws: readonly unknown[],
  facts: Facts,
  currentYear: number,
  problems: Problem[],
): Map<string, PlannedScheme> {
  const planned = new Map<string, PlannedScheme>();
  raws.forEach((raw, i) => {
    const base = `assessments.schemes[${i}]`;
    const { scheme, problems: found } = validateScheme(raw, base, currentYear);
    problems.push(...found);
    if (!scheme) return;
    if (!scheme.key) {
      problems.push({ path: `${base}.key`, message: '文件中的方案需要 key（再次导入时据此识别）' });
      return;
    }
    const issuer = facts.units.get(scheme.issuer);
    const k = issuer ? `${issuer.id}|${scheme.key}` : '';
    const stored = facts.storedSchemes.get(k)?.row;
    // An issuer outside the caller's jurisdiction is refused, unless the file only repeats its
    // stored scheme (an export of the caller's units carries the schemes they were assessed under).
    if (!issuer || (!facts.sees(issuer.id) && !(stored && sameScheme(stored, scheme)))) {
      problems.push({ path: `${base}.issuer`, message: `未知单位代码：${scheme.issuer}` });
      return;
    }
    if (planned.has(k)) {
      problems.push({
        path: `${base}.key`,
        message: `与 ${planned.get(k)!.base} 重复：${scheme.issuer} 的 key「${scheme.key}」`,
      });
      return;
    }
    if (stored && !sameScheme(stored, scheme)) {
      problems.push({
        path: `${base}.key`,
        message: `key「${scheme.key}」已用于 ${scheme.issuer} 的另一方案 #${stored.id}（方案不覆盖，请换用新的 key）`,
      });
      return;
    }
    planned.set(k, { base, scheme, issuerId: issuer.id, existingId: stored ? String(stored.id) : null });
  });
  return planned;
}

/**
 * The file's submissions, each checked as submitAssessment checks it except who may assess:
 * its scheme (in the file or stored), its day, its unit and assessor, its scores (scored under
 * the scheme), note and recorded role; once per scheme, unit and assessor.
 */
export function checkSubmissions(
  raws: readonly unknown[],
  facts: Facts,
  planned: ReadonlyMap<string, PlannedScheme>,
  problems: Problem[],
): CheckedSubmission[] {
  const seen = new Map<string, string>();
  const checked: CheckedSubmission[] = [];
  raws.forEach((raw, i) => {
    const base = `assessments.submissions[${i}]`;
    if (!isObject(raw)) {
      problems.push({ path: base, message: '应为对象' });
      return;
    }
    const ref = schemeRefShape(raw, base);
    if ('path' in ref) {
      problems.push(ref);
      return;
    }
    const refIssuer = facts.units.get(ref.issuer);
    const k = refIssuer ? `${refIssuer.id}|${ref.key}` : '';
    const scheme = planned.get(k)?.scheme ?? facts.storedSchemes.get(k)?.scheme;
    if (!scheme) {
      problems.push({ path: `${base}.scheme`, message: `没有 ${ref.issuer} 的 key 为「${ref.key}」的考核方案` });
      return;
    }
    const unit = typeof raw.unit === 'string' ? facts.units.get(raw.unit) : undefined;
    const assessor = typeof raw.assessor === 'string' ? facts.units.get(raw.assessor) : undefined;
    const on = raw.on;
    const dayProblem = assessmentDayProblem(scheme.year, on, facts.today);
    if (dayProblem) problems.push({ path: `${base}.on`, message: dayProblem });
    // An assessor outside the caller's jurisdiction: only an unchanged stored submission may name it (planSubmissions).
    // With a unit that names nothing, it reads as unknown at once, as an assessor that names nothing does.
    if (!assessor || (!unit && !facts.sees(assessor.id))) {
      problems.push({ path: `${base}.assessor`, message: `未知单位代码：${String(raw.assessor)}` });
    } else if (!unit && (facts.hubAdmin || typeof on !== 'string' || dayProblem)) {
      // A unit code that names nothing reads, for anyone but the operator, as a unit the assessor
      // does not reach (below): the same problem, so a file does not tell which units exist. Only
      // asked once the assessor and the day are known, as that problem is.
      problems.push({ path: `${base}.unit`, message: `未知单位代码：${String(raw.unit)}` });
    } else if (!unit) {
      problems.push({
        path: `${base}.unit`,
        message: facts.notAssessable(String(raw.assessor), on as string, String(raw.unit)),
      });
    }
    const scores = itemsShape(raw, base, 'scores', SCORE_FIELDS);
    problems.push(...scores.problems);
    const ratings = itemsShape(raw, base, 'ratings', RATING_FIELDS);
    problems.push(...ratings.problems);
    const businessProblem = businessScoreShape(raw, base);
    if (businessProblem) {
      problems.push(businessProblem);
      return;
    }
    if (!scores.items || !ratings.items) return;
    const input: Submission = {
      scores: scores.items as unknown as Submission['scores'],
      ratings: ratings.items as unknown as Submission['ratings'],
      businessScore: raw.businessScore as number,
    };
    const { result, problems: scoring } = scoreSubmission(scheme, input, base);
    problems.push(...scoring);
    const { note, problems: noteProblems } = noteShape(raw, base);
    problems.push(...noteProblems);
    if (note && note.length > NOTE_MAX)
      problems.push({ path: `${base}.note`, message: `说明过长（最多 ${NOTE_MAX} 字）` });
    const bad = note ? textProblem(note, 'MULTILINE') : null;
    if (bad) problems.push({ path: `${base}.note`, message: bad });
    // A recorded role (a hub's export writes it) marks a record accepted at the time (domain/restore.ts).
    if (raw.role !== undefined && !ROLES.includes(raw.role as SubmissionRole)) {
      problems.push({
        path: `${base}.role`,
        message: `应为 ${ROLES.join(' 或 ')}（导出时记录的角色），实为 ${JSON.stringify(raw.role)}`,
      });
    }
    const recorded = (raw.role as SubmissionRole | undefined) ?? null;
    if (!unit || !assessor || !result || !isDay(on)) return;
    const key = `${k}|${unit.id}|${assessor.id}`;
    if (seen.has(key)) {
      problems.push({ path: base, message: `与 ${seen.get(key)} 重复：同一方案、单位和考核单位只有一份考核` });
      return;
    }
    seen.set(key, base);
    checked.push({
      base,
      schemeRef: k,
      unitId: unit.id,
      assessorId: assessor.id,
      on,
      input,
      result,
      note,
      recorded,
      unitCode: raw.unit as string,
      assessorCode: raw.assessor as string,
      schemeYear: scheme.year,
      hidden: !facts.sees(assessor.id),
    });
  });
  return checked;
}

/** A planned submission differs from the stored one it names (none stored: it is new). */
export const changed = (p: Pick<PlannedSubmission, 'existing' | 'on' | 'input' | 'note'>): boolean =>
  !(
    p.existing &&
    p.existing.assessedOn === p.on &&
    canonical(p.existing.input) === canonical(p.input) &&
    p.existing.note === p.note
  );

/**
 * What planSubmissions is given besides the checked submissions: what is stored, what org says, the caller's rights.
 */
export interface Judgement {
  /** Stored submissions about the file's units, by "issuerId|key|unitId|assessorId". */
  existing: ReadonlyMap<string, StoredSubmission>;
  /** Each stored submission's scheme, "issuerId|key", by submission id. */
  existingScheme: ReadonlyMap<string, string>;
  /** How the assessor relates to the unit on the day (org's answer). */
  relation: (assessorId: string, unitId: string, day: string) => Relation;
  /** Whether the caller may restore a record whose unit and assessor are (or not) both in its jurisdiction. */
  mayRestore: (inJurisdiction: boolean) => boolean;
  /** The message of a restore the caller may not make. */
  restoreNeedsAdmin: string;
}

/**
 * Who may assess, for each checked submission (docs/interchange.md "Round trip"): stored and
 * unchanged, nothing is judged again; a recorded role never corrects a stored record; otherwise
 * today's relation decides (judgeRole), a recorded role restored only by those who may; one
 * grading per scheme and unit (migration 0002), in the file and against the stored ones.
 */
export function planSubmissions(
  checked: readonly CheckedSubmission[],
  facts: Facts,
  j: Judgement,
  problems: Problem[],
): PlannedSubmission[] {
  const subs: PlannedSubmission[] = [];
  const gradings = new Map<string, string>();
  for (const p of checked) {
    const stored = j.existing.get(`${p.schemeRef}|${p.unitId}|${p.assessorId}`) ?? null;
    const planned: PlannedSubmission = { ...p, role: stored?.role ?? 'OPINION', existing: stored };
    // The hidden assessor first: how it relates to the unit is not the caller's to learn.
    if (p.hidden && (!stored || changed(planned))) {
      problems.push({ path: `${p.base}.assessor`, message: `未知单位代码：${p.assessorCode}` });
      continue;
    }
    if (stored && p.recorded && p.recorded !== stored.role) {
      problems.push({
        path: `${p.base}.role`,
        message: `与已存的考核评价 #${stored.id} 的角色（${stored.role}）不同：导入不覆盖已存的记录`,
      });
      continue;
    }
    // Stored and unchanged: nothing is written, so nothing is judged again (the facts may have changed since).
    if (stored && !changed(planned)) {
      subs.push(planned);
      continue;
    }
    // A restored record never corrects a stored one: a different record under its key is refused, naming the field.
    if (stored && p.recorded) {
      problems.push({
        path: `${p.base}.${differingField(stored, p)}`,
        message: `与已存的考核评价 #${stored.id} 不同：导出文件中的记录不覆盖已存的记录（更正请用 correctAssessment，或去掉 role 作为更正导入）`,
      });
      continue;
    }
    const verdict = judgeRole(
      p.recorded,
      j.relation(p.assessorId, p.unitId, p.on),
      j.mayRestore(facts.sees(p.unitId) && facts.sees(p.assessorId)),
    );
    if ('refused' in verdict) {
      const why = verdict.refused === 'NOT_ASSESSABLE' ? facts.notAssessable(p.assessorCode, p.on, p.unitCode) : '';
      problems.push(
        p.recorded
          ? {
              path: `${p.base}.role`,
              message: `${why ? `${why}。` : ''}${j.restoreNeedsAdmin}（记录的角色：${p.recorded}）`,
            }
          : { path: `${p.base}.unit`, message: why },
      );
      continue;
    }
    planned.role = verdict.role;
    if (planned.role === 'GRADING') {
      const k = `${p.schemeRef}|${p.unitId}`;
      const other = [...j.existing.values()].find(
        (e) =>
          e.role === 'GRADING' &&
          `${e.unitId}` === p.unitId &&
          e.assessorId !== p.assessorId &&
          j.existingScheme.get(e.id) === p.schemeRef,
      );
      if (other || gradings.has(k)) {
        problems.push({
          path: `${p.base}.assessor`,
          message: `${p.unitCode} 在该方案下已有一份评定（${other ? `#${other.id}` : gradings.get(k)}）：一个单位在一个方案下只有一份评定`,
        });
        continue;
      }
      gradings.set(k, p.base);
    }
    subs.push(planned);
  }
  return subs;
}

/** The first field in which a file's submission differs from the stored one. */
function differingField(stored: StoredSubmission, p: Pick<PlannedSubmission, 'on' | 'input' | 'note'>): string {
  if (stored.assessedOn !== p.on) return 'on';
  for (const f of ['scores', 'ratings', 'businessScore'] as const)
    if (canonical(stored.input[f]) !== canonical(p.input[f])) return f;
  return 'note';
}

/** What the import does, counted (the report's figures). */
export function planCounts(planned: ReadonlyMap<string, PlannedScheme>, subs: readonly PlannedSubmission[]) {
  const schemes = { created: 0, updated: 0, unchanged: 0 };
  const submissions = { created: 0, updated: 0, unchanged: 0 };
  for (const s of planned.values()) schemes[s.existingId ? 'unchanged' : 'created']++;
  for (const p of subs) submissions[!p.existing ? 'created' : changed(p) ? 'updated' : 'unchanged']++;
  return { schemes, submissions };
}
