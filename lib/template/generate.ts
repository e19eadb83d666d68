import ExcelJS from 'exceljs';
import { wrappedRowHeight, type WrappedCell } from '../_lib/row-height';
import type { Catalog, Group } from '../catalog/schema';
import { catalogHash } from '../catalog/hash';
import { DEFAULT_INTEGRITY_KEY, integrityToken } from '../catalog/integrity';
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { describePeriod, type Period, type PeriodDescription } from '../period/period';
import { DEADLINE_STATUS_LABELS } from '../period/status';
import type { Unit } from '../roster/schema';
import {
  INDICATOR_ROLE_LABELS,
  rowsForUnit,
  TASK_ROLE_LABELS,
  type IndicatorRow,
  type TaskRow,
} from './assign';
import { COVER_INPUT_COLUMN, HEADER_KEY, IDENTITY_KEYS, listName, rowKeyOfGroup, type SheetId } from './layout';
import type { ColumnSpec, FieldSpec, FormDefinition, InputSpec, Legend } from './schema';
import { ASSESSMENT_LABELS, assessmentFormula, assessmentOf } from './assessment';
import { inputTypeRules } from './input-types';

export interface GenerateWorkbookOptions {
  definition: FormDefinition;
  catalog: Catalog;
  unit: Unit;
  period: Period;
  rules?: ReportingRules;
  /** Stamped in the identity sheet and the file properties; pass a fixed time for reproducible files. */
  generatedAt: Date;
  /** Key of the integrity token (the secretariat's DA06_SECRET); the public default otherwise. */
  integrityKey?: string;
}

const COLORS = {
  input: 'FFFFF2CC',
  header: 'FFD9E1F2',
  group: 'FFEDEDED',
  section: 'FFDDEBF7',
  missing: 'FFFCE4D6',
  bad: 'FFF8CBAD',
  badFont: 'FF9C0006',
  due: 'FFC00000',
} as const;

const THIN: Partial<ExcelJS.Borders> = {
  top: { style: 'thin' },
  left: { style: 'thin' },
  bottom: { style: 'thin' },
  right: { style: 'thin' },
};

/** Nghị định 30/2020: left 30–35 mm, right 15–20 mm, top and bottom 20–25 mm (in inches for exceljs). */
const MARGINS = { left: 1.18, right: 0.6, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 };

/** Header rows of each data sheet (title, unit line, colour legend, column headers, column numbers): data starts on the row after. */
export const HEADER_ROWS = 5;

/** Rows of the table header that print again on every page: column headers and their numbers. */
const TITLE_ROWS = `${HEADER_ROWS - 1}:${HEADER_ROWS}`;

/**
 * Builds one unit's reporting workbook for a period, as `.xlsx` bytes.
 * Runs in Node and in the browser (exceljs is the writer); never writes user text as a formula.
 * @example const bytes = await generateWorkbook({ definition, catalog, unit, period, generatedAt: new Date() });
 */
export async function generateWorkbook(options: GenerateWorkbookOptions): Promise<Uint8Array> {
  const workbook = buildWorkbook(options);
  // Deflate level 1: a template is small, repetitive XML; files grow a little, generation gets faster.
  const zip = { compression: 'DEFLATE', compressionOptions: { level: 1 } };
  const buffer = await workbook.xlsx.writeBuffer({ zip } as unknown as Partial<ExcelJS.XlsxWriteOptions>);
  return new Uint8Array(buffer as ArrayBuffer);
}

