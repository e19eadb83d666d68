// Issue 4's proof with a real client: a generated template filled and saved by LibreOffice, with
// right and wrong entries, then read and checked by da06. Nothing binary is committed.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { parsePeriod, type Period } from '../../lib/period/period';
import { findUnit } from '../../lib/roster/roster';
import type { Unit } from '../../lib/roster/schema';
import { rowsForUnit } from '../../lib/template/assign';
import { generateWorkbook } from '../../lib/template/generate';
import { currentDefinition } from '../../lib/template/registry';
import { validateWorkbook } from '../../lib/validate/validate';
import { runUnoScript, UNO_FILL_SCRIPT } from '../_lib/libreoffice';
import { keysOf, loadWorkbook } from '../template/_lib/read';

const catalog = loadCatalog();
const roster = loadRoster();
const definition = currentDefinition();
const period = parsePeriod('2026-11') as Period;
const unit = findUnit(roster, 'SYT') as Unit;
const COVER = 'Thông tin chung';
const I = 'Biểu 01 - Chỉ tiêu';
const T = 'Biểu 02 - Nhiệm vụ';

it('finds the exact codes at the exact cells of a return filled in LibreOffice', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-validate-lo-'));
  const source = join(dir, 'blank.xlsx');
  const target = join(dir, 'filled.xlsx');
  writeFileSync(source, await generateWorkbook({ definition, catalog, unit, period, generatedAt: new Date(Date.UTC(2026, 10, 26)) }));
  const blank = await loadWorkbook(readFileSync(source));
  const taskRows = keysOf(blank.getWorksheet(T)!);
  const indicatorRows = keysOf(blank.getWorksheet(I)!);
  const coverRows = keysOf(blank.getWorksheet(COVER)!);
  const tasks = rowsForUnit(catalog, unit, period, definition).tasks.map((t) => t.task.key);
  const middle = tasks[Math.floor(tasks.length / 2)] as string;
  const last = tasks[tasks.length - 1] as string;

  const edits: object[] = [
    { op: 'set', sheet: COVER, cell: `D${coverRows.get('preparerName')}`, value: 'Lê Thị Bình' },
    { op: 'set', sheet: COVER, cell: `D${coverRows.get('preparerTitle')}`, value: 'Chuyên viên Văn phòng Sở' },
    { op: 'set', sheet: COVER, cell: `D${coverRows.get('phone')}`, value: '0237 3852 000' },
    { op: 'set', sheet: COVER, cell: `D${coverRows.get('email')}`, value: 'binh@syt.thanhhoa.gov.vn' },
    { op: 'set', sheet: COVER, cell: `D${coverRows.get('reportDate')}`, value: 46361 }, // 05/12/2026
    { op: 'set', sheet: COVER, cell: `D${coverRows.get('assessment')}`, value: 'Cơ bản hoàn thành kế hoạch tháng.' },
    { op: 'set', sheet: I, key: 'PL1.II.5', column: 'H', value: '85,5' }, // a percentage typed as text
    { op: 'set', sheet: I, key: 'PL1.II.12', column: 'H', value: 150 }, // out of range
    { op: 'pick', sheet: I, key: 'PL1.II.13', column: 'H', value: 'Đang triển khai' },
    { op: 'pick', sheet: I, key: 'PL1.II.14', column: 'H', value: 'Hoàn thành' },
    // PL1.IV.12 left empty: a required cell
    ...tasks.flatMap((key) => [
      { op: 'pick', sheet: T, key, column: 'G', value: 'Đang triển khai' },
      { op: 'set', sheet: T, key, column: 'H', value: 50 },
      { op: 'set', sheet: T, key, column: 'K', value: 'Chờ hướng dẫn của Bộ Y tế' },
    ]),
    { op: 'pick', sheet: T, key: 'PL2.10', column: 'G', value: 'Đã hoàn thành' }, // done at 40%
    { op: 'set', sheet: T, key: 'PL2.10', column: 'H', value: 40 },
    { op: 'set', sheet: T, key: 'PL2.10', column: 'I', value: 'Đã chia sẻ dữ liệu y tế' },
    { op: 'pick', sheet: T, key: last, column: 'G', value: 'Chưa triển khai' }, // not started with progress, below the inserted row
    { op: 'set', sheet: T, key: last, column: 'H', value: 10 },
    { op: 'insertRow', sheet: T, beforeKey: middle, values: { D: 'Ghi chú thêm của Sở Y tế' } },
  ];
  await runUnoScript({ script: UNO_FILL_SCRIPT, args: [source, target], input: JSON.stringify(edits) });

  const report = validateWorkbook(readFileSync(target), { catalog, roster, expected: { period: '2026-11', unit: 'SYT' } });
  const shifted = (key: string) => (taskRows.get(key) as number) + ((taskRows.get(key) as number) >= (taskRows.get(middle) as number) ? 1 : 0);
  expect(report.issues.map((i) => [i.sheet, i.cell, i.code])).toEqual([
    [I, `H${indicatorRows.get('PL1.II.12')}`, 'cell/out-of-range'],
    [I, `H${indicatorRows.get('PL1.IV.12')}`, 'cell/required'],
    [T, `H${shifted('PL2.10')}`, 'row/done-not-100'],
    [T, `H${shifted(last)}`, 'row/not-started-with-progress'],
    [T, `D${taskRows.get(middle)}`, 'row/extra'],
  ]);
  expect(report.values?.indicators['PL1.II.5']?.result?.value).toBe(85.5);
  expect(report.values?.indicators['PL1.II.5']?.assessment?.value).toBe('Đạt');
  expect(report.values?.cover.reportDate?.value).toBe('2026-12-05');
  expect(report.values?.tasks['PL2.10']?.results?.value).toBe('Đã chia sẻ dữ liệu y tế');
}, 180_000);
