import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { catalogHash } from '../../lib/catalog/hash';
import { packageRoot } from '../../lib/node/seeds';
import { catalog, definition, generatedAt, period, unit } from '../_lib/plan';
import { readXlsx } from '../../lib/read/xlsx';
import { rowsForUnit } from '../../lib/template/assign';
import { generateWorkbook } from '../../lib/template/generate';
import { assertLibreOfficeInstalled, convertFiles, runUnoScript, UNO_FILL_SCRIPT } from '../_lib/libreoffice';
import { identityOf, keysOf, loadWorkbook, xmlParts } from './_lib/read';

// Real LibreOffice: slow, so one generous timeout per test; never skipped (a missing soffice fails loudly).
const TIMEOUT = 120_000;
/** Gitignored: the PDFs, page pictures and filled workbooks stay for a person to look at. */
const OUT = join(packageRoot(), 'test-output', 'libreoffice');


const COVER = 'Thông tin chung';
const INDICATORS = 'Biểu 01 - Chỉ tiêu';
const TASKS = 'Biểu 02 - Nhiệm vụ';
const IDENTITY = '_da06';

async function writeTemplate(code: string, name: string): Promise<string> {
  const path = join(OUT, name);
  writeFileSync(path, await generateWorkbook({ definition, catalog, unit: unit(code), period, generatedAt }));
  return path;
}

function run(command: string, args: string[]): string {
  const result = spawnSync(command, args, { encoding: 'utf8', timeout: 60_000 });
  if (result.error || result.status !== 0) throw new Error(`${command} ${args.join(' ')}: ${result.error?.message ?? result.stderr}`);
  return result.stdout;
}

/** Edits for uno_fill.py; cells are found by row key, as the reader finds them. */
type Edit =
  | { op: 'set' | 'pick'; sheet: string; key: string; column: string; value: string | number }
  | { op: 'insertRow'; sheet: string; beforeKey: string; values: Record<string, string | number> };

async function fillWithLibreOffice(source: string, target: string, edits: Edit[], extra: string[] = []): Promise<ExcelJS.Workbook> {
  await runUnoScript({ script: UNO_FILL_SCRIPT, args: [...extra, source, target], input: JSON.stringify(edits) });
  return loadWorkbook(readFileSync(target));
}

function sheet(wb: ExcelJS.Workbook, name: string): ExcelJS.Worksheet {
  const ws = wb.getWorksheet(name);
  if (!ws) throw new Error(`no sheet "${name}" in ${wb.worksheets.map((w) => w.name).join(', ')}`);
  return ws;
}

/** Row of a key in column A; fails with the key's name rather than reading the wrong row. */
function rowOf(ws: ExcelJS.Worksheet, key: string): number {
  const row = keysOf(ws).get(key);
  if (row === undefined) throw new Error(`no row with key ${key} on "${ws.name}"`);
  return row;
}

const cellOf = (ws: ExcelJS.Worksheet, key: string, column: string): ExcelJS.Cell => ws.getCell(`${column}${rowOf(ws, key)}`);

/** The identity sheet's row list: [key, sheet id] after the `rows` header. */
function identityRows(ws: ExcelJS.Worksheet): Array<[string, string]> {
  const rows: Array<[string, string]> = [];
  let inList = false;
  ws.eachRow((row) => {
    const key = row.getCell(1).value;
    if (inList && typeof key === 'string') rows.push([key, String(row.getCell(2).value)]);
    if (key === 'rows') inList = true;
  });
  return rows;
}

/** The XML part of a sheet, found through workbook.xml and its relationships (LibreOffice renumbers parts). */
function sheetXml(parts: Record<string, string>, name: string): string {
  const unescape = (s: string) => s.replace(/&apos;/g, "'").replace(/&quot;/g, '"').replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  const sheetTag = [...(parts['xl/workbook.xml'] ?? '').matchAll(/<sheet\b[^>]*>/g)].map((m) => m[0]).find((tag) => unescape(/\bname="([^"]*)"/.exec(tag)?.[1] ?? '') === name);
  const id = sheetTag && /\br:id="([^"]*)"/.exec(sheetTag)?.[1];
  const rel = [...(parts['xl/_rels/workbook.xml.rels'] ?? '').matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((tag) => tag.includes(`Id="${id}"`));
  const target = rel && /\bTarget="([^"]*)"/.exec(rel)?.[1];
  const xml = target && parts[target.startsWith('/') ? target.slice(1) : `xl/${target}`];
  if (!xml) throw new Error(`no XML part for sheet "${name}"`);
  return xml;
}

