import { execFileSync } from 'node:child_process';
import { accessSync, constants, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, join } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { buildXlsx, cellAddress, type FixtureWorkbook } from './xlsx-fixture';

interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

/** Parses with saxes, which throws on anything not well-formed. */
function parseXml(xml: string): XmlNode {
  const parser = new SaxesParser();
  const root: XmlNode = { name: '#document', attributes: {}, children: [], text: '' };
  const stack: XmlNode[] = [root];
  parser.on('opentag', (tag) => {
    const node: XmlNode = { name: tag.name, attributes: { ...(tag.attributes as Record<string, string>) }, children: [], text: '' };
    stack[stack.length - 1]?.children.push(node);
    stack.push(node);
  });
  parser.on('closetag', () => {
    stack.pop();
  });
  parser.on('text', (text) => {
    const top = stack[stack.length - 1];
    if (top !== undefined) top.text += text;
  });
  parser.write(xml).close();
  const [element] = root.children;
  if (element === undefined) throw new Error('no root element');
  return element;
}

function descendants(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((child) => [...(child.name === name ? [child] : []), ...descendants(child, name)]);
}

function child(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

function partsOf(bytes: Uint8Array): Record<string, Uint8Array> {
  return unzipSync(bytes);
}

function xmlOf(bytes: Uint8Array, path: string): XmlNode {
  const data = partsOf(bytes)[path];
  if (data === undefined) throw new Error(`no part ${path}`);
  return parseXml(strFromU8(data));
}

/** Each cell of a sheet part as {ref → attributes, value text, formula text, inline/shared text}. */
function cellsOf(sheet: XmlNode): Record<string, { t?: string; s?: string; v?: string; f?: string; is?: string }> {
  const out: Record<string, { t?: string; s?: string; v?: string; f?: string; is?: string }> = {};
  for (const c of descendants(sheet, 'c')) {
    const ref = c.attributes.r ?? '?';
    const is = child(c, 'is');
    out[ref] = {
      ...(c.attributes.t === undefined ? {} : { t: c.attributes.t }),
      ...(c.attributes.s === undefined ? {} : { s: c.attributes.s }),
      ...(child(c, 'v') === undefined ? {} : { v: child(c, 'v')?.text }),
      ...(child(c, 'f') === undefined ? {} : { f: child(c, 'f')?.text }),
      ...(is === undefined ? {} : { is: descendants(is, 't').map((t) => t.text).join('') }),
    };
  }
  return out;
}

const NFD_HA_NOI = 'Ha\u0300 No\u0323\u0302i';

const kitchenSink: FixtureWorkbook = {
  date1904: true,
  macros: true,
  externalLink: true,
  definedNames: [
    { name: 'TemplateVersion', ref: '"3"' },
    { name: '_xlnm._FilterDatabase', ref: "'Chỉ tiêu'!$A$1:$C$3", localSheetId: 0 },
  ],
  sheets: [
    {
      name: 'Chỉ tiêu',
      protection: { sheet: true },
      rows: [
        ['Mã', 'Tên chỉ tiêu', 'Giá trị'],
        ['CT01', { shared: 'Tỷ lệ hồ sơ trực tuyến' }, 85.5],
        ['CT02', { value: 'Sè liÖu', font: '.VnTime' }, { value: 0.25, numFmt: '0.0%' }],
        [{ formula: 'SUM(C2:C3)', value: 85.75 }, { date: 45000 }, { error: '#DIV/0!' }],
      ],
    },
    { name: 'Ẩn', state: 'hidden', rows: [[true]] },
    { name: 'Rất ẩn', state: 'veryHidden', partName: 'data.xml', rows: [[{ shared: 'Tỷ lệ hồ sơ trực tuyến' }]] },
  ],
};

describe('buildXlsx package', () => {
  test('writes the minimal parts of a one-sheet workbook', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'Sheet1', rows: [['a', 1]] }] });
    expect(Object.keys(partsOf(bytes)).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/styles.xml',
      'xl/workbook.xml',
      'xl/worksheets/sheet1.xml',
    ]);
  });

  test('adds shared strings, macros, an external link and renamed sheet parts when asked', () => {
    expect(Object.keys(partsOf(buildXlsx(kitchenSink))).sort()).toEqual([
      '[Content_Types].xml',
      '_rels/.rels',
      'xl/_rels/workbook.xml.rels',
      'xl/externalLinks/_rels/externalLink1.xml.rels',
      'xl/externalLinks/externalLink1.xml',
      'xl/sharedStrings.xml',
      'xl/styles.xml',
      'xl/vbaProject.bin',
      'xl/workbook.xml',
      'xl/worksheets/data.xml',
      'xl/worksheets/sheet1.xml',
      'xl/worksheets/sheet2.xml',
    ]);
  });

  test('every XML part is well-formed', () => {
    const parts = partsOf(buildXlsx(kitchenSink));
    const xmlPaths = Object.keys(parts).filter((p) => p.endsWith('.xml') || p.endsWith('.rels'));
    expect(xmlPaths).toHaveLength(11);
    for (const path of xmlPaths) {
      const data = parts[path];
      if (data === undefined) throw new Error(path);
      expect(() => parseXml(strFromU8(data))).not.toThrow();
    }
  });

  test('relationships lead from the workbook to every sheet part, whatever its name', () => {
    const bytes = buildXlsx(kitchenSink);
    const rels = xmlOf(bytes, 'xl/_rels/workbook.xml.rels').children;
    const sheets = descendants(xmlOf(bytes, 'xl/workbook.xml'), 'sheet');
    const targets = sheets.map((s) => rels.find((r) => r.attributes.Id === s.attributes['r:id'])?.attributes.Target);
    expect(targets).toEqual(['worksheets/sheet1.xml', 'worksheets/sheet2.xml', 'worksheets/data.xml']);
    const types = rels.map((r) => r.attributes.Type?.replace(/.*\//, ''));
    expect(types).toEqual(['worksheet', 'worksheet', 'worksheet', 'styles', 'sharedStrings', 'externalLink', 'vbaProject']);
    expect(xmlOf(bytes, '_rels/.rels').children[0]?.attributes.Target).toBe('xl/workbook.xml');
  });

  test('declares a content type for each part, macro-enabled when macros are on', () => {
    const types = xmlOf(buildXlsx(kitchenSink), '[Content_Types].xml').children;
    const override = (part: string) => types.find((t) => t.attributes.PartName === part)?.attributes.ContentType;
    expect(override('/xl/workbook.xml')).toBe('application/vnd.ms-excel.sheet.macroEnabled.main+xml');
    expect(override('/xl/worksheets/data.xml')).toBe('application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml');
    expect(override('/xl/sharedStrings.xml')).toMatch(/sharedStrings\+xml$/);
    expect(override('/xl/externalLinks/externalLink1.xml')).toMatch(/externalLink\+xml$/);
    expect(types.find((t) => t.attributes.Extension === 'bin')?.attributes.ContentType).toBe('application/vnd.ms-office.vbaProject');
  });

  test('contentTypeOverride replaces the workbook main content type', () => {
    const xlsb = 'application/vnd.ms-excel.sheet.binary.macroEnabled.main';
    const types = xmlOf(buildXlsx({ contentTypeOverride: xlsb, sheets: [{ name: 'S', rows: [] }] }), '[Content_Types].xml');
    expect(types.children.find((t) => t.attributes.PartName === '/xl/workbook.xml')?.attributes.ContentType).toBe(xlsb);
  });

  test('extraParts add new parts and replace generated ones byte for byte', () => {
    const doctype = '<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY x "boom">]><worksheet/>';
    const parts = partsOf(
      buildXlsx({ sheets: [{ name: 'S', rows: [[1]] }], extraParts: { 'xl/worksheets/sheet1.xml': doctype, 'docProps/app.xml': new Uint8Array([1, 2]) } }),
    );
    expect(strFromU8(parts['xl/worksheets/sheet1.xml'] ?? new Uint8Array())).toBe(doctype);
    expect([...(parts['docProps/app.xml'] ?? [])]).toEqual([1, 2]);
  });
});

