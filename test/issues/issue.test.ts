import { countText, groupIssues, makeIssue, sortIssues } from '../../lib/issues/issue';

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
