// What `da06 send` and `da06 remind` share: settings, the SMTP sender, the send log, the send list.
import { existsSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { makeIssue, renderIssue } from '../issues/issue';
import { SEND_OUTCOME_LABELS, type SendLogEntry } from '../mail/send-log';
import { PASSWORD_ENV } from '../mail/settings';
import { writeFileAtomic } from '../node/files';
import type { DispatchResult } from '../node/mail-dispatch';
import { loadMailSettings, readCaFile, SettingsError, settingsPath, type LoadedSettings } from '../node/mail-settings';
import { lockSendLog, SendLogLockedError, sendLogPath } from '../node/send-log-file';
import { createSmtpSender, type SmtpSender } from '../node/smtp';
import type { Unit } from '../roster/schema';
import { UsageError, type CliContext, type OptionSpec } from './command';

export const MAIL_OPTIONS: Record<string, OptionSpec> = {
  outbox: { type: 'string', help: 'Thư mục ghi thư soạn sẵn .eml (mở bằng Outlook, Thunderbird để gửi) và danh sách gửi; mặc định khi không có --smtp.', valueName: 'THƯ_MỤC' },
  smtp: { type: 'boolean', help: 'Gửi thẳng qua máy chủ SMTP trong tệp cấu hình (mật khẩu: biến môi trường DA06_SMTP_PASSWORD).' },
  resend: { type: 'boolean', help: 'Gửi lại cả những thư nhật ký gửi ghi là đã gửi.' },
  config: { type: 'string', help: 'Tệp cấu hình thư điện tử (mặc định: da06.config.json ở thư mục hiện tại, hoặc biến DA06_CONFIG).', valueName: 'TỆP.json' },
};

export function loadSettingsOrExplain(ctx: CliContext, configPath: string | undefined, required: boolean): LoadedSettings {
  try {
    return loadMailSettings({ ...(configPath ? { path: configPath } : {}), env: ctx.env ?? {}, cwd: process.cwd(), required });
  } catch (error) {
    if (error instanceof SettingsError) throw new UsageError(error.message);
    throw error;
  }
}

/** The SMTP sender of the settings, its password from the environment; checked before the first message. */
export function smtpSenderFor(loaded: LoadedSettings, ctx: CliContext): { sender: SmtpSender; label: string } {
  const smtp = loaded.settings.smtp;
  if (!smtp) throw new UsageError(`Tệp cấu hình ${loaded.path ?? ''} chưa có mục "smtp" (máy chủ gửi thư). Xem README, mục "Thư điện tử".`);
  const password = ctx.env?.[PASSWORD_ENV.smtp];
  if (smtp.user && !password) throw new UsageError(`Chưa có mật khẩu SMTP: đặt biến môi trường ${PASSWORD_ENV.smtp} (da06 không đọc mật khẩu từ tệp cấu hình).`);
  if (smtp.security === 'none') ctx.io.err(`Cảnh báo: máy chủ SMTP ${smtp.host} được cấu hình không mã hóa (security "none"); chỉ dùng với máy chủ chuyển tiếp nội bộ.`);
  const ca = readCaFile(loaded, smtp.caFile);
  const security = { tls: 'TLS', starttls: 'STARTTLS', none: 'không mã hóa' }[smtp.security];
  return { sender: createSmtpSender(smtp, { ...(password ? { password } : {}), ...(ca ? { ca } : {}) }), label: `${smtp.host}:${smtp.port} (${security})` };
}

/** The SMTP sender, checked against the server: null, with the reason said, when it cannot be reached or refuses the login (nothing sent). */
export async function connectSmtp(loaded: LoadedSettings, ctx: CliContext): Promise<{ sender: SmtpSender; label: string } | null> {
  const smtp = smtpSenderFor(loaded, ctx);
  try {
    await smtp.sender.verify();
    return smtp;
  } catch (error) {
    ctx.io.err(`Lỗi: không gửi được qua ${smtp.label}: ${(error as Error).message}. Chưa gửi thư nào.`);
    smtp.sender.close();
    return null;
  }
}

/**
 * Where a send or remind run goes: the settings, the outbox of drafts (none with --smtp), and the period's
 * send log, held for the run (call `release` when done).
 */
export function openMailRun(ctx: CliContext, values: { config?: unknown; smtp?: unknown; outbox?: unknown }, period: string, fallbackOutbox: string): { loaded: LoadedSettings; outbox: string | undefined; logPath: string; release: () => void } {
  if (values.smtp && values.outbox) throw new UsageError('Chọn một trong hai: --outbox (soạn sẵn thư) hoặc --smtp (gửi thẳng).');
  const loaded = loadSettingsOrExplain(ctx, values.config as string | undefined, Boolean(values.smtp));
  const outbox = values.smtp ? undefined : resolveOutbox(values.outbox, fallbackOutbox);
  const logPath = sendLogFor(loaded, period, outbox);
  return { loaded, outbox, logPath, release: holdSendLog(logPath) };
}

/** The send log of the period: with the settings when there is a settings file, else beside the drafts. */
export function sendLogFor(loaded: LoadedSettings, period: string, outbox: string | undefined): string {
  if (loaded.path) return sendLogPath(settingsPath(loaded, loaded.settings.logDir), period);
  return sendLogPath(outbox ?? resolve(loaded.baseDir, loaded.settings.logDir), period);
}

/** Holds the send log for the run; a second run at the same time is refused instead of sending twice. */
export function holdSendLog(path: string): () => void {
  try {
    return lockSendLog(path);
  } catch (error) {
    if (error instanceof SendLogLockedError) throw new UsageError(`Một lệnh gửi thư khác (tiến trình ${error.pid}) đang dùng nhật ký ${path}. Chờ lệnh đó xong rồi chạy lại.`);
    throw error;
  }
}

export function resolveOutbox(value: unknown, fallback: string): string {
  const dir = resolve(typeof value === 'string' && value ? value : fallback);
  if (existsSync(dir) && !statSync(dir).isDirectory()) throw new UsageError(`"${dir}" là một tệp; --outbox cần một thư mục.`);
  return dir;
}

const csvCell = (value: string | number | undefined): string => {
  const text = value === undefined ? '' : String(value);
  return /[",;\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** The send list beside the drafts (`danh-sach-gui.csv`, UTF-8 with BOM so Excel shows Vietnamese). */
export function writeSendList(outbox: string, units: readonly Unit[], latest: (unit: string) => SendLogEntry | undefined, extra: (unit: Unit) => string = () => ''): string {
  const rows = [['Mã đơn vị', 'Tên đơn vị', 'Gửi tới', 'Đồng gửi (CC)', 'Nội dung', 'Tiêu đề', 'Tệp thư', 'Message-ID', 'Kết quả', 'Thời điểm', 'Ghi chú']];
  for (const unit of units) {
    const entry = latest(unit.code);
    rows.push([
      unit.code,
      unit.name,
      unit.email ?? '',
      (unit.cc ?? []).join('; '),
      extra(unit),
      entry?.subject ?? '',
      entry?.file ?? '',
      entry?.messageId ?? '',
      entry ? SEND_OUTCOME_LABELS[entry.outcome] : 'Không cần gửi',
      entry?.at ?? '',
      entry?.outcome === 'noAddress' ? 'Bổ sung địa chỉ bằng da06 contacts import' : (entry?.detail ?? ''),
    ]);
  }
  const path = join(outbox, 'danh-sach-gui.csv');
  writeFileAtomic(path, `\uFEFF${rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`);
  return path;
}

/** The run's outcome in a few lines: counts, then every failure and every unit without address by name. */
export function printDispatch(result: DispatchResult, units: readonly Unit[], ctx: CliContext, verb: { done: string; skippedHint: string }): void {
  const count = (o: SendLogEntry['outcome']) => result.entries.filter((e) => e.outcome === o).length;
  const nameOf = new Map(units.map((u) => [u.code, u.name]));
  const parts = [`${verb.done} ${count('sent') + count('drafted')} thư`];
  if (result.skipped.length) parts.push(`${result.skipped.length} đã gửi từ trước (bỏ qua; ${verb.skippedHint})`);
  if (count('failed')) parts.push(`${count('failed')} không thành công`);
  if (count('noAddress')) parts.push(`${count('noAddress')} đơn vị chưa có địa chỉ`);
  ctx.io.out(`  ${parts.join('; ')}.`);
  for (const entry of result.entries.filter((e) => e.outcome === 'failed')) {
    ctx.io.out(`  ${renderIssue(makeIssue('mail/send-failed', {}, { unit: `${entry.unit} - ${nameOf.get(entry.unit) ?? ''}`, to: entry.to.join(', ') || '-', attempts: entry.attempts, detail: entry.detail ?? '' }))} [mail/send-failed]`);
  }
  for (const entry of result.entries.filter((e) => e.rejected?.length)) ctx.io.out(`  Cảnh báo: máy chủ từ chối địa chỉ ${entry.rejected?.join(', ')} của ${entry.unit} (các địa chỉ khác đã nhận).`);
  for (const entry of result.entries.filter((e) => e.outcome === 'noAddress')) {
    ctx.io.out(`  ${renderIssue(makeIssue('mail/no-address', {}, { unit: entry.unit, name: nameOf.get(entry.unit) ?? '' }))} [mail/no-address]`);
  }
}
