/// <reference types="office-js" />
// The open workbook as lib's sheet model: a WorkbookSource over data loaded up front in a few passes
// (one context.sync() each), so lib's synchronous reader runs unchanged on what Excel returned.
import { cellAddress, setCell, type CellModel, type CellValue, type SheetModel, type SheetState } from '../../../lib/model/sheet';
import { classifyNumberFormat } from '../../../lib/read/number-format';
import type { Submission, WorkbookSource } from '../../../lib/read/submission';
import { IDENTITY_KEYS, KEY_COLUMN } from '../../../lib/template/layout';
import { FORM_DEFINITIONS } from '../../../lib/template/registry';
import { parseRangeAddress, rangeAddress, type RangeBounds } from './_lib/address';

/** The parts of a loaded Excel.Range the reader needs, as plain data. */
export interface RangeData {
  address: string;
  values: unknown[][];
  formulas: unknown[][];
  numberFormat: unknown[][];
  valueTypes: unknown[][];
}

export const RANGE_PROPERTIES = ['address', 'values', 'formulas', 'numberFormat', 'valueTypes'];

/**
 * Cells asked for in one request. Excel on the web refuses a response over 5 MB; the four
 * properties of a cell holding a sentence of Vietnamese come to about 250 bytes (the fake's count),
 * so 10,000 cells stay near 2.5 MB. A request Excel still finds too large (long texts) is split and
 * asked again.
 */
export const DEFAULT_MAX_CELLS_PER_READ = 10_000;

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

function sameCell(a: CellModel | undefined, b: CellModel | undefined): boolean {
  if (!a || !b) return a === b;
  return JSON.stringify(a.value) === JSON.stringify(b.value) && a.formula === b.formula && a.isDate === b.isDate;
}

/** Cells that differ between two models of a sheet (added, removed or changed). */
function countChanges(before: SheetModel, after: SheetModel): number {
  let changed = 0;
  const seen = new Set<string>();
  for (const sheet of [before, after]) {
    for (const cells of sheet.rows.values()) {
      for (const cell of cells.values()) {
        if (seen.has(cell.address)) continue;
        seen.add(cell.address);
        if (!sameCell(before.rows.get(cell.row)?.get(cell.col), after.rows.get(cell.row)?.get(cell.col))) changed += 1;
      }
    }
  }
  return changed;
}

/**
 * Replaces the cells a re-read range covers: what was cleared disappears, what was typed appears.
 * A cell whose text did not change keeps the font already asked for it. Returns how many cells changed.
 */
export function patchSheet(sheet: SheetModel, data: RangeData): number {
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
  let changed = 0;
  for (const old of before.values()) {
    const now = sheet.rows.get(old.row)?.get(old.col);
    if (!sameCell(old, now)) changed += 1;
    if (!now || now.value !== old.value || !probed.has(old)) continue;
    if (old.font !== undefined) now.font = old.font;
    probed.add(now);
  }
  for (let row = bounds.startRow; row <= bounds.endRow; row += 1) {
    for (const cell of sheet.rows.get(row)?.values() ?? []) if (cell.col >= bounds.startCol && cell.col <= bounds.endCol && !before.has(cell.address)) changed += 1;
  }
  return changed;
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

  /** A sheet read whole, in one or more parts (null extent: the sheet is empty). Returns the cells that changed. */
  store(name: string, extent: RangeBounds | null, parts: readonly RangeData[]): number {
    const sheet = sheetFromRange(name, this.stateOf(name) ?? 'visible', null);
    for (const part of parts) addCells(sheet, part);
    const before = this.models.get(name);
    this.models.set(name, sheet);
    this.lastColumn.set(name, extent ? extent.endCol : 0);
    return before ? countChanges(before, sheet) : 0;
  }

  /** Returns the cells that changed. */
  patch(name: string, data: RangeData): number {
    const sheet = this.readSheet(name);
    const changed = patchSheet(sheet, data);
    this.lastColumn.set(name, Math.max(this.lastColumn.get(name) ?? 0, parseRangeAddress(data.address).endCol));
    return changed;
  }

  readSheet(name: string): SheetModel {
    const sheet = this.models.get(name);
    // A programmer error: the passes below load every sheet lib's reader can ask for.
    if (!sheet) throw new Error(`Sheet "${name}" was not loaded from Excel`);
    return sheet;
  }
}

/** A loaded range as plain data; the properties not loaded (a values-only read) come back empty. */
function toRangeData(range: Excel.Range, properties: readonly string[]): RangeData {
  const has = (name: string) => properties.includes(name);
  return {
    address: range.address,
    values: range.values,
    formulas: has('formulas') ? range.formulas : [],
    numberFormat: has('numberFormat') ? range.numberFormat : [],
    valueTypes: has('valueTypes') ? range.valueTypes : [],
  };
}

/** A rectangle of one sheet to read. */
export interface Block {
  sheet: string;
  bounds: RangeBounds;
}

const cellCount = (b: RangeBounds) => (b.endRow - b.startRow + 1) * (b.endCol - b.startCol + 1);

