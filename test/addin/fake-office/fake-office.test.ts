/// <reference types="office-js" />
// The fake must fail where Excel fails, or the add-in's tests prove nothing.
import { FakeExcel, uninstallFakeOffice } from './office';
import type { SeedWorkbook } from './state';
import { excelRun } from '../_lib/excel';

const seed = (): SeedWorkbook => ({
  sheets: [
    { name: 'Dữ liệu', cells: { A1: { v: 'Tên' }, B1: { v: 12 }, B2: { v: 3, fill: '#FFF2CC' }, C3: { v: 'x' } } },
    {
      name: 'Khóa',
      protection: { protected: true, options: { allowFormatCells: true } },
      cells: { A1: { v: 'khóa' }, B1: { v: '', locked: false } },
    },
    { name: 'Ẩn', visibility: 'VeryHidden', cells: {} },
  ],
});

let fake: FakeExcel;
beforeEach(() => {
  fake = new FakeExcel(seed(), { apiVersion: '1.7' });
  fake.install();
});
afterEach(() => uninstallFakeOffice());

describe('fake Office.js: load and sync', () => {
  it('throws PropertyNotLoaded for a property read before load, and before sync', async () => {
    await excelRun(async (context) => {
      const range = context.workbook.worksheets.getItem('Dữ liệu').getRange('A1:B2');
      expect(() => range.values).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      range.load('values');
      expect(() => range.values).toThrow(/call the load method .* "context.sync\(\)"/);
      await context.sync();
      expect(range.values).toEqual([['Tên', 12], ['', 3]]);
      expect(() => range.formulas).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('loads collection items and nested properties by path', async () => {
    await excelRun(async (context) => {
      const sheets = context.workbook.worksheets;
      sheets.load('items/name,items/visibility,items/protection/protected');
      expect(() => sheets.items).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(sheets.items.map((s) => [s.name, s.visibility, s.protection.protected])).toEqual([
        ['Dữ liệu', 'Visible', false],
        ['Khóa', 'Visible', true],
        ['Ẩn', 'VeryHidden', false],
      ]);
      expect(() => sheets.items[0]?.position).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
    });
  });

  it('rejects sync with ItemNotFound for a missing sheet; the OrNullObject form says isNullObject after sync', async () => {
    await expect(
      excelRun(async (context) => {
        context.workbook.worksheets.getItem('Không có');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ItemNotFound' });
    await excelRun(async (context) => {
      const missing = context.workbook.worksheets.getItemOrNullObject('Không có');
      const present = context.workbook.worksheets.getItemOrNullObject('dữ liệu'); // names match without case
      expect(() => missing.isNullObject).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect([missing.isNullObject, present.isNullObject]).toEqual([true, false]);
    });
  });

  it('runs a batch in order and keeps what ran before a failure, as Excel does', async () => {
    await expect(
      excelRun(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Dữ liệu');
        sheet.getRange('D1').values = [['trước']];
        sheet.getRange('A1:B1').values = [['thiếu một cột']];
        sheet.getRange('D2').values = [['sau']];
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'InvalidArgument' });
    expect(fake.cell('Dữ liệu', 'D1')?.value).toBe('trước');
    expect(fake.cell('Dữ liệu', 'D2')).toBeUndefined();
  });

  it('gives results of methods only after sync', async () => {
    await excelRun(async (context) => {
      const count = context.workbook.worksheets.getCount();
      expect(() => count.value).toThrow(expect.objectContaining({ code: 'PropertyNotLoaded' }));
      await context.sync();
      expect(count.value).toBe(3);
    });
  });

  it('refuses a proxy from a finished Excel.run', async () => {
    const range = await excelRun(async (context) => context.workbook.worksheets.getItem('Dữ liệu').getRange('A1'));
    expect(() => range.load('values')).toThrow(expect.objectContaining({ code: 'InvalidRequestContext' }));
  });
});

describe('fake Office.js: what Excel allows', () => {
  it('reads typing as vi-VN Excel does: decimal comma, dot for thousands, day before month; text-formatted cells stay text', async () => {
    await excelRun(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Dữ liệu');
      sheet.getRange('E1:E7').values = [['=HYPERLINK("http://x")'], ['85,5'], ['1.234'], ['05/12/2026'], ['85,5%'], ['85.5'], ['31/02/2026']];
      const text = sheet.getRange('F1:F3');
      text.numberFormat = [['@'], ['@'], ['@']];
      text.values = [['=HYPERLINK("http://x")'], ['85,5'], ['05/12/2026']];
      await context.sync();
    });
    expect(fake.cell('Dữ liệu', 'E1')?.formula).toBe('=HYPERLINK("http://x")');
    expect(['E2', 'E3'].map((a) => fake.cell('Dữ liệu', a)?.value)).toEqual([85.5, 1234]);
    expect(fake.cell('Dữ liệu', 'E4')).toMatchObject({ value: 46361, numberFormat: 'm/d/yyyy' }); // 5 December 2026
    expect(fake.cell('Dữ liệu', 'E5')).toMatchObject({ value: 0.855, numberFormat: '0.00%' });
    expect(['E6', 'E7'].map((a) => fake.cell('Dữ liệu', a)?.value)).toEqual(['85.5', '31/02/2026']); // not numbers, not dates here
    expect(['F1', 'F2', 'F3'].map((a) => fake.cell('Dữ liệu', a)?.value)).toEqual(['=HYPERLINK("http://x")', '85,5', '05/12/2026']);
    fake.userEdit('Dữ liệu', 'G1', [['12,5']]);
    expect(fake.cell('Dữ liệu', 'G1')?.value).toBe(12.5);
  });

  it('reads typing as en-US when told: 1,234 is a thousand, 05/12/2026 is 12 May', async () => {
    uninstallFakeOffice();
    fake = new FakeExcel(seed(), { apiVersion: '1.7', locale: 'en-US' });
    fake.install();
    await excelRun(async (context) => {
      context.workbook.worksheets.getItem('Dữ liệu').getRange('E1:E3').values = [['1,234'], ['05/12/2026'], ['85,5']];
      await context.sync();
    });
    expect(fake.cell('Dữ liệu', 'E1')?.value).toBe(1234);
    expect(fake.cell('Dữ liệu', 'E2')).toMatchObject({ value: 46154, numberFormat: 'm/d/yyyy' });
    expect(fake.cell('Dữ liệu', 'E3')?.value).toBe('85,5');
  });

  it('refuses data in locked cells of a protected sheet, and fills where formatting is not allowed', async () => {
    const write = (address: string, act: (range: Excel.Range) => void) =>
      excelRun(async (context) => {
        act(context.workbook.worksheets.getItem('Khóa').getRange(address));
        await context.sync();
      });
    await expect(write('A1', (r) => (r.values = [['sửa']]))).rejects.toMatchObject({ code: 'AccessDenied' });
    await write('B1', (r) => (r.values = [['được']]));
    await write('A1', (r) => (r.format.fill.color = '#FF0000'));
    expect(fake.fillOf('Khóa', 'A1')).toBe('#FF0000');
    fake.sheet('Khóa').protection.options.allowFormatCells = false;
    await expect(write('A1', (r) => (r.format.fill.color = '#00FF00'))).rejects.toMatchObject({ code: 'AccessDenied' });
  });

  it('reports no fill as white and a mix of fills as null', async () => {
    await excelRun(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Dữ liệu');
      const none = sheet.getRange('A1').format.fill;
      const mixed = sheet.getRange('B1:B2').format.fill;
      none.load('color');
      mixed.load('color');
      await context.sync();
      expect([none.color, mixed.color]).toEqual(['#FFFFFF', null]);
    });
  });

  it('refuses to delete a VeryHidden sheet (InvalidOperation, as documented for Worksheet.delete) until it is made Hidden', async () => {
    const remove = (hideFirst: boolean) =>
      excelRun(async (context) => {
        const sheet = context.workbook.worksheets.getItem('Ẩn');
        if (hideFirst) sheet.visibility = 'Hidden';
        sheet.delete();
        await context.sync();
      });
    await expect(remove(false)).rejects.toMatchObject({ code: 'InvalidOperation' });
    expect(fake.state.sheets.map((s) => s.name)).toContain('Ẩn');
    await remove(true);
    expect(fake.state.sheets.map((s) => s.name)).toEqual(['Dữ liệu', 'Khóa']);
  });

  it('with the workbook structure protected, refuses to add, delete, rename, move, hide or show sheets, and still takes cell edits', async () => {
    await excelRun(async (context) => {
      const protection = context.workbook.protection;
      protection.load('protected');
      await context.sync();
      expect(protection.protected).toBe(false);
      protection.protect('mật khẩu');
      await context.sync();
    });
    const attempts: Array<(context: Excel.RequestContext) => void> = [
      (c) => void c.workbook.worksheets.add('Mới'),
      (c) => c.workbook.worksheets.getItem('Khóa').delete(),
      (c) => void (c.workbook.worksheets.getItem('Khóa').name = 'Tên khác'),
      (c) => void (c.workbook.worksheets.getItem('Khóa').position = 0),
      (c) => void (c.workbook.worksheets.getItem('Khóa').visibility = 'Hidden'),
      (c) => void (c.workbook.worksheets.getItem('Ẩn').visibility = 'Visible'),
    ];
    for (const attempt of attempts) {
      await expect(
        excelRun(async (context) => {
          attempt(context);
          await context.sync();
        }),
      ).rejects.toMatchObject({ code: 'AccessDenied' });
    }
    expect(fake.state.sheets.map((s) => [s.name, s.visibility])).toEqual([['Dữ liệu', 'Visible'], ['Khóa', 'Visible'], ['Ẩn', 'VeryHidden']]);
    await excelRun(async (context) => {
      context.workbook.worksheets.getItem('Dữ liệu').getRange('D1').values = [['vẫn sửa được ô']];
      await context.sync();
    });
    expect(fake.cell('Dữ liệu', 'D1')?.value).toBe('vẫn sửa được ô');
    await expect(
      excelRun(async (context) => {
        context.workbook.protection.unprotect('sai');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'BadPassword' });
    await excelRun(async (context) => {
      context.workbook.protection.unprotect('mật khẩu');
      context.workbook.worksheets.add('Mới');
      await context.sync();
    });
    expect(fake.state.sheets.map((s) => s.name)).toContain('Mới');
  });

  it('refuses a response over 5 MB (ResponsePayloadSizeLimitExceeded), and counts what each batch sent back', async () => {
    const big = Array.from({ length: 2000 }, () => ['Khó khăn do chưa có kinh phí triển khai. '.repeat(40)]);
    fake.sheet('Dữ liệu').cells.clear();
    big.forEach((line, r) => fake.sheet('Dữ liệu').cells.set(`${r + 1},1`, { value: line[0] as string }));
    const read = (address: string) =>
      excelRun(async (context) => {
        const range = context.workbook.worksheets.getItem('Dữ liệu').getRange(address);
        range.load('values,formulas');
        await context.sync();
        return range.values.length;
      });
    await expect(read('A1:A2000')).rejects.toMatchObject({ code: 'ResponsePayloadSizeLimitExceeded' });
    expect(fake.responses.at(-1)).toBeGreaterThan(5 * 1024 * 1024);
    expect(await read('A1:A500')).toBe(500);
    expect(fake.responses.at(-1)).toBeLessThan(5 * 1024 * 1024);
  });

  it('refuses a request over 5 MB', async () => {
    await expect(
      excelRun(async (context) => {
        const range = context.workbook.worksheets.getItem('Dữ liệu').getRange('A1:A3000');
        range.values = Array.from({ length: 3000 }, () => ['Chữ tiếng Việt '.repeat(150)]);
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'RequestPayloadSizeLimitExceeded' });
  });

  it('fails at sync with ApiNotFound for an API newer than the host (autoFilter is ExcelApi 1.9)', async () => {
    await expect(
      excelRun(async (context) => {
        context.workbook.worksheets.getItem('Dữ liệu').autoFilter.apply('A1:C3');
        await context.sync();
      }),
    ).rejects.toMatchObject({ code: 'ApiNotFound' });
  });

  it('selects only on the active sheet, and cannot activate a hidden one', async () => {
    const select = (sheet: string, activate: boolean) =>
      excelRun(async (context) => {
        const ws = context.workbook.worksheets.getItem(sheet);
        if (activate) ws.activate();
        ws.getRange('B2').select();
        await context.sync();
      });
    await expect(select('Khóa', false)).rejects.toMatchObject({ code: 'InvalidSelection' });
    await select('Khóa', true);
    expect(fake.selection()).toEqual({ sheet: 'Khóa', address: 'B2' });
    await expect(select('Ẩn', true)).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('fake Office.js: cell edit mode', () => {
  const write = (value: string, options?: Excel.RunOptions) => {
    const batch = async (context: Excel.RequestContext) => {
      context.workbook.worksheets.getItem('Dữ liệu').getRange('D1').values = [[value]];
      await context.sync();
    };
    return options ? (globalThis as unknown as { Excel: typeof Excel }).Excel.run(options, batch) : excelRun(batch);
  };

  it('fails every batch while the user types in a cell (InvalidOperationInCellEditMode), running nothing of it', async () => {
    fake.beginCellEdit('Dữ liệu', 'B1');
    await expect(write('khi đang sửa ô')).rejects.toMatchObject({ code: 'InvalidOperationInCellEditMode' });
    expect(fake.cell('Dữ liệu', 'D1')).toBeUndefined();
    fake.cancelCellEdit();
    await write('sau khi bấm Esc');
    expect(fake.cell('Dữ liệu', 'D1')?.value).toBe('sau khi bấm Esc');
  });

  it('delays a batch run with delayForCellEdit until the user presses Enter; the typed value goes in first', async () => {
    fake.beginCellEdit('Dữ liệu', 'B1');
    let done = false;
    const delayed = write('phần bổ trợ', { delayForCellEdit: true }).then(() => (done = true));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(done).toBe(false);
    fake.commitCellEdit('99,5');
    await delayed;
    expect([fake.cell('Dữ liệu', 'B1')?.value, fake.cell('Dữ liệu', 'D1')?.value]).toEqual([99.5, 'phần bổ trợ']);
  });

  it('fails even with delayForCellEdit on a build that ignores it, with the code that build gives', async () => {
    uninstallFakeOffice();
    fake = new FakeExcel(seed(), { apiVersion: '1.7', honoursDelayForCellEdit: false, cellEditErrorCode: 'InvalidOperation' });
    fake.install();
    fake.beginCellEdit('Dữ liệu', 'B1');
    await expect(write('x', { delayForCellEdit: true })).rejects.toMatchObject({ code: 'InvalidOperation' });
  });
});

describe('fake Office.js: onChanged', () => {
  const listen = async () => {
    const seen: Array<Record<string, unknown>> = [];
    await excelRun(async (context) => {
      context.workbook.worksheets.getItem('Dữ liệu').onChanged.add(async (event) => void seen.push(event as unknown as Record<string, unknown>));
      await context.sync();
    });
    return seen;
  };

  it('tells the user edit from the add-in write by triggerSource from ExcelApi 1.14, not before', async () => {
    for (const version of ['1.7', '1.14']) {
      uninstallFakeOffice();
      fake = new FakeExcel(seed(), { apiVersion: version });
      fake.install();
      const seen = await listen();
      fake.userEdit('Dữ liệu', 'B1', [[13]]);
      await excelRun(async (context) => {
        context.workbook.worksheets.getItem('Dữ liệu').getRange('C1').values = [['add-in']];
        await context.sync();
      });
      await fake.settle();
      expect(seen.map((e) => [e.address, e.triggerSource])).toEqual(
        version === '1.7' ? [['B1', undefined], ['C1', undefined]] : [['B1', 'Unknown'], ['C1', 'ThisLocalAddin']],
      );
    }
  });

  it('fires for format changes too (fill, number format), marked as the add-in\'s own from ExcelApi 1.14', async () => {
    uninstallFakeOffice();
    fake = new FakeExcel(seed(), { apiVersion: '1.14' });
    fake.install();
    const seen = await listen();
    await excelRun(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Dữ liệu');
      sheet.getRange('B2').format.fill.color = '#FF9B9B';
      sheet.getRange('C3:C4').numberFormat = [['@'], ['@']];
      sheet.getRange('A1').format.fill.clear();
      await context.sync();
    });
    await fake.settle();
    expect(seen.map((e) => [e.address, e.changeType, e.triggerSource])).toEqual([
      ['B2', 'RangeEdited', 'ThisLocalAddin'],
      ['C3:C4', 'RangeEdited', 'ThisLocalAddin'],
      ['A1', 'RangeEdited', 'ThisLocalAddin'],
    ]);
  });

  it('says RowInserted, RowDeleted, ColumnInserted, ColumnDeleted for the user\'s inserts and deletes, and moves the cells', async () => {
    const seen = await listen();
    fake.userShift('Dữ liệu', 'rows', 2, 2);
    expect(fake.cell('Dữ liệu', 'B4')).toMatchObject({ value: 3, fill: '#FFF2CC' });
    expect(fake.cell('Dữ liệu', 'C5')?.value).toBe('x');
    fake.userShift('Dữ liệu', 'rows', 2, -2);
    fake.userShift('Dữ liệu', 'columns', 2, 1);
    expect(fake.cell('Dữ liệu', 'C1')?.value).toBe(12);
    fake.userShift('Dữ liệu', 'columns', 1, -1);
    expect(fake.cell('Dữ liệu', 'A1')).toBeUndefined();
    expect(fake.cell('Dữ liệu', 'B1')?.value).toBe(12);
    await fake.settle();
    expect(seen.map((e) => [e.address, e.changeType])).toEqual([
      ['2:3', 'RowInserted'],
      ['2:3', 'RowDeleted'],
      ['B:B', 'ColumnInserted'],
      ['A:A', 'ColumnDeleted'],
    ]);
  });

  it('delivers events after a real delay, not at once, so time windows in the add-in are exercised', async () => {
    jest.useFakeTimers();
    try {
      const seen: unknown[] = [];
      const registered = excelRun(async (context) => {
        context.workbook.worksheets.getItem('Dữ liệu').onChanged.add(async (event) => void seen.push(event));
        await context.sync();
      });
      await jest.advanceTimersByTimeAsync(1);
      await registered;
      fake.userEdit('Dữ liệu', 'B1', [[14]]);
      await jest.advanceTimersByTimeAsync(fake.eventDelayMs - 1);
      expect(seen).toEqual([]);
      await jest.advanceTimersByTimeAsync(1);
      expect(seen).toHaveLength(1);
    } finally {
      jest.useRealTimers();
    }
  });

  it('sends no details for a multi-cell paste, and no event at all for a pick from a dropdown (office-js #420)', async () => {
    uninstallFakeOffice();
    fake = new FakeExcel(seed(), { apiVersion: '1.17' });
    fake.install();
    const seen = await listen();
    fake.userEdit('Dữ liệu', 'A5:B6', [[1, 2], [3, 4]]);
    fake.userEdit('Dữ liệu', 'A8', [['Đã hoàn thành']], { fromList: true });
    await fake.settle();
    expect(seen).toHaveLength(1);
    expect(seen[0]).toMatchObject({ address: 'A5:B6', changeType: 'RangeEdited' });
    expect(seen[0]?.details).toBeUndefined();
  });
});