/** The exceljs workbook before serialisation (exposed for the benchmark's bare-write floor). */
export function buildWorkbook(options: GenerateWorkbookOptions): ExcelJS.Workbook {
  const { definition, catalog, unit, period, generatedAt } = options;
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const info = describePeriod(period, rules);
  const rows = rowsForUnit(catalog, unit, period, definition, rules);
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'da06';
  workbook.lastModifiedBy = 'da06';
  workbook.created = generatedAt;
  workbook.modified = generatedAt;
  workbook.title = `${definition.title} ${info.label.toLocaleUpperCase('vi')} - ${unit.name}`;
  workbook.subject = 'Kế hoạch 210/KH-UBND (Đề án 06)';
  workbook.calcProperties.fullCalcOnLoad = true;

  // From version 2 a unit that monitors no indicator gets no Biểu 01 (its cover says why).
  const withIndicators = rows.indicators.length > 0 || definition.indicators.omittedNote === undefined;
  const ctx: SheetContext = { definition, unit, info, workbook, withIndicators };
  // Sheets in the order the unit sees them; validations refer to the lists by name, so order does not matter to them.
  const coverKeys = addCoverSheet(ctx);
  const indicatorKeys = withIndicators ? addIndicatorSheet(ctx, rows.indicators, catalog.groups) : [];
  const taskKeys = addTaskSheet(ctx, rows.tasks, catalog.groups);
  addListsSheet(ctx);
  addIdentitySheet(ctx, catalog, generatedAt, options.integrityKey ?? DEFAULT_INTEGRITY_KEY, [
    ...coverKeys.map((key) => ['cover', key] as const),
    ...indicatorKeys.map((key) => ['indicators', key] as const),
    ...taskKeys.map((key) => ['tasks', key] as const),
  ]);
  workbook.views = [{ x: 0, y: 0, width: 20000, height: 12000, firstSheet: 0, activeTab: 0, visibility: 'visible' }];
  return workbook;
}

interface SheetContext {
  definition: FormDefinition;
  unit: Unit;
  info: PeriodDescription;
  workbook: ExcelJS.Workbook;
  /** Whether the workbook has a Biểu 01. */
  withIndicators: boolean;
}

function font(ctx: SheetContext, extra: Partial<ExcelJS.Font> = {}): Partial<ExcelJS.Font> {
  return { name: ctx.definition.font.name, size: ctx.definition.font.size, ...extra };
}

function newSheet(ctx: SheetContext, name: string): ExcelJS.Worksheet {
  return ctx.workbook.addWorksheet(name, {
    properties: { defaultRowHeight: 18 },
    pageSetup: {
      paperSize: 9, // A4
      orientation: 'landscape',
      fitToPage: true,
      fitToWidth: 1,
      fitToHeight: 0,
      horizontalCentered: true,
      margins: MARGINS,
    },
    headerFooter: { oddFooter: `&C&"${ctx.definition.font.name},Regular"&${ctx.definition.font.size}Trang &P/&N` },
  });
}

/** Prints columns B to `lastColumn` of rows 1 to `lastRow`: the hidden key column never prints. */
function setPrintArea(ws: ExcelJS.Worksheet, lastColumn: number, lastRow: number): void {
  ws.pageSetup.printArea = `B1:${ws.getColumn(lastColumn).letter}${lastRow}`;
}

/** Width of columns `from`..`to` together (a merged range). */
function spanWidth(ws: ExcelJS.Worksheet, from: number, to: number): number {
  let width = 0;
  for (let c = from; c <= to; c += 1) width += ws.getColumn(c).width ?? 9;
  return width;
}

function protect(ws: ExcelJS.Worksheet): Promise<void> {
  // No password: a password hash costs ~0.5 s per sheet in exceljs and protects nothing a user cannot bypass.
  return ws.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatCells: true, // the add-in highlights cells; users fix fonts
    formatColumns: true,
    formatRows: true, // long answers need taller rows
    insertRows: true, // users add rows; the reader reports them instead of losing them
    insertColumns: false,
    deleteRows: false,
    deleteColumns: false,
    sort: false,
    autoFilter: false,
  });
}

function mergeText(
  ctx: SheetContext,
  ws: ExcelJS.Worksheet,
  row: number,
  from: number,
  to: number,
  text: string,
  style: Partial<ExcelJS.Font> = {},
  align: Partial<ExcelJS.Alignment> = { horizontal: 'center', vertical: 'middle', wrapText: true },
  minimum = 18,
): ExcelJS.Cell {
  if (to > from) ws.mergeCells(row, from, row, to);
  const cell = ws.getCell(row, from);
  cell.value = text;
  cell.font = font(ctx, style);
  cell.alignment = align;
  // No program fits a row to a merged cell's text: the row is made tall enough here.
  if (align.wrapText) growRow(ws, row, [{ text, width: spanWidth(ws, from, to), size: style.size ?? ctx.definition.font.size, bold: style.bold === true }], minimum);
  return cell;
}

function growRow(ws: ExcelJS.Worksheet, row: number, cells: readonly WrappedCell[], minimum: number): void {
  const line = ws.getRow(row);
  line.height = Math.max(line.height ?? 0, wrappedRowHeight(cells, minimum));
}

