/// <reference types="office-js" />
// Writes lib's SummaryModel into the open workbook through Office.js: the same sheets as the CLI's
// .xlsx (lib/summary/xlsx.ts), and the same native charts, placed by lib/summary/chart-layout.ts.
import type { ChartSpec, ColumnFormat, SummaryCell, SummaryModel, SummarySheet, Tone } from '../../../lib/summary/model';
import { SUMMARY_STAMP_SHEET } from '../../../lib/summary/facts';
import { SUMMARY_HEADER_ROW } from '../../../lib/summary/style';
import { EXCEL_API, type ApiSupport } from './features';
import { columnLetters } from '../../../lib/model/sheet';
import { a1, a1Range, CHART_SHEET_NAME, chartSheetLayout } from '../../../lib/summary/chart-layout';

export { CHART_SHEET_NAME };

/** Excel on the web refuses a request over 5 MB: stay well under it, estimated before sending. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
const DEFAULT_MAX_ROWS_PER_REQUEST = 2_000;
const MARKS_PER_REQUEST = 1_500;

const FONT = 'Times New Roman';
const HEADER_FILL = '#D9E1F2';
const TONES: Record<Tone, { fill: string; font: string }> = {
  bad: { fill: '#F8CBAD', font: '#9C0006' },
  warn: { fill: '#FFEB9C', font: '#9C5700' },
  good: { fill: '#C6EFCE', font: '#006100' },
};
const NUMBER_FORMATS: Record<ColumnFormat, string> = {
  text: '@',
  integer: '#,##0',
  decimal: '#,##0.0##',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};
const CHART_TYPES: Record<ChartSpec['type'], string> = { column: 'ColumnClustered', bar: 'BarClustered', line: 'LineMarkers', pie: 'Pie' };

export interface WriteSummaryModelOptions {
  onProgress?: (done: number, total: number, label: string) => void;
  signal?: AbortSignal;
  maxRequestBytes?: number;
  maxRowsPerRequest?: number;
  apiSupport?: ApiSupport;
}

export interface WriteSummaryModelResult {
  sheets: string[];
  charts: number;
  /** Sheets of an earlier summary that were replaced. */
  replaced: string[];
}

/** The user pressed Hủy: what was written is removed and an earlier summary is put back. */
export class WriteCancelledError extends Error {
  constructor(
    /** Sheets the clean-up could not remove (empty when the workbook is as it was). */
    readonly leftovers: string[] = [],
  ) {
    super('Summary writing cancelled');
  }
}

/** Excel refused a request part-way: the cause, and the sheets the clean-up could not remove. */
export class WriteFailedError extends Error {
  constructor(
    override readonly cause: unknown,
    readonly leftovers: string[],
  ) {
    super('Summary writing failed');
  }
}

/** The workbook's structure is protected (Review › Protect Workbook): no sheet can be added. */
export class WorkbookProtectedError extends Error {
  constructor() {
    super('Workbook structure is protected');
  }
}

/** Bytes a cell costs in a request, pessimistically: each non-ASCII character may travel as a \uXXXX escape. */
function cellBytes(value: SummaryCell | string, format: string): number {
  const valueBytes = typeof value === 'string' ? 2 + value.length + 5 * value.replace(/[\x20-\x7e]/g, '').length : 24;
  return valueBytes + format.length + 6;
}

/** Splits rows into requests under the byte budget (a single huge row still goes alone). */
export function planChunks(rows: ReadonlyArray<ReadonlyArray<SummaryCell>>, formatOf: (row: number, col: number, value: SummaryCell) => string, maxBytes: number, maxRows: number): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, r) => {
    const size = row.reduce<number>((sum, value, c) => sum + cellBytes(value, formatOf(r, c, value)), 4);
    if (r > start && (bytes + size > maxBytes || r - start >= maxRows)) {
      chunks.push({ start, end: r });
      start = r;
      bytes = 0;
    }
    bytes += size;
  });
  if (start < rows.length) chunks.push({ start, end: rows.length });
  return chunks;
}

