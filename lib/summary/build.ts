import { toVietnamIso } from '../_lib/calendar';
import { concernKey } from '../consolidate/concern-groups';
import { countConsolidation, INDICATOR_COUNT_KEYS, TASK_OVERALLS, type ConsolidationCounts } from '../consolidate/counts';
import {
  DATA_USE_LABELS,
  INDICATOR_STATUS_LABELS,
  INTAKE_STATUS_LABELS,
  RECEIPT_SOURCE_LABELS,
  SUBMISSION_STATE_LABELS,
  SUBMISSION_STATES,
  TASK_OVERALL_LABELS,
  type ConcernGroup,
  type Consolidation,
  type TaskOverall,
  type TaskSummary,
  type TaskUnitStatus,
  type UnitSubmission,
} from '../consolidate/types';
import { ISSUE_CATALOG } from '../issues/catalog';
import { formatDayMonthYear, formatNumber } from '../period/format';
import type { FieldValue } from '../validate/check';
import { stampRows } from './facts';
import type { ChartSpec, ColumnFormat, SummaryCell, SummaryModel, SummarySheet, Tone } from './model';

/** Excel refuses cell text longer than this; a longer text points to the sheets that hold it whole. */
const CELL_LIMIT = 32_000;

/** A list of units named in one cell: past this many, the rest are counted, and the full list is on its sheet. */
const NAMED_UNITS = 20;

/** Lagging units named on the Nhiệm vụ sheet: when more, a count and a pointer to Nhiệm vụ theo đơn vị. */
const NAMED_LAGGING = 5;

export const SUMMARY_SHEET_NAMES = {
  overview: 'Tổng quan',
  trends: 'Xu hướng',
  indicators: 'Chỉ tiêu',
  tasks: 'Nhiệm vụ',
  submissions: 'Nộp báo cáo',
  concerns: 'Khó khăn, kiến nghị',
  taskUnits: 'Nhiệm vụ theo đơn vị',
  data: 'Dữ liệu',
  intake: 'Nhật ký tiếp nhận',
} as const;

export const SUMMARY_TITLE = 'BÁO CÁO TỔNG HỢP KẾT QUẢ THỰC HIỆN KẾ HOẠCH 210/KH-UBND (ĐỀ ÁN 06)';

/** What a screen sheet's subtitle says about printing it. */
const SCREEN_NOTE = 'Trang tra cứu trên máy: khi in cả sổ chỉ in phần đầu trang; để in, chọn các dòng cần in rồi chọn In vùng chọn.';

export interface BuildSummaryOptions {
  /** Sheets to place after Tổng quan (e.g. Xu hướng from the history of months), with their charts. */
  extra?: { sheets: SummarySheet[]; charts: ChartSpec[] };
}

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

/** `Sở Y tế, Sở Tư pháp và 12 đơn vị khác`. */
function nameList(names: readonly string[], max = NAMED_UNITS): string {
  if (names.length <= max) return names.join(', ');
  return `${names.slice(0, max).join(', ')} và ${names.length - max} đơn vị khác`;
}

function sheet(partial: Omit<SummarySheet, 'marks'> & { marks?: SummarySheet['marks'] }): SummarySheet {
  return { marks: [], ...partial };
}

type NameOf = (code: string | null) => string;

/**
 * Lays the consolidation out as the province summary: Tổng quan (one A4 page, what leadership reads
 * first), the sheets meant for paper, then the long tables read on screen, plus its charts. Plain
 * data: the streamed .xlsx writer and the Office.js writer render the same model.
 */
export function buildSummaryModel(c: Consolidation, options: BuildSummaryOptions = {}): SummaryModel {
  const counts = countConsolidation(c);
  const names = new Map(c.submissions.map((s) => [s.unit, s.unitName]));
  const nameOf: NameOf = (code) => (code ? (names.get(code) ?? code) : '');
  const subtitle = `${c.periodLabel}. Số liệu tính từ ngày ${formatDayMonthYear(c.cutoffStart)} đến ngày ${formatDayMonthYear(c.cutoffEnd)}; hạn gửi trước ngày ${formatDayMonthYear(c.dueDate)}. Tổng hợp lúc ${dateTime(toVietnamIso(Date.parse(c.generatedAt)))} (giờ Việt Nam).`;
  return {
    title: `${SUMMARY_TITLE} ${c.periodLabel.toLocaleUpperCase('vi')}`,
    period: c.period,
    sheets: [
      overview(c, counts, subtitle),
      ...(options.extra?.sheets ?? []),
      indicators(c, nameOf),
      tasks(c, nameOf),
      submissions(c),
      concerns(c),
      taskUnits(c, nameOf),
      data(c),
      intake(c),
    ],
    charts: [...charts(counts), ...(options.extra?.charts ?? [])],
    stamp: stampRows(c),
  };
}

