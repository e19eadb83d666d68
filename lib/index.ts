// da06's public API, the package's entry (package.json "exports"): what a shell (the CLI, the add-in, a
// web page) or a script needs, every export named, nothing re-exported with `export *`. It runs in Node
// and in the browser; the Node adapters (files, SMTP, IMAP, worker threads) live in lib/node/.

// The application layer: the steps every shell runs, once.
export { assessInOrder, consolidateInputs, ConsolidationCancelledError, type AssessItems, type ConsolidatedInputs, type ConsolidateInputsOptions } from './app/consolidate';
export { consolidationHeadline, type Headline } from './app/headline';
export { baseName, intakeInputs, parseReceipts, readReceipts, type IntakeOptions, type RawInput, type ReadReceipts, type Receipt } from './app/intake';
export { periodStanding, reportingPeriodOn, type PeriodStanding } from './app/period';
export { draftReport, historyForReport, type DraftReportOptions } from './app/report';
export { reportTrends } from './report/from-history';
export { validateBytes, validateSource, type ValidateSourceOptions } from './app/validate';

// The plan: catalog, units, periods.
export { catalogSchema, type Catalog, type Deadline, type Indicator, type Target, type Task } from './catalog/schema';
export { catalogHash } from './catalog/hash';
export { DEFAULT_INTEGRITY_KEY, integrityToken } from './catalog/integrity';
export { buildRoster, findUnit, unitsOfKind, type Roster } from './roster/roster';
export { rosterFileSchema, type RosterFile, type Unit, type UnitKind } from './roster/schema';
export { DEFAULT_REPORTING_RULES, type ReportingRules } from './period/config';
export { comparePeriods, createPeriod, describePeriod, nextPeriod, parsePeriod, previousPeriod, type Period, type PeriodDescription } from './period/period';
export { formatDayMonthYear, formatDocumentDate, formatNumber, formatPercent } from './period/format';
export { DEADLINE_STATUS_LABELS, deadlineStatus, type DeadlineStatus, type DeadlineStatusKind } from './period/status';

// Reporting workbooks: the versioned form definitions and the generator.
export { currentDefinition, findDefinition, FORM_DEFINITIONS } from './template/registry';
export { formDefinitionSchema, type FormDefinition, type InputSpec, type InputType, type TaskStatusMeaning } from './template/schema';
export { INPUT_TYPES, inputTypeRules, type InputTypeRules } from './template/input-types';
export { taskStatusMeaning, taskStatusText } from './template/meanings';
export { ASSESSMENT_LABELS, assessmentOf, type Assessment } from './template/assessment';
export { rowsForUnit, type UnitRows } from './template/assign';
export { generateWorkbook, type GenerateWorkbookOptions } from './template/generate';
export { templateFileName } from './template/filename';
export { IDENTITY_KEYS, KEY_COLUMN } from './template/layout';

// Reading a returned workbook into the plain sheet model, and the one rule set.
export { cellAddress, columnLetters, getCell, parseAddress, setCell, type CellModel, type CellValue, type SheetModel, type SheetState } from './model/sheet';
export { openWorkbook, type OpenedWorkbook } from './read/workbook';
export { classifyNumberFormat } from './read/number-format';
export { readSubmission, type Identity, type ReadSubmissionResult, type Submission, type WorkbookSource } from './read/submission';
export { checkSubmission, type CheckContext, type FieldValue, type ReportValues } from './validate/check';
export { validateWorkbook, type FileReport } from './validate/validate';
export { ISSUE_CATALOG, ISSUE_CODES, type IssueCode, type Severity } from './issues/catalog';
export { countText, groupIssues, issueText, isBlocking, makeIssue, renderIssue, renderMessage, SEVERITY_LABELS, sortIssues, type Issue, type IssueGroup } from './issues/issue';