/** Column width in characters (as in the model and exceljs) to points, as Office.js wants it. */
function widthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}

function formatFor(sheet: SummarySheet): (row: number, col: number, value: SummaryCell) => string {
  const cells = new Map((sheet.formats ?? []).map((f) => [`${f.row}:${f.col}`, f.format]));
  return (row, col, value) => {
    // Text is stored as text ("@"): Excel never turns "=…", "05/12" or "1,5" typed by a unit into a formula, a date or a number.
    if (typeof value === 'string') return '@';
    const format = cells.get(`${row}:${col}`) ?? sheet.columns[col]?.format;
    return format && format !== 'text' ? NUMBER_FORMATS[format] : 'General';
  };
}

function lastColumn(sheet: SummarySheet): string {
  return columnLetters(Math.max(1, sheet.columns.length));
}

/** Title, subtitle, headers, widths and frozen header of a new summary sheet (queued, no sync). */
function queueSheetFrame(ws: Excel.Worksheet, sheet: SummarySheet): void {
  const last = lastColumn(sheet);
  ws.getRange().format.font.name = FONT;
  sheet.columns.forEach((column, c) => {
    ws.getRange(`${columnLetters(c + 1)}:${columnLetters(c + 1)}`).format.columnWidth = widthPoints(column.width);
  });
  const title = ws.getRange(`A1:${last}1`);
  title.merge(false);
  title.numberFormat = [[...sheet.columns.map(() => '@')]];
  title.values = [[sheet.title, ...sheet.columns.slice(1).map(() => '')]];
  title.format.font.bold = true;
  title.format.font.size = 13;
  title.format.horizontalAlignment = 'Center';
  title.format.verticalAlignment = 'Center';
  title.format.wrapText = true;
  title.format.rowHeight = 34;
  if (sheet.subtitle) {
    const subtitle = ws.getRange(`A2:${last}2`);
    subtitle.merge(false);
    subtitle.numberFormat = [[...sheet.columns.map(() => '@')]];
    subtitle.values = [[sheet.subtitle, ...sheet.columns.slice(1).map(() => '')]];
    subtitle.format.font.italic = true;
    subtitle.format.horizontalAlignment = 'Center';
    subtitle.format.wrapText = true;
    subtitle.format.rowHeight = 32;
  }
  const header = ws.getRange(`A${SUMMARY_HEADER_ROW}:${last}${SUMMARY_HEADER_ROW}`);
  header.numberFormat = [sheet.columns.map(() => '@')];
  header.values = [sheet.columns.map((c) => c.header)];
  header.format.font.bold = true;
  header.format.fill.color = HEADER_FILL;
  header.format.horizontalAlignment = 'Center';
  header.format.verticalAlignment = 'Center';
  header.format.wrapText = true;
  header.format.rowHeight = 42;
  queueBorders(header);
  ws.freezePanes.freezeRows(SUMMARY_HEADER_ROW);
}

function queueBorders(range: Excel.Range): void {
  for (const edge of ['EdgeTop', 'EdgeBottom', 'EdgeLeft', 'EdgeRight', 'InsideVertical', 'InsideHorizontal'] as const) {
    range.format.borders.getItem(edge).style = 'Continuous';
  }
}

interface Job {
  label: string;
  queue: (context: Excel.RequestContext) => void;
}

