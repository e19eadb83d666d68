import type { Issue } from '../issues/issue';
import { isBlocking, sortIssues } from '../issues/issue';
import { readXlsx } from '../read/xlsx';
import type { Submission } from '../read/submission';
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
  issues: Issue[];
  errors: number;
  warnings: number;
  /** Some issue keeps the file out of the summary (see ISSUE_CATALOG `blocks`). */
  blocked: boolean;
  submission?: Submission;
  values?: ReportValues;
}

/**
 * Reads and validates one returned workbook: the whole rule set, in one call, for the CLI, the
 * add-in and the merger alike.
 * @example const report = validateWorkbook(bytes, { catalog, roster, expected: { period: '2026-11' } });
 */
export function validateWorkbook(bytes: Uint8Array, ctx: CheckContext, options: OpenWorkbookOptions & ReadSubmissionOptions = {}): FileReport {
  const read = readXlsx(bytes, options);
  if (!read.submission) return summarise({ readable: false, issues: read.issues });
  const { submission } = read;
  const checked = checkSubmission(submission, ctx);
  const order = [submission.sheetNames.cover, submission.sheetNames.indicators, submission.sheetNames.tasks];
  return summarise({
    readable: true,
    unit: submission.identity.unitCode,
    unitName: submission.identity.unitName,
    period: submission.identity.period,
    templateVersion: submission.identity.templateVersion,
    issues: sortIssues([...read.issues, ...checked.issues], order),
    submission,
    values: checked.values,
  });
}

function summarise(report: Omit<FileReport, 'errors' | 'warnings' | 'blocked'>): FileReport {
  return {
    ...report,
    errors: report.issues.filter((i) => i.severity === 'error').length,
    warnings: report.issues.filter((i) => i.severity === 'warning').length,
    blocked: !report.readable || report.issues.some(isBlocking),
  };
}
