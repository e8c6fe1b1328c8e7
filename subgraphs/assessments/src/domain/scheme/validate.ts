/**
 * validateScheme: a scheme as given (GraphQL input or an interchange file's record), read field
 * by field (read.ts) and checked by every rule in ./checks, one rule per file. Every problem is
 * reported, in the order of the fields, each with the path of its field.
 */
import { bandBounds } from './checks/band-bounds';
import { bandsCoverScale } from './checks/bands-cover-scale';
import { combinationMethod } from './checks/combination-method';
import { gradeMatrix } from './checks/grade-matrix';
import { hasGradeBands } from './checks/has-grade-bands';
import { hasIndicators } from './checks/has-indicators';
import { knownMeasure } from './checks/known-measure';
import { knownPart } from './checks/known-part';
import { opinionWeight } from './checks/opinion-weight';
import { positiveMaxScore } from './checks/positive-max-score';
import { satisfactionNeedsEvaluators } from './checks/satisfaction-needs-evaluators';
import { unique } from './checks/unique';
import { weightInRange } from './checks/weight-in-range';
import { weightedSum } from './checks/weighted-sum';
import { weightsSumTo100 } from './checks/weights-sum-to-100';
import { yearInRange } from './checks/year-in-range';
import { isNum, isRecord, readCode, readList, readText, type Read } from './read';
import {
  MEASURES,
  PARTS,
  type Combination,
  type EvaluatorGroup,
  type GradeBand,
  type Indicator,
  type Measure,
  type Part,
  type Problem,
  type Scheme,
} from './scheme';

/** `raw` as a Scheme, or every problem. `currentYear`: a scheme may be for at most the next year. */
export function validateScheme(
  raw: unknown,
  base: string,
  currentYear: number,
): { scheme?: Scheme; problems: Problem[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { problems: [{ path: base, message: '应为对象' }] };
  const r = raw as Record<string, unknown>;
  const found: Problem[] = [];
  const read = <T>(x: Read<T>): T | null => {
    found.push(...x.problems);
    return x.value;
  };

  const issuer = read(readText('issuer', r.issuer, 200));
  const key = read(readText('key', r.key, 200, false));
  const name = read(readText('name', r.name, 200));
  found.push(...yearInRange(r.year, currentYear));

  const rawIndicators = read(readList('indicators', r.indicators))!;
  found.push(...hasIndicators(r.indicators));
  const indicators: Indicator[] = [];
  rawIndicators.forEach((x, i) => {
    const at = `indicators[${i}]`;
    if (!isRecord(x)) {
      found.push({ path: at, message: '应为对象' });
      return;
    }
    const c = read(readCode(`${at}.code`, x.code));
    const n = read(readText(`${at}.name`, x.name, 200));
    const part = x.part as Part;
    const measure = (x.measure ?? 'QUANTITATIVE') as Measure;
    found.push(
      ...knownPart(x.part, at),
      ...knownMeasure(x.measure, at),
      ...weightInRange(x.weight, at),
      ...positiveMaxScore(x.maxScore, at),
    );
    found.push(
      ...unique(
        c,
        indicators.map((k) => k.code),
        `${at}.code`,
        '指标代码',
      ),
    );
    if (c && n && PARTS.includes(part) && MEASURES.includes(measure) && isNum(x.weight) && isNum(x.maxScore)) {
      indicators.push({ code: c, name: n, part, weight: x.weight, maxScore: x.maxScore, measure });
    }
  });
  if (indicators.length === rawIndicators.length) found.push(...weightsSumTo100(indicators, 'indicators', '指标'));

  const rawGroups = read(readList('evaluatorGroups', r.evaluatorGroups))!;
  const evaluatorGroups: EvaluatorGroup[] = [];
  rawGroups.forEach((x, i) => {
    const at = `evaluatorGroups[${i}]`;
    if (!isRecord(x)) {
      found.push({ path: at, message: '应为对象' });
      return;
    }
    const c = read(readCode(`${at}.code`, x.code));
    const n = read(readText(`${at}.name`, x.name, 200));
    found.push(
      ...weightInRange(x.weight, at),
      ...unique(
        c,
        evaluatorGroups.map((g) => g.code),
        `${at}.code`,
        '评价主体代码',
      ),
    );
    if (c && n && isNum(x.weight)) evaluatorGroups.push({ code: c, name: n, weight: x.weight });
  });
  if (evaluatorGroups.length === rawGroups.length)
    found.push(...weightsSumTo100(evaluatorGroups, 'evaluatorGroups', '评价主体'));
  found.push(...satisfactionNeedsEvaluators(indicators, rawGroups.length));

  const rawBands = read(readList('gradeBands', r.gradeBands))!;
  found.push(...hasGradeBands(r.gradeBands));
  const gradeBands: GradeBand[] = [];
  rawBands.forEach((x, i) => {
    const at = `gradeBands[${i}]`;
    if (!isRecord(x)) {
      found.push({ path: at, message: '应为对象' });
      return;
    }
    const g = read(readText(`${at}.grade`, x.grade, 50));
    const bounds = bandBounds(x.min, x.max, at);
    found.push(
      ...bounds,
      ...unique(
        g,
        gradeBands.map((b) => b.grade),
        `${at}.grade`,
        '格次',
      ),
    );
    if (g && bounds.length === 0) gradeBands.push({ grade: g, min: x.min as number, max: x.max as number });
  });
  if (gradeBands.length === rawBands.length) found.push(...bandsCoverScale(gradeBands));

  const c = r.combination as Record<string, unknown> | undefined | null;
  const method = combinationMethod(c);
  found.push(...method);
  if (method.length === 0) {
    found.push(
      ...(c!.method === 'WEIGHTED_SUM' ? weightedSum(c!) : gradeMatrix(c!, new Set(gradeBands.map((b) => b.grade)))),
    );
  }
  found.push(...opinionWeight(r.opinionWeight));

  if (found.length > 0) return { problems: found.map((p) => ({ path: `${base}.${p.path}`, message: p.message })) };
  return {
    problems: [],
    scheme: {
      issuer: issuer!,
      key,
      year: r.year as number,
      name: name!,
      indicators,
      evaluatorGroups,
      gradeBands,
      combination: combinationOf(c!),
      opinionWeight: (r.opinionWeight as number | undefined | null) ?? 0,
    },
  };
}

/** The combination of a scheme whose every check passed. */
function combinationOf(c: Record<string, unknown>): Combination {
  if (c.method === 'WEIGHTED_SUM') {
    return { method: 'WEIGHTED_SUM', partyWeight: c.partyWeight as number, businessWeight: c.businessWeight as number };
  }
  const cells = c.matrix as Array<Record<string, unknown>>;
  return {
    method: 'GRADE_MATRIX',
    matrix: cells.map((m) => ({ party: m.party as string, business: m.business as string, grade: m.grade as string })),
  };
}
