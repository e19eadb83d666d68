// The province summary on paper, as LibreOffice prints it (issue 12): a simulated province month, each
// sheet printed to a PDF of its own and measured with test/_lib/print (A4, the smallest text drawn,
// nothing cut off, page counts). Tổng quan is what leadership reads first: one portrait page at 11 pt.
import { join } from 'node:path';
import { packageRoot } from '../../lib/node/seeds';
import { buildSummaryModel } from '../../lib/summary/build';
import type { SummaryModel } from '../../lib/summary/model';
import { writeSummaryXlsx } from '../../lib/summary/xlsx';
import { assertLibreOfficeInstalled } from '../_lib/libreoffice';
import { clippedText, minFontSize, overflowingCells, pagePng, pageSizeMm, pdfPages, pdfText, renderSheetsToPdf, squashed } from '../_lib/print';
import { CONSOLIDATED_AT, consolidatedMonth } from '../report/_lib/month';

const TIMEOUT = 240_000;
/** Gitignored: the PDFs and two page pictures stay for a person to look at. */
const OUT = join(packageRoot(), 'test-output', 'summary');
/** LibreOffice writes sizes to a thousandth of its own unit: 8 pt comes out as 7.994. */
const EIGHT_PT = 7.95;

let model: SummaryModel;
let bytes: Uint8Array;
let pdfs: Map<string, string>;

beforeAll(async () => {
  assertLibreOfficeInstalled();
  const { consolidation } = await consolidatedMonth();
  model = buildSummaryModel(consolidation);
  bytes = await writeSummaryXlsx(model, { generatedAt: CONSOLIDATED_AT });
  pdfs = await renderSheetsToPdf(bytes, { outDir: OUT, name: 'tong-hop' });
}, TIMEOUT);

const paper = () => model.sheets.filter((s) => s.print.use === 'paper').map((s) => s.name);
const screen = () => model.sheets.filter((s) => s.print.use === 'screen').map((s) => s.name);
const pdf = (sheet: string) => pdfs.get(sheet) as string;
const a4 = (orientation: 'portrait' | 'landscape') => (orientation === 'portrait' ? { width: 210, height: 297 } : { width: 297, height: 210 });
const rounded = (sizes: Array<{ width: number; height: number }>) => sizes.map((s) => ({ width: Math.round(s.width), height: Math.round(s.height) }));

describe('the province summary printed', () => {
  it('prints Tổng quan on one portrait A4 page, every word at 11 pt or more, with the counts and the units to chase', () => {
    const overview = pdf('Tổng quan');
    expect(pdfPages(overview)).toBe(1);
    expect(rounded(pageSizeMm(overview))).toEqual([a4('portrait')]);
    expect(minFontSize(overview)).toBeGreaterThanOrEqual(10.95);
    const text = squashed(pdfText(overview));
    for (const label of ['1. GỬI BÁO CÁO', 'Tỷ lệ đúng hạn', '2. CHỈ TIÊU', '3. NHIỆM VỤ', 'Quá hạn chưa hoàn thành', 'Chưa gửi (']) expect(text).toContain(squashed(label));
    pagePng(overview, 1, join(OUT, 'tong-quan.png'));
  });

  it('prints every paper sheet on A4, one page wide, nothing below 8 pt, nothing cut off, "Trang x/y" on every page', async () => {
    for (const sheet of paper()) {
      const orientation = model.sheets.find((s) => s.name === sheet)?.print.orientation ?? 'landscape';
      const file = pdf(sheet);
      const pages = pdfPages(file);
      expect([sheet, rounded(pageSizeMm(file))]).toEqual([sheet, Array.from({ length: pages }, () => a4(orientation))]);
      expect([sheet, minFontSize(file) >= EIGHT_PT]).toEqual([sheet, true]);
      expect([sheet, clippedText(file)]).toEqual([sheet, []]);
      expect([sheet, squashed(pdfText(file, pages))]).toEqual([sheet, expect.stringContaining(squashed(`Trang ${pages}/${pages}`))]);
    }
    // Measured with the fonts' glyph widths in Excel's columns, which are narrower than LibreOffice's.
    expect(await overflowingCells(bytes, { sheets: paper() })).toEqual([]);
    pagePng(pdf('Nhiệm vụ'), 1, join(OUT, 'nhiem-vu.png'));
  }, TIMEOUT);

  it('prints the audit sheets as their heading only, so the whole workbook stays within 40 pages', () => {
    for (const sheet of screen()) expect([sheet, pdfPages(pdf(sheet))]).toEqual([sheet, 1]);
    const total = [...pdfs.values()].reduce((sum, file) => sum + pdfPages(file), 0);
    expect(total).toBeLessThanOrEqual(40);
  });

  it('draws the charts on their sheet, one A4 page each', () => {
    const charts = pdf('Biểu đồ');
    expect(pdfPages(charts)).toBe(model.charts.length);
    const text = squashed(pdfText(charts));
    for (const chart of model.charts) expect(text).toContain(squashed(chart.title));
    expect(minFontSize(charts)).toBeGreaterThanOrEqual(EIGHT_PT);
  });
});