describe('buildXlsx workbook.xml', () => {
  test('marks hidden and veryHidden sheets and leaves visible ones unmarked', () => {
    const sheets = descendants(xmlOf(buildXlsx(kitchenSink), 'xl/workbook.xml'), 'sheet');
    expect(sheets.map((s) => [s.attributes.name, s.attributes.sheetId, s.attributes.state])).toEqual([
      ['Chỉ tiêu', '1', undefined],
      ['Ẩn', '2', 'hidden'],
      ['Rất ẩn', '3', 'veryHidden'],
    ]);
  });

  test('writes date1904="1" only when asked', () => {
    const on = xmlOf(buildXlsx(kitchenSink), 'xl/workbook.xml');
    const off = xmlOf(buildXlsx({ sheets: [{ name: 'S', rows: [] }] }), 'xl/workbook.xml');
    expect(child(on, 'workbookPr')?.attributes.date1904).toBe('1');
    expect(child(off, 'workbookPr')?.attributes.date1904).toBeUndefined();
  });

  test('writes defined names with their sheet scope, after the external references', () => {
    const workbook = xmlOf(buildXlsx(kitchenSink), 'xl/workbook.xml');
    expect(workbook.children.map((c) => c.name)).toEqual(['workbookPr', 'sheets', 'externalReferences', 'definedNames']);
    expect(descendants(workbook, 'definedName').map((d) => [d.attributes.name, d.attributes.localSheetId, d.text])).toEqual([
      ['TemplateVersion', undefined, '"3"'],
      ['_xlnm._FilterDatabase', '0', "'Chỉ tiêu'!$A$1:$C$3"],
    ]);
  });

  test('escapes &, <, >, and quotes in sheet names', () => {
    const name = `A&B <"x"> 'y'`;
    const sheets = descendants(xmlOf(buildXlsx({ sheets: [{ name, rows: [] }] }), 'xl/workbook.xml'), 'sheet');
    expect(sheets[0]?.attributes.name).toBe(name);
  });
});

