// The built task pane in headless Chromium over the fake Office.js: what a unit and the secretariat
// see and do. Screenshots go to test-output/addin/.
import { join } from 'node:path';
import type { Frame, Page } from 'playwright-core';
import { HIGHLIGHT_FILLS } from '../../../addin/src/office/highlight';
import { CHART_SHEET_NAME } from '../../../addin/src/office/write-summary';
import { groupIssues, issueText, renderMessage, type Issue } from '../../../lib/issues/issue';
import { SUMMARY_SHEET_NAMES } from '../../../lib/summary/build';
import { validateWorkbook } from '../../../lib/validate/validate';
import { catalog, definition, filledReturn, period, roster, SHEETS } from '../_lib/returns';
import { MISTAKES, monthFiles } from './_lib/month';
import { seedFromXlsx } from '../fake-office/seed';
import { ie11EmulationSource } from '../_lib/ie11';
import { assertChromiumInstalled, OUTPUT, openPage, screenshotSheet, startHarness, type Harness } from './_lib/harness';
import { parsePeriod, type Period } from '../../../lib/period/period';
import { consolidateFiles } from '../../../addin/src/consolidate-flow';
import { writeSummaryXlsx } from '../../../lib/summary/xlsx';

jest.setTimeout(60_000);

assertChromiumInstalled();


/** Calls a method of the page's fake workbook (window.__fakeOffice). */
/**
 * A method of the page's fake Office; its result comes back as one JSON string: Playwright's own
 * serializer took 20–30 s over a workbook holding a province summary.
 */
async function fake<T>(page: Page, method: string, ...args: unknown[]): Promise<T> {
  const json = await page.evaluate(async ([m, a]) => {
    const office = (window as unknown as { __fakeOffice: Record<string, (...x: unknown[]) => unknown> }).__fakeOffice;
    const result = await office[m as string]?.(...(a as unknown[]));
    return result === undefined ? undefined : JSON.stringify(result);
  }, [method, args] as const);
  return (json === undefined ? undefined : JSON.parse(json)) as T;
}

