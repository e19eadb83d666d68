import ExcelJS from 'exceljs';
import { validateWorkbook } from '../../../lib/validate/validate';
import { checkOpenWorkbook, recheckEdits } from '../../../addin/src/check/check-workbook';
import { readOpenWorkbook } from '../../../addin/src/office/read';
import { catalog, definition, filledReturn, openInFakeExcel, roster, SHEETS } from '../_lib/returns';
import { excelRun } from '../_lib/excel';
import { FakeExcel } from '../fake-office/office';
import { uninstallFakeOffice } from '../fake-office/office';
import type { Issue } from '../../../lib/issues/issue';
import { checkSubmission } from '../../../lib/validate/check';
import { templateXlsx } from '../../_lib/template-fixture';

const ctx = { catalog, roster };
/** Column A holds the keys; the form's columns follow. */
const LAST_TASK_COLUMN = String.fromCharCode(65 + definition.tasks.columns.length);
const flat = (issues: readonly Issue[]) => issues.map((i) => [i.sheet ?? '', i.cell ?? '', i.code, i.severity, JSON.stringify(i.params)]);

afterEach(() => uninstallFakeOffice());

describe('checkOpenWorkbook', () => {
  it('finds exactly the issues da06 validate finds in the same file, in the same order', async () => {
    const bytes = await filledReturn('SYT', { seed: 2, mistakes: ['percentOver100', 'doneAt40', 'missingRequired', 'textStartingWithEquals', 'percentAsText'] });
    const expected = validateWorkbook(bytes, ctx);
    expect(expected.errors).toBeGreaterThanOrEqual(3);
    await openInFakeExcel(bytes);
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(flat(check.issues)).toEqual(flat(expected.issues));
    expect([check.errors, check.warnings]).toEqual([expected.errors, expected.warnings]);
    expect(check.sheetOrder).toEqual([SHEETS.cover, SHEETS.indicators, SHEETS.tasks]);
  });

  it('agrees with da06 validate on a clean return of a commune', async () => {
    const code = roster.units.find((u) => u.kind === 'commune')?.code as string;
    const bytes = await filledReturn(code, { seed: 5 });
    await openInFakeExcel(bytes);
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(flat(check.issues)).toEqual(flat(validateWorkbook(bytes, ctx).issues));
    expect(check.errors).toBe(0);
  });

  it('reads and watches a commune form without Biểu 01 as its cover and Biểu 02, nothing else', async () => {
    const code = roster.units.find((u) => u.kind === 'commune')?.code as string;
    const fake = await openInFakeExcel(await filledReturn(code, { seed: 5 }));
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(check.sheetOrder).toEqual([SHEETS.cover, SHEETS.tasks]);
    expect(check.submission?.indicators).toEqual([]);
    expect(fake.reads.map((r) => r.slice(0, r.lastIndexOf('!')))).toEqual(['_da06', SHEETS.cover, SHEETS.tasks]);
  });

  it('reads the identity sheet first, then only the sheets it names, one request per pass', async () => {
    const fake = await openInFakeExcel(await filledReturn('CAT'));
    await excelRun((context) => checkOpenWorkbook(context, ctx));
    const sheetsRead = fake.reads.map((r) => r.slice(0, r.lastIndexOf('!')));
    expect(sheetsRead).toEqual(['_da06', SHEETS.cover, SHEETS.indicators, SHEETS.tasks]);
    // Sheet list, sheet sizes, identity, data sheets, fonts of text inputs: five requests for a template.
    expect(fake.requests).toHaveLength(5);
  });

  it('says workbook/not-template for a workbook that is not a da06 template, reading nothing else', async () => {
    const fake = new FakeExcel({ sheets: [{ name: 'Sheet1', cells: { A1: { v: 'Báo cáo' } } }, { name: 'Ẩn', visibility: 'Hidden', cells: { A1: { v: 'x' } } }] });
    fake.install();
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(check.issues.map((i) => i.code)).toEqual(['workbook/not-template']);
    expect(check.submission).toBeUndefined();
    expect(fake.reads.map((r) => r.split('!')[0])).toEqual(['Ẩn']);
  });

  it('finds a renamed data sheet by its row keys, as the file reader does', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await filledReturn('CAT')) as unknown as ExcelJS.Buffer);
    (workbook.getWorksheet(SHEETS.tasks) as ExcelJS.Worksheet).name = 'Nhiệm vụ tháng 11';
    const bytes = new Uint8Array((await workbook.xlsx.writeBuffer()) as ArrayBuffer);
    await openInFakeExcel(bytes);
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(check.issues.map((i) => i.code)).toContain('sheet/renamed');
    expect(flat(check.issues)).toEqual(flat(validateWorkbook(bytes, ctx).issues));
  });

  it('reads text typed in a legacy TCVN3 font and reports cell/legacy-font, like the file reader', async () => {
    const fake = await openInFakeExcel(await filledReturn('CAT'));
    const cell = fake.cell(SHEETS.cover, 'D22');
    expect(typeof cell?.value).toBe('string');
    (cell as NonNullable<typeof cell>).font = { name: '.VnTime' };
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(check.issues.filter((i) => i.code === 'cell/legacy-font').map((i) => i.cell)).toEqual(['D22']);
  });

  it('keeps text that starts with "=" as text: it is not a formula in an input cell', async () => {
    const fake = await openInFakeExcel(await filledReturn('SYT', { mistakes: ['textStartingWithEquals'] }));
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(check.issues.map((i) => i.code)).not.toContain('cell/formula-in-input');
    const equals = [...fake.sheet(SHEETS.tasks).cells.values()].filter((c) => typeof c.value === 'string' && c.value.startsWith('='));
    expect(equals.length).toBeGreaterThan(0);
  });

  it('marks a macro-enabled workbook and formulas linking to other files, as the file reader does', async () => {
    const fake = await openInFakeExcel(await filledReturn('CAT'), { documentUrl: 'https://contoso.sharepoint.com/bao-cao.xlsm' });
    const cover = fake.cell(SHEETS.cover, 'D22');
    Object.assign(cover as object, { formula: "='C:\\Tai lieu\\[cu.xlsx]Sheet1'!A1", value: 'Đánh giá' });
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx, { documentUrl: fake.documentUrl }));
    expect(check.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['file/macros-ignored', 'workbook/external-links', 'cell/formula-in-input']));
  });
});

