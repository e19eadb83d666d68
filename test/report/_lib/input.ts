// A report input written by hand (not by reportInputFromConsolidation): the writer is tested apart from
// the mapping that feeds it. A small province: 3 bodies, 4 communes, a month with every kind of news.
import type { ReportInput, ReportRates, TaskLine, UnitRef } from '../../../lib/report/model';

export const SYT: UnitRef = { code: 'SYT', name: 'Sở Y tế', kind: 'department' };
export const STP: UnitRef = { code: 'STP', name: 'Sở Tư pháp', kind: 'department' };
export const CAT: UnitRef = { code: 'CAT', name: 'Công an tỉnh', kind: 'department' };
export const QUANG_PHU: UnitRef = { code: '16021', name: 'Xã Quảng Phú', kind: 'commune' };
export const DINH_TAN: UnitRef = { code: '15001', name: 'Xã Định Tân', kind: 'commune' };
export const HOANG_HOA: UnitRef = { code: '15002', name: 'Xã Hoằng Hóa', kind: 'commune' };
export const HAM_RONG: UnitRef = { code: '14758', name: 'Phường Hàm Rồng', kind: 'commune' };

export function rates(expected: number, received: number, onTime: number, late: number): ReportRates {
  return { expected, received, onTime, late, timeUnknown: received - onTime - late, missing: expected - received, reportingRate: received / expected, onTimeRate: onTime / expected };
}

const task = (key: string, name: string, lead: string, extra: Partial<TaskLine> = {}): TaskLine => ({
  key,
  name,
  lead,
  deadline: 'Tháng 9/2026',
  due: '2026-09-30',
  deadlineStatus: 'overdue',
  overall: 'inProgress',
  progress: 40,
  ...extra,
});

export const OVERDUE = task('PL3.II.3', 'Nghiên cứu giải pháp phân cấp, ủy quyền, cắt giảm thủ tục hành chính các cấp.', 'Sở Tư pháp', { progress: 62.5 });
export const DUE_NEXT = task('PL3.V.7', 'Hoàn thành việc xây dựng Cơ sở dữ liệu đất đai trong phạm vi địa phương.', 'Sở Nông nghiệp và Môi trường', {
  deadline: 'Tháng 12/2026',
  due: '2026-12-31',
  deadlineStatus: 'notYetDue',
  progress: 70,
});
export const DONE = task('PL3.I.1', 'Triển khai trí tuệ nhân tạo AI, Trợ lý ảo để hỗ trợ dịch vụ công.', 'Trung tâm Phục vụ hành chính công tỉnh', { overall: 'done', progress: 100, deadlineStatus: 'dueThisPeriod', due: '2026-11-30', deadline: 'Tháng 11/2026' });
export const RECURRING = task('KH.V.5.1', 'Theo dõi, đôn đốc việc thực hiện Kế hoạch.', 'Công an tỉnh', { deadline: 'Thực hiện thường xuyên', due: null, deadlineStatus: 'recurring', progress: null });

/** Multi-line unit text with a formula-like start and markup characters: must reach the page as typed, trimmed. */
export const PROPOSAL_TEXT = '  Đề nghị Sở Tài chính bố trí kinh phí <năm 2027> & nâng cấp đường truyền.\nDòng thứ hai: =SUM(A1)  ';