/** Rows of a sheet, one job per request-sized chunk. */
function rowJobs(sheet: SummarySheet, ws: () => Excel.Worksheet, maxBytes: number, maxRows: number): Job[] {
  const formatOf = formatFor(sheet);
  const width = Math.max(1, sheet.columns.length);
  const chunks = planChunks(sheet.rows, formatOf, maxBytes, maxRows);
  return chunks.map(({ start, end }, i) => ({
    label: `Ghi trang "${sheet.name}"${chunks.length > 1 ? ` (phần ${i + 1}/${chunks.length})` : ''}`,
    queue: () => {
      const rows = sheet.rows.slice(start, end);
      const range = ws().getRangeByIndexes(SUMMARY_HEADER_ROW + start, 0, rows.length, width);
      // Formats first, in the same request: the values then land in cells that already say "text".
      range.numberFormat = rows.map((row, r) => Array.from({ length: width }, (_, c) => formatOf(start + r, c, row[c] ?? null)));
      range.values = rows.map((row) => Array.from({ length: width }, (_, c) => row[c] ?? ''));
      range.format.verticalAlignment = 'Top';
      queueBorders(range);
      if (sheet.compact) {
        range.format.wrapText = false; // one line per row: the Dữ liệu sheet is filtered, not read
      } else {
        range.format.wrapText = true;
        range.format.autofitRows(); // long answers wrap: rows grow to show them whole
      }
    },
  }));
}

function markJobs(sheet: SummarySheet, ws: () => Excel.Worksheet): Job[] {
  const jobs: Job[] = [];
  for (let i = 0; i < sheet.marks.length; i += MARKS_PER_REQUEST) {
    const marks = sheet.marks.slice(i, i + MARKS_PER_REQUEST);
    jobs.push({
      label: `Tô màu trang "${sheet.name}"`,
      queue: () => {
        for (const mark of marks) {
          const cell = ws().getCell(SUMMARY_HEADER_ROW + mark.row, mark.col);
          cell.format.fill.color = TONES[mark.tone].fill;
          cell.format.font.color = TONES[mark.tone].font;
          cell.format.font.bold = true;
        }
      },
    });
  }
  return jobs;
}

/** Data bars on rate columns and on rates placed cell by cell, autofilter where the host has it. */
function finishJob(sheet: SummarySheet, ws: () => Excel.Worksheet, api: ApiSupport): Job {
  return {
    label: `Hoàn thiện trang "${sheet.name}"`,
    queue: () => {
      const lastRow = SUMMARY_HEADER_ROW + sheet.rows.length;
      const bar = (address: string) => {
        const format = ws().getRange(address).conditionalFormats.add('DataBar');
        format.dataBar.lowerBoundRule = { type: 'Number', formula: '0' };
        format.dataBar.upperBoundRule = { type: 'Number', formula: '1' };
        format.dataBar.positiveFormat.fillColor = '#5B9BD5';
      };
      if (sheet.rows.length > 0) {
        for (const col of sheet.dataBars ?? []) bar(`${columnLetters(col + 1)}${SUMMARY_HEADER_ROW + 1}:${columnLetters(col + 1)}${lastRow}`);
        for (const f of sheet.formats ?? []) if (f.format === 'percent') bar(`${columnLetters(f.col + 1)}${SUMMARY_HEADER_ROW + 1 + f.row}`);
        if (api(EXCEL_API.autoFilter)) ws().autoFilter.apply(`A${SUMMARY_HEADER_ROW}:${lastColumn(sheet)}${lastRow}`);
      }
    },
  };
}

