/**
 * Assessment schemes (考核方案; DOMAIN.md "Assessments (考核评价)"), checked as given: pure,
 * every problem with the path of its field.
 *
 * A scheme, from an issuer for a year:
 * - indicators: code, name, part RESULTS (实绩考核, scored directly) or SATISFACTION (满意度评价,
 *   rated by evaluator groups), weight (percent of the party-building score; all weights sum to
 *   100), maximum score, QUANTITATIVE or QUALITATIVE;
 * - evaluator groups with weights summing to 100 (知者权重: the leading party organisation, the
 *   competent department, party members, the public), needed when any indicator is SATISFACTION;
 * - grade bands (格次赋分) on the 0–100 scale: [min, max) each, the top band closed at 100; no
 *   overlap, no gap, covering 0–100;
 * - the 双百分 combination of the party-building score with the business score (both of 100):
 *   WEIGHTED_SUM (party and business weights summing to 100, the sum banded) or GRADE_MATRIX
 *   (the party grade and the business grade, each banded, looked up in a matrix that names a
 *   final grade for every pair);
 * - opinionWeight: the share of guiding bodies' weighted opinions in the party-building score
 *   (0 by default, at most 50: the leader grades).
 */
import { isDay, textProblem } from '@tiaokuai/leadership';

export const PARTS = ['RESULTS', 'SATISFACTION'] as const;
export type Part = (typeof PARTS)[number];
export const MEASURES = ['QUANTITATIVE', 'QUALITATIVE'] as const;
export type Measure = (typeof MEASURES)[number];
/** Weights summing "to 100" may be off by rounding of decimal fractions, no more. */
export const WEIGHT_TOLERANCE = 1e-6;

export interface Indicator { code: string; name: string; part: Part; weight: number; maxScore: number; measure: Measure }
export interface EvaluatorGroup { code: string; name: string; weight: number }
export interface GradeBand { grade: string; min: number; max: number }
export type Combination =
  | { method: 'WEIGHTED_SUM'; partyWeight: number; businessWeight: number }
  | { method: 'GRADE_MATRIX'; matrix: Array<{ party: string; business: string; grade: string }> };

export interface Scheme {
  issuer: string;
  key: string | null;
  year: number;
  name: string;
  indicators: Indicator[];
  evaluatorGroups: EvaluatorGroup[];
  gradeBands: GradeBand[];
  combination: Combination;
  /**
   * Percent (0–50) of the party-building score taken from guiding bodies' opinions (their own
   * scoring under the scheme, averaged); 0: opinions are shown beside the grade and change nothing.
   */
  opinionWeight: number;
}

export interface Problem { path: string; message: string }

const CODE = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,63}$/;
const isNum = (x: unknown): x is number => typeof x === 'number' && Number.isFinite(x);
const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);