function unitHeaderName(unit: Unit): string {
  return (unit.kind === 'commune' ? `UBND ${unit.name}` : unit.name).toLocaleUpperCase('vi');
}

/** Native Excel validation for an input cell, with Vietnamese input message and error alert. */
function validationFor(ctx: SheetContext, input: InputSpec & { list?: string }, label: string, address: string): ExcelJS.DataValidation {
  const common = {
    allowBlank: true,
    showInputMessage: true,
    showErrorMessage: true,
    errorStyle: 'stop' as const,
    promptTitle: label.slice(0, 32),
    errorTitle: 'Giá trị không hợp lệ',
  };
  return { ...common, ...inputTypeRules(input).validation(input, ctx.definition, address) } as ExcelJS.DataValidation;
}

/** Conditional formats that show a problem in plain Excel, LibreOffice or WPS, with no add-in. */
function markProblems(ws: ExcelJS.Worksheet, ref: string, input: InputSpec, guard?: string, anchor?: string): void {
  // Formulas are relative to the first cell of `ref`; a guard limits a range-wide rule to data rows.
  const address = anchor ?? ref;
  const when = (formula: string) => (guard ? `AND(${guard},${formula})` : formula);
  const rules: ExcelJS.ConditionalFormattingRule[] = [];
  const bad = { fill: { type: 'pattern' as const, pattern: 'solid' as const, bgColor: { argb: COLORS.bad } }, font: { color: { argb: COLORS.badFont }, bold: true } };
  const problem = inputTypeRules(input).problemFormula;
  if (problem) rules.push({ type: 'expression', priority: 1, formulae: [when(problem(address))], style: bad });
  if (input.required) {
    rules.push({ type: 'expression', priority: 2, formulae: [when(`LEN(TRIM(${address}))=0`)], style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: COLORS.missing } } } });
  }
  if (rules.length > 0) ws.addConditionalFormatting({ ref, rules });
}

function styleInput(cell: ExcelJS.Cell, ctx: SheetContext, wrap = true): void {
  cell.protection = { locked: false };
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.input } };
  cell.font = font(ctx);
  cell.alignment = { vertical: 'top', wrapText: wrap };
  cell.border = THIN;
}

function addListsSheet(ctx: SheetContext): void {
  const ws = ctx.workbook.addWorksheet(ctx.definition.listsSheetName, { state: 'hidden' });
  // Lists live on a sheet and are referenced by name: an inline list over 255 characters corrupts the file in Excel.
  Object.entries(ctx.definition.lists).forEach(([id, options], index) => {
    const column = index + 1;
    ws.getCell(1, column).value = id;
    options.forEach((option, i) => {
      ws.getCell(i + 2, column).value = option;
    });
    const letter = ws.getColumn(column).letter;
    ctx.workbook.definedNames.add(`'${ws.name}'!$${letter}$2:$${letter}$${options.length + 1}`, listName(id));
  });
  void protect(ws);
}

/** Fill (and font) of each legend colour: the same as the cells it explains. */
function legendStyle(kind: Legend['items'][number]['kind']): { fill: ExcelJS.Fill; font?: Partial<ExcelJS.Font> } {
  const solid = (argb: string): ExcelJS.Fill => ({ type: 'pattern', pattern: 'solid', fgColor: { argb } });
  if (kind === 'input') return { fill: solid(COLORS.input) };
  if (kind === 'missing') return { fill: solid(COLORS.missing) };
  return { fill: solid(COLORS.bad), font: { bold: true, color: { argb: COLORS.badFont } } };
}

const COVER_LAST_COLUMN = 7;