/** Tổng quan: every count from {@link countConsolidation}, the units to chase by name, the main concerns. */
function overview(c: Consolidation, counts: ConsolidationCounts, subtitle: string): SummarySheet {
  const { units: u, indicators: ind, tasks: tk, files: f } = counts;
  const rows: SummaryCell[][] = [];
  const headings: number[] = [];
  const merges: NonNullable<SummarySheet['merges']> = [];
  const marks: SummarySheet['marks'] = [];
  const formats: NonNullable<SummarySheet['formats']> = [];
  const heading = (text: string) => {
    headings.push(rows.length);
    merges.push({ row: rows.length, col: 0, cols: 4 });
    rows.push([text, null, null, null]);
  };
  const figure = (label: string, total: number, department: number | null = null, commune: number | null = null, tone?: Tone) => {
    if (tone) marks.push({ row: rows.length, col: 1, tone });
    rows.push([label, total, department, commune]);
  };
  const rate = (label: string, of: (x: { expected: number; received: number; onTime: number }) => number) => {
    formats.push(...[1, 2, 3].map((col) => ({ row: rows.length, col, format: 'percent' as ColumnFormat })));
    const r = (x: { expected: number }) => (x.expected ? of(x as { expected: number; received: number; onTime: number }) / x.expected : 0);
    rows.push([label, r(u), r(u.department), r(u.commune)]);
  };
  const text = (value: string, tone?: Tone) => {
    if (tone) marks.push({ row: rows.length, col: 0, tone });
    merges.push({ row: rows.length, col: 0, cols: 4 });
    rows.push([clip(value), null, null, null]);
  };
  const byState = (state: UnitSubmission['state']) => c.submissions.filter((s) => s.state === state);

  heading('1. GỬI BÁO CÁO');
  figure('Đơn vị phải báo cáo', u.expected, u.department.expected, u.commune.expected);
  figure('Đã gửi báo cáo', u.received, u.department.received, u.commune.received);
  figure('Gửi đúng hạn', u.onTime, u.department.onTime, u.commune.onTime);
  figure('Gửi muộn', u.late, u.department.late, u.commune.late, u.late > 0 ? 'warn' : undefined);
  figure('Chưa gửi (kể cả đơn vị có tệp bị từ chối)', u.missing, u.department.missing, u.commune.missing, u.missing > 0 ? 'bad' : 'good');
  figure('   trong đó: tệp bị từ chối, cần gửi lại', u.rejectedOnly, u.department.rejectedOnly, u.commune.rejectedOnly, u.rejectedOnly > 0 ? 'bad' : undefined);
  figure('Đã gửi nhưng có lỗi cần đơn vị sửa', u.withErrors, u.department.withErrors, u.commune.withErrors, u.withErrors > 0 ? 'warn' : undefined);
  rate('Tỷ lệ báo cáo (đã gửi ÷ phải gửi)', (x) => x.received);
  rate('Tỷ lệ đúng hạn (đúng hạn ÷ phải gửi)', (x) => x.onTime);
  const missing = byState('missing');
  if (missing.length > 0) text(`Chưa gửi (${missing.length}): ${nameList(missing.map((s) => s.unitName))}.`, 'bad');
  const rejected = byState('rejected');
  if (rejected.length > 0) text(`Tệp bị từ chối, cần gửi lại (${rejected.length}): ${nameList(rejected.map((s) => `${s.unitName} (${s.rejected ? ISSUE_CATALOG[s.rejected.code].title.toLowerCase() : 'tệp không dùng được'})`))}.`, 'bad');
  const late = c.submissions.filter((s) => s.received && s.onTime === false);
  if (late.length > 0) text(`Gửi muộn (${late.length}): ${nameList(late.map((s) => `${s.unitName} (${s.daysLate} ngày)`), 12)}.`, 'warn');
  text(`Tệp đã nhận: ${f.received}${f.rejected > 0 ? `, trong đó ${f.rejected} tệp bị từ chối` : ''}${f.superseded > 0 ? `, ${f.superseded} bản cũ bị thay bằng bản gửi sau` : ''} (trang ${SUMMARY_SHEET_NAMES.intake}).`);

  heading(`2. CHỈ TIÊU (${ind.total} chỉ tiêu của Phụ lục I)`);
  figure('Đạt', ind.met, null, null, 'good');
  figure('Chưa đạt', ind.notMet, null, null, ind.notMet > 0 ? 'bad' : undefined);
  figure('Chưa đến mốc đánh giá', ind.notYet);
  figure('Không đặt chỉ tiêu năm nay', ind.noTarget);
  figure('Chưa có số liệu', ind.noData, null, null, ind.noData > 0 ? 'warn' : undefined);
  figure('Số liệu có lỗi cần kiểm tra', ind.flagged, null, null, ind.flagged > 0 ? 'warn' : undefined);
  figure('Các đơn vị theo dõi báo số liệu khác nhau', ind.disagree, null, null, ind.disagree > 0 ? 'warn' : undefined);

  heading(`3. NHIỆM VỤ (${tk.total} nhiệm vụ của Phụ lục II, Phụ lục III và mục V)`);
  figure('Đã hoàn thành', tk.done, null, null, 'good');
  figure('Đang triển khai', tk.inProgress);
  figure('Chưa triển khai', tk.notStarted, null, null, tk.notStarted > 0 ? 'warn' : undefined);
  figure('Chưa có đơn vị nào báo cáo', tk.noReport, null, null, tk.noReport > 0 ? 'warn' : undefined);
  figure('Quá hạn chưa hoàn thành', tk.overdue, null, null, tk.overdue > 0 ? 'bad' : 'good');

  const top = pointsOf(c).slice(0, 3);
  if (top.length > 0) {
    heading('4. KHÓ KHĂN, KIẾN NGHỊ ĐƯỢC NHIỀU ĐƠN VỊ NÊU NHẤT');
    for (const p of top) text(`${CONCERN_KIND_LABELS[p.kind]}: ${firstLine(p.text)} (${p.units.size} đơn vị)`);
  }
  return sheet({
    id: 'overview',
    name: SUMMARY_SHEET_NAMES.overview,
    title: `${SUMMARY_TITLE} ${c.periodLabel.toLocaleUpperCase('vi')}`,
    subtitle,
    columns: [
      { header: 'Nội dung', width: 44, format: 'text' },
      { header: 'Toàn tỉnh', width: 11, format: 'integer' },
      { header: 'Sở, ban, ngành', width: 11, format: 'integer' },
      { header: 'Xã, phường', width: 11, format: 'integer' },
    ],
    rows,
    formats,
    marks,
    merges,
    headings,
    print: { use: 'paper', orientation: 'portrait' },
  });
}

