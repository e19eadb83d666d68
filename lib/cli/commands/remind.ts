import { resolve } from 'node:path';
import { vietnamDate } from '../../_lib/calendar';
import { composeReminder, REMINDER_KIND_LABELS, reminderKey, type Reminder } from '../../mail/compose';
import { planReminders, type ReminderFacts } from '../../mail/remind';
import { buildSendState, TEMPLATE_REASON, type SendLogEntry } from '../../mail/send-log';
import type { MailSettings } from '../../mail/settings';
import { dispatchMessages, type OutgoingJob } from '../../node/mail-dispatch';
import { readSendLog } from '../../node/send-log-file';
import type { SmtpSender } from '../../node/smtp';
import type { Period } from '../../period/period';
import { findUnit, type Roster } from '../../roster/roster';
import { templateFileName } from '../../template/filename';
import { requirePeriod, UsageError, type CliContext, type Command } from '../command';
import { readSummaryFile } from '../summary-file';
import { connectSmtp, MAIL_OPTIONS, openMailRun, printDispatch, writeSendList } from '../mail-common';
import { templateSource } from './send';

export interface RunRemindOptions {
  period: Period;
  facts: ReminderFacts;
  roster: Roster;
  settings: MailSettings;
  beforeDue: boolean;
  outbox?: string;
  sender?: SmtpSender;
  templates?: string;
  resend?: boolean;
  logPath: string;
}

/** Plans the reminders from a consolidation and sends (or drafts) them; shared by `da06 remind` and `da06 demo`. */
export async function runRemind(options: RunRemindOptions, ctx: CliContext) {
  const today = vietnamDate(ctx.now().toISOString()) as string;
  const plan = planReminders(options.facts, { period: options.period, units: options.roster.units, today, beforeDue: options.beforeDue });
  const log = readSendLog(options.logPath).entries;
  const state = buildSendState(log, { resend: options.resend === true });
  const templateMessage = new Map<string, string>();
  for (const e of log) if (e.purpose === 'template' && e.reason === TEMPLATE_REASON && e.messageId && (e.outcome === 'sent' || e.outcome === 'drafted')) templateMessage.set(e.unit, e.messageId);
  const source = templateSource(options.period, ctx, options.templates);
  const byUnit = new Map(plan.reminders.map((r) => [r.unit, r]));
  const jobs: OutgoingJob[] = plan.reminders.map((reminder) => {
    const unit = findUnit(options.roster, reminder.unit) as NonNullable<ReturnType<typeof findUnit>>;
    return {
      unit,
      purpose: 'reminder',
      reason: reminderKey(reminder.reason),
      draftName: `nhac_${templateFileName(options.period, unit).replace(/\.xlsx$/, '.eml')}`,
      async build(ids) {
        // A unit that has not sent gets its template again, so nobody has to dig for last month's e-mail.
        const needsTemplate = reminder.reason.kind === 'missing' || reminder.reason.kind === 'notYetSent';
        const attachment = needsTemplate ? await source(unit) : undefined;
        if (attachment && 'problem' in attachment) return attachment;
        const inReplyTo = templateMessage.get(unit.code);
        return composeReminder({ unit, reminder, period: options.period, settings: options.settings, ...ids, ...(inReplyTo ? { inReplyTo } : {}), ...(attachment ? { attachment } : {}) });
      },
    };
  });
  const result = await dispatchMessages(jobs, {
    period: options.period.id,
    channel: options.sender ? 'smtp' : 'outbox',
    ...(options.outbox ? { outbox: options.outbox } : {}),
    ...(options.sender ? { sender: options.sender } : {}),
    logPath: options.logPath,
    state,
    from: options.settings.from.address,
    now: () => ctx.now(),
  });
  let list: string | undefined;
  if (options.outbox) {
    const latest = new Map<string, SendLogEntry>();
    for (const entry of readSendLog(options.logPath).entries) if (entry.purpose === 'reminder' && byUnit.has(entry.unit) && entry.reason === reminderKey((byUnit.get(entry.unit) as Reminder).reason)) latest.set(entry.unit, entry);
    const reminded = options.roster.units.filter((u) => byUnit.has(u.code));
    list = writeSendList(options.outbox, reminded, (u) => latest.get(u), (u) => REMINDER_KIND_LABELS[(byUnit.get(u.code) as Reminder).reason.kind]);
  }
  return { plan, result, list };
}

