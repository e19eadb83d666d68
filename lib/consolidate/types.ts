import type { IssueCode } from '../issues/catalog';
import type { Severity } from '../issues/catalog';
import type { FieldValue } from '../validate/check';

/** Where an input's receipt time came from, in order of trust. */
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

export interface UnitSubmission {
  unit: string;
  unitName: string;
  kind: 'department' | 'commune';
  received: boolean;
  file?: string;
  receivedAt?: string;
  receivedAtSource?: ReceiptSource;
  onTime?: boolean;
  /** Whole days after the due date; 0 when on time. */
  daysLate?: number;
  errors: number;
  warnings: number;
}

export interface IndicatorValue {
  unit: string;
  value: FieldValue;
  assessment: string;
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
  status: string;
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
  status: string | null;
  progress: number | null;
  results: string | null;
  product: string | null;
  difficulties: string | null;
}

export interface TaskSummary {
  key: string;
  appendix: 'II' | 'III' | 'body';
  text: string;
  leadText: string;
  deadline: string;
  due: string | null;
  deadlineStatus: string;
  overall: TaskOverall;
  overdue: boolean;
  /** Mean progress of the units that carry the task (leads, or coordinators where the lead is central). */
  progress: number | null;
  units: TaskUnitStatus[];
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
  data: DataRecord[];
  intake: IntakeRecord[];
  notes: IntakeNote[];
  duplicates: DuplicateRecord[];
}
