// The report's one table of Vietnamese labels for the codes in ReportInput.
import type { UnitKind } from '../roster/schema';
import type { ReportingStatus } from './model';

/** The same words as the forms' "Tự đánh giá" column and the summary's "Đánh giá": one table. */
export { INDICATOR_STATUS_LABELS } from '../consolidate/types';

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
