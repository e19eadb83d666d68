import { composeReport } from './compose';
import { renderReportDocx } from './docx';
import type { ReportInput } from './model';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from './settings';

/**
 * The monthly báo cáo as .docx bytes, in the layout of Nghị định 30/2020/NĐ-CP. Pure: the CLI writes
 * the bytes to a file, the task pane offers them for download.
 * @example const bytes = await buildReport(reportInputFromConsolidation(c), settings);
 */
export async function buildReport(input: ReportInput, settings: ReportSettings = DEFAULT_REPORT_SETTINGS): Promise<Uint8Array> {
  return renderReportDocx(composeReport(input, settings));
}
