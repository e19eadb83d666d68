// The print measures proven on samples whose answer is known: text set at 8 pt and 6 pt, 12 pt text
// printed at a 50% scale, a wrapped cell whose row is too short. Built with exceljs directly (not with
// da06's generator), printed by LibreOffice.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { packageRoot } from '../../lib/node/seeds';
import { assertLibreOfficeInstalled } from './libreoffice';
import {
  clippedText,
  columnTextWidthPt,
  minFontSize,
  missingText,
  overflowingCells,
  pageSizeMm,
  pdfPages,
  pdfText,
  pdfWords,
  renderSheetsToPdf,
  renderXlsxToPdf,
  squashed,
  textBelow,
  textRuns,
  textWidthPt,
  visibleSheets,
  wrappedLines,
} from './print';

const TIMEOUT = 120_000;
const OUT = join(packageRoot(), 'test-output', 'print');
const TNR = 'Times New Roman';
/** A 1×1 red PNG. */
const ONE_PIXEL_PNG = 'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==';
const LONG = 'Rà soát, chuẩn hóa dữ liệu dân cư trên địa bàn; kết nối, chia sẻ với cơ sở dữ liệu chuyên ngành y tế, giáo dục, bảo hiểm xã hội theo hướng dẫn của Bộ Công an.';

function sheet(wb: ExcelJS.Workbook, name: string, landscape = false): ExcelJS.Worksheet {
  return wb.addWorksheet(name, {
    pageSetup: { paperSize: 9, orientation: landscape ? 'landscape' : 'portrait', margins: { left: 0.7, right: 0.7, top: 0.75, bottom: 0.75, header: 0.3, footer: 0.3 } },
    headerFooter: { oddFooter: `&C&"${TNR},Regular"&10Trang &P/&N` },
  });
}

function text(ws: ExcelJS.Worksheet, address: string, value: string, size: number, extra: Partial<ExcelJS.Alignment> = {}): void {
  const cell = ws.getCell(address);
  cell.value = value;
  cell.font = { name: TNR, size };
  cell.alignment = { vertical: 'top', ...extra };
}

/** Three sheets with known sizes, and a hidden one that must not print. */
async function samples(): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const eight = sheet(wb, 'Cỡ 8');
  eight.getColumn(1).width = 40;
  text(eight, 'A1', 'Tiêu đề mười hai', 12);
  text(eight, 'A2', 'Nội dung tám điểm', 8);
  // A picture (drawn as an image XObject) on the page changes nothing in what is measured.
  const dot = wb.addImage({ base64: ONE_PIXEL_PNG, extension: 'png' });
  eight.addImage(dot, { tl: { col: 1, row: 0 }, ext: { width: 40, height: 40 } });
  const six = sheet(wb, 'Cỡ 6');
  six.getColumn(1).width = 40;
  text(six, 'A1', 'Tiêu đề mười hai', 12);
  text(six, 'A2', 'Ghi chú sáu điểm', 6);
  const scaled = sheet(wb, 'Thu nhỏ', true);
  scaled.pageSetup.scale = 50;
  scaled.getColumn(1).width = 40;
  text(scaled, 'A1', 'Mười hai điểm in ở tỷ lệ một nửa', 12);
  scaled.headerFooter.oddFooter = `&C&"${TNR},Regular"&16Trang &P/&N`;
  const wrapped = sheet(wb, 'Xuống dòng');
  wrapped.getColumn(1).width = 24;
  wrapped.getColumn(2).width = 12;
  text(wrapped, 'A1', LONG, 12, { wrapText: true });
  wrapped.getRow(1).height = 32; // two lines where the text needs more
  text(wrapped, 'A2', LONG, 12, { wrapText: true });
  wrapped.getRow(2).height = 200;
  text(wrapped, 'A3', 'Một dòng không xuống dòng, dài hơn ô', 12);
  text(wrapped, 'B3', 'chặn', 12);
  text(wrapped, 'A4', LONG, 12, { wrapText: true }); // no stored height: opened with the default height
  wrapped.mergeCells('A5:B5');
  text(wrapped, 'A5', LONG, 12, { wrapText: true }); // merged: no program fits the row, it keeps the default height
  const lines = sheet(wb, 'Đếm dòng');
  lines.getColumn(1).width = 24;
  text(lines, 'A1', LONG, 12, { wrapText: true });
  lines.getRow(1).height = 200;
  const hidden = wb.addWorksheet('_an', { state: 'hidden' });
  hidden.getCell('A1').value = 'không in';
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** A PDF stream object, unfiltered. */
const stream = (dict: string, content: string) => `${dict.replace(/ >>$/, '')} /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`;

