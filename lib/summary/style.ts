// How the summary looks, written once: the streamed .xlsx (lib/summary/xlsx.ts) and the add-in's
// Office.js writer (addin/src/office/write-summary.ts) both take their fonts, colours, number formats,
// which cell gets which format, wrapping, row heights, column widths and page setup from here, so the
// file `da06 consolidate` writes and the sheets the pane writes cannot drift apart.
import { wrappedRowHeight } from '../_lib/row-height';
import type { ChartCellKind } from './chart-layout';
import type { ColumnFormat, SummaryCell, SummaryColumn, SummarySheet, Tone } from './model';

/** Rows 1–2 hold the title and subtitle, row 3 the column headers; data starts on row 4. */
export const SUMMARY_HEADER_ROW = 3;

export const SUMMARY_FONT = 'Times New Roman';

/** Point sizes: body and headers, title, page footer. */
export const SUMMARY_FONT_SIZE = { body: 11, title: 13, footer: 11 } as const;

/** Row heights in points: the frame rows and a one-line body row. */
export const SUMMARY_ROW_HEIGHT = { title: 34, subtitle: 32, header: 42, line: 15 } as const;

/** Colours as RRGGBB. */
export const SUMMARY_COLOURS = {
  headerFill: 'D9E1F2',
  dataBar: '5B9BD5',
} as const;

export const TONE_COLOURS: Readonly<Record<Tone, { fill: string; font: string }>> = {
  bad: { fill: 'F8CBAD', font: '9C0006' },
  warn: { fill: 'FFEB9C', font: '9C5700' },
  good: { fill: 'C6EFCE', font: '006100' },
};

/** A column's format, or Excel's General for a number in a text column. */
export type CellFormat = ColumnFormat | 'general';

/** Excel number format codes (locale-neutral: Excel shows them with the reader's separators). */
export const NUMBER_FORMATS: Readonly<Record<CellFormat, string>> = {
  general: 'General',
  text: '@',
  integer: '#,##0',
  decimal: '#,##0.0##',
  percent: '0.0%',
  date: 'dd/mm/yyyy',
  datetime: 'dd/mm/yyyy hh:mm',
};

/** The header row's height: every header wrapped whole in its column (bold), never less than the usual 42 pt. */
export function headerRowHeight(columns: readonly SummaryColumn[]): number {
  return wrappedRowHeight(columns.map((c) => ({ text: c.header, width: c.width, size: SUMMARY_FONT_SIZE.body, bold: true })), SUMMARY_ROW_HEIGHT.header);
}

/** A4 landscape, one page wide, margins in inches (left 30 mm, Nghị định 30), "Trang x/y" in the footer. */
export const SUMMARY_PAGE = {
  paper: 'A4',
  orientation: 'landscape',
  margins: { left: 1.18, right: 0.6, top: 0.79, bottom: 0.79, header: 0.3, footer: 0.3 },
  /** Excel's header/footer codes: page number of page count. */
  footer: 'Trang &P/&N',
} as const;

/** How a cell looks, apart from its number format. */
export interface CellLook {
  bold: boolean;
  italic: boolean;
  size: number;
  /** Font colour RRGGBB; automatic when absent. */
  colour?: string;
  /** Solid fill RRGGBB; none when absent. */
  fill?: string;
  horizontal?: 'center';
  vertical: 'center' | 'top';
  wrap: boolean;
  /** Thin borders all round. */
  border: boolean;
}

const HEADER_LOOK: CellLook = { bold: true, italic: false, size: SUMMARY_FONT_SIZE.body, fill: SUMMARY_COLOURS.headerFill, horizontal: 'center', vertical: 'center', wrap: true, border: true };

/** The frame of every summary sheet: title (row 1), subtitle (row 2), column headers (row 3). */
export const SUMMARY_LOOKS: Readonly<Record<'title' | 'subtitle' | 'header' | 'heading', CellLook>> = {
  title: { bold: true, italic: false, size: SUMMARY_FONT_SIZE.title, horizontal: 'center', vertical: 'center', wrap: true, border: false },
  subtitle: { bold: false, italic: true, size: SUMMARY_FONT_SIZE.body, horizontal: 'center', vertical: 'center', wrap: true, border: false },
  header: HEADER_LOOK,
  /** A section heading inside a sheet's body (Tổng quan): bold on the header colour, left aligned. */
  heading: { bold: true, italic: false, size: SUMMARY_FONT_SIZE.body, fill: SUMMARY_COLOURS.headerFill, vertical: 'center', wrap: true, border: true },
};

