// The report's one table of Vietnamese labels for the codes in ReportInput.
import { ASSESSMENT } from '../template/assessment';
import type { UnitKind } from '../roster/schema';
import type { IndicatorStatus, ReportingStatus } from './model';

/** The same words as the forms' "Tự đánh giá" column and the summary's "Đánh giá". */
export const INDICATOR_STATUS_LABELS: Readonly<Record<IndicatorStatus, string>> = Object.freeze({
  met: ASSESSMENT.met,
  notMet: ASSESSMENT.notMet,
  notYet: ASSESSMENT.notYet,
  noData: ASSESSMENT.noData,
  noTarget: ASSESSMENT.noTarget,
  flagged: 'Số liệu có lỗi',
});

export const REPORTING_STATUS_LABELS: Readonly<Record<ReportingStatus, string>> = Object.freeze({
  onTime: 'Đúng hạn',
  late: 'Muộn',
  timeUnknown: 'Đã gửi, chưa rõ thời điểm',
  missing: 'Chưa gửi',
});

export const UNIT_KIND_LABELS: Readonly<Record<UnitKind, string>> = Object.freeze({
  department: 'Sở, ban, ngành',
  commune: 'Xã, phường',
});
