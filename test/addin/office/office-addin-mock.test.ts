/// <reference types="office-js" />
// The adapters against Microsoft's own mock (office-addin-mock): a property read before load + sync
// gives an error text instead of the value, so a right result proves the adapter loaded what it read.
// It has no collections or events: the fake in ../fake-office covers those.
import { OfficeMockObject } from 'office-addin-mock';
import { goToCell } from '../../../addin/src/office/select';
import { loadInputFonts, RANGE_PROPERTIES, sheetFromRange, type RangeData } from '../../../addin/src/office/read';
import type { Submission } from '../../../lib/read/submission';

// The shim: office-addin-mock needs only this enum from office-addin-manifest, whose real module is ESM Jest cannot load.
jest.mock('office-addin-manifest', () => ({ OfficeApp: { Excel: 'excel', OneNote: 'onenote', Outlook: 'outlook', PowerPoint: 'powerpoint', Project: 'project', Word: 'word' } }));

const EXCEL = 'excel' as never;
const NOT_LOADED = 'Error, property was not loaded';

describe('adapters over office-addin-mock', () => {
  it('sheetFromRange reads only properties RANGE_PROPERTIES loads', async () => {
    const range = new OfficeMockObject({
      address: "'Biểu 02 - Nhiệm vụ'!A5:C6",
      values: [['PL2.1', 'Đã hoàn thành', 40], ['PL2.2', '', '#N/A']],
      formulas: [['PL2.1', 'Đã hoàn thành', 40], ['PL2.2', '', '=NA()']],
      numberFormat: [['General', '@', '0'], ['General', '@', 'General']],
      valueTypes: [['String', 'String', 'Double'], ['String', 'Empty', 'Error']],
    }, EXCEL);
    expect((range as unknown as RangeData).values).toBe(NOT_LOADED);
    range.load(RANGE_PROPERTIES);
    await range.sync();
    const sheet = sheetFromRange('Biểu 02 - Nhiệm vụ', 'visible', range as unknown as RangeData);
    expect(sheet.rows.get(5)?.get(3)).toEqual({ address: 'C5', row: 5, col: 3, value: 40 });
    expect(sheet.rows.get(6)?.get(3)).toEqual({ address: 'C6', row: 6, col: 3, value: { error: '#N/A' }, formula: 'NA()' });
    expect(sheet.rows.get(6)?.has(2)).toBe(false);
  });

  it('goToCell activates the sheet and selects the cell in one request', async () => {
    const data = {
      context: {
        workbook: {
          worksheets: {
            sheet: { activated: false, range: { selected: '', select(this: { selected: string }) { this.selected = 'yes'; } }, activate(this: { activated: boolean }) { this.activated = true; }, getRange(this: { range: unknown }, _address: string) { return this.range; } },
            getItem(this: { sheet: unknown }, _name: string) {
              return this.sheet;
            },
          },
        },
      },
    };
    const excel = new OfficeMockObject(data, EXCEL) as unknown as { context: Excel.RequestContext & { workbook: { worksheets: { sheet: { activated: boolean; range: { selected: string } } } } } };
    await goToCell(excel.context, 'Biểu 01 - Chỉ tiêu', 'H12');
    expect(excel.context.workbook.worksheets.sheet.activated).toBe(true);
    expect(excel.context.workbook.worksheets.sheet.range.selected).toBe('yes');
  });

  it('loadInputFonts loads the font name of each text input before reading it', async () => {
    const fonts: Record<string, { format: { font: { name: string } } }> = { D22: { format: { font: { name: '.VnTime' } } }, J7: { format: { font: { name: 'Times New Roman' } } } };
    const excel = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: {
            sheet: {
              ranges: fonts,
              getRange(this: { ranges: typeof fonts }, address: string) {
                return this.ranges[address];
              },
            },
            getItem(this: { sheet: unknown }) {
              return this.sheet;
            },
          },
        },
      },
    }, EXCEL) as unknown as { context: Excel.RequestContext };
    const cover = { address: 'D22', row: 22, col: 4, value: 'Hoµn thµnh' };
    const result = { address: 'J7', row: 7, col: 10, value: 'Đã ban hành' };
    const progress = { address: 'K7', row: 7, col: 11, value: 40 };
    const submission = {
      sheetNames: { cover: 'Thông tin chung', indicators: 'Biểu 01 - Chỉ tiêu', tasks: 'Biểu 02 - Nhiệm vụ' },
      cover: { assessment: { address: 'D22', cell: cover } },
      indicators: [],
      tasks: [{ key: 'PL2.1', row: 7, fields: { results: { address: 'J7', cell: result }, progress: { address: 'K7', cell: progress } } }],
    } as unknown as Submission;
    await loadInputFonts(excel.context, submission);
    expect([cover, result, progress].map((c) => (c as { font?: string }).font)).toEqual(['.VnTime', 'Times New Roman', undefined]);
  });
});
