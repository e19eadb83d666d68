import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { COMMANDS } from '../../lib/cli/run';
import { da06 } from './_lib/run';

describe('da06 --help', () => {
  it('lists every command with a Vietnamese summary', async () => {
    const { code, stdout } = await da06('--help');
    expect(code).toBe(0);
    expect(stdout).toMatch(/^da06: bộ công cụ báo cáo Excel/);
    for (const command of COMMANDS) expect(stdout).toContain(`  ${command.name}`);
  });

  it('prints the list and exit code 2 when no command is given', async () => {
    const { code, stdout } = await da06();
    expect(code).toBe(2);
    expect(stdout).toMatch(/Các lệnh:/);
  });

  it.each(COMMANDS.map((c) => c.name))('explains "%s" and each of its options in Vietnamese', async (name) => {
    const { code, stdout } = await da06(name, '--help');
    expect(code).toBe(0);
    expect(stdout).toContain(`Cách dùng: da06 ${name}`);
    expect(stdout).toContain('Ví dụ:');
    const command = COMMANDS.find((c) => c.name === name)!;
    for (const option of Object.keys(command.options)) expect(stdout).toContain(`--${option}`);
  });

  it('names an unknown command and shows the list', async () => {
    const { code, stderr } = await da06('tong-hop-nham');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Không có lệnh "tong-hop-nham"/);
  });

  it('translates an unknown option into Vietnamese with the usage line', async () => {
    const { code, stderr } = await da06('units', '--bogus');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Tùy chọn không hợp lệ: --bogus/);
    expect(stderr).toMatch(/Cách dùng: da06 units/);
  });
});

describe('the installed binary', () => {
  const bin = join(__dirname, '..', '..', 'dist', 'lib', 'cli', 'main.js');

  it('runs as `da06` from the built package (npm test builds it first)', () => {
    expect(existsSync(bin)).toBe(true);
    const out = execFileSync(process.execPath, [bin, 'period', '2026-11'], { encoding: 'utf8' });
    expect(out).toContain('Hạn gửi: trước ngày 10/12/2026');
  });
});
