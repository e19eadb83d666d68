// Property-based fuzzing of intake: mutated returns never crash the merger, are always classified,
// never change the values of rows nobody touched, and give the same result twice.
// CI runs a fixed seed; `npm run fuzz` runs longer (FUZZ_RUNS, FUZZ_SEED).
import fc from 'fast-check';
import { consolidate } from '../../lib/consolidate/merge';
import type { IntakeItem } from '../../lib/consolidate/types';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { parsePeriod, type Period } from '../../lib/period/period';
import type { FixtureCell } from '../_lib/xlsx-fixture';
import { templateXlsx, type Row, type TemplateFixtureSpec } from '../_lib/template-fixture';

const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const SEED = Number(process.env.FUZZ_SEED ?? 20261126);

const catalog = loadCatalog();
const roster = loadRoster();
const period = parsePeriod('2026-11') as Period;
const options = { catalog, roster, period, now: new Date(Date.UTC(2026, 11, 11)) };

const INDICATORS: Row[] = [
  ['PL1.I.3', { result: 55, dataSource: 'Hệ thống một cửa' }],
  ['PL1.III.3', { result: 81 }],
  ['PL1.III.4', { result: 82.5 }],
  ['PL1.V.3', { result: 71 }],
  ['PL1.IV.1', { result: 'Hoàn thành' }],
];
const TASKS: Row[] = [
  ['PL2.1', { status: 'Đã hoàn thành', progress: 100, product: 'Công văn 12/CAT' }],
  ['PL3.II.3', { status: 'Đang triển khai', progress: 50, difficulties: 'Chờ hướng dẫn' }],
  ['PL3.VIII.1', { status: 'Đang triển khai', progress: 30, results: 'Đã rà soát' }],
];
const BASE: TemplateFixtureSpec = { unit: 'CAT', unitName: 'Công an tỉnh', indicators: INDICATORS, tasks: TASKS, cover: { reportDate: '05/12/2026' } };
const OTHER: IntakeItem = { name: 'syt.xlsx', bytes: templateXlsx({ unit: 'SYT', unitName: 'Sở Y tế', indicators: [['PL1.II.5', { result: 60 }]] }), receivedAt: '2026-12-04T08:00:00+07:00', receivedAtSource: 'receipts' };

const INPUT_COLUMNS = { indicators: ['result', 'dataSource', 'note'], tasks: ['status', 'progress', 'results', 'product', 'difficulties', 'proposals'] } as const;

const typedValue: fc.Arbitrary<FixtureCell> = fc.oneof(
  fc.double({ min: -1e6, max: 1e6, noNaN: true }),
  fc.integer({ min: -5, max: 200 }),
  fc.string({ maxLength: 40 }),
  fc.string({ unit: 'grapheme', maxLength: 30 }),
  fc.constantFrom('85,5', '85%', ' 85 ', '1.234', '1.234,5', '=1+1', '+84', '@x', 'Đã hoàn thành', 'đang  triển khai', '', '__proto__', 'constructor', 'x'.repeat(5000)),
  fc.constant(null),
);

type Mutation =
  | { kind: 'edit'; sheet: 'indicators' | 'tasks'; row: number; column: number; value: FixtureCell }
  | { kind: 'insertRow'; sheet: 'indicators' | 'tasks'; at: number; text: string }
  | { kind: 'renameSheet'; sheet: 'indicators' | 'tasks'; name: string }
  | { kind: 'flip'; at: number; xor: number }
  | { kind: 'truncate'; keep: number };

// Characters Excel refuses in sheet names, and those XML cannot carry.
// eslint-disable-next-line no-control-regex -- control characters are exactly what must be excluded
const BAD_SHEET_NAME = /[[\]:*?/\\\u0000-\u001f\ufffe\uffff\ud800-\udfff]/;

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), sheet: fc.constantFrom('indicators' as const, 'tasks' as const), row: fc.nat(10), column: fc.nat(10), value: typedValue }),
  fc.record({ kind: fc.constant('insertRow' as const), sheet: fc.constantFrom('indicators' as const, 'tasks' as const), at: fc.nat(10), text: fc.string({ maxLength: 30 }) }),
  fc.record({ kind: fc.constant('renameSheet' as const), sheet: fc.constantFrom('indicators' as const, 'tasks' as const), name: fc.string({ minLength: 1, maxLength: 31 }).filter((s) => !BAD_SHEET_NAME.test(s) && s.trim() === s && !/^_da06/.test(s) && !['Thông tin chung', 'Biểu 01 - Chỉ tiêu', 'Biểu 02 - Nhiệm vụ', '_danh_sach'].includes(s)) }),
  fc.record({ kind: fc.constant('flip' as const), at: fc.nat(), xor: fc.integer({ min: 1, max: 255 }) }),
  fc.record({ kind: fc.constant('truncate' as const), keep: fc.double({ min: 0, max: 0.999, noNaN: true }) }),
);

