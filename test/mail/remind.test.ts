import { composeReminder, composeTemplateMail, reminderKey, type Reminder } from '../../lib/mail/compose';
import { planReminders, type ReminderFacts } from '../../lib/mail/remind';
import { DEFAULT_MAIL_SETTINGS } from '../../lib/mail/settings';
import { loadRoster } from '../../lib/node/seeds';
import { parsePeriod, type Period } from '../../lib/period/period';
import { findUnit } from '../../lib/roster/roster';
import type { Unit } from '../../lib/roster/schema';

const period = parsePeriod('2026-11') as Period;
const roster = loadRoster();
const withContact = (code: string, contact: Partial<Unit>): Unit => ({ ...(findUnit(roster, code) as Unit), ...contact });
const units = [
  withContact('SYT', { email: 'vanthu@syt.thanhhoa.gov.vn', focalPerson: 'Nguyễn Văn An' }),
  withContact('STC', { email: 'vanthu@stc.thanhhoa.gov.vn' }),
  withContact('STP', { email: 'vanthu@stp.thanhhoa.gov.vn' }),
  withContact('SNV', { email: 'vanthu@snv.thanhhoa.gov.vn', cc: ['gd@snv.thanhhoa.gov.vn'] }),
  withContact('15127', { email: 'vanthu@camthuy.thanhhoa.gov.vn' }),
  withContact('SXD', {}),
];
const issue = (code: string, sheet: string | null, cell: string | null, message: string, severity: 'error' | 'warning' = 'error') => ({ code, severity, sheet, cell, message }) as ReminderFacts['intake'][number]['issues'][number];
/** One month as a consolidation leaves it: SYT fine, STC with errors, STP rejected (identity unreadable, known by sender), SNV nothing, 15127 rejected as another period, SXD nothing. */
const facts: ReminderFacts = {
  period: '2026-11',
  submissions: [
    { unit: 'SYT', received: true, file: 'hop-thu/syt.xlsx', errors: 0 },
    { unit: 'STC', received: true, file: 'hop-thu/2026-12-05_081500_vanthu@stc.thanhhoa.gov.vn_stc.xlsx', errors: 2 },
    { unit: 'STP', received: false, errors: 0 },
    { unit: 'SNV', received: false, errors: 0 },
    { unit: '15127', received: false, errors: 0 },
    { unit: 'SXD', received: false, errors: 0 },
  ],
  intake: [
    { file: 'hop-thu/syt.xlsx', sha256: 'a'.repeat(64), status: 'acceptedWithWarnings', unit: 'SYT', issues: [issue('row/below-target', 'Biểu 01 - Chỉ tiêu', 'H9', 'Chưa đạt', 'warning')] },
    { file: 'hop-thu/2026-12-05_081500_vanthu@stc.thanhhoa.gov.vn_stc.xlsx', sha256: 'b'.repeat(64), status: 'acceptedWithErrors', unit: 'STC', receivedAt: '2026-12-05T08:15:00+07:00', issues: [issue('cell/out-of-range', 'Biểu 01 - Chỉ tiêu', 'H12', 'Giá trị 150 của "Kết quả" phải từ 0 đến 100. Nhập tỷ lệ từ 0 đến 100.'), issue('cell/required', 'Biểu 02 - Nhiệm vụ', 'F7', 'Chưa nhập "Trạng thái". Ô này bắt buộc.'), issue('row/below-target', 'Biểu 01 - Chỉ tiêu', 'H13', 'x', 'warning')] },
    { file: 'hop-thu/bao cao tu phap.xlsx', sha256: 'c'.repeat(64), status: 'rejected', receivedFrom: 'VanThu@STP.thanhhoa.gov.vn', receivedAt: '2026-12-04T10:00:00+07:00', reason: { code: 'file/corrupt', message: 'Tệp .xlsx bị hỏng hoặc không đầy đủ (tệp bị cắt). Mở lại tệp trong Excel, lưu lại, rồi gửi lại.' }, issues: [] },
    { file: 'hop-thu/2026-11_15127_xa-cam-thuy.xlsx', sha256: 'd'.repeat(64), status: 'rejected', receivedAt: '2026-12-03T10:00:00+07:00', reason: { code: 'workbook/wrong-period', message: 'Biểu mẫu là của kỳ 2026-10, không phải kỳ 2026-11. Dùng biểu mẫu của kỳ 2026-11.' }, issues: [] },
    { file: 'hop-thu/la.xlsx', sha256: 'e'.repeat(64), status: 'rejected', receivedFrom: 'nguoi-la@gmail.com', reason: { code: 'file/not-zip', message: 'x' }, issues: [] },
  ],
};