interface Validation {
  type: string;
  sqref: string;
  formula1: string;
}

function validationsOf(xml: string): Validation[] {
  return [...xml.matchAll(/<dataValidation\b([^>]*)>([\s\S]*?)<\/dataValidation>/g)].map((m) => ({
    type: /\btype="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '',
    sqref: /\bsqref="([^"]*)"/.exec(m[1] ?? '')?.[1] ?? '',
    formula1: /<formula1>([\s\S]*?)<\/formula1>/.exec(m[2] ?? '')?.[1] ?? '',
  }));
}

/** Whether an sqref such as `I7:I8 I10` covers a single-column address such as `I8`. */
function covers(sqref: string, address: string): boolean {
  const [, column, row] = /^([A-Z]+)(\d+)$/.exec(address) ?? [];
  return sqref.split(/\s+/).some((range) => {
    const [from, to = from] = range.split(':');
    const a = /^([A-Z]+)(\d+)$/.exec(from ?? '');
    const b = /^([A-Z]+)(\d+)$/.exec(to ?? '');
    return !!a && !!b && a[1] === column && b[1] === column && Number(a[2]) <= Number(row) && Number(row) <= Number(b[2]);
  });
}

beforeAll(() => {
  assertLibreOfficeInstalled();
  mkdirSync(OUT, { recursive: true });
});