/** Each chart's figures as a small table, with the native chart beside it: cells and places from lib's layout, as in the CLI's file. */
function chartJob(model: SummaryModel, ws: () => Excel.Worksheet): Job {
  const layout = chartSheetLayout(model);
  const width = layout.widths.length;
  return {
    label: 'Vẽ biểu đồ',
    queue: () => {
      const sheet = ws();
      sheet.getRange().format.font.name = FONT;
      layout.widths.forEach((w, c) => (sheet.getRange(`${columnLetters(c + 1)}:${columnLetters(c + 1)}`).format.columnWidth = widthPoints(w)));
      layout.heights.forEach((h, r) => (sheet.getRange(`${r + 1}:${r + 1}`).format.rowHeight = h));
      const cells = sheet.getRangeByIndexes(0, 0, layout.rows.length, width);
      const grid = (at: (r: number, c: number) => string | number) => layout.rows.map((_, r) => Array.from({ length: width }, (_, c) => at(r, c)));
      cells.numberFormat = grid((r, c) => {
        const kind = layout.kinds[r]?.[c];
        return kind === 'integer' || kind === 'decimal' ? NUMBER_FORMATS[kind] : '@';
      });
      cells.values = grid((r, c) => layout.rows[r]?.[c] ?? '');
      for (const merge of layout.merges) sheet.getRange(a1Range(merge)).merge(false);
      const title = sheet.getRange('A1');
      title.format.font.bold = true;
      title.format.font.size = 13;
      title.format.horizontalAlignment = 'Center';
      title.format.wrapText = true;
      for (const placed of layout.charts) {
        const { spec, table } = placed;
        queueBorders(sheet.getRange(a1Range(table)));
        const head = sheet.getRange(a1Range({ ...table, bottom: table.top + 1 }));
        head.format.font.bold = true;
        head.format.fill.color = HEADER_FILL;
        head.format.horizontalAlignment = 'Center';
        head.format.wrapText = true;
        const chart = sheet.charts.add(CHART_TYPES[spec.type] as Excel.ChartType, sheet.getRange(a1Range(placed.data)), 'Columns');
        chart.name = spec.id;
        chart.title.text = spec.title;
        chart.legend.position = 'Bottom';
        chart.legend.visible = spec.type === 'pie' || spec.series.length > 1;
        if (spec.type === 'pie') chart.dataLabels.showPercentage = true;
        else chart.dataLabels.showValue = true;
        // Above each point, as the CLI's file places a line's labels (c:dLblPos t).
        if (spec.type === 'line') chart.dataLabels.position = 'Top';
        if (spec.valueMax !== undefined) chart.axes.valueAxis.maximum = spec.valueMax;
        chart.setPosition(a1(placed.anchor.from), a1(placed.anchor.to));
      }
    },
  };
}

/**
 * Writes the summary sheets, then the charts, into the open workbook: each request stays under
 * Excel on the web's 5 MB cap, progress is reported after each, and cancelling between requests
 * removes what was written and puts an earlier summary back.
 */
export async function writeSummaryModel(context: Excel.RequestContext, model: SummaryModel, options: WriteSummaryModelOptions = {}): Promise<WriteSummaryModelResult> {
  const api = options.apiSupport ?? (() => false);
  const maxBytes = options.maxRequestBytes ?? DEFAULT_MAX_REQUEST_BYTES;
  const maxRows = options.maxRowsPerRequest ?? DEFAULT_MAX_ROWS_PER_REQUEST;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  const protection = context.workbook.protection;
  protection.load('protected');
  await context.sync();
  if (protection.protected) throw new WorkbookProtectedError();

  const [first, ...rest] = model.sheets;
  const order = first ? [first.name, ...(model.charts.length > 0 ? [CHART_SHEET_NAME] : []), ...rest.map((s) => s.name)] : [];
  const names = [...order, SUMMARY_STAMP_SHEET];
  const existing = new Set(worksheets.items.map((ws) => ws.name));
  const veryHidden = new Set(worksheets.items.filter((ws) => ws.visibility === 'VeryHidden').map((ws) => ws.name));
  const replaced = names.filter((n) => existing.has(n));
  // Old sheets step aside under temporary names and are deleted only once the new ones are complete.
  const aside = replaced.map((name, i) => ({ name, temp: `~da06 ${Date.now() % 100000}-${i}` }));
  const created = new Map<string, Excel.Worksheet>();
  const sheetOf = (name: string) => () => created.get(name) as Excel.Worksheet;

  const jobs: Job[] = [
    {
      label: 'Tạo các trang tổng hợp',
      queue: () => {
        for (const { name, temp } of aside) worksheets.getItem(name).name = temp;
        for (const name of names) created.set(name, worksheets.add(name));
        for (const sheet of model.sheets) queueSheetFrame(created.get(sheet.name) as Excel.Worksheet, sheet);
        const stamp = created.get(SUMMARY_STAMP_SHEET) as Excel.Worksheet;
        // The same rows as the CLI's file (lib/summary/facts.ts): identity and facts, read back by the report.
        const rows = model.stamp.map(([key, value]) => [key, value ?? '']);
        const range = stamp.getRange(`A1:B${rows.length}`);
        range.numberFormat = rows.map((row) => row.map((v) => (typeof v === 'string' ? '@' : 'General')));
        range.values = rows;
        stamp.visibility = 'VeryHidden';
      },
    },
  ];
  for (const sheet of model.sheets) {
    jobs.push(...rowJobs(sheet, sheetOf(sheet.name), maxBytes, maxRows), ...markJobs(sheet, sheetOf(sheet.name)), finishJob(sheet, sheetOf(sheet.name), api));
  }
  if (model.charts.length > 0) jobs.push(chartJob(model, sheetOf(CHART_SHEET_NAME)));
  jobs.push({
    label: 'Hoàn tất',
    queue: () => {
      for (const { name, temp } of aside) queueDelete(worksheets.getItem(temp), veryHidden.has(name));
      if (first) (created.get(first.name) as Excel.Worksheet).activate();
    },
  });

  let done = 0;
  for (const job of jobs) {
    if (options.signal?.aborted) throw new WriteCancelledError(await undo(context, names, existing, aside));
    job.queue(context);
    try {
      // One request per chunk is the point here: a single request over 5 MB is refused by Excel on the web.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      throw new WriteFailedError(error, await undo(context, names, existing, aside));
    }
    done += 1;
    options.onProgress?.(done, jobs.length, job.label);
  }
  return { sheets: order, charts: model.charts.length, replaced: replaced.filter((n) => n !== SUMMARY_STAMP_SHEET) };
}