describe('reading under the 5 MB response cap of Excel on the web', () => {
  /** A template whose task sheet holds a block pasted beside the table: `rows` × 10 cells of `text`. */
  async function withPaste(rows: number, text: (r: number, c: number) => string, options: ConstructorParameters<typeof FakeExcel>[1] = {}): Promise<FakeExcel> {
    const fake = await openInFakeExcel(await filledReturn('CAT'), { platform: 'OfficeOnline', ...options });
    const sheet = fake.sheet(SHEETS.tasks);
    for (let r = 0; r < rows; r += 1) for (let c = 0; c < 10; c += 1) sheet.cells.set(`${200 + r},${20 + c}`, { value: text(r, c) });
    return fake;
  }
  const pasted = (r: number, c: number) => `Ghi chú dán thêm số ${r}-${c}: khó khăn về kinh phí, nhân lực và hạ tầng.`;

  it('reads a sheet larger than one response in several requests, none over 5 MB, finding what a single read finds', async () => {
    const capped = await withPaste(2500, pasted);
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(Math.max(...capped.responses)).toBeLessThan(5 * 1024 * 1024);
    expect(capped.responses.reduce((a, b) => a + b, 0)).toBeGreaterThan(5 * 1024 * 1024);
    expect(capped.reads.filter((r) => r.startsWith(SHEETS.tasks)).length).toBeGreaterThan(1);
    uninstallFakeOffice();
    await withPaste(2500, pasted, { maxResponseBytes: Number.POSITIVE_INFINITY });
    const whole = await excelRun((context) => checkOpenWorkbook(context, ctx, { maxCellsPerRead: 10_000_000 }));
    expect(flat(check.issues)).toEqual(flat(whole.issues));
    expect(check.workbook.readSheet(SHEETS.tasks).rows.get(2699)?.get(29)?.value).toBe(pasted(2499, 9));
  }, 60_000);

  it('splits a request Excel still refuses (long texts) and asks again, until every part fits', async () => {
    const long = (r: number, c: number) => `${r}-${c} ${'Nội dung rất dài do đơn vị dán vào. '.repeat(120)}`;
    const fake = await withPaste(300, long);
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(fake.responses.filter((b) => b > 5 * 1024 * 1024).length).toBeGreaterThan(0); // refused, then asked in halves
    expect(check.workbook.readSheet(SHEETS.tasks).rows.get(499)?.get(29)?.value).toBe(long(299, 9));
    expect(check.issues.filter((i) => i.code === 'row/extra')).toHaveLength(300);
  }, 60_000);
});