describe('templates in LibreOffice', () => {
  it('LibreOffice renders the templates as A4 landscape with title, unit and rows', async () => {
    const department = await writeTemplate('SYT', 'SYT.xlsx');
    const commune = await writeTemplate('15127', '15127.xlsx');
    const [departmentPdf, communePdf] = (await convertFiles([department, commune], { to: 'pdf', outDir: OUT })) as [string, string];

    const pdf = (path: string) => {
      const pages = Number(/^Pages:\s+(\d+)/m.exec(run('pdfinfo', [path]))?.[1]);
      const sizes = [...run('pdfinfo', ['-f', '1', '-l', String(pages), path]).matchAll(/^Page\s+\d+ size:\s+([\d.]+) x ([\d.]+) pts/gm)].map((m) => [Number(m[1]), Number(m[2])]);
      // Liberation Serif 1.07 lacks some Vietnamese capitals (Ế, Ở …): LibreOffice draws them from DejaVu and
      // pdftotext then splits the word ("SỞ Y T Ế"). Compare with all white space removed.
      const text = run('pdftotext', ['-enc', 'UTF-8', path, '-']).normalize('NFC');
      const squashed = text.replace(/\s+/g, '');
      const keys = new Set(text.match(/\b(?:PL\d|KH)(?:\.[A-Z0-9]+)+/g) ?? []);
      run('pdftoppm', ['-r', '60', '-png', '-f', '1', '-l', '1', '-singlefile', path, path.replace(/\.pdf$/, '-page1')]);
      return { pages, sizes, has: (s: string) => squashed.includes(s.replace(/\s+/g, '')), keys };
    };

    const syt = pdf(departmentPdf);
    const xa = pdf(communePdf);
    for (const [file, { pages, sizes }] of [[departmentPdf, syt], [communePdf, xa]] as const) {
      expect(pages).toBeGreaterThanOrEqual(3); // cover, Biểu 01, Biểu 02 at least
      expect(sizes).toHaveLength(pages);
      for (const [width, height] of sizes) {
        expect(width).toBeCloseTo(841.89, 0);
        expect(height).toBeCloseTo(595.28, 0);
      }
      const png = readFileSync(file.replace(/\.pdf$/, '-page1.png'));
      expect(png.subarray(1, 4).toString('latin1')).toBe('PNG');
    }

    expect(syt.has('BÁO CÁO KẾT QUẢ THỰC HIỆN KẾ HOẠCH 210/KH-UBND (ĐỀ ÁN 06) THÁNG 11 NĂM 2026')).toBe(true);
    expect(syt.has('SỞ Y TẾ')).toBe(true);
    expect(syt.has('Hạn gửi: trước ngày 10/12/2026')).toBe(true);
    for (const key of ['PL1.II.5', 'PL1.II.12', 'PL1.II.13', 'PL1.II.14', 'PL1.IV.12', 'PL2.10']) expect(syt.keys).toContain(key);
    const sytRows = rowsForUnit(catalog, unit('SYT'), period, definition);
    expect([...syt.keys].sort()).toEqual([...sytRows.indicators.map((r) => r.indicator.key), ...sytRows.tasks.map((r) => r.task.key)].sort());

    expect(unit('15127').name).toBe('Xã Cẩm Thủy');
    expect(xa.has('UBND XÃ CẨM THỦY')).toBe(true);
    expect(xa.has('Hạn gửi: trước ngày 10/12/2026')).toBe(true);
    expect(xa.has('Đơn vị không được giao theo dõi chỉ tiêu nào')).toBe(true);
    const communeRows = rowsForUnit(catalog, unit('15127'), period, definition);
    expect(communeRows.indicators).toEqual([]);
    expect([...xa.keys].filter((k) => k.startsWith('PL1.'))).toEqual([]);
    expect(communeRows.tasks.length).toBeGreaterThan(0);
    expect([...xa.keys].sort()).toEqual(communeRows.tasks.map((r) => r.task.key).sort());
  }, TIMEOUT);

  it('a workbook filled and saved by LibreOffice keeps identity, keys and typed values', async () => {
    const source = await writeTemplate('SYT', 'SYT-before-fill.xlsx');
    const before = await loadWorkbook(readFileSync(source));
    const insertedAt = rowOf(sheet(before, TASKS), 'PL3.II.4');
    const results = 'Đã kết nối dữ liệu khám chữa bệnh với Cổng tiếp nhận của Bộ Y tế; cấp 1.250 sổ sức khỏe điện tử, đạt 40% kế hoạch.';

    const wb = await fillWithLibreOffice(source, join(OUT, 'SYT-filled.xlsx'), [
      { op: 'set', sheet: COVER, key: 'preparerName', column: 'D', value: 'Nguyễn Văn An' },
      { op: 'set', sheet: COVER, key: 'email', column: 'D', value: 'an@syt.thanhhoa.gov.vn' },
      { op: 'set', sheet: INDICATORS, key: 'PL1.II.5', column: 'H', value: 72.5 },
      { op: 'pick', sheet: INDICATORS, key: 'PL1.IV.12', column: 'H', value: 'Hoàn thành' },
      { op: 'pick', sheet: TASKS, key: 'PL2.10', column: 'G', value: 'Đang triển khai' },
      { op: 'set', sheet: TASKS, key: 'PL2.10', column: 'H', value: 40 },
      { op: 'set', sheet: TASKS, key: 'PL2.10', column: 'I', value: results },
      { op: 'insertRow', sheet: TASKS, beforeKey: 'PL3.II.4', values: { D: 'Dòng thêm' } },
    ]);

    const identitySheet = sheet(wb, IDENTITY);
    expect(['hidden', 'veryHidden']).toContain(identitySheet.state); // LibreOffice saves veryHidden as hidden
    expect(identityOf(identitySheet)).toEqual(expect.objectContaining({
      templateId: 'da06-bao-cao-thang',
      templateVersion: 2,
      catalogHash: catalogHash(catalog),
      unitCode: 'SYT',
      unitName: 'Sở Y tế',
      period: '2026-11',
    }));

    const sheetNames: Record<string, string> = { cover: COVER, indicators: INDICATORS, tasks: TASKS };
    const listed = identityRows(identitySheet);
    expect(listed.length).toBe(identityOf(identitySheet)['rowCount']);
    const lost = listed.filter(([key, id]) => !keysOf(sheet(wb, sheetNames[id] ?? id)).has(key));
    expect(lost).toEqual([]);

    const cover = sheet(wb, COVER);
    const indicators = sheet(wb, INDICATORS);
    const tasks = sheet(wb, TASKS);
    expect(cellOf(cover, 'preparerName', 'D').value).toBe('Nguyễn Văn An');
    expect(cellOf(cover, 'email', 'D').value).toBe('an@syt.thanhhoa.gov.vn');
    expect(cellOf(indicators, 'PL1.II.5', 'H').value).toBe(72.5);
    expect(cellOf(indicators, 'PL1.IV.12', 'H').value).toBe('Hoàn thành');
    expect(cellOf(tasks, 'PL2.10', 'G').value).toBe('Đang triển khai');
    expect(cellOf(tasks, 'PL2.10', 'H').value).toBe(40);
    const typed = cellOf(tasks, 'PL2.10', 'I').value;
    expect(typed).toBe(results);
    expect(typed).toBe(String(typed).normalize('NFC'));

    // The inserted row pushed the rest down: keys still find their rows, the new row has no key.
    expect(rowOf(tasks, 'PL3.II.4')).toBe(insertedAt + 1);
    expect(tasks.getCell(`A${insertedAt}`).value ?? '').toBe('');
    expect(tasks.getCell(`D${insertedAt}`).value).toBe('Dòng thêm');

    // exceljs misreads LibreOffice's sheet="true" as unprotected: check the XML itself.
    const parts = xmlParts(readFileSync(join(OUT, 'SYT-filled.xlsx')));
    for (const name of [COVER, INDICATORS, TASKS]) {
      expect(sheetXml(parts, name)).toMatch(/<sheetProtection\b[^>]*\bsheet="(?:1|true)"/);
    }
    const taskValidations = validationsOf(sheetXml(parts, TASKS));
    const moved = rowOf(tasks, 'PL3.II.4');
    expect(taskValidations.filter((v) => v.type === 'list' && v.formula1 === 'DS_taskStatus' && covers(v.sqref, `G${moved}`))).toHaveLength(1);
    expect(taskValidations.filter((v) => v.type === 'decimal' && covers(v.sqref, `H${moved}`))).toHaveLength(1);
    const indicatorValidations = validationsOf(sheetXml(parts, INDICATORS));
    expect(indicatorValidations.filter((v) => v.type === 'list' && v.formula1 === 'DS_indicatorState' && covers(v.sqref, `H${rowOf(indicators, 'PL1.IV.12')}`))).toHaveLength(1);
  }, TIMEOUT);

  it('a commune form without Biểu 01, filled and saved by LibreOffice, still reads as no indicator rows', async () => {
    const source = await writeTemplate('15127', '15127-before-fill.xlsx');
    const target = join(OUT, '15127-filled.xlsx');
    await fillWithLibreOffice(source, target, [
      { op: 'set', sheet: COVER, key: 'preparerName', column: 'D', value: 'Lê Văn Bình' },
      { op: 'pick', sheet: TASKS, key: 'PL2.14', column: 'G', value: 'Đang triển khai' },
      { op: 'set', sheet: TASKS, key: 'PL2.14', column: 'H', value: 30 },
    ]);
    const { submission, issues } = readXlsx(readFileSync(target));
    expect(issues.map((i) => i.code)).toEqual([]);
    expect(submission?.sheetNames).toEqual({ cover: COVER, indicators: '', tasks: TASKS });
    expect(submission?.indicators).toEqual([]);
    const row = submission?.tasks.find((r) => r.key === 'PL2.14');
    expect([row?.fields.status?.cell?.value, row?.fields.progress?.cell?.value]).toEqual(['Đang triển khai', 30]);
  }, TIMEOUT);

  it('LibreOffice computes the assessment formula', async () => {
    const source = await writeTemplate('SYT', 'SYT-before-assessment.xlsx');
    // --recalc: LibreOffice 7.4 ignores the generator's fullCalcOnLoad (a stale cached assessment survives a
    // headless load), so recalculate everything before saving instead of relying on edit-time updates alone.
    const wb = await fillWithLibreOffice(source, join(OUT, 'SYT-assessment.xlsx'), [
      { op: 'set', sheet: INDICATORS, key: 'PL1.II.5', column: 'H', value: 72.5 },
      { op: 'set', sheet: INDICATORS, key: 'PL1.II.12', column: 'H', value: 30 },
      { op: 'pick', sheet: INDICATORS, key: 'PL1.IV.12', column: 'H', value: 'Hoàn thành' },
    ], ['--recalc']);
    const ws = sheet(wb, INDICATORS);
    const assessed = (key: string) => {
      const value = cellOf(ws, key, 'I').value as ExcelJS.CellFormulaValue;
      return { target: cellOf(ws, key, 'G').value, formulaReadsResult: value.formula?.includes(`H${rowOf(ws, key)}`), result: value.result };
    };
    expect(assessed('PL1.II.5')).toEqual({ target: '50', formulaReadsResult: true, result: 'Đạt' });
    expect(assessed('PL1.II.12')).toEqual({ target: '100 (năm 2030)', formulaReadsResult: true, result: 'Chưa đến mốc' });
    expect(assessed('PL1.IV.12')).toEqual({ target: 'Hoàn thành và đưa vào sử dụng thường xuyên', formulaReadsResult: true, result: 'Chưa đạt' });
    expect(assessed('PL1.II.13')).toEqual({ target: 'Không đặt chỉ tiêu', formulaReadsResult: true, result: 'Chưa có số liệu' });
  }, TIMEOUT);
});
