import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { da06, da06At } from './_lib/run';

it('runs the whole month on the built-in plan and finds what the scenario put in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-demo-'));
  try {
    // No --period: on 2 December the month whose report is due is November (not December, whose "late" returns would be in January).
    const { code, stdout } = await da06At(new Date('2026-12-02T09:00:00+07:00'), 'demo', '--out', dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\. Đã tạo 187 biểu mẫu kỳ 2026-11/);
    expect(stdout).toContain('Đơn vị phải báo cáo: 187; đã gửi 176');
    expect(stdout.split('\n').filter((l) => l.startsWith('  khớp: '))).toHaveLength(8);
    expect(stdout).toContain('   Đã soạn 187 thư gửi biểu mẫu (.eml, mở bằng Outlook hoặc Thunderbird là gửi được)');
    expect(stdout).toMatch(/\n5\. Đã soạn 14 thư nhắc \(10 chưa gửi, 1 tệp bị từ chối, 3 tệp có lỗi cần sửa\)/);
    expect(readdirSync(join(dir, 'thu-di')).filter((f) => f.endsWith('.eml'))).toHaveLength(187);
    expect(readdirSync(join(dir, 'thu-nhac')).filter((f) => f.endsWith('.eml'))).toHaveLength(14);
    expect(stdout).not.toContain('KHÔNG KHỚP');
    expect(readdirSync(join(dir, 'bieu-mau'))).toHaveLength(187);
    expect(readdirSync(join(dir, 'hop-thu')).some((f) => f.endsWith('.eml'))).toBe(true);
    expect(existsSync(join(dir, 'tong-hop-2026-11.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'so-tiep-nhan.csv'))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

it('refuses a bad seed or period', async () => {
  expect((await da06('demo', '--seed', 'abc')).stderr).toMatch(/Hạt giống "abc" phải là số nguyên/);
  expect((await da06('demo', '--period', '11-2026')).stderr).toMatch(/Kỳ báo cáo "11-2026" không hợp lệ/);
});
