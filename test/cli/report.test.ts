// `da06 report`: the month's báo cáo drafted from the summary workbook. Every figure is checked against
// the summary as exceljs (an independent reader) reads it, and the document against Nghị định 30.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { strFromU8, unzipSync } from 'fflate';
import { formatNumber, formatPercent } from '../../lib/period/format';
import { createPeriod } from '../../lib/period/period';
import type { Consolidation } from '../../lib/consolidate/types';
import { buildSummaryModel } from '../../lib/summary/build';
import { writeSummaryXlsx } from '../../lib/summary/xlsx';
import { loadWorkbook } from '../template/_lib/read';
import { CONSOLIDATED_AT, consolidatedMonth } from '../report/_lib/month';
import { da06 } from './_lib/run';

let dir: string;
let summary: string;
let consolidation: Consolidation;
let overview: ExcelJS.Worksheet;
let indicators: ExcelJS.Worksheet;

/** The paragraphs of a .docx as text (runs joined), straight from word/document.xml. */
function paragraphs(docx: Uint8Array): string[] {
  const xml = strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] as Uint8Array);
  const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map((p) => unescape([...p[0].matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>/g)].map((t) => t[1]).join('')));
}

/** The figure in column `col` of the row labelled `label` (rows found by label, never by position). */
function figure(ws: ExcelJS.Worksheet, label: string, col = 2): number {
  for (let r = 1; r <= ws.rowCount; r += 1) if (ws.getCell(r, 1).value === label) return ws.getCell(r, col).value as number;
  throw new Error(`no row "${label}" on ${ws.name}`);
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'da06-report-'));
  ({ consolidation } = await consolidatedMonth());
  summary = join(dir, 'tong-hop-2026-11.xlsx');
  writeFileSync(summary, await writeSummaryXlsx(buildSummaryModel(consolidation), { generatedAt: CONSOLIDATED_AT }));
  const wb = await loadWorkbook(readFileSync(summary));
  overview = wb.getWorksheet('Tổng quan') as ExcelJS.Worksheet;
  indicators = wb.getWorksheet('Chỉ tiêu') as ExcelJS.Worksheet;
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('da06 report', () => {
  let text: string[];
  let docx: Uint8Array;

  beforeAll(async () => {
    const out = join(dir, 'bao-cao.docx');
    const { code, stdout, stderr } = await da06('report', '--period', '2026-11', '--from', summary, '--out', out);
    expect([code, stderr]).toEqual([0, expect.stringContaining('thiết lập mặc định')]);
    expect(stdout).toContain(`Đã soạn dự thảo báo cáo tháng 11 năm 2026: ${out}`);
    docx = new Uint8Array(readFileSync(out));
    text = paragraphs(docx);
  }, 60_000);

  it('states the reporting figures exactly as the summary workbook has them', () => {
    const all = text.join('\n');
    const expected = figure(overview, 'Đơn vị phải báo cáo');
    const received = figure(overview, 'Đã gửi báo cáo');
    const onTime = figure(overview, 'Gửi đúng hạn');
    const missing = figure(overview, 'Chưa gửi (kể cả đơn vị có tệp bị từ chối)');
    expect(all).toContain(`đã nhận báo cáo của ${received}/${expected} đơn vị, đạt ${formatPercent(figure(overview, 'Tỷ lệ báo cáo (đã gửi ÷ phải gửi)'))}`);
    expect(all).toContain(`${onTime} đơn vị gửi đúng hạn (tỷ lệ đúng hạn ${formatPercent(figure(overview, 'Tỷ lệ đúng hạn (đúng hạn ÷ phải gửi)'))})`);
    expect(all).toContain(`Còn ${missing} đơn vị chưa gửi báo cáo`);
    expect(all).toContain(`có ${figure(overview, 'Đạt')} chỉ tiêu đạt chỉ tiêu năm 2026`);
    expect(all).toContain(`${formatNumber(figure(overview, 'Đang triển khai'))} nhiệm vụ đang triển khai`);
  });

  it('gives every indicator in its appendix the province value of the summary', () => {
    let checked = 0;
    for (let r = 4; r <= indicators.rowCount; r += 1) {
      const key = indicators.getCell(r, 1).value;
      const value = indicators.getCell(r, 6).value;
      if (typeof key !== 'string' || typeof value !== 'number') continue;
      // The appendix row starts with the indicator's key and shows its value with a decimal comma.
      const row = text.find((p) => p.startsWith(key) || p === key);
      expect([key, row !== undefined || text.some((p) => p.includes(formatNumber(value)))]).toEqual([key, true]);
      checked += 1;
    }
    expect(checked).toBeGreaterThan(30);
  });

  it('is laid out as Nghị định 30 asks: A4 portrait, its margins, Times New Roman, the national motto and the title', () => {
    const xml = strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/document.xml' })['word/document.xml'] as Uint8Array);
    const section = /<w:sectPr[^>]*>.*?<\/w:sectPr>/s.exec(xml)?.[0] ?? '';
    expect(/<w:pgSz w:w="11906" w:h="16838"/.test(section)).toBe(true);
    const margins = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(section)?.slice(1).map((twips) => Math.round((Number(twips) / 1440) * 25.4)) ?? [];
    const [top, right, bottom, left] = margins as [number, number, number, number];
    expect([top >= 20 && top <= 25, right >= 15 && right <= 20, bottom >= 20 && bottom <= 25, left >= 30 && left <= 35]).toEqual([true, true, true, true]);
    const styles = strFromU8(unzipSync(docx, { filter: (f) => f.name === 'word/styles.xml' })['word/styles.xml'] as Uint8Array);
    expect(styles).toContain('Times New Roman');
    expect(text).toEqual(expect.arrayContaining(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'BÁO CÁO']));
    expect(text.some((p) => /^Số:\s+\/BC-/.test(p))).toBe(true);
    for (const heading of ['I. KẾT QUẢ THỰC HIỆN', 'II. TỒN TẠI, HẠN CHẾ', 'III. NHIỆM VỤ TRỌNG TÂM THÁNG 12/2026', 'IV. ĐỀ XUẤT, KIẾN NGHỊ']) expect(text.some((p) => p.toUpperCase().startsWith(heading))).toBe(true);
    expect(text.every((p) => p === p.normalize('NFC'))).toBe(true);
  });
});

