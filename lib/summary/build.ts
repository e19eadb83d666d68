import { toVietnamIso } from '../_lib/calendar';
import { countConsolidation, INDICATOR_COUNT_KEYS, TASK_OVERALLS, type ConsolidationCounts } from '../consolidate/counts';
import { formatDayMonthYear } from '../period/format';
import { DEADLINE_STATUS_LABELS } from '../period/status';
import type { FieldValue } from '../validate/check';
import {
  DATA_USE_LABELS,
  INDICATOR_STATUS_LABELS,
  INTAKE_STATUS_LABELS,
  RECEIPT_SOURCE_LABELS,
  TASK_OVERALL_LABELS,
  type Consolidation,
  type TaskOverall,
} from '../consolidate/types';
import { stampRows } from './facts';
import type { ChartSpec, ColumnFormat, SummaryCell, SummaryModel, SummarySheet, Tone } from './model';

/** Excel refuses cell text longer than this; longer lists point to the Dữ liệu sheet. */
const CELL_LIMIT = 32_000;

export const SUMMARY_SHEET_NAMES = {
  overview: 'Tổng quan',
  indicators: 'Chỉ tiêu',
  tasks: 'Nhiệm vụ',
  submissions: 'Nộp báo cáo',
  concerns: 'Khó khăn, kiến nghị',
  data: 'Dữ liệu',
  intake: 'Nhật ký tiếp nhận',
} as const;

export const SUMMARY_TITLE = 'BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH 210/KH-UBND (ĐỀ ÁN 06)';

function clip(text: string): string {
  return text.length <= CELL_LIMIT ? text : `${text.slice(0, CELL_LIMIT)}… (còn nữa, xem trang Dữ liệu)`;
}

function shown(value: FieldValue): SummaryCell {
  return value === null ? null : value;
}

function dateTime(iso: string | undefined): string | null {
  if (!iso) return null;
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return match ? `${match[3]}/${match[2]}/${match[1]} ${match[4]}:${match[5]}` : iso;
}

function sheet(partial: Omit<SummarySheet, 'marks'> & { marks?: SummarySheet['marks'] }): SummarySheet {
  return { marks: [], ...partial };
}

/**
 * Lays the consolidation out as the seven sheets of the province summary, plus its charts.
 * Plain data: the streamed .xlsx writer and the Office.js writer render the same model.
 */
export function buildSummaryModel(c: Consolidation): SummaryModel {
  const counts = countConsolidation(c);
  const names = new Map(c.submissions.map((s) => [s.unit, s.unitName]));
  const nameOf = (code: string | null) => (code ? (names.get(code) ?? code) : '');
  const subtitle = `${c.periodLabel}. Số liệu tính từ ngày ${formatDayMonthYear(c.cutoffStart)} đến ngày ${formatDayMonthYear(c.cutoffEnd)}; hạn gửi trước ngày ${formatDayMonthYear(c.dueDate)}. Tổng hợp lúc ${dateTime(toVietnamIso(Date.parse(c.generatedAt)))} (giờ Việt Nam).`;
  return {
    title: `${SUMMARY_TITLE} ${c.periodLabel.toLocaleUpperCase('vi')}`,
    period: c.period,
    sheets: [overview(c, counts, subtitle), indicators(c, nameOf), tasks(c, nameOf), submissions(c), concerns(c), data(c), intake(c)],
    charts: charts(c, counts),
    stamp: stampRows(c),
  };
}

