import { columnLetters, parseAddress } from '../../../../lib/model/sheet';

export interface RangeBounds {
  /** Sheet name as Excel wrote it in the address, unquoted; empty when the address had none. */
  sheet: string;
  startRow: number;
  startCol: number;
  endRow: number;
  endCol: number;
}

/** Splits `'Biểu 01 - Chỉ tiêu'!B5:N70` (or `Sheet1!C3`, or `C3`) into its sheet and corners. */
export function parseRangeAddress(address: string): RangeBounds {
  const bang = address.lastIndexOf('!');
  const rawSheet = bang < 0 ? '' : address.slice(0, bang);
  const sheet = rawSheet.startsWith("'") && rawSheet.endsWith("'") ? rawSheet.slice(1, -1).replace(/''/g, "'") : rawSheet;
  const [from, to] = address.slice(bang + 1).split(':') as [string, string | undefined];
  const start = parseAddress(from);
  const end = to === undefined ? start : parseAddress(to);
  if (!start || !end) throw new Error(`Not an A1 range address: ${address}`);
  return { sheet, startRow: start.row, startCol: start.col, endRow: end.row, endCol: end.col };
}

export function rangeAddress(startRow: number, startCol: number, endRow: number, endCol: number): string {
  const from = `${columnLetters(startCol)}${startRow}`;
  const to = `${columnLetters(endCol)}${endRow}`;
  return from === to ? from : `${from}:${to}`;
}
