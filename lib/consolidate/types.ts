import type { IssueCode } from '../issues/catalog';
import type { Severity } from '../issues/catalog';
import type { DeadlineStatusKind } from '../period/status';
import { ASSESSMENT_LABELS, type Assessment } from '../template/assessment';
import type { TaskStatusMeaning } from '../template/schema';
import type { FieldValue } from '../validate/check';

/**
 * Where an input's receipt time came from, in order of trust. `fileTime` is no longer produced (a
 * saved or downloaded file's time is when it was saved, not when it was received).
 */
export type ReceiptSource = 'mailServer' | 'email' | 'receipts' | 'reportDate' | 'fileTime' | 'unknown';

export const RECEIPT_SOURCE_LABELS: Readonly<Record<ReceiptSource, string>> = {
  mailServer: 'Máy chủ thư nhận (sổ nhận thư)',
  email: 'Thời điểm gửi thư (tiêu đề Date)',
  receipts: 'Sổ tiếp nhận (tệp CSV)',
  reportDate: 'Ngày báo cáo ghi trong biểu',
  fileTime: 'Thời điểm sửa tệp',
  unknown: 'Không xác định',
};

/** One workbook handed to the merger: a file, or an attachment found in a saved e-mail. */
export interface IntakeItem {
  /** File name or path as the user knows it (an attachment: `thu.eml › bao-cao.xlsx`). */
  name: string;
  bytes: Uint8Array;
  /** ISO 8601 with offset, e.g. `2026-12-08T09:15:00+07:00`; absent when unknown. */
  receivedAt?: string;
  receivedAtSource: ReceiptSource;
  /** Sender address when the file came by e-mail. */
  receivedFrom?: string;
  /** The e-mail a file was attached to. */
  container?: string;
}

/** Something in the mailbox that is not a workbook to read (a saved e-mail, a PDF attachment …). */
export interface IntakeNote {
  name: string;
  sha256: string;
  size: number;
  container?: string;
  /** Vietnamese, for the intake log. */
  note: string;
}

export type IntakeStatus = 'accepted' | 'acceptedWithWarnings' | 'acceptedWithErrors' | 'rejected' | 'superseded';

export const INTAKE_STATUS_LABELS: Readonly<Record<IntakeStatus, string>> = {
  accepted: 'Tiếp nhận',
  acceptedWithWarnings: 'Tiếp nhận, có cảnh báo',
  acceptedWithErrors: 'Tiếp nhận, có lỗi cần đơn vị sửa',
  rejected: 'Từ chối',
  superseded: 'Bị thay bằng bản gửi sau',
};

export interface IssueRecord {
  code: IssueCode;
  severity: Severity;
  sheet: string | null;
  cell: string | null;
  message: string;
}

/** One input as the intake log shows it. */
export interface IntakeRecord {
  file: string;
  container?: string;
  sha256: string;
  size: number;
  status: IntakeStatus;
  unit?: string;
  unitName?: string;
  period?: string;
  templateVersion?: number;
  receivedAt?: string;
  receivedAtSource: ReceiptSource;
  receivedFrom?: string;
  /** For a rejection: the first blocking issue's code and message. */
  reason?: { code: IssueCode; message: string };
  errors: number;
  warnings: number;
  issues: IssueRecord[];
}

/** Whether a value counts in the summary: only the kept file of each unit does. */
export type DataUse = 'consolidated' | 'superseded' | 'rejected';

export const DATA_USE_LABELS: Readonly<Record<DataUse, string>> = {
  consolidated: 'Được tổng hợp',
  superseded: 'Bản cũ, đã bị thay',
  rejected: 'Tệp bị từ chối, không tổng hợp',
};

/** A value the merger took in, with its provenance: nothing typed by a unit is lost. */
export interface DataRecord {
  use: DataUse;
  unit: string;
  sheet: string;
  /** Row key (`PL1.II.5`), a cover field id, or `+row 21` for a row a user added. */
  key: string;
  field: string;
  value: FieldValue;
  file: string;
  sha256: string;
  cell: string;
}

export interface CellChange {
  sheet: string;
  cell: string;
  key: string;
  field: string;
  before: FieldValue;
  after: FieldValue;
}

export interface DuplicateRecord {
  unit: string;
  kept: string;
  superseded: string[];
  /** Cells whose values changed between the latest superseded file and the kept one. */
  changes: CellChange[];
}

/**
 * Where a unit's report stands, in the order the secretariat acts on it: missing, rejected (it sent
 * something unusable and must resend), late, accepted with errors to correct, time unknown, on time.
 */
export const SUBMISSION_STATES = ['missing', 'rejected', 'late', 'withErrors', 'unknownTime', 'onTime'] as const;
export type SubmissionState = (typeof SUBMISSION_STATES)[number];

export const SUBMISSION_STATE_LABELS: Readonly<Record<SubmissionState, string>> = {
  missing: 'Chưa gửi',
  rejected: 'Tệp bị từ chối, cần gửi lại',
  late: 'Gửi muộn',
  withErrors: 'Có lỗi cần sửa',
  unknownTime: 'Đã gửi, không rõ thời điểm',
  onTime: 'Đúng hạn',
};