function overview(c: Consolidation, counts: ConsolidationCounts, subtitle: string): SummarySheet {
  const { totals: t, byKind: { department: d, commune: m } } = c;
  const { units: u, indicators: ind, tasks: tk, files: f } = counts;
  const rows: SummaryCell[][] = [
    ['Đơn vị phải báo cáo', t.expected, d.expected, m.expected],
    ['Đã gửi báo cáo', t.received, d.received, m.received],
    ['Gửi đúng hạn', t.onTime, d.onTime, m.onTime],
    ['Gửi muộn', u.late, u.department.late, u.commune.late],
    ['Chưa gửi', u.missing, u.department.missing, u.commune.missing],
    ['Tỷ lệ báo cáo (đã gửi ÷ phải gửi)', t.reportingRate, d.reportingRate, m.reportingRate],
    ['Tỷ lệ đúng hạn (đúng hạn ÷ phải gửi)', t.onTimeRate, d.onTimeRate, m.onTimeRate],
    ['Chỉ tiêu đạt', ind.met, null, null],
    ['Chỉ tiêu chưa đạt', ind.notMet, null, null],
    ['Chỉ tiêu chưa đến mốc đánh giá', ind.notYet, null, null],
    ['Chỉ tiêu không đặt chỉ tiêu năm nay', ind.noTarget, null, null],
    ['Chỉ tiêu chưa có số liệu', ind.noData, null, null],
    ['Chỉ tiêu có số liệu lỗi cần kiểm tra', ind.flagged, null, null],
    ['Nhiệm vụ đã hoàn thành', tk.done, null, null],
    ['Nhiệm vụ đang triển khai', tk.inProgress, null, null],
    ['Nhiệm vụ chưa triển khai', tk.notStarted, null, null],
    ['Nhiệm vụ chưa có báo cáo', tk.noReport, null, null],
    ['Nhiệm vụ quá hạn chưa hoàn thành', tk.overdue, null, null],
    ['Tệp đã nhận', f.received, null, null],
    ['Tệp bị từ chối', f.rejected, null, null],
    ['Tệp gửi trùng (bản cũ bị thay)', f.superseded, null, null],
  ];
  const rowOf = (label: string) => rows.findIndex((r) => r[0] === label);
  return sheet({
    id: 'overview',
    name: SUMMARY_SHEET_NAMES.overview,
    title: `${SUMMARY_TITLE} ${c.periodLabel.toLocaleUpperCase('vi')}`,
    subtitle,
    columns: [
      { header: 'Nội dung', width: 44, format: 'text' },
      { header: 'Toàn tỉnh', width: 14, format: 'integer' },
      { header: 'Sở, ban, ngành', width: 16, format: 'integer' },
      { header: 'Xã, phường', width: 14, format: 'integer' },
    ],
    rows,
    formats: [rowOf('Tỷ lệ báo cáo (đã gửi ÷ phải gửi)'), rowOf('Tỷ lệ đúng hạn (đúng hạn ÷ phải gửi)')].flatMap((row) => [1, 2, 3].map((col) => ({ row, col, format: 'percent' as ColumnFormat }))),
    marks: [
      { row: rowOf('Chưa gửi'), col: 1, tone: (u.missing > 0 ? 'bad' : 'good') as Tone },
      { row: rowOf('Nhiệm vụ quá hạn chưa hoàn thành'), col: 1, tone: (tk.overdue > 0 ? 'bad' : 'good') as Tone },
    ],
    dataBars: [],
  });
}

function indicators(c: Consolidation, nameOf: (code: string | null) => string): SummarySheet {
  const marks: SummarySheet['marks'] = [];
  const rows = c.indicators.map((i, r) => {
    const tone: Tone | null = i.status === 'flagged' ? 'warn' : i.status === 'met' ? 'good' : i.status === 'notMet' ? 'bad' : null;
    if (tone) marks.push({ row: r, col: 6, tone });
    if (i.disagree) marks.push({ row: r, col: 8, tone: 'warn' });
    const others = i.others.map((o) => `${nameOf(o.unit)}: ${o.value === null ? 'chưa có' : o.value}${o.flagged ? ' (lỗi)' : ''}`).join('; ');
    return [i.key, i.text, i.unitOfMeasure ?? '', i.target, nameOf(i.lead), shown(i.value), INDICATOR_STATUS_LABELS[i.status], others, i.disagree ? 'Có' : '', shown(i.previous ?? null), i.change ?? null, i.note ?? ''];
  });
  return sheet({
    id: 'indicators',
    name: SUMMARY_SHEET_NAMES.indicators,
    title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (PHỤ LỤC I)',
    subtitle: 'Giá trị của tỉnh lấy từ đơn vị đầu mối (đơn vị theo dõi được nêu đầu tiên); giá trị của đơn vị phối hợp đặt cạnh để đối chiếu.',
    columns: [
      { header: 'Mã', width: 10 },
      { header: 'Chỉ tiêu', width: 50 },
      { header: 'Đơn vị tính', width: 10 },
      { header: 'Chỉ tiêu năm', width: 14 },
      { header: 'Đơn vị đầu mối', width: 22 },
      { header: 'Giá trị của tỉnh', width: 14, format: 'decimal' },
      { header: 'Đánh giá', width: 16 },
      { header: 'Giá trị của đơn vị phối hợp', width: 30 },
      { header: 'Các đơn vị báo khác nhau', width: 12 },
      { header: 'Kỳ trước', width: 12, format: 'decimal' },
      { header: 'Thay đổi so với kỳ trước', width: 12, format: 'decimal' },
      { header: 'Ghi chú', width: 24 },
    ],
    rows,
    marks,
  });
}

