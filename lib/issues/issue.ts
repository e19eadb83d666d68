import { parseAddress } from '../model/sheet';
import { ISSUE_CATALOG, type IssueCode, type Severity } from './catalog';

export type IssueParams = Record<string, string | number>;

/** Where an issue is, as the user sees it: sheet name and cell address (`H12`). */
export interface Position {
  sheet?: string;
  cell?: string;
  /** The row key (`PL1.II.5`), when the issue is about a data row. */
  key?: string;
}

/** An issue is plain data; its sentence is rendered last, in the language of the catalogue. */
export interface Issue extends Position {
  code: IssueCode;
  severity: Severity;
  params: IssueParams;
}

export function makeIssue(code: IssueCode, position: Position = {}, params: IssueParams = {}): Issue {
  return { code, severity: ISSUE_CATALOG[code].severity, ...position, params };
}

export function renderMessage(issue: Pick<Issue, 'code' | 'params'>): string {
  return ISSUE_CATALOG[issue.code].message.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = issue.params[name];
    return value === undefined ? whole : String(value);
  });
}

/** `[Biểu 01 - Chỉ tiêu!H12] Giá trị 150 …`: the position first, as pyxform and Excel users expect. */
export function renderIssue(issue: Issue): string {
  const where = issue.sheet ? `[${issue.sheet}${issue.cell ? `!${issue.cell}` : ''}] ` : '';
  return `${where}${renderMessage(issue)}`;
}

export function isBlocking(issue: Pick<Issue, 'code'>): boolean {
  return 'blocks' in ISSUE_CATALOG[issue.code] && (ISSUE_CATALOG[issue.code] as { blocks?: boolean }).blocks === true;
}

/** Row then column, so `B9` sorts before `B10` and `AA1` after `Z1`; no cell sorts first. */
function cellOrder(cell: string | undefined): [number, number] {
  const at = cell ? parseAddress(cell) : null;
  return at ? [at.row, at.col] : [0, 0];
}

/** Errors before warnings; then by sheet in the given order, row, column. */
export function sortIssues(issues: readonly Issue[], sheetOrder: readonly string[] = []): Issue[] {
  const sheetRank = (s: string | undefined) => (s === undefined ? -1 : sheetOrder.indexOf(s) >= 0 ? sheetOrder.indexOf(s) : sheetOrder.length);
  return [...issues].sort((a, b) => {
    if (a.severity !== b.severity) return a.severity === 'error' ? -1 : 1;
    const sheet = sheetRank(a.sheet) - sheetRank(b.sheet);
    if (sheet !== 0) return sheet;
    const [ra, ca] = cellOrder(a.cell);
    const [rb, cb] = cellOrder(b.cell);
    return ra - rb || ca - cb || a.code.localeCompare(b.code);
  });
}

export const SEVERITY_LABELS: Readonly<Record<Severity, string>> = { error: 'Lỗi', warning: 'Cảnh báo' };

export interface IssueGroup<T extends Pick<Issue, 'sheet' | 'severity'> = Issue> {
  /** null: about the workbook as a whole. */
  sheet: string | null;
  errors: number;
  warnings: number;
  issues: T[];
}

/** Workbook-level issues first, then sheet by sheet in the template's order; errors first inside each. */
export function groupIssues<T extends Pick<Issue, 'sheet' | 'severity'>>(issues: readonly T[], sheetOrder: readonly string[]): Array<IssueGroup<T>> {
  const keys: Array<string | null> = [null, ...sheetOrder];
  for (const issue of issues) if (issue.sheet && !keys.includes(issue.sheet)) keys.push(issue.sheet);
  return keys
    .map((sheet) => {
      const mine = issues.filter((i) => (i.sheet ?? null) === sheet);
      const errors = mine.filter((i) => i.severity === 'error');
      return { sheet, errors: errors.length, warnings: mine.length - errors.length, issues: [...errors, ...mine.filter((i) => i.severity !== 'error')] };
    })
    .filter((g) => g.issues.length > 0);
}

/** `3 lỗi, 1 cảnh báo`; `không có lỗi` when both are zero. */
export function countText(errors: number, warnings: number): string {
  const parts = [errors > 0 ? `${errors} lỗi` : '', warnings > 0 ? `${warnings} cảnh báo` : ''].filter(Boolean);
  return parts.length > 0 ? parts.join(', ') : 'không có lỗi';
}

/**
 * The message as a list shows it: a row's issue names its indicator or task when the message does
 * not (`Chỉ tiêu PL1.II.5: Giá trị 150 …`), since the cell address alone does not say which one it is.
 */
export function issueText(issue: Issue, sheetNames?: { indicators: string; tasks: string }): string {
  const message = renderMessage(issue);
  if (!issue.key || !sheetNames || message.includes(issue.key)) return message;
  const kind = issue.sheet === sheetNames.indicators ? 'Chỉ tiêu' : issue.sheet === sheetNames.tasks ? 'Nhiệm vụ' : null;
  return kind ? `${kind} ${issue.key}: ${message}` : message;
}
