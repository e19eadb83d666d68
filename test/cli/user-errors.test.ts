// What a new user hit (issue 12), each now a plain answer: a folder that does not exist, a folder given
// to validate, output piped into `head` (the demo's default month is proven in demo.test.ts).
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { templateXlsx } from '../_lib/template-fixture';
import { da06 } from './_lib/run';

const bin = join(__dirname, '..', '..', 'dist', 'lib', 'cli', 'main.js');
let dir: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'da06-loi-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('refuses to consolidate a folder that does not exist (exit 2) and writes nothing, instead of "every unit is missing"', async () => {
  const out = join(dir, 'tong-hop.xlsx');
  const { code, stderr } = await da06('consolidate', join(dir, 'hop-thu-khong-co'), '--period', '2026-11', '--out', out);
  expect(code).toBe(2);
  expect(stderr).toContain('Không tìm thấy');
  expect(stderr).toContain('hop-thu-khong-co');
  expect(existsSync(out)).toBe(false);
});

it('validates every file of a folder given to da06 validate, as consolidate takes folders', async () => {
  const folder = join(dir, 'bao-cao');
  mkdirSync(join(folder, 'thang-11'), { recursive: true });
  writeFileSync(join(folder, 'cat.xlsx'), templateXlsx({ indicators: [['PL1.I.3', { result: 55 }]] }));
  writeFileSync(join(folder, 'thang-11', 'syt.xlsx'), templateXlsx({ unit: 'SYT', unitName: 'Sở Y tế', indicators: [['PL1.II.5', { result: 150 }]] }));
  const { code, stdout, stderr } = await da06('validate', folder, '--period', '2026-11');
  expect([code, stderr]).toEqual([1, '']);
  expect(stdout).toContain('Tệp cat.xlsx - Công an tỉnh (CAT)');
  expect(stdout).toContain('Tệp syt.xlsx - Sở Y tế (SYT)');
  expect(stdout).toContain('Đã kiểm tra 2 tệp: 1 không có lỗi, 1 có lỗi.');
  const empty = join(dir, 'trong');
  mkdirSync(empty);
  const none = await da06('validate', empty);
  expect([none.code, none.stderr]).toEqual([2, expect.stringContaining('Không có tệp nào')]);
});

it('stops quietly when its output is piped into a reader that closes early (da06 units | head)', () => {
  // A shell pipe: `head -n 3` closes stdin after three lines while da06 still writes 187 units.
  const result = spawnSync('sh', ['-c', `"${process.execPath}" "${bin}" units | head -n 3`], { encoding: 'utf8' });
  expect(result.stdout.split('\n').filter(Boolean)).toHaveLength(3);
  expect(result.stderr).toBe('');
  expect(execFileSync('sh', ['-c', `"${process.execPath}" "${bin}" catalog | head -n 1 > /dev/null; echo $?`], { encoding: 'utf8' }).trim()).toBe('0');
});
