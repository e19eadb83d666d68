import ExcelJS from 'exceljs';
import { validateWorkbook } from '../../../lib/validate/validate';
import { checkOpenWorkbook, recheckEdits } from '../../../addin/src/check/check-workbook';
import { readOpenWorkbook } from '../../../addin/src/office/read';
import { catalog, definition, filledReturn, openInFakeExcel, roster, SHEETS } from '../_lib/returns';
import { excelRun } from '../_lib/excel';
import { FakeExcel } from '../fake-office/office';
import { uninstallFakeOffice } from '../fake-office/office';
import type { Issue } from '../../../lib/issues/issue';

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
    // Sheet list, identity, data sheets, fonts of text inputs: four requests however many rows there are.
    expect(fake.requests).toHaveLength(4);
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
