// Issue 16's proof: nothing a unit typed is changed. Returns with line breaks and percents are made
// three ways: filled and saved by LibreOffice (headless, typing into the cells as a user does), that
// file re-saved as .ods and back, and written by the independent fixture writer (with LibreOffice's
// and with Excel's escapes). Each is validated and consolidated, by the library, by the CLI and by
// the add-in's reader under the fake Office.js, and every planted value is compared, value and type,
// on every sheet of the summary where it appears. Nothing binary is committed.
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import { checkOpenWorkbook } from '../../addin/src/check/check-workbook';
import { consolidate } from '../../lib/consolidate/merge';
import type { Consolidation } from '../../lib/consolidate/types';
import type { Issue } from '../../lib/issues/issue';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { parsePeriod, type Period } from '../../lib/period/period';
import { formatNumber } from '../../lib/period/format';
import { findUnit } from '../../lib/roster/roster';
import type { Unit } from '../../lib/roster/schema';
import { rowsForUnit } from '../../lib/template/assign';
import { generateWorkbook } from '../../lib/template/generate';
import { currentDefinition } from '../../lib/template/registry';
import { checkSubmission, type FieldValue } from '../../lib/validate/check';
import { validateWorkbook } from '../../lib/validate/validate';
import { seenValue } from '../../lib/validate/values';
import { excelRun } from '../addin/_lib/excel';
import { openInFakeExcel } from '../addin/_lib/returns';
import { uninstallFakeOffice } from '../addin/fake-office/office';
import { da06 } from '../cli/_lib/run';
import { convertFiles, runUnoScript, UNO_FILL_SCRIPT } from '../_lib/libreoffice';
import { templateXlsx, type Row } from '../_lib/template-fixture';
import type { FixtureCell } from '../_lib/xlsx-fixture';
import { loadWorkbook } from '../template/_lib/read';

const catalog = loadCatalog();
const roster = loadRoster();
const definition = currentDefinition();
const period = parsePeriod('2026-11') as Period;
const unit = findUnit(roster, 'NHNN') as Unit;
const ctx = { catalog, roster };
const SHEET = { cover: 'Thông tin chung', indicators: 'Biểu 01 - Chỉ tiêu', tasks: 'Biểu 02 - Nhiệm vụ' } as const;
type Where = keyof typeof SHEET;

const tasks = rowsForUnit(catalog, unit, period, definition).tasks.map((t) => t.task.key);
const [T1, T2, T3] = tasks as [string, string, string];

/**
 * One planted value: what the unit types in LibreOffice (`type` goes through Calc's input line, so
 * "85.5%" becomes 0.855 with a percent format), what the fixture writer stores for the same entry,
 * and what da06 must keep.
 */
interface Plant {
  where: Where;
  key: string;
  field: string;
  lo: { op: 'type' | 'set' | 'pick'; value: string | number };
  fixture: FixtureCell;
  expected: string | number;
}

const text = (value: string): Pick<Plant, 'lo' | 'fixture' | 'expected'> => ({ lo: { op: 'type', value }, fixture: value.replace(/\n/g, '\r\n'), expected: value });
const percent = (typed: string, fraction: number, shown: number, numFmt: string | number = '0.0%'): Pick<Plant, 'lo' | 'fixture' | 'expected'> => ({ lo: { op: 'type', value: typed }, fixture: { value: fraction, numFmt }, expected: shown });
const number = (value: number): Pick<Plant, 'lo' | 'fixture' | 'expected'> => ({ lo: { op: 'set', value }, fixture: value, expected: value });

