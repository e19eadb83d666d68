import { existsSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { renderMessage as renderIssueMessage, makeIssue } from '../../issues/issue';
import { composeTemplateMail } from '../../mail/compose';
import { buildSendState, TEMPLATE_REASON, type SendLogEntry } from '../../mail/send-log';
import type { MailSettings } from '../../mail/settings';
import { dispatchMessages, type OutgoingJob } from '../../node/mail-dispatch';
import type { LoadedSettings } from '../../node/mail-settings';
import { readSendLog } from '../../node/send-log-file';
import type { SmtpSender } from '../../node/smtp';
import type { Period } from '../../period/period';
import { findUnit } from '../../roster/roster';
import type { Unit } from '../../roster/schema';
import { templateFileName } from '../../template/filename';
import { currentDefinition } from '../../template/registry';
import { requirePeriod, UsageError, type CliContext, type Command } from '../command';
import { connectSmtp, MAIL_OPTIONS, openMailRun, printDispatch, writeSendList } from '../mail-common';

/** The unit's template for the period: from the folder when given, else generated now. */
export function templateSource(period: Period, ctx: CliContext, dir: string | undefined): (unit: Unit) => Promise<{ filename: string; content: Uint8Array } | { problem: string }> {
  return async (unit) => {
    const filename = templateFileName(period, unit);
    if (dir) {
      const path = join(dir, filename);
      if (!existsSync(path)) return { problem: renderIssueMessage(makeIssue('mail/template-missing', {}, { unit: unit.code, file: filename, dir })) };
      return { filename, content: new Uint8Array(readFileSync(path)) };
    }
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- exceljs loads only when a template is generated; import() is ESM-only under node16
    const { generateWorkbook } = require('../../template/generate') as typeof import('../../template/generate');
    const content = await generateWorkbook({ definition: currentDefinition(), catalog: ctx.loadCatalog(), unit, period, generatedAt: ctx.now(), ...(ctx.integrityKey ? { integrityKey: ctx.integrityKey } : {}) });
    return { filename, content };
  };
}

export interface RunSendOptions {
  period: Period;
  units: readonly Unit[];
  loaded: LoadedSettings;
  /** Drafts here, or send through `sender`. */
  outbox?: string;
  sender?: SmtpSender;
  templates?: string;
  resend?: boolean;
  logPath: string;
}

/** Sends (or drafts) every unit's template; shared by `da06 send` and `da06 demo`. */
export async function runSend(options: RunSendOptions, ctx: CliContext) {
  const settings: MailSettings = options.loaded.settings;
  const state = buildSendState(readSendLog(options.logPath).entries, { resend: options.resend === true });
  const source = templateSource(options.period, ctx, options.templates);
  const jobs: OutgoingJob[] = options.units.map((unit) => ({
    unit,
    purpose: 'template',
    reason: TEMPLATE_REASON,
    draftName: templateFileName(options.period, unit).replace(/\.xlsx$/, '.eml'),
    async build(ids) {
      const attachment = await source(unit);
      if ('problem' in attachment) return attachment;
      return composeTemplateMail({ unit, period: options.period, settings, attachment, ...ids });
    },
  }));
  const channel = options.sender ? 'smtp' : 'outbox';
  const result = await dispatchMessages(jobs, {
    period: options.period.id,
    channel,
    ...(options.outbox ? { outbox: options.outbox } : {}),
    ...(options.sender ? { sender: options.sender } : {}),
    logPath: options.logPath,
    state,
    from: settings.from.address,
    now: () => ctx.now(),
  });
  const latest = new Map<string, SendLogEntry>();
  for (const entry of readSendLog(options.logPath).entries) if (entry.purpose === 'template') latest.set(entry.unit, entry);
  const list = options.outbox ? writeSendList(options.outbox, options.units, (u) => latest.get(u), () => 'Biểu mẫu') : undefined;
  return { result, list };
}

export const sendCommand: Command = {
  name: 'send',
  summary: 'Gửi mỗi đơn vị biểu mẫu của kỳ qua thư điện tử (soạn sẵn .eml, hoặc gửi qua SMTP).',
  usage: 'send --period YYYY-MM [--unit MÃ …] [--outbox THƯ_MỤC | --smtp] [--templates THƯ_MỤC] [--resend] [--config TỆP]',
  details: [
    'Mỗi đơn vị một thư: gửi tới địa chỉ đầu mối (và CC) trong danh bạ, tiêu đề dạng',
    '"[Đề án 06] Báo cáo tháng 11/2026 - Sở Y tế - hạn trước 10/12/2026", nội dung hướng dẫn ngắn, đính kèm',
    'biểu mẫu của đơn vị (tạo ngay, hoặc lấy từ --templates THƯ_MỤC do da06 templates tạo).',
    'Mặc định: soạn sẵn mỗi thư một tệp .eml trong --outbox (mở bằng Outlook hoặc Thunderbird là gửi được) kèm',
    'danh sách gửi danh-sach-gui.csv. --smtp: gửi thẳng qua máy chủ trong tệp cấu hình, giới hạn tốc độ, tự thử',
    'lại khi máy chủ tạm lỗi, kết quả từng đơn vị. Nhật ký gửi của kỳ ghi mọi thư: chạy lại chỉ gửi thư chưa',
    'gửi hoặc gửi lỗi (--resend để gửi lại tất cả). Đơn vị chưa có địa chỉ được liệt kê, không bị bỏ qua âm thầm.',
    '',
    'Ví dụ:',
    '  da06 send --period 2026-11 --outbox thu-di-2026-11',
    '  DA06_SMTP_PASSWORD=… da06 send --period 2026-11 --smtp --templates bieu-mau',
    '  da06 send --period 2026-11 --smtp --unit SYT --resend',
  ].join('\n'),
  options: {
    period: { type: 'string', help: 'Kỳ báo cáo, dạng YYYY-MM (bắt buộc).', valueName: 'YYYY-MM' },
    unit: { type: 'string', multiple: true, help: 'Chỉ gửi cho đơn vị có mã này (lặp lại để chọn nhiều đơn vị).', valueName: 'MÃ' },
    templates: { type: 'string', help: 'Thư mục biểu mẫu đã tạo bằng da06 templates (mặc định: tạo ngay khi gửi).', valueName: 'THƯ_MỤC' },
    ...MAIL_OPTIONS,
    json: { type: 'boolean', help: 'In kết quả từng đơn vị dạng JSON.' },
  },
  async run({ positionals, values }, ctx) {
    if (positionals.length > 0) throw new UsageError(`Thừa tham số: ${positionals.join(' ')}.`);
    const period = requirePeriod(values.period as string | undefined);
    const roster = ctx.loadRoster();
    const codes = (values.unit as string[] | undefined) ?? [];
    const units = codes.length === 0 ? roster.units : codes.map((code) => findUnit(roster, code) ?? (() => { throw new UsageError(`Không có đơn vị mã "${code}" trong danh sách. Xem: da06 units.`); })());
    const templates = values.templates ? resolve(values.templates as string) : undefined;
    if (templates && !(existsSync(templates) && statSync(templates).isDirectory())) throw new UsageError(`Không có thư mục biểu mẫu "${templates}". Tạo bằng: da06 templates --period ${period.id} --out ${values.templates as string}`);
    const { loaded, outbox, logPath, release } = openMailRun(ctx, values, period.id, `thu-di-${period.id}`);
    let smtp: Awaited<ReturnType<typeof connectSmtp>> | undefined;
    try {
      if (values.smtp) {
        smtp = (await connectSmtp(loaded, ctx)) ?? undefined;
        if (!smtp) return 2;
      }
      if (!loaded.path && !values.json) ctx.io.out(`Chưa có tệp cấu hình thư điện tử: thư ghi người gửi ${loaded.settings.from.address} (xem README, mục "Thư điện tử").`);
      const { result, list } = await runSend({ period, units, loaded, ...(outbox ? { outbox } : {}), ...(smtp ? { sender: smtp.sender } : {}), ...(templates ? { templates } : {}), resend: Boolean(values.resend), logPath }, ctx);
      if (values.json) {
        ctx.io.out(JSON.stringify({ period: period.id, log: logPath, outbox: outbox ?? null, results: result.entries, skipped: result.skipped.map((s) => s.job.unit.code) }, null, 2));
      } else {
        ctx.io.out(smtp ? `Gửi biểu mẫu kỳ ${period.id} qua ${smtp.label}, người gửi ${loaded.settings.from.address}:` : `Soạn thư gửi biểu mẫu kỳ ${period.id} trong ${outbox}:`);
        printDispatch(result, units, ctx, { done: smtp ? 'Đã gửi' : 'Đã soạn', skippedHint: smtp ? 'dùng --resend để gửi lại' : 'thư đã soạn hoặc đã gửi; dùng --resend để soạn lại' });
        if (list) ctx.io.out(`  Mở các tệp .eml bằng Outlook hoặc Thunderbird để gửi; danh sách gửi: ${list}`);
        ctx.io.out(`  Nhật ký gửi: ${logPath}`);
      }
      return result.entries.some((e) => e.outcome === 'failed') ? 1 : 0;
    } finally {
      smtp?.sender.close();
      release();
    }
  },
};
