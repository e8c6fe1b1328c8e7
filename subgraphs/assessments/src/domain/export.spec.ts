import { parse } from 'csv-parse/sync';
import { defuse, resultTable, toCsv, type ExportRow } from './export';
import { goodScheme } from '../testing/scheme-fixtures';
import { validateScheme } from './scheme/validate';
import { scoreSubmission } from './scoring';

const scheme = validateScheme(goodScheme(), 'input', 2026).scheme!;
const scored = scoreSubmission(scheme, {
  scores: [
    { indicator: 'ZZJS', score: 27 },
    { indicator: 'SXJS', score: 18 },
    { indicator: 'ZFJS', score: 9 },
  ],
  ratings: [{ indicator: 'MYD', group: 'LEADER', score: 90 }],
  businessScore: 80,
}).result!;
const row = (over: Partial<ExportRow> = {}): ExportRow => ({
  rank: 1,
  unitCode: 'SC-YJT-ZB1',
  unitName: '四川省应急管理厅第1党支部',
  indicators: scored.indicators,
  result: { ...scored, opinionsCounted: 0 },
  assessorName: '四川省直机关工委',
  assessedOn: '2026-12-10',
  ...over,
});

describe('resultTable and toCsv', () => {
  it('one column per indicator, then the scores and grades; numbers stay numbers', () => {
    const t = resultTable(scheme, [row()]);
    expect(t.header).toEqual([
      '排名',
      '单位代码',
      '单位名称',
      '组织建设（ZZJS，满分 30）',
      '思想建设（SXJS，满分 20）',
      '作风建设（ZFJS，满分 10）',
      '党员群众满意度（MYD，满分 100）',
      '党建得分',
      '业务得分',
      '综合得分',
      '党建格次',
      '业务格次',
      '等次',
      '计入的指导意见数',
      '评定单位',
      '考核日期',
    ]);
    expect(t.rows[0]).toEqual([
      1,
      'SC-YJT-ZB1',
      '四川省应急管理厅第1党支部',
      27,
      18,
      9,
      90,
      90,
      80,
      84,
      '优秀',
      '良好',
      '良好',
      0,
      '四川省直机关工委',
      '2026-12-10',
    ]);
  });

  it('CSV: BOM, CRLF, RFC 4180 quoting, formulas defused; a CSV library reads back exactly the table', () => {
    const t = resultTable(scheme, [
      row({ unitName: '支部"一",含逗号\n换行' }),
      row({ rank: 2, unitCode: '=HYPERLINK("x")', assessorName: '@SUM(A1)' }),
    ]);
    const csv = toCsv(t);
    expect(csv.startsWith('\uFEFF排名,')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
    const back = parse(csv, { bom: true, relax_column_count: false }) as string[][];
    expect(back[0]).toEqual(t.header);
    expect(back[1][2]).toBe('支部"一",含逗号\n换行');
    expect(back[2][1]).toBe('\'=HYPERLINK("x")');
    expect(back[2][14]).toBe("'@SUM(A1)");
    expect(back[1][9]).toBe('84');
  });

  it.each([
    ['=1+1', "'=1+1"],
    ['+86 28', "'+86 28"],
    ['-5', "'-5"],
    ['@x', "'@x"],
    ['\tx', "'\tx"],
    ['党建', '党建'],
    ['a=b', 'a=b'],
  ])('defuse(%p) = %p', (given, expected) => {
    expect(defuse(given)).toBe(expected);
  });
});
