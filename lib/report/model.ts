// Everything the monthly báo cáo needs, already computed and display-ready: the writer only words it
// and lays it out. Statuses are codes; their Vietnamese labels live in labels.ts (codes inside, labels at the edges).
import type { IndicatorSummary, TaskOverall } from '../consolidate/types';
import type { PeriodDescription } from '../period/period';
import type { DeadlineStatusKind } from '../period/status';
import type { UnitKind } from '../roster/schema';

/** A reporting unit as the report names it; `name` is the roster's (`Sở Y tế`, `Phường Hàm Rồng`). */
export interface UnitRef {
  code: string;
  name: string;
  kind: UnitKind;
}

/** The month as the report words it: the period's dates (lib/period), and whether the due date is "trước ngày 10" (true) or "chậm nhất ngày 10". */
export type ReportPeriod = Pick<PeriodDescription, 'id' | 'year' | 'month' | 'label' | 'cutoffStart' | 'cutoffEnd' | 'dueDate'> & { dueIsExclusive: boolean };

/** Counts of one group of units; rates are fractions 0–1 (received ÷ expected, on time ÷ expected). */
export interface ReportRates {
  expected: number;
  received: number;
  onTime: number;
  late: number;
  /** Received, but the receipt time is unknown, so neither on time nor late. */
  timeUnknown: number;
  missing: number;
  reportingRate: number;
  onTimeRate: number;
}

export interface ReportingFigures {
  total: ReportRates;
  byKind: Record<UnitKind, ReportRates>;
  /** The same figures for the month before, when the history has it. */
  previous?: { periodId: string; total: ReportRates; byKind: Record<UnitKind, ReportRates> };
}

export interface LateUnit extends UnitRef {
  /** Whole days after the due date; null when only "late" is known. */
  daysLate: number | null;
}

/** A file the secretariat refused, for a unit that has not sent an accepted one since. */
export interface RejectedUnit extends UnitRef {
  file: string;
  /** Vietnamese, as the intake log words it. */
  reason: string;
}

/** A unit late or missing two or more months running, this month included. */
export interface RepeatOffender extends UnitRef {
  /** 'late' every month, 'missing' every month, or a mix of both. */
  pattern: 'late' | 'missing' | 'lateOrMissing';
  months: number;
}

export interface UnitLists {
  missing: UnitRef[];
  late: LateUnit[];
  rejected: RejectedUnit[];
  repeatOffenders: RepeatOffender[];
}

export type IndicatorStatus = IndicatorSummary['status'];

/** A result as reported: a number, a list entry (`Hoàn thành`), or nothing. */
export type ReportValue = number | string | null;

export interface IndicatorLine {
  key: string;
  name: string;
  /** As the plan writes it: `%`, `CSDL`, `-` …; null where blank. */
  unitOfMeasure: string | null;
  value: ReportValue;
  /** The year's target in the plan's words (`100%`, `Hoàn thành`), or the label of having none. */
  target: string;
  status: IndicatorStatus;
  /** The lead monitoring unit's name. */
  monitor: string | null;
}

export interface IndicatorDisagreement {
  key: string;
  name: string;
  unitOfMeasure: string | null;
  values: Array<{ unit: string; value: ReportValue }>;
}

export type AtRiskReason = 'paceBelowTarget' | 'declining' | 'stalled' | 'noRecentData' | 'milestoneNotReached';

export interface AtRiskIndicator {
  key: string;
  name: string;
  unitOfMeasure: string | null;
  value: ReportValue;
  target: string;
  reason: AtRiskReason;
  /** Where the year ends at this pace (a number in the indicator's unit), when a projection applies. */
  projection: ReportValue;
  /** Months the reason covers (e.g. 3 months without change). */
  months?: number;
  /** The history's own sentence for the risk (the Xu hướng sheet's), used as is when present. */
  explanation?: string;
}

export interface IndicatorFigures {
  total: number;
  counts: Record<IndicatorStatus, number>;
  /** Named in the body (the not met and the flagged, by default); the appendix lists all. */
  notable: IndicatorLine[];
  disagreements: IndicatorDisagreement[];
  atRisk: AtRiskIndicator[];
}