// Consolidation: the merger, its one set of counts, and the data it produces.
export { assessFile, type AssessedFile, type AssessOptions } from './consolidate/assess';
export { consolidate, mergeAssessed, type ConsolidateOptions } from './consolidate/merge';
export { countConsolidation, INDICATOR_COUNT_KEYS, TASK_OVERALLS, type ConsolidationCounts } from './consolidate/counts';
export { concernKey, groupConcerns } from './consolidate/concern-groups';
export { extractEml } from './consolidate/eml';
export {
  INDICATOR_STATUS_LABELS,
  INTAKE_STATUS_LABELS,
  RECEIPT_SOURCE_LABELS,
  SUBMISSION_STATE_LABELS,
  SUBMISSION_STATES,
  TASK_OVERALL_LABELS,
  type ConcernGroup,
  type ConcernRecord,
  type Consolidation,
  type DataRecord,
  type IndicatorStatus,
  type IndicatorSummary,
  type IntakeItem,
  type IntakeNote,
  type IntakeRecord,
  type ReceiptSource,
  type SubmissionState,
  type TaskOverall,
  type TaskSummary,
  type TaskUnitStatus,
  type UnitSubmission,
} from './consolidate/types';

// The province summary: its model, its writers' shared looks and layout, the .xlsx, and reading it back.
export { buildSummaryModel, SUMMARY_SHEET_NAMES, SUMMARY_TITLE, type BuildSummaryOptions } from './summary/build';
export { type ChartSpec, type ColumnFormat, type SheetPrint, type SummaryCell, type SummaryColumn, type SummaryModel, type SummarySheet, type SummarySheetId, type Tone } from './summary/model';
export {
  bodyLook,
  bodyRowLayout,
  cellFormatOf,
  cellValueOf,
  CHART_CELL_LOOKS,
  chartCellFormat,
  columnWidthPoints,
  headerRowHeight,
  NUMBER_FORMATS,
  SUMMARY_COLOURS,
  SUMMARY_FONT,
  SUMMARY_FONT_SIZE,
  SUMMARY_HEADER_ROW,
  SUMMARY_LOOKS,
  SUMMARY_PAGE,
  SUMMARY_ROW_HEIGHT,
  TONE_COLOURS,
  type CellLook,
} from './summary/style';
export { a1, a1Range, CHART_SHEET_NAME, chartSheetLayout, type ChartSheetLayout } from './summary/chart-layout';
export { streamSummaryXlsx, writeSummaryXlsx, type DeflateChunk, type WriteSummaryOptions } from './summary/xlsx';
export { factsFromStamp, stampRows, SUMMARY_STAMP_SHEET, type ReadStamp, type SummaryFacts } from './summary/facts';
export { readSummary, readSummarySource } from './summary/read';
export { readPreviousSummary, type PreviousSummary } from './summary/previous';
export { TREND_SHEET_NAME, trendCharts, trendSheet, withTrends } from './summary/trends';

// The history of months: trends and early warning.
export { buildHistory, PLAN_FIRST_PERIOD, type BuildHistoryOptions } from './history/build';
export { leastSquaresSlope, projectIndicator, type IndicatorProjection, type ProjectIndicatorInput } from './history/projection';
export { monthList, monthText } from './history/format';
export {
  FAILING,
  IGNORED_REASON_LABELS,
  IGNORED_REASONS,
  NO_PROJECTION,
  NO_PROJECTION_LABELS,
  RISK_CODES,
  TIMELINESS,
  TIMELINESS_LABELS,
  type History,
  type HistoryMonth,
  type IgnoredReason,
  type IgnoredSummary,
  type IndicatorHistory,
  type IndicatorMonth,
  type MonthRates,
  type MonthSource,
  type NoProjection,
  type Projection,
  type RepeatOffender,
  type RiskCode,
  type TaskHistory,
  type TaskMonth,
  type Timeliness,
  type UnitHistory,
} from './history/types';

// The monthly báo cáo (Word, Nghị định 30/2020/NĐ-CP).
export { buildReport } from './report/build';
export { reportInputFromConsolidation, type ReportInputFromConsolidationOptions } from './report/from-consolidation';
export { type ReportInput, type ReportTrends } from './report/model';
export { DEFAULT_REPORT_SETTINGS, parseReportSettings, reportSettingsSchema, type ReportSettings } from './report/settings';

// The month's e-mail, as plain data (the Node adapters in lib/node/ send and collect it).
export { composeReminder, composeTemplateMail, type Reminder, type ReminderReason } from './mail/compose';
export { planReminders, type PlanRemindersOptions, type ReminderFacts, type ReminderPlan } from './mail/remind';
export { type MailMessage } from './mail/message';

// The month simulator (demo, tests, benchmark).
export { createRandom, type Random } from './simulate/random';
export { fillReturn, type FillReturnOptions } from './simulate/fill';
export { simulateMonth, type MonthTruth, type SimulatedMonth, type SimulateMonthOptions, type SimulatePlant } from './simulate/month';