function tasks(c: Consolidation, nameOf: (code: string | null) => string): SummarySheet {
  const marks: SummarySheet['marks'] = [];
  const tone: Record<TaskOverall, Tone | null> = { done: 'good', inProgress: null, notStarted: 'warn', noReport: 'warn' };
  const rows = c.tasks.map((t, r) => {
    if (tone[t.overall]) marks.push({ row: r, col: 6, tone: tone[t.overall] as Tone });
    if (t.overdue) marks.push({ row: r, col: 8, tone: 'bad' });
    const lead = t.units.filter((u) => u.role === 'lead');
    const coordinators = t.units.filter((u) => u.role === 'coordinator');
    const describe = (list: typeof t.units) => clip(list.map((u) => `${nameOf(u.unit)}: ${u.status ?? 'chưa chọn'}${u.progress !== null ? ` ${u.progress}%` : ''}`).join('; '));
    const join = (pick: (u: (typeof t.units)[number]) => string | null) => clip(t.units.map((u) => (pick(u) ? `${nameOf(u.unit)}: ${pick(u)}` : null)).filter(Boolean).join('\n'));
    return [t.key, t.text, t.leadText, t.deadline, t.due ? formatDayMonthYear(t.due) : '', DEADLINE_STATUS_LABELS[t.deadlineStatus], TASK_OVERALL_LABELS[t.overall], t.progress, t.overdue ? 'Quá hạn' : '', describe(lead), describe(coordinators), join((u) => [u.results, u.product].filter(Boolean).join(' — ') || null), join((u) => u.difficulties)];
  });
  return sheet({
    id: 'tasks',
    name: SUMMARY_SHEET_NAMES.tasks,
    title: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ (PHỤ LỤC II, PHỤ LỤC III, MỤC V)',
    subtitle: 'Tình trạng chung: "Đã hoàn thành" khi mọi đơn vị chủ trì (hoặc phối hợp, với nhiệm vụ do Trung ương chủ trì) báo hoàn thành.',
    columns: [
      { header: 'Mã', width: 10 },
      { header: 'Nhiệm vụ', width: 48 },
      { header: 'Cơ quan chủ trì', width: 20 },
      { header: 'Thời hạn', width: 14 },
      { header: 'Hạn cụ thể', width: 11 },
      { header: 'Tình trạng thời hạn', width: 13 },
      { header: 'Tình trạng chung', width: 15 },
      { header: 'Tiến độ bình quân (%)', width: 11, format: 'decimal' },
      { header: 'Quá hạn', width: 9 },
      { header: 'Đơn vị chủ trì báo cáo', width: 36 },
      { header: 'Đơn vị phối hợp báo cáo', width: 36 },
      { header: 'Kết quả, sản phẩm', width: 40 },
      { header: 'Khó khăn, vướng mắc', width: 36 },
    ],
    rows,
    marks,
  });
}

