import { strToU8, unzipSync, zipSync } from 'fflate';
import { readXlsx } from '../../lib/read/xlsx';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { currentDefinition, FORM_DEFINITIONS } from '../../lib/template/registry';
import type { FormDefinition } from '../../lib/template/schema';
import { validateWorkbook } from '../../lib/validate/validate';
import { buildXlsx } from '../_lib/xlsx-fixture';
import { SHEETS, templateFixture, templateXlsx, type Row } from '../_lib/template-fixture';

const codes = (bytes: Uint8Array, options = {}) => readXlsx(bytes, options).issues.map((i) => i.code);

describe('readXlsx on files that are not readable workbooks', () => {
  it.each([
    ['an empty file', new Uint8Array(0), 'file/empty'],
    ['an HTML page saved as .xlsx', strToU8('<!DOCTYPE html><html><body>Báo cáo</body></html>'), 'file/not-zip'],
    ['a CSV renamed to .xlsx', strToU8('STT,Chỉ tiêu,Kết quả\n1,PL1.I.1,50\n'), 'file/not-zip'],
    ['an old .xls (CFB container)', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(504).fill(0)]), 'file/xls'],
    [
      'a password-protected workbook (CFB with EncryptionInfo)',
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, ...new Array(120).fill(0), ...[...'EncryptionInfo'].flatMap((c) => [c.charCodeAt(0), 0])]),
      'file/encrypted',
    ],
    ['a Word document', zipSync({ '[Content_Types].xml': strToU8('<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'), 'word/document.xml': strToU8('<w:document/>') }), 'file/not-workbook'],
    ['an .ods renamed to .xlsx', zipSync({ mimetype: strToU8('application/vnd.oasis.opendocument.spreadsheet'), 'content.xml': strToU8('<office:document-content/>') }), 'file/ods'],
    ['an .xlsb', buildXlsx({ ...templateFixture(), contentTypeOverride: 'application/vnd.ms-excel.sheet.binary.macroEnabled.main' }), 'file/xlsb'],
  ])('refuses %s with a reason', (_name, bytes, code) => {
    const result = readXlsx(bytes);
    expect(result.submission).toBeUndefined();
    expect(result.issues.map((i) => i.code)).toEqual([code]);
  });

  it('refuses a truncated workbook', () => {
    const bytes = templateXlsx();
    for (const keep of [0.3, 0.6, 0.95]) {
      expect(codes(bytes.subarray(0, Math.floor(bytes.length * keep)))).toEqual(['file/corrupt']);
    }
  });

  it('stops a zip bomb at the inflate limit instead of filling memory', () => {
    const bomb = buildXlsx({
      ...templateFixture(),
      extraParts: { 'xl/worksheets/sheet1.xml': `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(40 * 1024 * 1024)}</sheetData></worksheet>` },
    });
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    expect(codes(bomb)).toEqual(['file/too-large']);
    expect(process.memoryUsage().rss - before).toBeLessThan(200 * 1024 * 1024);
  });

  it('refuses a part whose bytes do not match their checksum, instead of reading a changed value', () => {
    const files = unzipSync(templateXlsx({ indicators: [['PL1.I.3', { result: 55 }]] }));
    const stored = zipSync(Object.fromEntries(Object.entries(files).map(([name, data]) => [name, [data, { level: 0 }]])) as Parameters<typeof zipSync>[0]);
    expect(readXlsx(stored).submission?.indicators[0]?.fields.result?.cell?.value).toBe(55);
    const at = Buffer.from(stored).indexOf('<v>55</v>');
    const tampered = new Uint8Array(stored);
    tampered[at + 3] = '9'.charCodeAt(0);
    expect(codes(tampered)).toEqual(['file/corrupt']);
    expect(readXlsx(tampered).issues[0]?.params.detail).toMatch(/CRC/);
  });

  it('refuses XML with a DOCTYPE and never resolves its entities', () => {
    const xxe = buildXlsx({
      ...templateFixture(),
      extraParts: { 'xl/worksheets/sheet1.xml': '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&e;</t></is></c></row></sheetData></worksheet>' },
    });
    const result = readXlsx(xxe);
    expect(result.issues.map((i) => i.code)).toEqual(['file/unsafe-xml']);
    expect(JSON.stringify(result)).not.toContain('root:');
  });

  it('stops at the cell limit of a sheet', () => {
    const big = templateXlsx({ tasks: Array.from({ length: 40 }, (_, i) => [`X${i}`, { text: 'nội dung', results: 'kết quả' }] as [string, Record<string, string>]) });
    expect(codes(big, { maxCells: 50 })).toEqual(['sheet/too-many-cells']);
  });
});