/** A text's first line, shortened to a readable paragraph for an overview cell. */
function firstLine(text: string, max = 240): string {
  const line = text.split('\n')[0]?.trim() ?? '';
  return line.length <= max ? line : `${line.slice(0, max - 1)}…`;
}

function indicators(c: Consolidation, nameOf: NameOf): SummarySheet {
  const marks: SummarySheet['marks'] = [];
  const withPrevious = c.indicators.some((i) => i.previous !== undefined);
  const rows = c.indicators.map((i, r) => {
    const tone: Tone | null = i.status === 'flagged' ? 'warn' : i.status === 'met' ? 'good' : i.status === 'notMet' ? 'bad' : null;
    if (tone) marks.push({ row: r, col: 6, tone });
    if (i.disagree) marks.push({ row: r, col: 7, tone: 'warn' });
    const others = i.others.map((o) => `${nameOf(o.unit)}: ${o.value === null ? 'chưa có' : typeof o.value === 'number' ? formatNumber(o.value) : o.value}${o.flagged ? ' (lỗi)' : ''}`).join('; ');
    const note = [i.disagree ? 'Các đơn vị theo dõi báo khác nhau.' : '', i.note ?? ''].filter(Boolean).join(' ');
    return [i.key, i.text, i.unitOfMeasure ?? '', i.target, nameOf(i.lead), shown(i.value), INDICATOR_STATUS_LABELS[i.status], others, ...(withPrevious ? [shown(i.previous ?? null), i.change ?? null] : []), note];
  });
  return sheet({
    id: 'indicators',
    name: SUMMARY_SHEET_NAMES.indicators,
    title: 'KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU (PHỤ LỤC I)',
    subtitle: 'Giá trị của tỉnh lấy từ đơn vị đầu mối (đơn vị theo dõi được nêu đầu tiên); giá trị của đơn vị phối hợp đặt cạnh để đối chiếu.',
    columns: [
      { header: 'Mã', width: 9 },
      { header: 'Chỉ tiêu', width: 40 },
      { header: 'Đơn vị tính', width: 8 },
      { header: 'Chỉ tiêu năm', width: 11 },
      { header: 'Đơn vị đầu mối', width: 17 },
      { header: 'Giá trị của tỉnh', width: 10, format: 'decimal' },
      { header: 'Đánh giá', width: 12 },
      { header: 'Giá trị của đơn vị phối hợp', width: 22 },
      ...(withPrevious ? [{ header: 'Kỳ trước', width: 9, format: 'decimal' as const }, { header: 'Thay đổi so với kỳ trước', width: 9, format: 'decimal' as const }] : []),
      { header: 'Ghi chú', width: withPrevious ? 15 : 28 },
    ],
    rows,
    marks,
    print: { use: 'paper', orientation: 'landscape' },
  });
}

