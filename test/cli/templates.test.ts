import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadCatalog, loadRoster } from '../../lib/node/seeds';
import { parsePeriod } from '../../lib/period/period';
import { readXlsx } from '../../lib/read/xlsx';
import { findUnit } from '../../lib/roster/roster';
import { rowsForUnit } from '../../lib/template/assign';
import { currentDefinition } from '../../lib/template/registry';
import { da06 } from './_lib/run';

describe('da06 templates', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'da06-templates-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('writes one workbook per roster unit and says how many', async () => {
    const { code, stdout } = await da06('templates', '--period', '2026-11', '--out', dir);
    expect(code).toBe(0);
    const files = readdirSync(dir);
    expect(files).toHaveLength(187);
    expect(files).toContain('2026-11_SYT_so-y-te.xlsx');
    expect(files.every((f) => f.endsWith('.xlsx'))).toBe(true);
    expect(stdout).toBe(`Đã tạo 187 biểu mẫu kỳ 2026-11 trong ${dir}.`);
  }, 60_000);

  it('writes only the chosen units and prints [{ unit, file }] as JSON', async () => {
    const { code, stdout } = await da06('templates', '--period', '2026-12', '--out', join(dir, 'moi'), '--unit', 'SYT', '--unit', '15127', '--json');
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toEqual([
      { unit: 'SYT', file: join(dir, 'moi', '2026-12_SYT_so-y-te.xlsx') },
      { unit: '15127', file: join(dir, 'moi', '2026-12_15127_xa-cam-thuy.xlsx') },
    ]);
    expect(readdirSync(join(dir, 'moi')).sort()).toEqual(['2026-12_15127_xa-cam-thuy.xlsx', '2026-12_SYT_so-y-te.xlsx']);
  });

  it.each([
    [['--out', 'x'], /Thiếu --period/],
    [['--period', '2026-11'], /Thiếu --out/],
    [['--period', '11/2026', '--out', 'x'], /Kỳ báo cáo "11\/2026" không hợp lệ/],
    [['--period', '2026-11', '--out', 'x', '--unit', 'SO-MA'], /Không có đơn vị mã "SO-MA"/],
  ])('explains a wrong command line %p and writes nothing', async (args, message) => {
    const { code, stderr } = await da06('templates', ...args.map((a) => (a === 'x' ? join(dir, 'x') : a)));
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
    expect(readdirSync(dir)).toEqual([]);
  });
});

it('says so when --out is a file, not a folder', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-templates-file-'));
  try {
    const file = join(dir, 'bieu-mau.xlsx');
    writeFileSync(file, 'x');
    const { code, stderr } = await da06('templates', '--period', '2026-11', '--out', file);
    expect(code).toBe(2);
    expect(stderr).toMatch(/là một tệp; --out cần một thư mục/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

describe('da06 templates from the built binary (worker threads)', () => {
  it('writes every requested unit\'s workbook with its own identity and rows', () => {
    const dir = mkdtempSync(join(tmpdir(), 'da06-templates-bin-'));
    try {
      const bin = join(__dirname, '..', '..', 'dist', 'lib', 'cli', 'main.js');
      const out = execFileSync(process.execPath, [bin, 'templates', '--period', '2026-11', '--out', dir, '--unit', 'SYT', '--unit', 'CAT', '--unit', '15127', '--json'], { encoding: 'utf8', env: { ...process.env, DA06_THREADS: '2' } });
      const written = JSON.parse(out) as Array<{ unit: string; file: string }>;
      expect(written.map((w) => w.unit)).toEqual(['SYT', 'CAT', '15127']);
      for (const { unit, file } of written) {
        const { submission, issues } = readXlsx(readFileSync(file));
        expect(issues).toEqual([]);
        expect(submission?.identity.unitCode).toBe(unit);
        const rows = rowsForUnit(loadCatalog(), findUnit(loadRoster(), unit)!, parsePeriod('2026-11')!, currentDefinition());
        expect(submission?.tasks.map((t) => t.key)).toEqual(rows.tasks.map((t) => t.task.key));
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, 60_000);
});