describe('buildXlsx cells', () => {
  test('writes each kind of cell with its type, style, value and formula', () => {
    const bytes = buildXlsx(kitchenSink);
    const cells = cellsOf(xmlOf(bytes, 'xl/worksheets/sheet1.xml'));
    const { A1, B2, C2, B3, C3, A4, B4, C4 } = cells;
    expect(A1).toEqual({ t: 'inlineStr', is: 'Mã' });
    expect(B2).toEqual({ t: 's', v: '0' });
    expect(C2).toEqual({ v: '85.5' });
    expect(A4).toEqual({ f: 'SUM(C2:C3)', v: '85.75' });
    expect(B4).toEqual({ s: '1', v: '45000' });
    expect(C4).toEqual({ t: 'e', v: '#DIV/0!' });
    expect(B3).toMatchObject({ t: 'inlineStr', is: 'Sè liÖu' });
    expect(C3).toMatchObject({ v: '0.25' });
    expect(cellsOf(xmlOf(bytes, 'xl/worksheets/sheet2.xml')).A1).toEqual({ t: 'b', v: '1' });
  });

  test('types formula cached values: t="str" for text, t="b" for booleans, none when absent', () => {
    const cells = cellsOf(
      xmlOf(
        buildXlsx({
          sheets: [{ name: 'S', rows: [[{ formula: '=A2&"x"', value: 'Hà Nội' }, { formula: 'TRUE()', value: false }, { formula: 'NOW()' }]] }],
        }),
        'xl/worksheets/sheet1.xml',
      ),
    );
    expect(cells).toEqual({
      A1: { t: 'str', f: 'A2&"x"', v: 'Hà Nội' },
      B1: { t: 'b', f: 'TRUE()', v: '0' },
      C1: { f: 'NOW()' },
    });
  });

  test('skips null and undefined cells and empty rows, and honours startRow', () => {
    // eslint-disable-next-line no-sparse-arrays -- a hole must behave like undefined
    const rows = [[null, 'x'], [], [undefined, , 2]];
    const sheet = xmlOf(buildXlsx({ sheets: [{ name: 'S', startRow: 5, rows }] }), 'xl/worksheets/sheet1.xml');
    expect(descendants(sheet, 'row').map((r) => [r.attributes.r, r.children.map((c) => c.attributes.r)])).toEqual([
      ['5', ['B5']],
      ['7', ['C7']],
    ]);
    expect(child(sheet, 'dimension')?.attributes.ref).toBe('B5:C7');
  });

  test('computes the dimension from the cells unless told otherwise', () => {
    const dim = (sheet: FixtureWorkbook['sheets'][number]) =>
      child(xmlOf(buildXlsx({ sheets: [sheet] }), 'xl/worksheets/sheet1.xml'), 'dimension')?.attributes.ref;
    expect(dim({ name: 'S', rows: [] })).toBe('A1');
    expect(dim({ name: 'S', rows: [[1]] })).toBe('A1');
    expect(dim({ name: 'S', rows: [[1, 2, 3]], dimension: 'A1:Z1048576' })).toBe('A1:Z1048576');
  });

  test('keeps text exactly as given: escapes, NFD, surrounding spaces, line breaks, literal _xHHHH_', () => {
    const texts = [`a & b < c > d "e" 'f'`, NFD_HA_NOI, 'Hà Nội', '  lề  ', 'dòng 1\r\ndòng 2', 'mã _x0041_'];
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: [texts, texts.map((shared) => ({ shared }))] }] });
    const cells = cellsOf(xmlOf(bytes, 'xl/worksheets/sheet1.xml'));
    expect(texts.map((_, i) => cells[cellAddress(1, i + 1)]?.is)).toEqual([...texts.slice(0, 5), 'mã _x005F_x0041_']);
    expect(cells.B1?.is?.normalize('NFC')).not.toBe(cells.B1?.is);
    const sst = descendants(xmlOf(bytes, 'xl/sharedStrings.xml'), 't').map((t) => t.text);
    expect(sst).toEqual([...texts.slice(0, 5), 'mã _x005F_x0041_']);
    expect(strFromU8(partsOf(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array())).toContain(NFD_HA_NOI);
  });

  test("writes a carriage return as Excel does (_x000D_) when asked, and a literal _x still protected", () => {
    const texts = ['dòng 1\r\ndòng 2', 'a\rb\u000bc', 'mã _x0041_'];
    const bytes = buildXlsx({ escapes: 'excel', sheets: [{ name: 'S', rows: [texts, texts.map((shared) => ({ shared }))] }] });
    const sheet = strFromU8(partsOf(bytes)['xl/worksheets/sheet1.xml'] ?? new Uint8Array());
    expect(sheet).toContain('dòng 1_x000D_\ndòng 2');
    expect(sheet).not.toContain('&#13;');
    const sst = descendants(xmlOf(bytes, 'xl/sharedStrings.xml'), 't').map((t) => t.text);
    expect(sst).toEqual(['dòng 1_x000D_\ndòng 2', 'a_x000D_b_x000B_c', 'mã _x005F_x0041_']);
  });

  test('counts shared strings and reuses the index of a repeated string', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: [[{ shared: 'a' }, { shared: 'b' }, { shared: 'a' }]] }] });
    const sst = xmlOf(bytes, 'xl/sharedStrings.xml');
    expect([sst.attributes.count, sst.attributes.uniqueCount]).toEqual(['3', '2']);
    expect(Object.values(cellsOf(xmlOf(bytes, 'xl/worksheets/sheet1.xml'))).map((c) => c.v)).toEqual(['0', '1', '0']);
  });

  test('writes sheet protection with the requested boolean style', () => {
    const protection = (p: { sheet: boolean; boolStyle?: '1' | 'true' } | undefined) =>
      child(xmlOf(buildXlsx({ sheets: [{ name: 'S', rows: [[1]], protection: p }] }), 'xl/worksheets/sheet1.xml'), 'sheetProtection')
        ?.attributes.sheet;
    expect(protection({ sheet: true })).toBe('1');
    expect(protection({ sheet: true, boolStyle: 'true' })).toBe('true');
    expect(protection({ sheet: false, boolStyle: 'true' })).toBe('false');
    expect(protection(undefined)).toBeUndefined();
  });

  test('throws on numbers and characters a workbook cannot hold', () => {
    expect(() => buildXlsx({ sheets: [{ name: 'S', rows: [[Number.NaN]] }] })).toThrow(RangeError);
    expect(() => buildXlsx({ sheets: [{ name: 'S', rows: [['a\u0001b']] }] })).toThrow(/XML 1.0/);
    expect(() => buildXlsx({ sheets: [{ name: 'S', rows: [] }, { name: 'T', rows: [], partName: 'sheet1.xml' }] })).toThrow(/share/);
  });
});

