// What report.js (the báo cáo bundle, with docx) offers the pane once loaded: types only here, so
// the pane's own bundle never pulls in the docx library.
import type { DraftReportOptions } from '../../../lib/app/report';
import type { SummaryFacts } from '../../../lib/summary/facts';

/** The global report.js registers itself on. */
export const REPORT_BUNDLE_GLOBAL = '__da06Report';

/** The file the pane loads on demand, next to taskpane.html. */
export const REPORT_BUNDLE_FILE = 'report.js';

export interface ReportBundle {
  /** lib/app/report.ts's draftReport, the step `da06 report` runs. */
  draftReport(facts: SummaryFacts, options?: DraftReportOptions): Promise<Uint8Array>;
}