export const remindCommand: Command = {
  name: 'remind',
  summary: 'Nhắc các đơn vị chưa gửi, gửi tệp bị từ chối, hoặc có lỗi cần sửa (từ báo cáo tổng hợp).',
  usage: 'remind --period YYYY-MM --from TONG_HOP.xlsx [--before-due] [--outbox THƯ_MỤC | --smtp] [--templates THƯ_MỤC] [--resend] [--config TỆP]',
  details: [
    'Đọc báo cáo tổng hợp do da06 consolidate tạo (trang "Nộp báo cáo" và "Nhật ký tiếp nhận") và gửi mỗi đơn vị',
    'cần nhắc một thư, nói rõ vì sao:',
    '  - chưa gửi (sau hạn; trước hạn chỉ khi có --before-due): kèm lại biểu mẫu của đơn vị;',
    '  - tệp bị từ chối: tên tệp, thời điểm nhận và lý do (tệp hỏng, sai kỳ, sai mẫu …), cách sửa;',
    '  - tệp được tổng hợp nhưng có lỗi: danh sách [trang!ô] và nội dung lỗi như da06 validate.',
    'Tệp bị từ chối không đọc được trang định danh được gán cho đơn vị theo địa chỉ người gửi trong danh bạ.',
    'Như da06 send: mặc định soạn sẵn thư .eml trong --outbox; --smtp gửi thẳng; nhật ký gửi ghi mọi thư nhắc,',
    'không nhắc một đơn vị hai lần vì cùng một lý do (trừ khi có --resend); đơn vị chưa có địa chỉ được liệt kê.',
    '',
    'Ví dụ:',
    '  da06 remind --period 2026-11 --from tong-hop-2026-11.xlsx --outbox thu-nhac-2026-11',
    '  DA06_SMTP_PASSWORD=… da06 remind --period 2026-11 --from tong-hop-2026-11.xlsx --smtp',
    '  da06 remind --period 2026-11 --from tong-hop-2026-11.xlsx --before-due --smtp',
  ].join('\n'),
  options: {
    period: { type: 'string', help: 'Kỳ báo cáo, dạng YYYY-MM (bắt buộc).', valueName: 'YYYY-MM' },
    from: { type: 'string', help: 'Báo cáo tổng hợp của kỳ do da06 consolidate tạo (bắt buộc).', valueName: 'TỆP.xlsx' },
    'before-due': { type: 'boolean', help: 'Trước hạn gửi: nhắc cả các đơn vị chưa gửi.' },
    templates: { type: 'string', help: 'Thư mục biểu mẫu (da06 templates) để kèm lại cho đơn vị chưa gửi (mặc định: tạo ngay).', valueName: 'THƯ_MỤC' },
    ...MAIL_OPTIONS,
    json: { type: 'boolean', help: 'In danh sách nhắc và kết quả gửi dạng JSON.' },
  },
  async run({ positionals, values }, ctx) {
    if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(' ')}.`);
    const period = requirePeriod(values.period as string | undefined);
    const from = values.from as string | undefined;
    if (!from) throw new UsageError('Thiếu --from (báo cáo tổng hợp của kỳ, do da06 consolidate tạo).');
    const facts = readSummaryFile(from, period);
    const templates = values.templates ? resolve(values.templates as string) : undefined;
    const { loaded, outbox, logPath, release } = openMailRun(ctx, values, period.id, `thu-nhac-${period.id}`);
    let smtp: Awaited<ReturnType<typeof connectSmtp>> | undefined;
    try {
      if (values.smtp) {
        smtp = (await connectSmtp(loaded, ctx)) ?? undefined;
        if (!smtp) return 2;
      }
      const roster = ctx.loadRoster();
      const { plan, result, list } = await runRemind({ period, facts, roster, settings: loaded.settings, beforeDue: Boolean(values['before-due']), ...(outbox ? { outbox } : {}), ...(smtp ? { sender: smtp.sender } : {}), ...(templates ? { templates } : {}), resend: Boolean(values.resend), logPath }, ctx);
      if (values.json) {
        ctx.io.out(JSON.stringify({ period: period.id, log: logPath, outbox: outbox ?? null, reminders: plan.reminders, notDueYet: plan.notDueYet, results: result.entries, skipped: result.skipped.map((s) => s.job.unit.code) }, null, 2));
        return result.entries.some((e) => e.outcome === 'failed') ? 1 : 0;
      }
      const counts = (Object.keys(REMINDER_KIND_LABELS) as Array<keyof typeof REMINDER_KIND_LABELS>).map((k) => [k, plan.reminders.filter((r) => r.reason.kind === k).length] as const).filter(([, n]) => n > 0);
      ctx.io.out(`Nhắc báo cáo kỳ ${period.id} (từ ${resolve(from)}): ${plan.reminders.length} đơn vị cần nhắc${counts.length ? ` (${counts.map(([k, n]) => `${REMINDER_KIND_LABELS[k].toLowerCase()}: ${n}`).join('; ')})` : ''}.`);
      if (plan.notDueYet.length) ctx.io.out(`  ${plan.notDueYet.length} đơn vị chưa gửi nhưng chưa đến hạn: không nhắc (dùng --before-due để nhắc).`);
      ctx.io.out(smtp ? `Gửi qua ${smtp.label}, người gửi ${loaded.settings.from.address}:` : `Soạn thư nhắc trong ${outbox}:`);
      printDispatch(result, roster.units, ctx, { done: smtp ? 'Đã gửi' : 'Đã soạn', skippedHint: 'đã nhắc vì cùng lý do; dùng --resend để nhắc lại' });
      if (list) ctx.io.out(`  Mở các tệp .eml bằng Outlook hoặc Thunderbird để gửi; danh sách: ${list}`);
      ctx.io.out(`  Nhật ký gửi: ${logPath}`);
      return result.entries.some((e) => e.outcome === 'failed') ? 1 : 0;
    } finally {
      smtp?.sender.close();
      release();
    }
  },
};
