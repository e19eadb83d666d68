// The báo cáo as plain layout data: header, title, sections of paragraphs, signature, appendix tables.
// Every word is decided here; docx.ts only draws it, so the same text can be checked without Word.
import { formatDayMonthYear, formatNumber } from '../period/format';
import { TASK_OVERALL_LABELS } from '../consolidate/types';
import { SUMMARY_SHEET_NAMES } from '../summary/build';
import { INDICATOR_STATUS_LABELS, REPORTING_STATUS_LABELS } from './labels';
import type { UnitKind } from '../roster/schema';
import type { ConcernGroup, ReportInput } from './model';
import type { ReportSettings } from './settings';
import {
  atRiskParagraphs,
  concernItem,
  difficultySummary,
  dueNextParagraphs,
  indicatorParagraphs,
  monthPhrase,
  nextReportParagraph,
  noteSentence,
  overdueParagraphs,
  recurringParagraphs,
  reportingParagraphs,
  reportingProblemParagraphs,
  taskParagraphs,
} from './sentences';

/** A run of text; `\n` inside is a line break within the paragraph. */
export interface Inline {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

export type Block =
  | { kind: 'heading'; level: 1 | 2; text: string }
  | { kind: 'paragraph'; runs: Inline[]; tone?: 'note'; keepWithNext?: boolean };

export type CellAlign = 'left' | 'center' | 'right';

export interface ReportTableColumn {
  header: string;
  /** Share of the table's width. */
  width: number;
  align: CellAlign;
}

export type ReportTableRow = { cells: string[] } | { section: string };

export interface ReportTable {
  columns: ReportTableColumn[];
  rows: ReportTableRow[];
}

export interface Appendix {
  /** `Phụ lục 1` */
  label: string;
  title: string;
  /** `(Kèm theo Báo cáo số …)` */
  caption: string;
  landscape: boolean;
  /** A sentence instead of a table when there is nothing to list. */
  table: ReportTable | string;
}

export interface ReportDocument {
  fontSize: number;
  header: {
    issuingBody: string[];
    issuingOffice: string[];
    number: string;
    dateLine: string;
  };
  title: string;
  subject: string;
  body: Block[];
  recipients: string[];
  signer: { lines: string[]; name: string };
  appendices: Appendix[];
  /** For the file's properties. */
  meta: { title: string; subject: string; creator: string };
}

/** Difficulties named in the body; the appendix has all. */
const TOP_DIFFICULTIES = 5;

const NUMBER_GAP = '\u00a0'.repeat(6);
const DAY_GAP = '\u00a0'.repeat(5);

/** NĐ 30 pads months 1–2 only (as lib/period/format's formatDocumentDate does). */
function documentMonth(month: number): string {
  return month < 3 ? `0${month}` : String(month);
}

/**
 * The place-and-date line, filled as far as the settings say: `Thanh Hóa, ngày      tháng 12 năm 2026`.
 * @example dateLine('Thanh Hóa', 'full', '2026-12-05') === 'Thanh Hóa, ngày 05 tháng 12 năm 2026'
 */
export function dateLine(place: string, mode: ReportSettings['date'], issueDate: string): string {
  const [year, month, day] = issueDate.split('-').map(Number) as [number, number, number];
  const dayText = mode === 'full' ? String(day).padStart(2, '0') : DAY_GAP;
  const monthText = mode === 'blank' ? DAY_GAP : documentMonth(month);
  return `${place}, ngày ${dayText} tháng ${monthText} năm ${year}`;
}

function subjectLine(settings: ReportSettings, periodId: string): string {
  const month = monthPhrase(periodId);
  return settings.subject.includes('{tháng}') ? settings.subject.split('{tháng}').join(month) : `${settings.subject} ${month}`;
}

// A lead-in ending in a colon stays on the page of the list it introduces.
const p = (text: string): Block => ({ kind: 'paragraph', runs: [{ text }], ...(text.endsWith(':') ? { keepWithNext: true } : {}) });
const h1 = (text: string): Block => ({ kind: 'heading', level: 1, text });
const h2 = (text: string): Block => ({ kind: 'heading', level: 2, text });

function concernBlocks(groups: readonly ConcernGroup[], attribution: string): Block[] {
  const out: Block[] = [];
  for (const group of groups) {
    out.push({ kind: 'paragraph', runs: [{ text: group.task ? `- Nhiệm vụ ${group.task.key} “${group.task.name.trim().replace(/[.;:\s]+$/, '')}”:` : '- Nội dung chung:', italic: true }], keepWithNext: true });
    group.items.forEach((item, i) => {
      const { text, attribution: by } = concernItem(item, attribution);
      out.push({ kind: 'paragraph', runs: [{ text: `+ ${text} ` }, { text: `${by}${i === group.items.length - 1 ? '.' : ';'}`, italic: true }] });
    });
  }
  return out;
}

/**
 * Words the whole report from its input and the secretariat's settings.
 * @example const doc = composeReport(input, DEFAULT_REPORT_SETTINGS); doc.title === 'BÁO CÁO'
 */
export function composeReport(input: ReportInput, settings: ReportSettings): ReportDocument {
  const month = monthPhrase(input.period.id);
  const number = `Số:${NUMBER_GAP}/${settings.symbol}`;
  const date = dateLine(settings.place, settings.date, input.issueDate);
  const subject = subjectLine(settings, input.period.id);
  const body: Block[] = [];

  body.push(p(`Thực hiện ${settings.planReference}; trên cơ sở báo cáo của các sở, ban, ngành và UBND các xã, phường, ${settings.reporter} tổng hợp, báo cáo kết quả thực hiện ${month} như sau:`));

  body.push(h1('I. KẾT QUẢ THỰC HIỆN'));
  body.push(h2('1. Công tác báo cáo'));
  const reporting = reportingParagraphs(input);
  body.push(...reporting.lead.map((t) => p(t)), ...reporting.items.map((t) => p(t)));
  body.push(h2('2. Kết quả thực hiện các chỉ tiêu'));
  body.push(...indicatorParagraphs(input).map((t) => p(t)));
  body.push(h2('3. Kết quả thực hiện các nhiệm vụ'));
  body.push(...taskParagraphs(input).map((t) => p(t)));
  if (input.notes.length) {
    body.push({ kind: 'paragraph', tone: 'note', runs: [{ text: 'Lưu ý về số liệu: ', bold: true }, { text: input.notes.map(noteSentence).join(' ') }] });
  }

  body.push(h1('II. TỒN TẠI, HẠN CHẾ'));
  body.push(h2('1. Công tác báo cáo'));
  body.push(...reportingProblemParagraphs(input).map((t) => p(t)));
  body.push(h2('2. Các chỉ tiêu'));
  body.push(...atRiskParagraphs(input).map((t) => p(t)));
  body.push(h2('3. Các nhiệm vụ'));
  body.push(...overdueParagraphs(input).map((t) => p(t)));
  body.push(h2('4. Khó khăn, vướng mắc các đơn vị phản ánh'));
  // The body names the difficulties raised most; every one, attributed, is on the summary's sheet.
  body.push(...difficultySummary(input.difficulties, `trang “${SUMMARY_SHEET_NAMES.concerns}” của tệp tổng hợp`, TOP_DIFFICULTIES).map((d): Block => (d.attribution ? { kind: 'paragraph', runs: [{ text: d.text }, { text: d.attribution, italic: true }] } : p(d.text))));

  const next = monthPhrase(input.nextPeriod.id);
  body.push(h1(`III. NHIỆM VỤ TRỌNG TÂM ${next.toLocaleUpperCase('vi')}`));
  let n = 0;
  body.push(h2(`${++n}. Các nhiệm vụ đến hạn`));
  body.push(...dueNextParagraphs(input.tasks.dueNextMonth, input.nextPeriod).map((t) => p(t)));
  if (input.tasks.overdue.length) {
    body.push(h2(`${++n}. Các nhiệm vụ quá hạn`));
    body.push(p(`Các đơn vị chủ trì khẩn trương hoàn thành ${formatNumber(input.tasks.overdue.length)} nhiệm vụ đã quá thời hạn (chi tiết tại Phụ lục 2), báo cáo kết quả trong kỳ báo cáo ${next}.`));
  }
  const recurring = recurringParagraphs(input.tasks.recurring);
  if (recurring.length) {
    body.push(h2(`${++n}. Các nhiệm vụ thường xuyên`));
    body.push(...recurring.map((t) => p(t)));
  }
  body.push(h2(`${++n}. Công tác báo cáo`));
  body.push(p(nextReportParagraph(input)));

  body.push(h1('IV. ĐỀ XUẤT, KIẾN NGHỊ'));
  if (input.proposals.length) {
    body.push(p(`Tổng hợp đề xuất, kiến nghị của các đơn vị (các ý kiến trùng nhau được gộp, ghi rõ đơn vị đề xuất):`));
    body.push(...concernBlocks(input.proposals, 'đơn vị đề xuất'));
  } else body.push(p('Trong tháng, các đơn vị không có đề xuất, kiến nghị.'));

  // The closing sentence stays on the page of the signature.
  body.push({ kind: 'paragraph', runs: [{ text: `Trên đây là báo cáo kết quả thực hiện ${month} của ${settings.reporter}./.` }], keepWithNext: true });

  const caption = `(Kèm theo Báo cáo số${NUMBER_GAP}/${settings.symbol} ${date.slice(settings.place.length + 2)})`;
  const recipients = [...settings.recipients.map((r) => `- ${r.replace(/[;.,\s]+$/, '')};`), ...(settings.archive ? [`- Lưu: ${settings.archive.replace(/[;.\s]+$/, '')}.`] : [])];
  if (!settings.archive && recipients.length) recipients[recipients.length - 1] = (recipients[recipients.length - 1] as string).replace(/;$/, '.');

  return {
    fontSize: settings.fontSize,
    header: { issuingBody: settings.issuingBody, issuingOffice: settings.issuingOffice, number, dateLine: date },
    title: 'BÁO CÁO',
    subject,
    body,
    recipients,
    signer: settings.signer,
    appendices: appendices(input, caption),
    meta: { title: `Báo cáo ${subject}`, subject, creator: 'da06' },
  };
}

const KIND_SECTIONS: ReadonlyArray<[UnitKind, string]> = [
  ['department', 'A. Sở, ban, ngành'],
  ['commune', 'B. Xã, phường'],
];

function receivedText(iso: string | null): string {
  if (!iso) return '';
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso);
  return match ? `${match[4]}:${match[5]} ${formatDayMonthYear(`${match[1]}-${match[2]}-${match[3]}`)}` : iso;
}