/** The used range of each named sheet, addresses only (one request, a few bytes a sheet); null for an empty sheet. */
export async function loadExtents(context: Excel.RequestContext, names: readonly string[]): Promise<Map<string, RangeBounds | null>> {
  const queued = names.map((name) => {
    const range = context.workbook.worksheets.getItem(name).getUsedRangeOrNullObject(true);
    range.load('address');
    return { name, range };
  });
  if (queued.length > 0) await context.sync();
  return new Map(queued.map(({ name, range }) => [name, range.isNullObject ? null : parseRangeAddress(range.address)]));
}

/** Cuts blocks into row bands of at most `maxCells` cells, then packs the bands into requests of at most `maxCells`. */
export function planReads(blocks: ReadonlyArray<Block>, maxCells: number): Block[][] {
  const bands: Block[] = [];
  for (const { sheet, bounds } of blocks) {
    const width = bounds.endCol - bounds.startCol + 1;
    const rows = Math.max(1, Math.floor(maxCells / width));
    for (let start = bounds.startRow; start <= bounds.endRow; start += rows) bands.push({ sheet, bounds: { ...bounds, startRow: start, endRow: Math.min(bounds.endRow, start + rows - 1) } });
  }
  const requests: Block[][] = [];
  let current: Block[] = [];
  let cells = 0;
  for (const band of bands) {
    if (current.length > 0 && cells + cellCount(band.bounds) > maxCells) {
      requests.push(current);
      current = [];
      cells = 0;
    }
    current.push(band);
    cells += cellCount(band.bounds);
  }
  if (current.length > 0) requests.push(current);
  return requests;
}

/** A band in two, by rows (by columns for a single row); null for a single cell. */
function halve(block: Block): Block[] | null {
  const b = block.bounds;
  if (b.endRow > b.startRow) {
    const mid = b.startRow + Math.floor((b.endRow - b.startRow) / 2);
    return [{ sheet: block.sheet, bounds: { ...b, endRow: mid } }, { sheet: block.sheet, bounds: { ...b, startRow: mid + 1 } }];
  }
  if (b.endCol > b.startCol) {
    const mid = b.startCol + Math.floor((b.endCol - b.startCol) / 2);
    return [{ sheet: block.sheet, bounds: { ...b, endCol: mid } }, { sheet: block.sheet, bounds: { ...b, startCol: mid + 1 } }];
  }
  return null;
}

function isResponseTooLarge(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === 'ResponsePayloadSizeLimitExceeded';
}

/** Only `address` and `values`: what a read of stored text (the summary's stamp) needs, at half the bytes. */
export const VALUE_PROPERTIES = ['address', 'values'];

/**
 * Loads the blocks' cells in requests under Excel on the web's 5 MB response cap: planned by cell
 * count, and a request Excel still refuses is split in two and asked again.
 */
export async function loadBlocks(context: Excel.RequestContext, blocks: ReadonlyArray<Block>, maxCells: number, properties: readonly string[] = RANGE_PROPERTIES): Promise<Array<{ sheet: string; data: RangeData }>> {
  const out: Array<{ sheet: string; data: RangeData }> = [];
  const requests = planReads(blocks, maxCells);
  while (requests.length > 0) {
    const request = requests.shift() as Block[];
    const ranges = request.map((block) => {
      const { startRow, startCol, endRow, endCol } = block.bounds;
      const range = context.workbook.worksheets.getItem(block.sheet).getRange(rangeAddress(startRow, startCol, endRow, endCol));
      // eslint-disable-next-line office-addins/no-empty-load -- the rule sees no literal; RANGE_PROPERTIES lists them
      range.load(properties as string[]);
      return { block, range };
    });
    try {
      // One request per planned chunk is the point: together they would pass the 5 MB cap.
      // eslint-disable-next-line office-addins/no-context-sync-in-loop
      await context.sync();
    } catch (error) {
      const halves = request.map(halve);
      if (!isResponseTooLarge(error) || halves.some((h) => h === null)) throw error;
      requests.unshift(...(halves as Block[][]).map((pair) => [pair[0] as Block]), ...(halves as Block[][]).map((pair) => [pair[1] as Block]));
      continue;
    }
    for (const { block, range } of ranges) out.push({ sheet: block.sheet, data: toRangeData(range, properties) });
  }
  return out;
}

/** Reads whole sheets (extents known) in chunks and stores them; returns the cells that changed. */
async function readSheets(context: Excel.RequestContext, workbook: LoadedWorkbook, extents: ReadonlyMap<string, RangeBounds | null>, names: readonly string[], maxCells: number): Promise<number> {
  const blocks = names.flatMap((sheet) => {
    const bounds = extents.get(sheet);
    return bounds ? [{ sheet, bounds }] : [];
  });
  const parts = await loadBlocks(context, blocks, maxCells);
  let changed = 0;
  for (const sheet of names) {
    changed += workbook.store(sheet, extents.get(sheet) ?? null, parts.filter((p) => p.sheet === sheet).map((p) => p.data));
  }
  return changed;
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
  /** Cells per request (default DEFAULT_MAX_CELLS_PER_READ). */
  maxCellsPerRead?: number;
}

