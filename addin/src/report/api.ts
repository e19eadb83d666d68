// What report.js (the báo cáo bundle, with docx) offers the pane once loaded: types only here, so
// the pane's own bundle never pulls in the docx library.
import type { HistoryInput } from '../../../lib/app/consolidate';
import type { DraftReportOptions } from '../../../lib/app/report';
import type { Catalog } from '../../../lib/catalog/schema';
import type { History } from '../../../lib/history/types';
import type { ReportTrends } from '../../../lib/report/model';
import type { SummaryFacts } from '../../../lib/summary/facts';

/** The global report.js registers itself on. */
export const REPORT_BUNDLE_GLOBAL = '__da06Report';

/**
 * The production build's `report.js?v=<its content hash>` (addin/tools/build.ts): a webview that cached
 * an earlier report.js never runs it with a newer pane.
 */
declare const __DA06_REPORT_URL__: string | undefined;

/** The file the pane loads on demand, next to taskpane.html. */
export const REPORT_BUNDLE_FILE: string = typeof __DA06_REPORT_URL__ === 'string' ? __DA06_REPORT_URL__ : 'report.js';

export interface ReportBundle {
  /** lib/app/report.ts's draftReport, the step `da06 report` runs. */
  draftReport(facts: SummaryFacts, options?: DraftReportOptions): Promise<Uint8Array>;
  /** lib/app/report.ts's historyForReport, as `da06 report --history` runs it (the catalog is the pane's own). */
  historyForReport(current: SummaryFacts, archive: HistoryInput, catalog: Catalog): { history: History; trends: ReportTrends };
}
