// The workbook behind the fake Office.js: plain data a test can seed, inspect and hand to a page.

export type Visibility = 'Visible' | 'Hidden' | 'VeryHidden';

export interface FakeFont {
  name?: string;
  bold?: boolean;
  italic?: boolean;
  color?: string;
  size?: number;
}

export interface FakeCell {
  /** '' when empty; an error shows as its text (`#N/A`) with `error` set. */
  value: string | number | boolean;
  /** With its leading `=`. */
  formula?: string;
  error?: boolean;
  numberFormat?: string;
  /** `#RRGGBB`; absent means no fill. */
  fill?: string;
  font?: FakeFont;
  /** Cells are locked unless the template unlocked them (Excel's default). */
  locked?: boolean;
  /** Other formatting set through the API (alignment, wrap, borders): kept, not interpreted. */
  format?: Record<string, unknown>;
}

export interface FakeProtection {
  protected: boolean;
  options: Record<string, boolean>;
}

export interface FakeChart {
  name: string;
  chartType: string;
  source: string;
  seriesBy: string;
  title: string;
  legend: { position: string; visible: boolean };
  dataLabels: { showValue: boolean; showPercentage: boolean; position?: string };
  axes?: { valueAxis?: { maximum?: number; minimum?: number } };
  position?: { start: string; end?: string };
}

export interface FakeConditionalFormat {
  type: string;
  address: string;
  settings: Record<string, unknown>;
}

export interface FakeSheet {
  id: string;
  name: string;
  visibility: Visibility;
  protection: FakeProtection;
  /** Key `row,col`, both 1-based. */
  cells: Map<string, FakeCell>;
  charts: FakeChart[];
  conditionalFormats: FakeConditionalFormat[];
  merges: string[];
  frozenRows: number;
  columnWidths: Record<number, number>;
  rowHeights: Record<number, number>;
  autoFilter?: string;
  /** Formats set on whole columns or the whole sheet (kept as given, not spread over cells). */
  bulkFormats: Array<{ address: string; property: string; value: unknown }>;
}

export interface FakeXmlPart {
  id: string;
  namespaceUri: string;
  xml: string;
}

export interface FakeWorkbookState {
  sheets: FakeSheet[];
  /** Workbook-structure protection (Review › Protect Workbook): no sheet may be added, deleted, renamed, moved, hidden or shown. */
  protection: { protected: boolean; password?: string };
  activeSheetId: string;
  selection: { sheetId: string; address: string } | null;
  customXmlParts: FakeXmlPart[];
  /** What Excel.createWorkbook was given (base64). */
  createdWorkbooks: string[];
  nextId: number;
}

/** The JSON a test writes and a page reads: cells by address. */
export interface SeedCell {
  v?: string | number | boolean;
  f?: string;
  error?: boolean;
  nf?: string;
  fill?: string;
  font?: FakeFont;
  locked?: boolean;
}

export interface SeedSheet {
  name: string;
  visibility?: Visibility;
  protection?: FakeProtection;
  cells: Record<string, SeedCell>;
  charts?: FakeChart[];
  conditionalFormats?: FakeConditionalFormat[];
  merges?: string[];
  frozenRows?: number;
  columnWidths?: Record<number, number>;
}

export interface SeedWorkbook {
  sheets: SeedSheet[];
  activeSheet?: string;
  selection?: { sheet: string; address: string } | null;
  customXmlParts?: Array<{ xml: string }>;
  /** Workbook structure protected (Review › Protect Workbook). */
  structureProtected?: boolean;
}

/** How typed text is read: the offices run Excel in Vietnamese (decimal comma, day/month/year). */
export type TypingLocale = 'vi-VN' | 'en-US';

export const MAX_ROWS = 1_048_576;
export const MAX_COLUMNS = 16_384;

export function columnNumber(letters: string): number {
  return [...letters.toUpperCase()].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
}