/** `12 xong, 5 đang, 2 chưa, 3 chưa báo cáo`: how the units of one role stand on a task. */
function roleCounts(t: TaskSummary, role: TaskUnitStatus['role']): string {
  const reported = t.units.filter((u) => u.role === role);
  const unreported = t.unreported.filter((u) => u.role === role).length;
  const total = reported.length + unreported;
  if (total === 0) return '';
  const done = reported.filter((u) => u.meaning === 'done' || u.meaning === 'doneLate').length;
  const going = reported.filter((u) => u.meaning === 'inProgress').length;
  const waiting = reported.filter((u) => u.meaning === 'notStarted').length;
  const other = reported.length - done - going - waiting;
  const parts = [done ? `${done} xong` : '', going ? `${going} đang` : '', waiting ? `${waiting} chưa` : '', other ? `${other} chưa chọn trạng thái` : '', unreported ? `${unreported} chưa báo cáo` : ''].filter(Boolean);
  return `${total} đơn vị: ${parts.join(', ')}`;
}

/** Units carrying a task that are behind: not reported, not started, or not done once it is overdue. */
function lagging(t: TaskSummary): string[] {
  const role = t.carriedBy === 'coordinator' ? 'coordinator' : 'lead';
  const behind = t.units.filter((u) => u.role === role && (u.meaning === null || u.meaning === 'notStarted' || (t.overdue && u.meaning === 'inProgress'))).map((u) => u.unit);
  return [...t.unreported.filter((u) => u.role === role).map((u) => u.unit), ...behind];
}

function tasks(c: Consolidation, nameOf: NameOf): SummarySheet {
  const marks: SummarySheet['marks'] = [];
  const tone: Record<TaskOverall, Tone | null> = { done: 'good', inProgress: null, notStarted: 'warn', noReport: 'warn' };
  const rows = c.tasks.map((t, r) => {
    if (t.overdue) marks.push({ row: r, col: 4, tone: 'bad' });
    else if (tone[t.overall]) marks.push({ row: r, col: 4, tone: tone[t.overall] as Tone });
    const behind = t.overall === 'done' ? [] : lagging(t);
    const behindText = behind.length === 0 ? '' : behind.length <= NAMED_LAGGING ? behind.map(nameOf).join(', ') : `${behind.length} đơn vị (xem trang ${SUMMARY_SHEET_NAMES.taskUnits})`;
    const due = t.due ? formatDayMonthYear(t.due) : t.deadline;
    const standing = `${TASK_OVERALL_LABELS[t.overall]}${t.overdue ? ', quá hạn' : t.deadlineStatus === 'dueThisPeriod' ? ', đến hạn trong kỳ' : ''}`;
    return [t.key, t.text, t.leadText, due, standing, t.progress, roleCounts(t, 'lead'), roleCounts(t, 'coordinator'), behindText];
  });
  return sheet({
    id: 'tasks',
    name: SUMMARY_SHEET_NAMES.tasks,
    title: 'TÌNH HÌNH THỰC HIỆN CÁC NHIỆM VỤ (PHỤ LỤC II, PHỤ LỤC III, MỤC V)',
    subtitle: `Tình trạng chung "${TASK_OVERALL_LABELS.done}" khi mọi đơn vị chủ trì (hoặc phối hợp, với nhiệm vụ do Trung ương chủ trì) báo hoàn thành. Từng đơn vị, kết quả và khó khăn: trang ${SUMMARY_SHEET_NAMES.taskUnits}.`,
    columns: [
      { header: 'Mã', width: 9 },
      { header: 'Nhiệm vụ', width: 40 },
      { header: 'Cơ quan chủ trì', width: 16 },
      { header: 'Thời hạn', width: 11 },
      { header: 'Tình trạng chung', width: 14 },
      { header: 'Tiến độ bình quân (%)', width: 9, format: 'decimal' },
      { header: 'Đơn vị chủ trì', width: 20 },
      { header: 'Đơn vị phối hợp', width: 20 },
      { header: 'Đơn vị cần đôn đốc', width: 22 },
    ],
    rows,
    marks,
    print: { use: 'paper', orientation: 'landscape' },
  });
}

