/// <reference types="office-js" />
// Writes lib's SummaryModel into the open workbook through Office.js: the same sheets as the CLI's
// .xlsx (lib/summary/xlsx.ts), and the same native charts, placed by lib/summary/chart-layout.ts.
import type { ChartSpec, SummaryCell, SummaryModel, SummarySheet, Tone } from '../../../lib/summary/model';
import { SUMMARY_STAMP_SHEET } from '../../../lib/summary/facts';
import { bodyLook, bodyRowLayout, cellFormatOf, type CellLook, cellValueOf, CHART_CELL_LOOKS, chartCellFormat, columnWidthPoints, headerRowHeight, NUMBER_FORMATS, SUMMARY_COLOURS, SUMMARY_FONT, SUMMARY_FONT_SIZE, SUMMARY_HEADER_ROW, SUMMARY_LOOKS, SUMMARY_ROW_HEIGHT } from '../../../lib/summary/style';
import { EXCEL_API, type ApiSupport } from './features';
import { columnLetters } from '../../../lib/model/sheet';
import { a1, a1Range, CHART_SHEET_NAME, chartSheetLayout } from '../../../lib/summary/chart-layout';

export { CHART_SHEET_NAME };

/** Excel on the web refuses a request over 5 MB: stay well under it, estimated before sending. */
export const DEFAULT_MAX_REQUEST_BYTES = 4_000_000;
const DEFAULT_MAX_ROWS_PER_REQUEST = 2_000;
const MARKS_PER_REQUEST = 1_500;

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

/** Bytes a text costs in a request, pessimistically: each non-ASCII character may travel as a \uXXXX escape, `"` and `\` as two. */
function textBytes(text: string): number {
  let bytes = 2 + text.length;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code < 0x20 || code > 0x7e) bytes += 5;
    else if (code === 0x22 || code === 0x5c) bytes += 1;
  }
  return bytes;
}

/** Bytes a cell costs in a request, pessimistically. */
function cellBytes(value: SummaryCell | string, format: string): number {
  const valueBytes = typeof value === 'string' ? textBytes(value) : 24;
  return valueBytes + format.length + 6;
}

/** A row's own commands beyond its cells (its height, its wrapping), pessimistically. */
const ROW_BYTES = 300;

