// The public API of da06's pure core: every export is named here, nothing re-exported with `export *`.
export { parsePlan, type ParsePlanOptions, type ParsePlanResult, type PlanProblem } from './catalog/parse';
export { createUnitResolver, GROUP_PHRASES, QUALIFIER_PHRASES, type UnitResolver } from './catalog/resolve';
export { canonicalJson, catalogHash, sha256Hex } from './catalog/hash';
export {
  assignmentSchema,
  catalogSchema,
  deadlineSchema,
  groupSchema,
  indicatorSchema,
  PLAN_YEARS,
  targetSchema,
  taskSchema,
  unitGroupSchema,
  type Assignment,
  type Catalog,
  type Deadline,
  type Group,
  type Indicator,
  type PlanYear,
  type Target,
  type Task,
  type UnitGroup,
} from './catalog/schema';
export { buildRoster, findUnit, findUnitByName, unitsOfKind, type Roster } from './roster/roster';
export { communeListSchema, rosterFileSchema, unitKindSchema, unitSchema, type RosterFile, type Unit, type UnitKind } from './roster/schema';
export { DEFAULT_REPORTING_RULES, reportingRulesSchema, type ReportingRules } from './period/config';
export { parseDeadline } from './period/deadline';
export { formatDayMonthYear, formatDocumentDate, formatNumber, parseDayMonthYear, type FormatDocumentDateOptions } from './period/format';
export {
  comparePeriods,
  createPeriod,
  describePeriod,
  isOnTime,
  nextPeriod,
  parsePeriod,
  previousPeriod,
  type Period,
  type PeriodDescription,
} from './period/period';
export { DEADLINE_STATUS_LABELS, DEADLINE_STATUSES, deadlineStatus, type DeadlineStatus, type DeadlineStatusKind } from './period/status';
export { parseTargetCell, targetForYear, type TargetForYear } from './period/target';
export { asciiFold, cleanMultilineText, cleanText, foldKey, slugify } from './text/fold';
export { countGraphemes, EXCEL_CELL_UNITS, graphemesWithin } from './text/graphemes';
export { DEFAULT_INTEGRITY_KEY, integrityToken, type IntegrityFields } from './catalog/integrity';

// Plain sheet model (filled by the xlsx reader and by the add-in's Office.js adapter).
export { cellAddress, columnLetters, findSheet, getCell, parseAddress, setCell, type CellModel, type CellValue, type SheetModel, type SheetState, type WorkbookModel } from './model/sheet';

// Form definitions and the template generator.
export { formDefinitionSchema, inputTypeSchema, type ColumnSpec, type FieldSpec, type FormDefinition, type InputSpec, type InputType, type ResultTypeRule } from './template/schema';
export { currentDefinition, findDefinition, FORM_DEFINITIONS } from './template/registry';
export { COVER_INPUT_COLUMN, HEADER_KEY, IDENTITY_KEYS, isLayoutKey, KEY_COLUMN, listName, rowKeyOfGroup, type SheetId } from './template/layout';
export { groupsOfUnit, INDICATOR_ROLE_LABELS, resultTypeFor, rowsForUnit, TASK_ROLE_LABELS, type IndicatorRole, type IndicatorRow, type ResultType, type TaskRole, type TaskRow, type UnitRows } from './template/assign';
export { ASSESSMENT_LABELS, ASSESSMENTS, assessmentFormula, assessmentOf, thresholdOf, type Assessment, type Threshold } from './template/assessment';
export { buildWorkbook, generateWorkbook, HEADER_ROWS, plannedRows, type GenerateWorkbookOptions } from './template/generate';
export { templateFileName } from './template/filename';

// Reading returned workbooks.
export { ContainerError, crc32, DEFAULT_ZIP_LIMITS, openZip, type ZipArchive, type ZipCodec, type ZipLimits } from './read/zip';
export { DEFAULT_MAX_CELLS, openWorkbook, SheetLimitError, type OpenedWorkbook, type OpenWorkbookOptions, type SheetInfo } from './read/workbook';
export { readSubmission, type DataRow, type ExtraRow, type FieldCell, type Identity, type ReadSubmissionOptions, type ReadSubmissionResult, type Submission, type WorkbookSource } from './read/submission';
export { readXlsx } from './read/xlsx';
export { builtinNumberFormatKind, classifyNumberFormat, percentOf, type NumberFormatKind } from './read/number-format';

// The one rule set and its issue catalogue.
export { ISSUE_CATALOG, ISSUE_CODES, issueSpec, type IssueCode, type IssueSpec, type Severity } from './issues/catalog';
export { isBlocking, makeIssue, renderIssue, renderMessage, sortIssues, type Issue, type IssueParams, type Position } from './issues/issue';
export { renderIssueReference } from './issues/reference';
export { checkSubmission, type CheckContext, type CheckResult, type FieldValue, type ReportValues, type SourcedValue } from './validate/check';
export { cellText, legacyEncodingOf, matchOption, parseNumberText, readDate, readNumber, readText, seenValue, serialToIso, type AmbiguousNumber, type LegacyEncoding, type Lenient, type PercentMark } from './validate/values';
export { validateWorkbook, type FileReport } from './validate/validate';

// Consolidation and the province summary.
export { assessFile, type AssessedFile, type AssessOptions } from './consolidate/assess';
export { consolidate, mergeAssessed, type ConsolidateOptions } from './consolidate/merge';
export { extractEml } from './consolidate/eml';
export {
  DATA_USE_LABELS,
  INTAKE_STATUS_LABELS,
  RECEIPT_SOURCE_LABELS,
  TASK_OVERALL_LABELS,
  type CellChange,
  type ConcernRecord,
  type Consolidation,
  type DataRecord,
  type DataUse,
  type DuplicateRecord,
  type IndicatorSummary,
  type IndicatorValue,
  type IntakeItem,
  type IntakeNote,
  type IntakeRecord,
  type IntakeStatus,
  type IssueRecord,
  type RateFigures,
  type ReceiptSource,
  type TaskOverall,
  type TaskSummary,
  type TaskUnitStatus,
  type UnitSubmission,
} from './consolidate/types';
export { type ChartSpec, type ColumnFormat, type SummaryCell, type SummaryColumn, type SummaryModel, type SummarySheet, type SummarySheetId, type Tone } from './summary/model';
export { buildSummaryModel, SUMMARY_SHEET_NAMES, SUMMARY_TITLE } from './summary/build';
export { streamSummaryXlsx, writeSummaryXlsx, type DeflateChunk, type WriteSummaryOptions } from './summary/xlsx';
export { SUMMARY_HEADER_ROW } from './summary/style';
export { SUMMARY_STAMP_SHEET, type SummaryFacts } from './summary/facts';
export { readSummary } from './summary/read';
export { a1, a1Range, CHART_SHEET_NAME, chartSheetLayout, type CellPosition, type CellRange, type ChartCellKind, type ChartPlacement, type ChartSheetLayout } from './summary/chart-layout';
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

// The month simulator (demo, tests, benchmark).
export { createRandom, type Random } from './simulate/random';
export { fillReturn, type FillReturnOptions } from './simulate/fill';
export { findMistakeSite, FORMULA_LIKE_TEXT, MISTAKES, type Mistake, type MistakeSite } from './simulate/mistake';
export { buildEml, formatEmailDate, type BuildEmlOptions, type EmlAddress, type EmlAttachment } from './simulate/eml';
export { SECRETARIAT_MAILBOX, simulateMonth, type MonthTruth, type SimulatedFile, type SimulatedMonth, type SimulateMonthOptions, type SimulatePlant } from './simulate/month';
