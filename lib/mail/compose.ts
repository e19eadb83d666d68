// The two messages the secretariat sends every month, in Vietnamese: each unit's template, and the
// reminders. Plain data out (MailMessage); lib/node/mime.ts writes the bytes.
import { DEFAULT_REPORTING_RULES, type ReportingRules } from '../period/config';
import { formatDayMonthYear } from '../period/format';
import { describePeriod, type Period } from '../period/period';
import type { Unit } from '../roster/schema';
import type { MailAddress, MailMessage } from './message';
import type { MailSettings } from './settings';

const PLAN = 'Kế hoạch số 210/KH-UBND ngày 24/6/2026 của UBND tỉnh (Đề án 06)';

/** `tháng 11/2026` */
function monthText(period: Period): string {
  return `tháng ${period.month}/${period.year}`;
}

/** `hạn trước 10/12/2026`, or `hạn chậm nhất 10/12/2026` when the due day itself is on time. */
export function dueWords(period: Period, rules: ReportingRules = DEFAULT_REPORTING_RULES): string {
  return `hạn ${rules.dueIsExclusive ? 'trước' : 'chậm nhất'} ${formatDayMonthYear(describePeriod(period, rules).dueDate)}`;
}

/** How a unit is named in a sentence: `Sở Y tế`, `UBND xã Xuân Lập`. */
export function unitSentenceName(unit: Pick<Unit, 'kind' | 'name'>): string {
  return unit.kind === 'commune' ? `UBND ${unit.name.charAt(0).toLocaleLowerCase('vi')}${unit.name.slice(1)}` : unit.name;
}

/** The unit's recipients: the focal address, and cc as the roster lists it. */
export function recipientsOf(unit: Pick<Unit, 'email' | 'focalPerson' | 'cc'>): { to: MailAddress[]; cc: MailAddress[] } {
  if (!unit.email) return { to: [], cc: [] };
  return { to: [{ ...(unit.focalPerson ? { name: unit.focalPerson } : {}), address: unit.email }], cc: (unit.cc ?? []).map((address) => ({ address })) };
}

function greeting(unit: Pick<Unit, 'kind' | 'name' | 'focalPerson'>): string {
  return `Kính gửi: ${unitSentenceName(unit)}${unit.focalPerson ? ` (đồng chí ${unit.focalPerson})` : ''}.`;
}

function signature(settings: MailSettings): string[] {
  return ['', `Mọi vướng mắc xin liên hệ: ${settings.contact}.`, '', 'Trân trọng./.', '--', settings.from.name];
}

export interface ComposeTemplateMailOptions {
  unit: Unit;
  period: Period;
  rules?: ReportingRules;
  settings: MailSettings;
  attachment: { filename: string; content: Uint8Array };
  messageId: string;
  /** ISO 8601 with offset. */
  date: string;
}

/**
 * The monthly message that carries a unit's template: what to fill, the cut-off, the deadline, how to reply.
 * @example composeTemplateMail({ unit, period, settings, attachment, messageId, date }).subject === '[Đề án 06] Báo cáo tháng 11/2026 - Sở Y tế - hạn trước 10/12/2026'
 */
export function composeTemplateMail(options: ComposeTemplateMailOptions): MailMessage {
  const { unit, period, settings } = options;
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const info = describePeriod(period, rules);
  const due = formatDayMonthYear(info.dueDate);
  const { to, cc } = recipientsOf(unit);
  const text = [
    greeting(unit),
    '',
    `Văn phòng Tổ công tác Đề án 06 tỉnh (Công an tỉnh) gửi ${unitSentenceName(unit)} biểu mẫu báo cáo kết quả thực hiện ${PLAN} ${info.label.toLocaleLowerCase('vi')}: tệp đính kèm "${options.attachment.filename}".`,
    '',
    'Đề nghị đơn vị:',
    '1. Mở tệp bằng Excel (hoặc LibreOffice, WPS), nhập số liệu vào các ô nền vàng ở các trang "Thông tin chung", "Biểu 01 - Chỉ tiêu" và "Biểu 02 - Nhiệm vụ". Không xóa, không đổi tên các trang và không xóa dòng, cột có sẵn; có thể chèn thêm dòng để ghi nội dung khác.',
    `2. ${info.cutoffText}.`,
    `3. Gửi lại ${rules.dueIsExclusive ? 'trước ngày' : 'chậm nhất ngày'} ${due} bằng cách trả lời (Reply) thư này, đính kèm tệp đã điền. Có thể đổi tên tệp; không cần nén, không chuyển sang PDF.`,
    '4. Nếu cần sửa sau khi đã gửi, gửi lại cả tệp: bản nhận sau cùng được dùng để tổng hợp.',
    `5. Thời điểm nhận là lúc máy chủ thư của Công an tỉnh nhận được thư; báo cáo nhận ${rules.dueIsExclusive ? `từ ngày ${due} trở đi` : `sau ngày ${due}`} được tính là muộn.`,
    ...signature(settings),
  ].join('\n');
  return {
    from: { name: settings.from.name, address: settings.from.address },
    to,
    ...(cc.length ? { cc } : {}),
    ...(settings.replyTo ? { replyTo: { address: settings.replyTo } } : {}),
    subject: `[Đề án 06] Báo cáo ${monthText(period)} - ${unit.name} - ${dueWords(period, rules)}`,
    date: options.date,
    messageId: options.messageId,
    text,
    attachments: [{ filename: options.attachment.filename, content: options.attachment.content, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }],
  };
}