/** Splits rows into requests under the byte budget (a single huge row still goes alone). */
export function planChunks(rows: ReadonlyArray<ReadonlyArray<SummaryCell>>, formatOf: (row: number, col: number, value: SummaryCell) => string, maxBytes: number, maxRows: number): Array<{ start: number; end: number }> {
  const chunks: Array<{ start: number; end: number }> = [];
  let start = 0;
  let bytes = 0;
  rows.forEach((row, r) => {
    const size = row.reduce<number>((sum, value, c) => sum + cellBytes(value, formatOf(r, c, value)), ROW_BYTES);
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

/** Number format codes of a sheet's body cells, from lib's one rule (text for every string: Excel never turns "=…", "05/12" or "1,5" typed by a unit into a formula, a date or a number). */
function formatFor(sheet: SummarySheet): (row: number, col: number, value: SummaryCell) => string {
  const formatOf = cellFormatOf(sheet);
  return (row, col, value) => NUMBER_FORMATS[formatOf(row, col, cellValueOf(value))];
}

function lastColumn(sheet: SummarySheet): string {
  return columnLetters(Math.max(1, sheet.columns.length));
}

/** Applies one of lib's cell looks (lib/summary/style.ts), as the CLI's file has it. */
function queueLook(range: Excel.Range, look: CellLook): void {
  const format = range.format;
  format.font.bold = look.bold;
  format.font.italic = look.italic;
  format.font.size = look.size;
  if (look.colour) format.font.color = `#${look.colour}`;
  if (look.fill) format.fill.color = `#${look.fill}`;
  if (look.horizontal) format.horizontalAlignment = 'Center';
  format.verticalAlignment = look.vertical === 'center' ? 'Center' : 'Top';
  format.wrapText = look.wrap;
  if (look.border) queueBorders(range);
}

/** The whole sheet in the summary's font, as the file's default style. */
function queueSheetFont(ws: Excel.Worksheet): void {
  const font = ws.getRange().format.font;
  font.name = SUMMARY_FONT;
  font.size = SUMMARY_FONT_SIZE.body;
}

/** Title, subtitle, headers, widths and frozen header of a new summary sheet (queued, no sync). */
function queueSheetFrame(ws: Excel.Worksheet, sheet: SummarySheet): void {
  const last = lastColumn(sheet);
  queueSheetFont(ws);
  sheet.columns.forEach((column, c) => {
    ws.getRange(`${columnLetters(c + 1)}:${columnLetters(c + 1)}`).format.columnWidth = columnWidthPoints(column.width);
  });
  const frameRow = (row: number, text: string, look: CellLook, height: number) => {
    const range = ws.getRange(`A${row}:${last}${row}`);
    range.merge(false);
    range.numberFormat = [[...sheet.columns.map(() => NUMBER_FORMATS.text)]];
    range.values = [[text, ...sheet.columns.slice(1).map(() => '')]];
    queueLook(range, look);
    range.format.rowHeight = height;
  };
  frameRow(1, sheet.title, SUMMARY_LOOKS.title, SUMMARY_ROW_HEIGHT.title);
  if (sheet.subtitle) frameRow(2, sheet.subtitle, SUMMARY_LOOKS.subtitle, SUMMARY_ROW_HEIGHT.subtitle);
  const header = ws.getRange(`A${SUMMARY_HEADER_ROW}:${last}${SUMMARY_HEADER_ROW}`);
  header.numberFormat = [sheet.columns.map(() => NUMBER_FORMATS.text)];
  header.values = [sheet.columns.map((c) => c.header)];
  queueLook(header, SUMMARY_LOOKS.header);
  header.format.rowHeight = headerRowHeight(sheet.columns);
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

/** Rows of a sheet, one job per request-sized chunk; wrapping and heights from lib's row layout, as in the CLI's file. */
function rowJobs(sheet: SummarySheet, layouts: ReadonlyArray<{ wrap: boolean; height?: number }>, ws: () => Excel.Worksheet, maxBytes: number, maxRows: number): Job[] {
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
      range.values = rows.map((row) => Array.from({ length: width }, (_, c) => cellValueOf(row[c] ?? null) ?? ''));
      queueLook(range, bodyLook(null, !sheet.compact));
      // Heights set, not autofitted: the same heights as the CLI's file, which LibreOffice cannot grow by itself.
      for (let r = start; r < end; ) {
        const { wrap, height } = layouts[r] as { wrap: boolean; height?: number };
        let run = r + 1;
        while (run < end && layouts[run]?.height === height && layouts[run]?.wrap === wrap) run += 1;
        const lines = ws().getRangeByIndexes(SUMMARY_HEADER_ROW + r, 0, run - r, width);
        if (wrap !== !sheet.compact) lines.format.wrapText = wrap; // a compact sheet's row with line breaks
        if (height !== undefined) lines.format.rowHeight = height;
        r = run;
      }
      // Section headings and merged cells (Tổng quan), as the CLI's file has them.
      for (const row of sheet.headings ?? []) {
        if (row < start || row >= end) continue;
        const heading = ws().getRangeByIndexes(SUMMARY_HEADER_ROW + row, 0, 1, width);
        heading.numberFormat = [Array.from({ length: width }, () => NUMBER_FORMATS.text)];
        queueLook(heading, SUMMARY_LOOKS.heading);
      }
      for (const m of sheet.merges ?? []) if (m.row >= start && m.row < end) ws().getRangeByIndexes(SUMMARY_HEADER_ROW + m.row, m.col, 1, m.cols).merge(false);
    },
  }));
}