describe('task pane in Chromium', () => {
  let harness: Harness;
  let bytes: Uint8Array;
  let expected: Issue[];

  beforeAll(async () => {
    harness = await startHarness();
    bytes = await filledReturn('SYT', { seed: 2, mistakes: [...MISTAKES] });
    expected = validateWorkbook(bytes, { catalog, roster }).issues;
  }, 60_000);

  afterAll(async () => {
    await harness?.close();
  });

  it('Kiểm tra on Office 2019 (ExcelApi 1.7) lists what da06 validate finds, grouped by sheet, errors first, and colours the cells', async () => {
    const { page, context, errors } = await openPage(harness, { seed: await seedFromXlsx(bytes), fake: { apiVersion: '1.7' }, path: 'taskpane.html#kiem-tra' });
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.locator('.counts').waitFor();
    await page.getByText(/^Đã kiểm tra lúc/).waitFor();

    const order = [SHEETS.cover, SHEETS.indicators, SHEETS.tasks];
    const groups = groupIssues(expected, order);
    expect(await page.locator('.group h2').allInnerTexts()).toEqual(groups.map((g) => expect.stringContaining(g.sheet ?? 'Chung')));
    const listed = await page.locator('.issue').evaluateAll((nodes) => nodes.map((n) => [n.querySelector('.badge')?.textContent, n.querySelector('.cell')?.textContent ?? '', n.querySelector('.message')?.textContent]));
    const names = { indicators: SHEETS.indicators, tasks: SHEETS.tasks };
    expect(listed).toEqual(groups.flatMap((g) => g.issues.map((i) => [i.severity === 'error' ? 'Lỗi' : 'Cảnh báo', i.cell ?? '', issueText(i, names)])));
    expect(listed.some(([, , message]) => String(message).startsWith('Chỉ tiêu PL1.'))).toBe(true);
    // Office 2019 may clear Undo when the add-in colours cells: the pane says so beside the choice.
    expect(await page.locator('#watch-undo-hint').innerText()).toContain('Hoàn tác (Ctrl+Z)');
    const errorCount = expected.filter((i) => i.severity === 'error').length;
    expect(await page.locator('.counts').innerText()).toContain(`${errorCount} lỗi`);

    for (const issue of expected.filter((i) => i.sheet && i.cell)) {
      const colour = expected.some((i) => i.sheet === issue.sheet && i.cell === issue.cell && i.severity === 'error') ? HIGHLIGHT_FILLS.error : HIGHLIGHT_FILLS.warning;
      expect([issue.cell, await fake(page, 'fillOf', issue.sheet, issue.cell)]).toEqual([issue.cell, colour]);
    }
    await page.screenshot({ path: join(OUTPUT, 'kiem-tra.png'), fullPage: true });
    await screenshotSheet(harness, page, SHEETS.tasks, 'kiem-tra-bieu-02.png', { maxRows: 22 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('clicking an issue activates its sheet and selects its cell; editing the row re-checks it', async () => {
    const { page, context, errors } = await openPage(harness, { seed: await seedFromXlsx(bytes), fake: { apiVersion: '1.14' }, path: 'taskpane.html#kiem-tra' });
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.locator('.counts').waitFor();
    const done = expected.find((i) => i.code === 'row/done-not-100') as Issue;
    const item = page.locator('.issue', { hasText: renderMessage(done) });
    const status = expected.find((i) => i.code === 'row/done-not-100' && i.key === done.key);
    expect(status).toBeDefined();
    await item.click();
    await page.getByText(`Đã chọn ô ${done.cell}`).waitFor();
    expect(await fake(page, 'selection')).toEqual({ sheet: SHEETS.tasks, address: done.cell });
    expect(await fake(page, 'activeSheet')).toBe(SHEETS.tasks);
    await screenshotSheet(harness, page, SHEETS.tasks, 'chon-o-loi.png', { maxRows: 22 });

    await fake(page, 'userEdit', SHEETS.tasks, done.cell, [[100]]);
    await page.getByText(/^Đã kiểm tra lại 1 dòng vừa sửa/).waitFor();
    expect(await item.count()).toBe(0);
    expect(await fake(page, 'fillOf', SHEETS.tasks, done.cell)).toBe('#FFF2CC');
    expect(await page.locator('.counts').innerText()).toContain(`${expected.filter((i) => i.severity === 'error').length - 1} lỗi`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('on Office 2019 (ExcelApi 1.7), an edit made right after a check is re-checked, not taken for the add-in\'s own write', async () => {
    const { page, context, errors } = await openPage(harness, { seed: await seedFromXlsx(bytes), fake: { apiVersion: '1.7' }, path: 'taskpane.html#kiem-tra' });
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText(/^Đã kiểm tra lúc/).waitFor();
    const done = expected.find((i) => i.code === 'row/done-not-100') as Issue;
    // At once, inside the time in which changes on 1.7 may be the add-in's own colouring.
    await fake(page, 'userEdit', SHEETS.tasks, done.cell, [[100]]);
    await page.getByText(/^Đã kiểm tra lại 1 dòng vừa sửa/).waitFor();
    expect(await page.locator('.issue', { hasText: renderMessage(done) }).count()).toBe(0);
    expect(await fake(page, 'fillOf', SHEETS.tasks, done.cell)).toBe('#FFF2CC');
    // The status beside it was coloured too (they contradicted each other): it gets its own fill back as well.
    const row = (done.cell as string).replace(/^[A-Z]+/, '');
    const tasks = (await fake<{ sheets: Array<{ name: string; cells: Record<string, { fill?: string }> }> }>(page, 'exportSeed')).sheets.find((s) => s.name === SHEETS.tasks);
    const coloured = Object.entries(tasks?.cells ?? {}).filter(([address, c]) => address.replace(/^[A-Z]+/, '') === row && c.fill === HIGHLIGHT_FILLS.error);
    expect(coloured).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('a re-check that lands while the user types in the next cell waits, shows no error, and runs once the cell is entered', async () => {
    // The hard case: a build that ignores delayForCellEdit and fails the batch.
    const { page, context, errors } = await openPage(harness, { seed: await seedFromXlsx(bytes), fake: { apiVersion: '1.14', honoursDelayForCellEdit: false }, path: 'taskpane.html#kiem-tra' });
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText(/^Đã kiểm tra lúc/).waitFor();
    const done = expected.find((i) => i.code === 'row/done-not-100') as Issue;
    await fake(page, 'userEdit', SHEETS.tasks, done.cell, [[100]]);
    const results = String.fromCharCode(66 + definition.tasks.columns.findIndex((c) => c.id === 'results')); // data columns start at B
    await fake(page, 'beginCellEdit', SHEETS.tasks, `${results}${(done.cell as string).replace(/^[A-Z]+/, '')}`); // the next cell, before the re-check runs
    await page.getByText('Sẽ kiểm tra lại khi bạn nhập xong ô đang sửa…').waitFor();
    expect(await page.locator('.notice-error').count()).toBe(0);
    await fake(page, 'commitCellEdit', 'Đã ban hành kế hoạch');
    await page.getByText(/^Đã kiểm tra lại \d+ dòng vừa sửa/).waitFor();
    expect(await page.locator('.issue', { hasText: renderMessage(done) }).count()).toBe(0);
    expect(await page.locator('.notice-error').count()).toBe(0);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("Xóa đánh dấu, in the pane and as the ribbon's function command, gives every cell its own fill back", async () => {
    const seed = await seedFromXlsx(bytes);
    const located = expected.filter((i) => i.sheet && i.cell) as Array<Issue & { sheet: string; cell: string }>;
    const { page, context, errors } = await openPage(harness, { seed, path: 'taskpane.html#kiem-tra' });
    const own = await Promise.all(located.map((i) => fake(page, 'fillOf', i.sheet, i.cell)));
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.locator('.counts').waitFor();
    await page.getByText(/^Đã kiểm tra lúc/).waitFor();
    await page.getByRole('button', { name: 'Xóa đánh dấu' }).click();
    await page.getByText(/^Đã bỏ tô màu \d+ ô/).waitFor();
    expect(await Promise.all(located.map((i) => fake(page, 'fillOf', i.sheet, i.cell)))).toEqual(own);

    // Colour again, then hand the workbook to the ribbon's command page (another runtime).
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText(/^Đã kiểm tra lúc/).waitFor();
    const marked = await fake(page, 'exportSeed');
    const command = await openPage(harness, { seed: marked as typeof seed, path: 'commands.html' });
    expect(await Promise.all(located.map((i) => fake(command.page, 'fillOf', i.sheet, i.cell)))).not.toEqual(own);
    const completed = await command.page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const run = (window as unknown as { clearHighlights: (event: { completed: () => void }) => void }).clearHighlights;
          run({ completed: () => resolve(true) });
        }),
    );
    expect(completed).toBe(true);
    expect(await Promise.all(located.map((i) => fake(command.page, 'fillOf', i.sheet, i.cell)))).toEqual(own);
    expect([...errors, ...command.errors]).toEqual([]);
    await command.context.close();
    await context.close();
  });

  it('checks a workbook in a Chromium cut down to what Internet Explorer 11 has (volume-licensed Office 2019)', async () => {
    const { page, context, errors } = await openPage(harness, { seed: await seedFromXlsx(bytes), fake: { apiVersion: '1.7' }, path: 'taskpane.html#kiem-tra', isolateOffice: true, afterOfficeJs: ie11EmulationSource() });
    // Only locators here: they run in Playwright's isolated world; page.evaluate's main-world helpers need what IE11 lacks.
    expect(Number(await page.locator('html').getAttribute('data-ie11-removed'))).toBeGreaterThan(100);
    await page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await page.getByText(/^Đã kiểm tra lúc/).waitFor();
    const messages = page.locator('.issue .message');
    const listed = await Promise.all(Array.from({ length: await messages.count() }, (_, i) => messages.nth(i).innerText()));
    expect(listed.sort()).toEqual(expected.map((i) => issueText(i, { indicators: SHEETS.indicators, tasks: SHEETS.tasks })).sort());
    expect(await page.locator('#tab-validate').getAttribute('class')).toBe('active');
    await page.screenshot({ path: join(OUTPUT, 'kiem-tra-ie11.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it('Tổng hợp of .xlsx and .eml files with an earlier month’s summary for the Xu hướng sheet, and Hủy, in a Chromium cut down to what Internet Explorer 11 has', async () => {
    const files = await monthFiles();
    const october = parsePeriod('2026-10') as Period;
    const last = await consolidateFiles([{ name: 'CAT-10.xlsx', arrayBuffer: async () => (await filledReturn('CAT', { period: october, reportDate: '2026-11-05' })).slice().buffer }], { period: october, now: new Date('2026-11-11T10:00:00+07:00') });
    const earlier = { name: 'tong-hop-2026-10.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await writeSummaryXlsx(last.model, { generatedAt: new Date('2026-11-11T03:00:00Z') })) };
    const { page, context, errors } = await openPage(harness, { seed: { sheets: [{ name: 'Sheet1', cells: {} }] }, fake: { apiVersion: '1.7' }, path: 'taskpane.html#tong-hop', isolateOffice: true, afterOfficeJs: ie11EmulationSource() });
    await page.locator('#files').setInputFiles(files);
    await page.getByText(`Đã chọn ${files.length} tệp: ${files.length - 1} tệp Excel, 1 thư điện tử .eml.`).waitFor();
    // The receipts log through the pane's own UTF-8 decoder (IE11 has no TextDecoder).
    await page.locator('#receipts').setInputFiles({ name: 'sổ tiếp nhận.csv', mimeType: 'text/csv', buffer: Buffer.from('tệp,thời điểm nhận\n2026-11_CAT_cong-an-tinh.xlsx,05/12/2026 10:00\n', 'utf8') });
    await page.getByText('Sổ tiếp nhận "sổ tiếp nhận.csv": thời điểm nhận của 1 tệp.').waitFor();
    // The history of months (buildHistory, the projections) runs in the ES5 build too.
    await page.locator('#history').setInputFiles(earlier);
    await page.getByText('Các tháng trước: báo cáo tổng hợp tháng 10/2026 (1 tệp đã chọn).').waitFor();
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.locator('.notice-success', { hasText: 'Đã tổng hợp kỳ tháng 11 năm 2026' }).waitFor({ timeout: 45_000 });
    expect(await page.locator('ul.headline li').first().innerText()).toMatch(/^Đơn vị phải báo cáo: \d+; đã gửi 5 /);
    expect(await page.locator('ul.headline li').nth(1).innerText()).toBe('Thời điểm nhận: 1 đơn vị theo thư điện tử, 1 theo sổ tiếp nhận, 3 theo ngày ghi trong biểu.');
    // The fake's own realm (the iframe) is untouched: ask it what was written.
    const office = page.frames()[1] as Frame;
    const sheets = await office.evaluate(() => (window as unknown as { __fakeOffice: { exportSeed(): { sheets: Array<{ name: string }> } } }).__fakeOffice.exportSeed().sheets.map((x) => x.name));
    expect(sheets).toEqual(['Sheet1', SUMMARY_SHEET_NAMES.overview, CHART_SHEET_NAME, SUMMARY_SHEET_NAMES.trends, ...Object.values(SUMMARY_SHEET_NAMES).slice(1).filter((n) => n !== SUMMARY_SHEET_NAMES.trends), '_da06_tonghop']);
    expect(await page.locator('.notice-info', { hasText: 'Xu hướng các tháng' }).innerText()).toContain('Lịch sử các tháng (các tệp đã chọn): dùng báo cáo tổng hợp tháng 10/2026; chưa có tháng 7, 8, 9/2026');
    await page.screenshot({ path: join(OUTPUT, 'tong-hop-ie11.png'), fullPage: true });

    const many = Array.from({ length: 60 }, (_, i) => ({ ...(files[1] as (typeof files)[number]), name: `ban-sao-${i + 1}.xlsx` }));
    await page.locator('#files').setInputFiles(many);
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.getByText(/^Đã đọc và kiểm tra tệp \d+\/\d+: ban-sao-/).waitFor();
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByText('Đã hủy tổng hợp').waitFor();
    expect(errors).toEqual([]);
    await context.close();
  });

  it('says so, with the alternatives, when the browser of this Excel is older than Internet Explorer 11', async () => {
    const { page, context } = await openPage(harness, { seed: { sheets: [] }, path: 'taskpane.html#kiem-tra', afterOfficeJs: 'delete window.FileReader;' });
    const message = page.locator('.notice-error', { hasText: 'Excel này dùng trình duyệt quá cũ' });
    await message.waitFor();
    expect(await message.innerText()).toContain('da06 validate');
    expect(await message.innerText()).toContain('Excel trên web');
    expect(await page.getByRole('button', { name: 'Kiểm tra', exact: true }).count()).toBe(0);
    await context.close();
  });

  it('says so, with the alternatives and the error for the IT officer, when the pane cannot start in this browser', async () => {
    const broken = "Object.defineProperty(String.prototype, 'normalize', { get: function () { throw new Error('normalize bị chặn'); }, configurable: true });";
    const { page, context, errors } = await openPage(harness, { seed: { sheets: [] }, path: 'taskpane.html#kiem-tra', afterOfficeJs: broken });
    const message = page.locator('.notice-error', { hasText: 'Phần bổ trợ không khởi động được trên Excel này' });
    await message.waitFor();
    expect(await message.innerText()).toContain('Thay thế: kiểm tra tệp bằng lệnh da06 validate');
    expect(await message.innerText()).toContain('Chi tiết cho cán bộ CNTT: Uncaught Error: normalize bị chặn');
    expect(errors).toEqual(['page error: normalize bị chặn']);
    await page.screenshot({ path: join(OUTPUT, 'khong-khoi-dong-duoc.png'), fullPage: true });
    await context.close();
  });

  it("says plainly when the workbook is not a da06 template, and when it is last month's", async () => {
    const plain = await openPage(harness, { seed: { sheets: [{ name: 'Sheet1', cells: { A1: { v: 'Danh sách cán bộ' } } }] }, fake: { apiVersion: '1.20' }, path: 'taskpane.html#kiem-tra' });
    expect(await plain.page.locator('#watch-undo-hint').count()).toBe(0); // this Excel keeps Undo: no warning
    await plain.page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    await plain.page.getByText('Sổ đang mở không phải biểu mẫu báo cáo Đề án 06').waitFor();
    expect(await plain.page.locator('.issue').count()).toBe(0);
    await plain.page.screenshot({ path: join(OUTPUT, 'khong-phai-bieu-mau.png'), fullPage: true });
    expect(plain.errors).toEqual([]);
    await plain.context.close();

    const october = await filledReturn('CAT', { period: parsePeriod('2026-10') as Period, reportDate: '2026-11-05' });
    const old = await openPage(harness, { seed: await seedFromXlsx(october), path: 'taskpane.html#kiem-tra' });
    await old.page.getByRole('button', { name: 'Kiểm tra', exact: true }).click();
    const warning = old.page.locator('.notice-warning', { hasText: 'Đây là biểu mẫu kỳ Tháng 10 năm 2026' });
    await warning.waitFor();
    expect(await warning.innerText()).toContain('Kỳ đang báo cáo là Tháng 11 năm 2026');
    await old.page.screenshot({ path: join(OUTPUT, 'bieu-mau-thang-truoc.png'), fullPage: true });
    expect(old.errors).toEqual([]);
    await old.context.close();
  });

  it('Tổng hợp reads the returned .xlsx and .eml files, writes the summary sheets and native charts into the open workbook', async () => {
    const files = await monthFiles();
    const { page, context, errors } = await openPage(harness, { seed: { sheets: [{ name: 'Sheet1', cells: {} }] }, fake: { apiVersion: '1.17', platform: 'OfficeOnline' }, path: 'taskpane.html#tong-hop' });
    await page.locator('#view-consolidate').waitFor();
    expect(await page.locator('#period-month').inputValue()).toBe(String(period.month));
    await page.locator('#files').setInputFiles(files);
    await page.getByText(`Đã chọn ${files.length} tệp: ${files.length - 1} tệp Excel, 1 thư điện tử .eml.`).waitFor();
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    const result = page.locator('.notice-success', { hasText: 'Đã tổng hợp kỳ tháng 11 năm 2026' });
    await result.waitFor({ timeout: 45_000 });
    expect(await page.locator('#progress-box').isHidden()).toBe(true);

    const sheets = (await fake<{ sheets: Array<{ name: string; visibility: string; charts?: Array<{ chartType: string; title: string }> }> }>(page, 'exportSeed')).sheets;
    expect(sheets.map((s) => s.name)).toEqual(['Sheet1', SUMMARY_SHEET_NAMES.overview, CHART_SHEET_NAME, ...Object.values(SUMMARY_SHEET_NAMES).slice(1).filter((n) => n !== SUMMARY_SHEET_NAMES.trends), '_da06_tonghop']);
    const charts = sheets.find((s) => s.name === CHART_SHEET_NAME)?.charts ?? [];
    expect(charts.map((c) => c.chartType)).toEqual(['ColumnClustered', 'BarClustered', 'Pie']);
    const intake = sheets.find((s) => s.name === SUMMARY_SHEET_NAMES.intake) as unknown as { cells: Record<string, { v?: unknown }> };
    const logged = Object.values(intake.cells).map((c) => String(c.v ?? ''));
    expect(logged.some((v) => v.includes('bao-cao-so-tai-chinh.eml › 2026-11_STC.xlsx'))).toBe(true);
    expect(await page.locator('ul.headline li').first().innerText()).toMatch(/^Đơn vị phải báo cáo: \d+; đã gửi 5 /);

    // Again, over the summary just written (its stamp sheet is VeryHidden, which Excel will not delete as such).
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.locator('.notice-success', { hasText: 'Các trang cùng tên của lần tổng hợp trước đã được thay.' }).waitFor({ timeout: 45_000 });
    const again = (await fake<{ sheets: Array<{ name: string; visibility: string }> }>(page, 'exportSeed')).sheets;
    expect(again.map((s) => [s.name, s.visibility])).toEqual(sheets.map((s) => [s.name, s.visibility]));

    await page.screenshot({ path: join(OUTPUT, 'tong-hop.png'), fullPage: true });
    await screenshotSheet(harness, page, SUMMARY_SHEET_NAMES.overview, 'tong-hop-tong-quan.png', { maxRows: 24, maxCols: 4, width: 900 });
    await screenshotSheet(harness, page, CHART_SHEET_NAME, 'tong-hop-bieu-do.png', { maxRows: 30, maxCols: 3, width: 1300 });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("Tổng hợp with a receipts log and last month's summary: says where units' receipt times came from and fills the Kỳ trước column; refuses a file that is no summary before starting", async () => {
    const october = parsePeriod('2026-10') as Period;
    const octoberReturns = await Promise.all(['CAT', 'SYT'].map(async (code, i) => ({ name: `${code}-10.xlsx`, arrayBuffer: async () => (await filledReturn(code, { period: october, reportDate: '2026-11-05', seed: 20 + i })).slice().buffer })));
    const last = await consolidateFiles(octoberReturns, { period: october, now: new Date('2026-11-11T10:00:00+07:00') });
    const lastValues = new Map<string, unknown>(last.consolidation.indicators.filter((i) => i.value !== null && i.value !== '').map((i) => [i.key, i.value]));
    expect(lastValues.size).toBeGreaterThan(3);
    const previous = { name: 'tong-hop-2026-10.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: Buffer.from(await writeSummaryXlsx(last.model, { generatedAt: new Date('2026-11-11T03:00:00Z') })) };
    const receipts = { name: 'so-tiep-nhan.csv', mimeType: 'text/csv', buffer: Buffer.from('tệp;thời điểm nhận\r\n2026-11_CAT_cong-an-tinh.xlsx;05/12/2026 10:00\r\n2026-11_SYT_so-y-te.xlsx;11/12/2026 08:00\r\n2026-11_STP.xlsx;hôm qua\r\n', 'utf8') };
    const files = await monthFiles();
    const { page, context, errors } = await openPage(harness, { seed: { sheets: [{ name: 'Sheet1', cells: {} }] }, fake: { apiVersion: '1.17' }, path: 'taskpane.html#tong-hop' });
    await page.locator('#files').setInputFiles(files);
    await page.locator('#receipts').setInputFiles(receipts);
    await page.getByText('Sổ tiếp nhận "so-tiep-nhan.csv": thời điểm nhận của 2 tệp. Bỏ qua 1 dòng không đọc được:').waitFor();
    expect(await page.locator('#receipts-problems li').allInnerTexts()).toEqual(['Dòng 4: thời điểm "hôm qua" không hợp lệ.']);

    // A return picked as last month's summary: its reason, and nothing is read or written.
    await page.locator('#previous').setInputFiles(files[0] as (typeof files)[number]);
    await page.getByText('Không dùng được báo cáo kỳ trước "2026-11_CAT_cong-an-tinh.xlsx": tệp không phải báo cáo tổng hợp do da06 tạo.').waitFor();
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.locator('.notice-error', { hasText: 'Chưa tổng hợp' }).waitFor();
    expect((await fake<{ sheets: Array<{ name: string }> }>(page, 'exportSeed')).sheets.map((s) => s.name)).toEqual(['Sheet1']);
    await page.locator('#previous-clear').click();
    await page.getByText('Không bắt buộc. Tệp tổng hợp của tháng trước do da06 tạo', { exact: false }).waitFor();
    expect(await page.locator('#previous-clear').isHidden()).toBe(true);

    await page.locator('#previous').setInputFiles(previous);
    await page.getByText('Kỳ trước: báo cáo tổng hợp tháng 10 năm 2026 ("tong-hop-2026-10.xlsx").').waitFor();
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.locator('.notice-success', { hasText: 'Đã tổng hợp kỳ tháng 11 năm 2026' }).waitFor({ timeout: 45_000 });
    // CAT and SYT by the log, STC by its e-mail, the two communes by the report date typed in the form.
    expect(await page.locator('ul.headline li').allInnerTexts()).toContain('Thời điểm nhận: 1 đơn vị theo thư điện tử, 2 theo sổ tiếp nhận, 2 theo ngày ghi trong biểu.');
    await page.locator('.notice-warning', { hasText: 'Sổ tiếp nhận: bỏ qua 1 dòng không đọc được' }).waitFor();

    const sheets = (await fake<{ sheets: Array<{ name: string; cells: Record<string, { v?: unknown }> }> }>(page, 'exportSeed')).sheets;
    const indicators = sheets.find((s) => s.name === SUMMARY_SHEET_NAMES.indicators)?.cells ?? {};
    const column = Object.entries(indicators).find(([address, c]) => /^[A-Z]+3$/.test(address) && c.v === 'Kỳ trước')?.[0].replace('3', '') as string;
    expect(column).toBeDefined();
    const shown = new Map(
      Object.entries(indicators)
        .filter(([address, c]) => /^A\d+$/.test(address) && Number(address.slice(1)) > 3 && typeof c.v === 'string')
        .map(([address, c]): [string, unknown] => [c.v as string, indicators[`${column}${address.slice(1)}`]?.v])
        .filter(([, v]) => v !== undefined && v !== ''),
    );
    expect(shown).toEqual(lastValues);
    await page.screenshot({ path: join(OUTPUT, 'tong-hop-so-tiep-nhan-ky-truoc.png'), fullPage: true });
    expect(errors).toEqual([]);
    await context.close();
  });

  it("the ribbon's Xóa đánh dấu says in a dialog why it could not clear, and the dialog's button closes it", async () => {
    const command = await openPage(harness, { seed: { sheets: [{ name: 'Biểu', cells: { B2: { v: 150, fill: '#FF9B9B' } } }] }, fake: { apiVersion: '1.4' }, path: 'commands.html' });
    const finished = command.page.evaluate(
      () =>
        new Promise<boolean>((resolve) => {
          const run = (window as unknown as { clearHighlights: (event: { completed: () => void }) => void }).clearHighlights;
          run({ completed: () => resolve(true) });
        }),
    );
    await command.page.waitForFunction(() => (window as unknown as { __fakeOffice: { dialogs: unknown[] } }).__fakeOffice.dialogs.length === 1);
    const url = await command.page.evaluate(() => (window as unknown as { __fakeOffice: { dialogs: Array<{ url: string }> } }).__fakeOffice.dialogs[0]?.url ?? '');
    const path = url.slice(url.indexOf('commands.html'));
    const dialog = await openPage(harness, { seed: { sheets: [{ name: 'Sheet1', cells: {} }] }, path, viewport: { width: 480, height: 320 } });
    await dialog.page.getByText('Không xóa được đánh dấu').waitFor();
    expect(await dialog.page.locator('.notice').innerText()).toContain('phiên bản Excel này chưa hỗ trợ thao tác cần dùng');
    await dialog.page.screenshot({ path: join(OUTPUT, 'xoa-danh-dau-loi.png'), fullPage: true });
    await dialog.page.getByRole('button', { name: 'Đóng' }).click();
    expect(await dialog.page.evaluate(() => (window as unknown as { __fakeOffice: { parentMessages: string[] } }).__fakeOffice.parentMessages)).toEqual(['dong']);
    // Office hands the message to the command's page, which closes the dialog and completes.
    await command.page.evaluate(() => (window as unknown as { __fakeOffice: { messageFromDialog: (m: string) => void } }).__fakeOffice.messageFromDialog('dong'));
    expect(await finished).toBe(true);
    expect([...command.errors, ...dialog.errors]).toEqual([]);
    await dialog.context.close();
    await command.context.close();
  });

  it('Hủy stops a consolidation under way and leaves the workbook as it was', async () => {
    const file = Buffer.from(bytes);
    const files = Array.from({ length: 120 }, (_, i) => ({ name: `ban-sao-${i + 1}.xlsx`, mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: file }));
    const { page, context, errors } = await openPage(harness, { seed: { sheets: [{ name: 'Sheet1', cells: { A1: { v: 'giữ nguyên' } } }] }, path: 'taskpane.html#tong-hop' });
    await page.locator('#files').setInputFiles(files);
    await page.getByRole('button', { name: 'Tổng hợp', exact: true }).click();
    await page.locator('#progress-box').waitFor();
    await page.getByText(/^Đã đọc và kiểm tra tệp \d+\/120: ban-sao-/).waitFor();
    await page.screenshot({ path: join(OUTPUT, 'tong-hop-dang-chay.png'), fullPage: true });
    await page.getByRole('button', { name: 'Hủy' }).click();
    await page.getByText('Đã hủy tổng hợp').waitFor();
    const sheets = (await fake<{ sheets: Array<{ name: string }> }>(page, 'exportSeed')).sheets;
    expect(sheets.map((s) => s.name)).toEqual(['Sheet1']);
    expect(await page.getByRole('button', { name: 'Hủy' }).isHidden()).toBe(true);
    expect(errors).toEqual([]);
    await context.close();
  });
});