const PLANTS: Plant[] = [
  { where: 'cover', key: 'assessment', field: 'assessment', ...text('Kết quả tháng 11:\n1. Thanh toán không dùng tiền mặt tăng\n2. Hoàn thành kết nối dữ liệu') },
  { where: 'cover', key: 'difficulties', field: 'difficulties', ...text('1. Thiếu kinh phí\n2. Thiếu nhân lực') },
  { where: 'cover', key: 'proposals', field: 'proposals', ...text('Đề nghị:\n- Bổ sung máy chủ\n- Tập huấn cán bộ') },
  { where: 'indicators', key: 'PL1.II.3', field: 'result', ...percent('85.5%', 0.855, 85.5) },
  { where: 'indicators', key: 'PL1.II.3', field: 'note', ...text('Nguồn: báo cáo các ngân hàng\nCách tính: số tài khoản ÷ dân số') },
  { where: 'indicators', key: 'PL1.II.7', field: 'result', ...percent('90%', 0.9, 90, 9) },
  { where: 'indicators', key: 'PL1.II.7', field: 'dataSource', ...text('Hệ thống báo cáo\nthống kê của NHNN') },
  { where: 'indicators', key: 'PL1.II.8', field: 'result', ...percent('80%', 0.8, 80, 10) },
  { where: 'indicators', key: 'PL1.II.9', field: 'result', ...number(27.5) },
  { where: 'indicators', key: 'PL1.II.11', field: 'result', ...percent('0.5%', 0.005, 0.5, '0.00%') },
  { where: 'indicators', key: 'PL1.V.1', field: 'result', ...number(0.85) }, // a fraction where 85 was meant: kept, and questioned
  { where: 'tasks', key: T1, field: 'progress', ...percent('50%', 0.5, 50, '0%') },
  { where: 'tasks', key: T1, field: 'results', ...text('Dòng 1\nDòng 2') },
  { where: 'tasks', key: T1, field: 'difficulties', ...text('1. Thiếu A\n2. Thiếu B') },
  { where: 'tasks', key: T1, field: 'proposals', ...text('Kiến nghị:\n- X\n- Y') },
  { where: 'tasks', key: T2, field: 'status', lo: { op: 'pick', value: 'Đã hoàn thành' }, fixture: 'Đã hoàn thành', expected: 'Đã hoàn thành' },
  { where: 'tasks', key: T2, field: 'progress', ...percent('100%', 1, 100, '0%') },
  { where: 'tasks', key: T2, field: 'product', ...text('QĐ 12/QĐ-NHNN\nCV 34/NHNN') },
];
const EXTRA_TEXT = 'Ghi chú thêm:\ndòng hai';

/** Column letter of a field on a sheet: the definition's order from column B (the cover's inputs are in D). */
function columnOf(where: Where, field: string): string {
  if (where === 'cover') return 'D';
  return String.fromCharCode(66 + definition[where].columns.findIndex((c) => c.id === field));
}

/** What the unit does in LibreOffice: every required cell filled, then the planted entries, one added row. */
function libreOfficeEdits(): object[] {
  const cover = (key: string, op: string, value: string | number) => ({ op, sheet: SHEET.cover, key, column: 'D', value });
  return [
    cover('preparerName', 'set', 'Trần Thị Mai'),
    cover('preparerTitle', 'set', 'Chuyên viên'),
    cover('phone', 'set', '0237 3852 111'),
    cover('email', 'set', 'mai@nhnn.gov.vn'),
    cover('reportDate', 'set', 46361), // 05/12/2026
    ...tasks.flatMap((key) => [
      { op: 'pick', sheet: SHEET.tasks, key, column: columnOf('tasks', 'status'), value: 'Đang triển khai' },
      { op: 'set', sheet: SHEET.tasks, key, column: columnOf('tasks', 'progress'), value: 50 },
      { op: 'set', sheet: SHEET.tasks, key, column: columnOf('tasks', 'difficulties'), value: 'Chờ hướng dẫn' },
    ]),
    ...PLANTS.map((p) => ({ op: p.lo.op, sheet: SHEET[p.where], key: p.key, column: columnOf(p.where, p.field), value: p.lo.value })),
    { op: 'insertRow', sheet: SHEET.tasks, beforeKey: T3, values: { D: EXTRA_TEXT } },
  ];
}

