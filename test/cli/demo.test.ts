import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadWorkbook } from '../template/_lib/read';
import { da06, da06At } from './_lib/run';

it('runs the whole month on the built-in plan, with the months before it, and finds what the scenario put in', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'da06-demo-'));
  try {
    // No --period: on 2 December the month whose report is due is November (not December, whose "late" returns would be in January).
    const { code, stdout, stderr } = await da06At(new Date('2026-12-02T09:00:00+07:00'), 'demo', '--out', dir);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^1\. Đã tạo 187 biểu mẫu kỳ 2026-11/);
    expect(stdout).toContain('Đơn vị phải báo cáo: 187; đã gửi 175');
    expect(stdout.split('\n').filter((l) => l.startsWith('  khớp: '))).toHaveLength(9);
    expect(stdout).toContain('   Đã soạn 187 thư gửi biểu mẫu (.eml, mở bằng Outlook hoặc Thunderbird là gửi được)');
    expect(stdout).toMatch(/\n5\. Đã soạn 15 thư nhắc \(11 chưa gửi, 1 tệp bị từ chối, 3 tệp có lỗi cần sửa\)/);
    expect(readdirSync(join(dir, 'thu-di')).filter((f) => f.endsWith('.eml'))).toHaveLength(187);
    expect(readdirSync(join(dir, 'thu-nhac')).filter((f) => f.endsWith('.eml'))).toHaveLength(15);
    expect(stdout).not.toContain('KHÔNG KHỚP');
    expect(readdirSync(join(dir, 'bieu-mau'))).toHaveLength(187);
    expect(readdirSync(join(dir, 'hop-thu')).some((f) => f.endsWith('.eml'))).toBe(true);
    expect(existsSync(join(dir, 'tong-hop-2026-11.xlsx'))).toBe(true);
    expect(existsSync(join(dir, 'so-tiep-nhan.csv'))).toBe(true);
    // The year's earlier months (from July, the plan's first) archived, so the summary has its trends and the report its comparisons.
    expect(stdout).toContain('Đang mô phỏng và tổng hợp tháng 7, 8, 9, 10/2026');
    expect(readdirSync(join(dir, 'luu-tru')).sort()).toEqual(['tong-hop-2026-07.xlsx', 'tong-hop-2026-08.xlsx', 'tong-hop-2026-09.xlsx', 'tong-hop-2026-10.xlsx']);
    expect(stderr).toContain('dùng báo cáo tổng hợp tháng 7, 8, 9, 10/2026.');
    expect(stdout).toMatch(/\n6\. Đã soạn dự thảo báo cáo tháng 11 năm 2026 \(Word, thể thức Nghị định 30\): .*bao-cao-2026-11\.docx/);
    expect(stdout).toContain('khớp: 2 đơn vị muộn hoặc chưa gửi nhiều tháng liền được nêu tên');
    const summary = await loadWorkbook(readFileSync(join(dir, 'tong-hop-2026-11.xlsx')));
    expect(summary.worksheets.map((w) => w.name)).toContain('Xu hướng');
    expect(existsSync(join(dir, 'bao-cao-2026-11.docx'))).toBe(true);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}, 180_000);

it('refuses a bad seed or period', async () => {
  expect((await da06('demo', '--seed', 'abc')).stderr).toMatch(/Hạt giống "abc" phải là số nguyên/);
  expect((await da06('demo', '--period', '11-2026')).stderr).toMatch(/Kỳ báo cáo "11-2026" không hợp lệ/);
});
