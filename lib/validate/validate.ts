import type { Issue } from '../issues/issue';
import { isBlocking, sortIssues } from '../issues/issue';
import { readXlsx } from '../read/xlsx';
import type { ReadSubmissionResult, Submission } from '../read/submission';
import type { OpenWorkbookOptions } from '../read/workbook';
import type { ReadSubmissionOptions } from '../read/submission';
import { checkSubmission, type CheckContext, type ReportValues } from './check';

export interface FileReport {
  /** False when the file could not be read as a da06 workbook at all. */
  readable: boolean;
  unit?: string;
  unitName?: string;
  period?: string;
  templateVersion?: number;
  /** Sorted: errors first, then by sheet in `sheetOrder`, row and column. */
  issues: Issue[];
  errors: number;
  warnings: number;
  /** Some issue keeps the file out of the summary (see ISSUE_CATALOG `blocks`). */
  blocked: boolean;
  /** Cover, indicators, tasks as named in this file (empty when unreadable): the order issues are listed in. */
  sheetOrder: string[];
  submission?: Submission;
  values?: ReportValues;
}

/**
 * Checks what the reader made of a workbook and sums it up: the step after reading, the same for a
 * file's bytes (`validateWorkbook`) and for the workbook open in Excel (lib/app/validate.ts).
 */
export function reportOfRead(read: ReadSubmissionResult, ctx: CheckContext): FileReport {
  if (!read.submission) return summarise({ readable: false, issues: read.issues, sheetOrder: [] });
  const { submission } = read;
  const checked = checkSubmission(submission, ctx);
  // A commune form from version 2 has no indicator sheet: its empty name is no sheet to list or watch.
  const order = [submission.sheetNames.cover, submission.sheetNames.indicators, submission.sheetNames.tasks].filter((name) => name !== '');
  return summarise({
    readable: true,
    unit: submission.identity.unitCode,
    unitName: submission.identity.unitName,
    period: submission.identity.period,
    templateVersion: submission.identity.templateVersion,
    issues: sortIssues([...read.issues, ...checked.issues], order),
    sheetOrder: order,
    submission,
    values: checked.values,
  });
}

/**
 * Reads and validates one returned workbook: the whole rule set, in one call, for the CLI and the
 * merger (the add-in reads the open workbook instead and ends in the same {@link reportOfRead}).
 * @example const report = validateWorkbook(bytes, { catalog, roster, expected: { period: '2026-11' } });
 */
export function validateWorkbook(bytes: Uint8Array, ctx: CheckContext, options: OpenWorkbookOptions & ReadSubmissionOptions = {}): FileReport {
  return reportOfRead(readXlsx(bytes, options), ctx);
}

function summarise(report: Omit<FileReport, 'errors' | 'warnings' | 'blocked'>): FileReport {
  const errors = report.issues.filter((i) => i.severity === 'error').length;
  return {
    ...report,
    errors,
    warnings: report.issues.length - errors,
    blocked: !report.readable || report.issues.some(isBlocking),
  };
}