let bytes: Uint8Array;
let pdfs: Map<string, string>;
let whole: string;

beforeAll(async () => {
  assertLibreOfficeInstalled();
  bytes = await samples();
  [pdfs, whole] = await Promise.all([renderSheetsToPdf(bytes, { outDir: OUT, name: 'mau' }), renderXlsxToPdf(bytes, { outDir: OUT, name: 'mau-ca-so' })]);
}, TIMEOUT);

const pdf = (name: string) => pdfs.get(name) as string;

describe('print measures on known samples', () => {
  it('prints each visible sheet to its own PDF, and the whole workbook to one', () => {
    expect(visibleSheets(bytes)).toEqual(['Cỡ 8', 'Cỡ 6', 'Thu nhỏ', 'Xuống dòng', 'Đếm dòng']);
    expect([...pdfs.keys()]).toEqual(visibleSheets(bytes));
    for (const file of pdfs.values()) expect(pdfPages(file)).toBe(1);
    expect(pdfPages(whole)).toBe(5);
    expect(squashed(pdfText(pdf('Cỡ 6')))).toContain(squashed('Ghi chú sáu điểm'));
    expect(squashed(pdfText(pdf('Cỡ 6')))).not.toContain(squashed('Nội dung tám điểm'));
    expect(squashed(pdfText(whole))).not.toContain(squashed('không in'));
    expect(squashed(pdfText(whole, 3))).toContain(squashed('Trang 3/5'));
  });

  it('gives page sizes in millimetres: A4 portrait and landscape', () => {
    expect(pageSizeMm(pdf('Cỡ 8'))).toEqual([{ width: 210, height: 297 }]);
    expect(pageSizeMm(pdf('Thu nhỏ'))).toEqual([{ width: 297, height: 210 }]);
  });

  it('reads the size text is drawn at: 8 pt, 6 pt, and 12 pt at a 50% print scale', () => {
    expect(minFontSize(pdf('Cỡ 8'))).toBeCloseTo(8, 1);
    expect(minFontSize(pdf('Cỡ 6'))).toBeCloseTo(6, 1);
    expect(minFontSize(pdf('Thu nhỏ'))).toBeCloseTo(6, 1);
    const sizes = (name: string) => [...new Set(textRuns(pdf(name)).map((r) => Math.round(r.size)))].sort((a, b) => a - b);
    expect(sizes('Cỡ 8')).toEqual([8, 10, 12]); // body, footer, title
    expect(sizes('Thu nhỏ')).toEqual([6, 8]); // 12 pt body and the 16 pt footer, both halved
    expect(minFontSize(whole)).toBeCloseTo(6, 1);
    expect(minFontSize(whole, 1)).toBeCloseTo(8, 1);
  });

  it('agrees with pdftotext: word heights are proportional to the sizes read', () => {
    const height = (name: string, word: string) => {
      const found = pdfWords(pdf(name)).find((w) => w.text === word);
      if (!found) throw new Error(`no word ${word} in ${name}`);
      return found.yMax - found.yMin;
    };
    const twelve = height('Cỡ 8', 'Tiêu');
    expect(height('Cỡ 8', 'Nội') / twelve).toBeCloseTo(8 / 12, 2);
    expect(height('Cỡ 6', 'Ghi') / twelve).toBeCloseTo(6 / 12, 2);
    expect(height('Thu nhỏ', 'Mười') / twelve).toBeCloseTo(6 / 12, 2);
  });

  it('reads through the pictures on a page: images carry no text', () => {
    expect(readFileSync(pdf('Cỡ 8'), 'latin1')).toMatch(/\/Subtype\s*\/Image/);
    expect(textRuns(pdf('Cỡ 8')).length).toBeGreaterThan(2);
  });

  it('reads text inside form XObjects (how charts and drawings are kept), scaled by their matrix', () => {
    // A PDF written by hand: a page draws form /Fm1 at half size; the form sets 12 pt text and draws form /Fm2, which sets 10 pt.
    const objects = [
      '<< /Type /Catalog /Pages 2 0 R >>',
      '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
      '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Resources << /XObject << /Fm1 5 0 R >> >> /Contents 4 0 R >>',
      stream('<< >>', 'q 1 0 0 1 50 50 cm /Fm1 Do Q BT /F1 9 Tf 10 10 Td (chín) Tj ET'),
      stream('<< /Type /XObject /Subtype /Form /BBox [0 0 500 500] /Matrix [0.5 0 0 0.5 0 0] /Resources << /XObject << /Fm2 6 0 R >> >> >>', 'BT /F1 12 Tf 0 0 Td (mười hai) Tj ET /Fm2 Do'),
      stream('<< /Type /XObject /Subtype /Form /BBox [0 0 500 500] >>', 'BT /F1 10 Tf [(mười)] TJ ET'),
    ];
    const body = objects.map((o, i) => `${i + 1} 0 obj\n${o}\nendobj\n`).join('');
    const file = join(OUT, 'form-xobject.pdf');
    writeFileSync(file, `%PDF-1.4\n${body}trailer\n<< /Root 1 0 R >>\n%%EOF\n`, 'latin1');
    expect(textRuns(file).map((r) => r.size).sort((a, b) => a - b)).toEqual([5, 6, 9]);
  });

  it('names the text drawn below a size', () => {
    expect(textBelow(pdf('Cỡ 6'), 7.95)).toEqual([{ page: 1, size: expect.closeTo(6, 1), text: 'Ghi' }]);
    expect(textBelow(pdf('Cỡ 8'), 7.95)).toEqual([]);
  });
});