/** The same return from inline tables, by the fixture writer. */
function fixtureReturn(escapes: 'xml' | 'excel'): Uint8Array {
  const cells = (where: Where, key: string) => Object.fromEntries(PLANTS.filter((p) => p.where === where && p.key === key).map((p) => [p.field, p.fixture]));
  const rows = (where: 'indicators' | 'tasks', keys: string[], base: Record<string, FixtureCell> = {}): Row[] => keys.map((key) => [key, { ...base, ...cells(where, key) }]);
  const indicatorKeys = [...new Set(PLANTS.filter((p) => p.where === 'indicators').map((p) => p.key))];
  return templateXlsx({
    unit: unit.code,
    unitName: unit.name,
    workbook: { escapes },
    cover: Object.fromEntries(PLANTS.filter((p) => p.where === 'cover').map((p) => [p.key, p.fixture])),
    indicators: rows('indicators', indicatorKeys),
    tasks: [...rows('tasks', [T1, T2], { status: 'Đang triển khai', difficulties: 'Chờ hướng dẫn' }), [null, { text: EXTRA_TEXT.replace(/\n/g, '\r\n') }]],
  });
}

const flat = (issues: readonly Issue[]) => issues.map((i) => [i.sheet ?? '', i.cell ?? '', i.code]);
const valueOf = (values: ReturnType<typeof validateWorkbook>['values'], p: Plant): unknown => {
  const fields = p.where === 'cover' ? values?.cover : (values?.[p.where] as Record<string, Record<string, { value: FieldValue }>> | undefined)?.[p.key];
  return (fields as Record<string, { value: FieldValue }> | undefined)?.[p.field]?.value;
};

/** Everything a planted value must survive, for one return file. */
async function expectNothingChanged(bytes: Uint8Array, dir: string): Promise<void> {
  // 1. The rule set: every value kept as typed, with exactly the expected issues.
  const report = validateWorkbook(bytes, ctx);
  expect(report.readable).toBe(true);
  for (const p of PLANTS) expect([p.key, p.field, valueOf(report.values, p)]).toStrictEqual([p.key, p.field, p.expected]);
  const scale = report.issues.filter((i) => i.code === 'cell/suspect-scale');
  expect(scale.map((i) => i.key)).toEqual(['PL1.V.1']);
  expect(report.errors).toBe(0);

  // 2. The CLI: the same issues from `da06 validate --json`; the summary file from `da06 consolidate`.
  const file = join(dir, 'nhnn.xlsx');
  mkdirSync(dir, { recursive: true });
  writeFileSync(file, bytes);
  const validated = JSON.parse((await da06('validate', file, '--json')).stdout) as Array<{ issues: Array<{ sheet: string; cell: string; code: string }> }>;
  expect(validated[0]?.issues.map((i) => [i.sheet ?? '', i.cell ?? '', i.code])).toEqual(flat(report.issues));
  const out = join(dir, 'tong-hop.xlsx');
  const cli = await da06('consolidate', file, '--period', '2026-11', '--out', out, '--json');
  expect(cli.code).toBe(0);
  const json = JSON.parse(cli.stdout) as { indicators: Array<{ key: string; value: FieldValue }> };
  for (const p of PLANTS.filter((x) => x.where === 'indicators' && x.field === 'result' && isLead(x.key))) {
    expect([p.key, json.indicators.find((i) => i.key === p.key)?.value]).toStrictEqual([p.key, p.expected]);
  }

  // 3. The consolidation as data, and the summary workbook read back by an independent reader.
  const consolidation = consolidate([{ name: file, bytes, receivedAtSource: 'unknown' }], { catalog, roster, period, now: new Date(Date.UTC(2026, 11, 10)) });
  expectInConsolidation(consolidation);
  await expectInSummary(await loadWorkbook(readFileSync(out)));

  // 4. The add-in: the same workbook open in (the fake) Excel reads the same values and issues.
  await openInFakeExcel(bytes);
  try {
    const check = await excelRun((context) => checkOpenWorkbook(context, ctx));
    expect(flat(check.issues)).toEqual(flat(report.issues));
    const values = checkSubmission(check.submission as NonNullable<typeof check.submission>, ctx).values;
    expect({ ...values, extraRows: [] }).toEqual({ ...report.values, extraRows: [] });
    // The pane asks Excel for the fonts of input cells only: a row the unit added is compared by what it holds.
    const held = (rows: typeof values.extraRows) => rows.map((r) => [r.sheet, r.row, r.cells.map(seenValue)]);
    expect(held(values.extraRows)).toEqual(held(report.values?.extraRows ?? []));
  } finally {
    uninstallFakeOffice();
  }
}

