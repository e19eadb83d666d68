/// <reference types="office-js" />
// "Kiểm tra báo cáo": the open workbook through lib's one validation step (lib/app/validate.ts), as
// `da06 validate` checks a file; only the cells come from Office.js instead of the zip.
import { validateSource, type FileReport } from '../../../lib/app/validate';
import type { CheckContext } from '../../../lib/validate/check';
import { loadInputFonts, readOpenWorkbook, refreshEdits, type LoadedWorkbook, type ReadOpenWorkbookOptions, type SheetEdit } from '../office/read';

export interface WorkbookCheck extends FileReport {
  workbook: LoadedWorkbook;
}

async function assess(context: Excel.RequestContext, workbook: LoadedWorkbook, ctx: CheckContext): Promise<WorkbookCheck> {
  const report = await validateSource(workbook, ctx, { beforeCheck: (submission) => loadInputFonts(context, submission) });
  return { ...report, workbook };
}

/** Reads and checks the open workbook: three read passes, one for fonts of text inputs. */
export async function checkOpenWorkbook(context: Excel.RequestContext, ctx: CheckContext, options: ReadOpenWorkbookOptions = {}): Promise<WorkbookCheck> {
  return assess(context, await readOpenWorkbook(context, options), ctx);
}

/** Re-reads only the edited rows (one pass) and checks the workbook again from what is cached. */
export async function recheckEdits(context: Excel.RequestContext, previous: WorkbookCheck, edits: readonly SheetEdit[], ctx: CheckContext): Promise<WorkbookCheck> {
  await refreshEdits(context, previous.workbook, edits);
  return assess(context, previous.workbook, ctx);
}
