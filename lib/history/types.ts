// The history of months behind one month's consolidation: plain, JSON-safe data with codes; the Xu hướng
// sheet (lib/summary/trends.ts) and the report put the Vietnamese labels on them.
import type { IndicatorSummary, RateFigures, TaskOverall, TaskSummary, UnitSubmission } from '../consolidate/types';
import type { DeadlineStatusKind } from '../period/status';
import type { FieldValue } from '../validate/check';

/** Where a month of the year stands in the history. */
export type MonthSource = 'current' | 'archive' | 'missing';

export interface HistoryMonth {
  /** `YYYY-MM`. */
  period: string;
  source: MonthSource;
  /** When the summary used for the month was generated (ISO 8601); absent for a missing month. */
  generatedAt?: string;
  /** The archived summary's file, when the caller named it. */
  file?: string;
}

/** Why an archived summary was not used. */
export const IGNORED_REASONS = ['otherPlan', 'otherYear', 'laterPeriod', 'currentPeriod', 'beforePlan', 'superseded'] as const;
export type IgnoredReason = (typeof IGNORED_REASONS)[number];

export const IGNORED_REASON_LABELS: Readonly<Record<IgnoredReason, string>> = {
  otherPlan: 'Tổng hợp theo danh mục chỉ tiêu, nhiệm vụ khác: kế hoạch khác hoặc đã sửa đổi',
  otherYear: 'Thuộc năm khác',
  laterPeriod: 'Là kỳ sau kỳ đang tổng hợp',
  currentPeriod: 'Cùng kỳ đang tổng hợp: dùng bản đang tổng hợp',
  beforePlan: 'Trước kỳ báo cáo đầu tiên của Kế hoạch',
  superseded: 'Đã có bản tổng hợp cùng kỳ lập sau',
};

export interface IgnoredSummary {
  period: string;
  generatedAt: string;
  file?: string;
  reason: IgnoredReason;
  /** For `superseded`: the summary of the same period that is used instead (the one generated last). */
  usedInstead?: { generatedAt: string; file?: string };
  /** For `currentPeriod`: the archived summary was generated after the one being reported. */
  newerThanCurrent?: boolean;
}

/** Reporting figures of one month; null where the month is missing. */
export interface MonthRates {
  period: string;
  figures: { totals: RateFigures; department: RateFigures; commune: RateFigures; late: number; missing: number } | null;
}

export interface IndicatorMonth {
  value: FieldValue;
  status: IndicatorSummary['status'];
  flagged: boolean;
}

/**
 * How an indicator is projected to its target (lib/history/projection.ts documents the rule):
 * - `pace`: numeric target; least-squares slope per month over the trusted numeric values of the year,
 *   continued from the latest of them to December of the target's year;
 * - `milestone`: text target (a state from the form's list); whether it is reached in the latest month reported;
 * - `none`: no projection, with why.
 */
export type Projection =
  | {
      kind: 'pace';
      /** Change per month (least squares over `points` months). */
      slope: number;
      points: number;
      /** The latest trusted value the line continues from. */
      from: { period: string; value: number };
      /** `YYYY-12` of the target's year. */
      to: string;
      /** Projected value at `to`, kept within 0–100 for a percentage and above 0 otherwise. */
      value: number;
      target: number;
      reaches: boolean;
    }
  | { kind: 'milestone'; target: string; targetYear: number; reached: boolean; latest: { period: string; value: FieldValue } }
  | { kind: 'none'; why: NoProjection };

export const NO_PROJECTION = ['noTarget', 'noData', 'onePoint', 'notComparable'] as const;
export type NoProjection = (typeof NO_PROJECTION)[number];

export const NO_PROJECTION_LABELS: Readonly<Record<NoProjection, string>> = {
  noTarget: 'Không đặt chỉ tiêu',
  noData: 'Chưa có số liệu',
  onePoint: 'Mới có số liệu một tháng, chưa tính được nhịp độ',
  notComparable: 'Giá trị không so được với chỉ tiêu',
};

