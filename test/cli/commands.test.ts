import { da06 } from './_lib/run';

describe('da06 catalog', () => {
  it('prints counts by appendix and group in Vietnamese', async () => {
    const { code, stdout } = await da06('catalog');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Phụ lục I - Mục tiêu cụ thể \(chỉ tiêu\): 56 chỉ tiêu/);
    expect(stdout).toMatch(/Phụ lục II .*: 26 nhiệm vụ/);
    expect(stdout).toMatch(/Phụ lục III .*: 40 nhiệm vụ/);
    expect(stdout).toMatch(/Nhóm II\s+14\s+Thúc đẩy phát triển kinh tế số/);
    expect(stdout).toMatch(/Nhiệm vụ giao tại mục V Kế hoạch: 12 \(mục V\.4: 1, V\.5: 3, V\.6: 1, V\.7: 3, V\.8: 3, V\.9: 1\)/);
  });

  it('prints the whole catalog as JSON with the documented fields', async () => {
    const { code, stdout } = await da06('catalog', '--json');
    expect(code).toBe(0);
    const catalog = JSON.parse(stdout);
    expect(catalog.indicators).toHaveLength(56);
    expect(catalog.indicators[0]).toEqual(
      expect.objectContaining({ key: 'PL1.I.1', group: 'I', number: 1, unit: '%', monitors: ['TTPVHCC'] }),
    );
    expect(catalog.indicators[0].targets['2026']).toEqual({ kind: 'number', value: 50, text: '50' });
    const task = catalog.tasks.find((t: { key: string }) => t.key === 'PL2.10');
    expect(task).toEqual(
      expect.objectContaining({ appendix: 'II', group: 'IV', number: 10, lead: [], coordinators: ['SYT'], external: ['Bộ Y tế', 'Bộ Công an'] }),
    );
    expect(task.deadline).toEqual({ kind: 'due', due: '2026-06-30', text: 'Tháng 6/2026' });
  });

  it('checks that the committed catalog matches the plan', async () => {
    const { code, stdout } = await da06('catalog', 'check');
    expect(code).toBe(0);
    expect(stdout).toMatch(/khớp với văn bản kế hoạch/);
  });

  it('refuses an unknown action', async () => {
    const { code, stderr } = await da06('catalog', 'xoa');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Không có thao tác "xoa"/);
  });
});

describe('da06 units', () => {
  it('lists provincial bodies and communes with a total', async () => {
    const { code, stdout } = await da06('units');
    expect(code).toBe(0);
    expect(stdout).toMatch(/Xã, phường \(166 đơn vị\)/);
    expect(stdout).toMatch(/CAT\s+Công an tỉnh/);
    expect(stdout).toMatch(/14758\s+Phường Hàm Rồng/);
  });

  it('prints [{ code, name, kind, aliases }] as JSON, filtered by kind', async () => {
    const { stdout } = await da06('units', '--kind', 'commune', '--json');
    const units = JSON.parse(stdout);
    expect(units).toHaveLength(166);
    expect(units[0]).toEqual(expect.objectContaining({ code: '14758', name: 'Phường Hàm Rồng', kind: 'commune', aliases: expect.any(Array) }));
  });

  it('refuses an unknown kind', async () => {
    const { code, stderr } = await da06('units', '--kind', 'tinh');
    expect(code).toBe(2);
    expect(stderr).toMatch(/Loại đơn vị "tinh" không hợp lệ/);
  });
});

describe('da06 period', () => {
  it('shows cut-off dates and the due date in the Nghị định 30 style', async () => {
    const { code, stdout } = await da06('period', '2026-11');
    expect(code).toBe(0);
    expect(stdout).toContain('Kỳ báo cáo: Tháng 11 năm 2026');
    expect(stdout).toContain('Chốt số liệu: từ ngày 01 tháng 11 năm 2026 đến ngày 30 tháng 11 năm 2026');
    expect(stdout).toContain('Hạn gửi: trước ngày 10/12/2026');
  });

  it('crosses the year boundary: 2026-12 is due 10/01/2027', async () => {
    const { stdout } = await da06('period', '2026-12', '--json');
    expect(JSON.parse(stdout)).toEqual(expect.objectContaining({ id: '2026-12', cutoffStart: '2026-12-01', cutoffEnd: '2026-12-31', dueDate: '2027-01-10' }));
  });

  it('uses the Nghị định 09/2019 window on request', async () => {
    const { stdout } = await da06('period', '2027-01', '--chot', 'nd09', '--json');
    expect(JSON.parse(stdout)).toEqual(expect.objectContaining({ cutoffStart: '2026-12-15', cutoffEnd: '2027-01-14' }));
  });

  it.each([
    [['period'], /Thiếu kỳ báo cáo/],
    [['period', '2026-13'], /Kỳ báo cáo "2026-13" không hợp lệ/],
    [['period', '2026-11', '--chot', 'quy'], /Cách chốt số liệu "quy" không hợp lệ/],
    [['period', '2026-11', '--chot'], /Tùy chọn --chot cần một giá trị/],
  ])('explains a wrong command line %p', async (argv, message) => {
    const { code, stderr } = await da06(...argv);
    expect(code).toBe(2);
    expect(stderr).toMatch(message);
  });
});