export function columnName(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

/** 1-based, inclusive. */
export interface Rect {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

/** `B3`, `B3:D7`, `A:C`, `3:5`, `$A$1`; null when it is none of these. */
export function parseA1(text: string): Rect | null {
  const part = (s: string): { r?: number; c?: number } | null => {
    const m = /^\$?([A-Za-z]{1,3})?\$?(\d{1,7})?$/.exec(s);
    if (!m || (!m[1] && !m[2])) return null;
    return { ...(m[1] ? { c: columnNumber(m[1]) } : {}), ...(m[2] ? { r: Number(m[2]) } : {}) };
  };
  const [a, b = a] = text.split(':') as [string, string | undefined];
  const from = part(a);
  const to = part(b as string);
  if (!from || !to) return null;
  const rows = from.r === undefined || to.r === undefined;
  const cols = from.c === undefined || to.c === undefined;
  if (rows && cols) return null;
  const rect = {
    r0: rows ? 1 : (from.r as number),
    r1: rows ? MAX_ROWS : (to.r as number),
    c0: cols ? 1 : (from.c as number),
    c1: cols ? MAX_COLUMNS : (to.c as number),
  };
  if (rect.r0 < 1 || rect.c0 < 1 || rect.r1 > MAX_ROWS || rect.c1 > MAX_COLUMNS) return null;
  return { r0: Math.min(rect.r0, rect.r1), r1: Math.max(rect.r0, rect.r1), c0: Math.min(rect.c0, rect.c1), c1: Math.max(rect.c0, rect.c1) };
}

export function formatA1(rect: Rect): string {
  if (rect.c0 === 1 && rect.c1 === MAX_COLUMNS) return `${rect.r0}:${rect.r1}`;
  if (rect.r0 === 1 && rect.r1 === MAX_ROWS) return `${columnName(rect.c0)}:${columnName(rect.c1)}`;
  const from = `${columnName(rect.c0)}${rect.r0}`;
  const to = `${columnName(rect.c1)}${rect.r1}`;
  return from === to ? from : `${from}:${to}`;
}

/** As Excel writes sheet names in addresses: quoted unless plain letters, digits, dots and underscores. */
export function quoteSheet(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_.]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

export const cellKey = (row: number, col: number): string => `${row},${col}`;

export function emptyCell(): FakeCell {
  return { value: '' };
}

export function hasValue(cell: FakeCell | undefined): boolean {
  return cell !== undefined && (cell.value !== '' || cell.formula !== undefined);
}

export function hasFormat(cell: FakeCell | undefined): boolean {
  return cell !== undefined && (cell.fill !== undefined || (cell.numberFormat ?? 'General') !== 'General' || cell.font !== undefined || cell.format !== undefined || cell.locked === false);
}

/** Bounding box of cells holding something (valuesOnly) or anything at all; null for an empty sheet. */
export function usedRect(sheet: FakeSheet, valuesOnly: boolean): Rect | null {
  let rect: Rect | null = null;
  for (const [key, cell] of sheet.cells) {
    if (!(hasValue(cell) || (!valuesOnly && hasFormat(cell)))) continue;
    const [row, col] = key.split(',').map(Number) as [number, number];
    rect = rect ? { r0: Math.min(rect.r0, row), c0: Math.min(rect.c0, col), r1: Math.max(rect.r1, row), c1: Math.max(rect.c1, col) } : { r0: row, c0: col, r1: row, c1: col };
  }
  return rect;
}

const EXCEL_ERRORS = new Set(['#NULL!', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#N/A', '#GETTING_DATA', '#SPILL!', '#CALC!', '#FIELD!', '#BLOCKED!', '#CONNECT!', '#BUSY!', '#UNKNOWN!']);

/** Days since 1899-12-30 of a date typed as `05/12/2026`: day first in vi-VN, month first in en-US. */
function dateSerial(text: string, locale: TypingLocale): number | null {
  const m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(text);
  if (!m) return null;
  const [day, month] = locale === 'vi-VN' ? [Number(m[1]), Number(m[2])] : [Number(m[2]), Number(m[1])];
  const ms = Date.UTC(Number(m[3]), month - 1, day);
  const check = new Date(ms);
  if (check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  return Math.round((ms - Date.UTC(1899, 11, 30)) / 86_400_000);
}

/** Number patterns as Excel reads typing: vi-VN `1.234,5` / `85,5%`, en-US `1,234.5` / `85.5%`. */
const NUMBER_TYPING: Record<TypingLocale, { pattern: RegExp; group: RegExp; decimal: string }> = {
  'vi-VN': { pattern: /^[+-]?(\d+|\d{1,3}(\.\d{3})+)(,\d+)?%?$/, group: /\./g, decimal: ',' },
  'en-US': { pattern: /^[+-]?(\d+|\d{1,3}(,\d{3})+)(\.\d+)?%?$/, group: /,/g, decimal: '.' },
};

/**
 * What Excel stores when a value is written through `range.values`: like typing, in the user's
 * locale. A string becomes a formula if it starts with "=", a number or date if it reads as one,
 * unless the cell is formatted as text ("@").
 */
export function typeInto(cell: FakeCell, input: unknown, locale: TypingLocale = 'vi-VN'): void {
  delete cell.formula;
  delete cell.error;
  if (input === null || input === undefined || input === '') {
    cell.value = '';
    return;
  }
  if (typeof input === 'number' || typeof input === 'boolean') {
    cell.value = input;
    return;
  }
  const text = String(input);
  if (cell.numberFormat === '@') {
    cell.value = text;
    return;
  }
  if (text.startsWith('=') && text.length > 1) {
    cell.formula = text;
    cell.value = '#NAME?'; // the fake does not calculate; what matters is that it became a formula
    cell.error = true;
    return;
  }
  if (EXCEL_ERRORS.has(text.toUpperCase())) {
    cell.value = text.toUpperCase();
    cell.error = true;
    return;
  }
  const typing = NUMBER_TYPING[locale];
  if (typing.pattern.test(text)) {
    const n = Number(text.replace(/%$/, '').replace(typing.group, '').replace(typing.decimal, '.'));
    const percent = text.endsWith('%');
    cell.value = percent ? n / 100 : n;
    if (percent && (cell.numberFormat ?? 'General') === 'General') cell.numberFormat = text.includes(typing.decimal) ? '0.00%' : '0%';
    return;
  }
  const serial = dateSerial(text, locale);
  if (serial !== null) {
    cell.value = serial;
    // Format 14, the short date of the user's locale: Office.js reports it as m/d/yyyy everywhere.
    if ((cell.numberFormat ?? 'General') === 'General') cell.numberFormat = 'm/d/yyyy';
    return;
  }
  cell.value = text;
}

export function newSheet(id: string, name: string): FakeSheet {
  return {
    id,
    name,
    visibility: 'Visible',
    protection: { protected: false, options: defaultProtectionOptions() },
    cells: new Map(),
    charts: [],
    conditionalFormats: [],
    merges: [],
    frozenRows: 0,
    columnWidths: {},
    rowHeights: {},
    bulkFormats: [],
  };
}

/** Excel's defaults when a sheet is protected without options: select cells, nothing else. */
export function defaultProtectionOptions(): Record<string, boolean> {
  return {
    allowAutoFilter: false,
    allowDeleteColumns: false,
    allowDeleteRows: false,
    allowEditObjects: false,
    allowEditScenarios: false,
    allowFormatCells: false,
    allowFormatColumns: false,
    allowFormatRows: false,
    allowInsertColumns: false,
    allowInsertHyperlinks: false,
    allowInsertRows: false,
    allowPivotTables: false,
    allowSort: false,
  };
}

export function namespaceOf(xml: string): string {
  const start = /<([A-Za-z_][\w.:-]*)([^>]*)>/.exec(xml.replace(/<\?[\s\S]*?\?>/g, '').replace(/<!--[\s\S]*?-->/g, ''));
  if (!start) return '';
  const name = start[1] as string;
  const prefix = name.includes(':') ? name.split(':')[0] : undefined;
  const pattern = prefix ? new RegExp(`xmlns:${prefix}\\s*=\\s*"([^"]*)"`) : /xmlns\s*=\s*"([^"]*)"/;
  return pattern.exec(start[2] ?? '')?.[1] ?? '';
}

export function stateFromSeed(seed: SeedWorkbook): FakeWorkbookState {
  let nextId = 1;
  const sheets = seed.sheets.map((s) => {
    const sheet = newSheet(`{SHEET-${nextId++}}`, s.name);
    sheet.visibility = s.visibility ?? 'Visible';
    if (s.protection) sheet.protection = { protected: s.protection.protected, options: { ...defaultProtectionOptions(), ...s.protection.options } };
    sheet.charts = s.charts ? structuredCopy(s.charts) : [];
    sheet.conditionalFormats = s.conditionalFormats ? structuredCopy(s.conditionalFormats) : [];
    sheet.merges = [...(s.merges ?? [])];
    sheet.frozenRows = s.frozenRows ?? 0;
    sheet.columnWidths = { ...s.columnWidths };
    for (const [address, c] of Object.entries(s.cells)) {
      const rect = parseA1(address);
      if (!rect) throw new Error(`Bad seed address ${address}`);
      const cell: FakeCell = { value: c.v ?? '' };
      if (c.f !== undefined) cell.formula = c.f;
      if (c.error) cell.error = true;
      if (c.nf !== undefined) cell.numberFormat = c.nf;
      if (c.fill !== undefined) cell.fill = c.fill;
      if (c.font !== undefined) cell.font = { ...c.font };
      if (c.locked !== undefined) cell.locked = c.locked;
      sheet.cells.set(cellKey(rect.r0, rect.c0), cell);
    }
    return sheet;
  });
  if (sheets.length === 0) sheets.push(newSheet(`{SHEET-${nextId++}}`, 'Sheet1'));
  const active = sheets.find((s) => s.name === seed.activeSheet) ?? sheets.find((s) => s.visibility === 'Visible') ?? (sheets[0] as FakeSheet);
  const selectionSheet = seed.selection ? sheets.find((s) => s.name === seed.selection?.sheet) : undefined;
  return {
    sheets,
    protection: { protected: seed.structureProtected === true },
    activeSheetId: active.id,
    selection: selectionSheet && seed.selection ? { sheetId: selectionSheet.id, address: seed.selection.address } : { sheetId: active.id, address: 'A1' },
    customXmlParts: (seed.customXmlParts ?? []).map((p) => ({ id: `{PART-${nextId++}}`, namespaceUri: namespaceOf(p.xml), xml: p.xml })),
    createdWorkbooks: [],
    nextId,
  };
}

export function seedFromState(state: FakeWorkbookState): SeedWorkbook {
  const nameOf = (id: string) => state.sheets.find((s) => s.id === id)?.name;
  return {
    sheets: state.sheets.map((sheet) => ({
      name: sheet.name,
      visibility: sheet.visibility,
      protection: structuredCopy(sheet.protection),
      charts: structuredCopy(sheet.charts),
      conditionalFormats: structuredCopy(sheet.conditionalFormats),
      merges: [...sheet.merges],
      frozenRows: sheet.frozenRows,
      columnWidths: { ...sheet.columnWidths },
      cells: Object.fromEntries(
        [...sheet.cells.entries()].map(([key, c]) => {
          const [row, col] = key.split(',').map(Number) as [number, number];
          const seed: SeedCell = { v: c.value };
          if (c.formula !== undefined) seed.f = c.formula;
          if (c.error) seed.error = true;
          if (c.numberFormat !== undefined) seed.nf = c.numberFormat;
          if (c.fill !== undefined) seed.fill = c.fill;
          if (c.font !== undefined) seed.font = { ...c.font };
          if (c.locked !== undefined) seed.locked = c.locked;
          return [`${columnName(col)}${row}`, seed];
        }),
      ),
    })),
    activeSheet: nameOf(state.activeSheetId) ?? '',
    selection: state.selection ? { sheet: nameOf(state.selection.sheetId) ?? '', address: state.selection.address } : null,
    customXmlParts: state.customXmlParts.map((p) => ({ xml: p.xml })),
    structureProtected: state.protection.protected,
  };
}

/**
 * Inserts (count > 0) or deletes (count < 0) rows or columns at `at` (1-based), moving the cells,
 * fills and merges below or to the right, as Excel does.
 */
export function shiftCells(sheet: FakeSheet, axis: 'rows' | 'columns', at: number, count: number): void {
  const moved = new Map<string, FakeCell>();
  for (const [key, cell] of sheet.cells) {
    const [row, col] = key.split(',').map(Number) as [number, number];
    const pos = axis === 'rows' ? row : col;
    if (count < 0 && pos >= at && pos < at - count) continue; // deleted with its row or column
    const next = pos >= at ? pos + count : pos;
    moved.set(axis === 'rows' ? cellKey(next, col) : cellKey(row, next), cell);
  }
  sheet.cells = moved;
}

function structuredCopy<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}
