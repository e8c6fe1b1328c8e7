/**
 * The shape of the interchange file's `assessments` section (CONTRACT.md: tiaokuai/v1;
 * docs/interchange.md): pure checks of the document and of each record as written, before
 * anything in it is looked up. Every problem names its JSON path.
 */
import { DOCUMENT_FIELDS, unknownFields } from '@tiaokuai/leadership';
import type { Problem } from '../scheme/scheme';

export const isObject = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

/** The section's lists, as given. */
export interface Section {
  schemes: unknown[];
  submissions: unknown[];
}

/**
 * The document's shape: a tiaokuai/v1 object whose `assessments` (when present) is an object of
 * two lists (its other fields: unknownAssessmentFields). `section` null: nothing more is read
 * (the problems say why; none: the document has no such section).
 */
export function sectionShape(document: unknown): { problems: Problem[]; section: Section | null } {
  if (!isObject(document)) return { problems: [{ path: '$', message: '应为 JSON 对象' }], section: null };
  const problems: Problem[] = [];
  if (document.format !== 'tiaokuai/v1')
    problems.push({ path: 'format', message: `应为 "tiaokuai/v1"，实为 ${JSON.stringify(document.format)}` });
  const section = document.assessments;
  if (section === undefined) return { problems, section: null };
  if (!isObject(section))
    return {
      problems: [...problems, { path: 'assessments', message: '应为对象 { schemes, submissions }' }],
      section: null,
    };
  for (const k of ['schemes', 'submissions']) {
    if (section[k] !== undefined && !Array.isArray(section[k]))
      problems.push({ path: `assessments.${k}`, message: '应为列表' });
  }
  if (problems.length > 0) return { problems, section: null };
  return {
    problems,
    section: {
      schemes: (section.schemes as unknown[] | undefined) ?? [],
      submissions: (section.submissions as unknown[] | undefined) ?? [],
    },
  };
}

/**
 * The fields the file knows in the `assessments` section, one list per record kind, as
 * exportAssessments writes them (docs/interchange.md "Unknown fields are refused").
 */
export const SECTION_FIELDS: ReadonlySet<string> = new Set(['schemes', 'submissions']);
export const SCHEME_FIELDS: ReadonlySet<string> = new Set([
  'issuer',
  'key',
  'year',
  'name',
  'indicators',
  'evaluatorGroups',
  'gradeBands',
  'combination',
  'opinionWeight',
]);
export const INDICATOR_FIELDS: ReadonlySet<string> = new Set(['code', 'name', 'part', 'weight', 'maxScore', 'measure']);
export const EVALUATOR_GROUP_FIELDS: ReadonlySet<string> = new Set(['code', 'name', 'weight']);
export const GRADE_BAND_FIELDS: ReadonlySet<string> = new Set(['grade', 'min', 'max']);
/** A scheme's `combination`, by method (an unknown method: any of them, the method itself is refused). */
export const COMBINATION_FIELDS: Readonly<Record<string, ReadonlySet<string>>> = {
  WEIGHTED_SUM: new Set(['method', 'partyWeight', 'businessWeight']),
  GRADE_MATRIX: new Set(['method', 'matrix']),
};
const ANY_COMBINATION_FIELDS: ReadonlySet<string> = new Set(Object.values(COMBINATION_FIELDS).flatMap((s) => [...s]));
export const MATRIX_CELL_FIELDS: ReadonlySet<string> = new Set(['party', 'business', 'grade']);
export const SUBMISSION_FIELDS: ReadonlySet<string> = new Set([
  'scheme',
  'unit',
  'assessor',
  'role',
  'on',
  'scores',
  'ratings',
  'businessScore',
  'note',
]);
/** A submission's `scheme`: the scheme's issuer and key. */
export const SCHEME_REF_FIELDS: ReadonlySet<string> = new Set(['issuer', 'key']);
export const SCORE_FIELDS: ReadonlySet<string> = new Set(['indicator', 'score']);
export const RATING_FIELDS: ReadonlySet<string> = new Set(['indicator', 'group', 'score']);

const TOP_LEVEL: ReadonlySet<string> = new Set(DOCUMENT_FIELDS);
const list = (x: unknown): unknown[] => (Array.isArray(x) ? x : []);

/**
 * Every field of the document, of its `assessments` section, of each scheme and submission and of
 * their nested objects that the format does not know, each with its path. What is no object where
 * one belongs is left to the other checks.
 */
