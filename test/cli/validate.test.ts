import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { at, templateXlsx } from '../_lib/template-fixture';
import { DEFAULT_INTEGRITY_KEY } from '../../lib/catalog/integrity';
import { da06, da06WithKey } from './_lib/run';

describe('da06 validate', () => {
  let dir: string;
  const file = (name: string, bytes: Uint8Array | string) => {
    const path = join(dir, name);
    writeFileSync(path, bytes);
    return path;
  };
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'da06-validate-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const good = () => templateXlsx({ indicators: [['PL1.I.3', { result: 55 }]], tasks: [['PL2.1', { status: 'Đang triển khai', progress: 30 }]] });
  const bad = () => templateXlsx({ indicators: [['PL1.I.3', { result: 150 }], ['PL1.II.2', { result: 30 }]], tasks: [['PL2.1', { status: 'Đã hoàn thành', progress: 40, results: 'Xong' }]] });

  it('says a correct return is valid and exits 0', async () => {
    const { code, stdout } = await da06('validate', file('a.xlsx', good()), '--period', '2026-11');
    expect(code).toBe(0);
    expect(stdout).toBe('Tệp a.xlsx - Công an tỉnh (CAT), kỳ 2026-11, biểu mẫu phiên bản 2\n  Hợp lệ: không có lỗi, không có cảnh báo.');
  });

  it('groups issues by sheet, errors before warnings, each with its cell, and exits 1', async () => {
    const { code, stdout } = await da06('validate', file('b.xlsx', bad()));
    expect(code).toBe(1);
    expect(stdout.split('\n')).toEqual([
      'Tệp b.xlsx - Công an tỉnh (CAT), kỳ 2026-11, biểu mẫu phiên bản 2',
      '  2 lỗi, 1 cảnh báo.',
      '  Trang "Biểu 01 - Chỉ tiêu":',
      `    Lỗi      ${at('indicators', 0, 'result')}     Chỉ tiêu PL1.I.3: Giá trị 150 của "Kết quả đến thời điểm báo cáo" phải từ 0 đến 100. Nhập tỷ lệ từ 0 đến 100, ví dụ 85,5. [cell/out-of-range]`,
      `    Cảnh báo ${at('indicators', 1, 'result')}     Chỉ tiêu PL1.II.2: kết quả 30 chưa đạt chỉ tiêu 100. Kiểm tra lại số liệu; nếu đúng, nêu nguyên nhân ở cột Ghi chú. [row/below-target]`,
      '  Trang "Biểu 02 - Nhiệm vụ":',
      `    Lỗi      ${at('tasks', 0, 'progress')}     Nhiệm vụ PL2.1 ghi "Đã hoàn thành" nhưng tiến độ là 40%. Sửa tiến độ thành 100 hoặc chọn lại trạng thái. [row/done-not-100]`,
    ]);
  });

  it('prints [{ file, unit, period, templateVersion, valid, issues }] as JSON', async () => {
    const path = file('b.xlsx', bad());
    const { stdout } = await da06('validate', path, '--json');
    const [report] = JSON.parse(stdout);
    expect(report).toEqual({
      file: path,
      unit: 'CAT',
      period: '2026-11',
      templateVersion: 2,
      valid: false,
      issues: expect.arrayContaining([
        { code: 'cell/out-of-range', severity: 'error', sheet: 'Biểu 01 - Chỉ tiêu', cell: at('indicators', 0, 'result'), message: expect.stringMatching(/^Giá trị 150/) },
      ]),
    });
    expect(report.issues).toHaveLength(3);
  });

  it('exits 2 when a file cannot be read as a da06 workbook, and still checks the others', async () => {
    const { code, stdout } = await da06('validate', file('c.xlsx', 'STT,Kết quả\n1,50\n'), join(dir, 'khong-co.xlsx'), file('a.xlsx', good()), '--json');
    expect(code).toBe(2);
    expect(JSON.parse(stdout).map((r: { issues: Array<{ code: string }>; valid: boolean }) => [r.valid, r.issues.map((i) => i.code)])).toEqual([
      [false, ['file/not-zip']],
      [false, ['file/not-found']],
      [true, []],
    ]);
  });

  it('checks the expected period and unit', async () => {
    const { code, stdout } = await da06('validate', file('a.xlsx', good()), '--period', '2026-12', '--unit', 'SYT', '--json');
    expect(code).toBe(1);
    expect(JSON.parse(stdout)[0].issues.map((i: { code: string }) => i.code)).toEqual(['workbook/wrong-period', 'workbook/wrong-unit']);
  });

  it('refuses a call without files or with a bad period', async () => {
    expect((await da06('validate')).stderr).toMatch(/Thiếu tệp cần kiểm tra/);
    expect((await da06('validate', 'a.xlsx', '--period', '2026/11')).code).toBe(2);
  });
});

describe('da06 validate with the secretariat\'s key', () => {
  it('checks the integrity token only when a key is given', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'da06-validate-key-'));
    try {
      const path = join(dir, 'gia-mao.xlsx');
      writeFileSync(path, templateXlsx({ unit: 'CAT', identity: { unitCode: 'STC', unitName: 'Sở Tài chính' } }));
      const withoutKey = JSON.parse((await da06('validate', path, '--json')).stdout)[0].issues.map((i: { code: string }) => i.code);
      expect(withoutKey).not.toContain('workbook/integrity');
      const withKey = await da06WithKey(DEFAULT_INTEGRITY_KEY, 'validate', path, '--json');
      expect(JSON.parse(withKey.stdout)[0].issues.map((i: { code: string }) => i.code)).toContain('workbook/integrity');
      expect(withKey.code).toBe(1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