export interface TaskLine {
  key: string;
  name: string;
  /** The lead as the plan names it (`Sở Tư pháp`, `Các sở, ban, ngành; UBND cấp xã`, `Bộ Công an`). */
  lead: string;
  /** The plan's deadline words (`Tháng 12/2026`, `Thực hiện thường xuyên`). */
  deadline: string;
  /** The date measured against, `YYYY-MM-DD`, or null. */
  due: string | null;
  deadlineStatus: DeadlineStatusKind;
  overall: TaskOverall;
  /** Mean progress (%) of the units carrying it, or null. */
  progress: number | null;
}

/** Tasks of one lead, for section III. */
export interface TasksByLead {
  lead: string;
  tasks: TaskLine[];
}

export interface TaskFigures {
  total: number;
  counts: Record<TaskOverall, number>;
  /** `thisMonth` when the history tells which were finished this month; `toDate` otherwise. */
  completedScope: 'thisMonth' | 'toDate';
  completed: TaskLine[];
  overdue: TaskLine[];
  /** Overdue this month and not last month (history only). */
  becameOverdue: TaskLine[];
  dueNextMonth: TasksByLead[];
  recurring: TasksByLead[];
}

/** One text a unit wrote, with every unit that wrote the same (trimmed, otherwise as typed). */
export interface ConcernItem {
  text: string;
  units: UnitRef[];
}

/** Concerns about one task, or the general ones (task null). */
export interface ConcernGroup {
  task: { key: string; name: string } | null;
  items: ConcernItem[];
}

/** A row of the appendix's indicator table, with last month's value when the history has it. */
export interface IndicatorTableRow extends IndicatorLine {
  previous?: ReportValue;
  change?: number | null;
}

export type ReportingStatus = 'onTime' | 'late' | 'timeUnknown' | 'missing';

export interface ReportingRow extends UnitRef {
  status: ReportingStatus;
  /** ISO 8601 with offset. */
  receivedAt: string | null;
  daysLate: number | null;
  errors: number;
}

export interface ReportAppendix {
  indicators: IndicatorTableRow[];
  overdueTasks: TaskLine[];
  reporting: ReportingRow[];
}

/** What the report could not know, said plainly in it. */
export type ReportNote =
  | { code: 'noHistory' }
  | { code: 'monthsMissing'; periods: string[] }
  | { code: 'historyCorrected'; periods: string[] }
  | { code: 'unattributedFiles'; count: number }
  | { code: 'receiptTimeUnknown'; units: UnitRef[] }
  | { code: 'flaggedValues'; count: number }
  | { code: 'text'; text: string };

export interface ReportInput {
  period: ReportPeriod;
  /** The month after, for section III. */
  nextPeriod: ReportPeriod;
  /** Earlier months the history supplied (`2026-10` …), oldest first; empty without a history. */
  historyMonths: string[];
  /** The day the draft is made, `YYYY-MM-DD` (Vietnam), for the heading's date when the settings fill it. */
  issueDate: string;
  /** When the figures were taken (`2026-12-12`), for "tính đến ngày …". */
  asOf: string;
  reporting: ReportingFigures;
  units: UnitLists;
  indicators: IndicatorFigures;
  tasks: TaskFigures;
  difficulties: ConcernGroup[];
  proposals: ConcernGroup[];
  appendix: ReportAppendix;
  notes: ReportNote[];
}

/** What only a history of months can tell; the trend computation fills it, the single month leaves it out. */
export interface ReportTrends {
  /** Earlier months found in the history, oldest first. */
  months: string[];
  previous?: ReportingFigures['previous'];
  repeatOffenders?: RepeatOffender[];
  atRisk?: AtRiskIndicator[];
  becameOverdue?: string[];
  /** Task keys finished this month (done now, not done last month). */
  completedThisMonth?: string[];
  /** Last month's province value by indicator key. */
  previousValues?: ReadonlyMap<string, ReportValue>;
  notes?: ReportNote[];
}