describe('readXlsx recognising a return by its content', () => {
  it('says a workbook without an identity sheet is not a da06 template', () => {
    expect(codes(buildXlsx({ sheets: [{ name: 'Sheet1', rows: [['Báo cáo tháng 11']] }] }))).toEqual(['workbook/not-template']);
  });

  it('says which identity entry is missing', () => {
    const result = readXlsx(templateXlsx({ identity: { catalogHash: undefined } }));
    expect(result.issues.map((i) => [i.code, i.params.detail])).toEqual([['workbook/bad-identity', 'catalogHash']]);
  });

  it.each([
    [{ templateId: 'bao-cao-quy' }, 'bao-cao-quy'],
    [{ templateVersion: 9 }, 'da06-bao-cao-thang'],
  ])('refuses an unknown template or version %p', (identity, id) => {
    const result = readXlsx(templateXlsx({ identity }));
    expect(result.issues.map((i) => [i.code, i.params.templateId])).toEqual([['workbook/unknown-template', id]]);
  });

  it('reads an outdated version but says the unit must use this month\'s template', () => {
    const filled = currentDefinition();
    const newer = { ...filled, version: filled.version + 1 };
    const result = readXlsx(templateXlsx({ indicators: [['PL1.I.3', { result: 55 }]] }), { definitions: [filled, newer] });
    expect(result.issues.map((i) => [i.code, i.params.version, i.params.current])).toEqual([['workbook/outdated-template', filled.version, filled.version + 1]]);
    expect(result.submission?.indicators.map((r) => r.key)).toEqual(['PL1.I.3']);
  });

  it('finds a renamed data sheet by its keys and warns', () => {
    const result = readXlsx(templateXlsx({ indicators: [['PL1.I.3', { result: 55 }]], sheetNames: { indicators: 'Chi tieu (sua)' } }));
    expect(result.issues.map((i) => [i.code, i.params.found])).toEqual([['sheet/renamed', 'Chi tieu (sua)']]);
    expect(result.submission?.sheetNames.indicators).toBe('Chi tieu (sua)');
  });

  it('says which sheet is missing', () => {
    const fixture = templateFixture({ tasks: [['PL2.1', {}]] });
    fixture.sheets = fixture.sheets.filter((s) => s.name !== SHEETS.tasks);
    expect(readXlsx(buildXlsx(fixture)).issues.map((i) => [i.code, i.params.expected])).toEqual([['sheet/missing', SHEETS.tasks]]);
  });
});

describe('readXlsx on a form without Biểu 01 (a unit that monitors no indicator, from version 2)', () => {
  const commune = { unit: '15127', unitName: 'Xã Cẩm Thủy', unitKind: 'commune' as const, tasks: [['PL2.14', { status: 'Đang triển khai', progress: 50 }]] as Row[] };

  it('reads it as no indicator rows when the identity names no indicator sheet', () => {
    const result = readXlsx(templateXlsx({ ...commune, indicatorSheet: false }));
    expect(result.issues).toEqual([]);
    expect(result.submission?.indicators).toEqual([]);
    expect(result.submission?.sheetNames).toEqual({ cover: SHEETS.cover, indicators: '', tasks: SHEETS.tasks });
    expect(result.submission?.identity.noIndicatorSheet).toBe(true);
    expect(result.submission?.tasks.map((r) => [r.key, r.fields.progress?.cell?.value])).toEqual([['PL2.14', 50]]);
  });

  it('validates it with the cover and Biểu 02 as its only sheets', () => {
    const report = validateWorkbook(templateXlsx({ ...commune, indicatorSheet: false }), { catalog: loadCatalog(), roster: loadRoster(), expected: { period: '2026-11' } });
    expect(report.readable).toBe(true);
    expect(report.sheetOrder).toEqual([SHEETS.cover, SHEETS.tasks]);
    expect(report.issues.filter((i) => i.severity === 'error')).toEqual([]);
  });

  it('still says sheet/missing when a form that had Biểu 01 lost it', () => {
    const fixture = templateFixture({ indicators: [['PL1.I.3', { result: 55 }]] });
    fixture.sheets = fixture.sheets.filter((s) => s.name !== SHEETS.indicators);
    expect(readXlsx(buildXlsx(fixture)).issues.map((i) => [i.code, i.params.expected])).toEqual([['sheet/missing', SHEETS.indicators]]);
  });

  it('still says sheet/missing when the identity lists indicator rows but names no sheet for them', () => {
    const fixture = templateFixture({ ...commune, indicatorSheet: false, listedKeys: { indicators: ['PL1.I.3'] } });
    expect(readXlsx(buildXlsx(fixture)).issues.map((i) => [i.code, i.params.expected])).toEqual([['sheet/missing', SHEETS.indicators]]);
  });

  it('reads a version 1 commune form, whose Biểu 01 only holds the note, as before', () => {
    const v1 = FORM_DEFINITIONS.find((d) => d.version === 1) as FormDefinition;
    const result = readXlsx(templateXlsx({ ...commune, definition: v1, indicators: [['#empty', { stt: v1.indicators.emptyNote ?? '' }]] }));
    expect(result.issues.map((i) => i.code)).toEqual(['workbook/outdated-template']);
    expect(result.submission?.sheetNames.indicators).toBe(SHEETS.indicators);
    expect(result.submission?.indicators).toEqual([]);
  });
});