function appendices(input: ReportInput, caption: string): Appendix[] {
  const year = input.period.year;
  const month = monthPhrase(input.period.id);
  const history = input.appendix.indicators.some((r) => r.previous !== undefined);
  const indicatorColumns: ReportTableColumn[] = [
    { header: 'STT', width: 4, align: 'center' },
    { header: 'Mã', width: 9, align: 'center' },
    { header: 'Chỉ tiêu', width: history ? 30 : 36, align: 'left' },
    { header: 'Đơn vị tính', width: 7, align: 'center' },
    { header: `Chỉ tiêu năm ${year}`, width: 10, align: 'center' },
    { header: `Kết quả ${month}`, width: 10, align: 'center' },
    ...(history
      ? [
          { header: 'Tháng trước', width: 8, align: 'center' as const },
          { header: 'Tăng, giảm', width: 7, align: 'center' as const },
        ]
      : []),
    { header: 'Đánh giá', width: 9, align: 'center' },
    { header: 'Đơn vị theo dõi', width: 15, align: 'left' },
  ];
  const indicatorRows: ReportTableRow[] = input.appendix.indicators.map((r, i) => ({
    cells: [
      String(i + 1),
      r.key,
      r.name.trim(),
      r.unitOfMeasure ?? '',
      r.target,
      r.value === null || r.value === '' ? '' : typeof r.value === 'number' ? formatNumber(r.value) : r.value,
      ...(history ? [r.previous === undefined || r.previous === null ? '' : typeof r.previous === 'number' ? formatNumber(r.previous) : r.previous, r.change === undefined || r.change === null ? '' : `${r.change > 0 ? '+' : ''}${formatNumber(r.change)}`] : []),
      INDICATOR_STATUS_LABELS[r.status],
      r.monitor ?? '',
    ],
  }));

  const overdue = input.appendix.overdueTasks;
  const taskTable: ReportTable | string = overdue.length
    ? {
        columns: [
          { header: 'STT', width: 4, align: 'center' },
          { header: 'Mã', width: 9, align: 'center' },
          { header: 'Nhiệm vụ', width: 41, align: 'left' },
          { header: 'Cơ quan chủ trì', width: 16, align: 'left' },
          { header: 'Thời hạn', width: 11, align: 'center' },
          { header: 'Tình trạng', width: 10, align: 'center' },
          { header: 'Tiến độ bình quân (%)', width: 9, align: 'center' },
        ],
        rows: overdue.map((t, i) => ({
          cells: [String(i + 1), t.key, t.name.trim(), t.lead, t.due ? `${t.deadline.trim()} (${formatDayMonthYear(t.due)})` : t.deadline.trim(), TASK_OVERALL_LABELS[t.overall], t.progress === null ? '' : formatNumber(t.progress)],
        })),
      }
    : `Không có nhiệm vụ nào quá thời hạn mà chưa hoàn thành trong ${month}.`;

  const reportingRows: ReportTableRow[] = [];
  let index = 0;
  for (const [kind, section] of KIND_SECTIONS) {
    const rows = input.appendix.reporting.filter((r) => r.kind === kind);
    if (!rows.length) continue;
    reportingRows.push({ section });
    for (const r of rows) {
      index += 1;
      const status = r.status === 'late' && r.daysLate ? `${REPORTING_STATUS_LABELS.late} ${formatNumber(r.daysLate)} ngày` : REPORTING_STATUS_LABELS[r.status];
      reportingRows.push({ cells: [String(index), r.name, status, receivedText(r.receivedAt), r.errors ? formatNumber(r.errors) : ''] });
    }
  }

  return [
    {
      label: 'Phụ lục 1',
      title: `KẾT QUẢ THỰC HIỆN CÁC CHỈ TIÊU ${month.toLocaleUpperCase('vi')}`,
      caption,
      landscape: true,
      table: indicatorRows.length ? { columns: indicatorColumns, rows: indicatorRows } : 'Kế hoạch không có chỉ tiêu cần theo dõi trong kỳ.',
    },
    { label: 'Phụ lục 2', title: 'CÁC NHIỆM VỤ QUÁ THỜI HẠN CHƯA HOÀN THÀNH', caption, landscape: true, table: taskTable },
    {
      label: 'Phụ lục 3',
      title: `TÌNH HÌNH GỬI BÁO CÁO CỦA CÁC ĐƠN VỊ ${month.toLocaleUpperCase('vi')}`,
      caption,
      landscape: false,
      table: {
        columns: [
          { header: 'STT', width: 7, align: 'center' },
          { header: 'Đơn vị', width: 42, align: 'left' },
          { header: 'Tình trạng', width: 20, align: 'center' },
          { header: 'Thời điểm nhận', width: 19, align: 'center' },
          { header: 'Số lỗi trong tệp', width: 12, align: 'center' },
        ],
        rows: reportingRows,
      },
    },
  ];
}

