import ExcelJS from 'exceljs';
import { rowHeightFor } from '../_lib/row-height';
import type { ColumnFormat, SummaryModel, SummarySheet, Tone } from './model';

/** The hidden sheet that marks a workbook as a da06 summary (read back by `--previous`). */
export const SUMMARY_STAMP_SHEET = '_da06_tonghop';
export const SUMMARY_HEADER_ROW = 3;

const FONT = { name: 'Times New Roman', size: 11 };
const TONES: Record<Tone, { fill: string; font: string }> = {
  bad: { fill: 'FFF8CBAD', font: 'FF9C0006' },
  warn: { fill: 'FFFFEB9C', font: 'FF9C5700' },
  good: { fill: 'FFC6EFCE', font: 'FF006100' },
};
const NUMBER_FORMATS: Record<ColumnFormat, string | undefined> = {
  text: '@',
  integer: '#,##0',
  decimal: '#,##0.0##',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};
const THIN: Partial<ExcelJS.Borders> = { top: { style: 'thin' }, left: { style: 'thin' }, bottom: { style: 'thin' }, right: { style: 'thin' } };

export interface WriteSummaryOptions {
  generatedAt: Date;
}

function addSheet(workbook: ExcelJS.Workbook, model: SummarySheet): void {
  const ws = workbook.addWorksheet(model.name, {
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0, margins: { left: 1.18, right: 0.6, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: '&C&"Times New Roman,Regular"&10Trang &P/&N' },
    views: [{ state: 'frozen', ySplit: SUMMARY_HEADER_ROW, xSplit: 0 }],
  });
  const last = model.columns.length;
  ws.columns = model.columns.map((c) => ({ width: c.width }));
  ws.mergeCells(1, 1, 1, last);
  Object.assign(ws.getCell(1, 1), { value: model.title });
  ws.getCell(1, 1).font = { ...FONT, size: 13, bold: true };
  ws.getCell(1, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  ws.getRow(1).height = 34;
  if (model.subtitle) {
    ws.mergeCells(2, 1, 2, last);
    ws.getCell(2, 1).value = model.subtitle;
    ws.getCell(2, 1).font = { ...FONT, italic: true };
    ws.getCell(2, 1).alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    ws.getRow(2).height = 32;
  }
  model.columns.forEach((column, i) => {
    const cell = ws.getCell(SUMMARY_HEADER_ROW, i + 1);
    cell.value = column.header;
    cell.font = { ...FONT, bold: true };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9E1F2' } };
    cell.border = THIN;
  });
  ws.getRow(SUMMARY_HEADER_ROW).height = 42;
  const cellFormats = new Map((model.formats ?? []).map((f) => [`${f.row}:${f.col}`, f.format]));
  model.rows.forEach((values, r) => {
    const row = ws.getRow(SUMMARY_HEADER_ROW + 1 + r);
    row.height = rowHeightFor(values.map((v, c) => ({ text: typeof v === 'string' ? v : '', width: model.columns[c]?.width ?? 10 })), 15, 14);
    values.forEach((value, c) => {
      const cell = row.getCell(c + 1);
      // A string is always written as text: exceljs makes formulas only from { formula } objects.
      cell.value = value;
      cell.font = FONT;
      cell.border = THIN;
      cell.alignment = { vertical: 'top', wrapText: true };
      const format = cellFormats.get(`${r}:${c}`) ?? model.columns[c]?.format;
      const numFmt = typeof value === 'number' && format ? NUMBER_FORMATS[format] : undefined;
      if (numFmt) cell.numFmt = numFmt;
    });
  });
  for (const mark of model.marks) {
    const cell = ws.getCell(SUMMARY_HEADER_ROW + 1 + mark.row, mark.col + 1);
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: TONES[mark.tone].fill } };
    cell.font = { ...FONT, bold: true, color: { argb: TONES[mark.tone].font } };
  }
  const lastRow = SUMMARY_HEADER_ROW + model.rows.length;
  const bar = (ref: string) =>
    ws.addConditionalFormatting({
      ref,
      rules: [{ type: 'dataBar', priority: 1, minLength: 0, maxLength: 100, cfvo: [{ type: 'num', value: 0 }, { type: 'num', value: 1 }], color: { argb: 'FF5B9BD5' } } as unknown as ExcelJS.ConditionalFormattingRule],
    });
  for (const col of model.dataBars ?? []) {
    const letter = ws.getColumn(col + 1).letter;
    bar(`${letter}${SUMMARY_HEADER_ROW + 1}:${letter}${lastRow}`);
  }
  // Rates placed cell by cell (the overview) get their bars cell by cell.
  for (const f of model.formats ?? []) if (f.format === 'percent') bar(ws.getCell(SUMMARY_HEADER_ROW + 1 + f.row, f.col + 1).address);
  if (model.rows.length > 0) ws.autoFilter = { from: { row: SUMMARY_HEADER_ROW, column: 1 }, to: { row: lastRow, column: last } };
  ws.pageSetup.printTitlesRow = `${SUMMARY_HEADER_ROW}:${SUMMARY_HEADER_ROW}`;
}

/**
 * Writes the province summary as `.xlsx` bytes (CLI and tests; the add-in writes the same model
 * through Office.js). Rates get data bars; charts are drawn by the add-in, which Excel allows.
 */
export async function writeSummaryXlsx(model: SummaryModel, options: WriteSummaryOptions): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'da06';
  workbook.created = options.generatedAt;
  workbook.modified = options.generatedAt;
  workbook.title = model.title;
  for (const sheet of model.sheets) addSheet(workbook, sheet);
  const stamp = workbook.addWorksheet(SUMMARY_STAMP_SHEET, { state: 'veryHidden' });
  stamp.addRows([
    ['da06-tong-hop', 1],
    ['period', model.period],
    ['generatedAt', options.generatedAt.toISOString()],
  ]);
  return new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
}