/** One problem in a file, as `da06 validate` gives it. */
export interface ReminderIssue {
  sheet: string | null;
  cell: string | null;
  message: string;
  code: string;
}

/** Why a unit is reminded; `key` keeps the same reason from being sent twice. */
export type ReminderReason =
  | { kind: 'notYetSent' }
  | { kind: 'missing'; daysLate: number }
  | { kind: 'rejected'; file: string; sha256: string; receivedAt?: string; code: string; message: string }
  | { kind: 'errors'; file: string; sha256: string; receivedAt?: string; issues: ReminderIssue[] };

export interface Reminder {
  unit: string;
  reason: ReminderReason;
}

/** The send log's key for a reminder: one per unit and reason (a new rejected file is a new reason). */
export function reminderKey(reason: ReminderReason): string {
  switch (reason.kind) {
    case 'notYetSent':
      return 'chua-gui-truoc-han';
    case 'missing':
      return 'chua-gui';
    case 'rejected':
      return `tu-choi:${reason.sha256.slice(0, 16)}`;
    case 'errors':
      return `co-loi:${reason.sha256.slice(0, 16)}`;
  }
}

export const REMINDER_KIND_LABELS: Readonly<Record<ReminderReason['kind'], string>> = {
  notYetSent: 'Chưa gửi, sắp đến hạn',
  missing: 'Chưa gửi, đã quá hạn',
  rejected: 'Tệp bị từ chối',
  errors: 'Tệp có lỗi cần sửa',
};

/** `08/12/2026 09:15` from an ISO time with offset (the wall time as written). */
function wallTime(iso: string | undefined): string {
  const m = iso ? /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(iso) : null;
  return m ? `${m[3]}/${m[2]}/${m[1]} ${m[4]}:${m[5]}` : '';
}

/**
 * The name the unit gave its file: the last path segment as the intake log names it (`thu.eml › bao-cao.xlsx`),
 * without the `<received time>_<sender>_` that collect puts in front.
 */
function shortName(file: string): string {
  const inner = file.split(' › ').pop() ?? file;
  const base = inner.split(/[\\/]/).pop() ?? inner;
  return base.replace(/^\d{4}-\d{2}-\d{2}_\d{6}_[^_]*_(?=.)/, '');
}

export interface ComposeReminderOptions {
  unit: Unit;
  reminder: Reminder;
  period: Period;
  rules?: ReportingRules;
  settings: MailSettings;
  messageId: string;
  date: string;
  /** The template message this period, to thread the reminder under it. */
  inReplyTo?: string;
  /** The unit's template, attached again for a unit that has not sent. */
  attachment?: { filename: string; content: Uint8Array };
}

/** Issues listed in a reminder: enough to fix the file, never a wall of text. */
const MAX_LISTED = 40;

/**
 * A reminder in plain Vietnamese: not sent yet (before or after the due date), the file was rejected and why,
 * or the file was taken in but has errors, listed as `[sheet!cell] message`.
 * @example composeReminder({ unit, reminder: { unit: 'SYT', reason: { kind: 'missing', daysLate: 3 } }, period, settings, messageId, date }).subject
 */
