// The plain sheet model every rule works on. The xlsx reader and the Office.js adapter both fill it;
// nothing downstream knows which program the workbook came from.

export type CellValue = string | number | boolean | null | { error: string };

export interface CellModel {
  /** As Excel shows it: `H12`. */
  address: string;
  row: number;
  col: number;
  value: CellValue;
  /** The formula without `=`, when the cell holds one; `value` is then its cached result. */
  formula?: string;
  /** Font name, when the workbook says (legacy TCVN3/VNI fonts are detected by it). */
  font?: string;
  /** The cell's number format shows a date: `value` is then a serial day number. */
  isDate?: boolean;
  /** The cell's number format shows a percent: `value` is the stored fraction (0.5 shows as 50%). */
  isPercent?: boolean;
}

export type SheetState = 'visible' | 'hidden' | 'veryHidden';

export interface SheetModel {
  name: string;
  state: SheetState;
  /** Cells by row, then column (1-based); only cells that hold something. */
  rows: Map<number, Map<number, CellModel>>;
}

export interface WorkbookModel {
  sheets: SheetModel[];
  /** Dates count from 1904-01-01 (old Mac Excel) instead of 1899-12-30. */
  date1904: boolean;
  hasMacros: boolean;
  /** Targets of external links, if any. */
  externalLinks: string[];
}

export function columnLetters(col: number): string {
  let out = '';
  for (let n = col; n > 0; n = Math.floor((n - 1) / 26)) out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

export function cellAddress(row: number, col: number): string {
  return `${columnLetters(col)}${row}`;
}

/** `AB12` → { row: 12, col: 28 }; null for anything else. (A character loop: every cell of every return passes here.) */
export function parseAddress(address: string): { row: number; col: number } | null {
  let i = 0;
  const length = address.length;
  if (address.charCodeAt(i) === 36) i += 1; // $
  let col = 0;
  const colStart = i;
  for (; i < length; i += 1) {
    const code = address.charCodeAt(i) & ~32; // a–z → A–Z
    if (code < 65 || code > 90) break;
    col = col * 26 + code - 64;
  }
  if (i === colStart || i - colStart > 3) return null;
  if (address.charCodeAt(i) === 36) i += 1;
  let row = 0;
  const rowStart = i;
  for (; i < length; i += 1) {
    const code = address.charCodeAt(i);
    if (code < 48 || code > 57) return null;
    row = row * 10 + code - 48;
  }
  if (i === rowStart || i - rowStart > 7) return null;
  return { row, col };
}

export function getCell(sheet: SheetModel, row: number, col: number): CellModel | undefined {
  return sheet.rows.get(row)?.get(col);
}

export function setCell(sheet: SheetModel, cell: CellModel): void {
  let row = sheet.rows.get(cell.row);
  if (!row) {
    row = new Map();
    sheet.rows.set(cell.row, row);
  }
  row.set(cell.col, cell);
}

export function findSheet(workbook: WorkbookModel, name: string): SheetModel | undefined {
  return workbook.sheets.find((s) => s.name === name);
}
