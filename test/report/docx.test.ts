import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Consolidation } from '../../lib/consolidate/types';
import { packageRoot } from '../../lib/node/seeds';
import { openZip } from '../../lib/read/zip';
import { buildReport } from '../../lib/report/build';
import { reportInputFromConsolidation } from '../../lib/report/from-consolidation';
import { formatPercent, joinUnits, unitName } from '../../lib/report/sentences';
import { DEFAULT_REPORT_SETTINGS } from '../../lib/report/settings';
import { assertLibreOfficeInstalled, convertFiles } from '../_lib/libreoffice';
import { handWrittenInput, PROPOSAL_TEXT } from './_lib/input';
import { consolidatedMonth } from './_lib/month';

// Real LibreOffice as the word processor: the .docx must open, convert and print as the decree lays it out.
const TIMEOUT = 180_000;
/** Gitignored: the reports, their PDFs and two page pictures stay for a person to look at. */
const OUT = join(packageRoot(), 'test-output', 'report');
const MM = 1440 / 25.4;

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 * 1024 * 1024 });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

interface Pdf {
  pages: number;
  sizes: Array<[number, number]>;
  text: string;
  /** Contains the phrase, line breaks and spacing aside. */
  has(phrase: string): boolean;
  /** Word boxes per page, in points, from pdftotext -bbox. */
  words: Array<{ page: number; width: number; height: number; xMin: number; xMax: number; yMin: number; yMax: number; word: string }>;
}

function readPdf(path: string): Pdf {
  const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path]))?.[1]);
  const sizes = [...run('pdfinfo', ['-f', '1', '-l', String(pages), path]).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])] as [number, number]);
  const text = run('pdftotext', ['-enc', 'UTF-8', path, '-']);
  const squashed = text.normalize('NFC').replace(/\s+/g, '');
  const words: Pdf['words'] = [];
  let page = 0;
  let size = { width: 0, height: 0 };
  for (const line of run('pdftotext', ['-enc', 'UTF-8', '-bbox', path, '-']).split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)"/.exec(line);
    if (p) {
      page += 1;
      size = { width: Number(p[1]), height: Number(p[2]) };
    }
    const w = /<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/.exec(line);
    if (w) words.push({ page, ...size, xMin: Number(w[1]), yMin: Number(w[2]), xMax: Number(w[3]), yMax: Number(w[4]), word: w[5] as string });
  }
  return { pages, sizes, text, has: (phrase) => squashed.includes(phrase.normalize('NFC').replace(/\s+/g, '')), words };
}

function documentParts(bytes: Uint8Array): { document: string; styles: string; names: string[] } {
  const zip = openZip(bytes);
  return { document: zip.readText('word/document.xml'), styles: zip.readText('word/styles.xml'), names: [...zip.names] };
}

/** Page size and margins of each section, in twips, in document order. */
function sections(document: string): Array<{ w: number; h: number; orient: string; top: number; bottom: number; left: number; right: number; titlePage: boolean }> {
  return [...document.matchAll(/<w:sectPr>(.*?)<\/w:sectPr>/g)].map((m) => {
    const body = m[1] as string;
    const size = /<w:pgSz w:w="(\d+)" w:h="(\d+)" w:orient="(\w+)"\/>/.exec(body)!;
    const margin = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(body)!;
    return { w: Number(size[1]), h: Number(size[2]), orient: size[3] as string, top: Number(margin[1]), right: Number(margin[2]), bottom: Number(margin[3]), left: Number(margin[4]), titlePage: body.includes('<w:titlePg/>') };
  });
}

let hand: { bytes: Uint8Array; pdf: Pdf };
let real: { bytes: Uint8Array; pdf: Pdf; c: Consolidation };