describe('recheckEdits', () => {
  it('re-reads only the edited rows, in one request, and the issue fixed there disappears', async () => {
    const fake = await openInFakeExcel(await filledReturn('SYT', { seed: 2, mistakes: ['doneAt40'] }));
    const first = await excelRun((context) => checkOpenWorkbook(context, ctx));
    const issue = first.issues.find((i) => i.code === 'row/done-not-100') as Issue;
    expect(issue.sheet).toBe(SHEETS.tasks);
    fake.userEdit(SHEETS.tasks, issue.cell as string, [[100]]);
    const requests = fake.requests.length;
    const reads = fake.reads.length;
    const second = await excelRun((context) => recheckEdits(context, first, [{ sheet: SHEETS.tasks, address: issue.cell as string, structural: false }], ctx));
    expect(second.issues.map((i) => i.code)).not.toContain('row/done-not-100');
    expect(fake.requests.length - requests).toBe(1);
    const row = (issue.cell as string).replace(/^[A-Z]+/, '');
    expect(fake.reads.slice(reads)).toEqual([`${SHEETS.tasks}!A${row}:${LAST_TASK_COLUMN}${row}`]);
  });

  it('says nothing changed when the re-read rows hold what they held (the change was a fill, maybe the add-in\'s own)', async () => {
    const fake = await openInFakeExcel(await filledReturn('SYT', { seed: 2, mistakes: ['doneAt40'] }));
    const first = await excelRun((context) => checkOpenWorkbook(context, ctx));
    const issue = first.issues.find((i) => i.code === 'row/done-not-100') as Issue;
    const same = await excelRun((context) => recheckEdits(context, first, [{ sheet: SHEETS.tasks, address: issue.cell as string, structural: false }], ctx));
    expect(same.changedCells).toBe(0);
    expect(same.issues).toBe(first.issues);
    fake.userEdit(SHEETS.tasks, issue.cell as string, [['100']]);
    const typed = await excelRun((context) => recheckEdits(context, first, [{ sheet: SHEETS.tasks, address: issue.cell as string, structural: false }], ctx));
    expect(typed.changedCells).toBe(1);
  });

  it('re-reads the whole sheet after rows are inserted or deleted', async () => {
    const fake = await openInFakeExcel(await filledReturn('CAT'));
    const first = await excelRun((context) => checkOpenWorkbook(context, ctx));
    const reads = fake.reads.length;
    await excelRun((context) => recheckEdits(context, first, [{ sheet: SHEETS.tasks, address: '9:9', structural: true }], ctx));
    expect(fake.reads.slice(reads)).toEqual([expect.stringMatching(new RegExp(`^${SHEETS.tasks}!A1:${LAST_TASK_COLUMN}\\d+$`))]);
  });
});