/** Applies structural mutations to the spec; returns the spec and which keys were touched. */
function applyToSpec(mutations: Mutation[]): { spec: TemplateFixtureSpec; touched: Set<string> } {
  const rows = { indicators: INDICATORS.map(([k, c]) => [k, { ...c }] as Row), tasks: TASKS.map(([k, c]) => [k, { ...c }] as Row) };
  const touched = new Set<string>();
  const names: Record<string, string> = {};
  for (const m of mutations) {
    if (m.kind === 'edit') {
      const list = rows[m.sheet];
      const row = list[m.row % list.length] as Row;
      const columns = INPUT_COLUMNS[m.sheet];
      row[1][columns[m.column % columns.length] as string] = m.value;
      if (row[0]) touched.add(row[0]);
    } else if (m.kind === 'insertRow') {
      const list = rows[m.sheet];
      list.splice(m.at % (list.length + 1), 0, [null, { text: m.text }]);
    } else if (m.kind === 'renameSheet') {
      if (!Object.values(names).includes(m.name)) names[m.sheet] = m.name;
    }
  }
  return { spec: { ...BASE, indicators: rows.indicators, tasks: rows.tasks, sheetNames: names }, touched };
}

function applyToBytes(bytes: Uint8Array, mutations: Mutation[]): { bytes: Uint8Array; damaged: boolean } {
  let out = bytes;
  let damaged = false;
  for (const m of mutations) {
    if (m.kind === 'flip') {
      out = new Uint8Array(out);
      const at = m.at % out.length;
      out[at] = (out[at] as number) ^ m.xor;
      damaged = true;
    } else if (m.kind === 'truncate') {
      out = out.subarray(0, Math.floor(out.length * m.keep));
      damaged = true;
    }
  }
  return { bytes: out, damaged };
}

const value = (c: ReturnType<typeof consolidate>, file: string, key: string, field: string) =>
  c.data.find((d) => d.file === file && d.key === key && d.field === field && d.use === 'consolidated')?.value;

it(`survives ${RUNS} mutated returns (seed ${SEED}): classified, nothing untouched changed, deterministic`, () => {
  fc.assert(
    fc.property(fc.array(mutation, { minLength: 1, maxLength: 6 }), (mutations) => {
      const { spec, touched } = applyToSpec(mutations);
      const { bytes, damaged } = applyToBytes(templateXlsx(spec), mutations);
      const items: IntakeItem[] = [{ name: 'cat.xlsx', bytes, receivedAt: '2026-12-05T08:00:00+07:00', receivedAtSource: 'receipts' }, OTHER];
      const c = consolidate(items, options);
      // Every input classified; the good file always counts.
      expect(c.intake.map((r) => r.file)).toEqual(['cat.xlsx', 'syt.xlsx']);
      expect(c.intake[1]?.status).not.toBe('rejected');
      expect(value(c, 'syt.xlsx', 'PL1.II.5', 'result')).toBe(60);
      // Rows nobody touched keep their values whenever the file is read at all.
      if (c.intake[0]?.status !== 'rejected') {
        for (const [key, cells] of [...INDICATORS, ...TASKS]) {
          if (!key || touched.has(key)) continue;
          for (const [field, expected] of Object.entries(cells)) {
            if (typeof expected === 'number' || typeof expected === 'string') expect(value(c, 'cat.xlsx', key, field)).toBe(expected);
          }
        }
      } else {
        expect(damaged || c.intake[0]?.reason).toBeTruthy();
      }
      // Deterministic.
      expect(consolidate(items, options)).toEqual(c);
    }),
    { seed: SEED, numRuns: RUNS },
  );
}, 600_000);