/**
 * Loads what lib's reader needs of the open workbook, in four passes: the sheet list; the size of
 * each sheet; the identity sheet `_da06`; then the sheets it names (all visible sheets when one was
 * renamed). Nothing else; a pass over 5 MB of cells is split into several requests.
 */
export async function readOpenWorkbook(context: Excel.RequestContext, options: ReadOpenWorkbookOptions = {}): Promise<LoadedWorkbook> {
  const maxCells = options.maxCellsPerRead ?? DEFAULT_MAX_CELLS_PER_READ;
  const worksheets = context.workbook.worksheets;
  worksheets.load('items/name,items/visibility');
  await context.sync();
  const infos = worksheets.items.map((ws) => ({ name: ws.name, state: VISIBILITY[ws.visibility] ?? 'visible' }));
  const workbook = new LoadedWorkbook(infos, options.documentUrl);
  const extents = await loadExtents(context, infos.map((s) => s.name));

  const identityNames = new Set(FORM_DEFINITIONS.map((d) => d.identitySheetName));
  const byName = infos.filter((s) => identityNames.has(s.name));
  // A renamed identity sheet is still found by its content, as lib's reader does: it is one of the hidden sheets.
  const candidates = (byName.length > 0 ? byName : infos.filter((s) => s.state !== 'visible')).map((s) => s.name);
  await readSheets(context, workbook, extents, candidates, maxCells);

  const found = byName.length > 0 ? candidates[0] : candidates.find((name) => isIdentitySheet(workbook.readSheet(name)));
  if (found === undefined) return workbook; // lib's reader then says workbook/not-template
  const named = new Set<string>(namesInIdentity(workbook.readSheet(found)));
  for (const d of FORM_DEFINITIONS) for (const sheet of [d.cover.sheetName, d.indicators.sheetName, d.tasks.sheetName]) named.add(sheet);
  const exists = new Set(infos.map((s) => s.name));
  const wanted = [...named].filter((n) => exists.has(n));
  const renamed = [...named].some((n) => !exists.has(n));
  const toLoad = new Set(renamed ? [...wanted, ...infos.filter((s) => s.state === 'visible').map((s) => s.name)] : wanted);
  await readSheets(context, workbook, extents, [...toLoad].filter((n) => !workbook.has(n)), maxCells);
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

/**
 * Re-reads the edited rows (whole used width): one pass, more for many rows. After row/column
 * inserts and deletes, whole sheets (their size first). Returns how many cells changed.
 */
export async function refreshEdits(context: Excel.RequestContext, workbook: LoadedWorkbook, edits: readonly SheetEdit[], options: { maxCellsPerRead?: number } = {}): Promise<number> {
  const maxCells = options.maxCellsPerRead ?? DEFAULT_MAX_CELLS_PER_READ;
  const wholeSheets = new Set<string>();
  const blocks: Block[] = [];
  for (const edit of edits) {
    if (!workbook.has(edit.sheet)) continue;
    let bounds: ReturnType<typeof parseRangeAddress> | undefined;
    try {
      bounds = parseRangeAddress(edit.address);
    } catch {
      bounds = undefined; // whole rows or columns ("5:7", "C:C")
    }
    if (edit.structural || !bounds) wholeSheets.add(edit.sheet);
    else blocks.push({ sheet: edit.sheet, bounds: { sheet: '', startRow: bounds.startRow, startCol: 1, endRow: bounds.endRow, endCol: Math.max(bounds.endCol, workbook.lastColumn.get(edit.sheet) ?? 1) } });
  }
  let changed = 0;
  if (wholeSheets.size > 0) changed += await readSheets(context, workbook, await loadExtents(context, [...wholeSheets]), [...wholeSheets], maxCells);
  const parts = await loadBlocks(context, mergeRows(blocks.filter((b) => !wholeSheets.has(b.sheet))), maxCells);
  for (const { sheet, data } of parts) changed += workbook.patch(sheet, data);
  return changed;
}

/** One block per run of edited rows of a sheet: a row edited twice (or by fill and by typing) is read once. */
function mergeRows(blocks: readonly Block[]): Block[] {
  const bySheet = new Map<string, Block[]>();
  for (const block of blocks) bySheet.set(block.sheet, [...(bySheet.get(block.sheet) ?? []), block]);
  const out: Block[] = [];
  for (const [sheet, list] of bySheet) {
    const sorted = [...list].sort((a, b) => a.bounds.startRow - b.bounds.startRow);
    let current: RangeBounds | undefined;
    for (const { bounds } of sorted) {
      if (current && bounds.startRow <= current.endRow + 1) {
        current = { ...current, endRow: Math.max(current.endRow, bounds.endRow), endCol: Math.max(current.endCol, bounds.endCol) };
      } else {
        if (current) out.push({ sheet, bounds: current });
        current = { ...bounds };
      }
    }
    if (current) out.push({ sheet, bounds: current });
  }
  return out;
}
