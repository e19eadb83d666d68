// The da06 summary in the open workbook, read back through the fake Office.js: the same facts as
// `da06 report` reads from the file, found by content, in requests under Excel on the web's 5 MB cap.
import { consolidateFiles, type PickedFile } from '../../../addin/src/consolidate-flow';
import { readOpenSummary, STAMP_ROWS_PER_READ } from '../../../addin/src/office/read-summary';
import { writeSummaryModel } from '../../../addin/src/office/write-summary';
import type { Consolidation } from '../../../lib/consolidate/types';
import { stampRows, SUMMARY_MARKER, SUMMARY_STAMP_SHEET, type SummaryFacts } from '../../../lib/summary/facts';
import { readSummary } from '../../../lib/summary/read';
import type { SummaryModel } from '../../../lib/summary/model';
import { plainStampRows } from '../../_lib/plain-stamp';
import { writeSummaryXlsx } from '../../../lib/summary/xlsx';
import { excelRun } from '../_lib/excel';
import { filledReturn, period } from '../_lib/returns';
import { FakeExcel, uninstallFakeOffice, type FakeExcelOptions } from '../fake-office/office';
import { seedFromXlsx } from '../fake-office/seed';
import type { SeedSheet, SeedWorkbook } from '../fake-office/state';

jest.setTimeout(60_000);

const FIVE_MB = 5 * 1024 * 1024;
/** 11 December 2026, 10:00 in Thanh Hóa. */
const NOW = new Date('2026-12-11T10:00:00+07:00');

let consolidation: Consolidation;
let model: SummaryModel;

beforeAll(async () => {
  const files: PickedFile[] = await Promise.all(['CAT', 'SYT', 'STC'].map(async (code, i) => ({ name: `${code}.xlsx`, arrayBuffer: async () => (await filledReturn(code, { seed: 30 + i })).slice().buffer })));
  ({ consolidation, model } = await consolidateFiles(files, { period, now: NOW }));
});

afterEach(() => uninstallFakeOffice());

function open(seed: SeedWorkbook, options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel(seed, options);
  fake.install();
  return fake;
}

/** What `da06 report` reads from the CLI's file of the same month. */
async function factsOfFile(m: SummaryModel): Promise<SummaryFacts> {
  const read = readSummary(await writeSummaryXlsx(m, { generatedAt: NOW }));
  if (!read.ok) throw new Error(read.reason);
  return read.facts;
}

/** A stamp sheet seeded cell by cell, as Excel holds it: keys in A, values in B, text as text. */
function stampSheet(name: string, rows: ReadonlyArray<readonly [string, unknown]>, visibility: SeedSheet['visibility'] = 'VeryHidden'): SeedSheet {
  const cells: SeedSheet['cells'] = {};
  rows.forEach(([key, value], i) => {
    cells[`A${i + 1}`] = { v: key, nf: '@' };
    if (value !== null && value !== undefined && value !== '') cells[`B${i + 1}`] = typeof value === 'string' ? { v: value, nf: '@' } : { v: value as number };
  });
  return { name, visibility, cells };
}

/** The month with so many long difficulties that its facts pass 5 MB of JSON. */
function bigMonth(): Consolidation {
  const text = 'Khó khăn: đường truyền mạng chập chờn, thiết bị đầu đọc căn cước thiếu, cán bộ kiêm nhiệm "nhiều việc". '.repeat(30);
  const padding = Array.from({ length: 2200 }, (_, i) => ({ unit: 'CAT', unitName: 'Công an tỉnh', kind: 'difficulty' as const, task: null, text: `${i}. ${text}`, file: 'CAT.xlsx', cell: `B${i + 10}` }));
  return { ...consolidation, concerns: [...consolidation.concerns, ...padding] };
}