function addCoverSheet(ctx: SheetContext): string[] {
  const { definition, unit, info } = ctx;
  const ws = newSheet(ctx, definition.cover.sheetName);
  // At 100% on A4 landscape: the cover flows onto a second page rather than shrinking to one.
  ws.columns = [{ width: 3, hidden: true }, { width: 4 }, { width: 34 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }];
  const last = COVER_LAST_COLUMN;
  mergeText(ctx, ws, 1, 2, 3, definition.province, { bold: false });
  mergeText(ctx, ws, 1, 4, last, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', { bold: true });
  mergeText(ctx, ws, 2, 2, 3, unitHeaderName(unit), { bold: true }, undefined, 32);
  mergeText(ctx, ws, 2, 4, last, 'Độc lập - Tự do - Hạnh phúc', { bold: true, underline: true });
  mergeText(ctx, ws, 5, 2, last, `${definition.title} ${info.label.toLocaleUpperCase('vi')}`, { bold: true, size: 14 }, undefined, 40);
  mergeText(ctx, ws, 6, 2, last, `Kỳ báo cáo: ${info.label}. ${info.cutoffText}.`, { italic: true });
  mergeText(ctx, ws, 7, 2, last, `${info.dueText}, gửi về ${definition.recipient}.`, { bold: true, color: { argb: COLORS.due } }, undefined, 24);

  let row = 9;
  const paragraph: Partial<ExcelJS.Alignment> = { horizontal: 'left', vertical: 'top', wrapText: true };
  mergeText(ctx, ws, row, 2, last, 'HƯỚNG DẪN', { bold: true }, { horizontal: 'left' });
  // Without a Biểu 01, its instruction gives way to the note saying why there is none.
  const instructions = definition.cover.instructions.flatMap((line) => {
    if (typeof line === 'string') return [line];
    if (ctx.withIndicators) return [line.text];
    return definition.indicators.omittedNote ? [definition.indicators.omittedNote] : [];
  });
  instructions.forEach((text, i) => {
    row += 1;
    mergeText(ctx, ws, row, 2, last, `${i + 1}. ${text}`, {}, paragraph, 20);
  });
  row += 2;
  mergeText(ctx, ws, row, 2, last, 'THÔNG TIN NGƯỜI LẬP VÀ NỘI DUNG BÁO CÁO', { bold: true }, { horizontal: 'left' });
  const keys: string[] = [];
  for (const field of definition.cover.fields) {
    row += 1;
    addCoverField(ctx, ws, row, field);
    keys.push(field.id);
  }
  ws.views = [{ state: 'normal', showGridLines: false, activeCell: `D${row - definition.cover.fields.length + 1}` }];
  // Below the fields, whose rows stay where version 1 had them.
  if (definition.legend) row = addCoverLegend(ctx, ws, row + 2, definition.legend);
  setPrintArea(ws, last, row);
  void protect(ws);
  return keys;
}

/** The colour legend: a swatch in column B, its meaning beside it; then what (*) means. Returns the last row used. */
function addCoverLegend(ctx: SheetContext, ws: ExcelJS.Worksheet, first: number, legend: Legend): number {
  let row = first;
  mergeText(ctx, ws, row, 2, COVER_LAST_COLUMN, legend.title, { bold: true }, { horizontal: 'left' });
  for (const item of legend.items) {
    row += 1;
    const swatch = ws.getCell(row, 2);
    const style = legendStyle(item.kind);
    swatch.fill = style.fill;
    swatch.border = THIN;
    mergeText(ctx, ws, row, 3, COVER_LAST_COLUMN, item.text, {}, { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 }, 20);
  }
  row += 1;
  mergeText(ctx, ws, row, 3, COVER_LAST_COLUMN, legend.requiredMark, {}, { horizontal: 'left', vertical: 'middle', wrapText: true, indent: 1 }, 20);
  return row;
}

function addCoverField(ctx: SheetContext, ws: ExcelJS.Worksheet, row: number, field: FieldSpec): void {
  ws.getCell(row, 1).value = field.id;
  const label = mergeText(ctx, ws, row, 2, 3, `${field.label}${field.required ? ' (*)' : ''}`, { bold: true }, { horizontal: 'left', vertical: 'top', wrapText: true }, 22);
  label.border = THIN;
  ws.mergeCells(row, COVER_INPUT_COLUMN, row, COVER_LAST_COLUMN);
  const cell = ws.getCell(row, COVER_INPUT_COLUMN);
  styleInput(cell, ctx);
  if (field.type === 'date') cell.numFmt = 'dd/mm/yyyy';
  if (field.type === 'phone') cell.numFmt = '@'; // keeps the leading 0 of a phone number
  cell.dataValidation = validationFor(ctx, { type: field.type, required: field.required, ...(field.maxLength ? { maxLength: field.maxLength } : {}) }, field.label, cell.address);
  markProblems(ws, cell.address, { type: field.type, required: field.required });
  if (field.type === 'longText') ws.getRow(row).height = 110;
}

/** Title, unit line, colour legend, column headers and column numbers, as Vietnamese report forms print them. */
function addTableHeader(ctx: SheetContext, ws: ExcelJS.Worksheet, title: string, columns: readonly ColumnSpec[]): void {
  const last = columns.length + 1;
  ws.columns = [{ width: 3, hidden: true }, ...columns.map((c) => ({ width: c.width }))];
  ws.getCell(1, 1).value = '#title';
  mergeText(ctx, ws, 1, 2, last, `${title} - ${ctx.info.label.toUpperCase()}`, { bold: true, size: 13 }, undefined, 24);
  ws.getCell(2, 1).value = '#unit';
  mergeText(ctx, ws, 2, 2, last, `Đơn vị báo cáo: ${ctx.unit.name} (mã ${ctx.unit.code}). ${ctx.info.cutoffText}. ${ctx.info.dueText}.`, { italic: true }, undefined, 20);
  ws.getCell(3, 1).value = '#legend';
  if (ctx.definition.legend) addLegendRow(ctx, ws, 3, columns, ctx.definition.legend);
  const headerRow = HEADER_ROWS - 1;
  ws.getCell(headerRow, 1).value = HEADER_KEY;
  ws.getCell(HEADER_ROWS, 1).value = '#number';
  const headers: WrappedCell[] = [];
  columns.forEach((column, i) => {
    const header = ws.getCell(headerRow, i + 2);
    header.value = column.header.replace('{year}', String(ctx.info.year));
    header.font = font(ctx, { bold: true });
    header.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: COLORS.header } };
    header.border = THIN;
    headers.push({ text: header.value, width: column.width, size: ctx.definition.font.size, bold: true });
    const number = ws.getCell(HEADER_ROWS, i + 2);
    number.value = `(${i + 1})`;
    number.font = font(ctx, { italic: true }); // as large as the body: the data sheets print at about 78%
    number.alignment = { horizontal: 'center' };
    number.border = THIN;
  });
  growRow(ws, headerRow, headers, 36);
  ws.views = [{ state: 'frozen', xSplit: 0, ySplit: HEADER_ROWS, topLeftCell: `B${HEADER_ROWS + 1}`, showGridLines: true }];
  ws.pageSetup.printTitlesRow = TITLE_ROWS;
}