/** Why an indicator is at risk of missing its target. */
export const RISK_CODES = ['belowPace', 'notRising', 'falling', 'milestoneNotReached'] as const;
export type RiskCode = (typeof RISK_CODES)[number];

export interface IndicatorHistory {
  key: string;
  group: string;
  text: string;
  unitOfMeasure: string | null;
  /** The year's target as shown (`80`, `≥ 80`, `Hoàn thành`, `100 (năm 2030)`). */
  target: string;
  lead: string | null;
  /** Aligned with `History.months`; null where the month is missing. */
  months: Array<IndicatorMonth | null>;
  /** This month's value minus last month's, when both are trusted numbers; null otherwise. */
  change: number | null;
  projection: Projection;
  atRisk: boolean;
  /** The reason, in Vietnamese, when at risk. */
  risk: { code: RiskCode; reason: string } | null;
}

export interface TaskMonth {
  overall: TaskOverall;
  overdue: boolean;
  deadlineStatus: DeadlineStatusKind;
  progress: number | null;
}

export interface TaskHistory {
  key: string;
  appendix: TaskSummary['appendix'];
  text: string;
  leadText: string;
  /** Roster codes of the task's leads as the catalog names them (empty when central bodies lead). */
  lead: string[];
  deadline: string;
  /** This month's due date (`YYYY-MM-DD`), null when none applies. */
  due: string | null;
  months: Array<TaskMonth | null>;
  overdue: boolean;
  /** Overdue this month, and its deadline had not yet passed in the previous month (from the catalog's typed deadline). */
  becameOverdue: boolean;
  /** Where the deadline stands in the next month (lib/period/status). */
  next: { period: string; status: DeadlineStatusKind; due: string | null };
  /** Falls due next month and is not done. */
  dueNextMonth: boolean;
  /** A recurring obligation next month. */
  recurring: boolean;
}

/** A unit's standing on a month's report. */
export const TIMELINESS = ['onTime', 'late', 'missing', 'rejected', 'unknownTime'] as const;
export type Timeliness = (typeof TIMELINESS)[number];

export const TIMELINESS_LABELS: Readonly<Record<Timeliness, string>> = {
  onTime: 'Đúng hạn',
  late: 'Muộn',
  missing: 'Chưa gửi',
  rejected: 'Bị từ chối',
  unknownTime: 'Không rõ thời điểm',
};

/** The standings that count towards a run of months without a timely report. */
export const FAILING: ReadonlySet<Timeliness> = new Set<Timeliness>(['late', 'missing', 'rejected']);

export interface UnitHistory {
  unit: string;
  unitName: string;
  kind: UnitSubmission['kind'];
  /** Aligned with `History.months`; null where the month is missing or the unit was not on that month's roster. */
  months: Array<Timeliness | null>;
  /** Months running, ending this month, late, missing or rejected (a missing month of the history ends the run). */
  run: number;
}

export interface RepeatOffender {
  unit: string;
  unitName: string;
  kind: UnitSubmission['kind'];
  run: number;
  /** First month of the run. */
  since: string;
  /** The run's standings, oldest first. */
  states: Timeliness[];
}

export interface History {
  /** The month the history is for, `YYYY-MM`. */
  period: string;
  year: number;
  catalogHash: string;
  /** The year's months from its first reporting month up to this one, oldest first. */
  months: HistoryMonth[];
  /** Months before this one with no summary in the archive (`YYYY-MM`): stated, never guessed. */
  missing: string[];
  /** Archived summaries that were read but not used, and why. */
  ignored: IgnoredSummary[];
  rates: MonthRates[];
  indicators: IndicatorHistory[];
  tasks: TaskHistory[];
  /** Task keys, in catalog order. */
  becameOverdue: string[];
  dueNextMonth: string[];
  recurring: string[];
  /** The month after this one, `YYYY-MM`. */
  nextPeriod: string;
  units: UnitHistory[];
  /** Units with a run of two or more months, longest run first, then in roster order. */
  repeatOffenders: RepeatOffender[];
}
