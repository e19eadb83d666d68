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
  it('turns written text into formulas, numbers and dates like typing, except in text-formatted cells', async () => {
    await excelRun(async (context) => {
      const sheet = context.workbook.worksheets.getItem('Dữ liệu');
      sheet.getRange('E1:E3').values = [['=HYPERLINK("http://x")'], ['1,234'], ['05/12/2026']];
      const text = sheet.getRange('F1:F3');
      text.numberFormat = [['@'], ['@'], ['@']];
      text.values = [['=HYPERLINK("http://x")'], ['1,234'], ['05/12/2026']];
      await context.sync();
    });
    expect(fake.cell('Dữ liệu', 'E1')?.formula).toBe('=HYPERLINK("http://x")');
    expect(fake.cell('Dữ liệu', 'E2')?.value).toBe(1234);
    expect(fake.cell('Dữ liệu', 'E3')).toMatchObject({ value: 46154, numberFormat: 'm/d/yyyy' }); // 12 May 2026, not 5 December
    expect(['F1', 'F2', 'F3'].map((a) => fake.cell('Dữ liệu', a)?.value)).toEqual(['=HYPERLINK("http://x")', '1,234', '05/12/2026']);
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
