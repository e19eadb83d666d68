import { readSubmission, type ReadSubmissionOptions, type Submission, type WorkbookSource } from '../read/submission';
import type { CheckContext } from '../validate/check';
import { reportOfRead, validateWorkbook, type FileReport } from '../validate/validate';

export interface ValidateSourceOptions extends ReadSubmissionOptions {
  /**
   * Runs between reading and checking, for a source that reads some cell details lazily (the add-in
   * loads the fonts of text inputs only once it knows where they are).
   */
  beforeCheck?: (submission: Submission) => Promise<void>;
}

/**
 * Validates any workbook source with the one rule set: a file's zip (the CLI, the merger) or the
 * workbook open in Excel (the add-in's Office.js adapter fills the same sheet model).
 * @example const report = await validateSource(openWorkbook(bytes), { catalog, roster });
 */
export async function validateSource(source: WorkbookSource, ctx: CheckContext, options: ValidateSourceOptions = {}): Promise<FileReport> {
  const read = readSubmission(source, options);
  if (read.submission && options.beforeCheck) await options.beforeCheck(read.submission);
  return reportOfRead(read, ctx);
}

/** A file's bytes; never throws on bad input (an unreadable file is a report with its reason). */
export { validateWorkbook as validateBytes };
export type { FileReport };