export function composeReminder(options: ComposeReminderOptions): MailMessage {
  const { unit, reminder, period, settings } = options;
  const rules = options.rules ?? DEFAULT_REPORTING_RULES;
  const info = describePeriod(period, rules);
  const { to, cc } = recipientsOf(unit);
  const reason = reminder.reason;
  const what = `báo cáo kết quả thực hiện ${PLAN} ${info.label.toLocaleLowerCase('vi')}`;
  let subjectTail: string;
  let body: string[];
  switch (reason.kind) {
    case 'notYetSent':
      subjectTail = `nhắc gửi báo cáo, ${dueWords(period, rules)}`;
      body = [
        `Đến nay Văn phòng Tổ công tác Đề án 06 tỉnh chưa nhận được ${what} của ${unitSentenceName(unit)}. ${info.dueText}.`,
        '',
        `Đề nghị đơn vị điền biểu mẫu${options.attachment ? ` (gửi kèm lại thư này: "${options.attachment.filename}")` : ''} và trả lời thư này, đính kèm tệp đã điền, trong thời hạn trên. Nếu đơn vị đã gửi, đề nghị kiểm tra lại địa chỉ nhận và tệp đính kèm.`,
      ];
      break;
    case 'missing':
      subjectTail = `chưa nhận được báo cáo, đã quá hạn ${reason.daysLate} ngày`;
      body = [
        `Đến nay Văn phòng Tổ công tác Đề án 06 tỉnh chưa nhận được ${what} của ${unitSentenceName(unit)}. ${info.dueText}; đã quá hạn ${reason.daysLate} ngày.`,
        '',
        `Đề nghị đơn vị khẩn trương điền biểu mẫu${options.attachment ? ` (gửi kèm lại thư này: "${options.attachment.filename}")` : ''} và trả lời thư này, đính kèm tệp đã điền. Báo cáo gửi muộn vẫn được tổng hợp và ghi nhận là muộn.`,
      ];
      break;
    case 'rejected':
      subjectTail = 'tệp báo cáo không dùng được, đề nghị gửi lại';
      body = [
        `Văn phòng Tổ công tác Đề án 06 tỉnh đã nhận tệp "${shortName(reason.file)}"${reason.receivedAt ? ` lúc ${wallTime(reason.receivedAt)}` : ''} nhưng không đưa được vào tổng hợp ${info.label.toLocaleLowerCase('vi')}, vì:`,
        '',
        `    ${reason.message}`,
        '',
        `Vì vậy ${unitSentenceName(unit)} hiện vẫn được tính là chưa gửi báo cáo. Đề nghị đơn vị sửa theo hướng dẫn trên và trả lời thư này, đính kèm tệp đúng; ${info.dueText.charAt(0).toLocaleLowerCase('vi')}${info.dueText.slice(1)}.`,
      ];
      break;
    case 'errors': {
      subjectTail = `báo cáo có ${reason.issues.length} lỗi cần sửa`;
      const listed = reason.issues.slice(0, MAX_LISTED).map((i) => `  - ${i.sheet ? `[${i.sheet}${i.cell ? `!${i.cell}` : ''}] ` : ''}${i.message}`);
      body = [
        `Văn phòng Tổ công tác Đề án 06 tỉnh đã nhận và tổng hợp tệp "${shortName(reason.file)}"${reason.receivedAt ? ` (nhận lúc ${wallTime(reason.receivedAt)})` : ''} của ${unitSentenceName(unit)}. Tệp có ${reason.issues.length} lỗi; số liệu ở các ô lỗi được đánh dấu "Số liệu có lỗi" trong báo cáo tổng hợp:`,
        '',
        ...listed,
        ...(reason.issues.length > MAX_LISTED ? [`  … và ${reason.issues.length - MAX_LISTED} lỗi khác (mở tệp và dùng nút Kiểm tra báo cáo, hoặc lệnh da06 validate, để xem đủ).`] : []),
        '',
        'Đề nghị đơn vị sửa các ô trên trong chính tệp đã gửi và trả lời thư này, đính kèm tệp đã sửa: bản nhận sau cùng sẽ thay bản trước.',
      ];
      break;
    }
  }
  return {
    from: { name: settings.from.name, address: settings.from.address },
    to,
    ...(cc.length ? { cc } : {}),
    ...(settings.replyTo ? { replyTo: { address: settings.replyTo } } : {}),
    subject: `[Đề án 06] Báo cáo ${monthText(period)} - ${unit.name} - ${subjectTail}`,
    date: options.date,
    messageId: options.messageId,
    ...(options.inReplyTo ? { inReplyTo: options.inReplyTo, references: [options.inReplyTo] } : {}),
    text: [greeting(unit), '', ...body, ...signature(settings)].join('\n'),
    attachments: options.attachment ? [{ filename: options.attachment.filename, content: options.attachment.content, contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }] : [],
  };
}