const isLead = (key: string) => catalog.indicators.find((i) => i.key === key)?.monitors[0] === unit.code;

function expectInConsolidation(c: Consolidation): void {
  for (const p of PLANTS) {
    const seen: unknown[] = [];
    if (p.where === 'indicators' && p.field === 'result') {
      const indicator = c.indicators.find((i) => i.key === p.key);
      seen.push(isLead(p.key) ? indicator?.value : indicator?.others.find((o) => o.unit === unit.code)?.value);
    }
    if (p.where === 'tasks' && ['status', 'progress', 'results', 'product', 'difficulties'].includes(p.field)) {
      seen.push((c.tasks.find((t) => t.key === p.key)?.units.find((u) => u.unit === unit.code) as unknown as Record<string, unknown>)?.[p.field]);
    }
    if (p.field === 'difficulties' || p.field === 'proposals') {
      seen.push(c.concerns.find((x) => x.unit === unit.code && x.task === (p.where === 'cover' ? null : p.key) && x.kind === (p.field === 'difficulties' ? 'difficulty' : 'proposal'))?.text);
    }
    seen.push(c.data.find((d) => d.unit === unit.code && d.key === p.key && d.field === p.field)?.value);
    expect([p.key, p.field, seen]).toStrictEqual([p.key, p.field, seen.map(() => p.expected)]);
  }
  expect(c.data.filter((d) => d.key.startsWith('+dòng')).map((d) => d.value)).toStrictEqual([EXTRA_TEXT]);
}

/** Rows of a summary sheet as records by column header (row 3), from the first data row (4). */
function rowsOf(wb: ExcelJS.Workbook, name: string): Array<Record<string, ExcelJS.CellValue>> {
  const ws = wb.getWorksheet(name) as ExcelJS.Worksheet;
  const headers = Array.from({ length: ws.columnCount }, (_, c) => String(ws.getCell(3, c + 1).value));
  const rows: Array<Record<string, ExcelJS.CellValue>> = [];
  for (let r = 4; r <= ws.rowCount; r += 1) rows.push(Object.fromEntries(headers.map((h, c) => [h, ws.getCell(r, c + 1).value])));
  return rows;
}

const shownNumber = (value: unknown) => (typeof value === 'number' ? formatNumber(value) : value);