describe('readXlsx tolerating what users and other programs do', () => {
  it('finds rows by key after they were sorted, with rows inserted between them', () => {
    const result = readXlsx(templateXlsx({
      indicators: [
        ['PL1.V.3', { result: 75 }],
        [null, {}],
        ['PL1.I.3', { result: 55 }],
        ['#PL1.I', { stt: 'I.' }],
        ['PL1.III.3', { result: 81 }],
      ],
    }));
    expect(result.issues).toEqual([]);
    const byKey = Object.fromEntries((result.submission?.indicators ?? []).map((r) => [r.key, [r.row, r.fields.result?.cell?.value]]));
    expect(byKey).toEqual({ 'PL1.V.3': [5, 75], 'PL1.I.3': [7, 55], 'PL1.III.3': [9, 81] });
  });

  it('follows the package relationships, whatever the sheet parts are called', () => {
    const fixture = templateFixture({ indicators: [['PL1.I.3', { result: 55 }]] });
    fixture.sheets = fixture.sheets.map((s, i) => ({ ...s, partName: `bang-${i}.xml` }));
    expect(readXlsx(buildXlsx(fixture)).submission?.indicators[0]?.fields.result?.cell?.value).toBe(55);
  });

  it('normalises decomposed Unicode (NFD) to NFC, in inline and shared strings', () => {
    const nfd = 'Đã rà soát hệ thống'.normalize('NFD');
    const result = readXlsx(templateXlsx({ tasks: [['PL2.1', { results: nfd, product: { shared: nfd } }]] }));
    const fields = result.submission?.tasks[0]?.fields;
    expect(fields?.results?.cell?.value).toBe('Đã rà soát hệ thống');
    expect(fields?.product?.cell?.value).toBe('Đã rà soát hệ thống');
  });

  it('reads formulas by their cached value and keeps the formula', () => {
    const cell = readXlsx(templateXlsx({ indicators: [['PL1.I.3', { result: { formula: 'SUM(1,54)', value: 55 } }]] })).submission?.indicators[0]?.fields.result?.cell;
    expect(cell).toEqual(expect.objectContaining({ value: 55, formula: 'SUM(1,54)' }));
  });

  it('reads a macro-enabled workbook\'s values and says the macros were ignored', () => {
    const result = readXlsx(templateXlsx({ indicators: [['PL1.I.3', { result: 55 }]], workbook: { macros: true } }));
    expect(result.issues.map((i) => i.code)).toEqual(['file/macros-ignored']);
    expect(result.submission?.hasMacros).toBe(true);
    expect(result.submission?.indicators[0]?.fields.result?.cell?.value).toBe(55);
  });

  it('flags external links copied in from another workbook', () => {
    const result = readXlsx(templateXlsx({ workbook: { externalLink: true } }));
    expect(result.issues.map((i) => i.code)).toEqual(['workbook/external-links']);
  });

  it('reads a sheet whose dimension claims a million rows by its real cells only', () => {
    const fixture = templateFixture({ indicators: [['PL1.I.3', { result: 55 }]] });
    fixture.sheets = fixture.sheets.map((s) => (s.name === SHEETS.indicators ? { ...s, dimension: 'A1:XFD1048576' } : s));
    expect(readXlsx(buildXlsx(fixture)).submission?.indicators[0]?.fields.result?.cell?.value).toBe(55);
  });

  it('treats keys like __proto__ and constructor as unknown rows, not as object properties', () => {
    const result = readXlsx(templateXlsx({ tasks: [['__proto__', { results: 'x' }], ['constructor', { results: 'y' }]] , listedKeys: { tasks: [] } }));
    expect(result.issues.map((i) => [i.code, i.params.key])).toEqual([['row/unknown-key', '__proto__'], ['row/unknown-key', 'constructor']]);
    expect(({} as Record<string, unknown>).results).toBeUndefined();
  });
});