/**
 * The colour legend above a table: its label, then one coloured box per colour saying what it means,
 * laid over the input columns (the cells it explains) so that each box is wide enough for its words.
 */
function addLegendRow(ctx: SheetContext, ws: ExcelJS.Worksheet, row: number, columns: readonly ColumnSpec[], legend: Legend): void {
  const firstInput = columns.findIndex((c) => c.input);
  const span = columns.slice(firstInput).map((c) => c.width);
  const items = legend.items;
  if (firstInput < 1 || span.length < items.length) throw new Error(`Legend of ${ws.name} needs ${items.length} columns after the first input column`);
  // Cut the columns into one group per item, so that the most crowded box is as roomy as it can be.
  let best: number[] = [];
  let bestRoom = -Infinity;
  const choose = (start: number, cuts: number[]): void => {
    if (cuts.length === items.length - 1) {
      const bounds = [0, ...cuts, span.length];
      const room = Math.min(...items.map((item, i) => span.slice(bounds[i], bounds[i + 1]).reduce((a, b) => a + b, 0) / item.label.length));
      if (room > bestRoom) [best, bestRoom] = [bounds, room];
      return;
    }
    for (let cut = start + 1; cut <= span.length - (items.length - cuts.length - 1); cut += 1) choose(cut, [...cuts, cut]);
  };
  choose(0, []);
  mergeText(ctx, ws, row, 2, firstInput + 1, legend.label, { italic: true }, { horizontal: 'right', vertical: 'middle', wrapText: true }, 20);
  items.forEach((item, i) => {
    const from = firstInput + 2 + (best[i] as number);
    const to = firstInput + 1 + (best[i + 1] as number);
    const style = legendStyle(item.kind);
    const cell = mergeText(ctx, ws, row, from, to, item.label, style.font ?? {}, { horizontal: 'center', vertical: 'middle', wrapText: true }, 20);
    cell.fill = style.fill;
    cell.border = THIN;
  });
}

