/**
 * Results as a table, and that table as CSV (ARCHITECTURE.md "Assessments: who grades, findings, results":
 * committees work in spreadsheets). Pure.
 *
 * CSV as spreadsheet programs read it: UTF-8 with a byte-order mark (without it Excel on a
 * Chinese Windows reads UTF-8 as GBK), CRLF line ends, fields quoted when they hold a comma, a
 * quote or a line break (RFC 4180). A text cell beginning with = + - @ or a tab/CR is prefixed
 * with an apostrophe so that a spreadsheet shows it as text and never runs it as a formula
 * (OWASP "CSV injection"); numbers stay numbers.
 */
import type { Scheme } from './scheme/scheme';
import type { Graded, IndicatorScore } from './scoring';

export type Cell = string | number | null;
export interface Table {
  header: string[];
  rows: Cell[][];
}

export interface ExportRow {
  rank: number;
  unitCode: string;
  unitName: string;
  indicators: readonly IndicatorScore[];
  result: Graded & { opinionsCounted: number };
  assessorName: string;
  assessedOn: string;
}

export function resultTable(scheme: Scheme, rows: readonly ExportRow[]): Table {
  const weighted = scheme.combination.method === 'WEIGHTED_SUM';
  const header = [
    '排名',
    '单位代码',
    '单位名称',
    ...scheme.indicators.map((k) => `${k.name}（${k.code}，满分 ${k.maxScore}）`),
    '党建得分',
    '业务得分',
    ...(weighted ? ['综合得分'] : []),
    '党建格次',
    '业务格次',
    '等次',
    '计入的指导意见数',
    '评定单位',
    '考核日期',
  ];
  return {
    header,
    rows: rows.map((r) => [
      r.rank,
      r.unitCode,
      r.unitName,
      ...scheme.indicators.map((k) => r.indicators.find((x) => x.indicator === k.code)?.score ?? null),
      r.result.partyScore,
      r.result.businessScore,
      ...(weighted ? [r.result.finalScore] : []),
      r.result.partyGrade,
      r.result.businessGrade,
      r.result.grade,
      r.result.opinionsCounted,
      r.assessorName,
      r.assessedOn,
    ]),
  };
}

/** A text cell a spreadsheet would run as a formula, made plain text. */
export const defuse = (s: string): string => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);

function csvCell(c: Cell): string {
  if (c === null) return '';
  if (typeof c === 'number') return String(c);
  const s = defuse(c);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(t: Table): string {
  return `\uFEFF${[t.header, ...t.rows].map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
