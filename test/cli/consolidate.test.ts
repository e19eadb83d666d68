import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { convertFiles } from '../_lib/libreoffice';
import { templateXlsx } from '../_lib/template-fixture';
import { loadWorkbook, xmlParts } from '../template/_lib/read';
import { da06 } from './_lib/run';

const sha = (path: string) => createHash('sha256').update(readFileSync(path)).digest('hex');

/** The row whose first cell holds this text: rows are found by their label, never by position. */
function rowOf(ws: ExcelJS.Worksheet, label: string): number {
  const row = [...Array(ws.rowCount).keys()].map((i) => i + 1).find((r) => ws.getCell(r, 1).value === label);
  if (row === undefined) throw new Error(`no row "${label}" on ${ws.name}`);
  return row;
}

/** The column whose header (row 3) holds this text. */
function colOf(ws: ExcelJS.Worksheet, header: string): number {
  const col = [...Array(ws.columnCount).keys()].map((i) => i + 1).find((c) => ws.getCell(3, c).value === header);
  if (col === undefined) throw new Error(`no column "${header}" on ${ws.name}`);
  return col;
}

describe('da06 consolidate', () => {
  let dir: string;
  let inbox: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'da06-consolidate-'));
    inbox = join(dir, 'hop-thu');
    mkdirSync(join(inbox, 'thang-12'), { recursive: true });
    writeFileSync(join(inbox, 'cat.xlsx'), templateXlsx({ indicators: [['PL1.I.3', { result: 55 }]], cover: { difficulties: '=HYPERLINK("http://x","bấm")', proposals: '+84 đề xuất', reportDate: '01/12/2026' } }));
    writeFileSync(join(inbox, 'thang-12', 'syt.xlsx'), templateXlsx({ unit: 'SYT', unitName: 'Sở Y tế', indicators: [['PL1.II.5', { result: '72,5' }]], tasks: [['PL2.10', { status: 'Đang triển khai', progress: 30, results: '@ghi chú' }]] }));
    writeFileSync(join(inbox, 'thang-12', 'bao-cao.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
    writeFileSync(join(dir, 'so-tiep-nhan.csv'), 'tệp,thời điểm nhận\nsyt.xlsx,08/12/2026 14:20\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('consolidates a folder tree, writes the summary atomically, and leaves every input byte-identical', async () => {
    const inputs = ['cat.xlsx', 'thang-12/syt.xlsx', 'thang-12/bao-cao.xls'].map((f) => join(inbox, f));
    const before = inputs.map(sha);
    const out = join(dir, 'ket-qua', 'tong-hop.xlsx');
    const { code, stdout } = await da06('consolidate', inbox, '--period', '2026-11', '--out', out, '--receipts', join(dir, 'so-tiep-nhan.csv'));
    expect(code).toBe(0);
    expect(stdout).toMatch(/^Đã tổng hợp kỳ tháng 11 năm 2026 \(hạn gửi trước ngày 10\/12\/2026\)/);
    expect(stdout).toContain('Đơn vị phải báo cáo: 187; đã gửi 2 (1,1%), đúng hạn 2 (1,1%), muộn 0, chưa gửi 185.');
    expect(stdout).toContain('Thời điểm nhận: 1 đơn vị theo sổ tiếp nhận, 1 theo ngày ghi trong biểu.');
    expect(stdout).toMatch(/Từ chối .*bao-cao\.xls: Tệp ở định dạng Excel 97-2003/);
    expect(inputs.map(sha)).toEqual(before);
    expect(readdirSync(join(dir, 'ket-qua'))).toEqual(['tong-hop.xlsx']);
  });

  it('prints the documented JSON, with receipt sources, and is the same when run twice', async () => {
    const run = async () => JSON.parse((await da06('consolidate', inbox, '--period', '2026-11', '--out', join(dir, 'j.xlsx'), '--receipts', join(dir, 'so-tiep-nhan.csv'), '--json')).stdout);
    const first = await run();
    expect(Object.keys(first)).toEqual(['period', 'expected', 'received', 'onTime', 'late', 'missing', 'counts', 'accepted', 'rejected', 'duplicates', 'indicators', 'tasks', 'notes']);
    // File names as they sit inside the folder given: no absolute path to clip.
    expect(first.accepted.map((a: { file: string; unit: string; receivedAtSource: string; receivedAt: string }) => [a.file, a.unit, a.receivedAtSource, a.receivedAt])).toEqual([
      ['cat.xlsx', 'CAT', 'reportDate', '2026-12-01T00:00:00+07:00'],
      ['thang-12/syt.xlsx', 'SYT', 'receipts', '2026-12-08T14:20:00+07:00'],
    ]);
    expect(first.rejected).toEqual([{ file: 'thang-12/bao-cao.xls', unit: null, code: 'file/xls', message: expect.stringMatching(/97-2003/) }]);
    expect(first.indicators.find((i: { key: string }) => i.key === 'PL1.II.5')).toEqual({ key: 'PL1.II.5', target: '50', value: 72.5, status: 'met', statusLabel: 'Đạt', lead: 'SYT', disagree: false });
    expect(await run()).toEqual(first);
  });

  describe('the summary workbook', () => {
    let wb: ExcelJS.Workbook;
    let bytes: Uint8Array;
    const out = () => join(dir, 'tong-hop.xlsx');
    beforeAll(async () => {
      await da06('consolidate', inbox, '--period', '2026-11', '--out', out());
      bytes = readFileSync(out());
      wb = await loadWorkbook(bytes);
    });

    it('has its sheets and the chart sheet, read back by an independent reader (exceljs)', () => {
      expect(wb.worksheets.map((w) => [w.name, w.state])).toEqual([
        ['Tổng quan', 'visible'],
        ['Biểu đồ', 'visible'],
        ['Chỉ tiêu', 'visible'],
        ['Nhiệm vụ', 'visible'],
        ['Nộp báo cáo', 'visible'],
        ['Khó khăn, kiến nghị', 'visible'],
        ['Nhiệm vụ theo đơn vị', 'visible'],
        ['Dữ liệu', 'visible'],
        ['Nhật ký tiếp nhận', 'visible'],
        ['_da06_tonghop', 'veryHidden'],
      ]);
      const overview = wb.getWorksheet('Tổng quan')!;
      expect(overview.getCell(rowOf(overview, 'Đơn vị phải báo cáo'), 2).value).toBe(187);
      const rate = overview.getCell(rowOf(overview, 'Tỷ lệ báo cáo (đã gửi ÷ phải gửi)'), 2);
      expect(rate.value).toBeCloseTo(2 / 187, 10);
      expect(rate.numFmt).toBe('0.0%');
      const indicators = wb.getWorksheet('Chỉ tiêu')!;
      const row = rowOf(indicators, 'PL1.II.5');
      expect(indicators.getCell(row, colOf(indicators, 'Giá trị của tỉnh')).value).toBe(72.5);
      expect(indicators.getCell(row, colOf(indicators, 'Đánh giá')).value).toBe('Đạt');
      const fonts = new Set<string>();
      indicators.eachRow((r) => r.eachCell((cell) => void fonts.add(`${cell.font?.name}`)));
      expect(fonts).toEqual(new Set(['Times New Roman']));
      expect(indicators.pageSetup).toEqual(expect.objectContaining({ paperSize: 9, orientation: 'landscape', fitToWidth: 1 }));
    });

    it('draws the add-in\'s three charts as native Excel charts, from the Biểu đồ sheet\'s figures', () => {
      const parts = xmlParts(bytes);
      const charts = Object.keys(parts).filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p)).sort();
      expect(charts.map((p) => /<a:t>([^<]*)<\/a:t>/.exec(parts[p] as string)?.[1])).toEqual(['Tỷ lệ báo cáo và đúng hạn theo loại đơn vị (%)', 'Nhiệm vụ theo tình trạng', 'Chỉ tiêu theo kết quả đánh giá']);
      const sheet = wb.getWorksheet('Biểu đồ')!;
      const overview = wb.getWorksheet('Tổng quan')!;
      // The same figures as Tổng quan: the reporting rate of departments (column C there) in percent, B5 here.
      expect(sheet.getCell('A5').value).toBe('Sở, ban, ngành');
      expect(sheet.getCell('B5').value).toBeCloseTo(Math.round((overview.getCell(rowOf(overview, 'Tỷ lệ báo cáo (đã gửi ÷ phải gửi)'), 3).value as number) * 1000) / 10, 10);
    });

    it('writes a unit\'s text starting with =, +, @ as text, never as a formula', () => {
      const parts = xmlParts(bytes);
      const sheets = Object.entries(parts).filter(([p]) => p.startsWith('xl/worksheets/sheet'));
      expect(sheets.some(([, xml]) => xml.includes('<f>'))).toBe(false);
      const concerns = wb.getWorksheet('Khó khăn, kiến nghị')!;
      const texts: unknown[] = [];
      concerns.eachRow((r) => texts.push(r.getCell(colOf(concerns, 'Nội dung')).value));
      expect(texts).toEqual(expect.arrayContaining(['=HYPERLINK("http://x","bấm")', '+84 đề xuất']));
      const data = wb.getWorksheet('Dữ liệu')!;
      const values: unknown[] = [];
      data.eachRow((r) => values.push(r.getCell(colOf(data, 'Giá trị')).value));
      expect(values).toContain('@ghi chú');
    });

    it('opens in LibreOffice, which reads the overview figures', async () => {
      const [csv] = await convertFiles([out()], { to: 'csv:Text - txt - csv (StarCalc):44,34,76', outDir: join(dir, 'csv') });
      const text = readFileSync(csv as string, 'utf8');
      expect(text).toContain('BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH 210/KH-UBND (ĐỀ ÁN 06) THÁNG 11 NĂM 2026');
      expect(text).toMatch(/Đơn vị phải báo cáo,187,21,166/);
    }, 120_000);
  });

  it.each([
    [['--period', '2026-11', '--out', 'x.xlsx'], /Thiếu tệp hoặc thư mục/],
    [['hop-thu', '--out', 'x.xlsx'], /Thiếu --period/],
    [['hop-thu', '--period', '2026-11'], /Thiếu --out/],
    [['hop-thu', '--period', '2026-11', '--out', 'x.csv'], /phải có đuôi \.xlsx/],
  ])('explains a wrong command line %p', async (args, message) => {
    const { code, stderr } = await da06('consolidate', ...args);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });

  it('says so when --out is a folder', async () => {
    const { code, stderr } = await da06('consolidate', inbox, '--period', '2026-11', '--out', join(dir, 'thu-muc.xlsx'));
    expect(code).toBe(0);
    mkdirSync(join(dir, 'la-thu-muc.xlsx'));
    const again = await da06('consolidate', inbox, '--period', '2026-11', '--out', join(dir, 'la-thu-muc.xlsx'));
    expect(again.code).toBe(2);
    expect(again.stderr).toMatch(/là một thư mục; --out cần đường dẫn tệp/);
    expect(stderr).toBe('');
  });

  it('refuses a --previous file that is not a da06 summary', async () => {
    const { code, stderr } = await da06('consolidate', inbox, '--period', '2026-12', '--out', join(dir, 'k.xlsx'), '--previous', join(inbox, 'cat.xlsx'));
    expect(code).toBe(2);
    expect(stderr).toMatch(/Không dùng được báo cáo kỳ trước .*không phải báo cáo tổng hợp do da06 tạo/);
  });

  it("refuses a --previous summary of another month than the one before, and a --receipts log that gives no time, before reading any return", async () => {
    const november = join(dir, 'tong-hop-11-b.xlsx');
    await da06('consolidate', join(inbox, 'thang-12', 'syt.xlsx'), '--period', '2026-11', '--out', november);
    const wrongMonth = await da06('consolidate', inbox, '--period', '2027-01', '--out', join(dir, 'l.xlsx'), '--previous', november);
    expect([wrongMonth.code, wrongMonth.stderr]).toEqual([2, expect.stringContaining('đây là báo cáo tổng hợp kỳ tháng 11 năm 2026, không phải kỳ trước (tháng 12 năm 2026) của kỳ tháng 1 năm 2027')]);
    writeFileSync(join(dir, 'so-hong.csv'), 'tệp,thời điểm nhận\nsyt.xlsx,hôm qua\n');
    const badLog = await da06('consolidate', inbox, '--period', '2026-11', '--out', join(dir, 'm.xlsx'), '--receipts', join(dir, 'so-hong.csv'));
    expect([badLog.code, badLog.stderr]).toEqual([2, expect.stringContaining('không có dòng nào đọc được (dòng 2: thời điểm "hôm qua" không hợp lệ)')]);
    expect(readdirSync(dir).filter((f) => f === 'l.xlsx' || f === 'm.xlsx')).toEqual([]);
  });

  it('shows the change since last month from --previous', async () => {
    const november = join(dir, 'tong-hop-11.xlsx');
    await da06('consolidate', join(inbox, 'thang-12', 'syt.xlsx'), '--period', '2026-11', '--out', november);
    const december = join(dir, 'thang-12-bao-cao');
    mkdirSync(december, { recursive: true });
    writeFileSync(join(december, 'syt.xlsx'), templateXlsx({ unit: 'SYT', unitName: 'Sở Y tế', period: '2026-12', indicators: [['PL1.II.5', { result: 80 }]] }));
    const { stdout } = await da06('consolidate', december, '--period', '2026-12', '--out', join(dir, 'tong-hop-12.xlsx'), '--previous', november, '--json');
    expect(JSON.parse(stdout).indicators.find((i: { key: string }) => i.key === 'PL1.II.5').value).toBe(80);
    const wb = await loadWorkbook(readFileSync(join(dir, 'tong-hop-12.xlsx')));
    const ws = wb.getWorksheet('Chỉ tiêu')!;
    let found: unknown[] = [];
    ws.eachRow((r) => {
      if (r.getCell(1).value === 'PL1.II.5') found = [r.getCell(colOf(ws, 'Kỳ trước')).value, r.getCell(colOf(ws, 'Thay đổi so với kỳ trước')).value];
    });
    expect(found).toEqual([72.5, 7.5]);
  });

  it('adds the Xu hướng sheet from --history: the earlier months found, the missing ones, the other files noted', async () => {
    const archive = join(dir, 'luu-tru');
    mkdirSync(join(archive, 'cu'), { recursive: true });
    const october = join(dir, 'thang-10');
    mkdirSync(october, { recursive: true });
    writeFileSync(join(october, 'syt.xlsx'), templateXlsx({ unit: 'SYT', unitName: 'Sở Y tế', period: '2026-10', indicators: [['PL1.II.5', { result: 61 }]] }));
    expect((await da06('consolidate', october, '--period', '2026-10', '--out', join(archive, 'cu', 'tong-hop-2026-10.xlsx'))).code).toBe(0);
    writeFileSync(join(archive, 'cat.xlsx'), templateXlsx());
    const out = join(archive, 'tong-hop-2026-11.xlsx');
    const { code, stderr } = await da06('consolidate', join(inbox, 'thang-12', 'syt.xlsx'), '--period', '2026-11', '--out', out, '--history', archive);
    expect(code).toBe(0);
    expect(stderr.split('\n')).toEqual([
      `Lịch sử các tháng (${archive}): dùng báo cáo tổng hợp tháng 10/2026; chưa có tháng 7, 8, 9/2026 (để trống, không suy đoán).`,
      '  cat.xlsx: bỏ qua, tệp không phải báo cáo tổng hợp do da06 tạo.',
    ]);
    const wb = await loadWorkbook(readFileSync(out));
    expect(wb.worksheets.map((w) => w.name).slice(0, 4)).toEqual(['Tổng quan', 'Biểu đồ', 'Xu hướng', 'Chỉ tiêu']);
    const trends = wb.getWorksheet('Xu hướng')!;
    let row: unknown[] = [];
    trends.eachRow((r) => {
      if (r.getCell(2).value === 'PL1.II.5') row = [r.getCell(6).value, r.getCell(7).value, r.getCell(8).value, r.getCell(9).value];
    });
    expect(row).toEqual([null, 61, 72.5, 11.5]);
    // Run again into the same folder: last run's November is this month, not history.
    const again = await da06('consolidate', join(inbox, 'thang-12', 'syt.xlsx'), '--period', '2026-11', '--out', out, '--history', archive);
    expect(again.stderr.split('\n')[0]).toMatch(/dùng báo cáo tổng hợp tháng 10\/2026;/);
  });

  it('says so when the --history folder does not exist', async () => {
    const { code, stderr } = await da06('consolidate', inbox, '--period', '2026-11', '--out', join(dir, 'h.xlsx'), '--history', join(dir, 'khong-co'));
    expect([code, stderr]).toEqual([2, expect.stringContaining('Không tìm thấy thư mục lưu báo cáo tổng hợp các tháng trước')]);
  });
});
