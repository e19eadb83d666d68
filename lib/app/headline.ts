import { countConsolidation, type ConsolidationCounts } from '../consolidate/counts';
import type { Consolidation, ReceiptSource } from '../consolidate/types';
import { formatDayMonthYear, formatPercent } from '../period/format';

export interface Headline {
  /** `Đã tổng hợp tháng 11 năm 2026 (hạn gửi trước ngày 10/12/2026)` */
  title: string;
  /** The figures the secretariat reads first, one sentence each. */
  lines: string[];
  /** Each rejected file with its reason and code. */
  rejected: Array<{ file: string; message: string; code: string }>;
  counts: ConsolidationCounts;
}

/** `12 đạt` but nothing for a zero, so a line lists only what there is. */
function part(count: number, words: string): string {
  return count > 0 ? `${count} ${words}` : '';
}

function list(parts: string[]): string {
  const kept = parts.filter(Boolean);
  return kept.length > 0 ? kept.join(', ') : 'không có';
}

/** How the headline says where units' receipt times came from. */
const RECEIPT_SOURCE_PHRASES: ReadonlyArray<[ReceiptSource, string]> = [
  ['email', 'theo thư điện tử'],
  ['receipts', 'theo sổ tiếp nhận'],
  ['reportDate', 'theo ngày ghi trong biểu'],
  ['fileTime', 'theo thời điểm sửa tệp'],
  ['unknown', 'không rõ thời điểm'],
];

/** `Thời điểm nhận: 150 đơn vị theo thư điện tử, 20 theo sổ tiếp nhận, 8 theo ngày ghi trong biểu.` */
function receiptLine(sources: Readonly<Record<ReceiptSource, number>>): string {
  const parts = RECEIPT_SOURCE_PHRASES.filter(([source]) => sources[source] > 0).map(([source, phrase], i) => `${sources[source]}${i === 0 ? ' đơn vị' : ''} ${phrase}`);
  return `Thời điểm nhận: ${parts.join(', ')}.`;
}

/**
 * The headline of a consolidation, as `da06 consolidate` prints it and the add-in shows it: one
 * wording, one set of counts ({@link countConsolidation}).
 * @example consolidationHeadline(c).lines[0] // 'Đơn vị phải báo cáo: 187; đã gửi 176 (94,1%), …'
 */
export function consolidationHeadline(c: Omit<Consolidation, 'data'>): Headline {
  const counts = countConsolidation(c);
  const { units: u, indicators: i, tasks: t, files: f } = counts;
  const rate = (n: number, of: number) => formatPercent(of > 0 ? n / of : 0);
  const lines = [
    `Đơn vị phải báo cáo: ${u.expected}; đã gửi ${u.received} (${rate(u.received, u.expected)}), đúng hạn ${u.onTime} (${rate(u.onTime, u.expected)}), muộn ${u.late}${u.unknownTime > 0 ? `, không rõ thời điểm nhận ${u.unknownTime}` : ''}, chưa gửi ${u.missing}${u.rejectedOnly > 0 ? ` (trong đó ${u.rejectedOnly} đơn vị có tệp bị từ chối, cần gửi lại)` : ''}.`,
    ...(u.received > 0 ? [receiptLine(u.receiptSources)] : []),
    `Sở, ban, ngành: đã gửi ${u.department.received}/${u.department.expected}; xã, phường: đã gửi ${u.commune.received}/${u.commune.expected}.`,
    `Chỉ tiêu (${i.total}): ${list([part(i.met, 'đạt'), part(i.notMet, 'chưa đạt'), part(i.notYet, 'chưa đến mốc'), part(i.noTarget, 'không đặt chỉ tiêu năm nay'), part(i.noData, 'chưa có số liệu'), part(i.flagged, 'số liệu có lỗi')])}.`,
    `Nhiệm vụ (${t.total}): ${list([part(t.done, 'đã hoàn thành'), part(t.inProgress, 'đang triển khai'), part(t.notStarted, 'chưa triển khai'), part(t.noReport, 'chưa có báo cáo')])}; ${t.overdue} quá hạn chưa hoàn thành.`,
    `Tệp: nhận ${f.received}, từ chối ${f.rejected}, gửi trùng ${f.duplicateUnits} đơn vị; xem trang "Nhật ký tiếp nhận".`,
  ];
  return {
    title: `Đã tổng hợp kỳ ${c.periodLabel.toLowerCase()} (hạn gửi trước ngày ${formatDayMonthYear(c.dueDate)})`,
    lines,
    rejected: c.intake.filter((r) => r.status === 'rejected').map((r) => ({ file: r.file, message: r.reason?.message ?? '', code: r.reason?.code ?? '' })),
    counts,
  };
}