/** A body cell: bordered, top-aligned; a marked one bold in its tone's colours. */
export function bodyLook(tone: Tone | null, wrap: boolean): CellLook {
  return { bold: tone !== null, italic: false, size: SUMMARY_FONT_SIZE.body, ...(tone ? { colour: TONE_COLOURS[tone].font, fill: TONE_COLOURS[tone].fill } : {}), vertical: 'top', wrap, border: true };
}

/** The chart sheet's cells by kind (lib/summary/chart-layout.ts): its title, its tables' captions and headers, their figures. */
export const CHART_CELL_LOOKS: Readonly<Record<ChartCellKind, CellLook>> = {
  title: SUMMARY_LOOKS.title,
  caption: HEADER_LOOK,
  header: HEADER_LOOK,
  label: bodyLook(null, true),
  integer: bodyLook(null, true),
  decimal: bodyLook(null, true),
};

/** A chart-sheet cell's number format: its figures as counts or rates, everything else text; an empty cell General. */
export function chartCellFormat(kind: ChartCellKind | null): CellFormat {
  if (kind === null) return 'general';
  return kind === 'integer' || kind === 'decimal' ? kind : 'text';
}

/**
 * The number format of each body cell of a sheet (row and column 0-based, as in `rows`): text for
 * every string (so a unit's "=…", "05/12/2026" or "1,5" stays as typed in Excel too), the cell's own
 * format or its column's for numbers and empty cells, General for a number in a text column.
 */
export function cellFormatOf(sheet: SummarySheet): (row: number, col: number, value: SummaryCell) => CellFormat {
  const own = new Map<number, Map<number, ColumnFormat>>();
  for (const f of sheet.formats ?? []) own.set(f.row, (own.get(f.row) ?? new Map<number, ColumnFormat>()).set(f.col, f.format));
  return (row, col, value) => {
    if (typeof value === 'string' || (typeof value === 'number' && !Number.isFinite(value))) return 'text';
    const format = own.get(row)?.get(col) ?? sheet.columns[col]?.format ?? 'text';
    return format === 'text' && value !== null ? 'general' : format;
  };
}

/** A body cell's value as written: what cannot be a number in a cell (NaN, Infinity) is written as its text. */
export function cellValueOf(value: SummaryCell): SummaryCell {
  return typeof value === 'number' && !Number.isFinite(value) ? String(value) : value;
}

/** The height wrappedRowHeight gives one line of body text. */
const ONE_LINE = wrappedRowHeight([{ text: 'x', width: 10, size: SUMMARY_FONT_SIZE.body }], 0);

/**
 * Whether a body row wraps and how tall it is: every row of an ordinary sheet wraps, a compact
 * sheet's row only when a unit's text has line breaks. A wrapping row's height is measured from its
 * text in Excel's column widths (not every program grows rows by itself; a merged cell wraps across
 * all its columns; a heading is bold), so both writers give it the same height; a row of one line
 * keeps the default height (`undefined`), as Excel lays out 11 pt text.
 */
export function bodyRowLayout(sheet: SummarySheet, values: readonly SummaryCell[], row: number): { wrap: boolean; height?: number } {
  const wrap = !sheet.compact || values.some((v) => typeof v === 'string' && v.includes('\n'));
  if (!wrap) return { wrap };
  const merge = sheet.merges?.find((m) => m.row === row);
  const bold = sheet.headings?.includes(row) ?? false;
  const covered = (c: number) => merge !== undefined && c > merge.col && c < merge.col + merge.cols;
  const width = (c: number) => (merge && c === merge.col ? sheet.columns.slice(c, c + merge.cols).reduce((sum, col) => sum + col.width, 0) : (sheet.columns[c]?.width ?? 10));
  const cells = values.map((v, c) => ({ text: typeof v === 'string' && !covered(c) ? v : '', width: width(c), size: SUMMARY_FONT_SIZE.body, bold }));
  const height = wrappedRowHeight(cells, SUMMARY_ROW_HEIGHT.line);
  return height <= ONE_LINE ? { wrap } : { wrap, height };
}

/** Column width in characters (as `SummaryColumn.width`) to points, as Excel draws it (7 px a character plus 5 px padding, at 96 dpi). */
export function columnWidthPoints(chars: number): number {
  return Math.round((chars * 7 + 5) * 0.75 * 100) / 100;
}
