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

/** `AB12` → { row: 12, col: 28 }; null for anything else. */
export function parseAddress(address: string): { row: number; col: number } | null {
  const match = /^\$?([A-Z]{1,3})\$?(\d{1,7})$/.exec(address.toUpperCase());
  if (!match) return null;
  const col = [...(match[1] as string)].reduce((n, ch) => n * 26 + ch.charCodeAt(0) - 64, 0);
  return { row: Number(match[2]), col };
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