describe('readOpenSummary', () => {
  it('reads the facts the pane wrote after Tổng hợp: the same as da06 report reads from the CLI file of that month', async () => {
    const fake = open({ sheets: [{ name: 'Sheet1', cells: {} }] });
    await excelRun((context) => writeSummaryModel(context, model));
    const read = await excelRun((context) => readOpenSummary(context));
    expect(read).toEqual({ ok: true, facts: await factsOfFile(model) });
    // Visible sheets are never read: the sheet list, A1 of the stamp, its size, its two columns.
    expect(fake.reads).toEqual([`${SUMMARY_STAMP_SHEET}!A1`, `${SUMMARY_STAMP_SHEET}!A1:B${model.stamp.length}`]);
  });

  it('reads a summary file da06 consolidate wrote, reopened in Excel (the secretariat opens last week’s tong-hop.xlsx)', async () => {
    const bytes = await writeSummaryXlsx(model, { generatedAt: NOW });
    open(await seedFromXlsx(bytes));
    const read = await excelRun((context) => readOpenSummary(context));
    expect(read).toEqual({ ok: true, facts: await factsOfFile(model) });
  });

  it('reads a stamp larger than one 5 MB response in several requests, each under the cap, and loses nothing', async () => {
    const big = bigMonth();
    const rows = plainStampRows(big);
    const facts = JSON.stringify(rows.filter(([key]) => key.startsWith('facts.')).map(([, v]) => v).join(''));
    expect(new TextEncoder().encode(facts).length).toBeGreaterThan(FIVE_MB);
    const fake = open({ sheets: [{ name: 'Sheet1', cells: {} }] });
    // The pane's own writer puts it there, in requests under the 5 MB request cap too.
    await excelRun((context) => writeSummaryModel(context, { ...model, stamp: rows }));
    expect(Math.max(...fake.requests.map((r) => r.bytes))).toBeLessThanOrEqual(FIVE_MB);
    // Read whole, Excel on the web would refuse it.
    await expect(
      excelRun(async (context) => {
        const range = context.workbook.worksheets.getItem(SUMMARY_STAMP_SHEET).getRange(`A1:B${rows.length}`);
        range.load('values');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    fake.responses.length = 0;
    fake.reads.length = 0;

    const read = await excelRun((context) => readOpenSummary(context));
    const { data: _data, ...expected } = big;
    expect(read.ok && read.facts).toEqual(JSON.parse(JSON.stringify(expected)));
    expect(Math.max(...fake.responses)).toBeLessThanOrEqual(FIVE_MB);
    const bands = fake.reads.filter((r) => r !== `${SUMMARY_STAMP_SHEET}!A1`);
    expect(bands.length).toBe(Math.ceil(rows.length / STAMP_ROWS_PER_READ));
    expect(bands[0]).toBe(`${SUMMARY_STAMP_SHEET}!A1:B${STAMP_ROWS_PER_READ}`);
  });

  it('splits a band Excel still refuses in two and asks again, down to single rows', async () => {
    const rows = plainStampRows(bigMonth());
    const fake = open({ sheets: [{ name: 'Sheet1', cells: {} }, stampSheet(SUMMARY_STAMP_SHEET, rows)] }, { maxResponseBytes: 150_000 });
    const read = await excelRun((context) => readOpenSummary(context));
    expect(read.ok).toBe(true);
    expect(fake.responses.some((bytes) => bytes > 150_000)).toBe(true); // refused, then split
    expect(read.ok && JSON.stringify(read.facts).length).toBe(rows.filter(([k]) => k.startsWith('facts.')).reduce((n, [, v]) => n + String(v).length, 0));
  });

  it('finds the stamp by its content, renamed and only Hidden (as LibreOffice re-saves it), and reads no visible sheet', async () => {
    const rows = stampRows(consolidation);
    const fake = open({
      sheets: [
        // A visible sheet that starts like a stamp is not one: lib looks at hidden sheets only.
        stampSheet('Bản sao', [[SUMMARY_MARKER, 1]], 'Visible'),
        { name: 'Ghi chú ẩn', visibility: 'Hidden', cells: { A1: { v: 'ghi chú' } } },
        stampSheet('Sheet7', rows, 'Hidden'),
      ],
    });
    const read = await excelRun((context) => readOpenSummary(context));
    const { data: _data, ...expected } = consolidation;
    expect(read).toEqual({ ok: true, facts: JSON.parse(JSON.stringify(expected)) });
    expect(fake.reads).toEqual(['Ghi chú ẩn!A1', 'Sheet7!A1', `Sheet7!A1:B${rows.length}`]);
  });

  it('says there is no summary in a workbook without one, and why a stamp of an older da06 or a damaged one cannot be used', async () => {
    open({ sheets: [{ name: 'Sheet1', cells: { A1: { v: 'Danh sách cán bộ' } } }, { name: 'ẩn', visibility: 'Hidden', cells: {} }] });
    expect(await excelRun((context) => readOpenSummary(context))).toEqual({ ok: false, found: false, reason: 'tệp không phải báo cáo tổng hợp do da06 tạo' });
    uninstallFakeOffice();

    open({ sheets: [{ name: 'Sheet1', cells: {} }, stampSheet(SUMMARY_STAMP_SHEET, [[SUMMARY_MARKER, 1], ['period', '2026-11'], ['facts.1', '{}']])] });
    expect(await excelRun((context) => readOpenSummary(context))).toEqual({ ok: false, found: true, reason: expect.stringContaining('phiên bản da06 cũ') });
    uninstallFakeOffice();

    const rows = stampRows(consolidation).filter(([key]) => key !== 'facts.1');
    open({ sheets: [{ name: 'Sheet1', cells: {} }, stampSheet(SUMMARY_STAMP_SHEET, rows)] });
    expect(await excelRun((context) => readOpenSummary(context))).toEqual({ ok: false, found: true, reason: expect.stringContaining('bị thiếu hoặc bị sửa') });
  });
});