function submissions(c: Consolidation): SummarySheet {
  const marks: SummarySheet['marks'] = [];
  const rows = c.submissions.map((s, r) => {
    if (!s.received) marks.push({ row: r, col: 3, tone: 'bad' });
    else if (s.onTime === false) marks.push({ row: r, col: 7, tone: 'warn' });
    if (s.errors > 0) marks.push({ row: r, col: 9, tone: 'bad' });
    const timing = !s.received ? '' : s.onTime === undefined ? 'Không xác định' : s.onTime ? 'Đúng hạn' : 'Muộn';
    return [
      s.unit,
      s.unitName,
      s.kind === 'department' ? 'Sở, ban, ngành' : 'Xã, phường',
      s.received ? 'Đã gửi' : 'Chưa gửi',
      s.file ?? '',
      dateTime(s.receivedAt),
      s.receivedAtSource ? RECEIPT_SOURCE_LABELS[s.receivedAtSource] : '',
      timing,
      s.received && s.daysLate !== undefined && s.daysLate > 0 ? s.daysLate : null,
      s.received ? s.errors : null,
      s.received ? s.warnings : null,
    ];
  });
  return sheet({
    id: 'submissions',
    name: SUMMARY_SHEET_NAMES.submissions,
    title: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ',
    subtitle: `Hạn gửi: trước ngày ${formatDayMonthYear(c.dueDate)}. Thời điểm nhận lấy từ thư điện tử, sổ tiếp nhận, ngày báo cáo ghi trong biểu hoặc thời điểm sửa tệp (cột "Nguồn thời điểm").`,
    columns: [
      { header: 'Mã đơn vị', width: 10 },
      { header: 'Tên đơn vị', width: 34 },
      { header: 'Loại', width: 14 },
      { header: 'Tình trạng', width: 11 },
      { header: 'Tệp được tổng hợp', width: 40 },
      { header: 'Thời điểm nhận', width: 17 },
      { header: 'Nguồn thời điểm', width: 24 },
      { header: 'Đúng hạn / muộn', width: 12 },
      { header: 'Số ngày muộn', width: 9, format: 'integer' },
      { header: 'Số lỗi', width: 8, format: 'integer' },
      { header: 'Số cảnh báo', width: 9, format: 'integer' },
    ],
    rows,
    marks,
  });
}

function concerns(c: Consolidation): SummarySheet {
  return sheet({
    id: 'concerns',
    name: SUMMARY_SHEET_NAMES.concerns,
    title: 'KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ',
    columns: [
      { header: 'Đơn vị', width: 30 },
      { header: 'Loại', width: 12 },
      { header: 'Nhiệm vụ', width: 11 },
      { header: 'Nội dung', width: 70 },
      { header: 'Tệp', width: 30 },
      { header: 'Ô', width: 26 },
    ],
    rows: c.concerns.map((x) => [x.unitName, x.kind === 'difficulty' ? 'Khó khăn' : 'Kiến nghị', x.task ?? 'Chung', x.text, x.file, x.cell]),
  });
}

function data(c: Consolidation): SummarySheet {
  return sheet({
    id: 'data',
    name: SUMMARY_SHEET_NAMES.data,
    title: 'DỮ LIỆU GỐC: MỌI GIÁ TRỊ ĐÃ ĐỌC, KÈM NGUỒN',
    subtitle: 'Mỗi dòng là một ô do đơn vị nhập: tệp nguồn, mã SHA-256 của tệp và địa chỉ ô. Cột "Sử dụng" cho biết giá trị có được tổng hợp không.',
    columns: [
      { header: 'Đơn vị', width: 10 },
      { header: 'Trang tính', width: 18 },
      { header: 'Mã dòng', width: 14 },
      { header: 'Trường', width: 14 },
      { header: 'Giá trị', width: 40 },
      { header: 'Sử dụng', width: 18 },
      { header: 'Tệp nguồn', width: 36 },
      { header: 'SHA-256', width: 20 },
      { header: 'Ô nguồn', width: 9 },
    ],
    rows: c.data.map((d) => [d.unit, d.sheet, d.key, d.field, shown(d.value), DATA_USE_LABELS[d.use], d.file, d.sha256, d.cell]),
    compact: true,
  });
}

/** For a superseded file: which file replaced it and every cell that changed between them. */
function supersededNote(c: Consolidation, file: string): string | null {
  const duplicate = c.duplicates.find((d) => d.superseded.includes(file));
  if (!duplicate) return null;
  const changes = duplicate.superseded[duplicate.superseded.length - 1] === file ? duplicate.changes : [];
  const listed = changes.map((x) => `${x.sheet}!${x.cell} (${x.key}, ${x.field}): ${x.before ?? '(trống)'} → ${x.after ?? '(trống)'}`);
  return [`Bị thay bởi ${duplicate.kept}.`, ...(listed.length ? [`Ô thay đổi trong bản mới: ${listed.join('; ')}`] : [])].join(' ');
}

