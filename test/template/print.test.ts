// The templates on paper, as LibreOffice prints them (issue 12): Sở Y tế (many rows) and a commune (no
// Biểu 01). Each sheet is printed to a PDF of its own and measured with test/_lib/print: A4, page numbers,
// the smallest text drawn, and no text cut off (neither by Excel's narrower columns nor in LibreOffice).
// LibreOffice here draws the columns wider than Excel (Calibri, the files' default font, is substituted),
// so it shrinks the data sheets the most: its sizes are the floor; Excel's wrapping is checked by the model.
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from '../../lib/node/seeds';
import { generateWorkbook } from '../../lib/template/generate';
import { assertLibreOfficeInstalled } from '../_lib/libreoffice';
import { catalog, definition, generatedAt, period, unit } from '../_lib/plan';
import {
  clippedText,
  minFontSize,
  missingText,
  overflowingCells,
  pagePng,
  pageSizeMm,
  pdfPages,
  pdfText,
  renderSheetsToPdf,
  renderXlsxToPdf,
  squashed,
  textBelow,
} from '../_lib/print';

const TIMEOUT = 180_000;
/** Gitignored: PDFs and page pictures stay for a person to look at. */
const OUT = join(packageRoot(), 'test-output', 'templates');
const COVER = definition.cover.sheetName;
const INDICATORS = definition.indicators.sheetName;
const TASKS = definition.tasks.sheetName;
/** LibreOffice writes sizes to a thousandth of its own unit: 8 pt comes out as 7.994. */
const EIGHT_PT = 7.95;

interface Printed {
  bytes: Uint8Array;
  sheets: Map<string, string>;
  whole: string;
}

const printed = new Map<string, Printed>();

async function print(code: string): Promise<Printed> {
  const bytes = await generateWorkbook({ definition, catalog, unit: unit(code), period, generatedAt });
  const [sheets, whole] = await Promise.all([renderSheetsToPdf(bytes, { outDir: OUT, name: code }), renderXlsxToPdf(bytes, { outDir: OUT, name: `${code}-ca-so` })]);
  return { bytes, sheets, whole };
}

const of = (code: string): Printed => printed.get(code) as Printed;
const pdf = (code: string, sheet: string): string => {
  const path = of(code).sheets.get(sheet);
  if (!path) throw new Error(`${code} has no printed sheet ${sheet}`);
  return path;
};

beforeAll(async () => {
  assertLibreOfficeInstalled();
  mkdirSync(OUT, { recursive: true });
  const [syt, commune] = await Promise.all([print('SYT'), print('15127')]);
  printed.set('SYT', syt);
  printed.set('15127', commune);
}, TIMEOUT);