function addHeadingRow(ctx: SheetContext, ws: ExcelJS.Worksheet, row: number, key: string, text: string, lastColumn: number, fill: string): void {
  ws.getCell(row, 1).value = key;
  const cell = mergeText(ctx, ws, row, 2, lastColumn, text, { bold: true }, { horizontal: 'left', vertical: 'middle', wrapText: true });
  cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: fill } };
  cell.border = THIN;
}

function lockedCell(ctx: SheetContext, cell: ExcelJS.Cell, value: ExcelJS.CellValue, align: Partial<ExcelJS.Alignment> = { vertical: 'top', wrapText: true }): void {
  cell.value = value;
  cell.font = font(ctx);
  cell.alignment = align;
  cell.border = THIN;
}

function addIndicatorSheet(ctx: SheetContext, rows: IndicatorRow[], groups: readonly Group[]): string[] {
  const spec = ctx.definition.indicators;
  const ws = newSheet(ctx, spec.sheetName);
  addTableHeader(ctx, ws, spec.title, spec.columns);
  const last = spec.columns.length + 1;
  const keys: string[] = [];
  let row = HEADER_ROWS;
  if (rows.length === 0) {
    row += 1;
    addHeadingRow(ctx, ws, row, '#empty', spec.emptyNote ?? '', last, COLORS.group);
  }
  let group: string | undefined;
  let stt = 0;
  for (const item of rows) {
    if (item.indicator.group !== group) {
      group = item.indicator.group;
      row += 1;
      const title = groups.find((g) => g.appendix === 'I' && g.id === group)?.title ?? '';
      addHeadingRow(ctx, ws, row, rowKeyOfGroup('I', group), `${group}. ${title}`, last, COLORS.group);
    }
    row += 1;
    stt += 1;
    ws.getCell(row, 1).value = item.indicator.key;
    keys.push(item.indicator.key);
    const resultColumn = spec.columns.findIndex((c) => c.input?.type === 'indicatorResult') + 2;
    spec.columns.forEach((column, i) => {
      const cell = ws.getCell(row, i + 2);
      if (column.input) return addIndicatorInput(ctx, ws, cell, column, item);
      if (column.source === 'assessment') return addAssessment(ctx, ws, cell, item, ws.getCell(row, resultColumn).address);
      lockedCell(ctx, cell, indicatorValue(column, item, stt), column.source === 'text' ? { vertical: 'top', wrapText: true } : { horizontal: 'center', vertical: 'top', wrapText: true });
    });
    fitRowHeight(ctx, ws, row, spec.columns, 36);
  }
  setPrintArea(ws, last, row);
  void protect(ws);
  return keys;
}

function indicatorValue(column: ColumnSpec, item: IndicatorRow, stt: number): ExcelJS.CellValue {
  switch (column.source) {
    case 'stt':
      return stt;
    case 'key':
      return item.indicator.key;
    case 'text':
      return item.indicator.text;
    case 'unitOfMeasure':
      return item.indicator.unit ?? '';
    case 'role':
      return INDICATOR_ROLE_LABELS[item.role];
    case 'target':
      return item.target?.text ?? 'Không đặt chỉ tiêu';
    default:
      return '';
  }
}

function addIndicatorInput(ctx: SheetContext, ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, column: ColumnSpec, item: IndicatorRow): void {
  const input = column.input as InputSpec;
  styleInput(cell, ctx);
  const typed: InputSpec = input.type === 'indicatorResult'
    ? { ...input, type: item.result.type, ...(item.result.type === 'list' ? { list: item.result.list } : {}) }
    : input;
  if (typed.type === 'percent' || typed.type === 'nonNegative') {
    // General, not a number format: "85,5%" typed in LibreOffice then keeps its percent format (and reads
    // as 85,5); under `#,##0.0#` LibreOffice stores 0.855 and shows "0,86" (measured, LibreOffice 7.4).
    cell.alignment = { horizontal: 'right', vertical: 'top' };
  }
  cell.dataValidation = validationFor(ctx, typed, column.header, cell.address);
  markProblems(ws, cell.address, typed);
}

