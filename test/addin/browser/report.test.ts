// "Báo cáo tháng" in the built pane, in headless Chromium over the fake Office.js: the .docx the user
// saves, from the consolidation just made and from a summary reopened, the same document lib's
// draftReport gives in Node; with earlier months' summaries picked, the Xu hướng sheet and the report's
// trends as `da06 consolidate --history` and `da06 report --history` give them; and what an Excel that
// cannot run report.js says instead.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Download, Page } from 'playwright-core';
import { consolidateFiles } from '../../../addin/src/consolidate-flow';
import { CHART_SHEET_NAME, writeSummaryModel } from '../../../addin/src/office/write-summary';
import { consolidateInputs, type ConsolidatedInputs } from '../../../lib/app/consolidate';
import { historyNotes } from '../../../lib/app/history';
import { draftReport, historyForReport } from '../../../lib/app/report';
import { countConsolidation } from '../../../lib/consolidate/counts';
import { readArchive, type ReadArchiveResult } from '../../../lib/node/history';
import { formatNumber, formatPercent } from '../../../lib/period/format';
import { createPeriod, type Period } from '../../../lib/period/period';
import { parseReportSettings } from '../../../lib/report/settings';
import { SUMMARY_SHEET_NAMES } from '../../../lib/summary/build';
import { factsFromStamp, SUMMARY_STAMP_SHEET, type SummaryFacts } from '../../../lib/summary/facts';
import { writeSummaryXlsx } from '../../../lib/summary/xlsx';
import { docxParagraphs, docxTextParts } from '../../_lib/docx';
import { excelRun } from '../_lib/excel';
import { catalog, filledReturn, period, roster } from '../_lib/returns';
import { FakeExcel, uninstallFakeOffice } from '../fake-office/office';
import { ie11EmulationSource } from '../_lib/ie11';
import type { SeedSheet, SeedWorkbook } from '../fake-office/state';
import { assertChromiumInstalled, DEC_3_2026, OUTPUT, openPage, screenshotSheet, startHarness, type Harness, type OpenedPage } from './_lib/harness';
import { monthFiles } from './_lib/month';

jest.setTimeout(90_000);

assertChromiumInstalled();

/** report.js, asked for by its content version (`report.js?v=…`, addin/tools/build.ts). */
const REPORT_JS = /\/report\.js\?v=[0-9a-f]{10}$/;

/** As one JSON string: Playwright's own serializer takes tens of seconds over a workbook holding a province summary. */
async function exportSeed(page: Page): Promise<SeedWorkbook> {
  return JSON.parse(await page.evaluate(() => JSON.stringify((window as unknown as { __fakeOffice: { exportSeed(): SeedWorkbook } }).__fakeOffice.exportSeed()))) as SeedWorkbook;
}

/** The facts as lib reads them from the stamp sheet the pane wrote (keys in A, values in B). */
function factsOf(seed: SeedWorkbook): SummaryFacts {
  const stamp = seed.sheets.find((s) => s.name === SUMMARY_STAMP_SHEET);
  if (!stamp) throw new Error('the pane wrote no stamp sheet');
  const rows = new Map<string, unknown>();
  for (const [address, cell] of Object.entries(stamp.cells)) {
    if (!address.startsWith('A') || typeof cell.v !== 'string') continue;
    rows.set(cell.v, stamp.cells[`B${address.slice(1)}`]?.v ?? null);
  }
  const read = factsFromStamp(rows);
  if (!read.ok) throw new Error(read.reason);
  return read.facts;
}

/** Clicks "Soạn báo cáo (Word)" (or another button) and takes the file the pane hands over. */
async function draftAndSave(page: Page, button = 'Soạn báo cáo (Word)'): Promise<{ download: Download; bytes: Uint8Array }> {
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: button }).click()]);
  return { download, bytes: new Uint8Array(readFileSync(await download.path())) };
}

const reportRequests = (opened: OpenedPage) => opened.requests.filter((r) => REPORT_JS.test(r.url));