/** What the secretariat must do about a unit, in plain words. */
function action(s: UnitSubmission): string {
  switch (s.state) {
    case 'missing':
      return 'Đôn đốc gửi báo cáo.';
    case 'rejected':
      return `Cần gửi lại: ${s.rejected?.message ?? 'tệp không dùng được'}`;
    case 'late':
      return `Muộn ${s.daysLate} ngày.${s.errors > 0 ? ` Có ${s.errors} lỗi cần sửa.` : ''}`;
    case 'withErrors':
      return `Có ${s.errors} lỗi cần đơn vị sửa (xem trang Nhật ký tiếp nhận).`;
    case 'unknownTime':
      return 'Không rõ thời điểm nhận: ghi vào sổ tiếp nhận.';
    case 'onTime':
      return s.warnings > 0 ? `${s.warnings} cảnh báo.` : '';
  }
}

function submissions(c: Consolidation): SummarySheet {
  const marks: SummarySheet['marks'] = [];
  const rank = (s: UnitSubmission) => SUBMISSION_STATES.indexOf(s.state);
  const ordered = [...c.submissions].sort((a, b) => rank(a) - rank(b) || (a.kind === b.kind ? 0 : a.kind === 'department' ? -1 : 1));
  const tone: Record<UnitSubmission['state'], Tone | null> = { missing: 'bad', rejected: 'bad', late: 'warn', withErrors: 'warn', unknownTime: 'warn', onTime: 'good' };
  const rows = ordered.map((s, r) => {
    if (tone[s.state]) marks.push({ row: r, col: 0, tone: tone[s.state] as Tone });
    return [SUBMISSION_STATE_LABELS[s.state], s.unit, s.unitName, action(s), dateTime(s.receivedAt), s.received ? s.errors : null, s.focalPerson ?? '', s.email ?? '', s.file ?? s.rejected?.file ?? ''];
  });
  return sheet({
    id: 'submissions',
    name: SUMMARY_SHEET_NAMES.submissions,
    title: 'TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ',
    subtitle: `Hạn gửi: trước ngày ${formatDayMonthYear(c.dueDate)}. Xếp theo việc cần làm: chưa gửi, tệp bị từ chối (cần gửi lại), gửi muộn, có lỗi cần sửa, đúng hạn. Nguồn của thời điểm nhận (máy chủ thư, thư điện tử, sổ tiếp nhận, ngày ghi trong biểu): trang ${SUMMARY_SHEET_NAMES.intake}.`,
    columns: [
      { header: 'Tình trạng', width: 13 },
      { header: 'Mã đơn vị', width: 7 },
      { header: 'Tên đơn vị', width: 22 },
      { header: 'Việc cần làm', width: 26 },
      { header: 'Thời điểm nhận', width: 16 },
      { header: 'Số lỗi', width: 5, format: 'integer' },
      { header: 'Đầu mối', width: 15 },
      { header: 'Thư điện tử', width: 20 },
      { header: 'Tệp', width: 32 },
    ],
    rows,
    marks,
    print: { use: 'paper', orientation: 'landscape' },
  });
}