function addAssessment(ctx: SheetContext, ws: ExcelJS.Worksheet, cell: ExcelJS.Cell, item: IndicatorRow, resultAddress: string): void {
  const formula = assessmentFormula(item, resultAddress);
  lockedCell(ctx, cell, { formula, result: ASSESSMENT_LABELS[assessmentOf(item, null)] }, { horizontal: 'center', vertical: 'top', wrapText: true });
  ws.addConditionalFormatting({
    ref: cell.address,
    rules: [
      { type: 'containsText', operator: 'containsText', text: ASSESSMENT_LABELS.met, priority: 3, style: { font: { color: { argb: 'FF006100' }, bold: true } } },
      { type: 'containsText', operator: 'containsText', text: ASSESSMENT_LABELS.notMet, priority: 4, style: { font: { color: { argb: COLORS.badFont }, bold: true } } },
    ],
  });
}

/** The text a cell shows: its string, a rich text's runs, or a formula's cached result. */
function shownText(value: ExcelJS.CellValue): string {
  if (typeof value === 'string') return value;
  if (value && typeof value === 'object' && 'richText' in value) return value.richText.map((r) => r.text).join('');
  if (value && typeof value === 'object' && 'result' in value && typeof value.result === 'string') return value.result;
  return '';
}

function fitRowHeight(ctx: SheetContext, ws: ExcelJS.Worksheet, row: number, columns: readonly ColumnSpec[], minimum: number): void {
  const size = ctx.definition.font.size;
  ws.getRow(row).height = wrappedRowHeight(columns.map((column, i) => ({ text: shownText(ws.getCell(row, i + 2).value), width: column.width, size })), minimum);
}

function taskSectionGroups(rows: TaskRow[]): Array<{ appendix: TaskRow['task']['appendix']; items: TaskRow[] }> {
  const order = ['II', 'III', 'body'] as const;
  return order.map((appendix) => ({ appendix, items: rows.filter((r) => r.task.appendix === appendix) })).filter((s) => s.items.length > 0);
}

function addTaskSheet(ctx: SheetContext, rows: TaskRow[], groups: readonly Group[]): string[] {
  const spec = ctx.definition.tasks;
  const ws = newSheet(ctx, spec.sheetName);
  addTableHeader(ctx, ws, spec.title, spec.columns);
  const last = spec.columns.length + 1;
  const keys: string[] = [];
  let row = HEADER_ROWS;
  let stt = 0;
  for (const section of taskSectionGroups(rows)) {
    row += 1;
    addHeadingRow(ctx, ws, row, `#${section.appendix}`, spec.sections[section.appendix], last, COLORS.section);
    let group: string | undefined;
    for (const item of section.items) {
      if (section.appendix !== 'body' && item.task.group !== group) {
        group = item.task.group;
        row += 1;
        const title = groups.find((g) => g.appendix === section.appendix && g.id === group)?.title ?? '';
        addHeadingRow(ctx, ws, row, rowKeyOfGroup(section.appendix as 'II' | 'III', group), `${group}. ${title}`, last, COLORS.group);
      }
      row += 1;
      stt += 1;
      ws.getCell(row, 1).value = item.task.key;
      keys.push(item.task.key);
      spec.columns.forEach((column, i) => {
        const cell = ws.getCell(row, i + 2);
        if (column.input) {
          styleInput(cell, ctx);
          if (column.input.type === 'percent') {
            // General, as for indicator results: under `0`, "50%" typed in LibreOffice is stored as 0.5 and shows "1".
            cell.alignment = { horizontal: 'right', vertical: 'top' };
          }
          return;
        }
        lockedCell(ctx, cell, taskValue(ctx, column, item, stt), column.source === 'text' || column.source === 'leadText' ? { vertical: 'top', wrapText: true } : { horizontal: 'center', vertical: 'top', wrapText: true });
        if (column.source === 'deadlineStatus' && item.deadline.status === 'overdue') cell.font = font(ctx, { bold: true, color: { argb: COLORS.due } });
      });
      fitRowHeight(ctx, ws, row, spec.columns, 36);
    }
  }
  // Every task row takes the same inputs: one validation and one set of conditional formats per column,
  // not one per cell (a quarter of the generation time went to per-cell copies). Heading rows in the
  // range are locked and skipped by the formats' key test.
  const first = HEADER_ROWS + 1;
  if (row >= first) {
    spec.columns.forEach((column, i) => {
      if (!column.input) return;
      const letter = ws.getColumn(i + 2).letter;
      const range = `${letter}${first}:${letter}${row}`;
      (ws as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }).dataValidations.add(range, validationFor(ctx, column.input, column.header, `${letter}${first}`));
      markProblems(ws, range, column.input, `AND(LEFT($A${first},1)<>"#",LEN($A${first})>0)`, `${letter}${first}`);
    });
  }
  setPrintArea(ws, last, row);
  void protect(ws);
  return keys;
}

