/// <reference types="office-js" />
// "Kiểm tra báo cáo": the open workbook through lib's one validation step (lib/app/validate.ts), as
// `da06 validate` checks a file; only the cells come from Office.js instead of the zip.
import { validateSource, type FileReport } from '../../../lib/app/validate';
import type { Issue } from '../../../lib/issues/issue';
import type { CheckContext } from '../../../lib/validate/check';
import type { HighlightTarget } from '../office/highlight';
import { loadInputFonts, readOpenWorkbook, refreshEdits, type LoadedWorkbook, type ReadOpenWorkbookOptions, type SheetEdit } from '../office/read';

export interface WorkbookCheck extends FileReport {
  workbook: LoadedWorkbook;
  /** After a re-check: cells whose content the re-read found changed (0: the edits were only formatting, or the add-in's own fills). */
  changedCells?: number;
}

/** Rules that set one column against another: the user may have to fix either cell, so both are coloured. */
const ALSO_COLOURED: Partial<Record<Issue['code'], string>> = { 'row/done-not-100': 'status', 'row/not-started-with-progress': 'status' };

/** The cells to colour: each issue's cell, and the status cell beside a progress that contradicts it. */
export function highlightTargets(check: WorkbookCheck): HighlightTarget[] {
  const targets: HighlightTarget[] = [...check.issues];
  const tasks = new Map((check.submission?.tasks ?? []).map((row) => [row.key, row]));
  for (const issue of check.issues) {
    const column = ALSO_COLOURED[issue.code];
    const other = column && issue.key ? tasks.get(issue.key)?.fields[column] : undefined;
    if (other) targets.push({ sheet: issue.sheet, cell: other.address, severity: issue.severity });
  }
  return targets;
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
  const changedCells = await refreshEdits(context, previous.workbook, edits);
  if (changedCells === 0) return { ...previous, changedCells };
  return { ...(await assess(context, previous.workbook, ctx)), changedCells };
}
