/// <reference types="office-js" />
// The open workbook as lib's sheet model: a WorkbookSource over data loaded up front in a few passes
// (one context.sync() each), so lib's synchronous reader runs unchanged on what Excel returned.
import { cellAddress, setCell, type CellModel, type CellValue, type SheetModel, type SheetState } from '../../../lib/model/sheet';
import { classifyNumberFormat } from '../../../lib/read/number-format';
import type { Submission, WorkbookSource } from '../../../lib/read/submission';
import { IDENTITY_KEYS, KEY_COLUMN } from '../../../lib/template/layout';
import { FORM_DEFINITIONS } from '../../../lib/template/registry';
import { parseRangeAddress, rangeAddress } from './_lib/address';

/** The parts of a loaded Excel.Range the reader needs, as plain data. */
export interface RangeData {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

export const RANGE_PROPERTIES = ['address', 'values', 'formulas', 'numberFormat', 'valueTypes'];

const VISIBILITY: Record<string, SheetState> = { Visible: 'visible', Hidden: 'hidden', VeryHidden: 'veryHidden' };

function cellValue(raw: unknown, type: unknown): CellValue {
  if (raw === '' || raw === null || raw === undefined) return null;
  if (type === 'Error') return { error: String(raw) };
  if (typeof raw === 'number') return Number.isFinite(raw) ? raw : null;
  if (typeof raw === 'boolean') return raw;
  return String(raw).normalize('NFC');
}

function addCells(sheet: SheetModel, data: RangeData): void {
  const { startRow, startCol } = parseRangeAddress(data.address);
  data.values.forEach((line, r) =>
    line.forEach((raw, c) => {
      const row = startRow + r;
      const col = startCol + c;
      const format = String(data.numberFormat[r]?.[c] ?? 'General');
      const typed = data.formulas[r]?.[c];
      const value = cellValue(raw, data.valueTypes[r]?.[c]);
      // Text that merely starts with "=" (a text-formatted cell) comes back identical in values and formulas.
      const formula = typeof typed === 'string' && typed.startsWith('=') && format !== '@' && typed !== raw ? typed.slice(1).normalize('NFC') : undefined;
      if (value === null && formula === undefined) return;
      const cell: CellModel = { address: cellAddress(row, col), row, col, value };
      if (formula !== undefined) cell.formula = formula;
      // The file reader's classifier: a percent format (0.5 shown as 50%) is read as that percent by lib's rules.
      const kind = typeof value === 'number' ? classifyNumberFormat(format, value) : 'other';
      if (kind === 'date') cell.isDate = true;
      else if (kind === 'percent') cell.isPercent = true;
      setCell(sheet, cell);
    }),
  );
}

/** A sheet model from a loaded used range (null: the sheet is empty). */
export function sheetFromRange(name: string, state: SheetState, data: RangeData | null): SheetModel {
  const sheet: SheetModel = { name, state, rows: new Map() };
  if (data) addCells(sheet, data);
  return sheet;
}

/** Cells whose font was asked already (an unknown font is not asked again). */
const probed = new WeakSet<CellModel>();

/**
 * Replaces the cells a re-read range covers: what was cleared disappears, what was typed appears.
 * A cell whose text did not change keeps the font already asked for it.
 */
export function patchSheet(sheet: SheetModel, data: RangeData): void {
  const bounds = parseRangeAddress(data.address);
  const before = new Map<string, CellModel>();
  for (let row = bounds.startRow; row <= bounds.endRow; row += 1) {
    const cells = sheet.rows.get(row);
    if (!cells) continue;
    for (const [col, cell] of [...cells.entries()]) {
      if (col < bounds.startCol || col > bounds.endCol) continue;
      before.set(cell.address, cell);
      cells.delete(col);
    }
    if (cells.size === 0) sheet.rows.delete(row);
  }
  addCells(sheet, data);
  for (const old of before.values()) {
    const now = sheet.rows.get(old.row)?.get(old.col);
    if (!now || now.value !== old.value || !probed.has(old)) continue;
    if (old.font !== undefined) now.font = old.font;
    probed.add(now);
  }
}

const EXTERNAL_REFERENCE = /\[[^\]]+\.(?:xls[xmb]?|xlt[xm]?|csv|ods)\]/gi;

/** The open workbook, as far as it was loaded: lib's reader sees only what was fetched. */
export class LoadedWorkbook implements WorkbookSource {
  readonly date1904 = false; // the JavaScript API does not expose the date system; da06 templates use 1900
  readonly hasMacros: boolean;
  private readonly models = new Map<string, SheetModel>();
  /** Right-most used column per sheet: a re-read of edited rows covers at least this far. */
  readonly lastColumn = new Map<string, number>();

