// The province summary as plain data: the exceljs writer (CLI) and the Office.js writer (add-in)
// render the same model, so both produce the same sheets.

/** Text that came from a unit is always a plain string here and is written as text, never as a formula. */
export type SummaryCell = string | number | null;

export type ColumnFormat = 'text' | 'integer' | 'decimal' | 'percent' | 'date' | 'datetime';

export interface SummaryColumn {
  header: string;
  width: number;
  format?: ColumnFormat;
}

export type SummarySheetId = 'overview' | 'trends' | 'indicators' | 'tasks' | 'submissions' | 'concerns' | 'taskUnits' | 'data' | 'intake';

/**
 * How a sheet prints, always on A4 and one page wide. A `paper` sheet prints whole, with its header
 * rows repeated and "Trang x/y"; a `screen` sheet (the long audit tables, read and filtered on screen)
 * prints only its title and header unless the user selects rows, so printing the workbook stays short.
 */
export interface SheetPrint {
  use: 'paper' | 'screen';
  orientation: 'portrait' | 'landscape';
}

export type Tone = 'bad' | 'warn' | 'good';

export interface SummarySheet {
  id: SummarySheetId;
  /** Sheet name, Vietnamese, ≤ 31 characters. */
  name: string;
  title: string;
  subtitle?: string;
  columns: SummaryColumn[];
  rows: SummaryCell[][];
  /** Cells to colour: row and column are 0-based indexes into `rows` and `columns`. */
  marks: Array<{ row: number; col: number; tone: Tone }>;
  /** Columns holding rates 0–1, shown with data bars. */
  dataBars?: number[];
  /** Formats of single cells that differ from their column's (the overview mixes counts and rates). */
  formats?: Array<{ row: number; col: number; format: ColumnFormat }>;
  /**
   * One line per row: no wrapping, default height (a row whose text has line breaks still wraps). For long tables that are filtered and searched
   * rather than read (the Dữ liệu sheet's 20,000 rows); the others wrap so every answer shows whole.
   */
  compact?: boolean;
  print: SheetPrint;
  /** Body cells merged across columns (0-based row into `rows`, first column and how many columns). */
  merges?: Array<{ row: number; col: number; cols: number }>;
  /** Body rows shown as section headings (bold, on the header colour), e.g. on Tổng quan. */
  headings?: number[];
}

/** A native chart on the Biểu đồ sheet, drawn by both writers (lib/summary/chart-layout.ts places it). */
export interface ChartSpec {
  id: string;
  title: string;
  type: 'column' | 'bar' | 'line' | 'pie';
  categories: string[];
  series: Array<{ name: string; values: number[] }>;
  /** Where the value axis ends (100 for rates in percent, rather than Excel's 120); automatic when absent. */
  valueMax?: number;
}

export interface SummaryModel {
  title: string;
  period: string;
  sheets: SummarySheet[];
  charts: ChartSpec[];
  /** Rows of the hidden stamp sheet (key, value): the summary's identity and its facts (lib/summary/facts.ts). */
  stamp: Array<[string, SummaryCell]>;
}
