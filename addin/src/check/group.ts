import { renderMessage, type Issue } from '../../../lib/issues/issue';

export interface IssueGroup {
  /** null: about the workbook as a whole. */
  sheet: string | null;
  errors: number;
  warnings: number;
  issues: Issue[];
}

/** Workbook-level issues first, then sheet by sheet in the template's order; errors first inside each. */
export function groupIssues(issues: readonly Issue[], sheetOrder: readonly string[]): IssueGroup[] {
  const keys: Array<string | null> = [null, ...sheetOrder];
  for (const issue of issues) if (issue.sheet && !keys.includes(issue.sheet)) keys.push(issue.sheet);
  return keys
    .map((sheet) => {
      const mine = issues.filter((i) => (i.sheet ?? null) === sheet);
      const ordered = [...mine.filter((i) => i.severity === 'error'), ...mine.filter((i) => i.severity === 'warning')];
      return { sheet, errors: ordered.filter((i) => i.severity === 'error').length, warnings: ordered.length - ordered.filter((i) => i.severity === 'error').length, issues: ordered };
    })
    .filter((g) => g.issues.length > 0);
}

/** `3 lỗi, 1 cảnh báo`; `không có lỗi` when both are zero. */
export function countText(errors: number, warnings: number): string {
  const parts = [errors > 0 ? `${errors} lỗi` : '', warnings > 0 ? `${warnings} cảnh báo` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'không có lỗi';
}

/**
 * The message as the pane lists it: a row's issue names its indicator or task when the message does
 * not (`Chỉ tiêu PL1.II.5: Giá trị 150 …`), since the cell address alone does not say which one it is.
 */
export function issueText(issue: Issue, sheetNames?: { indicators: string; tasks: string }): string {
  const message = renderMessage(issue);
  if (!issue.key || !sheetNames || message.includes(issue.key)) return message;
  const kind = issue.sheet === sheetNames.indicators ? 'Chỉ tiêu' : issue.sheet === sheetNames.tasks ? 'Nhiệm vụ' : null;
  return kind ? `${kind} ${issue.key}: ${message}` : message;
}
