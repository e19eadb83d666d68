// Batches while the user types in a cell: held by Excel where it honours delayForCellEdit, retried where it does not.
import { isCellEditError, runExcel, runExcelRetrying } from '../../../addin/src/office/run';
import { FakeExcel, uninstallFakeOffice, type FakeExcelOptions } from '../fake-office/office';

function workbook(options: FakeExcelOptions = {}): FakeExcel {
  const fake = new FakeExcel({ sheets: [{ name: 'Biểu', cells: { A1: { v: 'x' } } }] }, { apiVersion: '1.7', ...options });
  fake.install();
  return fake;
}

const write = (value: string) => async (context: Excel.RequestContext) => {
  context.workbook.worksheets.getItem('Biểu').getRange('B1').values = [[value]];
  await context.sync();
};

afterEach(() => uninstallFakeOffice());

describe('runExcel', () => {
  it('asks Excel to hold the batch while the user types in a cell, so it runs after Enter instead of failing', async () => {
    const fake = workbook();
    fake.beginCellEdit('Biểu', 'A2');
    let done = false;
    const run = runExcel(write('sau khi nhập xong')).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    fake.commitCellEdit('85,5');
    await run;
    expect([fake.cell('Biểu', 'A2')?.value, fake.cell('Biểu', 'B1')?.value]).toEqual([85.5, 'sau khi nhập xong']);
  });
});

describe('runExcelRetrying', () => {
  it('on a build that ignores delayForCellEdit, tries again after a pause until the user has left the cell', async () => {
    const fake = workbook({ honoursDelayForCellEdit: false });
    fake.beginCellEdit('Biểu', 'A2');
    const pauses: number[] = [];
    await runExcelRetrying(write('lần hai'), {
      waitMs: 100,
      sleep: async (ms) => {
        pauses.push(ms);
        if (pauses.length === 2) fake.cancelCellEdit(); // Esc, while the add-in waits
      },
    });
    expect(pauses).toEqual([100, 200]);
    expect(fake.cell('Biểu', 'B1')?.value).toBe('lần hai');
  });

  it('gives up after its tries with the cell-edit error, and does not retry other errors', async () => {
    const fake = workbook({ honoursDelayForCellEdit: false });
    fake.beginCellEdit('Biểu', 'A2');
    const sleep = jest.fn(async () => undefined);
    const failed = await runExcelRetrying(write('x'), { attempts: 3, sleep }).catch((e: unknown) => e);
    expect(isCellEditError(failed)).toBe(true);
    expect(sleep).toHaveBeenCalledTimes(2);
    fake.cancelCellEdit();
    sleep.mockClear();
    const missing = runExcelRetrying(async (context) => {
      context.workbook.worksheets.getItem('Không có');
      await context.sync();
    }, { sleep });
    await expect(missing).rejects.toMatchObject({ code: 'ItemNotFound' });
    expect(sleep).not.toHaveBeenCalled();
  });
});
