import { makeIssue } from '../issues/issue';
import { readSubmission, type ReadSubmissionOptions, type ReadSubmissionResult } from './submission';
import { openWorkbook, SheetLimitError, type OpenWorkbookOptions } from './workbook';
import { ContainerError } from './zip';

/**
 * Reads returned `.xlsx` bytes into a submission. Never throws on bad input: an unreadable file
 * comes back with one blocking issue that says why (empty, not a zip, `.xls`, password, bomb, …).
 * @example const { submission, issues } = readXlsx(bytes);
 */
export function readXlsx(bytes: Uint8Array, options: OpenWorkbookOptions & ReadSubmissionOptions = {}): ReadSubmissionResult {
  try {
    return readSubmission(openWorkbook(bytes, options), options);
  } catch (error) {
    if (error instanceof ContainerError) return { issues: [makeIssue(error.code, {}, { detail: error.detail })] };
    if (error instanceof SheetLimitError) return { issues: [makeIssue('sheet/too-many-cells', { sheet: error.sheet }, { limit: error.limit })] };
    throw error;
  }
}