describe('da06 report --history', () => {
  it('compares with last month from the archive, names the units late or missing both months, and says what it used', async () => {
    const archive = join(dir, 'luu-tru');
    mkdirSync(archive);
    const { consolidation: october } = await consolidatedMonth(2025, { period: createPeriod(2026, 10), now: new Date(Date.UTC(2026, 10, 12, 2)) });
    writeFileSync(join(archive, 'tong-hop-2026-10.xlsx'), await writeSummaryXlsx(buildSummaryModel(october), { generatedAt: new Date(Date.UTC(2026, 10, 12, 2)) }));
    writeFileSync(join(archive, 'ghi-chu.xlsx'), new Uint8Array([80, 75, 5, 6, ...new Array(18).fill(0)]));
    const out = join(dir, 'bao-cao-xu-huong.docx');
    const { code, stderr } = await da06('report', '--period', '2026-11', '--from', summary, '--out', out, '--history', archive);
    expect(code).toBe(0);
    expect(stderr).toContain(`Lịch sử các tháng (${archive}): dùng báo cáo tổng hợp tháng 10/2026; chưa có tháng 7, 8, 9/2026 (để trống, không suy đoán).`);
    expect(stderr).toMatch(/ghi-chu\.xlsx: bỏ qua, /);
    const all = paragraphs(new Uint8Array(readFileSync(out))).join('\n');
    // Last month's rate, as October's summary has it, beside this month's (in percentage points).
    const now = figure(overview, 'Tỷ lệ báo cáo (đã gửi ÷ phải gửi)');
    const points = Math.round((now - october.totals.reportingRate) * 1000) / 10;
    const change = points === 0 ? 'bằng tháng 10/2026' : `${points > 0 ? 'tăng' : 'giảm'} ${formatNumber(Math.abs(points))} điểm phần trăm so với tháng 10/2026`;
    expect(all).toContain(`đạt ${formatPercent(now)}, ${change}`);
    // A unit late or missing both months is named with its run.
    const failing = (c: Consolidation) => c.submissions.filter((s) => !s.received || s.onTime === false).map((s) => s.unit);
    const both = failing(october).filter((u) => failing(consolidation).includes(u));
    expect(both.length).toBeGreaterThan(0);
    for (const code of both) {
      const name = consolidation.submissions.find((s) => s.unit === code)?.unitName as string;
      expect(all).toContain(`${name.replace(/^(UBND )?(Xã|Phường) /, '')} (2 tháng liên tiếp`);
    }
    expect(all).not.toContain('Chưa có số liệu các tháng trước');
  }, 120_000);

  it('refuses a history folder that does not exist', async () => {
    const { code, stderr } = await da06('report', '--period', '2026-11', '--from', summary, '--out', join(dir, 'x.docx'), '--history', join(dir, 'khong-co'));
    expect([code, stderr]).toEqual([2, expect.stringContaining('Không tìm thấy thư mục lưu báo cáo tổng hợp các tháng trước')]);
  });
});

describe('da06 report refuses, with the reason and exit code 2', () => {
  it.each([
    [['--from', 'x.xlsx', '--out', 'b.docx'], /Thiếu --period/],
    [['--period', '2026-11', '--out', 'b.docx'], /Thiếu --from/],
    [['--period', '2026-11', '--from', 'x.xlsx'], /Thiếu --out/],
    [['--period', '2026-11', '--from', 'x.xlsx', '--out', 'b.pdf'], /phải có đuôi \.docx/],
    [['--period', '2026-11', '--from', 'khong-co.xlsx', '--out', 'b.docx'], /Không tìm thấy tệp tổng hợp "khong-co.xlsx"/],
  ])('a wrong command line %p', async (args, message) => {
    const { code, stderr } = await da06('report', ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('a summary of another month, a workbook that is no summary, and a settings file with a wrong field', async () => {
    const other = await da06('report', '--period', '2026-12', '--from', summary, '--out', join(dir, 'x.docx'));
    expect([other.code, other.stderr]).toEqual([2, expect.stringContaining('là báo cáo tổng hợp kỳ 2026-11, không phải kỳ 2026-12')]);
    const template = join(dir, 'khong-phai.xlsx');
    writeFileSync(template, new Uint8Array([80, 75, 5, 6, ...new Array(18).fill(0)]));
    const notSummary = await da06('report', '--period', '2026-11', '--from', template, '--out', join(dir, 'x.docx'));
    expect([notSummary.code, notSummary.stderr]).toEqual([2, expect.stringMatching(/Không dùng được .*khong-phai\.xlsx/)]);
    const settings = join(dir, 'thiet-lap.json');
    writeFileSync(settings, JSON.stringify({ nguoiKy: 'x' }));
    const bad = await da06('report', '--period', '2026-11', '--from', summary, '--out', join(dir, 'x.docx'), '--settings', settings);
    expect([bad.code, bad.stderr]).toEqual([2, expect.stringContaining('thiet-lap.json')]);
  });
});
