/**
 * Exporting results (ARCHITECTURE.md "Assessments: who grades, findings, results"): the ranked results of a
 * scheme within a scope as CSV or XLSX, through GraphQL (`Scheme.export`: the file's bytes, base64 for XLSX)
 * and as a download from the gateway (GET /assessments/{scheme}/results.csv|xlsx). The XLSX is written with
 * exceljs: a results sheet (header row frozen, numbers as numbers, widths set) and a sheet naming the scheme,
 * scope, rule and day of export.
 */
import { today } from '@tiaokuai/platform';
import ExcelJS from 'exceljs';
import { resultTable, toCsv, type ExportRow, type Table } from '../../domain/export';
import type { AssessmentsContext } from '../../request';
import { schemeResults } from './result.service';

export type ExportFormat = 'CSV' | 'XLSX';

export interface ExportFile {
  filename: string;
  contentType: string;
  encoding: 'utf8' | 'base64';
  content: string;
  rows: number;
}

export async function exportResults(
  ctx: AssessmentsContext,
  schemeId: string,
  scope: string | null,
  format: ExportFormat,
): Promise<ExportFile> {
  const { scheme, rows } = await schemeResults(ctx, schemeId, scope);
  const named = await ctx.org.unitsById([...rows.map((r) => r.unitId), ...rows.map((r) => r.grading!.assessorId)]);
  const exportRows: ExportRow[] = rows.map((r) => ({
    rank: r.rank,
    unitCode: named.get(r.unitId)?.code ?? `#${r.unitId}`,
    unitName: named.get(r.unitId)?.name ?? '',
    indicators: r.grading!.result.indicators,
    result: r.result,
    assessorName: named.get(r.grading!.assessorId)?.name ?? `#${r.grading!.assessorId}`,
    assessedOn: r.grading!.assessedOn,
  }));
  const table = resultTable(scheme.scheme, exportRows);
  const base = `考核结果-${scheme.year}-${scheme.id}${scope ? `-${scope}` : ''}`;
  if (format === 'CSV') {
    return {
      filename: `${base}.csv`,
      contentType: 'text/csv; charset=utf-8',
      encoding: 'utf8',
      content: toCsv(table),
      rows: rows.length,
    };
  }
  const buffer = await toXlsx(table, [
    ['考核方案', scheme.name],
    ['年度', scheme.year],
    ['范围', scope ?? '（调用方可见的全部单位）'],
    ['导出日期', today()],
    [
      '排名规则',
      scheme.scheme.combination.method === 'WEIGHTED_SUM'
        ? '按综合得分（双百分加权）从高到低，同分同名次'
        : '按等次、党建得分、业务得分依次比较，相同者同名次',
    ],
    ['评定', '由当日领导该单位的党组织评定；指导单位的意见按方案权重计入'],
  ]);
  return {
    filename: `${base}.xlsx`,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    encoding: 'base64',
    content: buffer.toString('base64'),
    rows: rows.length,
  };
}

async function toXlsx(table: Table, about: Array<[string, string | number]>): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Tiaokuai Hub';
  const sheet = wb.addWorksheet('考核结果', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(table.header).font = { bold: true };
  // Cells are typed (a string is stored as text, never as a formula): no defusing needed here.
  for (const r of table.rows) sheet.addRow(r);
  table.header.forEach((h, i) => {
    sheet.getColumn(i + 1).width = Math.min(40, Math.max(8, h.length * 2));
  });
  const info = wb.addWorksheet('说明');
  for (const row of about) info.addRow(row);
  info.getColumn(1).width = 12;
  info.getColumn(2).width = 60;
  return Buffer.from(await wb.xlsx.writeBuffer());
}