beforeAll(async () => {
  assertLibreOfficeInstalled();
  mkdirSync(OUT, { recursive: true });
  const handBytes = await buildReport(handWrittenInput(), DEFAULT_REPORT_SETTINGS);
  const { consolidation } = await consolidatedMonth();
  const realBytes = await buildReport(reportInputFromConsolidation(consolidation), DEFAULT_REPORT_SETTINGS);
  const files = [join(OUT, 'bao-cao-mau.docx'), join(OUT, 'bao-cao-2026-11.docx')];
  writeFileSync(files[0] as string, handBytes);
  writeFileSync(files[1] as string, realBytes);
  const [handPdf, realPdf] = (await convertFiles(files, { to: 'pdf', outDir: OUT, timeoutMs: 150_000 })) as [string, string];
  hand = { bytes: handBytes, pdf: readPdf(handPdf) };
  real = { bytes: realBytes, pdf: readPdf(realPdf), c: consolidation };
  // Two pages to look at: the first page of the real month's report and its first appendix page.
  const appendixPage = real.pdf.words.find((w) => w.word === 'Phụ' && real.pdf.words.some((x) => x.page === w.page && x.word === '1' && Math.abs(x.yMin - w.yMin) < 2))?.page ?? 2;
  run('pdftoppm', ['-r', '70', '-png', '-f', '1', '-l', '1', '-singlefile', realPdf, join(OUT, 'bao-cao-2026-11-trang-1')]);
  run('pdftoppm', ['-r', '70', '-png', '-f', String(appendixPage), '-l', String(appendixPage), '-singlefile', realPdf, join(OUT, 'bao-cao-2026-11-phu-luc-1')]);
}, TIMEOUT);

