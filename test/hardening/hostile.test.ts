// Issue 7: hostile and broken input mixed into a folder of good returns. Each bad file gets a reason
// code and a Vietnamese message; none crashes, hangs, or keeps the good files out of the summary.
// The .xls and .ods files are made by LibreOffice at test time, the password-protected one by officecrypto-tool
// (ECMA-376 agile encryption, as Excel writes it); nothing binary is committed.
import { copyFileSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import officeCrypto from 'officecrypto-tool';
import { convertFiles } from '../_lib/libreoffice';
import { buildXlsx } from '../_lib/xlsx-fixture';
import { templateFixture, templateXlsx, type TemplateFixtureSpec } from '../_lib/template-fixture';
import { loadWorkbook, xmlParts } from '../template/_lib/read';
import { da06 } from '../cli/_lib/run';

const good = (unit: string, extra: Partial<TemplateFixtureSpec> = {}): TemplateFixtureSpec => ({ unit, unitName: unit, cover: { reportDate: '05/12/2026' }, ...extra });

/** Adds 50,000 merged ranges and a validation over whole columns to one sheet: exceljs hangs on these. */
function withHeavyFormatting(bytes: Uint8Array): Uint8Array {
  const files = unzipSync(bytes);
  const path = 'xl/worksheets/sheet3.xml';
  const merges = Array.from({ length: 50_000 }, (_, i) => `<mergeCell ref="P${i * 2 + 1}:Q${i * 2 + 1}"/>`).join('');
  const validation = '<dataValidations count="1"><dataValidation type="list" sqref="A2:L1048576"><formula1>"a,b"</formula1></dataValidation></dataValidations>';
  files[path] = strToU8(strFromU8(files[path] as Uint8Array).replace('</sheetData>', `</sheetData><mergeCells count="50000">${merges}</mergeCells>${validation}`));
  return zipSync(files);
}

describe('a folder of good returns mixed with hostile and broken files', () => {
  let dir: string;
  let result: { code: number; stdout: string };
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'da06-hostile-'));
    const put = (name: string, bytes: Uint8Array | string) => writeFileSync(join(dir, name), bytes);
    // Good returns.
    put('cat.xlsx', templateXlsx(good('CAT', { indicators: [['PL1.I.3', { result: 55 }]] })));
    put('syt.xlsx', templateXlsx(good('SYT', { indicators: [['PL1.II.5', { result: 60 }]] })));
    put('stc.xlsx', templateXlsx(good('STC')));
    // Made by LibreOffice from a good return: .xls, and .ods renamed to .xlsx.
    const work = join(dir, '..', `${join(dir).split('/').pop()}-lo`);
    const source = join(tmpdir(), `da06-hostile-src-${process.pid}.xlsx`);
    writeFileSync(source, templateXlsx(good('SNNMT')));
    const [xls, ods] = [await convertFiles([source], { to: 'xls', outDir: work }), await convertFiles([source], { to: 'ods', outDir: work })];
    copyFileSync(xls[0] as string, join(dir, 'bao-cao-cu.xls'));
    copyFileSync(ods[0] as string, join(dir, 'bao-cao-ods.xlsx'));
    put('mat-khau.xlsx', await officeCrypto.encrypt(Buffer.from(readFileSync(source)), { password: 'matkhau123' }));
    rmSync(work, { recursive: true, force: true });
    rmSync(source, { force: true });
    // Built here.
    put('rong.xlsx', new Uint8Array(0));
    put('van-ban.xlsx', 'Kính gửi Công an tỉnh, báo cáo như sau…');
    put('bi-cat.xlsx', templateXlsx(good('TAND')).subarray(0, 2000));
    put('bom.xlsx', buildXlsx({ ...templateFixture(good('TTRA')), extraParts: { 'xl/worksheets/sheet1.xml': `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${' '.repeat(60 * 1024 * 1024)}</sheetData></worksheet>` } }));
    put('nhi-phan.xlsx', buildXlsx({ ...templateFixture(good('STP')), contentTypeOverride: 'application/vnd.ms-excel.sheet.binary.macroEnabled.main' }));
    put('macro.xlsm', templateXlsx(good('SCT', { workbook: { macros: true } })));
    put('xxe.xlsx', buildXlsx({ ...templateFixture(good('BQLKKT')), extraParts: { 'xl/worksheets/sheet1.xml': '<?xml version="1.0"?><!DOCTYPE w [<!ENTITY x SYSTEM "file:///etc/passwd"><!ENTITY y "&x;&x;&x;">]><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>&y;</t></is></c></row></sheetData></worksheet>' } }));
    const million = templateFixture(good('SNV', { indicators: [['PL1.III.6', { result: 100 }]] }));
    million.sheets = million.sheets.map((s) => ({ ...s, dimension: 'A1:XFD1048576' }));
    put('trieu-dong.xlsx', buildXlsx(million));
    put('proto.xlsx', templateXlsx(good('SXD', { tasks: [['__proto__', { results: 'x' }], ['constructor', { results: 'y' }]], listedKeys: { tasks: [] }, extraSheets: [{ name: '__proto__', rows: [['constructor']] }] })));
    put('nang.xlsx', withHeavyFormatting(templateXlsx(good('SGDDT'))));
    put('cong-thuc.xlsx', templateXlsx(good('TTPVHCC', { cover: { reportDate: '05/12/2026', difficulties: '=cmd|" /C calc"!A0', proposals: '@SUM(1,2)' }, tasks: [['PL3.II.3', { status: 'Đang triển khai', progress: 10, difficulties: '-2+3', proposals: '+84 912 345 678' }]] })));
    put('lien-ket.xlsx', templateXlsx(good('BHXH', { workbook: { externalLink: true }, indicators: [['PL1.V.2', { result: 90, assessment: 'Đạt' }]] })));
    put('gia-mao.xlsx', templateXlsx(good('SVHTTDL', { identity: { unitCode: 'SDTTG', unitName: 'Sở Dân tộc và Tôn giáo' } })));
    put('ky-truoc.xlsx', templateXlsx(good('THUE', { period: '2026-10' })));
    put('mau-nam-ngoai.xlsx', templateXlsx(good('BTCTU', { identity: { templateVersion: 0 } })));
    result = await da06('consolidate', dir, '--period', '2026-11', '--out', join(dir, 'tong-hop.xlsx'), '--json');
  }, 240_000);
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('finishes and classifies every file with a reason code', () => {
    expect(result.code).toBe(0);
    const json = JSON.parse(result.stdout);
    const rejected = Object.fromEntries(json.rejected.map((r: { file: string; code: string }) => [r.file.split('/').pop(), r.code]));
    expect(rejected).toEqual({
      'bao-cao-cu.xls': 'file/xls',
      'bao-cao-ods.xlsx': 'file/ods',
      'mat-khau.xlsx': 'file/encrypted',
      'rong.xlsx': 'file/empty',
      'van-ban.xlsx': 'file/not-zip',
      'bi-cat.xlsx': 'file/corrupt',
      'bom.xlsx': 'file/too-large',
      'nhi-phan.xlsx': 'file/xlsb',
      'xxe.xlsx': 'file/unsafe-xml',
      'gia-mao.xlsx': 'workbook/integrity',
      'ky-truoc.xlsx': 'workbook/wrong-period',
      'mau-nam-ngoai.xlsx': 'workbook/unknown-template',
    });
    for (const r of json.rejected) expect(r.message).toMatch(/[ăâđêôơư]/);
  });

  it('still consolidates every good file', () => {
    const json = JSON.parse(result.stdout);
    expect(json.accepted.map((a: { unit: string }) => a.unit).sort()).toEqual(['BHXH', 'CAT', 'SCT', 'SGDDT', 'SNV', 'STC', 'SXD', 'SYT', 'TTPVHCC'].sort());
    expect(json.received).toBe(9);
    expect(json.indicators.find((i: { key: string }) => i.key === 'PL1.I.3').value).toBe(55);
  });

  it('reads a macro workbook\'s values without running anything, and says macros were ignored', () => {
    const json = JSON.parse(result.stdout);
    expect(json.accepted.find((a: { unit: string }) => a.unit === 'SCT').warnings).toBeGreaterThan(0);
  });

  it('keeps formula-looking text as text in every sheet of the summary', async () => {
    const bytes = readFileSync(join(dir, 'tong-hop.xlsx'));
    expect(Object.entries(xmlParts(bytes)).filter(([p, xml]) => p.startsWith('xl/worksheets/') && xml.includes('<f>'))).toEqual([]);
    const wb = await loadWorkbook(bytes);
    const texts: unknown[] = [];
    wb.getWorksheet('Dữ liệu')!.eachRow((r) => texts.push(r.getCell(5).value));
    expect(texts).toEqual(expect.arrayContaining(['=cmd|" /C calc"!A0', '@SUM(1,2)', '-2+3', '+84 912 345 678']));
  });

  it('flags external links and a typed-over assessment formula in the intake log', async () => {
    const wb = await loadWorkbook(readFileSync(join(dir, 'tong-hop.xlsx')));
    let issues = '';
    const log = wb.getWorksheet('Nhật ký tiếp nhận')!;
    const column = (log.getRow(3).values as unknown[]).indexOf('Các vấn đề');
    log.eachRow((r) => {
      if (String(r.getCell(1).value).endsWith('lien-ket.xlsx')) issues = String(r.getCell(column).value);
    });
    expect(issues).toContain('(workbook/external-links)');
    expect(issues).toContain('(cell/formula-overwritten)');
  });

  it('does not let __proto__ or constructor keys touch object prototypes', () => {
    expect(({} as Record<string, unknown>).results).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'results')).toBe(false);
  });

  it('leaves no temporary file behind and adds nothing to the inbox but the summary', () => {
    const names = readdirSync(dir);
    expect(names.filter((n) => n.startsWith('.') || n.endsWith('.tmp'))).toEqual([]);
    expect(names).toHaveLength(22);
    expect(readFileSync(join(dir, 'rong.xlsx')).length).toBe(0);
  });
});