/** The model written into an empty workbook by the pane's own writer, in Node. */
async function writtenWorkbook(model: ConsolidatedInputs['model']): Promise<SeedWorkbook> {
  const fake = new FakeExcel({ sheets: [{ name: 'Sheet1', cells: {} }] });
  fake.install();
  try {
    await excelRun((context) => writeSummaryModel(context, model));
  } finally {
    uninstallFakeOffice();
  }
  return fake.exportSeed();
}

/** A workbook after the pane's Tổng hợp of the month (its own writer, in Node): what the secretariat saves and reopens later. */
async function summarisedWorkbook(): Promise<SeedWorkbook> {
  const files = (await monthFiles()).map((f) => ({ name: f.name, arrayBuffer: async () => new Uint8Array(f.buffer).slice().buffer }));
  const { model } = await consolidateFiles(files, { period, now: DEC_3_2026 });
  return writtenWorkbook(model);
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
type PickedXlsx = { name: string; mimeType: string; buffer: Buffer };

/** September's and October's summaries as the secretariat archived them (lib's consolidation in Node, written as `da06 consolidate` writes), and a return that is no summary. */
async function archivedMonths(): Promise<{ files: PickedXlsx[]; facts: Map<string, SummaryFacts> }> {
  const months: Array<{ period: Period; units: string[]; reportDate: string; at: Date }> = [
    { period: createPeriod(2026, 9), units: ['CAT'], reportDate: '2026-10-05', at: new Date('2026-10-12T10:00:00+07:00') },
    { period: createPeriod(2026, 10), units: ['CAT', 'SYT'], reportDate: '2026-11-05', at: new Date('2026-11-11T10:00:00+07:00') },
  ];
  const facts = new Map<string, SummaryFacts>();
  const files = await Promise.all(
    months.map(async (m) => {
      const inputs = await Promise.all(m.units.map(async (code, i) => ({ name: `${code}-${m.period.id}.xlsx`, bytes: await filledReturn(code, { period: m.period, reportDate: m.reportDate, seed: 20 + i }) })));
      const { consolidation, model } = await consolidateInputs(inputs, { catalog, roster, period: m.period, now: m.at });
      const { data: _data, ...month } = consolidation;
      facts.set(m.period.id, month);
      return { name: `tong-hop-${m.period.id}.xlsx`, mimeType: XLSX_TYPE, buffer: Buffer.from(await writeSummaryXlsx(model, { generatedAt: m.at })) };
    }),
  );
  const notSummary = (await monthFiles())[0] as PickedXlsx;
  return { files: [...files, { ...notSummary, name: 'ghi-chu.xlsx' }], facts };
}

/** The picked files as `da06 … --history` reads them: put in a folder, read by lib/node's readArchive. */
function archiveOf(files: readonly PickedXlsx[]): ReadArchiveResult {
  const dir = mkdtempSync(join(tmpdir(), 'da06-luu-tru-'));
  try {
    for (const f of files) writeFileSync(join(dir, f.name), f.buffer);
    return readArchive(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text in column `col` of the row whose column C reads `label` (rows found by label, never by position). */
function rowCells(sheet: SeedSheet, label: string, cols: readonly string[]): unknown[] {
  const at = Object.entries(sheet.cells).find(([address, c]) => /^C\d+$/.test(address) && c.v === label)?.[0].slice(1);
  if (!at) throw new Error(`no row "${label}" on ${sheet.name}`);
  return cols.map((col) => sheet.cells[`${col}${at}`]?.v ?? null);
}

/** The month columns of the Xu hướng sheet, by their headers (`T9`, `T11 (kỳ này)`). */
function monthColumns(sheet: SeedSheet, headers: readonly string[]): string[] {
  return headers.map((header) => {
    const found = Object.entries(sheet.cells).find(([, c]) => c.v === header)?.[0];
    if (!found) throw new Error(`no column "${header}" on ${sheet.name}`);
    return found.replace(/\d+$/, '');
  });
}

describe('Báo cáo tháng in the pane', () => {
  let harness: Harness;
  let summarised: SeedWorkbook;
  let archived: Awaited<ReturnType<typeof archivedMonths>>;
  let archive: ReadArchiveResult;

  beforeAll(async () => {
    [harness, summarised, archived] = await Promise.all([startHarness(), summarisedWorkbook(), archivedMonths()]);
    archive = archiveOf(archived.files);
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('after Tổng hợp, "Soạn báo cáo (Word)" saves bao-cao-2026-11.docx with the consolidation’s figures, the same document as draftReport in Node', async () => {
    const opened = await openPage(harness, { seed: { sheets: [{ name: 'Sheet1', cells: {} }] }, fake: { apiVersion: '1.17', platform: 'OfficeOnline' }, path: 'taskpane.html#tong-hop' });
    const { page, errors } = opened;
    await page.getByText('Số liệu: báo cáo tổng hợp da06 trong sổ đang mở', { exact: false }).waitFor();
    await page.locator('#files').setInputFiles(await monthFiles());
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.locator('.notice-success', { hasText: 'Đã tổng hợp kỳ tháng 11 năm 2026' }).waitFor({ timeout: 45_000 });
    await page.getByText('Số liệu: kết quả Tổng hợp vừa làm (tháng 11 năm 2026).').waitFor();
    // Nothing of the report is fetched until it is asked for.
    expect(reportRequests(opened)).toEqual([]);

    const { download, bytes } = await draftAndSave(page);
    expect(download.suggestedFilename()).toBe('bao-cao-2026-11.docx');
    const done = page.locator('.notice-success', { hasText: 'Đã soạn dự thảo báo cáo tháng 11 năm 2026' });
    await done.waitFor();
    expect(await done.innerText()).toContain('Số liệu lấy từ kết quả Tổng hợp vừa làm.');
    expect(await done.innerText()).toContain('dùng thiết lập mặc định');
    await page.screenshot({ path: join(OUTPUT, 'bao-cao.png'), fullPage: true });

    const facts = factsOf(await exportSeed(page));
    const counts = countConsolidation(facts);
    const text = docxParagraphs(bytes);
    const all = text.join('\n');
    expect(text).toContain('BÁO CÁO');
    expect(all).toContain(`đã nhận báo cáo của ${formatNumber(facts.totals.received)}/${formatNumber(facts.totals.expected)} đơn vị, đạt ${formatPercent(facts.totals.reportingRate)}`);
    expect(all).toContain(`Còn ${formatNumber(counts.units.missing)} đơn vị chưa gửi báo cáo`);
    // The pane's own headline of the run says the same 5 units.
    expect(facts.totals.received).toBe(5);
    expect(await page.locator('ul.headline li').first().innerText()).toContain(`Đơn vị phải báo cáo: ${facts.totals.expected}; đã gửi 5`);

    expect(docxTextParts(bytes)).toEqual(docxTextParts(await draftReport(facts)));
    expect(reportRequests(opened)).toHaveLength(1);

    // Saved again without drafting again: the same bytes, report.js not fetched twice.
    const again = await draftAndSave(page, 'Lưu lại tệp bao-cao-2026-11.docx');
    expect(again.bytes).toEqual(bytes);
    expect(reportRequests(opened)).toHaveLength(1);
    expect(errors).toEqual([]);
    await opened.context.close();
  });

  it('in a workbook that already holds a summary, drafts from its hidden stamp sheet; a settings file is used, a wrong one refused in Vietnamese', async () => {
    const opened = await openPage(harness, { seed: summarised, fake: { apiVersion: '1.14' }, path: 'taskpane.html#tong-hop' });
    const { page, errors } = opened;
    const { download, bytes } = await draftAndSave(page);
    expect(download.suggestedFilename()).toBe('bao-cao-2026-11.docx');
    const done = page.locator('.notice-success', { hasText: 'Đã soạn dự thảo báo cáo tháng 11 năm 2026' });
    await done.waitFor();
    expect(await done.innerText()).toMatch(/Số liệu lấy từ báo cáo tổng hợp trong sổ đang mở \(tổng hợp lúc \d\d:\d\d ngày \d\d\/\d\d\/2026\)/);
    const facts = factsOf(summarised);
    expect(docxTextParts(bytes)).toEqual(docxTextParts(await draftReport(facts)));

    await page.locator('#report-settings').setInputFiles({ name: 'thiet-lap.json', mimeType: 'application/json', buffer: Buffer.from('{ "nguoiKy": "Nguyễn Văn A" }', 'utf8') });
    const refused = page.locator('#report-settings-summary');
    await refused.getByText('Tệp thiết lập báo cáo "thiet-lap.json"', { exact: false }).waitFor();
    expect(await refused.innerText()).toBe((parseReportSettings('{ "nguoiKy": "Nguyễn Văn A" }', 'thiet-lap.json') as { message: string }).message);
    expect(await refused.innerText()).toContain('trường "nguoiKy"');
    await page.getByRole('button', { name: 'Soạn báo cáo (Word)' }).click();
    await page.locator('.notice-error', { hasText: 'Chưa soạn báo cáo' }).waitFor();

    const settingsText = JSON.stringify({ symbol: 'BC-CAT-PV06', signer: { name: 'Lê Văn Bình' } });
    await page.locator('#report-settings').setInputFiles({ name: 'thiết lập.json', mimeType: 'application/json', buffer: Buffer.from(settingsText, 'utf8') });
    await page.getByText('Thiết lập báo cáo: "thiết lập.json" (ghi nhớ trên máy này', { exact: false }).waitFor();
    const withSettings = await draftAndSave(page);
    const text = docxParagraphs(withSettings.bytes);
    expect(text.some((p) => /^Số:\s+\/BC-CAT-PV06$/.test(p))).toBe(true);
    expect(text).toContain('Lê Văn Bình');
    const settings = parseReportSettings(settingsText, 'thiết lập.json');
    if (!settings.ok) throw new Error(settings.message);
    expect(docxTextParts(withSettings.bytes)).toEqual(docxTextParts(await draftReport(facts, { settings: settings.settings })));
    expect(await page.locator('.notice-success').innerText()).not.toContain('dùng thiết lập mặc định');

    // Remembered on this machine: the pane opened again drafts with it.
    await page.reload();
    await page.getByText('Thiết lập báo cáo: "thiết lập.json"', { exact: false }).waitFor();
    await page.locator('#report-settings-clear').click();
    await page.getByText('Không bắt buộc. Tệp JSON như da06 report --settings', { exact: false }).waitFor();
    expect(errors).toEqual([]);
    await opened.context.close();
  });

  it('with earlier months’ summaries picked, Tổng hợp writes the Xu hướng sheet and trend charts exactly as consolidateInputs with the same history, and the report compares with last month as draftReport with historyForReport; a file that is no summary is listed as skipped', async () => {
    expect(archive.facts.map((f) => f.period)).toEqual(['2026-09', '2026-10']);
    const opened = await openPage(harness, { seed: { sheets: [{ name: 'Sheet1', cells: {} }] }, fake: { apiVersion: '1.17', platform: 'OfficeOnline' }, path: 'taskpane.html#tong-hop' });
    const { page, errors } = opened;
    const files = await monthFiles();
    await page.locator('#files').setInputFiles(files);
    await page.locator('#history').setInputFiles(archived.files);
    await page.getByText('Các tháng trước: báo cáo tổng hợp tháng 9, 10/2026 (3 tệp đã chọn). Bỏ qua 1 tệp:').waitFor();
    expect(await page.locator('#history-skipped li').allInnerTexts()).toEqual(['ghi-chu.xlsx: bỏ qua, tệp không phải báo cáo tổng hợp do da06 tạo.']);
    expect(await page.locator('#history-clear').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.locator('.notice-success', { hasText: 'Đã tổng hợp kỳ tháng 11 năm 2026' }).waitFor({ timeout: 45_000 });

    // The same month through lib in Node, with the archive as the CLI reads it, at the moment the pane consolidated.
    const seed = await exportSeed(page);
    const facts = factsOf(seed);
    const inputs = [...files].sort((a, b) => (a.name < b.name ? -1 : 1)).map((f) => ({ name: f.name, bytes: new Uint8Array(f.buffer) }));
    const expected = await consolidateInputs(inputs, { catalog, roster, period, now: new Date(facts.generatedAt), history: { facts: archive.facts, sources: archive.sources } });
    const written = await writtenWorkbook(expected.model);
    expect(seed.sheets.map((s) => s.name)).toEqual(['Sheet1', SUMMARY_SHEET_NAMES.overview, CHART_SHEET_NAME, SUMMARY_SHEET_NAMES.trends, ...Object.values(SUMMARY_SHEET_NAMES).slice(1).filter((n) => n !== SUMMARY_SHEET_NAMES.trends), SUMMARY_STAMP_SHEET]);
    expect(seed.sheets).toEqual(written.sheets);
    const trends = seed.sheets.find((s) => s.name === SUMMARY_SHEET_NAMES.trends) as SeedSheet;
    const charts = seed.sheets.find((s) => s.name === CHART_SHEET_NAME)?.charts ?? [];
    expect(charts.map((c) => c.name)).toEqual(expect.arrayContaining(['trend-rates']));
    expect(charts.find((c) => c.name === 'trend-rates')?.chartType).toBe('LineMarkers');
    // Each month's rate as that month's summary has it; July and August are left empty (stated as missing, not guessed).
    const columns = monthColumns(trends, ['T7 (chưa có)', 'T8 (chưa có)', 'T9', 'T10', 'T11 (kỳ này)']);
    const percent = (f: SummaryFacts) => Math.round(f.totals.reportingRate * 1000) / 10;
    const [september, october] = [archived.facts.get('2026-09'), archived.facts.get('2026-10')] as [SummaryFacts, SummaryFacts];
    expect(rowCells(trends, 'Tỷ lệ báo cáo (%), toàn tỉnh', columns)).toEqual(['', '', percent(september), percent(october), percent(facts)]);
    expect(percent(october)).not.toBe(percent(facts));
    // lib's notes on the history, the folder named as the files picked.
    const notes = page.locator('#consolidate-result .notice-info', { hasText: 'Xu hướng các tháng' });
    expect(await notes.locator('p').allInnerTexts()).toEqual(historyNotes(expected.history as NonNullable<typeof expected.history>, archive.skipped, 'các tệp đã chọn').map((l) => l.trim()));
    expect(await notes.innerText()).toContain('Lịch sử các tháng (các tệp đã chọn): dùng báo cáo tổng hợp tháng 9, 10/2026; chưa có tháng 7, 8/2026 (để trống, không suy đoán).');
    await page.screenshot({ path: join(OUTPUT, 'tong-hop-xu-huong.png'), fullPage: true });
    await screenshotSheet(harness, page, SUMMARY_SHEET_NAMES.trends, 'tong-hop-trang-xu-huong.png', { maxRows: 20, maxCols: 12, width: 1400 });

    // The report from the same picked summaries: lib's historyForReport then draftReport, part for part.
    const { bytes } = await draftAndSave(page);
    const all = docxParagraphs(bytes).join('\n');
    expect(all).toMatch(/(tăng|giảm) [\d,]+ điểm phần trăm so với tháng 10\/2026/);
    expect(all).not.toContain('Chưa có số liệu các tháng trước');
    const { trends: reportTrends } = historyForReport(facts, { facts: archive.facts, sources: archive.sources }, catalog);
    expect(docxTextParts(bytes)).toEqual(docxTextParts(await draftReport(facts, { trends: reportTrends })));
    expect(await page.locator('#report-result .notice-info', { hasText: 'Xu hướng các tháng' }).innerText()).toContain('dùng báo cáo tổng hợp tháng 9, 10/2026');
    expect(errors).toEqual([]);
    await opened.context.close();
  });

  it('drafts from a summary already in the workbook with the picked months’ trends, and without them once Bỏ chọn is pressed', async () => {
    const opened = await openPage(harness, { seed: summarised, path: 'taskpane.html#tong-hop' });
    const { page, errors } = opened;
    await page.locator('#history').setInputFiles(archived.files.slice(0, 2));
    await page.getByText('Các tháng trước: báo cáo tổng hợp tháng 9, 10/2026 (2 tệp đã chọn).').waitFor();
    expect(await page.locator('#history-skipped').isHidden()).toBe(true);
    const facts = factsOf(summarised);
    const withHistory = await draftAndSave(page);
    const { trends } = historyForReport(facts, { facts: archive.facts, sources: archive.sources }, catalog);
    expect(docxTextParts(withHistory.bytes)).toEqual(docxTextParts(await draftReport(facts, { trends })));
    expect(docxParagraphs(withHistory.bytes).join('\n')).toContain('so với tháng 10/2026');

    await page.locator('#history-clear').click();
    await page.getByText('Không bắt buộc. Các tệp tổng hợp của những tháng trước', { exact: false }).waitFor();
    const without = await draftAndSave(page);
    expect(docxTextParts(without.bytes)).toEqual(docxTextParts(await draftReport(facts)));
    expect(await page.locator('#report-result .notice-success').innerText()).toContain('Chưa so sánh với các tháng trước');
    expect(errors).toEqual([]);
    await opened.context.close();
  });

  it('says plainly that a workbook without a da06 summary has nothing to report from, that report.js is missing from the server, and that Excel for Mac cannot save', async () => {
    const plain = await openPage(harness, { seed: { sheets: [{ name: 'Sheet1', cells: { A1: { v: 'Danh sách cán bộ' } } }] }, path: 'taskpane.html#tong-hop' });
    await plain.page.getByRole('button', { name: 'Soạn báo cáo (Word)' }).click();
    const message = plain.page.locator('.notice-error', { hasText: 'Sổ đang mở chưa có báo cáo tổng hợp da06' });
    await message.waitFor();
    expect(await message.innerText()).toContain('Bấm Tổng hợp ở trên');
    await plain.page.screenshot({ path: join(OUTPUT, 'bao-cao-khong-co-tong-hop.png'), fullPage: true });
    expect(plain.errors).toEqual([]);
    await plain.context.close();

    // A server without report.js (an incomplete copy): the pane says what to check, and tries again next time.
    const missing = await openPage(harness, { seed: summarised, path: 'taskpane.html#tong-hop' });
    await missing.page.route(REPORT_JS, (route) => route.fulfill({ status: 404, body: '' }));
    await missing.page.getByRole('button', { name: 'Soạn báo cáo (Word)' }).click();
    const failed = missing.page.locator('.notice-error', { hasText: 'Không tải được phần soạn báo cáo' });
    await failed.waitFor();
    expect(await failed.innerText()).toContain('kiểm tra tệp report.js có trên máy chủ');
    await missing.page.unroute(REPORT_JS);
    const { download } = await draftAndSave(missing.page);
    expect(download.suggestedFilename()).toBe('bao-cao-2026-11.docx');
    expect(missing.errors).toEqual([expect.stringMatching(/^console: Failed to load resource: .*404/)]);
    await missing.context.close();

    const mac = await openPage(harness, { seed: summarised, fake: { platform: 'Mac' }, path: 'taskpane.html#tong-hop' });
    await mac.page.getByRole('button', { name: 'Soạn báo cáo (Word)' }).click();
    const warning = mac.page.locator('.notice-warning', { hasText: 'Excel cho Mac và iPad chưa lưu được tệp từ phần bổ trợ' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Excel trên web');
    expect(reportRequests(mac)).toEqual([]);
    expect(mac.errors).toEqual([]);
    await mac.context.close();
  });

  it('in a Chromium cut down to what Internet Explorer 11 has, says the report cannot be drafted here and what to do instead, with no error and no report.js', async () => {
    const opened = await openPage(harness, { seed: summarised, fake: { apiVersion: '1.7' }, path: 'taskpane.html#tong-hop', isolateOffice: true, afterOfficeJs: ie11EmulationSource() });
    const { page, errors } = opened;
    // Only locators here: they run in Playwright's isolated world; page.evaluate's main-world helpers need what IE11 lacks.
    expect(Number(await page.locator('html').getAttribute('data-ie11-removed'))).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Soạn báo cáo (Word)' }).click();
    const message = page.locator('.notice-warning', { hasText: 'Excel này chưa soạn được báo cáo Word' });
    await message.waitFor();
    const text = await message.innerText();
    for (const alternative of ['da06 report', 'Excel trên web', 'Excel mới hơn']) expect(text).toContain(alternative);
    expect(text).toMatch(/Chi tiết cho cán bộ CNTT: trình duyệt thiếu .*RegExp/);
    expect(await page.locator('.notice-error').count()).toBe(0);
    await page.screenshot({ path: join(OUTPUT, 'bao-cao-ie11.png'), fullPage: true });
    expect(reportRequests(opened)).toEqual([]);
    expect(errors).toEqual([]);
    await opened.context.close();
  });
});
