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
export { asciiFold, cleanText, foldKey, slugify } from './text/fold';
