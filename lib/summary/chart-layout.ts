// The chart sheet of the province summary, laid out once for both writers: the streamed .xlsx
// (lib/summary/chart-xml.ts) and the add-in's Office.js writer put the same cells and charts in the same places.
import { wrappedRowHeight } from '../_lib/row-height';
import { SUMMARY_FONT_SIZE } from './style';
import { cellAddress } from '../model/sheet';
import type { ChartSpec, SummaryCell, SummaryModel } from './model';
import { columnWidthPoints, SUMMARY_PAGE } from './style';

export const CHART_SHEET_NAME = 'Biểu đồ';

/** How a cell of the chart sheet looks; the writers map each kind to their own styles. */
export type ChartCellKind = 'title' | 'caption' | 'header' | 'label' | 'integer' | 'decimal';

/** A cell, 1-based, as the user sees it (row 5, column 2 = B5). */
export interface CellPosition {
  row: number;
  col: number;
}

/** A rectangle of cells, 1-based and inclusive. */
export interface CellRange {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface ChartPlacement {
  spec: ChartSpec;
  /** The whole table: caption row (the chart's title), header row (series names from column B), one row per category. */
  table: CellRange;
  /** Header row and category rows: the range Office.js `charts.add` takes, series in columns. */
  data: CellRange;
  /** Category names, column A. */
  categories: CellRange;
  /** Each series: the cell of its name and the cells of its values. */
  series: Array<{ name: CellPosition; values: CellRange }>;
  format: 'integer' | 'decimal';
  /** The chart covers the cells from the top left of `from` to the bottom right of `to`. */
  anchor: { from: CellPosition; to: CellPosition };
}

export interface ChartSheetLayout {
  name: string;
  /** Widths of columns A, B, … in characters, as `SummaryColumn.width`. */
  widths: number[];
  /** Height of each row in points, row 1 first. */
  heights: number[];
  /** Values from A1; `null` is an empty cell. Texts are text, never formulas. */
  rows: SummaryCell[][];
  /** The kind of each cell of `rows` (same shape); `null` for a plain empty cell. */
  kinds: Array<Array<ChartCellKind | null>>;
  merges: CellRange[];
  charts: ChartPlacement[];
  print: {
    area: CellRange;
    /** Rows repeated at the top of every page. */
    titleRows: { first: number; last: number };
    /** Last row of each page but the last: one chart and its table per page. */
    breaksAfter: number[];
    /** Percent; 100 unless the columns are wider than the page. */
    scale: number;
    /** Inches, as the other summary sheets (left 30 mm, Nghị định 30). */
    margins: { left: number; right: number; top: number; bottom: number; header: number; footer: number };
  };
}

const LABEL_WIDTH = 26;
const VALUE_WIDTH = 12;
const GAP_WIDTH = 2;
const CHART_COLUMNS = 6;
const CHART_COLUMN_WIDTH = 12;
const TITLE_HEIGHT = 34;
const SPACER_HEIGHT = 8;
const ROW_HEIGHT = 20;
/** Points: with the title row and a spacer, one chart fills an A4 landscape page (481 pt inside the margins). */
const CHART_HEIGHT = 380;
const MARGINS = SUMMARY_PAGE.margins;
const A4_LANDSCAPE = { width: 841.89, height: 595.28 };

/** `B5` for row 5, column 2. */
export function a1(cell: CellPosition): string {
  return cellAddress(cell.row, cell.col);
}

/** `A4:C7`. */
export function a1Range(range: CellRange): string {
  return `${a1({ row: range.top, col: range.left })}:${a1({ row: range.bottom, col: range.right })}`;
}

/**
 * Lays out the chart sheet: for each chart, its figures as a small table in columns A–C and the
 * native chart beside it, one chart per printed page (A4 landscape, title row repeated, "Trang x/y").
 * @example const layout = chartSheetLayout(model); layout.charts[0].anchor.from; // { row: 3, col: 5 }
 */
export function chartSheetLayout(model: SummaryModel): ChartSheetLayout {
  const seriesColumns = Math.max(1, ...model.charts.map((c) => c.series.length));
  const chartLeft = seriesColumns + 3; // label, values, gap
  const chartRight = chartLeft + CHART_COLUMNS - 1;
  const widths = [LABEL_WIDTH, ...Array.from({ length: seriesColumns }, () => VALUE_WIDTH), GAP_WIDTH, ...Array.from({ length: CHART_COLUMNS }, () => CHART_COLUMN_WIDTH)];
  const tableWidth = LABEL_WIDTH + seriesColumns * VALUE_WIDTH;

  const rows: SummaryCell[][] = [];
  const kinds: Array<Array<ChartCellKind | null>> = [];
  const heights: number[] = [];
  const push = (height: number, cells: SummaryCell[] = [], cellKinds: Array<ChartCellKind | null> = []) => {
    rows.push(cells);
    kinds.push(cellKinds);
    heights.push(height);
    return rows.length;
  };
  const title = `BIỂU ĐỒ - ${model.title}`;
  push(TITLE_HEIGHT, [title, ...Array.from({ length: chartRight - 1 }, () => null)], ['title', ...Array.from({ length: chartRight - 1 }, () => 'title' as const)]);
  const merges: CellRange[] = [{ top: 1, left: 1, bottom: 1, right: chartRight }];

  const charts: ChartPlacement[] = [];
  const breaksAfter: number[] = [];
  model.charts.forEach((spec, i) => {
    if (i > 0) breaksAfter.push(rows.length);
    push(SPACER_HEIGHT);
    const width = spec.series.length + 1;
    const format = spec.series.every((s) => s.values.every((v) => Number.isInteger(v))) ? 'integer' : 'decimal';
    const pad = (cells: SummaryCell[], kind: ChartCellKind) => ({ cells, kinds: Array.from({ length: width }, (_, c) => (c === 0 && kind !== 'caption' && kind !== 'header' ? 'label' : kind)) });
    const caption = push(wrappedRowHeight([{ text: spec.title, width: tableWidth, size: SUMMARY_FONT_SIZE.body, bold: true }], ROW_HEIGHT), [spec.title, ...spec.series.map(() => null)], Array.from({ length: width }, () => 'caption'));
    merges.push({ top: caption, left: 1, bottom: caption, right: width });
    const header = pad(['', ...spec.series.map((s) => s.name)], 'header');
    const headerRow = push(wrappedRowHeight(spec.series.map((s) => ({ text: s.name, width: VALUE_WIDTH, size: SUMMARY_FONT_SIZE.body, bold: true })), ROW_HEIGHT), header.cells, header.kinds);
    spec.categories.forEach((category, c) => {
      const line = pad([category, ...spec.series.map((s) => s.values[c] ?? null)], format);
      push(wrappedRowHeight([{ text: category, width: LABEL_WIDTH, size: SUMMARY_FONT_SIZE.body }], ROW_HEIGHT), line.cells, line.kinds);
    });
    const lastData = rows.length;
    // Rows below the table, until the chart beside it is tall enough.
    const height = () => heights.slice(caption - 1).reduce((a, b) => a + b, 0);
    while (height() < CHART_HEIGHT) push(ROW_HEIGHT);
    const firstData = headerRow + 1;
    charts.push({
      spec,
      table: { top: caption, left: 1, bottom: lastData, right: width },
      data: { top: headerRow, left: 1, bottom: lastData, right: width },
      categories: { top: firstData, left: 1, bottom: lastData, right: 1 },
      series: spec.series.map((_, s) => ({ name: { row: headerRow, col: s + 2 }, values: { top: firstData, left: s + 2, bottom: lastData, right: s + 2 } })),
      format,
      anchor: { from: { row: caption, col: chartLeft }, to: { row: rows.length, col: chartRight } },
    });
  });

  // Scale only if the columns or one page's rows would not fit inside the margins.
  const pageWidth = A4_LANDSCAPE.width - (MARGINS.left + MARGINS.right) * 72;
  const pageHeight = A4_LANDSCAPE.height - (MARGINS.top + MARGINS.bottom) * 72;
  const totalWidth = widths.reduce((sum, w) => sum + columnWidthPoints(w), 0);
  const pages = [0, ...breaksAfter, rows.length].slice(1).map((end, p, ends) => heights.slice(p === 0 ? 0 : (ends[p - 1] as number), end));
  const tallest = Math.max(...pages.map((page, p) => page.reduce((a, b) => a + b, 0) + (p === 0 ? 0 : TITLE_HEIGHT)));
  const scale = Math.min(100, Math.floor((pageWidth / totalWidth) * 100), Math.floor((pageHeight / tallest) * 100));

  return {
    name: CHART_SHEET_NAME,
    widths,
    heights,
    rows,
    kinds,
    merges,
    charts,
    print: {
      area: { top: 1, left: 1, bottom: rows.length, right: chartRight },
      titleRows: { first: 1, last: 1 },
      breaksAfter,
      scale: Math.max(10, scale),
      margins: MARGINS,
    },
  };
}