/** `raw` as a Scheme, or every problem. `currentYear`: a scheme may be for at most the next year. */
export function validateScheme(raw: unknown, base: string, currentYear: number): { scheme?: Scheme; problems: Problem[] } {
  const problems: Problem[] = [];
  const bad = (path: string, message: string) => problems.push({ path: `${base}.${path}`, message });
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { problems: [{ path: base, message: '应为对象' }] };
  const r = raw as Record<string, unknown>;
  const text = (field: string, v: unknown, max: number, required = true): string | null => {
    if (v === undefined || v === null || (typeof v === 'string' && v.trim() === '')) { if (required) bad(field, '必填'); return null; }
    if (typeof v !== 'string') { bad(field, '应为字符串'); return null; }
    const t = v.trim();
    if (t.length > max) { bad(field, `过长（最多 ${max} 字）`); return null; }
    const u = textProblem(t, 'LINE'); // every text of a scheme is a name or a label (leadership's text.ts)
    if (u) { bad(field, u); return null; }
    return t;
  };
  const code = (field: string, v: unknown): string | null => {
    if (typeof v !== 'string' || !CODE.test(v)) { bad(field, '代码应为 1–64 位字母、数字、-、_、.'); return null; }
    return v;
  };
  const list = (field: string): unknown[] => {
    const v = r[field];
    if (v === undefined || v === null) return [];
    if (!Array.isArray(v)) { bad(field, '应为列表'); return []; }
    return v;
  };

  const weight = (path: string, v: unknown) => {
    if (!isNum(v) || v <= 0 || v > 100) bad(path, `权重应为大于 0、不超过 100 的数：${String(v)}`);
  };
  /** The weights of a complete, non-empty list must sum to 100%. */
  const weightsTo100 = (field: string, label: string, list: ReadonlyArray<{ weight: number }>) => {
    const total = sum(list.map((x) => x.weight));
    if (list.length > 0 && Math.abs(total - 100) > WEIGHT_TOLERANCE) bad(field, `${label}权重之和应为 100%，实为 ${round(total)}%`);
  };

  const issuer = text('issuer', r.issuer, 200);
  const key = text('key', r.key, 200, false);
  const name = text('name', r.name, 200);
  const year = r.year;
  if (!Number.isInteger(year)) bad('year', '应为整数年份');
  else if ((year as number) > currentYear + 1) bad('year', `考核年度 ${year} 超过明年（${currentYear + 1}）`);
  else if ((year as number) < 2000) bad('year', `考核年度 ${year} 早于 2000 年`);

  const indicators: Indicator[] = [];
  const rawIndicators = list('indicators');
  if (rawIndicators.length === 0 && !problems.some((p) => p.path === `${base}.indicators`)) bad('indicators', '至少需要一项指标');
  rawIndicators.forEach((x, i) => {
    const at = `indicators[${i}]`;
    if (typeof x !== 'object' || x === null) { bad(at, '应为对象'); return; }
    const o = x as Record<string, unknown>;
    const c = code(`${at}.code`, o.code);
    const n = text(`${at}.name`, o.name, 200);
    const part = o.part as Part;
    if (!PARTS.includes(part)) bad(`${at}.part`, `未知的考核部分：${String(o.part)}（RESULTS 实绩考核 或 SATISFACTION 满意度评价）`);
    const measure = (o.measure ?? 'QUANTITATIVE') as Measure;
    if (!MEASURES.includes(measure)) bad(`${at}.measure`, `应为 QUANTITATIVE（定量）或 QUALITATIVE（定性）：${String(o.measure)}`);
    weight(`${at}.weight`, o.weight);
    if (!isNum(o.maxScore) || o.maxScore <= 0) bad(`${at}.maxScore`, `满分应为大于 0 的数：${String(o.maxScore)}`);
    if (c && indicators.some((k) => k.code === c)) bad(`${at}.code`, `重复的指标代码：${c}`);
    if (c && n && PARTS.includes(part) && MEASURES.includes(measure) && isNum(o.weight) && isNum(o.maxScore)) {
      indicators.push({ code: c, name: n, part, weight: o.weight, maxScore: o.maxScore, measure });
    }
  });
  if (indicators.length === rawIndicators.length) weightsTo100('indicators', '指标', indicators);

  const evaluatorGroups: EvaluatorGroup[] = [];
  const rawGroups = list('evaluatorGroups');
  rawGroups.forEach((x, i) => {
    const at = `evaluatorGroups[${i}]`;
    if (typeof x !== 'object' || x === null) { bad(at, '应为对象'); return; }
    const o = x as Record<string, unknown>;
    const c = code(`${at}.code`, o.code);
    const n = text(`${at}.name`, o.name, 200);
    weight(`${at}.weight`, o.weight);
    if (c && evaluatorGroups.some((g) => g.code === c)) bad(`${at}.code`, `重复的评价主体代码：${c}`);
    if (c && n && isNum(o.weight)) evaluatorGroups.push({ code: c, name: n, weight: o.weight });
  });
  if (evaluatorGroups.length === rawGroups.length) weightsTo100('evaluatorGroups', '评价主体', evaluatorGroups);
  if (indicators.some((k) => k.part === 'SATISFACTION') && rawGroups.length === 0) bad('evaluatorGroups', '有满意度评价指标时须设评价主体及其权重');

  const gradeBands: GradeBand[] = [];
  const rawBands = list('gradeBands');
  if (rawBands.length === 0 && !problems.some((p) => p.path === `${base}.gradeBands`)) bad('gradeBands', '至少需要一个格次');
  rawBands.forEach((x, i) => {
    const at = `gradeBands[${i}]`;
    if (typeof x !== 'object' || x === null) { bad(at, '应为对象'); return; }
    const o = x as Record<string, unknown>;
    const g = text(`${at}.grade`, o.grade, 50);
    const okMin = isNum(o.min) && o.min >= 0 && o.min <= 100;
    const okMax = isNum(o.max) && o.max >= 0 && o.max <= 100;
    if (!okMin) bad(`${at}.min`, `下限应为 0–100 的数：${String(o.min)}`);
    if (!okMax) bad(`${at}.max`, `上限应为 0–100 的数：${String(o.max)}`);
    if (okMin && okMax && (o.max as number) <= (o.min as number)) bad(`${at}.max`, `上限 ${o.max} 应大于下限 ${o.min}`);
    if (g && gradeBands.some((b) => b.grade === g)) bad(`${at}.grade`, `重复的格次：${g}`);
    if (g && okMin && okMax && (o.max as number) > (o.min as number)) gradeBands.push({ grade: g, min: o.min as number, max: o.max as number });
  });
  if (gradeBands.length === rawBands.length && gradeBands.length > 0) {
    const order = gradeBands.map((b, i) => ({ b, i })).sort((x, y) => x.b.min - y.b.min);
    for (let j = 1; j < order.length; j++) {
      const prev = order[j - 1].b;
      const cur = order[j];
      if (cur.b.min < prev.max) bad(`gradeBands[${cur.i}].min`, `格次「${cur.b.grade}」[${cur.b.min}, ${cur.b.max}) 与「${prev.grade}」[${prev.min}, ${prev.max}) 重叠`);
      else if (cur.b.min > prev.max) bad(`gradeBands[${cur.i}].min`, `格次「${prev.grade}」与「${cur.b.grade}」之间有空档 [${prev.max}, ${cur.b.min})`);
    }
    if (order[0].b.min > 0) bad(`gradeBands[${order[0].i}].min`, `格次未覆盖 0 分起的区间（最低下限 ${order[0].b.min}）`);
    if (order[order.length - 1].b.max < 100) bad(`gradeBands[${order[order.length - 1].i}].max`, `格次未覆盖到 100 分（最高上限 ${order[order.length - 1].b.max}）`);
  }

  let combination: Combination | null = null;
  const c = r.combination as Record<string, unknown> | undefined | null;
  if (typeof c !== 'object' || c === null) bad('combination', '须给出双百分的合成方式（WEIGHTED_SUM 或 GRADE_MATRIX）');
  else if (c.method === 'WEIGHTED_SUM') {
    if (!isNum(c.partyWeight) || c.partyWeight < 0) bad('combination.partyWeight', '党建权重应为不小于 0 的数');
    if (!isNum(c.businessWeight) || c.businessWeight < 0) bad('combination.businessWeight', '业务权重应为不小于 0 的数');
    if (isNum(c.partyWeight) && isNum(c.businessWeight)) {
      if (Math.abs(c.partyWeight + c.businessWeight - 100) > WEIGHT_TOLERANCE) bad('combination', `党建与业务权重之和应为 100%，实为 ${round(c.partyWeight + c.businessWeight)}%`);
      else combination = { method: 'WEIGHTED_SUM', partyWeight: c.partyWeight, businessWeight: c.businessWeight };
    }
  } else if (c.method === 'GRADE_MATRIX') {
    const grades = new Set(gradeBands.map((b) => b.grade));
    const cells = Array.isArray(c.matrix) ? c.matrix as Array<Record<string, unknown>> : null;
    if (!cells) bad('combination.matrix', '应为 { party, business, grade } 的列表');
    else {
      const seen = new Set<string>();
      cells.forEach((cell, i) => {
        for (const f of ['party', 'business', 'grade'] as const) {
          if (typeof cell?.[f] !== 'string' || !grades.has(cell[f] as string)) bad(`combination.matrix[${i}].${f}`, `未知的格次：${String(cell?.[f])}`);
        }
        const pair = `${String(cell?.party)}|${String(cell?.business)}`;
        if (seen.has(pair)) bad(`combination.matrix[${i}]`, `重复的组合：党建「${cell.party}」× 业务「${cell.business}」`);
        seen.add(pair);
      });
      for (const p of grades) for (const b of grades) {
        if (!seen.has(`${p}|${b}`)) bad('combination.matrix', `缺少组合：党建「${p}」× 业务「${b}」`);
      }
      if (!problems.some((p) => p.path.startsWith(`${base}.combination`))) {
        combination = { method: 'GRADE_MATRIX', matrix: cells.map((m) => ({ party: m.party as string, business: m.business as string, grade: m.grade as string })) };
      }
    }
  } else bad('combination.method', `未知的合成方式：${String(c.method)}（WEIGHTED_SUM 或 GRADE_MATRIX）`);

  let opinionWeight = 0;
  if (r.opinionWeight !== undefined && r.opinionWeight !== null) {
    if (!isNum(r.opinionWeight) || r.opinionWeight < 0 || r.opinionWeight > 50) bad('opinionWeight', `指导单位意见的权重应为 0–50：${String(r.opinionWeight)}（评定由领导单位作出）`);
    else opinionWeight = r.opinionWeight;
  }

  if (problems.length > 0 || !combination) return { problems };
  return { problems, scheme: { issuer: issuer!, key, year: year as number, name: name!, indicators, evaluatorGroups, gradeBands, combination, opinionWeight } };
}

/**
 * The days on which a year's assessments may be made: the year and the first half of the next
 * (annual gradings are often made in January). The findings of a year look at the same days.
 */
export const assessmentWindow = (year: number) => ({ from: `${year}-01-01`, to: `${year + 1}-06-30` });

/** What is wrong with `on` as the day of an assessment under a scheme of `year`, as of `today`; null: nothing. */
export function assessmentDayProblem(year: number, on: unknown, today: string): string | null {
  if (!isDay(on)) return `日期无效：${String(on)}`;
  if (on > today) return `考核日期 ${on} 在未来`;
  const { from, to } = assessmentWindow(year);
  if (on < from || on > to) return `${year} 年度方案的考核日期应在 ${from} 至 ${to} 之间：${on}`;
  return null;
}

export const round = (x: number, digits = 2): number => {
  const f = 10 ** digits;
  return Math.round((x + Number.EPSILON) * f) / f;
};

/** The band holding `score` ([min, max), the top band closed). */
export function gradeOf(bands: readonly GradeBand[], score: number): string | null {
  const top = Math.max(...bands.map((b) => b.max));
  const band = bands.find((b) => score >= b.min && (score < b.max || (b.max === top && score === top)));
  return band?.grade ?? null;
}