describe('text that does not fit its cell', () => {
  it('measures with real glyph widths: a capital M is wider than an i, Vietnamese letters count', () => {
    const font = { name: TNR, size: 12 };
    expect(textWidthPt('M', font)).toBeGreaterThan(textWidthPt('i', font) * 2.5);
    expect(textWidthPt('Ệ', font)).toBeGreaterThanOrEqual(textWidthPt('E', font));
    expect(textWidthPt('abc', { ...font, size: 24 })).toBeCloseTo(textWidthPt('abc', font) * 2, 5);
    expect(wrappedLines('một hai', font, 1000)).toBe(1);
    expect(wrappedLines('một\nhai', font, 1000)).toBe(2);
    expect(wrappedLines(LONG, font, columnTextWidthPt(24))).toBeGreaterThanOrEqual(6);
  });

  it('flags wrapped cells whose row is too short (or left at the default height) and an unwrapped text cut by its neighbour, nothing else', async () => {
    const found = await overflowingCells(bytes);
    expect(found.map((o) => [o.sheet, o.cell])).toEqual([
      ['Xuống dòng', 'A1'],
      ['Xuống dòng', 'A3'],
      ['Xuống dòng', 'A4'],
      ['Xuống dòng', 'A5'],
    ]);
    expect(found[0]).toEqual(expect.objectContaining({ heightPt: 32 }));
    expect(found[0]?.neededPt).toBeGreaterThan(90);
  });

  it('sees the lines LibreOffice cut off at the bottom of a cell too short for them, in the PDF', () => {
    // A1 shows two of its lines and draws two more outside its clipping rectangle; the rest it leaves out.
    expect(clippedText(pdf('Xuống dòng')).map((c) => c.page)).toEqual([1, 1]);
    expect(clippedText(pdf('Đếm dòng'))).toEqual([]);
    expect(clippedText(pdf('Cỡ 8'))).toEqual([]);
  });

  it('sees the text LibreOffice left out of the PDF, sheet by sheet', async () => {
    const missing = await missingText(bytes, pdfs);
    expect(missing.map((m) => m.sheet)).toEqual(['Xuống dòng']);
    expect(missing[0]?.missing.length).toBeGreaterThan(100); // most of A1, A4 and A5
    expect(await missingText(bytes, new Map([['Đếm dòng', pdf('Đếm dòng')]]))).toEqual([]);
  });

  it('counts at least the lines LibreOffice wraps the text into, and not far more', () => {
    // LibreOffice draws the columns wider than Excel (Calibri is substituted), so it needs fewer lines.
    const lines = new Set(pdfWords(pdf('Đếm dòng')).filter((w) => !/^Trang$|\d\/\d/.test(w.text)).map((w) => Math.round(w.yMin)));
    const estimated = wrappedLines(LONG, { name: TNR, size: 12 }, columnTextWidthPt(24));
    expect(lines.size).toBeGreaterThanOrEqual(4);
    expect(estimated).toBeGreaterThanOrEqual(lines.size);
    expect(estimated).toBeLessThanOrEqual(Math.ceil(lines.size * 1.5));
  });
});