describe('the báo cáo as a Word document (Nghị định 30/2020/NĐ-CP)', () => {
  it('is A4 portrait with the decree\u2019s margins, page numbers from page 2, and landscape pages only for wide appendices', () => {
    const [first, ...rest] = sections(documentParts(hand.bytes).document);
    expect(first).toMatchObject({ w: 11906, h: 16838, orient: 'portrait', titlePage: true });
    expect(first!.top / MM).toBeGreaterThanOrEqual(19.9);
    expect(first!.top / MM).toBeLessThanOrEqual(25.1);
    expect(first!.bottom / MM).toBeGreaterThanOrEqual(19.9);
    expect(first!.bottom / MM).toBeLessThanOrEqual(25.1);
    expect(first!.left / MM).toBeGreaterThanOrEqual(29.9);
    expect(first!.left / MM).toBeLessThanOrEqual(35.1);
    expect(first!.right / MM).toBeGreaterThanOrEqual(14.9);
    expect(first!.right / MM).toBeLessThanOrEqual(20.1);
    expect(rest.map((s) => [s.w, s.h, s.orient])).toEqual([
      [16838, 11906, 'landscape'],
      [16838, 11906, 'landscape'],
      [11906, 16838, 'portrait'],
    ]);
    for (const s of rest) expect([s.top, s.bottom, s.left, s.right]).toEqual([first!.top, first!.bottom, first!.left, first!.right]);
  });

  it('sets Times New Roman 14 pt as the document font and body text, 11 pt in tables, nothing under 10 pt, Vietnamese as the language', () => {
    const { styles, document } = documentParts(hand.bytes);
    const style = (id: string) => new RegExp(`<w:style [^>]*w:styleId="${id}"[^>]*>.*?</w:style>`).exec(styles)?.[0] ?? '';
    expect(style('da06Body')).toContain('<w:sz w:val="28"/>');
    expect(style('da06Body')).toContain('<w:jc w:val="both"/>');
    expect(style('Normal')).toContain('<w:sz w:val="22"/>');
    const defaults = /<w:docDefaults>.*?<\/w:docDefaults>/.exec(styles)![0];
    expect(defaults).toMatch(/<w:rFonts w:ascii="Times New Roman" w:cs="Times New Roman" w:eastAsia="Times New Roman" w:hAnsi="Times New Roman"\/>/);
    expect(defaults).toContain('<w:sz w:val="28"/>');
    expect(defaults).toContain('<w:lang w:val="vi-VN"/>');
    const runSizes = [...document.matchAll(/<w:r>(.*?)<\/w:r>/g)].map((m) => /<w:sz w:val="(\d+)"\/>/.exec(m[1] as string)?.[1]).filter((s): s is string => s !== undefined).map(Number);
    expect(runSizes.length).toBeGreaterThan(10);
    expect(Math.min(...runSizes)).toBeGreaterThanOrEqual(22);
    expect(styles).not.toMatch(/<w:rFonts w:ascii="(?!Times New Roman)/);
  });

  it('is all real paragraphs and tables: no text boxes, frames, drawings or positioned objects', () => {
    const { document, names } = documentParts(hand.bytes);
    for (const marker of ['<w:txbxContent', '<wp:anchor', '<w:framePr', '<w:drawing', '<w:pict', '<v:shape', '<mc:AlternateContent', '<w:tblpPr']) expect(document).not.toContain(marker);
    expect(names.filter((n) => n.startsWith('word/media/'))).toEqual([]);
    expect(document).toContain('<w:pStyle w:val="Heading1"/>');
    expect(document).toContain('<w:pStyle w:val="da06Body"/>');
  });

  it('draws the header and signature as borderless tables, and repeats appendix table headers on every page', () => {
    const { document } = documentParts(hand.bytes);
    const tables = [...document.matchAll(/<w:tbl>(.*?)<\/w:tbl>/g)].map((m) => m[1] as string);
    expect(tables).toHaveLength(2 + 3);
    for (const layout of [tables[0], tables[1]] as string[]) {
      const borders = /<w:tblBorders>(.*?)<\/w:tblBorders>/.exec(layout)![1] as string;
      expect([...borders.matchAll(/w:val="(\w+)"/g)].map((m) => m[1])).toEqual(['none', 'none', 'none', 'none', 'none', 'none']);
      expect(layout).not.toContain('<w:tblHeader/>');
    }
    for (const data of tables.slice(2)) {
      expect(data).toMatch(/^.*?<w:tr><w:trPr><w:cantSplit\/><w:tblHeader\/><\/w:trPr>/);
      expect(data).toContain('<w:tblLayout w:type="fixed"/>');
    }
  });

  it('keeps unit-written text as typed, trimmed, with its line breaks, escaped, never as a field or formula', () => {
    const { document } = documentParts(hand.bytes);
    const [line1, line2] = PROPOSAL_TEXT.trim().split('\n').map((l) => l.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')) as [string, string];
    expect(document).toMatch(new RegExp(`<w:t xml:space="preserve">\\+ ${line1.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</w:t></w:r><w:r><w:br/><w:t xml:space="preserve">${line2.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} </w:t>`));
    expect(document).not.toContain('<w:fldSimple');
    expect(document).not.toContain('<w:instrText xml:space="preserve">SUM');
    const texts = [...document.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1] as string);
    for (const t of texts) expect(t.normalize('NFC')).toBe(t);
  });

  it('opens in LibreOffice and prints on A4 with the header, title, every section, signature and appendices', () => {
    const { pdf } = hand;
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    for (const [width, height] of pdf.sizes) expect([Math.round(Math.min(width, height)), Math.round(Math.max(width, height))]).toEqual([595, 842]);
    expect(pdf.sizes[0]![0]).toBeLessThan(pdf.sizes[0]![1]);
    for (const phrase of [
      'CÔNG AN TỈNH THANH HÓA',
      'PHÒNG CẢNH SÁT QLHC VỀ TTXH',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: /BC-CAT-PV06',
      'Thanh Hóa, ngày tháng 12 năm 2026',
      'BÁO CÁO',
      'Kết quả thực hiện Kế hoạch số 210/KH-UBND ngày 24/6/2026 của UBND tỉnh về triển khai Đề án 06 tháng 11/2026',
      'I. KẾT QUẢ THỰC HIỆN',
      'II. TỒN TẠI, HẠN CHẾ',
      'III. NHIỆM VỤ TRỌNG TÂM THÁNG 12/2026',
      'IV. ĐỀ XUẤT, KIẾN NGHỊ',
      'đã nhận báo cáo của 5/7 đơn vị, đạt 71,4%, tăng 14,3 điểm phần trăm so với tháng 10/2026',
      'Còn 2 đơn vị chưa gửi báo cáo: UBND các xã: Định Tân, Hoằng Hóa.',
      'Sở Tư pháp (muộn 3 ngày) và UBND phường Hàm Rồng (muộn 1 ngày)',
      'dự kiến chỉ đạt 44,2% (chỉ tiêu năm 2026: 50%)',
      'Chưa có số liệu tháng 9/2026',
      'Đề nghị Sở Tài chính bố trí kinh phí <năm 2027> & nâng cấp đường truyền.',
      'Dòng thứ hai: =SUM(A1)',
      'Trên đây là báo cáo kết quả thực hiện tháng 11/2026',
      'Nơi nhận:',
      '- Lưu: VT, PV06.',
      'KT. GIÁM ĐỐC',
      'PHÓ GIÁM ĐỐC',
      'Phụ lục 1',
      'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU THÁNG 11/2026',
      '(Kèm theo Báo cáo số /BC-CAT-PV06 ngày tháng 12 năm 2026)',
      'Phụ lục 2',
      'Phụ lục 3',
      'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ THÁNG 11/2026',
      'Muộn 3 ngày',
      'Có 2 đơn vị phản ánh khó khăn, vướng mắc (1 nội dung, chi tiết tại trang “Khó khăn, kiến nghị” của tệp tổng hợp):',
    ]) {
      expect([phrase, pdf.has(phrase)]).toEqual([phrase, true]);
    }
    expect(pdf.text.normalize('NFC')).toBe(pdf.text);
  });

  it('keeps every word inside the margins it prints with, on portrait and landscape pages', () => {
    const pt = (mm: number) => (mm * 72) / 25.4;
    for (const { pdf } of [hand, real]) {
      expect(pdf.words.length).toBeGreaterThan(1000);
      const outside = pdf.words.filter((w) => w.xMin < pt(30) - 3 || w.xMax > w.width - pt(15) + 3 || w.yMax > w.height - pt(20) + 3);
      expect(outside).toEqual([]);
    }
    // The body starts at the left margin (30 mm), not further in: the header table does not push it.
    const page1 = hand.pdf.words.filter((w) => w.page === 1);
    expect(Math.min(...page1.map((w) => w.xMin))).toBeLessThan(pt(31));
  });

  it('prints a real month\u2019s figures, named units and proposals exactly as consolidated', () => {
    const { pdf, c } = real;
    const input = reportInputFromConsolidation(c);
    expect(pdf.has(`đã nhận báo cáo của ${c.totals.received}/${c.totals.expected} đơn vị, đạt ${formatPercent(c.totals.reportingRate)}`)).toBe(true);
    expect(pdf.has(`Còn ${c.missing.length} đơn vị chưa gửi báo cáo: ${joinUnits(input.units.missing)}.`)).toBe(true);
    for (const unit of input.units.late) expect([unitName(unit), pdf.has(unit.name.replace(/^(Xã|Phường) /, ''))]).toEqual([unitName(unit), true]);
    const proposal = input.proposals.flatMap((g) => g.items)[0]!;
    expect(pdf.has(proposal.text)).toBe(true);
    for (const i of input.appendix.indicators) expect([i.key, pdf.has(i.key)]).toEqual([i.key, true]);
    for (const s of c.submissions) expect([s.unitName, pdf.has(s.unitName)]).toEqual([s.unitName, true]);
    const png = readFileSync(join(OUT, 'bao-cao-2026-11-trang-1.png'));
    expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    expect(readFileSync(join(OUT, 'bao-cao-2026-11-phu-luc-1.png')).subarray(1, 4).toString('latin1')).toBe('PNG');
  });
});