describe('buildXlsx styles', () => {
  test('points a cell at a built-in number format by id, with no numFmt element', () => {
    const bytes = buildXlsx({ sheets: [{ name: 'S', rows: [[{ value: 0.5, numFmt: 9 }, { value: 0.25, numFmt: 10 }]] }] });
    const styles = xmlOf(bytes, 'xl/styles.xml');
    expect(descendants(styles, 'numFmt')).toEqual([]);
    const xfs = descendants(child(styles, 'cellXfs') as XmlNode, 'xf');
    const cells = cellsOf(xmlOf(bytes, 'xl/worksheets/sheet1.xml'));
    expect([cells.A1, cells.B1].map((c) => xfs[Number(c?.s)]?.attributes.numFmtId)).toEqual(['9', '10']);
  });


  test('lists every font used and points each styled cell at an xf with its font and number format', () => {
    const bytes = buildXlsx({
      sheets: [
        {
          name: 'S',
          rows: [
            [
              { value: 'a', font: '.VnTime' },
              { value: 'b', font: 'VNI-Times' },
              { value: 1, numFmt: '#,##0.00' },
              { value: 2, font: '.VnTime', numFmt: '#,##0.00' },
              { date: 1 },
              { value: 'c', font: '.VnTime' },
            ],
          ],
        },
      ],
    });
    const styles = xmlOf(bytes, 'xl/styles.xml');
    const fonts = descendants(styles, 'font').map((f) => child(f, 'name')?.attributes.val);
    expect(fonts).toEqual(['Calibri', '.VnTime', 'VNI-Times']);
    expect(descendants(styles, 'numFmt').map((n) => [n.attributes.numFmtId, n.attributes.formatCode])).toEqual([['164', '#,##0.00']]);
    const xfs = descendants(child(styles, 'cellXfs') ?? styles, 'xf');
    const cells = cellsOf(xmlOf(bytes, 'xl/worksheets/sheet1.xml'));
    const styleOf = (ref: string) => {
      const xf = xfs[Number(cells[ref]?.s ?? 0)];
      return [fonts[Number(xf?.attributes.fontId)], xf?.attributes.numFmtId];
    };
    expect(['A1', 'B1', 'C1', 'D1', 'E1', 'F1'].map(styleOf)).toEqual([
      ['.VnTime', '0'],
      ['VNI-Times', '0'],
      ['Calibri', '164'],
      ['.VnTime', '164'],
      ['Calibri', '14'],
      ['.VnTime', '0'],
    ]);
    expect(xfs[0]?.attributes).toMatchObject({ numFmtId: '0', fontId: '0' });
    expect(child(styles, 'cellXfs')?.attributes.count).toBe(String(xfs.length));
  });
});