/** Who leads a task the unit coordinates, as the plan names them. */
function leadOf(item: TaskRow): string {
  return item.task.leadText || item.task.external.join(', ');
}

function taskValue(ctx: SheetContext, column: ColumnSpec, item: TaskRow, stt: number): ExcelJS.CellValue {
  switch (column.source) {
    case 'stt':
      return stt;
    case 'key':
      return item.task.key;
    case 'text':
      return item.task.text;
    case 'role':
      return TASK_ROLE_LABELS[item.role];
    case 'leadText':
      return leadOf(item);
    case 'roleAndLead':
      return item.role === 'lead' ? TASK_ROLE_LABELS.lead : `${TASK_ROLE_LABELS.coordinator}\n(chủ trì: ${leadOf(item)})`;
    case 'deadlineAndStatus': {
      // A dated deadline says where the period stands (red and bold when overdue); "Thường xuyên" and
      // "Sau khi …" already say it in their own words.
      const { status } = item.deadline;
      if (status === 'recurring' || status === 'conditional') return item.task.deadline.text;
      const overdue = status === 'overdue';
      return {
        richText: [
          { text: `${item.task.deadline.text}\n`, font: font(ctx) },
          { text: `(${DEADLINE_STATUS_LABELS[status]})`, font: font(ctx, overdue ? { bold: true, color: { argb: COLORS.due } } : { italic: true }) },
        ],
      };
    }
    case 'deadlineText':
      return item.task.deadline.text;
    case 'deadlineStatus':
      return DEADLINE_STATUS_LABELS[item.deadline.status];
    default:
      return '';
  }
}

function addIdentitySheet(
  ctx: SheetContext,
  catalog: Catalog,
  generatedAt: Date,
  integrityKey: string,
  rowKeys: ReadonlyArray<readonly [SheetId, string]>,
): void {
  const { definition, unit, info } = ctx;
  // veryHidden: not offered by Excel's Unhide dialog (LibreOffice turns it into plain hidden on save).
  const ws = ctx.workbook.addWorksheet(definition.identitySheetName, { state: 'veryHidden' });
  ws.columns = [{ width: 22 }, { width: 40 }, { width: 20 }];
  const entries: Array<[string, string | number]> = [
    [IDENTITY_KEYS.marker, 'da06'],
    [IDENTITY_KEYS.templateId, definition.id],
    [IDENTITY_KEYS.templateVersion, definition.version],
    [IDENTITY_KEYS.catalogHash, catalogHash(catalog)],
    [IDENTITY_KEYS.unitCode, unit.code],
    [IDENTITY_KEYS.unitName, unit.name],
    [IDENTITY_KEYS.unitKind, unit.kind],
    [IDENTITY_KEYS.period, info.id],
    [IDENTITY_KEYS.generatedAt, generatedAt.toISOString()],
    [IDENTITY_KEYS.sheetCover, definition.cover.sheetName],
    // Empty: the workbook has no Biểu 01 (a unit that monitors no indicator, from version 2).
    [IDENTITY_KEYS.sheetIndicators, ctx.withIndicators ? definition.indicators.sheetName : ''],
    [IDENTITY_KEYS.sheetTasks, definition.tasks.sheetName],
    [IDENTITY_KEYS.rowCount, rowKeys.length],
    [
      IDENTITY_KEYS.integrity,
      integrityToken(integrityKey, { templateId: definition.id, templateVersion: definition.version, unitCode: unit.code, period: info.id, catalogHash: catalogHash(catalog) }),
    ],
  ];
  entries.forEach(([key, value], i) => {
    ws.getCell(i + 1, 1).value = key;
    ws.getCell(i + 1, 2).value = value;
  });
  const start = entries.length + 2;
  ws.getCell(start, 1).value = IDENTITY_KEYS.rowsHeader;
  ws.getCell(start, 2).value = 'sheet';
  rowKeys.forEach(([sheet, key], i) => {
    ws.getCell(start + 1 + i, 1).value = key;
    ws.getCell(start + 1 + i, 2).value = sheet;
  });
  void protect(ws);
}