describe('planReminders', () => {
  it('after the due date: errors with their cells, rejected files (by identity, sender or file name), and units with nothing', () => {
    const plan = planReminders(facts, { period, units, today: '2026-12-12' });
    expect(plan.reminders.map((r) => [r.unit, r.reason.kind, reminderKey(r.reason)])).toEqual([
      ['STC', 'errors', `co-loi:${'b'.repeat(16)}`],
      ['STP', 'rejected', `tu-choi:${'c'.repeat(16)}`],
      ['SNV', 'missing', 'chua-gui'],
      ['15127', 'rejected', `tu-choi:${'d'.repeat(16)}`],
      ['SXD', 'missing', 'chua-gui'],
    ]);
    const errors = plan.reminders[0]?.reason;
    expect(errors?.kind === 'errors' && errors.issues.map((i) => `${i.sheet}!${i.cell} ${i.code}`)).toEqual(['Biểu 01 - Chỉ tiêu!H12 cell/out-of-range', 'Biểu 02 - Nhiệm vụ!F7 cell/required']);
    expect(plan.reminders[2]?.reason).toEqual({ kind: 'missing', daysLate: 3 });
  });

  it('before the due date: only files to fix, unless --before-due also reminds those who have not sent', () => {
    expect(planReminders(facts, { period, units, today: '2026-12-08' })).toMatchObject({ notDueYet: ['SNV', 'SXD'] });
    const early = planReminders(facts, { period, units, today: '2026-12-08', beforeDue: true });
    expect(early.reminders.filter((r) => r.reason.kind === 'notYetSent').map((r) => r.unit)).toEqual(['SNV', 'SXD']);
  });
});

describe('the messages, as a unit reads them', () => {
  const settings = { ...DEFAULT_MAIL_SETTINGS, contact: 'Đồng chí Lê Văn Hùng, Phòng PC06 Công an tỉnh, ĐT 0237 3 852 000' };
  const ids = { messageId: '<da06.nhac.2026-11.X.1@congan.thanhhoa.gov.vn>', date: '2026-12-12T08:00:00+07:00' };
  const plan = planReminders(facts, { period, units, today: '2026-12-12' });
  const unitOf = (code: string) => units.find((u) => u.code === code) as Unit;

  it('the template mail: subject naming plan, period, unit and deadline; what to fill, the cut-off, how to reply', () => {
    const mail = composeTemplateMail({ unit: unitOf('SNV'), period, settings, attachment: { filename: '2026-11_SNV_so-noi-vu.xlsx', content: new Uint8Array([1]) }, ...ids });
    expect(mail.subject).toBe('[Đề án 06] Báo cáo tháng 11/2026 - Sở Nội vụ - hạn trước 10/12/2026');
    expect([mail.to, mail.cc]).toEqual([[{ address: 'vanthu@snv.thanhhoa.gov.vn' }], [{ address: 'gd@snv.thanhhoa.gov.vn' }]]);
    expect(mail.text).toMatchSnapshot();
  });

  it.each(['STC', 'STP', 'SNV', '15127'])('the reminder to %s', (code) => {
    const reminder = plan.reminders.find((r) => r.unit === code) as Reminder;
    const mail = composeReminder({ unit: unitOf(code), reminder, period, settings, ...ids, inReplyTo: '<da06.gui.2026-11.X.0@congan.thanhhoa.gov.vn>', ...(reminder.reason.kind === 'missing' ? { attachment: { filename: `2026-11_${code}.xlsx`, content: new Uint8Array([1]) } } : {}) });
    expect(mail.inReplyTo).toBe('<da06.gui.2026-11.X.0@congan.thanhhoa.gov.vn>');
    expect({ subject: mail.subject, text: mail.text, attachments: mail.attachments.map((a) => ('filename' in a ? a.filename : '')) }).toMatchSnapshot();
  });
});