const CONCERN_KIND_LABELS: Record<ConcernGroup['kind'], string> = { difficulty: 'Khó khăn', proposal: 'Kiến nghị' };

/** The same point made under several tasks, once: the units that made it and the tasks it was made on. */
interface Point {
  kind: ConcernGroup['kind'];
  text: string;
  units: Map<string, string>;
  tasks: Array<string | null>;
  agencies: Set<string>;
}

/**
 * The merger's concern groups (one per task) joined across tasks when they say the same thing: on paper
 * a point made by 22 units under 5 tasks is one line, not five. Most units first.
 */
function pointsOf(c: Consolidation): Point[] {
  const points = new Map<string, Point>();
  for (const g of c.concernGroups) {
    const key = `${g.kind}|${concernKey(g.text)}`;
    let point = points.get(key);
    if (!point) points.set(key, (point = { kind: g.kind, text: g.text, units: new Map(), tasks: [], agencies: new Set() }));
    for (const u of g.units) point.units.set(u.unit, u.unitName);
    if (!point.tasks.includes(g.task)) point.tasks.push(g.task);
    for (const a of g.agencies) point.agencies.add(a);
  }
  const taskOrder = new Map(c.tasks.map((t, i) => [t.key, i]));
  const rank = (task: string | null) => (task === null ? -1 : (taskOrder.get(task) ?? Number.MAX_SAFE_INTEGER));
  for (const point of points.values()) point.tasks.sort((a, b) => rank(a) - rank(b));
  return [...points.values()].sort((a, b) => b.units.size - a.units.size || a.text.localeCompare(b.text, 'vi'));
}

function concerns(c: Consolidation): SummarySheet {
  const points = pointsOf(c).sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'proposal' ? -1 : 1));
  return sheet({
    id: 'concerns',
    name: SUMMARY_SHEET_NAMES.concerns,
    title: 'KHÓ KHĂN, VƯỚNG MẮC VÀ ĐỀ XUẤT, KIẾN NGHỊ CỦA CÁC ĐƠN VỊ',
    subtitle: `Ý giống nhau hoặc gần giống nhau được gộp một dòng, kèm số đơn vị, các đơn vị nêu và các nhiệm vụ được nêu. Nguyên văn từng đơn vị theo từng nhiệm vụ: trang ${SUMMARY_SHEET_NAMES.taskUnits}; ý kiến chung: trang ${SUMMARY_SHEET_NAMES.data}.`,
    columns: [
      { header: 'Loại', width: 10 },
      { header: 'Nội dung', width: 56 },
      { header: 'Số đơn vị', width: 7, format: 'integer' },
      { header: 'Các đơn vị nêu', width: 42 },
      { header: 'Nhiệm vụ', width: 22 },
      { header: 'Cơ quan được đề nghị', width: 20 },
    ],
    rows: points.map((p) => [CONCERN_KIND_LABELS[p.kind], clip(p.text), p.units.size, nameList([...p.units.values()], 12), p.tasks.map((t) => t ?? 'Chung').join(', '), [...p.agencies].join(', ')]),
    print: { use: 'paper', orientation: 'landscape' },
  });
}

/** Every task × unit, reported or not, with every word the unit wrote: filtered on screen. */
function taskUnits(c: Consolidation, nameOf: NameOf): SummarySheet {
  const role = { lead: 'Chủ trì', coordinator: 'Phối hợp' } as const;
  const rows: SummaryCell[][] = [];
  const marks: SummarySheet['marks'] = [];
  for (const t of c.tasks) {
    for (const u of t.units) rows.push([t.key, nameOf(u.unit), role[u.role], u.status ?? '', u.progress, clip(u.results ?? ''), clip(u.product ?? ''), clip(u.difficulties ?? ''), clip(u.proposals ?? ''), u.file, u.cell]);
    for (const u of t.unreported) {
      marks.push({ row: rows.length, col: 3, tone: 'warn' });
      rows.push([t.key, nameOf(u.unit), role[u.role], TASK_OVERALL_LABELS.noReport, null, '', '', '', '', '', '']);
    }
  }
  return sheet({
    id: 'taskUnits',
    name: SUMMARY_SHEET_NAMES.taskUnits,
    title: 'NHIỆM VỤ THEO ĐƠN VỊ: NGUYÊN VĂN TỪNG ĐƠN VỊ BÁO CÁO',
    subtitle: `Mỗi dòng là một nhiệm vụ của một đơn vị, đúng như đơn vị ghi, kèm tệp và ô nguồn. Dùng bộ lọc ở dòng tiêu đề. ${SCREEN_NOTE}`,
    columns: [
      { header: 'Mã nhiệm vụ', width: 10 },
      { header: 'Đơn vị', width: 26 },
      { header: 'Vai trò', width: 9 },
      { header: 'Trạng thái', width: 16 },
      { header: 'Tiến độ (%)', width: 8, format: 'decimal' },
      { header: 'Kết quả đạt được', width: 40 },
      { header: 'Văn bản, sản phẩm', width: 24 },
      { header: 'Khó khăn, vướng mắc', width: 32 },
      { header: 'Đề xuất, kiến nghị', width: 32 },
      { header: 'Tệp nguồn', width: 28 },
      { header: 'Ô', width: 26 },
    ],
    rows,
    marks,
    print: { use: 'screen', orientation: 'landscape' },
  });
}

