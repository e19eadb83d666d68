import { unzipSync } from 'fflate';
import { nativeDeflateChunk } from '../../lib/node/deflate';
import { openZip } from '../../lib/read/zip';
import type { SummaryModel } from '../../lib/summary/model';
import { writeSummaryXlsx } from '../../lib/summary/xlsx';
import { loadWorkbook, xmlParts } from '../template/_lib/read';

// A small model written by hand: the writer is tested apart from the consolidation that feeds it.
const FILE = 'hop-thu/12345_BC_DA06_T11.xlsx';
const SHA = 'ab'.repeat(32);
const model: SummaryModel = {
  title: 'TỔNG HỢP THỬ',
  period: '2026-11',
  charts: [],
  stamp: [['da06-tong-hop', 2], ['period', '2026-11']],
  sheets: [
    {
      id: 'concerns', print: { use: 'paper', orientation: 'landscape' },
      name: 'Khó khăn, kiến nghị',
      title: 'KHÓ KHĂN',
      columns: [{ header: 'Đơn vị', width: 12 }, { header: 'Nội dung', width: 30 }],
      rows: [
        ['CAT', 'Thiếu máy chủ để triển khai hệ thống dữ liệu dân cư ở các xã miền núi phía tây của tỉnh'],
        ['SYT', '=HYPERLINK("http://x","bấm")'],
        ['STC', '  có khoảng trắng đầu  '],
      ],
      marks: [{ row: 1, col: 1, tone: 'bad' }],
    },
    {
      id: 'data', print: { use: 'paper', orientation: 'landscape' },
      name: 'Dữ liệu',
      title: 'DỮ LIỆU',
      columns: [{ header: 'Đơn vị', width: 10 }, { header: 'Giá trị', width: 20 }, { header: 'Tệp nguồn', width: 30 }, { header: 'SHA-256', width: 20 }],
      rows: [...Array.from({ length: 50 }, (_, i) => [i % 2 ? 'CAT' : 'SYT', i % 3 ? i * 1.5 : `ghi chú ${i} <&>`, FILE, SHA]), ['SYT', '1. Thiếu kinh phí\n2. Thiếu người\n3. Chờ hướng dẫn', FILE, SHA]],
      marks: [],
      compact: true,
    },
  ],
};

describe('the summary writer', () => {
  const generatedAt = new Date('2026-12-11T03:00:00Z');

  it('writes each repeated text once, in the shared-string table, and reads back the same in exceljs', async () => {
    const bytes = await writeSummaryXlsx(model, { generatedAt });
    const parts = xmlParts(bytes);
    const sst = parts['xl/sharedStrings.xml'] as string;
    expect(sst.split(FILE).length - 1).toBe(1);
    expect(sst.split(SHA).length - 1).toBe(1);
    expect(sst).toContain('ghi chú 0 &lt;&amp;&gt;');
    expect(sst).toContain('<t xml:space="preserve">  có khoảng trắng đầu  </t>');
    const wb = await loadWorkbook(bytes);
    const data = wb.getWorksheet('Dữ liệu')!;
    expect(data.getCell('C4').value).toBe(FILE);
    expect(data.getCell('D53').value).toBe(SHA);
    expect(data.getCell('B5').value).toBe(1.5);
    expect(data.getCell('B4').value).toBe('ghi chú 0 <&>');
    const concerns = wb.getWorksheet('Khó khăn, kiến nghị')!;
    expect(concerns.getCell('B5').value).toBe('=HYPERLINK("http://x","bấm")');
    expect(concerns.getCell('B5').fill).toMatchObject({ fgColor: { argb: 'FFF8CBAD' } });
    expect(concerns.getCell('B6').value).toBe('  có khoảng trắng đầu  ');
    expect(Object.values(parts).some((xml) => xml.includes('<f>'))).toBe(false);
  });

  it('keeps a compact sheet to one line per row, and wraps the others to show every answer whole', async () => {
    const wb = await loadWorkbook(await writeSummaryXlsx(model, { generatedAt }));
    const data = wb.getWorksheet('Dữ liệu')!;
    expect(data.getCell('C10').alignment?.wrapText).toBeFalsy();
    expect(data.getRow(10).height).toBeUndefined();
    const concerns = wb.getWorksheet('Khó khăn, kiến nghị')!;
    expect(concerns.getCell('B4').alignment?.wrapText).toBe(true);
    expect(concerns.getRow(4).height).toBeGreaterThan(15);
  });

  it('writes a unit\'s line breaks as typed, wrapped and tall enough, even on a compact sheet', async () => {
    const bytes = await writeSummaryXlsx(model, { generatedAt });
    expect(xmlParts(bytes)['xl/sharedStrings.xml']).toContain('<t xml:space="preserve">1. Thiếu kinh phí\n2. Thiếu người\n3. Chờ hướng dẫn</t>');
    const data = (await loadWorkbook(bytes)).getWorksheet('Dữ liệu')!;
    const row = 3 + 51;
    expect(data.getCell(`B${row}`).value).toBe('1. Thiếu kinh phí\n2. Thiếu người\n3. Chờ hướng dẫn');
    expect([data.getCell(`B${row}`).alignment?.wrapText, data.getCell(`C${row}`).alignment?.wrapText]).toEqual([true, true]);
    expect(data.getRow(row).height).toBeGreaterThanOrEqual(3 * 14);
    expect(data.getCell(`B${row - 1}`).alignment?.wrapText).toBeFalsy();
  });

  it('gives the same parts with Node\'s native deflate as with fflate, in a valid zip', async () => {
    const fflate = unzipSync(await writeSummaryXlsx(model, { generatedAt }));
    const native = unzipSync(await writeSummaryXlsx(model, { generatedAt, deflate: nativeDeflateChunk }));
    expect(Object.keys(native)).toEqual(Object.keys(fflate));
    for (const [path, data] of Object.entries(fflate)) expect(Buffer.from(native[path] as Uint8Array).equals(Buffer.from(data))).toBe(true);
  });

  it('joins independently deflated chunks into one stream, over many chunks', async () => {
    const big: SummaryModel = { ...model, sheets: [{ ...(model.sheets[1] as SummaryModel['sheets'][number]), rows: Array.from({ length: 5000 }, (_, i) => ['X', `giá trị ${i}`, FILE, SHA]) }] };
    const bytes = await writeSummaryXlsx(big, { generatedAt, deflate: nativeDeflateChunk });
    const zip = openZip(bytes); // our reader checks every entry's CRC-32 and size
    for (const name of zip.names) expect(() => zip.read(name)).not.toThrow();
    const sheet = xmlParts(bytes)['xl/worksheets/sheet1.xml'] as string;
    expect(sheet.length).toBeGreaterThan(5 * 65_536);
    expect(sheet.endsWith('</worksheet>')).toBe(true);
    const wb = await loadWorkbook(bytes);
    expect(wb.getWorksheet('Dữ liệu')!.getCell('B5003').value).toBe('giá trị 4999');
  });
});
