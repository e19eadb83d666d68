import { editFromEvent, watchEdits } from '../../../addin/src/office/watch';
import type { SheetEdit } from '../../../addin/src/office/read';
import { excelRun } from '../_lib/excel';
import { FakeExcel, uninstallFakeOffice } from '../fake-office/office';

const wait = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function workbook(apiVersion: string): FakeExcel {
  const fake = new FakeExcel({ sheets: [{ name: 'Biểu 02 - Nhiệm vụ', cells: { A1: { v: 'x' } } }, { name: 'Khác', cells: {} }] }, { apiVersion });
  fake.install();
  return fake;
}

afterEach(() => uninstallFakeOffice());

describe('watchEdits', () => {
  it('hands over all edits once the user pauses, with their rows', async () => {
    const fake = workbook('1.7');
    const calls: SheetEdit[][] = [];
    const watch = await excelRun((context) => watchEdits(context, ['Biểu 02 - Nhiệm vụ'], (edits) => calls.push(edits), { debounceMs: 30 }));
    fake.userEdit('Biểu 02 - Nhiệm vụ', 'J12', [['Đã hoàn thành']]);
    fake.userEdit('Biểu 02 - Nhiệm vụ', 'K12:K13', [[40], [50]]);
    fake.userEdit('Khác', 'A1', [['không theo dõi']]);
    await fake.settle();
    expect(calls).toEqual([]);
    await wait(60);
    expect(calls).toEqual([[{ sheet: 'Biểu 02 - Nhiệm vụ', address: 'J12', structural: false }, { sheet: 'Biểu 02 - Nhiệm vụ', address: 'K12:K13', structural: false }]]);
    await watch.stop();
    expect(fake.handlerCount()).toBe(0);
  });

  it("ignores the add-in's own writes by triggerSource (ExcelApi 1.14)", async () => {
    const fake = workbook('1.14');
    const calls: SheetEdit[][] = [];
    await excelRun((context) => watchEdits(context, ['Biểu 02 - Nhiệm vụ'], (edits) => calls.push(edits), { debounceMs: 10 }));
    await excelRun(async (context) => {
      context.workbook.worksheets.getItem('Biểu 02 - Nhiệm vụ').getRange('B2').values = [['add-in']];
      await context.sync();
    });
    await fake.settle();
    await wait(30);
    expect(calls).toEqual([]);
  });

  it('before ExcelApi 1.14, holds the changes that arrive while the add-in writes and hands them over afterwards: none is lost', async () => {
    const fake = workbook('1.7');
    const calls: SheetEdit[][] = [];
    let writing = true;
    await excelRun((context) => watchEdits(context, ['Biểu 02 - Nhiệm vụ'], (edits) => calls.push(edits), { debounceMs: 10, isOwnWrite: () => writing }));
    await excelRun(async (context) => {
      context.workbook.worksheets.getItem('Biểu 02 - Nhiệm vụ').getRange('B2').format.fill.color = '#FF9B9B'; // the add-in's own
      await context.sync();
    });
    fake.userEdit('Biểu 02 - Nhiệm vụ', 'J7', [[100]]); // the user, right after
    await fake.settle();
    await wait(40);
    expect(calls).toEqual([]);
    writing = false;
    await wait(40);
    expect(calls.flat().map((e) => e.address)).toEqual(['B2', 'J7']);
  });

  it('takes edits handed back (the user was typing in a cell) and offers them again after a pause', async () => {
    const fake = workbook('1.14');
    const calls: SheetEdit[][] = [];
    const watch = await excelRun((context) => watchEdits(context, ['Biểu 02 - Nhiệm vụ'], (edits) => calls.push(edits), { debounceMs: 10, retryMs: 20 }));
    fake.userEdit('Biểu 02 - Nhiệm vụ', 'J7', [[100]]);
    fake.userEdit('Biểu 02 - Nhiệm vụ', 'J7', [[90]]);
    await fake.settle();
    await wait(30);
    expect(calls).toEqual([[{ sheet: 'Biểu 02 - Nhiệm vụ', address: 'J7', structural: false }]]); // the same cell once
    watch.retry(calls[0] as SheetEdit[]);
    await wait(50);
    expect(calls).toHaveLength(2);
    expect(calls[1]).toEqual(calls[0]);
    await watch.stop();
  });

  it('hands over row and column inserts and deletes as structural edits', async () => {
    const fake = workbook('1.7');
    const calls: SheetEdit[][] = [];
    await excelRun((context) => watchEdits(context, ['Biểu 02 - Nhiệm vụ'], (edits) => calls.push(edits), { debounceMs: 10 }));
    fake.userShift('Biểu 02 - Nhiệm vụ', 'rows', 9, 1);
    await fake.settle();
    await wait(30);
    expect(calls).toEqual([[{ sheet: 'Biểu 02 - Nhiệm vụ', address: '9:9', structural: true }]]);
  });
});

describe('editFromEvent', () => {
  it('marks row and column inserts and deletes as structural, and drops the add-in\'s own', () => {
    expect(editFromEvent('S', { address: '5:5', changeType: 'RowInserted' })).toEqual({ sheet: 'S', address: '5:5', structural: true });
    expect(editFromEvent('S', { address: 'B2', changeType: 'RangeEdited', triggerSource: 'Unknown' })).toEqual({ sheet: 'S', address: 'B2', structural: false });
    expect(editFromEvent('S', { address: 'B2', changeType: 'RangeEdited', triggerSource: 'ThisLocalAddin' })).toBeNull();
  });
});