function intake(c: Consolidation): SummarySheet {
  const marks: SummarySheet['marks'] = [];
  const rows: SummaryCell[][] = c.intake.map((r, i) => {
    if (r.status === 'rejected') marks.push({ row: i, col: 4, tone: 'bad' });
    if (r.status === 'superseded' || r.status === 'acceptedWithErrors') marks.push({ row: i, col: 4, tone: 'warn' });
    return [
      r.file,
      r.container ?? '',
      r.sha256,
      r.size,
      INTAKE_STATUS_LABELS[r.status],
      r.unit ?? '',
      r.period ?? '',
      r.templateVersion ?? null,
      dateTime(r.receivedAt),
      RECEIPT_SOURCE_LABELS[r.receivedAtSource],
      r.receivedFrom ?? '',
      r.reason?.code ?? '',
      r.reason?.message ?? '',
      r.errors,
      r.warnings,
      clip([supersededNote(c, r.file), ...r.issues.map((x) => `${x.sheet ? `[${x.sheet}${x.cell ? `!${x.cell}` : ''}] ` : ''}${x.message} (${x.code})`)].filter(Boolean).join('\n')),
    ];
  });
  for (const note of c.notes) rows.push([note.name, note.container ?? '', note.sha256, note.size, 'Ghi nhận', '', '', null, null, '', '', '', note.note, null, null, '']);
  return sheet({
    id: 'intake',
    name: SUMMARY_SHEET_NAMES.intake,
    title: 'NHẬT KÝ TIẾP NHẬN: MỌI TỆP VÀ TỆP ĐÍNH KÈM ĐÃ NHẬN',
    columns: [
      { header: 'Tệp', width: 36 },
      { header: 'Trong thư', width: 20 },
      { header: 'SHA-256', width: 20 },
      { header: 'Kích thước (byte)', width: 11, format: 'integer' },
      { header: 'Trạng thái', width: 22 },
      { header: 'Mã đơn vị', width: 9 },
      { header: 'Kỳ', width: 9 },
      { header: 'Phiên bản biểu mẫu', width: 9, format: 'integer' },
      { header: 'Thời điểm nhận', width: 17 },
      { header: 'Nguồn thời điểm', width: 22 },
      { header: 'Người gửi', width: 24 },
      { header: 'Mã lý do', width: 20 },
      { header: 'Lý do từ chối', width: 40 },
      { header: 'Số lỗi', width: 7, format: 'integer' },
      { header: 'Số cảnh báo', width: 8, format: 'integer' },
      { header: 'Các vấn đề', width: 60 },
    ],
    rows,
    marks,
  });
}

function charts(c: Consolidation, counts: ConsolidationCounts): ChartSpec[] {
  const { totals: t, byKind: { department: d, commune: m } } = c;
  return [
    {
      id: 'reporting-rate',
      title: 'Tỷ lệ báo cáo và đúng hạn theo loại đơn vị (%)',
      type: 'column',
      valueMax: 100,
      categories: ['Sở, ban, ngành', 'Xã, phường', 'Toàn tỉnh'],
      series: [
        { name: 'Tỷ lệ báo cáo', values: [d, m, t].map((x) => Math.round(x.reportingRate * 1000) / 10) },
        { name: 'Tỷ lệ đúng hạn', values: [d, m, t].map((x) => Math.round(x.onTimeRate * 1000) / 10) },
      ],
    },
    {
      id: 'task-status',
      title: 'Nhiệm vụ theo tình trạng',
      type: 'bar',
      categories: TASK_OVERALLS.map((k) => TASK_OVERALL_LABELS[k]),
      series: [{ name: 'Số nhiệm vụ', values: TASK_OVERALLS.map((k) => counts.tasks[k]) }],
    },
    {
      id: 'indicator-status',
      title: 'Chỉ tiêu theo kết quả đánh giá',
      type: 'pie',
      categories: INDICATOR_COUNT_KEYS.map((k) => INDICATOR_STATUS_LABELS[k]),
      series: [{ name: 'Số chỉ tiêu', values: INDICATOR_COUNT_KEYS.map((k) => counts.indicators[k]) }],
    },
  ];
}