describe('cellAddress', () => {
  test.each([
    [1, 1, 'A1'],
    [3, 28, 'AB3'],
    [10, 26, 'Z10'],
    [2, 27, 'AA2'],
    [1, 52, 'AZ1'],
    [1, 53, 'BA1'],
    [1, 702, 'ZZ1'],
    [1, 703, 'AAA1'],
    [1048576, 16384, 'XFD1048576'],
  ])('row %i column %i is %s', (row, col, expected) => {
    expect(cellAddress(row, col)).toBe(expected);
  });

  test.each([
    [0, 1],
    [1, 0],
    [1.5, 1],
    [1, 16385],
    [1048577, 1],
  ])('throws on row %d column %d', (row, col) => {
    expect(() => cellAddress(row, col)).toThrow(RangeError);
  });
});

function findSoffice(): string {
  const candidates = [process.env.SOFFICE, ...(process.env.PATH ?? '').split(delimiter).map((dir) => join(dir, 'soffice'))];
  for (const candidate of candidates) {
    if (candidate === undefined || candidate === '') continue;
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here; try the next one
    }
  }
  throw new Error('LibreOffice is required for this test: `soffice` is not on PATH (install libreoffice, or set SOFFICE to its path).');
}

describe('LibreOffice', () => {
  test('opens a fixture and reads back its Vietnamese text, numbers and cached formula values', () => {
    const soffice = findSoffice();
    const dir = mkdtempSync(join(tmpdir(), 'da06-fixture-lo-'));
    try {
      const bytes = buildXlsx({
        sheets: [
          {
            name: 'Chỉ tiêu',
            rows: [
              ['Mã', 'Tên chỉ tiêu', 'Giá trị'],
              ['CT01', { shared: 'Tỷ lệ hồ sơ giải quyết đúng hạn' }, 97.25],
              ['CT02', 'Số tài khoản định danh điện tử & "mức 2"', 1234567],
              [{ formula: 'C2+C3', value: 1234664.25 }, { formula: 'A2&" – "&A3', value: 'CT01 – CT02' }, { formula: 'C3>C2', value: true }],
            ],
          },
          { name: 'Ẩn', state: 'hidden', rows: [['không xuất']] },
        ],
      });
      const input = join(dir, 'fixture.xlsx');
      writeFileSync(input, bytes);
      execFileSync(
        soffice,
        [
          '--headless',
          '--norestore',
          `-env:UserInstallation=file://${join(dir, 'lo-profile')}`,
          '--convert-to',
          'csv:Text - txt - csv (StarCalc):44,34,76',
          '--outdir',
          dir,
          input,
        ],
        { timeout: 90_000, stdio: 'pipe', env: { ...process.env, HOME: dir } },
      );
      const csv = readFileSync(join(dir, 'fixture.csv'), 'utf8');
      for (const expected of [
        'Tên chỉ tiêu',
        'Tỷ lệ hồ sơ giải quyết đúng hạn',
        'Số tài khoản định danh điện tử & ""mức 2""',
        '97.25',
        '1234567',
        '1234664.25',
        'CT01 – CT02',
        'TRUE',
      ]) {
        expect(csv).toContain(expected);
      }
      expect(csv).not.toContain('không xuất');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 120_000);
});