  constructor(
    readonly sheets: ReadonlyArray<{ name: string; state: SheetState }>,
    documentUrl = '',
  ) {
    this.hasMacros = /\.xl[st]m$/i.test(documentUrl.split(/[?#]/)[0] ?? '');
  }

  get externalLinks(): string[] {
    const found = new Set<string>();
    for (const sheet of this.models.values())
      for (const cells of sheet.rows.values()) for (const cell of cells.values()) for (const m of cell.formula?.match(EXTERNAL_REFERENCE) ?? []) found.add(m);
    return [...found];
  }

  stateOf(name: string): SheetState | undefined {
    return this.sheets.find((s) => s.name === name)?.state;
  }

  has(name: string): boolean {
    return this.models.has(name);
  }

  store(name: string, data: RangeData | null): void {
    this.models.set(name, sheetFromRange(name, this.stateOf(name) ?? 'visible', data));
    this.lastColumn.set(name, data ? parseRangeAddress(data.address).endCol : 0);
  }

  patch(name: string, data: RangeData): void {
    const sheet = this.readSheet(name);
    patchSheet(sheet, data);
    this.lastColumn.set(name, Math.max(this.lastColumn.get(name) ?? 0, parseRangeAddress(data.address).endCol));
  }

  readSheet(name: string): SheetModel {
    const sheet = this.models.get(name);
    // A programmer error: the passes below load every sheet lib's reader can ask for.
    if (!sheet) throw new Error(`Sheet "${name}" was not loaded from Excel`);
    return sheet;
  }
}

function toRangeData(range: Excel.Range): RangeData {
  return { address: range.address, values: range.values, formulas: range.formulas, numberFormat: range.numberFormat, valueTypes: range.valueTypes };
}

/** Queues the used ranges of the named sheets (no sync): one request for them all. */
function queueUsedRanges(context: Excel.RequestContext, names: readonly string[]): Array<{ name: string; range: Excel.Range }> {
  return names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    // eslint-disable-next-line office-addins/no-empty-load -- the rule sees no literal; RANGE_PROPERTIES lists them
    range.load(RANGE_PROPERTIES);
    return { name, range };
  });
}

function storeUsedRanges(workbook: LoadedWorkbook, queued: Array<{ name: string; range: Excel.Range }>): void {
  for (const { name, range } of queued) workbook.store(name, range.isNullObject ? null : toRangeData(range));
}

function text(sheet: SheetModel, row: number, col: number): string {
  const value = sheet.rows.get(row)?.get(col)?.value;
  return typeof value === 'string' ? value.trim() : '';
}

/** The identity sheet's first row says `da06 | da06`, whatever the sheet is called. */
function isIdentitySheet(sheet: SheetModel): boolean {
  return text(sheet, 1, 1) === IDENTITY_KEYS.marker && text(sheet, 1, 2) === IDENTITY_KEYS.marker;
}

/** Sheet names an identity sheet gives for cover, indicators and tasks. */
function namesInIdentity(sheet: SheetModel): string[] {
  const keys = new Set<string>([IDENTITY_KEYS.sheetCover, IDENTITY_KEYS.sheetIndicators, IDENTITY_KEYS.sheetTasks]);
  const names: string[] = [];
  for (const row of sheet.rows.keys()) if (keys.has(text(sheet, row, KEY_COLUMN))) names.push(text(sheet, row, KEY_COLUMN + 1));
  return names.filter(Boolean);
}

export interface ReadOpenWorkbookOptions {
  /** Office.context.document.url: tells an .xlsm apart. */
  documentUrl?: string;
}

/**
 * Loads what lib's reader needs of the open workbook, in three passes: the sheet list; the identity
 * sheet `_da06`; then the sheets it names (all visible sheets when one was renamed). Nothing else.
 */
export async function readOpenWorkbook(context: Excel.RequestContext, options: ReadOpenWorkbookOptions = {}): Promise<LoadedWorkbook> {
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();
  const infos = worksheets.items.map((ws) => ({ name: ws.name, state: VISIBILITY[ws.visibility] ?? 'visible' }));
  const workbook = new LoadedWorkbook(infos, options.documentUrl);

  const identityNames = new Set(FORM_DEFINITIONS.map((d) => d.identitySheetName));
  const byName = infos.filter((s) => identityNames.has(s.name));
  // A renamed identity sheet is still found by its content, as lib's reader does: it is one of the hidden sheets.
  const candidates = (byName.length > 0 ? byName : infos.filter((s) => s.state !== 'visible')).map((s) => s.name);
  const identity = queueUsedRanges(context, candidates);
  await context.sync();
  storeUsedRanges(workbook, identity);

  const found = byName.length > 0 ? candidates[0] : candidates.find((name) => isIdentitySheet(workbook.readSheet(name)));
  if (found === undefined) return workbook; // lib's reader then says workbook/not-template
  const named = new Set<string>(namesInIdentity(workbook.readSheet(found)));
  for (const d of FORM_DEFINITIONS) for (const sheet of [d.cover.sheetName, d.indicators.sheetName, d.tasks.sheetName]) named.add(sheet);
  const exists = new Set(infos.map((s) => s.name));
  const wanted = [...named].filter((n) => exists.has(n));
  const renamed = [...named].some((n) => !exists.has(n));
  const toLoad = new Set(renamed ? [...wanted, ...infos.filter((s) => s.state === 'visible').map((s) => s.name)] : wanted);
  const data = queueUsedRanges(context, [...toLoad].filter((n) => !workbook.has(n)));
  await context.sync();
  storeUsedRanges(workbook, data);
  return workbook;
}

/** Every input cell of a submission that holds text, with its sheet. */
function textInputs(submission: Submission): Array<{ sheet: string; cell: CellModel }> {
  const out: Array<{ sheet: string; cell: CellModel }> = [];
  const add = (sheet: string, fields: Record<string, { cell: CellModel | undefined }>) => {
    for (const { cell } of Object.values(fields)) if (cell && typeof cell.value === 'string') out.push({ sheet, cell });
  };
  add(submission.sheetNames.cover, submission.cover);
  for (const row of submission.indicators) add(submission.sheetNames.indicators, row.fields);
  for (const row of submission.tasks) add(submission.sheetNames.tasks, row.fields);
  return out;
}

/**
 * Loads the font of every text input cell not asked before, in one pass: legacy TCVN3/VNI text is
 * recognised by its font name, as the file reader does.
 */
export async function loadInputFonts(context: Excel.RequestContext, submission: Submission): Promise<void> {
  const pending = textInputs(submission).filter(({ cell }) => !probed.has(cell));
  if (pending.length === 0) return;
  const sheets = new Map<string, Excel.Worksheet>();
  const fonts = pending.map(({ sheet, cell }) => {
    let ws = sheets.get(sheet);
    if (!ws) sheets.set(sheet, (ws = context.workbook.worksheets.getItem(sheet)));
    const range = ws.getRange(cell.address);
    range.load('format/font/name');
    return { cell, range };
  });
  await context.sync();
  for (const { cell, range } of fonts) {
    probed.add(cell);
    if (range.format.font.name) cell.font = range.format.font.name;
  }
}

/** A change Excel reported: the rows of `address` on `sheet` are re-read; a structural change re-reads the sheet. */
export interface SheetEdit {
  sheet: string;
  address: string;
  structural: boolean;
}

/** Re-reads the edited rows (whole used width) or, after row/column inserts and deletes, whole sheets: one pass. */
export async function refreshEdits(context: Excel.RequestContext, workbook: LoadedWorkbook, edits: readonly SheetEdit[]): Promise<void> {
  const wholeSheets = new Set<string>();
  const blocks: Array<{ sheet: string; address: string }> = [];
  for (const edit of edits) {
    if (!workbook.has(edit.sheet)) continue;
    let bounds: ReturnType<typeof parseRangeAddress> | undefined;
    try {
      bounds = parseRangeAddress(edit.address);
    } catch {
      bounds = undefined; // whole rows or columns ("5:7", "C:C")
    }
    if (edit.structural || !bounds) wholeSheets.add(edit.sheet);
    else blocks.push({ sheet: edit.sheet, address: rangeAddress(bounds.startRow, 1, bounds.endRow, Math.max(bounds.endCol, workbook.lastColumn.get(edit.sheet) ?? 1)) });
  }
  const sheets = queueUsedRanges(context, [...wholeSheets]);
  const ranges = blocks
    .filter((b) => !wholeSheets.has(b.sheet))
    .map((b) => {
      const range = context.workbook.worksheets.getItem(b.sheet).getRange(b.address);
      // eslint-disable-next-line office-addins/no-empty-load -- the rule sees no literal; RANGE_PROPERTIES lists them
      range.load(RANGE_PROPERTIES);
      return { sheet: b.sheet, range };
    });
  await context.sync();
  storeUsedRanges(workbook, sheets);
  for (const { sheet, range } of ranges) workbook.patch(sheet, toRangeData(range));
}