export function unknownAssessmentFields(document: unknown): Problem[] {
  if (!isObject(document)) return [];
  const problems = unknownFields(document, TOP_LEVEL, '$');
  const section = document.assessments;
  if (!isObject(section)) return problems;
  const check = (x: unknown, known: ReadonlySet<string>, path: string) => {
    if (isObject(x)) problems.push(...unknownFields(x, known, path));
  };
  const each = (xs: unknown, known: ReadonlySet<string>, path: string) =>
    list(xs).forEach((x, i) => check(x, known, `${path}[${i}]`));
  check(section, SECTION_FIELDS, 'assessments');
  list(section.schemes).forEach((s, i) => {
    if (!isObject(s)) return;
    const at = `assessments.schemes[${i}]`;
    check(s, SCHEME_FIELDS, at);
    each(s.indicators, INDICATOR_FIELDS, `${at}.indicators`);
    each(s.evaluatorGroups, EVALUATOR_GROUP_FIELDS, `${at}.evaluatorGroups`);
    each(s.gradeBands, GRADE_BAND_FIELDS, `${at}.gradeBands`);
    const c = s.combination;
    if (!isObject(c)) return;
    check(c, COMBINATION_FIELDS[String(c.method)] ?? ANY_COMBINATION_FIELDS, `${at}.combination`);
    each(c.matrix, MATRIX_CELL_FIELDS, `${at}.combination.matrix`);
  });
  list(section.submissions).forEach((s, i) => {
    if (!isObject(s)) return;
    const at = `assessments.submissions[${i}]`;
    check(s, SUBMISSION_FIELDS, at);
    check(s.scheme, SCHEME_REF_FIELDS, `${at}.scheme`);
    each(s.scores, SCORE_FIELDS, `${at}.scores`);
    each(s.ratings, RATING_FIELDS, `${at}.ratings`);
  });
  return problems;
}

/** Every unit code the section names (issuers, units, assessors), to be looked up at once. */
export function unitCodesOf(section: Section): string[] {
  const codes = new Set<string>();
  for (const s of section.schemes) if (isObject(s) && typeof s.issuer === 'string') codes.add(s.issuer);
  for (const s of section.submissions) {
    if (!isObject(s)) continue;
    for (const f of ['unit', 'assessor']) if (typeof s[f] === 'string') codes.add(s[f] as string);
    if (isObject(s.scheme) && typeof s.scheme.issuer === 'string') codes.add(s.scheme.issuer);
  }
  return [...codes];
}

/** A submission's `scheme`: `{ issuer, key }` (the scheme's issuer code and its key). */
export function schemeRefShape(raw: Record<string, unknown>, base: string): { issuer: string; key: string } | Problem {
  const ref = raw.scheme;
  if (!isObject(ref) || typeof ref.issuer !== 'string' || typeof ref.key !== 'string')
    return { path: `${base}.scheme`, message: '应为 { issuer, key }' };
  return { issuer: ref.issuer, key: ref.key };
}

/**
 * A submission's `scores` or `ratings`: a list (absent: empty) of objects with `keys`, `score` a
 * number and the others strings (other fields: unknownAssessmentFields). `items` null: not so
 * (every item at fault named).
 */
export function itemsShape(
  raw: Record<string, unknown>,
  base: string,
  field: 'scores' | 'ratings',
  known: ReadonlySet<string>,
): { items: Array<Record<string, unknown>> | null; problems: Problem[] } {
  const v = raw[field] ?? [];
  if (!Array.isArray(v)) return { items: null, problems: [{ path: `${base}.${field}`, message: '应为列表' }] };
  const keys = [...known];
  const problems: Problem[] = [];
  v.forEach((x, j) => {
    const fine =
      isObject(x) && keys.every((k) => (k === 'score' ? typeof x[k] === 'number' : typeof x[k] === 'string'));
    if (!fine) problems.push({ path: `${base}.${field}[${j}]`, message: `应为 { ${keys.join(', ')} }（score 为数）` });
  });
  return { items: problems.length === 0 ? v : null, problems };
}

/** A submission's `businessScore`: a number (its range is the scoring's). */
export const businessScoreShape = (raw: Record<string, unknown>, base: string): Problem | null =>
  typeof raw.businessScore !== 'number' ? { path: `${base}.businessScore`, message: '应为 0–100 的数' } : null;

/** A submission's `note`: a string when given; blank reads as none. */
export function noteShape(raw: Record<string, unknown>, base: string): { note: string | null; problems: Problem[] } {
  const problems: Problem[] = [];
  if (raw.note != null && typeof raw.note !== 'string') problems.push({ path: `${base}.note`, message: '应为字符串' });
  const note = typeof raw.note === 'string' && raw.note.trim() !== '' ? raw.note.trim() : null;
  return { note, problems };
}