export interface UnitSubmission {
  unit: string;
  unitName: string;
  kind: 'department' | 'commune';
  state: SubmissionState;
  received: boolean;
  file?: string;
  receivedAt?: string;
  receivedAtSource?: ReceiptSource;
  onTime?: boolean;
  /** Whole days after the due date; 0 when on time. */
  daysLate?: number;
  errors: number;
  warnings: number;
  /** For a unit whose only files were rejected: the latest one's name and reason. */
  rejected?: { file: string; code: IssueCode; message: string };
  /** The unit's focal person and e-mail from the roster, for chasing it. */
  focalPerson?: string;
  email?: string;
}

/** An indicator's standing: the assessment of a trusted value, or why there is none. */
export type IndicatorStatus = Assessment | 'flagged' | 'noReport';

export const INDICATOR_STATUS_LABELS: Readonly<Record<IndicatorStatus, string>> = {
  ...ASSESSMENT_LABELS,
  flagged: 'Số liệu có lỗi',
  noReport: 'Chưa báo cáo',
};

export interface IndicatorValue {
  unit: string;
  value: FieldValue;
  assessment: IndicatorStatus;
  /** The unit's cell for this value has an error (e.g. 150 in a % row): shown, but not trusted. */
  flagged: boolean;
}

export interface IndicatorSummary {
  key: string;
  group: string;
  text: string;
  unitOfMeasure: string | null;
  target: string;
  /** The lead monitoring unit's value: the province figure. */
  lead: string | null;
  value: FieldValue;
  /** Never `noReport`: an indicator whose lead did not report has no data. */
  status: Exclude<IndicatorStatus, 'noReport'>;
  /** The province value's cell has an error in the unit's file. */
  flagged: boolean;
  others: IndicatorValue[];
  /** Monitoring units report different values. */
  disagree: boolean;
  previous?: FieldValue;
  change?: number | null;
  note?: string;
}

export type TaskOverall = 'done' | 'inProgress' | 'notStarted' | 'noReport';

export const TASK_OVERALL_LABELS: Readonly<Record<TaskOverall, string>> = {
  done: 'Đã hoàn thành',
  inProgress: 'Đang triển khai',
  notStarted: 'Chưa triển khai',
  noReport: 'Chưa có báo cáo',
};

export interface TaskUnitStatus {
  unit: string;
  role: 'lead' | 'coordinator';
  /** The status as the unit chose it (the form's words). */
  status: string | null;
  /** What that status means in the unit's form definition. */
  meaning: TaskStatusMeaning | null;
  progress: number | null;
  results: string | null;
  product: string | null;
  difficulties: string | null;
  proposals: string | null;
  /** The return it came from, and the row's status cell (`Biểu 02 - Nhiệm vụ!I12`). */
  file: string;
  cell: string;
}

export interface TaskSummary {
  key: string;
  appendix: 'II' | 'III' | 'body';
  text: string;
  leadText: string;
  deadline: string;
  due: string | null;
  deadlineStatus: DeadlineStatusKind;
  overall: TaskOverall;
  overdue: boolean;
  /** Mean progress of the units that carry the task (leads, or coordinators where the lead is central). */
  progress: number | null;
  /** Whose reports decide the task's standing: its provincial leads, or its coordinators when the lead is central. */
  carriedBy: 'lead' | 'coordinator' | 'none';
  /** Every reported row of the task, leads first. */
  units: TaskUnitStatus[];
  /** Roster units that lead or coordinate the task and whose kept return has no row for it (or that sent none). */
  unreported: Array<{ unit: string; role: TaskUnitStatus['role'] }>;
}

export interface ConcernRecord {
  unit: string;
  unitName: string;
  kind: 'difficulty' | 'proposal';
  /** Task key, or null for the general difficulties and proposals on the cover. */
  task: string | null;
  text: string;
  file: string;
  cell: string;
}

/** The same difficulty or proposal from one or more units, stated once (lib/consolidate/concern-groups.ts). */
export interface ConcernGroup {
  kind: ConcernRecord['kind'];
  task: string | null;
  /** The wording most units used, as typed. */
  text: string;
  units: Array<{ unit: string; unitName: string }>;
  /** How many different wordings were merged into this group. */
  wordings: number;
  /** Agencies the text asks by name (a proposal to "Sở Tài chính", "Bộ Công an" …). */
  agencies: string[];
}

export interface RateFigures {
  expected: number;
  received: number;
  onTime: number;
  /** received ÷ expected, on time ÷ expected (DHIS2 definitions), as fractions 0–1. */
  reportingRate: number;
  onTimeRate: number;
}

export interface Consolidation {
  period: string;
  /** Fingerprint of the plan's catalog the month was consolidated against (history joins months of one plan). */
  catalogHash: string;
  periodLabel: string;
  cutoffStart: string;
  cutoffEnd: string;
  dueDate: string;
  generatedAt: string;
  totals: RateFigures;
  byKind: { department: RateFigures; commune: RateFigures };
  late: number;
  missing: string[];
  submissions: UnitSubmission[];
  indicators: IndicatorSummary[];
  tasks: TaskSummary[];
  concerns: ConcernRecord[];
  concernGroups: ConcernGroup[];
  data: DataRecord[];
  intake: IntakeRecord[];
  notes: IntakeNote[];
  duplicates: DuplicateRecord[];
}
