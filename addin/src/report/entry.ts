// report.js: the báo cáo bundle, built for modern browsers only (the docx library cannot load in
// Internet Explorer 11 or EdgeHTML) and loaded by the pane when the user asks for a report.
import { draftReport, historyForReport } from '../../../lib/app/report';
import { REPORT_BUNDLE_GLOBAL, type ReportBundle } from './api';

const bundle: ReportBundle = { draftReport, historyForReport };
(window as unknown as Record<string, unknown>)[REPORT_BUNDLE_GLOBAL] = bundle;
