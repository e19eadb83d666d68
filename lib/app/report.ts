import type { ReportingRules } from '../period/config';
import { buildReport } from '../report/build';
import { reportInputFromConsolidation } from '../report/from-consolidation';
import type { ReportTrends } from '../report/model';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../report/settings';
import type { SummaryFacts } from '../summary/facts';

export interface DraftReportOptions {
  settings?: ReportSettings;
  /** What the history of months adds (trends, repeat offenders, at-risk indicators). */
  trends?: ReportTrends;
  /** The draft's date, `YYYY-MM-DD`; the Vietnam day of the consolidation by default. */
  issueDate?: string;
  rules?: ReportingRules;
}

/**
 * Drafts the month's báo cáo (.docx bytes) from the facts a summary recorded: the same step for
 * `da06 report` (a summary file) and the add-in (the summary sheets in the open workbook), so the
 * report's every figure is the summary's.
 * @example const docx = await draftReport(readSummary(bytes).facts, { settings });
 */
export async function draftReport(facts: SummaryFacts, options: DraftReportOptions = {}): Promise<Uint8Array> {
  const input = reportInputFromConsolidation(facts, {
    ...(options.trends ? { trends: options.trends } : {}),
    ...(options.issueDate ? { issueDate: options.issueDate } : {}),
    ...(options.rules ? { rules: options.rules } : {}),
  });
  return buildReport(input, options.settings ?? DEFAULT_REPORT_SETTINGS);
}