function data(c: Consolidation): SummarySheet {
  return sheet({
    id: 'data',
    name: SUMMARY_SHEET_NAMES.data,
    title: 'DỮ LIỆU GỐC: MỌI GIÁ TRỊ ĐÃ ĐỌC, KÈM NGUỒN',
    subtitle: `Mỗi dòng là một ô do đơn vị nhập: tệp nguồn, mã SHA-256 của tệp và địa chỉ ô. Cột "Sử dụng" cho biết giá trị có được tổng hợp không. ${SCREEN_NOTE}`,
    columns: [
      { header: 'Đơn vị', width: 10 },
      { header: 'Trang tính', width: 18 },
      { header: 'Mã dòng', width: 14 },
      { header: 'Trường', width: 14 },
      { header: 'Giá trị', width: 40 },
      { header: 'Sử dụng', width: 22 },
      { header: 'Tệp nguồn', width: 36 },
      { header: 'Ô nguồn', width: 9 },
      { header: 'SHA-256 của tệp', width: 70 },
    ],
    rows: c.data.map((d) => [d.unit, d.sheet, d.key, d.field, shown(d.value), DATA_USE_LABELS[d.use], d.file, d.cell, d.sha256]),
    compact: true,
    print: { use: 'screen', orientation: 'landscape' },
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
    if (r.status === 'rejected') marks.push({ row: i, col: 2, tone: 'bad' });
    if (r.status === 'superseded' || r.status === 'acceptedWithErrors') marks.push({ row: i, col: 2, tone: 'warn' });
    return [
      r.file,
      r.container ?? '',
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
      r.size,
      r.sha256,
    ];
  });
  for (const note of c.notes) rows.push([note.name, note.container ?? '', 'Ghi nhận', '', '', null, null, '', '', '', note.note, null, null, '', note.size, note.sha256]);
  return sheet({
    id: 'intake',
    name: SUMMARY_SHEET_NAMES.intake,
    title: 'NHẬT KÝ TIẾP NHẬN: MỌI TỆP VÀ TỆP ĐÍNH KÈM ĐÃ NHẬN',
    subtitle: SCREEN_NOTE,
    columns: [
      { header: 'Tệp', width: 36 },
      { header: 'Trong thư', width: 20 },
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
      { header: 'Kích thước (byte)', width: 11, format: 'integer' },
      { header: 'SHA-256', width: 70 },
    ],
    rows,
    marks,
    print: { use: 'screen', orientation: 'landscape' },
  });
}

/** The charts of Biểu đồ, from the same counts as Tổng quan. */
function charts(counts: ConsolidationCounts): ChartSpec[] {
  const { units: u } = counts;
  const percent = (n: number, of: number) => (of ? Math.round((n / of) * 1000) / 10 : 0);
  return [
    {
      id: 'reporting-rate',
      title: 'Tỷ lệ báo cáo và đúng hạn theo loại đơn vị (%)',
      type: 'column',
      categories: ['Sở, ban, ngành', 'Xã, phường', 'Toàn tỉnh'],
      series: [
        { name: 'Tỷ lệ báo cáo', values: [u.department, u.commune, u].map((x) => percent(x.received, x.expected)) },
        { name: 'Tỷ lệ đúng hạn', values: [u.department, u.commune, u].map((x) => percent(x.onTime, x.expected)) },
      ],
      valueMax: 100,
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
