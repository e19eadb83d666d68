import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