describe('readOpenWorkbook', () => {
  it('gives lib the sheet list with visibility and cells with formulas, dates and NFC text', async () => {
    const fake = await openInFakeExcel(await filledReturn('CAT'));
    fake.cell(SHEETS.cover, 'D17')!.value = 'Nguyê\u0303n Văn An'; // NFD, as some Vietnamese keyboards type it
    const workbook = await excelRun((context) => readOpenWorkbook(context));
    expect(workbook.sheets.map((s) => [s.name, s.state])).toEqual([
      [SHEETS.cover, 'visible'],
      [SHEETS.indicators, 'visible'],
      [SHEETS.tasks, 'visible'],
      ['_danh_sach', 'hidden'],
      ['_da06', 'veryHidden'],
    ]);
    const cover = workbook.readSheet(SHEETS.cover);
    expect(cover.rows.get(17)?.get(4)?.value).toBe('Nguyễn Văn An');
    const date = cover.rows.get(21)?.get(4);
    expect(date).toMatchObject({ address: 'D21', isDate: true });
    expect(typeof date?.value).toBe('number');
    const assessment = [...workbook.readSheet(SHEETS.indicators).rows.values()].map((r) => r.get(9)).find((c) => c?.formula);
    expect(assessment?.formula).toMatch(/^IF\(/);
    expect(() => workbook.readSheet('_danh_sach')).toThrow(/not loaded/);
  });
});

describe('percents and line breaks as the user typed them (issue 16)', () => {
  it('reads "85,5%" typed (vi-VN Excel) into a result and "50%" into a progress as 85,5 and 50, line breaks kept', async () => {
    const fake = await openInFakeExcel(await filledReturn('NHNN'));
    const first = await excelRun((context) => checkOpenWorkbook(context, ctx));
    const submission = first.submission as NonNullable<typeof first.submission>;
    const result = submission.indicators.find((r) => r.key === 'PL1.II.3')?.fields.result?.address as string;
    const task = submission.tasks[0] as (typeof submission.tasks)[number];
    const [progress, results] = [task.fields.progress?.address as string, task.fields.results?.address as string];
    fake.userEdit(SHEETS.indicators, result, [['85,5%']]);
    fake.userEdit(SHEETS.tasks, progress, [['50%']]);
    fake.userEdit(SHEETS.tasks, results, [['Dòng 1\nDòng 2']]);
    // What Excel stores for typed percents: the fraction, with a percent format.
    expect(fake.cell(SHEETS.indicators, result)).toMatchObject({ value: 0.855, numberFormat: '0.00%' });
    expect(fake.cell(SHEETS.tasks, progress)).toMatchObject({ value: 0.5, numberFormat: '0%' });
    const edits = [{ sheet: SHEETS.indicators, address: result, structural: false }, { sheet: SHEETS.tasks, address: `${progress}:${results}`, structural: false }];
    const second = await excelRun((context) => recheckEdits(context, first, edits, ctx));
    const values = checkSubmission(second.submission as NonNullable<typeof second.submission>, ctx).values;
    expect(values.indicators['PL1.II.3']?.result?.value).toBe(85.5);
    expect(values.tasks[task.key]?.progress?.value).toBe(50);
    expect(values.tasks[task.key]?.results?.value).toBe('Dòng 1\nDòng 2');
    expect(second.workbook.readSheet(SHEETS.indicators).rows.get(Number(result.slice(1)))?.get(8)).toMatchObject({ value: 0.855, isPercent: true });
    expect(second.issues.map((i) => i.code)).not.toContain('cell/suspect-scale');
  });

  it('finds the same issues and values as da06 validate in a return with percent formats and line breaks', async () => {
    const bytes = templateXlsx({
      unit: 'NHNN',
      unitName: 'Ngân hàng Nhà nước Việt Nam chi nhánh Khu vực 7',
      cover: { difficulties: '1. Thiếu kinh phí\r\n2. Thiếu người' },
      indicators: [['PL1.II.3', { result: { value: 0.855, numFmt: '0.0%' }, note: 'Nguồn: A\nCách tính: B' }], ['PL1.II.7', { result: 0.9 }], ['PL1.II.9', { result: { value: 0.275, numFmt: 10 } }]],
      tasks: [['PL3.I.1', { status: 'Đang triển khai', progress: { value: 0.5, numFmt: '0%' }, results: 'Dòng 1\nDòng 2' }]],
    });
    const expected = validateWorkbook(bytes, ctx);
    expect(expected.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['cell/suspect-scale']));
    await openInFakeExcel(bytes);
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(flat(check.issues)).toEqual(flat(expected.issues));
    expect(checkSubmission(check.submission as NonNullable<typeof check.submission>, ctx).values).toEqual(expected.values);
    expect(expected.values?.indicators['PL1.II.3']?.result?.value).toBe(85.5);
    expect(expected.values?.tasks['PL3.I.1']?.progress?.value).toBe(50);
    expect(expected.values?.cover.difficulties?.value).toBe('1. Thiếu kinh phí\n2. Thiếu người');
  });
});