export function handWrittenInput(): ReportInput {
  return {
    period: { id: '2026-11', year: 2026, month: 11, label: 'Tháng 11 năm 2026', cutoffStart: '2026-11-01', cutoffEnd: '2026-11-30', dueDate: '2026-12-10', dueIsExclusive: true },
    nextPeriod: { id: '2026-12', year: 2026, month: 12, label: 'Tháng 12 năm 2026', cutoffStart: '2026-12-01', cutoffEnd: '2026-12-31', dueDate: '2027-01-10', dueIsExclusive: true },
    historyMonths: ['2026-10'],
    issueDate: '2026-12-12',
    asOf: '2026-12-12',
    reporting: {
      total: rates(7, 5, 3, 2),
      byKind: { department: rates(3, 3, 2, 1), commune: rates(4, 2, 1, 1) },
      previous: { periodId: '2026-10', total: rates(7, 4, 3, 1), byKind: { department: rates(3, 3, 3, 0), commune: rates(4, 1, 0, 1) } },
    },
    units: {
      missing: [DINH_TAN, HOANG_HOA],
      late: [
        { ...STP, daysLate: 3 },
        { ...HAM_RONG, daysLate: 1 },
      ],
      rejected: [{ ...DINH_TAN, file: 'dinh-tan.xlsx', reason: 'Tệp là báo cáo của kỳ 10/2026, không phải kỳ 11/2026.' }],
      repeatOffenders: [{ ...HOANG_HOA, pattern: 'missing', months: 3 }],
    },
    indicators: {
      total: 4,
      counts: { met: 1, notMet: 1, notYet: 0, noData: 1, noTarget: 0, flagged: 1 },
      notable: [
        { key: 'PL1.I.2', name: 'Tỷ lệ hồ sơ được cắt giảm giấy tờ', unitOfMeasure: '%', value: 39.9, target: '50', status: 'notMet', monitor: 'Trung tâm Phục vụ hành chính công tỉnh' },
        { key: 'PL1.I.8', name: 'Tỷ lệ phổ cập địa chỉ số', unitOfMeasure: '%', value: 150, target: '100 (năm 2030)', status: 'flagged', monitor: 'Sở Xây dựng' },
      ],
      disagreements: [{ key: 'PL1.II.5', name: 'Tỷ lệ bệnh viện thanh toán không dùng tiền mặt', unitOfMeasure: '%', values: [{ unit: 'Sở Y tế', value: 68.5 }, { unit: 'Công an tỉnh', value: 65.7 }] }],
      atRisk: [{ key: 'PL1.I.2', name: 'Tỷ lệ hồ sơ được cắt giảm giấy tờ', unitOfMeasure: '%', value: 39.9, target: '50', reason: 'paceBelowTarget', projection: 44.2 }],
    },
    tasks: {
      total: 4,
      counts: { done: 1, inProgress: 2, notStarted: 0, noReport: 1 },
      completedScope: 'thisMonth',
      completed: [DONE],
      overdue: [OVERDUE],
      becameOverdue: [OVERDUE],
      dueNextMonth: [{ lead: DUE_NEXT.lead, tasks: [DUE_NEXT] }],
      recurring: [{ lead: RECURRING.lead, tasks: [RECURRING] }],
    },
    difficulties: [{ task: null, items: [{ text: 'Thiếu kinh phí thực hiện.', units: [SYT, QUANG_PHU] }] }],
    proposals: [
      { task: null, items: [{ text: PROPOSAL_TEXT, units: [SYT, STP, QUANG_PHU] }] },
      { task: { key: OVERDUE.key, name: OVERDUE.name }, items: [{ text: 'Đề nghị ban hành hướng dẫn thống nhất.', units: [CAT] }] },
    ],
    appendix: {
      indicators: [
        { key: 'PL1.I.1', name: 'Tỷ lệ thủ tục hành chính có danh mục dữ liệu', unitOfMeasure: '%', value: 57.9, target: '50', status: 'met', monitor: 'Trung tâm Phục vụ hành chính công tỉnh', previous: 55, change: 2.9 },
        { key: 'PL1.I.2', name: 'Tỷ lệ hồ sơ được cắt giảm giấy tờ', unitOfMeasure: '%', value: 39.9, target: '50', status: 'notMet', monitor: 'Trung tâm Phục vụ hành chính công tỉnh', previous: 38, change: 1.9 },
        { key: 'PL1.I.8', name: 'Tỷ lệ phổ cập địa chỉ số', unitOfMeasure: '%', value: 150, target: '100 (năm 2030)', status: 'flagged', monitor: 'Sở Xây dựng', previous: null, change: null },
        { key: 'PL1.III.1', name: 'Xây dựng, hoàn thiện CSDL quốc gia về tài chính', unitOfMeasure: 'CSDL', value: null, target: 'Hoàn thành', status: 'noData', monitor: 'Sở Tài chính', previous: null, change: null },
      ],
      overdueTasks: [OVERDUE],
      reporting: [
        { ...CAT, status: 'onTime', receivedAt: '2026-12-03T09:15:00+07:00', daysLate: null, errors: 0 },
        { ...SYT, status: 'onTime', receivedAt: '2026-12-08T14:02:00+07:00', daysLate: null, errors: 1 },
        { ...STP, status: 'late', receivedAt: '2026-12-12T08:00:00+07:00', daysLate: 3, errors: 0 },
        { ...QUANG_PHU, status: 'onTime', receivedAt: '2026-12-09T16:30:00+07:00', daysLate: null, errors: 0 },
        { ...DINH_TAN, status: 'missing', receivedAt: null, daysLate: null, errors: 0 },
        { ...HOANG_HOA, status: 'missing', receivedAt: null, daysLate: null, errors: 0 },
        { ...HAM_RONG, status: 'late', receivedAt: '2026-12-10T10:00:00+07:00', daysLate: 1, errors: 0 },
      ],
    },
    notes: [{ code: 'monthsMissing', periods: ['2026-09'] }],
  };
}