async function expectInSummary(wb: ExcelJS.Workbook): Promise<void> {
  const indicators = rowsOf(wb, 'Chỉ tiêu');
  const taskRows = rowsOf(wb, 'Nhiệm vụ');
  const taskUnits = rowsOf(wb, 'Nhiệm vụ theo đơn vị');
  const concerns = rowsOf(wb, 'Khó khăn, kiến nghị');
  const data = rowsOf(wb, 'Dữ liệu').map((r) => Object.values(r));
  const dataSheet = wb.getWorksheet('Dữ liệu') as ExcelJS.Worksheet;
  const taskColumn: Record<string, string> = { status: 'Trạng thái', results: 'Kết quả đạt được', product: 'Văn bản, sản phẩm', difficulties: 'Khó khăn, vướng mắc', proposals: 'Đề xuất, kiến nghị' };
  for (const p of PLANTS) {
    const seen: unknown[] = [];
    const expected: unknown[] = [];
    if (p.where === 'indicators' && p.field === 'result') {
      const row = indicators.find((r) => r['Mã'] === p.key);
      seen.push(isLead(p.key) ? row?.['Giá trị của tỉnh'] : row?.['Giá trị của đơn vị phối hợp']);
      expected.push(isLead(p.key) ? p.expected : `${unit.name}: ${shownNumber(p.expected)}`);
    }
    if (p.where === 'tasks') {
      if (p.field === 'progress') {
        seen.push(taskRows.find((r) => r['Mã'] === p.key)?.['Tiến độ bình quân (%)']);
        expected.push(p.expected);
      }
      const column = taskColumn[p.field];
      if (column) {
        seen.push(taskUnits.find((r) => r['Mã nhiệm vụ'] === p.key && r['Đơn vị'] === unit.name)?.[column]);
        expected.push(p.expected);
      }
    }
    if (p.field === 'difficulties' || p.field === 'proposals') {
      const group = concerns.find((r) => r['Nhiệm vụ'] === (p.where === 'cover' ? 'Chung' : p.key) && r['Loại'] === (p.field === 'difficulties' ? 'Khó khăn' : 'Kiến nghị') && String(r['Các đơn vị nêu']).includes(unit.name));
      seen.push(group?.['Nội dung']);
      expected.push(p.expected);
    }
    const at = data.findIndex((r) => r[0] === unit.code && r[2] === p.key && r[3] === p.field);
    seen.push(data[at]?.[4]);
    expected.push(p.expected);
    if (typeof p.expected === 'string' && p.expected.includes('\n')) {
      seen.push(dataSheet.getCell(4 + at, 5).alignment?.wrapText);
      expected.push(true);
    }
    expect([p.key, p.field, seen]).toEqual([p.key, p.field, expected]);
    // Numbers stay numbers and text stays text (toEqual above would not tell 50 from "50").
    expect([p.key, p.field, typeof data[at]?.[4]]).toEqual([p.key, p.field, typeof p.expected]);
  }
  expect(data.filter((r) => String(r[2]).startsWith('+dòng')).map((r) => r[4])).toEqual([EXTRA_TEXT]);
}

describe('nothing a unit typed is changed: line breaks and percents, end to end', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'da06-typed-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it.each([['LibreOffice escapes (&#13;)', 'xml'], ["Excel's escapes (_x000D_)", 'excel']] as const)('in a return from the independent writer, with %s', async (_how, escapes) => {
    await expectNothingChanged(fixtureReturn(escapes), join(dir, `fixture-${escapes}`));
  }, 60_000);

  describe('in a return LibreOffice filled (typing into the cells) and saved', () => {
    let filled: Uint8Array;
    beforeAll(async () => {
      const source = join(dir, 'blank.xlsx');
      const target = join(dir, 'filled.xlsx');
      writeFileSync(source, await generateWorkbook({ definition, catalog, unit, period, generatedAt: new Date(Date.UTC(2026, 10, 26)) }));
      const { stdout } = await runUnoScript({ script: UNO_FILL_SCRIPT, args: [source, target], input: JSON.stringify(libreOfficeEdits()) });
      // What LibreOffice made of the typing: percents are fractions with a percent format, as in Excel.
      const typed = (JSON.parse(stdout) as { edits: Array<{ op: string; value?: number; format?: string }> }).edits.filter((e) => e.op === 'type');
      expect(typed.filter((e) => e.format?.includes('%')).map((e) => e.value)).toEqual([0.855, 0.9, 0.8, 0.005, 0.5, 1]);
      filled = new Uint8Array(readFileSync(target));
    }, 180_000);

    it('keeps every value, in the CLI, the summary and the add-in', async () => {
      await expectNothingChanged(filled, join(dir, 'libreoffice'));
    }, 60_000);

    it('keeps every value after a round trip through .ods and back', async () => {
      const xlsx = join(dir, 'ods', 'filled.xlsx');
      mkdirSync(join(dir, 'ods'), { recursive: true });
      writeFileSync(xlsx, filled);
      const [ods] = await convertFiles([xlsx], { to: 'ods', outDir: join(dir, 'ods', 'as-ods') });
      const [back] = await convertFiles([ods as string], { to: 'xlsx', outDir: join(dir, 'ods', 'back') });
      const bytes = new Uint8Array(readFileSync(back as string));
      expect(Buffer.from(bytes).equals(Buffer.from(filled))).toBe(false); // re-saved, not copied
      await expectNothingChanged(bytes, join(dir, 'ods-back'));
    }, 180_000);
  });
});
