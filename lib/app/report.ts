import type { Catalog } from '../catalog/schema';
import { buildHistory } from '../history/build';
import type { History } from '../history/types';
import type { ReportingRules } from '../period/config';
import { buildReport } from '../report/build';
import { reportInputFromConsolidation } from '../report/from-consolidation';
import { reportTrends } from '../report/from-history';
import type { ReportTrends } from '../report/model';
import { DEFAULT_REPORT_SETTINGS, type ReportSettings } from '../report/settings';
import type { SummaryFacts } from '../summary/facts';
import type { HistoryInput } from './consolidate';

export interface DraftReportOptions {
  settings?: ReportSettings;
  /** What the history of months adds (trends, repeat offenders, at-risk indicators): see {@link historyForReport}. */
  trends?: ReportTrends;
  /** The draft's date, `YYYY-MM-DD`; the Vietnam day of the consolidation by default. */
  issueDate?: string;
  rules?: ReportingRules;
}

/**
 * The month's history for the report, from the archive of earlier summaries: the same History the
 * summary's Xu hướng sheet is built from, and the report's trends taken from it (last month's rates
 * from the summary the history used for last month).
 * @example const { trends } = historyForReport(facts, readArchive('luu-tru'), catalog); await draftReport(facts, { trends });
 */
export function historyForReport(current: SummaryFacts, archive: HistoryInput, catalog: Catalog, rules?: ReportingRules): { history: History; trends: ReportTrends } {
  const history = buildHistory(current, archive.facts, catalog, { ...(rules ? { rules } : {}), ...(archive.sources ? { sources: archive.sources } : {}) });
  const before = history.months[history.months.length - 2];
  const previous = before?.source === 'archive' ? archive.facts.find((f) => f.period === before.period && f.generatedAt === before.generatedAt) : undefined;
  return { history, trends: reportTrends(history, previous) };
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
