import { countText, groupIssues, issueText, makeIssue, sortIssues } from '../../lib/issues/issue';

describe('groupIssues', () => {
  it('puts workbook-level issues first, then sheets in template order, errors before warnings in each', () => {
    const issues = sortIssues([
      makeIssue('row/below-target', { sheet: 'Biểu 01', cell: 'H6' }),
      makeIssue('cell/required', { sheet: 'Biểu 02', cell: 'I9' }),
      makeIssue('cell/out-of-range', { sheet: 'Biểu 01', cell: 'H9' }),
      makeIssue('workbook/external-links', {}, { detail: 'x' }),
      makeIssue('cell/invalid-email', { sheet: 'Thông tin chung', cell: 'D20' }),
    ], ['Thông tin chung', 'Biểu 01', 'Biểu 02']);
    const groups = groupIssues(issues, ['Thông tin chung', 'Biểu 01', 'Biểu 02']);
    expect(groups.map((g) => [g.sheet, g.errors, g.warnings, g.issues.map((i) => i.cell ?? '-')])).toEqual([
      [null, 0, 1, ['-']],
      ['Thông tin chung', 1, 0, ['D20']],
      ['Biểu 01', 1, 1, ['H9', 'H6']],
      ['Biểu 02', 1, 0, ['I9']],
    ]);
  });
});

describe('countText', () => {
  it('says counts in Vietnamese, leaving out zeros', () => {
    expect([countText(3, 1), countText(0, 2), countText(1, 0), countText(0, 0)]).toEqual(['3 lỗi, 1 cảnh báo', '2 cảnh báo', '1 lỗi', 'không có lỗi']);
  });
});

describe('issueText', () => {
  const names = { indicators: 'Biểu 01 - Chỉ tiêu', tasks: 'Biểu 02 - Nhiệm vụ' };

  it('names the indicator or task of a cell issue, as row issues already do', () => {
    const indicator = makeIssue('cell/out-of-range', { sheet: names.indicators, cell: 'H6', key: 'PL1.II.5' }, { field: 'Kết quả', value: '150', rule: 'phải từ 0 đến 100', fix: 'Nhập tỷ lệ từ 0 đến 100.' });
    const task = makeIssue('cell/required', { sheet: names.tasks, cell: 'I52', key: 'PL3.X.6' }, { field: 'Trạng thái thực hiện' });
    expect(issueText(indicator, names)).toBe('Chỉ tiêu PL1.II.5: Giá trị 150 của "Kết quả" phải từ 0 đến 100. Nhập tỷ lệ từ 0 đến 100.');
    expect(issueText(task, names)).toBe('Nhiệm vụ PL3.X.6: Chưa nhập "Trạng thái thực hiện". Ô này bắt buộc.');
  });

  it('leaves a message that names its row already, and cover issues, as they are', () => {
    const row = makeIssue('row/done-not-100', { sheet: names.tasks, cell: 'J7', key: 'PL2.9' }, { key: 'PL2.9', status: 'Đã hoàn thành', progress: '40' });
    const cover = makeIssue('cell/required', { sheet: 'Thông tin chung', cell: 'D17' }, { field: 'Họ và tên' });
    expect(issueText(row, names)).toBe('Nhiệm vụ PL2.9 ghi "Đã hoàn thành" nhưng tiến độ là 40%. Sửa tiến độ thành 100 hoặc chọn lại trạng thái.');
    expect(issueText(cover, names)).toBe('Chưa nhập "Họ và tên". Ô này bắt buộc.');
  });
});
