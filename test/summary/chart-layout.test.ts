import { a1, a1Range, CHART_SHEET_NAME, chartSheetLayout, type CellRange } from '../../lib/summary/chart-layout';
import type { ChartSpec } from '../../lib/summary/model';
import { CHARTS, chartModel } from './_lib/chart-model';

/** A4 landscape inside the summary's margins (left 1.18 in, right 0.6 in, top and bottom 0.79 in), in points. */
const PAGE = { width: 841.89 - (1.18 + 0.6) * 72, height: 595.28 - 2 * 0.79 * 72 };
/** Column width in characters to points, pessimistically (Excel's 7 px a character plus 5 px padding). */
const points = (chars: number) => (chars * 7 + 5) * 0.75;
const cells = (range: CellRange) => Array.from({ length: range.bottom - range.top + 1 }, (_, r) => Array.from({ length: range.right - range.left + 1 }, (_, c) => ({ row: range.top + r, col: range.left + c }))).flat();

describe('chartSheetLayout', () => {
  const layout = chartSheetLayout(chartModel());
  const at = (row: number, col: number) => layout.rows[row - 1]?.[col - 1] ?? null;

  it('puts each chart\'s figures in a table: its title, the series names from column B, one row per category', () => {
    expect(layout.name).toBe(CHART_SHEET_NAME);
    expect(at(1, 1)).toBe('BIỂU ĐỒ - BÁO CÁO TỔNG HỢP THÁNG 11 NĂM 2026');
    expect(layout.charts.map((p) => [a1Range(p.table), a1Range(p.data), a1Range(p.categories)])).toEqual([
      ['A3:C7', 'A4:C7', 'A5:A7'],
      ['A23:B28', 'A24:B28', 'A25:A28'],
      ['A43:B50', 'A44:B50', 'A45:A50'],
    ]);
    layout.charts.forEach((placed, i) => {
      const spec = CHARTS[i] as ChartSpec;
      expect(placed.spec).toBe(spec);
      expect(at(placed.table.top, 1)).toBe(spec.title);
      expect(cells(placed.categories).map((c) => at(c.row, c.col))).toEqual(spec.categories);
      expect(placed.series.map((s) => at(s.name.row, s.name.col))).toEqual(spec.series.map((s) => s.name));
      expect(placed.series.map((s) => cells(s.values).map((c) => at(c.row, c.col)))).toEqual(spec.series.map((s) => s.values));
    });
  });

  it('marks each cell with what it is, for both writers to style alike', () => {
    const [rates, tasks] = layout.charts;
    expect(layout.kinds[0]?.[0]).toBe('title');
    expect(layout.kinds[(rates?.table.top ?? 0) - 1]).toEqual(['caption', 'caption', 'caption']);
    expect(layout.kinds[(rates?.data.top ?? 0) - 1]).toEqual(['header', 'header', 'header']);
    expect(layout.kinds[(rates?.categories.top ?? 0) - 1]).toEqual(['label', 'decimal', 'decimal']);
    expect(layout.kinds[(tasks?.categories.top ?? 0) - 1]).toEqual(['label', 'integer']);
    expect(layout.charts.map((p) => p.format)).toEqual(['decimal', 'integer', 'integer']);
    expect(layout.merges.map(a1Range)).toEqual(['A1:J1', 'A3:C3', 'A23:B23', 'A43:B43']);
  });

  it('anchors each chart beside its table, one chart and its table per A4 landscape page at 100 %', () => {
    expect(layout.charts.map((p) => [a1(p.anchor.from), a1(p.anchor.to)])).toEqual([
      ['E3', 'J21'],
      ['E23', 'J41'],
      ['E43', 'J61'],
    ]);
    expect(layout.print.breaksAfter).toEqual([21, 41]);
    expect(layout.print.scale).toBe(100);
    expect(a1Range(layout.print.area)).toBe('A1:J61');
    expect(layout.print.titleRows).toEqual({ first: 1, last: 1 });
    expect(layout.widths).toHaveLength(10);
    // Widths and heights as the printer sees them: every page fits inside the margins, with the title row repeated.
    expect(layout.widths.reduce((sum, w) => sum + points(w), 0)).toBeLessThanOrEqual(PAGE.width);
    const pages = [0, ...layout.print.breaksAfter, layout.rows.length];
    for (let p = 1; p < pages.length; p += 1) {
      const rows = layout.heights.slice(pages[p - 1], pages[p]);
      expect(rows.reduce((a, b) => a + b, 0) + (p > 1 ? (layout.heights[0] as number) : 0)).toBeLessThanOrEqual(PAGE.height);
    }
    for (const placed of layout.charts) {
      const height = layout.heights.slice(placed.anchor.from.row - 1, placed.anchor.to.row).reduce((a, b) => a + b, 0);
      const width = layout.widths.slice(placed.anchor.from.col - 1, placed.anchor.to.col).reduce((sum, w) => sum + points(w), 0);
      expect(height).toBeGreaterThanOrEqual(380);
      expect(width).toBeGreaterThanOrEqual(380);
      expect(placed.anchor.from.col).toBeGreaterThan(placed.table.right + 1); // a gap column between table and chart
    }
  });

  it('gives a row whose text wraps the height to show it whole', () => {
    const long: ChartSpec = { id: 'long', title: 'Biểu đồ', type: 'bar', categories: ['Một tên loại rất dài cần xuống dòng mới hiện hết được'], series: [{ name: 'Số', values: [1] }] };
    const wrapped = chartSheetLayout(chartModel([long]));
    const row = wrapped.charts[0]?.categories.top as number;
    expect(wrapped.heights[row - 1]).toBeGreaterThan(20);
    expect(wrapped.heights[row]).toBe(20);
  });

  it('widens the table for more series, and prints smaller only when the columns no longer fit', () => {
    const many: ChartSpec = { id: 'many', title: 'Nhiều dãy', type: 'column', categories: ['A', 'B'], series: Array.from({ length: 9 }, (_, i) => ({ name: `Dãy ${i + 1}`, values: [i, i + 1] })) };
    const wide = chartSheetLayout(chartModel([many]));
    expect(wide.charts[0]?.data.right).toBe(10);
    expect(wide.charts[0]?.anchor.from.col).toBe(12);
    expect(wide.print.scale).toBeLessThan(100);
    expect((wide.widths.reduce((sum, w) => sum + points(w), 0) * wide.print.scale) / 100).toBeLessThanOrEqual(PAGE.width);
  });

  it('leaves a value the model lacks empty rather than inventing a zero', () => {
    const short: ChartSpec = { id: 'short', title: 'Thiếu số', type: 'column', categories: ['A', 'B'], series: [{ name: 'Số', values: [4] }] };
    const { charts, rows } = chartSheetLayout(chartModel([short]));
    expect(rows[(charts[0]?.categories.bottom as number) - 1]).toEqual(['B', null]);
  });
});
