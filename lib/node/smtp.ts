import nodemailer from 'nodemailer';
import type SMTPPool from 'nodemailer/lib/smtp-pool';
import { createRateLimit, withRetries } from '../mail/send-log';
import type { SmtpSettings } from '../mail/settings';

export interface SmtpSendResult {
  ok: boolean;
  attempts: number;
  /** The server's reply (`250 2.0.0 Ok: queued`), or why it failed. */
  detail: string;
  /** Recipients refused while others were taken. */
  rejected: string[];
}

export interface SmtpSender {
  /** Checks the connection, TLS and login once, before anything is sent. */
  verify(): Promise<void>;
  send(envelope: { from: string; to: string[] }, raw: Uint8Array): Promise<SmtpSendResult>;
  close(): void;
}

export interface CreateSmtpSenderOptions {
  password?: string;
  /** Extra CA to trust (the settings' caFile); certificates are always verified. */
  ca?: Buffer;
  sleep?: (ms: number) => Promise<void>;
  now?: () => number;
}

interface SmtpError {
  code?: string;
  responseCode?: number;
  response?: string;
  message?: string;
}

/** An SMTP failure in words a secretariat can act on; the server's own answer is kept for IT. */
export function describeSmtpError(error: unknown): string {
  const e = error as SmtpError;
  const server = e.response ?? e.message ?? String(error);
  if (e.code === 'EAUTH') return `máy chủ từ chối đăng nhập (sai tên đăng nhập hoặc mật khẩu): ${server}`;
  if (/certificate|self[- ]signed|CERT_|unable to verify/i.test(server)) return `không xác minh được chứng chỉ TLS của máy chủ (cần caFile của đơn vị cấp chứng chỉ, hoặc sửa serverName): ${server}`;
  if (e.code === 'ECONNECTION' || e.code === 'ETIMEDOUT' || e.code === 'EDNS') return `không kết nối được máy chủ thư: ${server}`;
  return e.responseCode ? `máy chủ trả lời ${e.responseCode}: ${server}` : server;
}

/** nodemailer's transport with our rules: TLS verified, rate limit, retries with back-off for temporary failures. */
export function createSmtpSender(settings: SmtpSettings, options: CreateSmtpSenderOptions = {}): SmtpSender {
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const transportOptions: SMTPPool.Options = {
    pool: true,
    maxConnections: 1,
    host: settings.host,
    port: settings.port,
    secure: settings.security === 'tls',
    requireTLS: settings.security === 'starttls',
    ignoreTLS: settings.security === 'none',
    ...(settings.user ? { auth: { user: settings.user, pass: options.password ?? '' } } : {}),
    tls: { rejectUnauthorized: true, minVersion: 'TLSv1.2', ...(options.ca ? { ca: options.ca } : {}), ...(settings.serverName ? { servername: settings.serverName } : {}) },
    connectionTimeout: 30_000,
    greetingTimeout: 30_000,
    socketTimeout: 120_000,
    logger: false,
    debug: false,
  };
  const transport = nodemailer.createTransport(transportOptions);
  const limit = createRateLimit(settings.messagesPerMinute, { now: options.now ?? Date.now, sleep });
  return {
    async verify() {
      const checked = await withRetries(() => transport.verify(), { retries: settings.retries, baseDelayMs: settings.retryDelaySeconds * 1000, sleep });
      if (!checked.ok) throw new Error(describeSmtpError(checked.error));
    },
    async send(envelope, raw) {
      await limit.wait();
      const result = await withRetries(
        () => transport.sendMail({ envelope, raw: Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength) }),
        { retries: settings.retries, baseDelayMs: settings.retryDelaySeconds * 1000, sleep },
      );
      if (!result.ok) {
        const e = result.error as SmtpError & { rejected?: string[] };
        return { ok: false, attempts: result.attempts, detail: describeSmtpError(e), rejected: e.rejected ?? [] };
      }
      const info = result.value as { response?: string; rejected?: Array<string | { address: string }> };
      return { ok: true, attempts: result.attempts, detail: info.response ?? '', rejected: (info.rejected ?? []).map((r) => (typeof r === 'string' ? r : r.address)) };
    },
    close() {
      transport.close();
    },
  };
}
