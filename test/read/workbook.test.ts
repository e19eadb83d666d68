import { getCell, type SheetModel } from '../../lib/model/sheet';
import { openWorkbook } from '../../lib/read/workbook';
import { buildXlsx, type FixtureCell, type FixtureWorkbook } from '../_lib/xlsx-fixture';

const sheetOf = (workbook: FixtureWorkbook): SheetModel => openWorkbook(buildXlsx(workbook)).readSheet('S');
const row = (cells: FixtureCell[], extra: Partial<FixtureWorkbook> = {}): SheetModel => sheetOf({ ...extra, sheets: [{ name: 'S', rows: [cells] }] });
const flags = (sheet: SheetModel, col: number) => {
  const cell = getCell(sheet, 1, col);
  return { value: cell?.value, isPercent: cell?.isPercent ?? false, isDate: cell?.isDate ?? false };
};

describe('openWorkbook reads number formats', () => {
  it('marks a number under a percent format, custom or built in, and only that', () => {
    const sheet = row([
      { value: 0.5, numFmt: '0%' },
      { value: 0.855, numFmt: '0.00%' },
      { value: 0.5, numFmt: 9 },
      { value: 0.25, numFmt: 10 },
      { value: 85, numFmt: '0"%"' },
      { value: 85, numFmt: '0\\%' },
      { value: 85, numFmt: '#,##0.0#' },
      { value: 46359, numFmt: 14 },
      { value: 46359, numFmt: 'dd/mm/yyyy' },
      { value: 0.5, numFmt: 'h:mm' },
      { value: '85%', numFmt: '0%' },
      0.5,
    ]);
    expect(Array.from({ length: 12 }, (_, i) => flags(sheet, i + 1))).toEqual([
      { value: 0.5, isPercent: true, isDate: false },
      { value: 0.855, isPercent: true, isDate: false },
      { value: 0.5, isPercent: true, isDate: false },
      { value: 0.25, isPercent: true, isDate: false },
      { value: 85, isPercent: false, isDate: false },
      { value: 85, isPercent: false, isDate: false },
      { value: 85, isPercent: false, isDate: false },
      { value: 46359, isPercent: false, isDate: true },
      { value: 46359, isPercent: false, isDate: true },
      { value: 0.5, isPercent: false, isDate: false },
      { value: '85%', isPercent: false, isDate: false }, // a format does not turn text into a number
      { value: 0.5, isPercent: false, isDate: false },
    ]);
  });

  it('picks the section of the format that shows the number', () => {
    const sheet = row([{ value: 0.5, numFmt: '[<=1]0%;0' }, { value: 50, numFmt: '[<=1]0%;0' }, { value: 0, numFmt: '0%;-0%;"không"' }]);
    expect([1, 2, 3].map((c) => flags(sheet, c).isPercent)).toEqual([true, false, false]);
  });

  it('lets a numFmt element the workbook declares override the built-in meaning of its id', () => {
    const workbook: FixtureWorkbook = { sheets: [{ name: 'S', rows: [[{ value: 0.5, numFmt: 9 }]] }] };
    const styles =
      '<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="9" formatCode="0.00"/></numFmts>' +
      '<fonts count="1"><font><name val="Calibri"/></font></fonts><cellXfs count="2"><xf numFmtId="0" fontId="0"/><xf numFmtId="9" fontId="0"/></cellXfs></styleSheet>';
    const cell = getCell(sheetOf({ ...workbook, extraParts: { 'xl/styles.xml': styles } }), 1, 1);
    expect(cell?.isPercent).toBeUndefined();
  });
});

describe('openWorkbook reads text as typed', () => {
  const texts = ['Dòng 1\r\nDòng 2', 'a\rb', 'mã _x0041_', 'Khó khăn:\n- thiếu người'];

  it.each([['XML character references (LibreOffice)', 'xml'], ["Excel's _x000D_ escapes", 'excel']] as const)('decodes line breaks written as %s, in shared and inline strings', (_how, escapes) => {
    const sheet = sheetOf({ escapes, sheets: [{ name: 'S', rows: [texts, texts.map((shared) => ({ shared }))] }] });
    for (const r of [1, 2]) expect(texts.map((_, c) => getCell(sheet, r, c + 1)?.value)).toEqual(texts);
  });

  it('decodes an escape in a formula result too', () => {
    const sheet = row([{ formula: 'A2&"x"', value: 'a\r\nb _x0041_' }], { escapes: 'excel' });
    expect(getCell(sheet, 1, 1)?.value).toBe('a\r\nb _x0041_');
  });
});
