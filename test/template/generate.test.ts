import type ExcelJS from 'exceljs';
import { catalogHash } from '../../lib/catalog/hash';
import { rowsForUnit } from '../../lib/template/assign';
import { templateFileName } from '../../lib/template/filename';
import { catalog, definition, generatedAt, period, roster, unit } from '../_lib/plan';
import { generateWorkbook, HEADER_ROWS } from '../../lib/template/generate';
import { FORM_DEFINITIONS } from '../../lib/template/registry';
import type { FormDefinition } from '../../lib/template/schema';
import { overflowingCells } from '../_lib/print';
import { dataKeys, identityOf, keysOf, loadWorkbook, xmlParts } from './_lib/read';

const generate = (code: string, at = generatedAt) => generateWorkbook({ definition, catalog, unit: unit(code), period, generatedAt: at });
const sheet = (wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet => {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet ${name}`);
  return ws;
};

describe('generateWorkbook for Sở Y tế, November 2026', () => {
  let wb: ExcelJS.Workbook;
  let bytes: Uint8Array;
  beforeAll(async () => {
    bytes = await generate('SYT');
    wb = await loadWorkbook(bytes);
  });

  it('has the cover, the two forms, and the hidden lists and identity sheets, in that order', () => {
    expect(wb.worksheets.map((ws) => [ws.name, ws.state])).toEqual([
      ['Thông tin chung', 'visible'],
      ['Biểu 01 - Chỉ tiêu', 'visible'],
      ['Biểu 02 - Nhiệm vụ', 'visible'],
      ['_danh_sach', 'hidden'],
      ['_da06', 'veryHidden'],
    ]);
  });

  it('carries its identity: template id and version, catalog hash, unit, period, generation time', () => {
    expect(identityOf(sheet(wb, '_da06'))).toEqual(
      expect.objectContaining({
        da06: 'da06',
        templateId: 'da06-bao-cao-thang',
        templateVersion: 2,
        catalogHash: catalogHash(catalog),
        unitCode: 'SYT',
        unitName: 'Sở Y tế',
        unitKind: 'department',
        period: '2026-11',
        generatedAt: '2026-11-26T01:02:03.000Z',
      }),
    );
  });

  it('lists exactly the indicators Sở Y tế monitors, by key, in a hidden key column', () => {
    const ws = sheet(wb, 'Biểu 01 - Chỉ tiêu');
    expect(dataKeys(ws)).toEqual(['PL1.II.5', 'PL1.II.12', 'PL1.II.13', 'PL1.II.14', 'PL1.IV.12']);
    expect(ws.getColumn(1).hidden).toBe(true);
    expect(keysOf(ws).has('#PL1.II')).toBe(true);
  });

  it('includes task PL2.10 as coordinator, naming its lead, and PL3.III.3 as lead', () => {
    const ws = sheet(wb, 'Biểu 02 - Nhiệm vụ');
    const keys = keysOf(ws);
    expect(ws.getCell(keys.get('PL2.10') as number, 5).value).toBe('Phối hợp\n(chủ trì: Bộ Y tế; Bộ Công an)');
    expect(ws.getCell(keys.get('PL3.III.3') as number, 5).value).toBe('Chủ trì');
    expect(dataKeys(ws)).toEqual(rowsForUnit(catalog, unit('SYT'), period, definition).tasks.map((t) => t.task.key));
  });

  it('shows a dated deadline with where the period stands, overdue in red; a recurring one in its own words', () => {
    const ws = sheet(wb, 'Biểu 02 - Nhiệm vụ');
    const keys = keysOf(ws);
    const deadline = ws.getCell(keys.get('PL2.10') as number, 6).value as ExcelJS.CellRichTextValue;
    expect(deadline.richText.map((r) => r.text)).toEqual(['Tháng 6/2026\n', '(Quá hạn)']);
    expect(deadline.richText[1]?.font).toEqual(expect.objectContaining({ name: 'Times New Roman', bold: true, color: { argb: 'FFC00000' } }));
    const recurring = rowsForUnit(catalog, unit('SYT'), period, definition).tasks.find((t) => t.deadline.status === 'recurring');
    expect(ws.getCell(keys.get(recurring?.task.key as string) as number, 6).value).toBe(recurring?.task.deadline.text);
  });

  it('lists every data row key in the identity sheet too', () => {
    const ws = sheet(wb, '_da06');
    const listed: string[] = [];
    let inRows = false;
    ws.eachRow((row) => {
      if (row.getCell(1).value === 'rows') inRows = true;
      else if (inRows) listed.push(`${row.getCell(2).value}:${row.getCell(1).value}`);
    });
    const expected = [
      ...definition.cover.fields.map((f) => `cover:${f.id}`),
      ...dataKeys(sheet(wb, 'Biểu 01 - Chỉ tiêu')).map((k) => `indicators:${k}`),
      ...dataKeys(sheet(wb, 'Biểu 02 - Nhiệm vụ')).map((k) => `tasks:${k}`),
    ];
    expect(listed).toEqual(expected);
  });

  it('shows the target that applies this period, with a later milestone where the year has none', () => {
    const ws = sheet(wb, 'Biểu 01 - Chỉ tiêu');
    const keys = keysOf(ws);
    const target = (key: string) => ws.getCell(keys.get(key) as number, 7).value;
    expect(target('PL1.II.5')).toBe('50');
    expect(target('PL1.II.12')).toBe('100 (năm 2030)');
    expect(target('PL1.II.13')).toBe('Không đặt chỉ tiêu');
    expect(target('PL1.IV.12')).toBe('Hoàn thành và đưa vào sử dụng thường xuyên');
    expect(ws.getCell(4, 7).value).toBe('Chỉ tiêu năm 2026');
  });

  it('types each result cell after its indicator: % as 0–100, states as a dropdown from the lists sheet', () => {
    const ws = sheet(wb, 'Biểu 01 - Chỉ tiêu');
    const keys = keysOf(ws);
    const result = (key: string) => ws.getCell(keys.get(key) as number, 8);
    expect(result('PL1.II.5').dataValidation).toEqual(
      expect.objectContaining({ type: 'decimal', operator: 'between', formulae: [0, 100], showErrorMessage: true, error: expect.stringMatching(/từ 0 đến 100/) }),
    );
    expect(result('PL1.IV.12').dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['DS_indicatorState'] }));
    expect(wb.definedNames.getRanges('DS_indicatorState').ranges).toEqual(["'_danh_sach'!$B$2:$B$5"]);
  });

  it('leaves percent inputs in the General format, so "85,5%" typed in LibreOffice keeps its percent format', () => {
    // Under a number format LibreOffice keeps the format: "50%" typed into `0` was stored as 0.5 and shown as "1".
    const indicators = sheet(wb, 'Biểu 01 - Chỉ tiêu');
    const tasks = sheet(wb, 'Biểu 02 - Nhiệm vụ');
    // Data columns start at B, in the definition's order.
    const col = (where: 'indicators' | 'tasks', id: string) => 2 + definition[where].columns.findIndex((c) => c.id === id);
    const progress = tasks.getCell(keysOf(tasks).get('PL2.10') as number, col('tasks', 'progress'));
    expect(progress.dataValidation).toEqual(expect.objectContaining({ type: 'decimal', formulae: [0, 100] }));
    for (const cell of [indicators.getCell(keysOf(indicators).get('PL1.II.5') as number, col('indicators', 'result')), progress]) {
      expect(cell.numFmt ?? 'General').toBe('General');
      expect(cell.alignment?.horizontal).toBe('right');
    }
  });

  it('computes the assessment with a formula built from the target, cached as "no data" while empty', () => {
    const ws = sheet(wb, 'Biểu 01 - Chỉ tiêu');
    const keys = keysOf(ws);
    const assessment = (key: string) => ws.getCell(keys.get(key) as number, 9).value as { formula: string; result: string };
    const row = keys.get('PL1.II.5') as number;
    expect(assessment('PL1.II.5')).toEqual({ formula: `IF(ISNUMBER(H${row}),IF(H${row}>=50,"Đạt","Chưa đạt"),"Chưa có số liệu")`, result: 'Chưa có số liệu' });
    expect(assessment('PL1.II.12').formula).toContain('"Chưa đến mốc"');
    expect(assessment('PL1.IV.12').formula).toContain('MATCH(H');
  });

  it('unlocks and shades input cells only; labels, keys and formulas stay locked', () => {
    const ws = sheet(wb, 'Biểu 02 - Nhiệm vụ');
    const row = keysOf(ws).get('PL2.10') as number;
    const locked = (col: number) => ws.getCell(row, col).protection?.locked !== false;
    expect([1, 2, 3, 4, 5, 6].map(locked)).toEqual(Array(6).fill(true));
    expect([7, 8, 9, 10, 11, 12].map(locked)).toEqual(Array(6).fill(false));
    expect(ws.getCell(row, 7).fill).toEqual(expect.objectContaining({ fgColor: { argb: 'FFFFF2CC' } }));
    expect(ws.getCell(row, 7).dataValidation).toEqual(expect.objectContaining({ type: 'list', formulae: ['DS_taskStatus'] }));
    expect(ws.getCell(row, 8).dataValidation).toEqual(expect.objectContaining({ type: 'decimal', formulae: [0, 100] }));
  });

  it('protects every sheet without a password and allows formatting, resizing and inserting rows', () => {
    const parts = xmlParts(bytes);
    const sheets = Object.keys(parts).filter((p) => /^xl\/worksheets\/sheet\d+\.xml$/.test(p));
    expect(sheets).toHaveLength(5);
    for (const path of sheets) {
      const protection = /<sheetProtection [^>]*\/>/.exec(parts[path] as string)?.[0] ?? '';
      expect(protection).toMatch(/sheet="1"/);
      expect(protection).not.toMatch(/hashValue|password/);
      expect(protection).toMatch(/formatCells="0"/);
      expect(protection).toMatch(/formatRows="0"/);
      expect(protection).toMatch(/insertRows="0"/);
    }
  });

  it('marks empty required inputs and out-of-range numbers with conditional formats', () => {
    const parts = xmlParts(bytes);
    const indicators = parts['xl/worksheets/sheet2.xml'] as string;
    expect(indicators).toMatch(/<conditionalFormatting sqref="H\d+">/);
    expect(indicators).toContain('LEN(TRIM(H');
    expect(indicators).toMatch(/OR\(AND\(ISNUMBER\(H\d+\),OR\(H\d+&lt;0,H\d+&gt;100\)\)/);
  });

  it('prints on A4 landscape, fit to width, from column B, with header rows repeated and frozen', () => {
    for (const [name, last] of [['Biểu 01 - Chỉ tiêu', 'K'], ['Biểu 02 - Nhiệm vụ', 'L']] as const) {
      const ws = sheet(wb, name);
      expect(ws.pageSetup).toEqual(expect.objectContaining({ paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 }));
      expect(ws.pageSetup.printTitlesRow).toBe('4:5');
      expect(ws.pageSetup.printArea).toBe(`B1:${last}${ws.rowCount}`);
      expect(ws.views[0]).toEqual(expect.objectContaining({ state: 'frozen', ySplit: 5 }));
      expect(ws.headerFooter.oddFooter).toContain('Trang &P/&N');
    }
    // The cover flows onto a second page rather than shrinking to one.
    const cover = sheet(wb, 'Thông tin chung');
    expect(cover.pageSetup).toEqual(expect.objectContaining({ paperSize: 9, orientation: 'landscape', fitToWidth: 1, fitToHeight: 0 }));
    expect(cover.pageSetup.printArea).toBe(`B1:G${cover.rowCount}`);
  });

  it('explains the input-cell colours: on the cover, and above each table in the colours themselves', () => {
    const legend = definition.legend;
    if (!legend) throw new Error('the current definition has a legend');
    const cover = sheet(wb, 'Thông tin chung');
    const texts: Array<[string, string | undefined]> = [];
    cover.eachRow((row) => {
      const swatch = row.getCell(2);
      if (!swatch.isMerged && swatch.fill?.type === 'pattern' && swatch.fill.pattern === 'solid') texts.push([String(row.getCell(3).value), swatch.fill.fgColor?.argb]);
    });
    expect(texts).toEqual([
      [legend.items[0]?.text, 'FFFFF2CC'],
      [legend.items[1]?.text, 'FFFCE4D6'],
      [legend.items[2]?.text, 'FFF8CBAD'],
    ]);
    for (const name of ['Biểu 01 - Chỉ tiêu', 'Biểu 02 - Nhiệm vụ']) {
      const ws = sheet(wb, name);
      expect(ws.getCell(3, 1).value).toBe('#legend');
      const boxes: Array<[unknown, string | undefined]> = [];
      ws.getRow(3).eachCell((cell) => {
        if (cell.master.address === cell.address && cell.fill?.type === 'pattern' && cell.fill.pattern === 'solid') boxes.push([cell.value, cell.fill.fgColor?.argb]);
      });
      expect(boxes).toEqual([
        ['Ô nhập liệu', 'FFFFF2CC'],
        ['Ô bắt buộc chưa nhập', 'FFFCE4D6'],
        ['Giá trị không hợp lệ', 'FFF8CBAD'],
      ]);
    }
    // The pink of the legend is the pink Excel paints an empty required cell with.
    expect(xmlParts(bytes)['xl/styles.xml']).toMatch(/<dxf>(?:(?!<\/dxf>).)*FFFCE4D6/s);
  });

  it('uses Times New Roman for every visible cell and a Vietnamese administrative header', () => {
    const cover = sheet(wb, 'Thông tin chung');
    expect(cover.getCell('B1').value).toBe('UBND TỈNH THANH HÓA');
    expect(cover.getCell('B2').value).toBe('SỞ Y TẾ');
    expect(cover.getCell('D1').value).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(cover.getCell('D2').value).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(cover.getCell('B5').value).toBe('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH 210/KH-UBND (ĐỀ ÁN 06) THÁNG 11 NĂM 2026');
    expect(cover.getCell('B7').value).toMatch(/^Hạn gửi: trước ngày 10\/12\/2026/);
    const fonts = new Set<string | undefined>();
    for (const ws of wb.worksheets.filter((w) => w.state === 'visible')) {
      ws.eachRow((row) => row.eachCell((cell) => {
        if (cell.value !== null && cell.value !== '' && !ws.getColumn(cell.col).hidden) fonts.add(`${cell.font?.name}`);
      }));
    }
    expect(fonts).toEqual(new Set(['Times New Roman']));
  });

  it('offers input cells for the preparer, the report date and the general assessment', () => {
    const cover = sheet(wb, 'Thông tin chung');
    const keys = keysOf(cover);
    expect([...keys.keys()]).toEqual(definition.cover.fields.map((f) => f.id));
    const input = (id: string) => cover.getCell(keys.get(id) as number, 4);
    expect(input('reportDate').dataValidation).toEqual(expect.objectContaining({ type: 'date' }));
    expect(input('email').dataValidation).toEqual(expect.objectContaining({ type: 'custom' }));
    expect(input('phone').numFmt).toBe('@');
    expect(input('assessment').protection?.locked).toBe(false);
  });
});

describe('generateWorkbook across the roster', () => {
  it('gives every unit exactly its catalog rows, and every commune the same rows', async () => {
    const communeKeys = new Set<string>();
    for (const u of roster.units) {
      const wb = await loadWorkbook(await generateWorkbook({ definition, catalog, unit: u, period, generatedAt }));
      const rows = rowsForUnit(catalog, u, period, definition);
      const indicators = wb.getWorksheet('Biểu 01 - Chỉ tiêu');
      expect(indicators === undefined).toBe(rows.indicators.length === 0);
      if (indicators) expect(dataKeys(indicators)).toEqual(rows.indicators.map((r) => r.indicator.key));
      const taskKeys = dataKeys(wb.getWorksheet('Biểu 02 - Nhiệm vụ') as ExcelJS.Worksheet);
      expect(taskKeys).toEqual(rows.tasks.map((r) => r.task.key));
      if (u.kind === 'commune') communeKeys.add(taskKeys.join(','));
    }
    expect(communeKeys.size).toBe(1);
    expect([...communeKeys][0]).toContain('PL2.14');
  }, 120_000);

  it('shows every text whole in Excel\'s column widths, for every department and a commune', async () => {
    const units = [...roster.units.filter((u) => u.kind === 'department'), unit('15127')];
    for (const u of units) expect([u.code, await overflowingCells(await generateWorkbook({ definition, catalog, unit: u, period, generatedAt }))]).toEqual([u.code, []]);
  }, 120_000);

  it('gives a unit that monitors no indicator no Biểu 01, says why on the cover, and says so in the identity', async () => {
    const wb = await loadWorkbook(await generate('15127'));
    expect(wb.worksheets.map((ws) => ws.name)).toEqual(['Thông tin chung', 'Biểu 02 - Nhiệm vụ', '_danh_sach', '_da06']);
    const cover = sheet(wb, 'Thông tin chung');
    expect(cover.getCell('B2').value).toBe('UBND XÃ CẨM THỦY');
    const lines: string[] = [];
    cover.eachRow((row) => lines.push(String(row.getCell(2).value ?? '')));
    expect(lines).toContain(`2. ${definition.indicators.omittedNote}`);
    expect(lines.some((l) => l.includes('Biểu 01: nhập kết quả'))).toBe(false);
    const identity = identityOf(sheet(wb, '_da06'));
    expect(identity['sheet.indicators'] ?? '').toBe('');
    expect(Object.keys(identity)).toContain('sheet.indicators');
    expect(identity['sheet.tasks']).toBe('Biểu 02 - Nhiệm vụ');
  });

  it('keeps Biểu 01 for a unit that monitors no indicator when the form says so (version 1)', async () => {
    const v1 = FORM_DEFINITIONS.find((d) => d.version === 1) as FormDefinition;
    const wb = await loadWorkbook(await generateWorkbook({ definition: v1, catalog, unit: unit('15127'), period, generatedAt }));
    const ws = sheet(wb, 'Biểu 01 - Chỉ tiêu');
    expect(dataKeys(ws)).toEqual([]);
    expect(ws.getCell(HEADER_ROWS + 1, 2).value).toBe(v1.indicators.emptyNote);
    expect(identityOf(sheet(wb, '_da06'))['sheet.indicators']).toBe('Biểu 01 - Chỉ tiêu');
  });

  it('gives the same content when the same period is generated twice', async () => {
    const a = xmlParts(await generate('CAT'));
    const b = xmlParts(await generate('CAT'));
    expect(Object.keys(a).sort()).toEqual(Object.keys(b).sort());
    for (const path of Object.keys(a)) expect(`${path}:${b[path]}`).toBe(`${path}:${a[path]}`);
  });

  it('differs only in the generation stamp when generated at another time', async () => {
    const a = xmlParts(await generate('CAT'));
    const b = xmlParts(await generate('CAT', new Date(Date.UTC(2026, 11 /* Dec */, 1))));
    const changed = Object.keys(a).filter((p) => a[p] !== b[p]).sort();
    expect(changed).toEqual(['docProps/core.xml', 'xl/sharedStrings.xml']);
    expect((b['xl/sharedStrings.xml'] as string).replace('2026-12-01T00:00:00.000Z', '2026-11-26T01:02:03.000Z')).toBe(a['xl/sharedStrings.xml']);
  });
});

describe('templateFileName', () => {
  it('is ASCII-safe and names the period, the unit code and the unit', () => {
    expect(templateFileName(period, unit('SYT'))).toBe('2026-11_SYT_so-y-te.xlsx');
    expect(templateFileName(period, unit('15127'))).toBe('2026-11_15127_xa-cam-thuy.xlsx');
    for (const u of roster.units) expect(templateFileName(period, u)).toMatch(/^2026-11_[A-Z0-9-]+_[a-z0-9-]+\.xlsx$/);
  });
});