/** Excel refuses to delete a VeryHidden sheet (Worksheet.delete): it is made Hidden first, in the same request. */
function queueDelete(sheet: Excel.Worksheet, isVeryHidden: boolean): void {
  if (isVeryHidden) sheet.visibility = 'Hidden';
  sheet.delete();
}

/**
 * Removes what this run created and gives an earlier summary its names back. Safe after a partly
 * applied request: a name is deleted only if it is ours (new, or its old sheet is known to be aside).
 * Never throws: returns the sheets it could not remove, for the pane to name.
 */
async function undo(context: Excel.RequestContext, names: readonly string[], existing: ReadonlySet<string>, aside: ReadonlyArray<{ name: string; temp: string }>): Promise<string[]> {
  const worksheets = context.workbook.worksheets;
  const temps = aside.map((a) => ({ ...a, sheet: worksheets.getItemOrNullObject(a.temp) }));
  const ours = names.map((name) => ({ name, sheet: worksheets.getItemOrNullObject(name) }));
  for (const { sheet } of ours) sheet.load('visibility');
  try {
    await context.sync();
    const movedAside = new Set(temps.filter((t) => !t.sheet.isNullObject).map((t) => t.name));
    for (const { name, sheet } of ours) if (!sheet.isNullObject && (!existing.has(name) || movedAside.has(name))) queueDelete(sheet, sheet.visibility === 'VeryHidden');
    for (const t of temps) if (!t.sheet.isNullObject) t.sheet.name = t.name;
    await context.sync();
    return [];
  } catch {
    return leftoversOf(context, names, existing, aside);
  }
}

/** After a failed clean-up: which of this run's sheets (new ones, and old ones still under a temporary name) remain. */
async function leftoversOf(context: Excel.RequestContext, names: readonly string[], existing: ReadonlySet<string>, aside: ReadonlyArray<{ name: string; temp: string }>): Promise<string[]> {
  const ours = new Set([...names.filter((n) => !existing.has(n)), ...aside.map((a) => a.temp)]);
  try {
    const worksheets = context.workbook.worksheets;
    worksheets.load('items/name');
    await context.sync();
    return worksheets.items.map((ws) => ws.name).filter((n) => ours.has(n));
  } catch {
    return [...ours];
  }
}