/**
 * The stamp rows, as the CLI's file has them (lib/summary/facts.ts: identity, then the facts as JSON in
 * 30,000-character chunks, read back by the report), in requests under the byte budget: a province's
 * month comes to megabytes.
 */
function stampJobs(model: SummaryModel, ws: () => Excel.Worksheet, maxBytes: number, maxRows: number): Job[] {
  const rows = model.stamp.map(([key, value]): SummaryCell[] => [key, value ?? '']);
  const formatOf = (_row: number, _col: number, value: SummaryCell) => (typeof value === 'string' ? '@' : 'General');
  const chunks = planChunks(rows, formatOf, maxBytes, maxRows);
  return chunks.map(({ start, end }, i) => ({
    label: `Ghi dữ liệu ẩn của báo cáo tổng hợp${chunks.length > 1 ? ` (phần ${i + 1}/${chunks.length})` : ''}`,
    queue: () => {
      const range = ws().getRange(`A${start + 1}:B${end}`);
      const part = rows.slice(start, end);
      range.numberFormat = part.map((row, r) => row.map((v, c) => formatOf(start + r, c, v)));
      range.values = part as Array<Array<string | number>>;
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
        for (const mark of marks) queueTone(ws().getCell(SUMMARY_HEADER_ROW + mark.row, mark.col), mark.tone);
      },
    });
  }
  return jobs;
}

/** A marked cell: only what its tone changes (font and fill), over the body look its row already has. */
function queueTone(cell: Excel.Range, tone: Tone): void {
  const look = bodyLook(tone, true);
  cell.format.font.bold = look.bold;
  if (look.colour) cell.format.font.color = `#${look.colour}`;
  if (look.fill) cell.format.fill.color = `#${look.fill}`;
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
        format.dataBar.positiveFormat.fillColor = `#${SUMMARY_COLOURS.dataBar}`;
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
      queueSheetFont(sheet);
      layout.widths.forEach((w, c) => (sheet.getRange(`${columnLetters(c + 1)}:${columnLetters(c + 1)}`).format.columnWidth = columnWidthPoints(w)));
      layout.heights.forEach((h, r) => (sheet.getRange(`${r + 1}:${r + 1}`).format.rowHeight = h));
      const cells = sheet.getRangeByIndexes(0, 0, layout.rows.length, width);
      const grid = (at: (r: number, c: number) => string | number) => layout.rows.map((_, r) => Array.from({ length: width }, (_, c) => at(r, c)));
      cells.numberFormat = grid((r, c) => NUMBER_FORMATS[chartCellFormat(layout.kinds[r]?.[c] ?? null)]);
      cells.values = grid((r, c) => layout.rows[r]?.[c] ?? '');
      for (const merge of layout.merges) sheet.getRange(a1Range(merge)).merge(false);
      // Each run of cells of one kind gets that kind's look, as the CLI's file styles them.
      layout.kinds.forEach((kinds, r) => {
        for (let c = 0; c < kinds.length; ) {
          const kind = kinds[c] ?? null;
          let end = c + 1;
          while (end < kinds.length && (kinds[end] ?? null) === kind) end += 1;
          if (kind) queueLook(sheet.getRangeByIndexes(r, c, 1, end - c), CHART_CELL_LOOKS[kind]);
          c = end;
        }
      });
      for (const placed of layout.charts) {
        const { spec } = placed;
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
        (created.get(SUMMARY_STAMP_SHEET) as Excel.Worksheet).visibility = 'VeryHidden';
      },
    },
    ...stampJobs(model, sheetOf(SUMMARY_STAMP_SHEET), maxBytes, maxRows),
  ];
  for (const sheet of model.sheets) {
    const layouts = sheet.rows.map((values, r) => bodyRowLayout(sheet, values, r));
    jobs.push(...rowJobs(sheet, layouts, sheetOf(sheet.name), maxBytes, maxRows), ...markJobs(sheet, sheetOf(sheet.name)), finishJob(sheet, sheetOf(sheet.name), api));
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