describe('templates on paper (LibreOffice)', () => {
  it('prints the cover, Biểu 01 and Biểu 02 of Sở Y tế, and the cover and Biểu 02 of a commune', () => {
    expect([...of('SYT').sheets.keys()]).toEqual([COVER, INDICATORS, TASKS]);
    expect([...of('15127').sheets.keys()]).toEqual([COVER, TASKS]);
  });

  it('fits each sheet to the page width and lets it run on: the cover on two pages, Biểu 01 on one', () => {
    const pages = (code: string) => Object.fromEntries([...of(code).sheets].map(([sheet, file]) => [sheet, pdfPages(file)]));
    const syt = pages('SYT');
    const commune = pages('15127');
    expect(syt[COVER]).toBe(2);
    expect(syt[INDICATORS]).toBe(1);
    expect(commune[COVER]).toBe(2);
    // 35 tasks for Sở Y tế, 31 for a commune: four or five a page, each row tall enough for its text in Excel.
    expect(syt[TASKS]).toBeGreaterThanOrEqual(6);
    expect(syt[TASKS]).toBeLessThanOrEqual(10);
    expect(commune[TASKS]).toBeLessThanOrEqual(syt[TASKS] as number);
    expect(pdfPages(of('SYT').whole)).toBe(Object.values(syt).reduce((a, b) => a + b, 0));
  });

  it('prints on A4 landscape, every page numbered "Trang x/y"', () => {
    for (const code of ['SYT', '15127']) {
      for (const file of [...of(code).sheets.values(), of(code).whole]) {
        const pages = pdfPages(file);
        expect(pageSizeMm(file)).toEqual(Array.from({ length: pages }, () => ({ width: 297, height: 210 })));
        for (let page = 1; page <= pages; page += 1) expect([file, page, squashed(pdfText(file, page))]).toEqual([file, page, expect.stringContaining(`Trang${page}/${pages}`)]);
      }
    }
  });

  it('draws no text below 8 pt: the cover at 100%, Biểu 01 and Biểu 02 at about 9 pt', () => {
    for (const code of ['SYT', '15127']) for (const file of of(code).sheets.values()) expect([file, textBelow(file, EIGHT_PT)]).toEqual([file, []]);
    expect(minFontSize(pdf('SYT', COVER))).toBeCloseTo(definition.font.size, 1);
    // Fit to width, LibreOffice 7.4 prints Biểu 01 at 82% and Biểu 02 at 76–78% (9.1–9.4 pt), by the rows it holds.
    expect(minFontSize(pdf('SYT', INDICATORS))).toBeGreaterThanOrEqual(8.5);
    expect(minFontSize(pdf('SYT', TASKS))).toBeGreaterThanOrEqual(8.5);
    expect(minFontSize(pdf('15127', TASKS))).toBeGreaterThanOrEqual(8.5);
  });

  it('cuts no text off: every cell fits its row in Excel\'s narrower columns, and LibreOffice draws every line', async () => {
    for (const code of ['SYT', '15127']) {
      expect(await overflowingCells(of(code).bytes)).toEqual([]);
      expect(await missingText(of(code).bytes, of(code).sheets)).toEqual([]);
      for (const file of of(code).sheets.values()) expect([file, clippedText(file)]).toEqual([file, []]);
    }
  });

  it('prints the colour legend, wraps the long texts, and never the hidden key column', () => {
    const legend = definition.legend;
    if (!legend) throw new Error('the current definition has a legend');
    const cover = squashed(pdfText(pdf('SYT', COVER), undefined, 'raw'));
    for (const item of legend.items) expect(cover).toContain(squashed(item.text));
    for (const sheet of [INDICATORS, TASKS]) {
      const first = squashed(pdfText(pdf('SYT', sheet), 1, 'raw'));
      for (const item of legend.items) expect(first).toContain(squashed(item.label));
    }
    const all = pdfText(of('SYT').whole);
    for (const layout of ['#title', '#unit', '#legend', '#header', '#number', '#PL', 'preparerName']) expect(all).not.toContain(layout);
    // The longest task text of Sở Y tế, whole, in one cell.
    const longest = catalog.tasks.find((t) => t.key === 'PL2.9')?.text ?? '';
    expect(longest.length).toBeGreaterThan(500);
    expect(squashed(pdfText(pdf('SYT', TASKS), undefined, 'raw'))).toContain(squashed(longest));
  });

  it('gives a commune no Biểu 01, and its cover says why', () => {
    const text = squashed(pdfText(of('15127').whole));
    expect(text).not.toContain(squashed('BIỂU 01. KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU'));
    expect(text).not.toContain(squashed('Không cần nhập biểu này'));
    expect(text).toContain(squashed(definition.indicators.omittedNote ?? ''));
  });

  it('leaves page pictures for a person to look at', () => {
    // Kept under test-output/templates/ for review: the first page of Sở Y tế's Biểu 02 and of a commune's cover.
    const pictures = [pagePng(pdf('SYT', TASKS), 1, join(OUT, 'SYT-bieu-02-trang-1.png')), pagePng(pdf('15127', COVER), 1, join(OUT, '15127-thong-tin-chung-trang-1.png'))];
    for (const picture of pictures) expect(readFileSync(picture).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
