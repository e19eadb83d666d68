import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { ISSUE_CATALOG, ISSUE_CODES } from '../../lib/issues/catalog';
import { makeIssue, renderIssue, renderMessage, sortIssues } from '../../lib/issues/issue';
import { renderIssueReference } from '../../lib/issues/reference';
import { ISSUE_REFERENCE_PATH } from '../../lib/node/write-issue-reference';

function testSources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? testSources(path) : path.endsWith('.test.ts') && !path.endsWith('catalog.test.ts') ? [readFileSync(path, 'utf8')] : [];
  });
}

describe('the issue catalogue', () => {
  it('uses stable namespaced codes with a Vietnamese title and message', () => {
    for (const code of ISSUE_CODES) {
      expect(code).toMatch(/^(file|workbook|sheet|row|cell|contact|mail)\/[a-z0-9-]+$/);
      expect(ISSUE_CATALOG[code].title.length).toBeGreaterThan(3);
      expect(ISSUE_CATALOG[code].message).toMatch(/[àáảãạăâđèéêìíòóôơùúưỳý]/i);
    }
  });

  it('has every code produced by at least one test', () => {
    const sources = testSources(join(__dirname, '..')).join('\n');
    const untested = ISSUE_CODES.filter((code) => !sources.includes(`'${code}'`));
    expect(untested).toEqual([]);
  });

  it('matches the committed reference lib/issues/ma-loi.md (npm run docs:issues regenerates it)', () => {
    expect(readFileSync(ISSUE_REFERENCE_PATH, 'utf8')).toBe(renderIssueReference());
  });
});

describe('issues as data', () => {
  it('renders the position first, then the message with its parameters', () => {
    const issue = makeIssue('cell/out-of-range', { sheet: 'Biểu 01 - Chỉ tiêu', cell: 'H12' }, { field: 'Kết quả', value: '150', rule: 'phải từ 0 đến 100', fix: 'Nhập tỷ lệ từ 0 đến 100.' });
    expect(issue).toEqual({ code: 'cell/out-of-range', severity: 'error', sheet: 'Biểu 01 - Chỉ tiêu', cell: 'H12', params: expect.any(Object) });
    expect(renderIssue(issue)).toBe('[Biểu 01 - Chỉ tiêu!H12] Giá trị 150 của "Kết quả" phải từ 0 đến 100. Nhập tỷ lệ từ 0 đến 100.');
    expect(renderMessage(makeIssue('file/empty'))).toMatch(/^Tệp không có nội dung/);
  });

  it('sorts errors before warnings, then by sheet order, row and column', () => {
    const issues = [
      makeIssue('row/below-target', { sheet: 'B', cell: 'H5' }),
      makeIssue('cell/required', { sheet: 'B', cell: 'AA9' }),
      makeIssue('cell/required', { sheet: 'B', cell: 'B10' }),
      makeIssue('cell/required', { sheet: 'A', cell: 'Z99' }),
      makeIssue('workbook/wrong-period'),
    ];
    expect(sortIssues(issues, ['A', 'B']).map((i) => `${i.sheet ?? ''}${i.cell ?? ''}`)).toEqual(['', 'AZ99', 'BAA9', 'BB10', 'BH5']);
  });
});
